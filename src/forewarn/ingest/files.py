"""Files, folders (recursively, streamed), ``-`` for stdin, JSON and JSONL record files."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, MalformedRecord
from ..models import Origin, RawItem, Reject
from .decode import GZIP_MAGIC, decode_bytes, gunzip

#: File names that are never articles (editor and OS litter).
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}
_RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json"}


def _walk(root: Path) -> Iterator[Path]:
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


def read_path(path: Path) -> Iterator[RawItem | Reject]:
    """Items from one file: a record file yields its records, any other file one item."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Reject(str(path), "unreadable", exc.strerror or str(exc))
        return
    if _record_suffix(path) in _RECORD_SUFFIXES:
        try:
            if data[:2] == GZIP_MAGIC:
                data = gunzip(data)
            text = decode_bytes(data)
        except InputError as exc:
            yield Reject(str(path), exc.reason, str(exc))
            return
        yield from _records(path, text)
        return
    yield RawItem(data=data, origin=Origin(path=str(path)))


def iter_inputs(inputs: Iterable[str], *, stdin=None) -> Iterator[RawItem | Reject]:
    """Expand each input (file, folder, ``-``) into raw items, lazily and in a stable order."""
    for spec in inputs:
        if spec == "-":
            stream = stdin or sys.stdin.buffer
            yield RawItem(data=stream.read(), origin=Origin(path="-"))
            continue
        path = Path(spec)
        if path.is_dir():
            for file in _walk(path):
                yield from read_path(file)
        elif path.is_file():
            yield from read_path(path)
        elif path.exists():
            yield Reject(spec, "unsupported", "not a regular file or folder")
        else:
            yield Reject(spec, "not-found", "no such file or folder")
