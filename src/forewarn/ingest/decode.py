"""Bytes → text: gzip, byte-order marks, legacy encodings, and refusing binary data."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

from ..errors import BinaryInput, EmptyInput, UndecodableInput

GZIP_MAGIC = b"\x1f\x8b"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Bytes that never occur in text: NUL and the C0 controls other than tab, newline, CR, FF.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
#: Above this share of control bytes in the first 8 KiB, the input is binary.
BINARY_CONTROL_SHARE = 0.01


def gunzip(data: bytes) -> bytes:
    """Decompress gzip data; a truncated stream raises UndecodableInput."""
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise UndecodableInput(f"broken gzip data ({exc})") from None


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None  # a wrong meta charset is ignored, not trusted


def decode_bytes(data: bytes) -> str:
    """Decode input bytes to text, trying BOMs, UTF-8, the page's meta charset, then cp1252/latin-1.

    Raises EmptyInput, BinaryInput or UndecodableInput with a reason a user can act on.
    """
    if data[:2] == GZIP_MAGIC:
        data = gunzip(data)
    if not data.strip():
        raise EmptyInput("the input is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:8192]
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    if controls / len(head) > BINARY_CONTROL_SHARE:
        raise BinaryInput(f"binary data ({controls} control bytes in the first {len(head)})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(head)
    for encoding in filter(None, (declared, "cp1252")):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        return data.decode("latin-1")
    except UnicodeDecodeError as exc:  # pragma: no cover - latin-1 decodes every byte
        raise UndecodableInput(str(exc)) from None
