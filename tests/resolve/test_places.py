"""Place names → gazetteer entries, preferring the article's country, then population."""

from __future__ import annotations

from forewarn.resolve import resolve_place


def test_st_petersburg_prefers_the_articles_country():
    ru = resolve_place("St Petersburg", "RUS")
    assert (ru.name, ru.country) == ("Saint Petersburg", "RUS")
    assert abs(ru.lat - 59.94) < 0.01 and abs(ru.lon - 30.31) < 0.01
    us = resolve_place("St. Petersburg", "USA")
    assert us.country == "USA" and us.lat < 30


def test_population_breaks_ties_without_a_focus():
    assert resolve_place("St Petersburg").country == "RUS"


def test_countries_and_unknowns():
    assert resolve_place("Russia").country == "RUS"
    assert resolve_place("Nowhereville Qq") is None
