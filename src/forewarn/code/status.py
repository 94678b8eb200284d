"""Status (denied, prevented, planned, hypothetical, historical, happened) and attribution
(who says so) of a trigger, from the words that govern it in its sentence."""

from __future__ import annotations

from spacy.tokens import Token

from .attribution import source_heads
from .ontology import Cues

__all__ = ["attribution_heads", "clause_chain", "status_flags"]

#: Relations a status reaches down through; anything else (a relative clause, a reason
#: phrase) is a different event's context.
_CLIMB = {"xcomp", "ccomp", "acl", "dobj", "pobj", "prep", "nsubjpass", "nsubj", "pcomp", "conj", "advcl", "attr"}


def clause_chain(tok: Token, cues: Cues, limit: int = 7) -> list[Token]:
    """``tok`` and its governors, up to a reported-speech verb or a relative clause."""
    chain, cur = [tok], tok
    while cur.head.i != cur.i and len(chain) < limit and cur.dep_ in _CLIMB:
        head = cur.head
        if head.lemma_.lower() in cues.speech and cur.dep_ not in ("nsubj", "nsubjpass"):
            break
        chain.append(head)
        cur = head
    return chain


def status_flags(tok: Token, cues: Cues) -> set[str]:
    chain = clause_chain(tok, cues)
    flags: set[str] = set()
    # Negation and modality: the trigger's own clause and the verbs that control it.
    for node in chain:
        for c in node.children:
            word = c.lower_
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and word in cues.negation and node.i == tok.i):
                flags.add("denied")
            if c.dep_ == "aux" and word in cues.future:
                flags.add("planned")
            if c.dep_ == "aux" and word in cues.hypothetical_aux:
                flags.add("hypothetical")
            if c.dep_ == "mark" and word in cues.hypothetical_marks:
                flags.add("hypothetical")
            if c.dep_ == "advmod" and c.lemma_.lower() in cues.historical_adverbs:
                flags.add("historical")
        if node.dep_ not in ("xcomp", "acl", "pobj", "prep", "dobj", "nsubjpass"):
            break
    for prev, node in zip(chain, chain[1:]):
        lemma = node.lemma_.lower()
        if lemma in cues.planning:
            flags.add("planned")
        if lemma in cues.prevention:
            flags.add("prevented")
        if lemma in cues.discovery:
            flags.add("discovered")
        if prev.dep_ == "prep" and prev.lower_ in cues.culprit_preps and lemma in cues.culprit_verbs:
            flags.add("culprit")
    if ("discovered" in flags or "culprit" in flags) and "planned" in flags:
        flags.add("prevented")
    return flags


def attribution_heads(tok: Token, cues: Cues | None = None) -> list[Token]:
    """Heads of the sources a trigger is reported by, outermost first ("Tass quoted a spokesman
    … as saying that …" → Tass, spokesman), from :func:`forewarn.code.attribution.find_attributions`
    over the whole document (the relations whose content holds the trigger). ``cues`` is
    accepted for compatibility; the attribution cues are ``data/attribution.toml``."""
    return source_heads(tok)
