"""The report of a run: counts, rejects with their reasons, and the pace."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Any

from ..models import Reject

__all__ = ["Report"]


@dataclass(slots=True)
class Report:
    """What a run did: counts, every rejected input with its reason, and its pace."""

    inputs: int = 0
    articles: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)
    bytes_done: int = 0
    bytes_total: int | None = None
    started: float = field(default_factory=time.monotonic)

    def summary(self) -> dict[str, Any]:
        return {"inputs": self.inputs, "articles": self.articles, "duplicates": self.duplicates,
                "near_duplicates": self.near_duplicates, "events": self.events,
                "rejects": len(self.rejects), "seconds": round(self.elapsed, 2)}

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def pace(self) -> str:
        """"12.3 articles/s · 40.1 events/s · 2 rejected · ETA 0:01:10" for progress lines."""
        secs = max(self.elapsed, 1e-6)
        text = (f"{self.articles} articles ({self.articles / secs:.1f}/s) · {self.events} events "
                f"({self.events / secs:.1f}/s) · {len(self.rejects)} rejected")
        if self.bytes_total and self.bytes_done:
            left = secs * max(self.bytes_total - self.bytes_done, 0) / self.bytes_done
            text += f" · ETA {dt.timedelta(seconds=round(left))}"
        return text
