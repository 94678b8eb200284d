"""RSS and Atom feeds: one raw item per entry, with the entry's link, title, date and id.

:func:`parse_feed` works on bytes already in hand (a file, an HTTP response, a watcher's poll);
:func:`read_feed` reads a feed file. A page that is not a feed at all (an HTML page, XML that is
broken beyond feedparser's tolerance) gives one :class:`~forewarn.models.Reject`, ``bad-feed``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Origin, RawItem, Reject
from .decode import GZIP_MAGIC, gunzip

__all__ = ["FEED_SUFFIXES", "looks_like_feed", "parse_feed", "read_feed"]

BAD_FEED = "bad-feed"
#: File suffixes read as feeds (``.xml`` only when its content looks like one).
FEED_SUFFIXES = {".rss", ".atom"}
#: The root element, after any XML declaration, processing instructions, comments and doctype.
_FEED_ROOT = re.compile(rb"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)[\s>/]",
                        re.IGNORECASE | re.DOTALL)
_HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}
_SNIFF_BYTES = 2048


def looks_like_feed(head: bytes) -> bool:
    """True when the document's root element is RSS, Atom or RSS 1.0 (RDF), within the first 2 KiB."""
    return bool(_FEED_ROOT.match(head[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")))


def _date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None


def _body(entry: Any) -> str:
    """The entry's content as HTML: full content when given, else the summary, else empty."""
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    chosen = next((c for c in contents if c.get("type", "").lower() in _HTML_TYPES), None)
    chosen = chosen or (contents[0] if contents else None)
    if chosen is not None:
        value, kind = chosen["value"], chosen.get("type", "").lower()
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary") or "", detail.get("type", "text/html").lower()
    return value if kind in _HTML_TYPES else f"<p>{html.escape(value)}</p>" if value else ""


def parse_feed(data: bytes, source: str) -> Iterator[RawItem | Reject]:
    """Yield one HTML :class:`RawItem` per entry of an RSS/Atom feed given as bytes.

    ``source`` (a path or the feed's URL) is the items' ``origin.path`` and the input named in a
    reject; an ``http(s)`` source is also the base for relative links. An entry with no content
    or summary still yields an item (empty ``data``) so a caller can fetch its ``url``.
    """
    import feedparser  # imported on first use: startup stays fast

    headers = {"content-location": source} if source.startswith(("http://", "https://")) else None
    try:
        parsed = feedparser.parse(data, response_headers=headers)
    except Exception as exc:  # feedparser tolerates a lot; anything it raises is a broken feed
        yield Reject(source, BAD_FEED, f"could not parse the feed ({type(exc).__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        cause = parsed.get("bozo_exception")
        why = f"not an RSS/Atom feed ({cause})" if cause else "not an RSS/Atom feed"
        yield Reject(source, BAD_FEED, why[:300])
        return
    for n, entry in enumerate(entries, 1):
        link = entry.get("link") or None
        ident = entry.get("id") or link
        origin = Origin(path=source, url=link, record=ident or f"entry {n}")
        yield RawItem(data=_body(entry).encode("utf-8"), origin=origin, kind="html", id=ident,
                      url=link, title=entry.get("title") or None, published=_date(entry))


def read_feed(path: Path) -> Iterator[RawItem | Reject]:
    """Entries of a feed file (``.gz`` read transparently)."""
    try:
        data = path.read_bytes()
        if data[:2] == GZIP_MAGIC:
            data = gunzip(data)
    except OSError as exc:
        yield Reject(str(path), "unreadable", exc.strerror or str(exc))
        return
    except InputError as exc:
        yield Reject(str(path), exc.reason, str(exc))
        return
    yield from parse_feed(data, str(path))
