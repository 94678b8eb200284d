"""WARC and WARC.gz archives: HTML responses out, streamed record by record, corrupt records skipped.

The file is never read whole: :class:`warcio.ArchiveIterator` walks it, and only the payload of
an HTML record is held in memory. A record that cannot be parsed becomes one
:class:`~forewarn.models.Reject` (reason ``bad-warc-record``) and reading resumes at the next
record boundary found after it — the next gzip member for ``.warc.gz`` (each record is its own
member), the next ``WARC/1.`` line for plain WARC — with a fresh iterator from there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..models import Origin, RawItem, Reject
from .decode import GZIP_MAGIC

__all__ = ["WarcStats", "is_warc", "read_warc"]

BAD_RECORD = "bad-warc-record"
#: The longest HTML payload kept from one record; a bigger one is rejected as ``too-large``.
MAX_RECORD_BYTES = 50 * 1024 * 1024
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_GZIP_MEMBER = GZIP_MAGIC + b"\x08"  # magic + deflate, the start of every gzip member
_WARC_LINE = b"\nWARC/1."
_SCAN_CHUNK = 1 << 20


@dataclass(slots=True)
class WarcStats:
    """What a walk over one archive saw, for a caller that wants counts."""

    records: int = 0
    html: int = 0
    skipped: int = 0
    bad: int = 0


def is_warc(path: Path, head: bytes) -> bool:
    """True for ``.warc``/``.warc.gz`` names, or a (decompressed) ``head`` that starts ``WARC/1.``."""
    return path.name.lower().endswith((".warc", ".warc.gz")) or head.lstrip(b"\r\n")[:7] == b"WARC/1."


def _media_type(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower()


def _html_payload_headers(record: Any) -> bool:
    """Is this an HTML ``response`` (2xx) or ``resource`` record?"""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or not (http.get_statuscode() or "").startswith("2"):
            return False
        return _media_type(http.get_header("Content-Type")) in _HTML_TYPES
    if record.rec_type == "resource":
        return _media_type(record.rec_headers.get_header("Content-Type")) in _HTML_TYPES
    return False


def _remaining(record: Any) -> int:
    """Bytes the record's header promised but the file did not have (a truncated record)."""
    limit = getattr(record.raw_stream, "limit", 0)
    return limit if isinstance(limit, int) and limit > 0 else 0


def _record_item(record: Any, path: Path, offset: int, max_bytes: int) -> RawItem | Reject:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    rec_id = record.rec_headers.get_header("WARC-Record-ID") or f"offset {offset}"
    origin = Origin(path=str(path), url=uri, record=rec_id)
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Reject(origin.label(), "too-large", f"HTML payload over {max_bytes} bytes")
    record.raw_stream.read()  # drain what the payload reader left (chunk trailers, padding)
    missing = _remaining(record)
    if missing:
        return Reject(origin.label(), BAD_RECORD, f"truncated record at offset {offset}: {missing} bytes missing")
    return RawItem(data=data, origin=origin, kind="html", url=uri)


def _find_boundary(fh: IO[bytes], start: int, gz: bool) -> int | None:
    """Offset of the next record start at or after ``start``, scanning in chunks; None at EOF."""
    magic = _GZIP_MEMBER if gz else _WARC_LINE
    skip = 0 if gz else 1  # a WARC line match includes the newline before it
    pos = max(start - skip, 0)
    fh.seek(pos)
    tail = b""
    while chunk := fh.read(_SCAN_CHUNK):
        buf = tail + chunk
        found = buf.find(magic)
        if found >= 0:
            return pos - len(tail) + found + skip
        pos += len(chunk)
        tail = buf[-(len(magic) - 1):]
    return None


def _walk_from(fh: IO[bytes], path: Path, start: int, stats: WarcStats, max_bytes: int,
               quiet: bool) -> Iterator[RawItem | Reject | int]:
    """Yield items from ``start`` on; on a parse failure, yield the failure offset (an int) and stop.

    ``quiet`` suppresses the reject for a failure right at ``start`` (a false resync point).
    """
    from warcio.archiveiterator import ArchiveIterator  # imported on first use: startup stays fast

    fh.seek(start)
    it = ArchiveIterator(fh)
    offset = start
    try:
        for record in it:
            offset = it.offset
            stats.records += 1
            if _html_payload_headers(record):
                item = _record_item(record, path, offset, max_bytes)
                if isinstance(item, RawItem):
                    stats.html += 1
                else:
                    stats.bad += item.reason == BAD_RECORD
                yield item
            else:
                stats.skipped += 1
            quiet = False
    except Exception as exc:  # warcio raises many types for corrupt data; the run must go on
        failed = max(it.offset, offset)
        if not quiet:
            stats.bad += 1
            message = "".join(c if c.isprintable() else "?" for c in str(exc).strip()[:120])
            detail = f"corrupt record at offset {failed} ({type(exc).__name__}: {message})"
            yield Reject(f"{path}:offset {failed}", BAD_RECORD, detail)
        yield failed
        return
    finally:
        it.close()
    # warcio ends quietly when a record's headers are cut off: anything left unread is a bad tail
    end = max(it.offset, offset)
    fh.seek(end)
    rest = fh.read(_SCAN_CHUNK)
    if rest.strip(b"\r\n\0 "):
        stats.bad += 1
        detail = f"truncated record at offset {end}: trailing bytes could not be read as a record"
        yield Reject(f"{path}:offset {end}", BAD_RECORD, detail)


def read_warc(path: Path, *, stats: WarcStats | None = None,
              max_record_bytes: int = MAX_RECORD_BYTES) -> Iterator[RawItem | Reject]:
    """Yield one :class:`RawItem` per HTML record of a WARC or WARC.gz file, lazily.

    Non-HTML records (requests, metadata, images, redirects) are skipped and counted in ``stats``.
    """
    stats = stats if stats is not None else WarcStats()
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Reject(str(path), "unreadable", exc.strerror or str(exc))
        return
    with fh:
        gz = fh.read(2) == GZIP_MAGIC
        start: int | None = 0
        quiet = False
        while start is not None:
            failed = None
            for out in _walk_from(fh, path, start, stats, max_record_bytes, quiet):
                if isinstance(out, int):
                    failed = out
                else:
                    yield out
            if failed is None:
                return
            # a failure at the resync point means the boundary was a false match: stay quiet
            quiet = True
            start = _find_boundary(fh, failed + 1, gz)
