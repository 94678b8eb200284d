"""A bare number standing for people the sentence named just before it.

News counts the same people again without repeating the noun: "police fired on the
marchers, wounding three and detaining *40*". The number is an
actor of the kind the nearest plural noun of people acted on before it names, in the same
sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

__all__ = ["counted_antecedent"]

#: The antecedent is someone acted on, never a doer ("police arrested 12" counts no police).
_PATIENT = {"dobj", "pobj", "nsubjpass"}
#: How far back (tokens) the antecedent may be.
MAX_BACK = 25


def _bare_number(tok: Token) -> bool:
    """A cardinal that heads an object's phrase: no noun after it, none of it ("12", not "12
    people", "12 of them", nor the "2" of "2, 374 migrants")."""
    if tok.pos_ != "NUM" or tok.ent_type_ not in ("", "CARDINAL") or tok.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return False
    doc = tok.doc
    split = tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and doc[tok.i + 2].like_num
    return not split and not any(c.dep_ in ("prep", "compound", "amod", "nmod") for c in tok.children)


def counted_antecedent(tok: Token, is_people: Callable[[Token], bool]) -> Token | None:
    """The plural noun of people a bare number counts again, if the sentence names one before it."""
    if not _bare_number(tok):
        return None
    sent = tok.sent
    for cand in reversed(tok.doc[max(sent.start, tok.i - MAX_BACK):tok.i]):
        if cand.tag_ in ("NNS", "NNPS") and cand.pos_ in ("NOUN", "PROPN") and cand.dep_ in _PATIENT \
                and cand.head.lower_ != "by" and is_people(cand):
            return cand
    return None
