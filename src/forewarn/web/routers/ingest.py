"""``POST /api/ingest``: only mounted when a token is configured, and then only with it."""

from __future__ import annotations

import json
import tempfile
import threading
from pathlib import Path

from fastapi import APIRouter, Depends, Request

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
                report = state.pipeline.ingest([item.url], store, published=item.published)
            else:
                record = {"id": None, "text": item.text, "html": item.html, "title": item.title,
                          "published": item.published.isoformat() if item.published else None}
                record = {k: v for k, v in record.items() if v is not None}
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / "posted.jsonl"
                    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
                    report = state.pipeline.ingest([str(path)], store, published=item.published)
        finally:
            cursor.close()
    return IngestOut(inputs=report.inputs, articles=report.articles, duplicates=report.duplicates,
                     events=report.events, rejects=[r.line() for r in report.rejects])
