"""Which of a sentence's events leads: an act embedded under another act's verb ranks below it.

The scorers and the summaries take a sentence's event with the highest confidence as the one
the sentence reports. An event noun or participle under another event's verb is most often that
act's reason, object or circumstance ("indicted X *for the attacks*", "welcomed the *visit*",
"pledged *support*", "killed a man who had *fought* for Y"), and the sentence is about the verb.
So an embedded event's confidence is capped just below its governing event's, unless

- the governor is a light verb that hands the act to its object ("launched an *attack*",
  "held *talks*", "carried out *strikes*") or a verb of speech: the object is then the event;
- the embedded trigger is only a conjunct of the governor ("beheaded three men and *torched*
  a school"): two acts side by side, ranked on their own evidence.

Only the order within a sentence changes: a capped score is still a score, just not above the
act that governs it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..models import Event

__all__ = ["STEP", "governing_trigger", "rank_leads"]

#: How far below its governor an embedded event is put.
STEP = 0.01
_VERBS = ("VERB", "AUX")


def governing_trigger(tok: Token, triggers: dict[int, Token], exempt: frozenset[str]) -> tuple[Token, bool] | None:
    """The nearest other trigger above ``tok`` in the parse, and whether ``tok`` is only its
    conjunct: a verb not in ``exempt`` (light and speech verbs) that ``tok`` is embedded under,
    or any verb ``tok`` is coordinated with."""
    cur, only_conj = tok, True
    for _ in range(12):
        if cur.head.i == cur.i:
            return None
        only_conj = only_conj and cur.dep_ == "conj"
        cur = cur.head
        if cur.i in triggers:
            if cur.pos_ not in _VERBS or (cur.lemma_.lower() in exempt and not only_conj):
                return None
            return cur, only_conj
    return None


def rank_leads(found: Sequence[tuple[Token, Event]], exempt: frozenset[str]) -> None:
    """Caps, in place, the confidence of each event whose trigger is embedded under another
    event's trigger (:func:`governing_trigger`) just below that event's; governors first, so a
    chain of embeddings keeps its order."""
    triggers = {tok.i: tok for tok, _ in found}
    by_token = {tok.i: event for tok, event in found}
    for tok, event in sorted(found, key=lambda pair: sum(1 for _ in pair[0].ancestors)):
        found_gov = governing_trigger(tok, triggers, exempt)
        if found_gov is None:
            continue
        gov, coordinated = found_gov
        if event.actors and not by_token[gov.i].actors:
            continue  # "23 were killed as forces launched strikes": the act with a doer says more
        ceiling = round(by_token[gov.i].confidence - (0.0 if coordinated else STEP), 2)
        if event.confidence > ceiling:
            event.confidence = max(ceiling, 0.0)
