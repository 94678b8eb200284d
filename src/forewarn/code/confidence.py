"""How sure the coder is of one event, from what the evidence offers.

Built to be calibrated (a higher score, a higher share of correct events; measured by
``bench/calibration.py``): the score is a logistic function of a few features of the evidence,
with weights fitted on the fitting half of the labelled data (see that script and the
"Confidence calibration" section of ``bench/README.md``). The features: the pattern's
specificity, whether the trigger heads the sentence's main clause (a trigger inside a purpose
clause, a relative clause or a prepositional object is less often the event the sentence
reports), whether the roles were found and resolved, whether the trigger is a noun, and the
status (a hypothetical or planned act is less often what the sentence is about).

The coder then orders a sentence's events (``lead.rank_leads``): an act embedded under another
act's verb, or a later conjunct of it, is capped at or just below that act's score, so an
event's confidence is this score or, for such an act, less. The weights were fitted on the
uncapped score.
"""

from __future__ import annotations

import math

from spacy.tokens import Token

from ..models import Actor
from .patterns import Pattern

__all__ = ["WEIGHTS", "clause_depth", "confidence", "features", "score"]

_EMBEDDING = {"advcl", "acl", "relcl", "pcomp", "pobj", "csubj", "amod", "compound", "nmod", "npadvmod"}
_MAIN = {"ROOT", "ccomp", "conj", "xcomp", "dobj", "nsubj", "nsubjpass", "attr", "parataxis"}
_UNREALISED = {"planned", "hypothetical", "denied", "prevented"}


def clause_depth(tok: Token, limit: int = 6) -> int:
    """Embedding steps from ``tok`` up to the sentence root; reported-speech complements and
    conjuncts are free, subordinate clauses and prepositional objects cost one each."""
    depth, cur = 0, tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            break
        if cur.dep_ in _EMBEDDING:
            depth += 1
        elif cur.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) \
                and cur.head.pos_ == "VERB" and cur.head.dep_ not in _MAIN:
            depth += 1
        cur = cur.head
    return depth


def features(pattern: Pattern, tok: Token, actors: list[Actor], recipients: list[Actor],
             status: str) -> dict[str, float]:
    """The evidence features the score is made of, each in [0, 1]."""
    people = actors + recipients
    resolved = sum(1 for a in people if a.name or a.country) / len(people) if people else 0.0
    return {
        "specificity": min(pattern.specificity, 2) / 2,
        "actor": 1.0 if actors else 0.0,
        "recipient": 1.0 if recipients or (pattern.reciprocal and len(actors) > 1) else 0.0,
        "resolved": resolved,
        "depth": min(clause_depth(tok), 2) / 2,
        "noun": 1.0 if tok.pos_ in ("NOUN", "PROPN") else 0.0,
        "unrealised": 1.0 if status in _UNREALISED else 0.0,
    }


#: Logistic weights (``bias`` plus one per feature), fitted by ``bench/calibration.py --fit`` on
#: the fitting half of the labelled data only (IndiaPolice train, first 3,000 sentences; the
#: even-numbered records of PLOVER-GSR and ConfliBERT-quad; every judged event counted once),
#: rounded to two places. What the fit says: a trigger deep in a subordinate clause and an act
#: that did not (yet) happen are less often the sentence's event; a found actor and a noun
#: trigger ("the arrest of", "an attack on") more often; specificity adds little once those
#: are known, and resolved or extra participants slightly less than nothing.
WEIGHTS: dict[str, float] = {
    "bias": 0.47, "specificity": 0.07, "actor": 0.99, "recipient": -0.13, "resolved": -0.44,
    "depth": -1.49, "noun": 0.86, "unrealised": -1.05,
}


def score(feats: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The logistic score of ``feats`` under ``weights`` (default :data:`WEIGHTS`), in (0, 1)."""
    w = WEIGHTS if weights is None else weights
    z = w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-z))


def confidence(pattern: Pattern, tok: Token, actors: list[Actor], recipients: list[Actor], status: str) -> float:
    """The share of events like this one that are right, as fitted: :func:`score` of
    :func:`features`, rounded to two places."""
    return round(score(features(pattern, tok, actors, recipients, status)), 2)
