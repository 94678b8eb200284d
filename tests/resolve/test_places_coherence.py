"""Names of one article read together: counties and regions with points of their own, towns
beside the county that holds them, state abbreviations, regions of other countries."""

from __future__ import annotations

import pytest

from forewarn.resolve.gazetteer import gazetteer
from forewarn.resolve.places import resolve_place, resolve_places


def _near(place, lat, lon, tol=1.0):
    return place is not None and place.lat is not None and abs(place.lat - lat) < tol and abs(place.lon - lon) < tol


def test_us_counties_have_points_and_towns_their_county():
    g = gazetteer()
    walker = [e for e in g.county("walker") if e.admin1 == "TX"]
    assert walker and _near(walker[0], 30.7, -95.5)
    town = next(e for e in g.candidates("huntsville")[0] if e.admin1 == "TX")
    assert town.admin2 == "walker"


def test_county_and_town_pick_the_state_they_share():
    county, town = resolve_places(["Walker County", "Huntsville"], "")
    assert _near(county, 30.7, -95.5) and _near(town, 30.7, -95.5)  # Texas, not Alabama


def test_neighbouring_names_beat_a_famous_namesake():
    places = resolve_places(["Lebanon", "Boone County", "Zionsville"], "")
    assert all(p.country == "USA" for p in places)
    assert _near(places[0], 40.05, -86.47)  # Lebanon, Indiana
    paris = resolve_places(["Paris", "Henry County", "Weakley County", "Benton County"], "")[0]
    assert paris.country == "USA" and _near(paris, 36.3, -88.3)  # Paris, Tennessee


def test_a_country_is_not_a_small_namesake_town():
    text = "Tariffs on China, a professor in Houston, Texas said. China will answer."
    places = resolve_places([("China", 12, 17), ("Houston", 34, 41), ("Texas", 43, 48), ("China", 55, 60)], text)
    assert places[0].country == "CHN" and places[3].country == "CHN"


@pytest.mark.parametrize(("text", "name"), [("Kan.", "Kansas"), ("Pa.", "Pennsylvania"), ("Mont.", "Montana"),
                                            ("Calif", "California"), ("S.C.", "South Carolina")])
def test_state_abbreviations_beat_alternate_town_names(text, name):
    assert resolve_place(text).name == name


def test_la_is_los_angeles():
    place = resolve_place("L.A.")
    assert place.country == "USA" and _near(place, 34.05, -118.24)


def test_regions_of_other_countries():
    assert resolve_place("Limpopo").country == "ZAF"
    assert resolve_place("Helmand").country == "AFG"
    assert resolve_place("Gilgit-Baltistan").country == "PAK"
    kent = resolve_places(["Kent", "Surrey", "London"], "")[0]
    assert kent.country == "GBR" and _near(kent, 51.2, 0.7)
    assert resolve_places(["Kent", "Seattle", "Tacoma"], "")[0].country == "USA"
    assert _near(resolve_place("Ontario"), 49.25, -84.5)  # the hand-written point, not its towns' middle


def test_hand_written_regions_and_rivers():
    assert _near(resolve_place("Korean Peninsula"), 38.0, 127.5)
    assert resolve_place("North Africa").name == "North Africa"
    assert resolve_place("Thames").country == "GBR"
    assert resolve_place("T&T").country == "TTO"
