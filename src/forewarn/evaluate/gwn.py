"""GeoWebNews (``gwn.xml``): toponym resolution on the gold spans that carry coordinates,
accuracy within 161 km, also split by GeoWebNews toponym type. See ``_geo`` for the method."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._geo import score_geo
from .registry import EvalResult


def score(path: Path, *, limit: int | None = None, **_: Any) -> EvalResult:
    metrics = score_geo(path, limit)
    return EvalResult("gwn", str(path), metrics["toponyms"], "acc_161km", metrics["acc_161km"], metrics)
