"""What the routers share: the store per request, the event filters, cached JSON responses."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import Response

from ..models import QUADS, STATUSES
from ..store import EventFilter, Store

__all__ = ["MAX_LIMIT", "StoreDep", "cached_json", "event_filter", "get_store", "require_token"]

#: The most events one page returns; a larger ``limit`` is capped to it.
MAX_LIMIT = 500

Quad = Enum("Quad", {q.replace("-", "_"): q for q in QUADS}, type=str)  # type: ignore[misc]
Status = Enum("Status", {s: s for s in STATUSES}, type=str)  # type: ignore[misc]


class Sort(str, Enum):
    date = "date"
    type = "type"
    confidence = "confidence"
    published = "published"


def get_store(request: Request) -> Iterator[Store]:
    """A cursor of the app's one DuckDB connection per request (connections are not thread-safe)."""
    state = request.app.state
    cursor = state.con.cursor()
    try:
        yield Store(cursor, state.db_path, state.read_only)
    finally:
        cursor.close()


StoreDep = Annotated[Store, Depends(get_store)]
Codes = r"^[A-Za-z0-9_-]{1,40}$"


ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _day(value: str | None, field: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _invalid(field, f"{value!r} is not a date like 2019-12-30") from None


def _invalid(field: str, message: str) -> HTTPException:
    return HTTPException(422, detail=[{"loc": ["query", field], "msg": message, "type": "value_error"}])


def event_filter(
    type: Annotated[list[Annotated[str, Query(pattern=Codes)]] | None,
                    Query(description="PLOVER event type(s), e.g. CONSULT.")] = None,
    mode: Annotated[list[Annotated[str, Query(pattern=Codes)]] | None, Query(description="PLOVER mode(s).")] = None,
    quad: Annotated[list[Quad] | None, Query(description="Quad class(es).")] = None,
    status: Annotated[list[Status] | None, Query(description="Event status(es).")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Words of an actor's or recipient's name.")] = None,
    country: Annotated[list[Annotated[str, Query(pattern=r"^[A-Za-z]{3}$")]] | None,
                       Query(description="ISO3 of an actor, recipient or the location.")] = None,
    sector: Annotated[list[Annotated[str, Query(pattern=Codes)]] | None, Query(description="Sector code(s).")] = None,
    site: Annotated[list[Annotated[str, Query(max_length=253)]] | None, Query(description="Outlet host name(s).")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Words of the location's name.")] = None,
    lat: Annotated[float | None, Query(ge=-90, le=90, description="Latitude of a radius search.")] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180, description="Longitude of a radius search.")] = None,
    radius_km: Annotated[float | None, Query(gt=0, le=20040, description="Radius (km) around lat, lon.")] = None,
    since: Annotated[str | None, Query(pattern=ISO_DATE, description="On or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(pattern=ISO_DATE, description="On or before this date (YYYY-MM-DD).")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words in the evidence (full text).")] = None,
    article: Annotated[str | None, Query(max_length=200, description="Only this article's events.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    sort: Annotated[Sort, Query()] = Sort.date,
    desc: Annotated[bool, Query(description="Sort descending.")] = False,
) -> EventFilter:
    since_day, until_day = _day(since, "since"), _day(until, "until")
    near = {"lat": lat, "lon": lon, "radius_km": radius_km}
    if any(v is not None for v in near.values()):
        for name, value in near.items():
            if value is None:
                raise _invalid(name, "a radius search needs lat, lon and radius_km")
    if since_day and until_day and since_day > until_day:
        raise _invalid("until", "until is before since")
    return EventFilter(
        types=type or [], modes=mode or [], quads=[x.value for x in quad or []],
        statuses=[x.value for x in status or []], actor=actor or None, countries=country or [],
        sectors=sector or [], sites=site or [], place=place or None, lat=lat, lon=lon, radius_km=radius_km,
        since=since_day, until=until_day, text=q or None, article_id=article or None,
        min_confidence=min_confidence, sort=sort.value, descending=desc)


FilterDep = Annotated[EventFilter, Depends(event_filter)]


def cached_json(request: Request, payload: Any, status_code: int = 200) -> Response:
    """JSON with an ETag (a hash of the body) and Cache-Control; 304 when the client has it."""
    body = json.dumps(jsonable_encoder(payload), ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
    headers = {"ETag": etag, "Cache-Control": request.app.state.cache_control, "Vary": "Accept-Encoding"}
    match = request.headers.get("if-none-match", "")
    if etag in [t.strip().removeprefix("W/") for t in match.split(",")] or match.strip() == "*":
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status_code, media_type="application/json", headers=headers)


def require_token(request: Request,
                  authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None) -> None:
    token = request.app.state.token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, detail="a valid token is needed: Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})
