"""``/api/events``: the filtered, paginated event list and single events."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from ...models import Event
from ...render import event_record
from ...store import Store
from ..deps import MAX_LIMIT, FilterDep, StoreDep, cached_json
from ..schemas import EventOut, EventsPage, Problem

router = APIRouter(prefix="/api/events", tags=["events"])
NOT_FOUND = {404: {"model": Problem, "description": "No such event."}}


def records(store: Store, events: Sequence[Event]) -> list[dict[str, Any]]:
    refs = store.article_refs(e.article_id for e in events)
    return [event_record(e, refs.get(e.article_id)) for e in events]


def page(store: Store, flt, limit: int, offset: int) -> tuple[list[dict[str, Any]], bool, int]:
    """One page of records, whether there is another, and the limit used (capped)."""
    limit = min(limit, MAX_LIMIT)
    found = store.events(dataclasses.replace(flt, limit=limit + 1, offset=offset))
    return records(store, found[:limit]), len(found) > limit, limit


@router.get("", response_model=EventsPage, summary="List events, filtered and paginated")
def list_events(request: Request, store: StoreDep, flt: FilterDep,
                limit: Annotated[int, Query(ge=0, description=f"Page size; capped at {MAX_LIMIT}.")] = 50,
                offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> Response:
    items, more, limit = page(store, flt, limit, offset)
    nxt = None
    if more and limit:
        url = request.url.include_query_params(offset=offset + limit, limit=limit)
        nxt = f"{url.path}?{url.query}"
    return cached_json(request, EventsPage(items=items, next=nxt, limit=limit))


@router.get("/{event_id}", response_model=EventOut, responses=NOT_FOUND, summary="One event")
def get_event(request: Request, store: StoreDep,
              event_id: Annotated[str, Path(max_length=200)]) -> Response:
    event = store.event(event_id)
    if event is None:
        return cached_json(request, {"detail": f"no event {event_id!r}"}, 404)
    return cached_json(request, EventOut(**records(store, [event])[0]))
