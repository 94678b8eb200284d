"""Files, folders (recursively, streamed), ``-`` for stdin, JSON and JSONL record files.

:func:`iter_inputs` is the single entry point: it also sends WARC archives to :mod:`.warc`,
RSS/Atom feeds to :mod:`.feeds` and ``http(s)://`` inputs to :mod:`.urls`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, MalformedRecord
from ..models import Origin, RawItem, Reject
from .decode import GZIP_MAGIC, decode_bytes, gunzip
from .feeds import FEED_SUFFIXES, looks_like_feed, parse_feed
from .warc import is_warc, read_warc

if TYPE_CHECKING:
    from .urls import FetchOptions

#: File names that are never articles (editor and OS litter).
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}
_RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json"}
#: How much of a file is read to recognise what it is.
_HEAD_BYTES = 4096
_URL_PREFIXES = ("http://", "https://")


def walk_files(root: Path) -> Iterator[Path]:
    """Yield files under ``root`` in a stable order without listing the whole tree first."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and name not in _SKIP_NAMES:
                yield Path(dirpath) / name


def _record_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _parse_date(value: object) -> dt.date | None:
    if not value:
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise MalformedRecord(f"'published' is not an ISO date: {text[:40]!r}") from None


def record_to_item(record: object, origin: Origin) -> RawItem:
    """One JSON record (``id``, ``text`` or ``html``, optional ``url``, ``title``, ``published``)."""
    if not isinstance(record, dict):
        raise MalformedRecord(f"expected a JSON object, got {type(record).__name__}")
    html, text = record.get("html"), record.get("text")
    body, kind = (html, "html") if html else (text, "text")
    if not isinstance(body, str) or not body.strip():
        raise MalformedRecord("record has no 'text' or 'html' string")
    ident = record.get("id")
    return RawItem(data=body.encode("utf-8"), origin=origin, kind=kind,
                   id=None if ident is None else str(ident),
                   url=record.get("url") or None, title=record.get("title") or None,
                   published=_parse_date(record.get("published")))


def _records(path: Path, text: str) -> Iterator[RawItem | Reject]:
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or _record_suffix(path) == ".json":
        if stripped.startswith("["):
            try:
                records = json.loads(text)
            except json.JSONDecodeError as exc:
                yield Reject(str(path), MalformedRecord.reason, f"invalid JSON: {exc}")
                return
            for n, record in enumerate(records, 1):
                yield _item_or_reject(record, Origin(path=str(path), record=f"item {n}"))
            return
        if not _is_jsonl(text):
            try:
                yield _item_or_reject(json.loads(text), Origin(path=str(path)))
            except json.JSONDecodeError as exc:
                yield Reject(str(path), MalformedRecord.reason, f"invalid JSON: {exc}")
            return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        origin = Origin(path=str(path), record=f"line {n}")
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(origin.label(), MalformedRecord.reason, f"not JSON: {exc.msg} at column {exc.colno}")
            continue
        yield _item_or_reject(record, origin)


def _is_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines()[:3] if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") and line.rstrip().endswith("}") for line in lines)


def _item_or_reject(record: object, origin: Origin) -> RawItem | Reject:
    try:
        return record_to_item(record, origin)
    except InputError as exc:
        return Reject(origin.label(), exc.reason, str(exc))


def _head(path: Path) -> bytes:
    """The first bytes of a file, decompressed when it is gzip (for sniffing only)."""
    with open(path, "rb") as fh:
        head = fh.read(_HEAD_BYTES)
    if head[:2] == GZIP_MAGIC:
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, _HEAD_BYTES)
        except zlib.error:
            return b""
    return head


def read_path(path: Path) -> Iterator[RawItem | Reject]:
    """Items from one file: a WARC or feed yields its articles, a record file its records,
    any other file one item. A WARC is streamed; other files are read whole."""
    try:
        head = _head(path)
    except OSError as exc:
        yield Reject(str(path), "unreadable", exc.strerror or str(exc))
        return
    if is_warc(path, head):
        yield from read_warc(path)
        return
    suffix = _record_suffix(path)
    is_feed = suffix in FEED_SUFFIXES or (suffix not in _RECORD_SUFFIXES and looks_like_feed(head))
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Reject(str(path), "unreadable", exc.strerror or str(exc))
        return
    if suffix in _RECORD_SUFFIXES or is_feed:
        try:
            if data[:2] == GZIP_MAGIC:
                data = gunzip(data)
            text = "" if is_feed else decode_bytes(data)
        except InputError as exc:
            yield Reject(str(path), exc.reason, str(exc))
            return
        yield from parse_feed(data, str(path)) if is_feed else _records(path, text)
        return
    yield RawItem(data=data, origin=Origin(path=str(path)))


def iter_inputs(inputs: Iterable[str], *, stdin=None,
                fetch_options: FetchOptions | None = None) -> Iterator[RawItem | Reject]:
    """Expand each input (file, folder, ``-``, ``http(s)://`` URL) into raw items, lazily and in a
    stable order. URLs are fetched politely (robots.txt, size cap, SSRF guard: see :mod:`.urls`)
    with ``fetch_options``."""
    fetcher = None
    try:
        for spec in inputs:
            if spec == "-":
                stream = stdin or sys.stdin.buffer
                yield RawItem(data=stream.read(), origin=Origin(path="-"))
                continue
            if spec.lower().startswith(_URL_PREFIXES):
                if fetcher is None:
                    from .urls import Fetcher  # httpx is imported only when a URL is given
                    fetcher = Fetcher(fetch_options)
                yield from fetcher.items(spec)
                continue
            path = Path(spec)
            if path.is_dir():
                for file in walk_files(path):
                    yield from read_path(file)
            elif path.is_file():
                yield from read_path(path)
            elif path.exists():
                yield Reject(spec, "unsupported", "not a regular file or folder")
            else:
                yield Reject(spec, "not-found", "no such file or folder")
    finally:
        if fetcher is not None:
            fetcher.close()
