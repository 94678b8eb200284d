"""Local-Global Lexicon (``lgl.xml``; TR-News files of the same format read the same way):
toponym resolution on the gold spans, accuracy within 161 km. See ``_geo`` for the method."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._geo import score_geo
from .registry import EvalResult


def score(path: Path, *, limit: int | None = None, **_: Any) -> EvalResult:
    metrics = score_geo(path, limit)
    return EvalResult("lgl", str(path), metrics["toponyms"], "acc_161km", metrics["acc_161km"], metrics)
