"""re3d (``re3d-{train,dev}.txt``, CoNLL BIO): entity P/R/F1 for the types forewarn produces.

The sentence is rebuilt from its tokens (``_conll.detokenize``) and parsed by forewarn's spaCy
pipeline; its entities are mapped onto re3d's types:

    PERSON → Person; ORG → Organisation; GPE, LOC, FAC → Location; NORP → Nationality;
    DATE, TIME → Temporal; MONEY → Money; QUANTITY, CARDINAL, PERCENT → Quantity.

re3d types with no counterpart (Weapon, MilitaryPlatform, DocumentReference) are not scored;
their gold spans are counted in ``unscored_gold``. re3d also labels nominal and pronominal
mentions ("the group", "we") that a named-entity tagger never marks: recall carries that.

Matching: ``exact`` (same character span and type) and ``overlap`` (same type, any shared
character); one-to-one. Headline: ``f1_exact``, micro over the scored types.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path
from typing import Any

from ._coding import pipeline
from ._conll import char_spans, detokenize, read_conll
from ._measures import Counts, bio_spans, match_spans
from .registry import EvalResult

SPACY_TO_RE3D = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location",
                 "FAC": "Location", "NORP": "Nationality", "DATE": "Temporal", "TIME": "Temporal",
                 "MONEY": "Money", "QUANTITY": "Quantity", "CARDINAL": "Quantity", "PERCENT": "Quantity"}
SCORED = frozenset(SPACY_TO_RE3D.values())


def score(path: Path, *, limit: int | None = None, batch: int = 128, **_: Any) -> EvalResult:
    sentences = []
    unscored: Counter = Counter()
    for tokens, tags in read_conll(path, limit):
        text, offsets = detokenize(tokens)
        gold = char_spans(bio_spans(tags), offsets)
        unscored.update(label for *_, label in gold if label not in SCORED)
        sentences.append((text, [g for g in gold if g[2] in SCORED]))
    exact, overlap = Counts(SCORED), Counts(SCORED)
    nlp = pipeline().nlp
    it = iter(sentences)
    while chunk := list(itertools.islice(it, batch)):
        for (text, gold), doc in zip(chunk, nlp.pipe(t for t, _ in chunk)):
            predicted = [(e.start_char, e.end_char, SPACY_TO_RE3D[e.label_]) for e in doc.ents
                         if e.label_ in SPACY_TO_RE3D]
            match_spans(gold, predicted, exact)
            match_spans(gold, predicted, overlap, overlap=True)
    metrics = {"exact": exact.result(), "overlap": overlap.result(), "unscored_gold": dict(unscored)}
    metrics["f1_exact"] = metrics["exact"]["micro"]["f1"]
    metrics["f1_overlap"] = metrics["overlap"]["micro"]["f1"]
    return EvalResult("re3d", str(path), len(sentences), "f1_exact", metrics["f1_exact"], metrics)
