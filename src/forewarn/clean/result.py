"""The cleaner's output record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from forewarn.models import RemovedSpan

__all__ = ["Cleaned"]


@dataclass(slots=True)
class Cleaned:
    """A cleaned document: the story's text and what was learnt about the page.

    ``body`` holds the kept paragraphs joined by ``"\\n\\n"``; the title is not part of it.
    ``removed`` lists every dropped piece with a short reason code, in input order, ``at`` being
    the offset in ``body`` where the piece stood. ``lines`` holds the :func:`line_key` of every
    candidate line of a plain-text input (empty for HTML), so a caller can count lines that recur
    across a site's articles and pass the frequent ones back as ``known_boilerplate``.
    """

    title: str | None = None
    body: str = ""
    removed: list[RemovedSpan] = field(default_factory=list)
    published: dt.date | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None
    url: str | None = None
    kind: str = "text"
    lines: list[str] = field(default_factory=list)
    #: Where ``published`` came from (e.g. ``"htmldate"``), None when no date was accepted.
    date_source: str | None = None
    #: Notes about what went wrong without stopping the cleaner (a library failure, a fallback).
    warnings: list[str] = field(default_factory=list)
    #: How sure the cleaner is that the page is an article at all (HTML only; None: not judged).
    article_confidence: float | None = None
    #: Doubts about the page as a whole, e.g. ``"not-an-article"`` (a listing, a shop, an index).
    flags: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []
