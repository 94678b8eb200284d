"""forewarn: who did what to whom, where and when, and according to whom — from raw news.

The public API::

    import forewarn
    events = forewarn.extract(text_or_html, published=datetime.date(2019, 12, 30))
    with forewarn.open("news.duckdb") as db:
        db.events(type="ASSAULT", country="RUS", since="2019-12-01")   # event records (dicts)
        db.to_pandas(quad="material-conflict")                         # or .to_polars(...)
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path as _Path

from .config import Settings, load_settings
from .errors import ForewarnError
from .models import Actor, Article, Event, Evidence, Mention, Place, RawItem, Reject, TimeRef
from .pipeline import Pipeline
from .runner import Report
from .records import Records
from .store import EventFilter, Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Event",
    "EventFilter",
    "Evidence",
    "ForewarnError",
    "Mention",
    "Pipeline",
    "Place",
    "RawItem",
    "Records",
    "Reject",
    "Report",
    "Settings",
    "Store",
    "TimeRef",
    "__version__",
    "extract",
    "load_settings",
    "open",
]

_default_pipeline: Pipeline | None = None


def extract(text: str, published: _dt.date | str | None = None, *, url: str | None = None) -> list[Event]:
    """Code the events in one article given as plain text or HTML; nothing is stored."""
    global _default_pipeline
    if isinstance(published, str):
        published = _dt.date.fromisoformat(published)
    if _default_pipeline is None:
        _default_pipeline = Pipeline()
    return _default_pipeline.extract_text(text, published=published, url=url)[1]


def open(path: str | _Path, *, read_only: bool = False) -> Records:  # noqa: A001 - the API's name
    """Open (creating it unless ``read_only``) a forewarn store, seen as records.

    ``.events(**filters)`` gives event records (dicts), ``.to_pandas(**filters)`` and
    ``.to_polars(**filters)`` data frames; every other Store method is there too.
    """
    return Records.open(path, read_only=read_only)
