"""``/api/actors``: who acts most, on whom, and the who-acts-on-whom network."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ..deps import FilterDep, StoreDep, cached_json
from ..schemas import ActorsPage

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("", response_model=ActorsPage, summary="The most active actors among the filtered events")
def list_actors(request: Request, store: StoreDep, flt: FilterDep,
                limit: Annotated[int, Query(ge=1, description="Actors to return; capped at 500.")] = 50,
                edges: Annotated[int, Query(ge=0, description="Network edges to return; capped at 2000.")] = 200,
                ) -> Response:
    return cached_json(request, ActorsPage(items=store.actors_summary(flt, min(limit, 500)),
                                           edges=store.actor_edges(flt, min(edges, 2000))))
