"""A capital's name read as a namesake city of the country the text places it in
(resolve/seat_context.py)."""

from __future__ import annotations

import datetime as dt

from forewarn.resolve import ArticleActors
from forewarn.resolve.seat_context import country_mentions, seat_country


def _head(doc, word):
    return next(t for t in doc if t.text == word)


def test_namesake_city_of_the_placing_country(nlp):
    doc = nlp("Militias fought in Tripoli.")
    tok = _head(doc, "Tripoli")
    assert seat_country(tok, "Tripoli", "LBY", ({"LBN"}, [(0, "LBN")])) == "LBN"
    assert seat_country(tok, "Tripoli", "LBY", ({"LBN", "LBY"}, [(0, "LBN")])) == "LBY"  # its own named
    assert seat_country(tok, "Tripoli", "LBY", ({"LBN"}, [])) == "LBY"  # named, but placing nothing


def test_small_namesake_does_not_win(nlp):
    doc = nlp("Protesters marched in Paris.")
    assert seat_country(_head(doc, "Paris"), "Paris", "FRA", ({"USA"}, [(0, "USA")])) == "FRA"  # Paris, Texas


def test_only_mentions_that_place_something_count(nlp, kb):
    doc = nlp("Shells hit the Lebanese port as Syrian officers watched, fighters in Lebanon said.")
    named, placing = country_mentions(doc, kb)
    assert named == {"LBN", "SYR"}
    assert sorted(iso for _, iso in placing) == ["LBN", "LBN"]  # "the Lebanese port", "in Lebanon"


def test_militias_in_tripoli_beside_a_lebanese_port(nlp, kb):
    doc = nlp("Fighting between rival militias in Tripoli spread through the Lebanese port city on Sunday.")
    [res] = ArticleActors(kb, dt.date(2000, 1, 1)).resolve(_head(doc, "militias"))
    assert res.actor.country == "LBN"


def test_an_actors_country_places_nothing(nlp, kb):
    doc = nlp("American diplomats in Athens met the protesters.")
    [res] = ArticleActors(kb, dt.date(2000, 1, 1)).resolve(_head(doc, "protesters"))
    assert country_mentions(doc, kb)[1] == []
    doc = nlp("Rival militias in Tripoli clashed overnight.")
    [res] = ArticleActors(kb, dt.date(2000, 1, 1)).resolve(_head(doc, "militias"))
    assert res.actor.country == "LBY"
