"""``POST /api/ingest``: only mounted when a token is configured, and then only with it."""

from __future__ import annotations

import threading

from fastapi import APIRouter, Depends, Request

from ...models import Origin, RawItem
from ...store import Store
from ..deps import require_token
from ..schemas import IngestIn, IngestOut, Problem

router = APIRouter(prefix="/api/ingest", tags=["ingest"], dependencies=[Depends(require_token)])
_lock = threading.Lock()  # one writer at a time


@router.post("", response_model=IngestOut, responses={401: {"model": Problem}},
             summary="Clean, code and store one article (text, HTML or a URL to fetch)")
def ingest(request: Request, item: IngestIn) -> IngestOut:
    from ...pipeline import Pipeline

    state = request.app.state
    with _lock:
        if getattr(state, "pipeline", None) is None:
            state.pipeline = Pipeline(state.settings)
        cursor = state.con.cursor()
        try:
            store = Store(cursor, state.db_path, False)
            if item.url:
                inputs: list = [item.url]
            else:
                body = item.html or item.text or ""
                inputs = [RawItem(data=body.encode("utf-8"), origin=Origin(path="<api>"),
                                  kind="html" if item.html else "text", title=item.title,
                                  published=item.published)]
            report = state.pipeline.ingest(inputs, store, published=item.published)
        finally:
            cursor.close()
    return IngestOut(inputs=report.inputs, articles=report.articles, duplicates=report.duplicates,
                     events=report.events, rejects=[r.line() for r in report.rejects])
