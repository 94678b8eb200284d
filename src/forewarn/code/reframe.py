"""What a statement about an act amounts to, decided by the engine once for every pattern.

- A committed future act by its subject ("will boycott", "offered to send troops", "is ready to
  talk") is a statement of intent: AGREE when the act is cooperative, THREATEN when it is
  hostile (a withdrawal announced as a future act is a threat, a withdrawal offered is an
  agreement).
- A negated or refused cooperative act ("would not meet", "failed to reach agreement") is a
  REJECT.
- An obligation laid on someone else in reported speech ("Russia said Sudan must return the
  helicopter") is a REQUEST from the speaker to that someone, whatever the verb.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from .ontology import cue_section
from .status import clause_chain
from .ontology import Cues

__all__ = ["Commitment", "load_commitment", "obligation_speaker", "reframe"]

_COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "AGREE"}
_MATERIAL_COOPERATIVE = {"AID", "COOPERATE", "RETREAT", "CONCEDE"}
_HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "ACCUSE"}
#: THREATEN mode for the hostile act threatened.
_THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict", "SANCTION": "relations",
                "PROTEST": None, "ACCUSE": None, "RETREAT": "relations"}
_COERCE_THREAT = {"arrest": "arrest", "deport": "expel"}
_REJECT_MODE = {"CONSULT": "meet", "AID": "assist", "COOPERATE": "assist", "CONCEDE": "yield",
                "RETREAT": "yield", "AGREE": None, "SUPPORT": None}


@dataclass(slots=True, frozen=True)
class Commitment:
    verbs: frozenset[str]
    adjectives: frozenset[str]
    future: frozenset[str]
    reported: frozenset[str]
    obligation: frozenset[str]
    refusal: frozenset[str]
    offers: frozenset[str]  # commit to a thing as well as an act ("offered aid")
    speech_like: frozenset[str]  # a clause under them is reported as speech is ("insisted it would")


@functools.lru_cache(maxsize=2)
def load_commitment() -> Commitment:
    table = cue_section("commitment")
    words = lambda key: table.get(key, frozenset())  # noqa: E731
    return Commitment(words("verbs"), words("adjectives"), words("future_aux"), words("reported_aux"),
                      words("obligation_aux"), words("refusal"), words("offer_verbs"), words("speech_like"))


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _speech_governor(tok: Token, cues: Cues) -> Token | None:
    head = tok.head
    if tok.dep_ in ("ccomp", "xcomp", "conj") and head.i != tok.i and head.lemma_.lower() in cues.speech:
        return head
    if tok.dep_ == "ccomp" and head.i != tok.i and head.lemma_.lower() in load_commitment().speech_like:
        return head
    return None


def _adjective(node: Token) -> bool:
    """ "is ready", "are prepared": the adjective, not the verb ("the army prepared to resume")."""
    return not (node.pos_ in ("VERB", "AUX") and node.tag_ in ("VBD", "VBZ", "VBP", "VBG")
                and not any(c.dep_ == "auxpass" for c in node.children))


def committed(tok: Token, cues: Cues, com: Commitment) -> tuple[bool, bool]:
    """(committed, by a future auxiliary rather than an offer or readiness)."""
    chain = clause_chain(tok, cues, limit=4)
    for prev, node in zip([None, *chain], chain):
        aux = _aux(node)
        if aux & com.future or (aux & com.reported and _speech_governor(node, cues) is not None):
            return True, True
        if node.i != tok.i and prev is not None:
            lemma = node.lemma_.lower()
            to_clause = prev.dep_ in ("xcomp", "ccomp") or (prev.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in prev.children))
            if lemma in com.verbs and (to_clause or lemma in com.offers):
                return True, False
            if node.lower_ in com.adjectives and _adjective(node):
                return True, False
        if node.dep_ not in ("xcomp", "acomp", "conj") and node.i != tok.i:
            break
    return False, False


def refused(tok: Token, cues: Cues, com: Commitment) -> bool:
    chain = clause_chain(tok, cues, limit=3)
    return any(n.i != tok.i and n.lemma_.lower() in com.refusal and tok.dep_ == "xcomp" for n in chain[1:2])


def obligation_speaker(tok: Token, cues: Cues, com: Commitment) -> Token | None:
    """The speech verb that lays an obligation ("must", "should") on ``tok``'s subject."""
    if tok.pos_ not in ("VERB", "AUX") or not (_aux(tok) & com.obligation):
        return None
    return _speech_governor(tok, cues)


def reframe(etype: str, mode: str | None, status: str, quad: str, tok: Token, cues: Cues,
            com: Commitment) -> tuple[str, str | None, str] | None:
    """A new (type, mode, status) for what the sentence says about the act, or None to keep it."""
    if etype in ("THREATEN", "REQUEST", "REJECT"):
        return None
    if status == "denied" or refused(tok, cues, com):
        if etype in _COOPERATIVE:
            return "REJECT", _REJECT_MODE.get(etype), "happened"
        return None
    if status in ("prevented", "historical"):
        return None
    is_committed, by_future = committed(tok, cues, com)
    if not is_committed and etype in _MATERIAL_COOPERATIVE and tok.lemma_.lower() in load_commitment().offers \
            and tok.pos_ in ("VERB", "AUX"):
        return "AGREE", None, "happened"  # "offered troops", "pledged aid": a promise of the act
    if not is_committed:
        return None
    if etype in _HOSTILE or (etype == "RETREAT" and mode == "withdraw" and by_future):
        threat = _COERCE_THREAT.get(mode or "") if etype == "COERCE" else None
        return "THREATEN", threat or _THREAT_MODE.get(etype), "happened"
    if etype in _COOPERATIVE and etype != "AGREE":
        return "AGREE", None, "happened"
    return None
