"""A capital's name read in the light of where the text places it.

The knowledge base reads a capital as its country's seat of government ("Tripoli" → Libya),
but several capitals share their name with a large city elsewhere ("Tripoli" in Lebanon). When
the article never names the capital's country but places a city in another country that has a
large city of that name ("the Lebanese port", "in northern Lebanon", "Tripoli, Lebanon"), the
name is that country's city; the nearest such mention wins ("fighting in Tripoli … the Lebanese
port city" → Lebanon). A country named for an actor ("American diplomats in Athens") places
nothing.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from ._toml import as_list, read_toml
from .gazetteer import gazetteer, norm
from .kb import ActorKB

__all__ = ["country_mentions", "seat_country"]

#: A namesake counts when it is a city this large and at least this share of the capital's size.
MIN_POPULATION = 50_000
MIN_SHARE = 0.1


@lru_cache(maxsize=1)
def _rules() -> tuple[frozenset[str], frozenset[str]]:
    path = resources.files("forewarn") / "data" / "place_nouns.toml"
    data, _ = read_toml(str(path))
    place = data.get("place", {})
    return (frozenset(n.lower() for n in as_list(place.get("nouns"), str(path), None, "place.nouns")),
            frozenset(p.lower() for p in as_list(place.get("preps"), str(path), None, "place.preps")))


def _places(ent: Span) -> bool:
    """Whether a country mention says where a place is rather than whose an actor is."""
    nouns, preps = _rules()
    root = ent.root
    if root.dep_ in ("amod", "compound", "poss", "nmod"):
        return root.head.lemma_.lower() in nouns  # "the Lebanese port", "Lebanon's second city"
    if root.dep_ == "pobj":
        return root.head.lower_ in preps and ent.label_ != "NORP"  # "in northern Lebanon"
    return root.dep_ in ("appos", "npadvmod") and root.head.ent_type_ in ("GPE", "LOC")  # "Tripoli, Lebanon"


def country_mentions(doc: Doc, kb: ActorKB) -> tuple[set[str], list[tuple[int, str]]]:
    """Every country the text names by a country name or demonym (capitals and other seats not
    counted), and ``(token index, ISO3)`` of the mentions that place something."""
    named, placing = set(), []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            iso = kb.country_of(ent.text)
            if iso is None and ent.label_ == "NORP":
                iso = kb.country_of(ent[-1].text)
            if iso:
                named.add(iso)
                if _places(ent):
                    placing.append((ent.root.i, iso))
    return named, placing


def _namesakes(name: str) -> dict[str, int]:
    """ISO3 → population of the largest populated place called ``name`` in each country."""
    g = gazetteer()
    best: dict[str, int] = {}
    exact, _alt = g.candidates(norm(name))
    for entry in exact:
        if entry.kind == "country":
            continue
        iso = g.country3(entry)
        if iso and entry.population > best.get(iso, 0):
            best[iso] = entry.population
    return best


def seat_country(tok: Token, name: str, iso: str, mentions: tuple[set[str], list[tuple[int, str]]]) -> str:
    """The country of the seat ``name`` (``iso`` by the knowledge base) at ``tok``, given the
    text's ``country_mentions``: ``iso`` unless the text never names it and places something in
    another country with a large namesake city (the nearest such mention)."""
    named, placing = mentions
    if not placing or iso in named:
        return iso
    places = _namesakes(name)
    seat = places.get(iso, 0)
    others = [(abs(i - tok.i), c) for i, c in placing
              if c != iso and places.get(c, 0) >= max(MIN_POPULATION, MIN_SHARE * seat)]
    return min(others)[1] if others else iso
