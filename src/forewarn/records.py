"""A store seen as records: what ``forewarn.open(path)`` returns.

::

    with forewarn.open("news.duckdb") as db:
        db.events(type="ASSAULT", country="RUS", since="2019-12-01")   # list of event records
        db.to_pandas(quad="material-conflict")                         # one row per event
        db.to_polars(near=(59.94, 30.31, 50))                          # within 50 km of a point

Filters are keyword arguments named like :class:`~forewarn.store.EventFilter`'s fields; the
singular spellings the CLI uses (``type``, ``mode``, ``quad``, ``status``, ``country``, ``sector``,
``site``) are accepted too, each taking one value or a list. Everything else the store offers
(``counts``, ``article``, ``stats``, …) is reached through the same object.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .render import event_record
from .store import EventFilter, Store

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import polars

__all__ = ["Records", "make_filter"]

_FIELDS = {f.name for f in dataclasses.fields(EventFilter)}
_LISTS = {f.name for f in dataclasses.fields(EventFilter) if f.default_factory is list}  # type: ignore[misc]
_ALIASES = {"type": "types", "mode": "modes", "quad": "quads", "status": "statuses", "country": "countries",
            "sector": "sectors", "site": "sites", "id": "ids", "article": "article_id", "q": "text",
            "desc": "descending"}


def make_filter(flt: EventFilter | None = None, **filters: Any) -> EventFilter:
    """An EventFilter from keyword arguments (see the module docstring); checked."""
    values: dict[str, Any] = dataclasses.asdict(flt) if flt is not None else {}
    for key, value in filters.items():
        if value is None:
            continue
        if key == "near":  # (lat, lon, radius_km)
            values["lat"], values["lon"], values["radius_km"] = (float(v) for v in value)
            continue
        name = _ALIASES.get(key, key)
        if name not in _FIELDS:
            raise UsageError(f"unknown event filter {key!r} (known: {', '.join(sorted(_FIELDS | set(_ALIASES)))})")
        if name in _LISTS:
            value = [value] if isinstance(value, str) else list(value)
        elif name in ("since", "until") and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise UsageError(f"{key}: {value!r} is not a date like 2019-12-30") from None
        values[name] = value
    return EventFilter(**values).check()


class Records:
    """A :class:`~forewarn.store.Store` whose ``events`` are JSON-ready records."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> "Records":
        return cls(Store.open(path, read_only=read_only))

    def __getattr__(self, name: str) -> Any:  # counts, article, stats, add, … come from the store
        return getattr(self.store, name)

    def __enter__(self) -> "Records":
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.close()

    def close(self) -> None:
        self.store.close()

    def events(self, flt: EventFilter | None = None, **filters: Any) -> list[dict[str, Any]]:
        """The filtered events as records (the shape ``forewarn events --format json`` prints)."""
        found = self.store.events(make_filter(flt, **filters))
        refs = self.store.article_refs(e.article_id for e in found)
        return [event_record(e, refs.get(e.article_id)) for e in found]

    def to_pandas(self, flt: EventFilter | None = None, **filters: Any) -> "pandas.DataFrame":
        """One row per event, in the documented Parquet schema (see ``forewarn.export.parquet``)."""
        return self._table(flt, filters).to_pandas()

    def to_polars(self, flt: EventFilter | None = None, **filters: Any) -> "polars.DataFrame":
        import polars

        return polars.from_arrow(self._table(flt, filters))

    def _table(self, flt: EventFilter | None, filters: dict[str, Any]):
        from .export.parquet import to_arrow

        return to_arrow(self.events(flt, **filters))
