"""What is new since the last pass: files (by path, mtime, size and SHA-256) and URLs (by
conditional GET with ETag / Last-Modified, then by SHA-256 of the body).

A changed file is handed to the pipeline as its path. A fetched feed is handed over as the raw
items of its entries (``id``, ``url``, ``title``, ``published`` kept) and a fetched page as one raw
item, straight from memory; the pipeline drops entries it has already stored.
An input that cannot be read is named in the log and in the store (``watched_inputs.last_error``)
and tried again next pass.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from ..ingest.feeds import looks_like_feed, parse_feed
from ..ingest.files import walk_files
from ..ingest.urls import BlockedAddress
from ..models import Origin, RawItem, Reject, sha256_hex
from .state import InputState, WatchStore

__all__ = ["Change", "Scan", "scan_inputs"]

log = logging.getLogger(__name__)

_FEED_HINTS = (".rss", ".atom", ".xml", "/rss", "/feed", "/atom", "feed.", "rss.")
_MAX_BYTES = 20 * 1024 * 1024


@dataclass(slots=True)
class Change:
    source: str  # the watched path or URL
    inputs: list[str | RawItem]  # what to hand to the pipeline: a path, or the fetched items
    state: InputState  # saved once the pipeline has taken it


@dataclass(slots=True)
class Scan:
    changes: list[Change]
    problems: dict[str, str]  # source → what went wrong
    unchanged: int = 0


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _scan_file(ws: WatchStore, path: Path, scan: Scan) -> None:
    source = str(path)
    try:
        st = path.stat()
        old = ws.input_state(source)
        if old and old.mtime == st.st_mtime and old.size == st.st_size and not old.last_error:
            scan.unchanged += 1
            return
        sha = _sha256_file(path)
    except OSError as exc:
        scan.problems[source] = f"cannot read: {exc.strerror or exc}"
        return
    state = InputState(source, "file", st.st_mtime, st.st_size, sha)
    if old and old.sha256 == sha:
        ws.save_input(state, changed=False)  # touched, same bytes
        scan.unchanged += 1
        return
    scan.changes.append(Change(source, [source], state))


def _is_feed_url(url: str) -> bool:
    path = urlsplit(url).path.lower()
    return any(hint in path for hint in _FEED_HINTS)


def _feed_items(data: bytes, url: str) -> tuple[list[str | RawItem], str | None]:
    items: list[str | RawItem] = []
    error = None
    for item in parse_feed(data, url):
        if isinstance(item, Reject):
            error = item.detail
            continue
        if isinstance(item, RawItem) and item.data.strip():
            items.append(item)
    return items, error


def _fetch(client: httpx.Client, url: str, old: InputState | None) -> httpx.Response:
    headers = {}
    if old and old.etag:
        headers["If-None-Match"] = old.etag
    if old and old.last_modified:
        headers["If-Modified-Since"] = old.last_modified
    return client.get(url, headers=headers)


def _scan_url(ws: WatchStore, client: httpx.Client, spec: str, scan: Scan) -> None:
    forced = spec.lower().startswith("feed:")
    url = spec[5:] if forced else spec
    old = ws.input_state(spec)
    try:
        response = _fetch(client, url, old)
    except BlockedAddress as exc:  # the SSRF guard: refused before any connection
        scan.problems[spec] = f"refused: {exc} (set allow_private_addresses to allow it)"
        return
    except httpx.HTTPError as exc:
        scan.problems[spec] = f"cannot fetch: {type(exc).__name__}: {exc}"
        return
    if response.status_code == 304 and old is not None:
        if old.last_error:
            ws.save_input(replace(old, last_error=None), changed=False)
        scan.unchanged += 1
        return
    if response.status_code == 304 or response.status_code >= 400:
        scan.problems[spec] = f"HTTP {response.status_code} {response.reason_phrase}".strip()
        return
    data = response.content[:_MAX_BYTES]
    sha = sha256_hex(data)
    expect_feed = forced or _is_feed_url(url) or (old is not None and old.kind == "feed")
    is_feed = looks_like_feed(data)
    kind = "feed" if (is_feed or expect_feed) else "url"
    state = InputState(spec, kind, None, len(data), sha, response.headers.get("etag"),
                       response.headers.get("last-modified"))
    if old and old.sha256 == sha and not old.last_error:
        ws.save_input(state, changed=False)
        scan.unchanged += 1
        return
    if expect_feed and not is_feed:
        ctype = response.headers.get("content-type", "unknown").split(";")[0]
        scan.problems[spec] = f"expected an RSS/Atom feed, got {ctype} that is not one"
        return
    if is_feed:
        items, error = _feed_items(data, url)
        if error:
            scan.problems[spec] = error
            return
    else:
        html = "html" in response.headers.get("content-type", "").lower()
        items = [RawItem(data, Origin(url=url), kind="html" if html else None, id=url, url=url)]
    scan.changes.append(Change(spec, items, state))


def scan_inputs(ws: WatchStore, inputs: list[str], client: httpx.Client) -> Scan:
    """Find what changed among the watched inputs (fetched URLs are held in memory as raw items)."""
    scan = Scan([], {})
    for spec in inputs:
        if spec.lower().startswith(("http://", "https://", "feed:")):
            _scan_url(ws, client, spec, scan)
            continue
        path = Path(spec).expanduser()
        if path.is_dir():
            for file in walk_files(path):
                _scan_file(ws, file, scan)
        elif path.is_file():
            _scan_file(ws, path, scan)
        else:
            scan.problems[spec] = "no such file or folder"
    for source, problem in scan.problems.items():
        log.warning("watch input %s: %s", source, problem)
        old = ws.input_state(source)
        kind = old.kind if old else ("url" if "://" in source else "file")
        ws.save_input(replace(old, last_error=problem) if old else InputState(source, kind, last_error=problem),
                      changed=False)
    return scan
