"""Event filters → SQL, shared by every surface that queries the store."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from ..errors import UsageError

__all__ = ["SORTS", "EventFilter", "build_count_query", "build_event_query", "build_event_where"]

EVENT_COLUMNS = (
    "e.id, e.article_id, e.type, e.mode, e.quad, e.status, e.date_text, e.date_value, e.date_granularity,"
    " e.date_start, e.date_end, e.location_text, e.location_name, e.location_country, e.lat, e.lon,"
    " e.location_start, e.location_end, e.evidence_text, e.evidence_start, e.evidence_end,"
    " e.trigger_text, e.trigger_start, e.trigger_end, e.confidence, e.rule")

SORTS = {"date": "e.sort_date", "type": "e.type",
         "confidence": "e.confidence", "published": "a.published"}


@dataclass(slots=True)
class EventFilter:
    """What to select. Lists mean "any of"; every given condition must hold."""

    types: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    quads: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # any actor's, recipient's or the location's
    sectors: list[str] = field(default_factory=list)
    actor: str | None = None  # a name or words of it, in actors or recipients
    text: str | None = None  # words in the evidence
    article_id: str | None = None
    since: dt.date | None = None  # on the event's date, else its article's publication date
    until: dt.date | None = None
    min_confidence: float | None = None
    sites: list[str] = field(default_factory=list)  # the article's site (outlet), e.g. bbc.co.uk
    place: str | None = None  # words of the location's text or resolved name
    #: Within ``radius_km`` of (``lat``, ``lon``); all three or none.
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    ids: list[str] = field(default_factory=list)  # these event ids only
    sort: str = "date"
    descending: bool = False
    limit: int | None = None
    offset: int = 0

    def check(self) -> "EventFilter":
        """Raise UsageError, naming the field, when the filter cannot be run."""
        near = {"lat": self.lat, "lon": self.lon, "radius_km": self.radius_km}
        given = [k for k, v in near.items() if v is not None]
        if given and len(given) != 3:
            missing = ", ".join(k for k in near if k not in given)
            raise UsageError(f"a radius search needs lat, lon and radius_km; missing: {missing}")
        if self.lat is not None and not -90 <= self.lat <= 90:
            raise UsageError(f"lat must be between -90 and 90, not {self.lat}")
        if self.lon is not None and not -180 <= self.lon <= 180:
            raise UsageError(f"lon must be between -180 and 180, not {self.lon}")
        if self.radius_km is not None and not self.radius_km > 0:
            raise UsageError(f"radius_km must be positive, not {self.radius_km}")
        if self.sort not in SORTS:
            raise UsageError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")
        if self.since and self.until and self.since > self.until:
            raise UsageError(f"since ({self.since}) is after until ({self.until})")
        return self


#: Mean Earth radius (km), as in the haversine formula's usual statement.
EARTH_KM = 6371.0088


def _near(f: EventFilter, where: list[str], params: list[Any]) -> None:
    """Bounding box first (cheap, prunes most rows), then the exact haversine distance."""
    dlat = math.degrees(f.radius_km / EARTH_KM)
    where.append("e.lat BETWEEN ? AND ?")
    params.extend([f.lat - dlat, f.lat + dlat])
    cos_lat = math.cos(math.radians(f.lat))
    if cos_lat > 1e-6:
        dlon = math.degrees(f.radius_km / (EARTH_KM * cos_lat))
        if f.lon - dlon >= -180 and f.lon + dlon <= 180:  # no box across the antimeridian
            where.append("e.lon BETWEEN ? AND ?")
            params.extend([f.lon - dlon, f.lon + dlon])
    where.append("2 * ? * asin(sqrt(pow(sin(radians(e.lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(e.lat))"
                 " * pow(sin(radians(e.lon - ?) / 2), 2))) <= ?")
    params.extend([EARTH_KM, f.lat, f.lat, f.lon, f.radius_km])


def _any_of(column: str, values: list[str], where: list[str], params: list[Any]) -> None:
    if values:
        where.append(f"{column} IN ({', '.join('?' * len(values))})")
        params.extend(values)


def build_event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """The FROM and WHERE clauses for a filter (``events e JOIN articles a``), and their parameters."""
    where: list[str] = []
    params: list[Any] = []
    _any_of("e.type", [t.upper() for t in f.types], where, params)
    _any_of("e.mode", [m.lower() for m in f.modes], where, params)
    _any_of("e.quad", [q.lower() for q in f.quads], where, params)
    _any_of("e.status", [s.lower() for s in f.statuses], where, params)
    if f.countries:
        codes = [c.upper() for c in f.countries]
        marks = ", ".join("?" * len(codes))
        where.append(f"(e.location_country IN ({marks}) OR EXISTS (SELECT 1 FROM event_actors x WHERE"
                     f" x.event_id = e.id AND x.role <> 'source' AND x.country IN ({marks})))")
        params.extend(codes + codes)
    if f.sectors:
        marks = ", ".join("?" * len(f.sectors))
        where.append(f"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.role <> 'source'"
                     f" AND x.sector IN ({marks}))")
        params.extend(s.upper() for s in f.sectors)
    if f.actor:
        where.append("EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.role <> 'source'"
                     " AND (x.name ILIKE ? OR x.text ILIKE ?))")
        params.extend([f"%{f.actor}%"] * 2)
    if f.text:
        where.append("e.evidence_text ILIKE ?")
        params.append(f"%{f.text}%")
    if f.article_id:
        where.append("(e.article_id = ? OR starts_with(e.article_id, ?))")
        params.extend([f.article_id] * 2)
    day = "coalesce(TRY_CAST(substr(e.date_value, 1, 10) AS DATE), a.published)"
    if f.since:
        where.append(f"{day} >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{day} <= ?")
        params.append(f.until)
    if f.min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(f.min_confidence)
    _any_of("lower(a.site)", [x.lower() for x in f.sites], where, params)
    _any_of("e.id", list(f.ids), where, params)
    if f.place:
        where.append("(e.location_text ILIKE ? OR e.location_name ILIKE ?)")
        params.extend([f"%{f.place}%"] * 2)
    if f.lat is not None and f.lon is not None and f.radius_km is not None:
        _near(f, where, params)
    sql = "FROM events e JOIN articles a ON a.id = e.article_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, params


def build_count_query(f: EventFilter) -> tuple[str, list[Any]]:
    body, params = build_event_where(f)
    return f"SELECT count(*) {body}", params


def build_event_query(f: EventFilter) -> tuple[str, list[Any]]:
    body, params = build_event_where(f)
    sql = f"SELECT {EVENT_COLUMNS} {body}"
    order = SORTS.get(f.sort, SORTS["date"])
    direction = "DESC" if f.descending else "ASC"
    sql += f" ORDER BY {order} {direction} NULLS LAST, e.article_id, e.evidence_start, e.id"
    if f.limit is not None:
        sql += f" LIMIT {max(0, int(f.limit))}"
    if f.offset:
        sql += f" OFFSET {max(0, int(f.offset))}"
    return sql, params
