"""Ingestion: turn paths, folders, JSONL exports, WARC archives, feeds, URLs and stdin into raw
items with their origin.

Each source yields :class:`~forewarn.models.RawItem` or, for an input that cannot be read,
a :class:`~forewarn.models.Reject` with its reason — never an exception, so a run goes on.
The URL fetcher (:mod:`.urls`, which needs httpx) is imported only when first used.
"""

from __future__ import annotations

from typing import Any

from .decode import decode_bytes
from .feeds import parse_feed, read_feed
from .files import iter_inputs
from .warc import WarcStats, read_warc

__all__ = ["FetchOptions", "Fetcher", "WarcStats", "decode_bytes", "fetch", "iter_inputs",
           "parse_feed", "read_feed", "read_url", "read_warc"]

_LAZY = {"FetchOptions", "Fetcher", "fetch", "read_url"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import urls

        return getattr(urls, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
