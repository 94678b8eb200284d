"""Early warning: an unusual daily count of events against the series' own recent history.

Two families of daily series are kept (by the event's day: its own date when known to the day,
else its article's publication date, else the day it was stored; historical, hypothetical and
denied events are not counted):

- ``country-type``: events of one PLOVER type located in a country (or, with no location,
  involving an actor or recipient of that country);
- ``dyad-quad``: events of one quad class from an actor of one country to a recipient of another.

A day is unusual when its count is at least ``min_count`` (so 1 → 3 is never an alarm) and its
robust z-score ``(count − median) / scale`` over the previous ``window_days`` days (zeros
included) is at least ``threshold``, where ``scale = max(1.4826·MAD, √max(median, 1))``: the MAD
of a quiet series is often 0, and the Poisson floor keeps a rise from 0 to 2 from scoring ∞.
The store must hold at least ``min_history_days`` days before the day, or nothing is judged.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .rules import SpikeSettings
from .state import Alert, WatchStore, alert_id

__all__ = ["Spike", "find_spikes", "spike_alert"]

#: Days of stored history needed before any day is judged unusual.
MIN_HISTORY_DAYS = 7
_DAY = ("coalesce(TRY_CAST(CASE WHEN e.date_granularity = 'day' THEN substr(e.date_value, 1, 10) END AS DATE),"
        " a.published, CAST(e.created_at AS DATE))")
_EVENTS = (f"SELECT e.id, e.type, e.quad, e.location_country, {_DAY} AS day FROM events e"
           " JOIN articles a ON a.id = e.article_id"
           " WHERE e.status NOT IN ('historical', 'hypothetical', 'denied')")
_FAMILIES = {
    "country-type": (
        "SELECT coalesce(ev.location_country, x.country) || '|' || ev.type AS key, ev.day, count(DISTINCT ev.id)"
        " FROM ev LEFT JOIN event_actors x ON ev.location_country IS NULL AND x.event_id = ev.id"
        " AND x.role <> 'source' AND x.country IS NOT NULL"
        " WHERE coalesce(ev.location_country, x.country) IS NOT NULL GROUP BY ALL"),
    "dyad-quad": (
        "SELECT s.country || '>' || r.country || '|' || ev.quad AS key, ev.day, count(DISTINCT ev.id)"
        " FROM ev JOIN event_actors s ON s.event_id = ev.id AND s.role = 'actor' AND s.country IS NOT NULL"
        " JOIN event_actors r ON r.event_id = ev.id AND r.role = 'recipient' AND r.country IS NOT NULL"
        " WHERE s.country <> r.country GROUP BY ALL"),
}


@dataclass(slots=True)
class Spike:
    family: str
    key: str
    day: dt.date
    count: int
    median: float
    mad: float
    z: float
    window_days: int
    history: list[int]

    def explain(self, today: dt.date | None = None) -> str:
        when = "today" if self.day == (today or dt.date.today()) else f"on {self.day.isoformat()}"
        what, _, kind = self.key.partition("|")
        if self.family == "country-type":
            subject = f"{kind} events located in or involving {what}"
        else:
            src, _, dst = what.partition(">")
            subject = f"{kind} events from {src} to {dst}"
        median = f"{self.median:g}"
        return (f"{self.count} {subject} {when}; {self.window_days}-day median {median}"
                f" (MAD {self.mad:g}, robust z {self.z:.1f})")


def _counts(ws: WatchStore, family: str, start: dt.date, end: dt.date,
            ids: Sequence[str] | None) -> dict[tuple[str, dt.date], int]:
    where = " AND list_contains(?, e.id)" if ids is not None else ""
    sql = f"WITH ev AS ({_EVENTS}{where}) SELECT * FROM ({_FAMILIES[family]}) WHERE day BETWEEN ? AND ?"
    params: list[object] = ([list(ids)] if ids is not None else []) + [start, end]
    return {(key, day): n for key, day, n in ws.con.execute(sql, params).fetchall()}


def _first_day(ws: WatchStore) -> dt.date | None:
    return ws.con.execute(f"SELECT min(day) FROM ({_EVENTS})").fetchone()[0]


def score(count: int, history: Sequence[int]) -> tuple[float, float, float]:
    """(median, MAD, robust z) of a count against its history."""
    median = statistics.median(history) if history else 0.0
    mad = statistics.median(abs(h - median) for h in history) if history else 0.0
    scale = max(1.4826 * mad, max(median, 1.0) ** 0.5)
    return float(median), float(mad), (count - median) / scale


def find_spikes(ws: WatchStore, new_event_ids: Sequence[str], settings: SpikeSettings) -> list[Spike]:
    """Unusual days among the series that the new events fall in."""
    if not settings.enabled or not new_event_ids:
        return []
    first = _first_day(ws)
    spikes: list[Spike] = []
    for family in _FAMILIES:
        touched = _counts(ws, family, dt.date.min, dt.date.max, new_event_ids)
        if not touched:
            continue
        days = [day for _, day in touched]
        counts = _counts(ws, family, min(days) - dt.timedelta(days=settings.window_days), max(days), None)
        series: dict[str, dict[dt.date, int]] = defaultdict(dict)
        for (key, day), n in counts.items():
            series[key][day] = n
        for key, day in sorted(touched):
            if first is None or (day - first).days < MIN_HISTORY_DAYS:
                continue
            count = series[key].get(day, 0)
            if count < settings.min_count:
                continue
            history = [series[key].get(day - dt.timedelta(days=d), 0) for d in range(settings.window_days, 0, -1)]
            median, mad, z = score(count, history)
            if z >= settings.threshold:
                spikes.append(Spike(family, key, day, count, median, mad, z, settings.window_days, history))
    return spikes


def spike_alert(spike: Spike, now: dt.datetime | None = None) -> Alert:
    """One alert per series and day: a later, higher count the same day makes no second alert."""
    now = now or dt.datetime.now(dt.timezone.utc)
    rule = f"spike:{spike.family}"
    aid = alert_id("spike", rule, f"{spike.key}|{spike.day.isoformat()}")
    message = spike.explain(now.date())
    payload = {"id": aid, "kind": "spike", "rule": rule, "message": message, "created_at": now.isoformat(),
               "event": None,
               "spike": {"family": spike.family, "series": spike.key, "day": spike.day.isoformat(),
                         "count": spike.count, "median": spike.median, "mad": spike.mad, "z": round(spike.z, 3),
                         "window_days": spike.window_days, "history": spike.history}}
    return Alert(id=aid, kind="spike", rule=rule, message=message, payload=payload, series=spike.key,
                 day=spike.day, created_at=now)
