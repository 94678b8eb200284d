"""Event filters → SQL, shared by every surface that queries the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = ["EventFilter", "build_event_query"]

EVENT_COLUMNS = (
    "e.id, e.article_id, e.type, e.mode, e.quad, e.status, e.date_text, e.date_value, e.date_granularity,"
    " e.date_start, e.date_end, e.location_text, e.location_name, e.location_country, e.lat, e.lon,"
    " e.location_start, e.location_end, e.evidence_text, e.evidence_start, e.evidence_end,"
    " e.trigger_text, e.trigger_start, e.trigger_end, e.confidence, e.rule")

SORTS = {"date": "coalesce(e.date_value, CAST(a.published AS VARCHAR))", "type": "e.type",
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
    sort: str = "date"
    descending: bool = False
    limit: int | None = None
    offset: int = 0


def _any_of(column: str, values: list[str], where: list[str], params: list[Any]) -> None:
    if values:
        where.append(f"{column} IN ({', '.join('?' * len(values))})")
        params.extend(values)


def build_event_query(f: EventFilter) -> tuple[str, list[Any]]:
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
    sql = f"SELECT {EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    order = SORTS.get(f.sort, SORTS["date"])
    direction = "DESC" if f.descending else "ASC"
    sql += f" ORDER BY {order} {direction} NULLS LAST, e.article_id, e.evidence_start, e.id"
    if f.limit is not None:
        sql += f" LIMIT {max(0, int(f.limit))}"
    if f.offset:
        sql += f" OFFSET {max(0, int(f.offset))}"
    return sql, params
