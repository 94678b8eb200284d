"""Parquet export: one row per event, in this schema (also what ``to_pandas``/``to_polars`` give).

==================  ==========================================  =====================================
column              type                                        meaning
==================  ==========================================  =====================================
id                  string, not null                            forewarn event id (16 hex digits)
type                string, not null                            PLOVER event type (CONSULT, ASSAULT, …)
mode                string                                      PLOVER mode (phone, arrest, …)
quad                string, not null                            verbal-cooperation … material-conflict
status              string, not null                            happened, planned, prevented, …
date_text           string                                      the time expression as written
date_value          string                                      ISO 8601 at ``date_granularity``
date_granularity    string                                      day, week, month, quarter, half, season, year, decade, century or ref
location_text       string                                      the place as written
location_name       string                                      the resolved place name
location_country    string                                      ISO 3166-1 alpha-3
lat, lon            double                                      WGS 84 degrees
actors              list<struct<text, name, country, sector>>   who acts
recipients          list<struct<text, name, country, sector>>   on whom
attribution         list<struct<text, name, country, sector>>   according to whom
evidence_text       string, not null                            the sentence the event came from
evidence_start/end  int32, not null                             offsets into the article body
trigger             string                                      the trigger word(s)
trigger_start/end   int32                                       offsets into the article body
confidence          double, not null                            0–1
rule                string                                      the pattern that fired
article_id          string, not null                            the article's id
article_title       string
article_published   date32                                      publication date
article_site        string                                      the outlet (host name)
article_url         string
article_path        string
==================  ==========================================  =====================================

The file's key-value metadata holds ``forewarn.schema`` = ``events/1``; columns may be added in a
later version, never renamed or dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["PARQUET_SCHEMA", "SCHEMA_NAME", "to_arrow", "write_parquet"]

SCHEMA_NAME = "events/1"
_ACTOR = pa.struct([("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
                    ("sector", pa.string())])
_S = pa.string()
PARQUET_SCHEMA = pa.schema([
    pa.field("id", _S, nullable=False), pa.field("type", _S, nullable=False), ("mode", _S),
    pa.field("quad", _S, nullable=False), pa.field("status", _S, nullable=False),
    ("date_text", _S), ("date_value", _S), ("date_granularity", _S),
    ("location_text", _S), ("location_name", _S), ("location_country", _S),
    ("lat", pa.float64()), ("lon", pa.float64()),
    ("actors", pa.list_(_ACTOR)), ("recipients", pa.list_(_ACTOR)), ("attribution", pa.list_(_ACTOR)),
    pa.field("evidence_text", _S, nullable=False), pa.field("evidence_start", pa.int32(), nullable=False),
    pa.field("evidence_end", pa.int32(), nullable=False),
    ("trigger", _S), ("trigger_start", pa.int32()), ("trigger_end", pa.int32()),
    pa.field("confidence", pa.float64(), nullable=False), ("rule", _S),
    pa.field("article_id", _S, nullable=False), ("article_title", _S), ("article_published", pa.date32()),
    ("article_site", _S), ("article_url", _S), ("article_path", _S),
], metadata={"forewarn.schema": SCHEMA_NAME})


def _actors(actors: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [{k: a.get(k) for k in ("text", "name", "country", "sector")} for a in actors or []]


def _row(r: dict[str, Any]) -> dict[str, Any]:
    date, loc, ev, art = r.get("date") or {}, r.get("location") or {}, r["evidence"], r.get("article") or {}
    published = art.get("published")
    return {
        "id": r["id"], "type": r["type"], "mode": r.get("mode"), "quad": r["quad"], "status": r["status"],
        "date_text": date.get("text"), "date_value": date.get("value"), "date_granularity": date.get("granularity"),
        "location_text": loc.get("text"), "location_name": loc.get("name"), "location_country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"),
        "actors": _actors(r.get("actors")), "recipients": _actors(r.get("recipients")),
        "attribution": _actors(r.get("attribution")),
        "evidence_text": ev["text"], "evidence_start": ev["start"], "evidence_end": ev["end"],
        "trigger": ev.get("trigger"), "trigger_start": ev.get("trigger_start"), "trigger_end": ev.get("trigger_end"),
        "confidence": r["confidence"], "rule": r.get("rule"),
        "article_id": art.get("id") or r.get("article_id"), "article_title": art.get("title"),
        "article_published": dt.date.fromisoformat(published[:10]) if published else None,
        "article_site": art.get("site"), "article_url": art.get("url"), "article_path": art.get("path"),
    }


def to_arrow(records: Iterable[dict[str, Any]]) -> pa.Table:
    """Event records → an Arrow table in :data:`PARQUET_SCHEMA`."""
    return pa.Table.from_pylist([_row(r) for r in records], schema=PARQUET_SCHEMA)


def write_parquet(records: Iterable[dict[str, Any]], where: str | Path | BinaryIO) -> int:
    """Write the records as one Parquet file (zstd); returns how many rows."""
    table = to_arrow(records)
    pq.write_table(table, where, compression="zstd")
    return table.num_rows
