"""``/api/articles/{id}``: an article's cleaned text, removed pieces and events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from ...store import EventFilter
from ..deps import StoreDep, cached_json
from ..schemas import ArticleOut, Problem
from .events import records

router = APIRouter(prefix="/api/articles", tags=["articles"])


@router.get("/{article_id}", response_model=ArticleOut,
            responses={404: {"model": Problem, "description": "No such article."}},
            summary="An article (id or a unique prefix of 6+ characters) with its events")
def get_article(request: Request, store: StoreDep, article_id: Annotated[str, Path(max_length=200)]) -> Response:
    article = store.article(article_id)
    if article is None:
        return cached_json(request, {"detail": f"no article {article_id!r}"}, 404)
    events = store.events(EventFilter(article_id=article.id, sort="published"))
    body = article.to_dict()
    out = ArticleOut(**{k: body[k] for k in ("id", "title", "published", "site", "author", "language", "url",
                                              "body", "removed", "duplicate_of", "article_confidence",
                                              "flags")},
                     path=article.origin.path, events=records(store, events))
    return cached_json(request, out)
