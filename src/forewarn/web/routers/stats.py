"""``/api/stats``: counts of the filtered events by type, quad, status, day and place."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..deps import FilterDep, StoreDep, cached_json
from ..schemas import Stats

router = APIRouter(prefix="/api/stats", tags=["stats"])


@router.get("", response_model=Stats, summary="Event counts: by type, quad, status, day (timeline), place (map)")
def get_stats(request: Request, store: StoreDep, flt: FilterDep) -> Response:
    return cached_json(request, Stats(**store.stats(flt), store=store.counts()))
