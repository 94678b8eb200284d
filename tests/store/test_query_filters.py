"""The filters added for the web and export surfaces: site, place, radius, ids, counts, summaries."""

import datetime as dt

import pytest

from forewarn.errors import UsageError
from forewarn.models import Actor, Article, Event, Evidence, Origin, Place
from forewarn.store import EventFilter, Store

BODY = "Troops shelled the town. Police arrested a man."


def _event(aid, place, trigger="shelled", type_="ASSAULT", actor="Army", recipient="town"):
    t0 = BODY.index(trigger)
    return Event(type=type_, mode=None, quad="material-conflict", status="happened",
                 actors=[Actor(actor, actor, "UKR", "MIL")], recipients=[Actor(recipient, recipient, "RUS", "CVL")],
                 evidence=Evidence(BODY, 0, len(BODY), trigger, t0, t0 + len(trigger)), article_id=aid,
                 location=place)


@pytest.fixture()
def store():
    places = {"kyiv": Place("Kyiv", "Kyiv", "UKR", 50.45, 30.52), "lviv": Place("Lviv", "Lviv", "UKR", 49.84, 24.03),
              "fiji": Place("Suva", "Suva", "FJI", -18.14, 178.44), "none": None}
    with Store.open(":memory:") as s:
        for i, (key, place) in enumerate(places.items()):
            a = Article(id=f"a{i}", body=BODY, origin=Origin(path=f"/{key}"), raw_sha256=f"r{i}",
                        published=dt.date(2024, 1, 1 + i), site="kyiv.example" if key == "kyiv" else "other.example")
            s.add(a, [_event(a.id, place), _event(a.id, place, "arrested", "COERCE", "Police", "man")])
        yield s


def test_site_filter_is_case_insensitive(store):
    assert {e.article_id for e in store.events(EventFilter(sites=["KYIV.example"]))} == {"a0"}


def test_place_words(store):
    assert {e.location.name for e in store.events(EventFilter(place="lvi"))} == {"Lviv"}


def test_radius_search_uses_great_circle_distance(store):
    # Kyiv–Lviv is about 470 km.
    near_kyiv = store.events(EventFilter(lat=50.45, lon=30.52, radius_km=100))
    assert {e.location.name for e in near_kyiv} == {"Kyiv"}
    both = store.events(EventFilter(lat=50.45, lon=30.52, radius_km=500))
    assert {e.location.name for e in both} == {"Kyiv", "Lviv"}
    # Across the antimeridian: Suva from a point at 179.9 W.
    assert {e.location.name for e in store.events(EventFilter(lat=-18.1, lon=-179.9, radius_km=300))} == {"Suva"}


def test_ids_count_and_single_event(store):
    first = store.events(EventFilter(limit=1))[0]
    assert store.event(first.id) == first
    assert store.event("nope") is None
    assert store.count_events() == 8
    assert store.count_events(EventFilter(types=["coerce"])) == 4


def test_actor_summary_and_edges(store):
    top = store.actors_summary()
    assert {a["name"] for a in top[:2]} == {"Army", "Police"}
    assert top[0]["acts"] == 4 and top[0]["on"][0]["events"] == 4
    edges = store.actor_edges()
    assert {(e["source"], e["target"], e["quad"]) for e in edges} == {
        ("Army", "town", "material-conflict"), ("Police", "man", "material-conflict")}


def test_stats(store):
    stats = store.stats(EventFilter(types=["ASSAULT"]))
    assert stats["events"] == 4 and stats["articles"] == 4
    assert stats["by_type"] == {"ASSAULT": 4}
    assert len(stats["timeline"]) == 4 and len(stats["places"]) == 3


@pytest.mark.parametrize("flt, field", [
    (EventFilter(lat=1.0), "lon"), (EventFilter(lat=91, lon=0, radius_km=1), "lat"),
    (EventFilter(lat=0, lon=0, radius_km=-1), "radius_km"), (EventFilter(sort="colour"), "sort"),
    (EventFilter(since=dt.date(2024, 2, 1), until=dt.date(2024, 1, 1)), "since"),
])
def test_bad_filters_name_the_field(flt, field):
    with pytest.raises(UsageError, match=field):
        flt.check()
