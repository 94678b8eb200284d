"""Running forewarn's coder over labelled texts, without the cleaning stage.

The scorers feed the texts as they are (so gold character offsets stay valid: the article body
*is* the text), parse them in batches the way ingest does (``Pipeline.annotator``: the prefilter
when it is on, as by default) and code each one. Shared by the event, role and attribution scorers.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from ..models import Article, Event, Origin, sha256_hex

BATCH = 64


def pipeline():
    """One :class:`forewarn.pipeline.Pipeline` per process (the model loads once)."""
    global _PIPELINE
    if _PIPELINE is None:
        from ..pipeline import Pipeline

        _PIPELINE = Pipeline()
    return _PIPELINE


_PIPELINE = None


def article(text: str, key: str = "", published: dt.date | None = None) -> Article:
    return Article(id=sha256_hex(f"{key}\n{text}")[:16], body=text, origin=Origin(path=key or None),
                   raw_sha256=sha256_hex(text), published=published)


def coded(items: Iterable[tuple[Any, str]], *, published: dt.date | None = None,
          batch: int = BATCH) -> Iterator[tuple[Any, Article, Any, list[Event]]]:
    """``(label, text)`` pairs → ``(label, article, doc, events)``, parsed ``batch`` at a time.

    A text the coder fails on yields no events (it is scored, as a miss)."""
    pipe = pipeline()
    it = iter(items)
    while chunk := list(itertools.islice(it, batch)):
        arts = [article(text, str(i), published) for i, (_, text) in enumerate(chunk)]
        for (label, _), art, doc in zip(chunk, arts, pipe.annotator.pipe(a.body for a in arts)):
            try:
                events = pipe.coder.code(art, doc)
            except Exception:  # noqa: BLE001 - one bad text must not stop a run
                events = []
            yield label, art, doc, events


def top_event(events: list[Event]) -> Event | None:
    """The event forewarn is surest of: highest confidence, ties to the earliest trigger."""
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, -e.evidence.trigger_start))


def countries(actors) -> list[str]:
    return [a.country for a in actors if a.country]


def sectors(actors) -> list[str]:
    return [a.sector for a in actors if a.sector]
