"""The doers of a death in a fight: the sides of a clash it happened in ("died in clashes between
police and villagers"), or a firer the parse split off its fire word ("killed in police firing").
Words: ``[fights]`` in ``data/cues.toml``."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .ontology import cue_section
from .syntax import NOUNS, expand, neighbourhood

__all__ = ["fight_parties", "misparsed_firer"]

_FIGHTS = cue_section("fights")
_FIGHT_PARTY_PREPS = frozenset({"between", "with", "involving"})


def fight_parties(tok: Token) -> list[Token]:
    """The sides of a fight a death happened in, as its doers: "died in clashes between police
    and villagers" → police, villagers; "killed during a gunbattle with troops" → troops
    (``[fights]`` in ``data/cues.toml``)."""
    out: list[Token] = []
    for word, fight in neighbourhood(tok, deep=False):
        if word not in _FIGHTS.get("preps", ()) or fight.lemma_.lower() not in _FIGHTS.get("nouns", ()) \
                and fight.lower_ not in _FIGHTS.get("nouns", ()):
            continue
        for p in fight.children:
            if p.dep_ == "prep" and p.lower_ in _FIGHT_PARTY_PREPS:
                out.extend(x for o in p.children if o.dep_ == "pobj" and o.pos_ in NOUNS for x in expand(o))
    return out


def misparsed_firer(tok: Token, is_actor: Callable[[Token], bool]) -> list[Token]:
    """"killed in police firing" parsed as "in police" with "firing" hung off another word: the
    object of the trigger's "in"/"during"/"by" that the fire word follows at once fired."""
    words = _FIGHTS.get("fire_words", ())
    doc = tok.doc
    return [o for word, o in neighbourhood(tok, deep=False) if word in ("in", "during", "by")
            and o.pos_ in NOUNS and is_actor(o) and o.i + 1 < len(doc) and doc[o.i + 1].lower_ in words
            and doc[o.i + 1].head.i != o.i and o.head.i != o.i + 1]
