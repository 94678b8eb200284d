import datetime as dt

import pytest

from forewarn.models import Actor, Place
from forewarn.store import Store
from forewarn.watch import SpikeSettings, WatchStore, find_spikes, spike_alert
from forewarn.watch.spikes import score

RUS = Place("Moscow", "Moscow", "RUS", 55.75, 37.62)
TODAY = dt.date(2024, 5, 31)


def fill(store, article_factory, event_factory, per_day: dict[int, int], type_="ASSAULT"):
    """per_day: days before TODAY → number of events located in RUS that day."""
    new = []
    for back, n in per_day.items():
        aid = f"{type_}-{back}"
        day = TODAY - dt.timedelta(days=back)
        events = [event_factory(type_, location=RUS, article_id=aid, start=i * 40,
                                actors=[Actor("troops", None, "UKR", "MIL")], recipients=[Actor("city", None, "RUS")])
                  for i in range(n)]
        store.add(article_factory(aid, published=day), events)
        if back == 0:
            new = [e.id for e in events]
    return new


@pytest.fixture
def ws(tmp_path):
    store = Store.open(tmp_path / "sp.duckdb")
    yield WatchStore(store)
    store.close()


def test_a_rise_against_its_own_history_alerts_and_explains_itself(ws, article_factory, event_factory):
    history = {back: 2 if back % 3 else 1 for back in range(1, 31)}
    new = fill(ws.store, article_factory, event_factory, history | {0: 14})
    spikes = find_spikes(ws, new, SpikeSettings())
    by_family = {s.family: s for s in spikes}
    assert set(by_family) == {"country-type", "dyad-quad"}
    s = by_family["country-type"]
    assert (s.key, s.day, s.count, s.median) == ("RUS|ASSAULT", TODAY, 14, 2)
    alert = spike_alert(s, now=dt.datetime(2024, 5, 31, 12, tzinfo=dt.timezone.utc))
    assert alert.message.startswith("14 ASSAULT events located in or involving RUS today; 30-day median 2")
    assert alert.kind == "spike" and alert.payload["spike"]["count"] == 14
    assert spike_alert(s).id == alert.id  # one alert per series and day
    assert "from UKR to RUS" in by_family["dyad-quad"].explain()


def test_small_numbers_and_usual_days_do_not_alert(ws, article_factory, event_factory):
    new = fill(ws.store, article_factory, event_factory, {back: 1 for back in range(1, 31)} | {0: 3})
    assert find_spikes(ws, new, SpikeSettings()) == []  # 1 → 3: under the minimum count
    assert find_spikes(ws, new, SpikeSettings(min_count=3, threshold=10)) == []


def test_busy_series_needs_a_real_rise(ws, article_factory, event_factory):
    new = fill(ws.store, article_factory, event_factory, {back: 10 + back % 4 for back in range(1, 31)} | {0: 14})
    assert find_spikes(ws, new, SpikeSettings()) == []


def test_no_judgement_without_history(ws, article_factory, event_factory):
    new = fill(ws.store, article_factory, event_factory, {0: 30})
    assert find_spikes(ws, new, SpikeSettings()) == []


def test_score_has_a_poisson_floor():
    assert score(3, [0] * 30) == (0.0, 0.0, 3.0)
    median, mad, z = score(14, [2] * 30)
    assert (median, mad) == (2.0, 0.0) and z == pytest.approx(12 / 2 ** 0.5)
