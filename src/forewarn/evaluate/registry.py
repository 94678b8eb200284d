"""The scorers by data-set name; each is imported only when it is asked for."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError

#: data-set name → "module:function" under forewarn.evaluate
SCORERS: dict[str, str] = {
    "wcxb": "wcxb:score",
    "plover-gsr": "plover_gsr:score",
    "petrarch2-unittest": "petrarch2:score",
    "conflibert-quad": "conflibert_quad:score",
    "conflibert-roles": "conflibert_roles:score",
    "indiapolice-sents": "indiapolice:score",
    "muc4": "muc4:score",
    "re3d": "re3d:score",
    "lgl": "lgl:score",
    "gwn": "gwn:score",
    "timeml": "timeml:score",
    "polnear": "polnear:score",
}


@dataclass(slots=True)
class EvalResult:
    dataset: str
    path: str
    items: int
    headline_name: str
    headline_value: float
    metrics: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "path": self.path, "items": self.items,
                "headline": {"name": self.headline_name, "value": round(self.headline_value, 4)},
                "metrics": self.metrics}


def evaluate(name: str, path: str | Path, **options: Any) -> EvalResult:
    if name not in SCORERS:
        raise UsageError(f"no scorer for {name!r}; known: {', '.join(sorted(SCORERS))}")
    if not Path(path).exists():
        raise UsageError(f"{path}: no such file or folder")
    module, function = SCORERS[name].split(":")
    scorer = getattr(importlib.import_module(f"{__package__}.{module}"), function)
    return scorer(Path(path), **options)
