"""The HTML pages: the event list with filters and charts, and the article view."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...models import QUADS, STATUSES
from ...store import EventFilter
from ..deps import MAX_LIMIT, FilterDep, StoreDep
from ..highlight import article_pieces
from .events import page

router = APIRouter(include_in_schema=False)


def _render(request: Request, name: str, status_code: int = 200, **context) -> Response:
    response = request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Cache-Control"] = "no-cache"
    return response


@router.get("/", response_class=HTMLResponse)
def index(request: Request, store: StoreDep, flt: FilterDep,
          limit: Annotated[int, Query(ge=0)] = 50, offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> Response:
    items, more, limit = page(store, flt, limit, offset)
    q = request.query_params
    nxt = request.url.include_query_params(offset=offset + limit) if more and limit else None
    prev = request.url.include_query_params(offset=max(0, offset - limit)) if offset else None
    return _render(request, "index.html", items=items, next=nxt and f"?{nxt.query}", prev=prev and f"?{prev.query}",
                   offset=offset, limit=limit, max_limit=MAX_LIMIT, quads=QUADS, statuses=STATUSES,
                   q=q, query=request.url.query, counts=store.counts())


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, store: StoreDep, article_id: Annotated[str, Path(max_length=200)]) -> Response:
    article = store.article(article_id)
    if article is None:
        return _render(request, "missing.html", 404, what="article", ident=article_id)
    events = store.events(EventFilter(article_id=article.id, sort="published"))
    order = sorted(events, key=lambda e: (e.evidence.start, e.evidence.trigger_start))
    refs = store.article_refs([article.id])
    records = [e.to_dict() | {"article": refs.get(article.id)} for e in order]
    return _render(request, "article.html", article=article, pieces=article_pieces(article, order),
                   events=records, numbers={e.id: n for n, e in enumerate(order, 1)})


@router.get("/events/{event_id}")
def event_page(request: Request, store: StoreDep, event_id: Annotated[str, Path(max_length=200)]) -> Response:
    event = store.event(event_id)
    if event is None:
        return _render(request, "missing.html", 404, what="event", ident=event_id)
    return RedirectResponse(f"/articles/{quote(event.article_id, safe='')}#row-{event.id}", status_code=303)
