"""Status (denied, prevented, planned, hypothetical, historical, happened) and attribution
(who says so) of a trigger, from the words that govern it in its sentence."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from .attribution import source_heads
from .ontology import Cues, cue_section

__all__ = ["StatusCues", "attribution_heads", "clause_chain", "status_cues", "status_flags"]

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


@dataclass(slots=True, frozen=True)
class StatusCues:
    """The ``[status]`` cues only this module reads (see ``data/cues.toml``)."""
    requested: frozenset[str]
    implicative: frozenset[str]
    past_implicative: frozenset[str]
    failure: frozenset[str]
    obligation_aux: frozenset[str]
    nobody: frozenset[str]  # a subject that denies the act ("nobody was hurt")


@functools.lru_cache(maxsize=2)
def status_cues() -> StatusCues:
    table = cue_section("status")
    words = lambda key: table.get(key, frozenset())  # noqa: E731
    return StatusCues(words("requested"), words("implicative"), words("past_implicative"),
                      words("failure"), words("obligation_aux"), words("nobody"))


#: Relations the modality of a governing verb reaches down through ("was able to arrest",
#: "arrangements for detaining … are to be made", "wanted the arrest of …").
_MODAL_REACH = {"xcomp", "acl", "pobj", "prep", "dobj", "nsubjpass", "pcomp", "acomp"}
_OWN_CLAUSE = {"nsubj", "nsubjpass", "aux", "auxpass", "csubj"}


def _chain(tok: Token, cues: Cues, limit: int = 7) -> list[Token]:
    """:func:`clause_chain`, also climbing from an adjective to its copula ("not able to")."""
    chain = clause_chain(tok, cues, limit)
    while len(chain) < limit and chain[-1].dep_ == "acomp" and chain[-1].head.i != chain[-1].i:
        chain.extend(clause_chain(chain[-1].head, cues, limit - len(chain)))
    return chain


def _nobody(subj: Token, cues: Cues) -> bool:
    return subj.lower_ in status_cues().nobody or any(
        d.dep_ in ("det", "neg") and d.lower_ in cues.negation for d in subj.children)


def _is_past(tok: Token) -> bool:
    return tok.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children)


def _to_infinitive(node: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.tag_ == "TO" for c in node.children)


def _infinitive_flag(node: Token, sc: StatusCues) -> str | None:
    """What a governor makes of the act in its to-infinitive: "failed to arrest" (denied),
    "managed to arrest" (whatever the governor's status), "had to open fire" (happened, in the
    past), "rushed to arrest", "free to arrest", "are to be arrested" (planned)."""
    gov = node.head
    if any(c.dep_ == "aux" and c.lower_ == "have" for c in node.children):
        return None  # "is believed to have held": a past act reported
    if gov.i == node.i or node.dep_ not in ("xcomp", "advcl", "acl", "ccomp", "relcl", "csubj", "ROOT"):
        return "planned"
    lemma = gov.lemma_.lower()
    if lemma in sc.failure:
        return "denied"
    if lemma in sc.implicative:
        return None
    if lemma in sc.past_implicative:  # "were forced to", "forcing the police to open fire"
        participle = gov.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in gov.children)
        return None if _is_past(gov) or participle else "planned"
    if node.dep_ == "advcl" and gov.pos_ in ("VERB", "AUX") and _is_past(gov) and lemma not in sc.requested:
        return None  # the purpose of a past act ("took the help of police to arrest him"), done
    return "planned"


def status_flags(tok: Token, cues: Cues) -> set[str]:
    sc = status_cues()
    chain = _chain(tok, cues)
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
        chain = chain[:1]  # "the men arrested on Monday will be produced in court": a given
    flags: set[str] = set()
    # Negation and modality: the trigger's own clause and the verbs that control it.
    for node in chain:
        for c in node.children:
            word = c.lower_
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and word in cues.negation and node.i == tok.i):
                flags.add("denied")
            if c.dep_ in ("nsubj", "nsubjpass") and _nobody(c, cues):
                flags.add("denied")  # "none of the accused has been arrested", "no one was hurt"
            if c.dep_ == "aux" and word in cues.future:
                flags.add("planned")
            if c.dep_ == "aux" and word in cues.hypothetical_aux:
                flags.add("hypothetical")
            if c.dep_ == "aux" and word in sc.obligation_aux:
                flags.add("planned")
            if c.dep_ == "mark" and word in cues.hypothetical_marks:
                flags.add("hypothetical")
            if c.dep_ == "advmod" and c.lemma_.lower() in cues.historical_adverbs:
                flags.add("historical")
        if _to_infinitive(node):
            flag = _infinitive_flag(node, sc)
            if flag is not None:
                flags.add(flag)
                break
        if node.dep_ == "conj" and not any(c.dep_ in _OWN_CLAUSE for c in node.children):
            _shared_modality(node, cues, flags)  # "might appear … and court arrest"
            break
        if node.dep_ not in _MODAL_REACH:
            break
    for prev, node in zip(chain, chain[1:]):
        lemma = node.lemma_.lower()
        if lemma in cues.planning or lemma in sc.requested:
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


def _shared_modality(node: Token, cues: Cues, flags: set[str]) -> None:
    """A conjunct with no subject or auxiliary of its own shares its head's: the modals unless
    the two are contrasted ("did not fire but used tear gas"), the negation only in a
    disjunction ("did not arrest or question anyone")."""
    head = node.head
    if head.pos_ not in ("VERB", "AUX"):
        return
    cc = {c.lower_ for c in head.children if c.dep_ == "cc" and node.i > c.i > head.i}
    for c in head.children:
        if c.dep_ != "aux" or cc & {"but", "yet"}:
            continue
        if c.lower_ in cues.future:
            flags.add("planned")
        elif c.lower_ in cues.hypothetical_aux:
            flags.add("hypothetical")
    if cc & {"or", "nor"} and any(c.dep_ == "neg" for c in head.children):
        flags.add("denied")


def attribution_heads(tok: Token, cues: Cues | None = None) -> list[Token]:
    """Heads of the sources a trigger is reported by, outermost first ("Tass quoted a spokesman
    … as saying that …" → Tass, spokesman), from :func:`forewarn.code.attribution.find_attributions`
    over the whole document (the relations whose content holds the trigger). ``cues`` is
    accepted for compatibility; the attribution cues are ``data/attribution.toml``."""
    return source_heads(tok)
