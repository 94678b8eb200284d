"""How sure the coder is of one event, from what the evidence offers.

Built to be calibrated (a higher score, a higher share of correct events): the parts that
predict a correct event in the development data are the pattern's specificity, whether the
trigger heads the sentence's main clause (a trigger inside a purpose clause, a relative clause
or a prepositional object is less often the event the sentence reports), whether the roles
were found and resolved, and the status (a hypothetical is less often what the sentence is
about).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..models import Actor
from .patterns import Pattern

__all__ = ["clause_depth", "confidence"]

_EMBEDDING = {"advcl", "acl", "relcl", "pcomp", "pobj", "csubj", "amod", "compound", "nmod", "npadvmod"}
_MAIN = {"ROOT", "ccomp", "conj", "xcomp", "dobj", "nsubj", "nsubjpass", "attr", "parataxis"}


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


def confidence(pattern: Pattern, tok: Token, actors: list[Actor], recipients: list[Actor], status: str) -> float:
    """0.35 base; +0.1 per unit of pattern specificity (at most 0.2); +0.2 with an actor; +0.15
    with a recipient (or several reciprocal actors); up to +0.1 for the share of participants
    resolved to a name or country; −0.1 per embedding step of the trigger (at most −0.2);
    −0.1 for a hypothetical."""
    people = actors + recipients
    resolved = sum(1 for a in people if a.name or a.country) / len(people) if people else 0.0
    score = (0.35 + 0.1 * min(pattern.specificity, 2) + (0.2 if actors else 0.0)
             + (0.15 if recipients or (pattern.reciprocal and len(actors) > 1) else 0.0) + 0.1 * resolved)
    score -= 0.1 * min(clause_depth(tok), 2)
    if status == "hypothetical":
        score -= 0.1
    return round(min(max(score, 0.05), 1.0), 2)
