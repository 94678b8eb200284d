"""clean: raw page → article text and metadata, with every dropped piece kept and explained.

- :func:`clean_text` — plain-text scrapes (one paragraph a line): boilerplate lines and glued
  fragments removed by line classification (fast, pure Python).
- :func:`clean_html` — HTML pages: trafilatura + htmldate for body and metadata; the visible blocks
  left out of the body are reported as removed.
- :func:`clean_document` — either, by ``kind`` or by sniffing the content.
- :func:`line_key` — the key used to learn a site's recurring boilerplate lines.
"""

from __future__ import annotations

from .detect import looks_like_html
from .html import clean_html
from .result import Cleaned
from .text import clean_text, line_key, split_glued

__all__ = ["Cleaned", "clean_document", "clean_html", "clean_text", "line_key", "looks_like_html",
           "split_glued"]


def clean_document(text: str, *, kind: str | None = None, url: str | None = None,
                   known_boilerplate: set[str] | frozenset[str] = frozenset()) -> Cleaned:
    """Clean ``text`` as ``kind`` ("html" or "text"), or sniff the kind when ``kind`` is None."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = text or ""
    if kind is None:
        kind = "html" if looks_like_html(text) else "text"
    if kind == "html":
        return clean_html(text, url=url)
    if kind != "text":
        raise ValueError(f"kind must be 'html', 'text' or None, not {kind!r}")
    cleaned = clean_text(text, known_boilerplate=known_boilerplate)
    cleaned.url = url
    return cleaned
