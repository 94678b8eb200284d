"""The offline gazetteer and context-aware place resolution: namesakes, states, continents."""

from __future__ import annotations

import time

from forewarn.resolve.gazetteer import gazetteer, norm
from forewarn.resolve.places import resolve_place, resolve_places


def test_norm():
    assert norm("U.S.") == "us" and norm("St. Petersburg") == norm("Saint Petersburg")
    assert norm("the EU") == "eu" and norm("São Paulo") == "sao paulo"


def test_loads_fast_and_once():
    start = time.perf_counter()
    assert gazetteer() is gazetteer()
    assert time.perf_counter() - start < 5  # < 1 s on an idle machine; shared CI cores are slower


def test_namesakes_without_context():
    assert resolve_place("Paris").country == "FRA"
    assert resolve_place("Dublin").country == "IRL"
    for state in ("Virginia", "Florida", "Indiana", "Ohio", "Texas"):
        place = resolve_place(state)
        assert place.country == "USA" and place.lat is not None, state
    assert resolve_place("St Petersburg").country == "RUS"


def test_us_states_and_countries_have_points():
    tx, us, ru = resolve_place("Texas"), resolve_place("U.S."), resolve_place("Russia")
    assert 29 < tx.lat < 33 and -101 < tx.lon < -97
    assert us.country == "USA" and 35 < us.lat < 42 and -105 < us.lon < -90
    assert ru.country == "RUS" and ru.lat is not None


def test_continents_regions_landmarks():
    assert resolve_place("Africa").name == "Africa"
    assert resolve_place("Europe").lat is not None
    assert resolve_place("Middle East").lat is not None
    assert resolve_place("EU").lat is not None
    wh = resolve_place("White House")
    assert abs(wh.lat - 38.9) < 0.1 and abs(wh.lon + 77.04) < 0.1
    assert abs(resolve_place("Washington").lon + 77.04) < 0.1  # the capital, not the state


def test_document_context_picks_the_namesake():
    text = "PARIS, Texas - Police in Paris said the Lamar County jail near Dallas, Texas was full."
    places = resolve_places([("Paris", 0, 5), ("Lamar County", 48, 60), ("Dallas", 71, 77)], text)
    assert places[0].country == "USA" and places[0].lon < -90
    assert places[1].country == "USA" and places[1].lat is not None
    georgia = resolve_places(["Atlanta", "Georgia", "Savannah"], "")
    assert georgia[1].country == "USA"
    caucasus = resolve_places(["Tbilisi", "Georgia", "Abkhazia"], "")
    assert caucasus[1].country == "GEO"


def test_city_state_pattern():
    text = "He was born in Lexington, Ky., and moved away."
    (place,) = resolve_places([("Lexington", 15, 24)], text)
    assert place.country == "USA" and 37 < place.lat < 39 and -85 < place.lon < -84
    assert resolve_place("Ill.").name == "Illinois"


def test_prefer_country_and_unknowns():
    us = resolve_place("St. Petersburg", "USA")
    assert us.country == "USA" and us.lat < 30
    assert resolve_place("Nowhereville Qq") is None
    assert resolve_place("Russian", country_hint="RUS").country == "RUS"
