"""``http(s)://`` inputs: fetched politely and safely, one raw item per page (or per feed entry).

Polite: a clear User-Agent, robots.txt read once per host and obeyed. Safe: connect and read
timeouts and an overall deadline, a size cap enforced while streaming (after decompression),
redirects followed by hand (at most ``max_redirects``) so that every hop is checked, and an SSRF
guard: every address a host resolves to must be public — not private, loopback, link-local,
multicast, reserved or unspecified — unless ``allow_private`` is set. The guard runs before each
request (so a refused URL never connects) and again inside the connection itself, on the address
actually dialled, so a DNS answer that changes between the two cannot slip through.

Every failure is a :class:`~forewarn.models.Reject` with a short reason: ``blocked-address``,
``robots-disallowed``, ``timeout``, ``too-large``, ``too-many-redirects``, ``http-<status>``,
``unresolvable``, ``fetch-failed`` or ``unsupported``.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from ..models import Origin, RawItem, Reject
from .feeds import looks_like_feed, parse_feed

__all__ = ["DEFAULT_USER_AGENT", "FetchOptions", "Fetcher", "fetch", "is_public_address", "read_url"]


def _version() -> str:
    try:
        return metadata.version("forewarn")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0"


DEFAULT_USER_AGENT = f"forewarn/{_version()} (+https://github.com/forewarn)"
_ROBOTS_MAX_BYTES = 512 * 1024
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"


@dataclass(slots=True, frozen=True)
class FetchOptions:
    """How URLs are fetched. Defaults are safe for the open web."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    #: Deadline for one page, all redirects and the body included (a server trickling bytes).
    total_timeout: float = 60.0
    #: Largest body kept, counted after decompression; a bigger one is rejected ``too-large``.
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    #: Allow private, loopback and link-local addresses (tests, intranets). Off by default.
    allow_private: bool = False
    respect_robots: bool = True
    verify_tls: bool = True


class BlockedAddress(Exception):
    """A host resolves to an address the SSRF guard refuses."""


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as its IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified or not ip.is_global)


def _public_addresses(host: str, port: int) -> list[str]:
    """Resolve ``host``; raise BlockedAddress unless every address is public."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    refused = [a for a in addresses if not is_public_address(a)]
    if refused:
        raise BlockedAddress(f"{host} resolves to a non-public address ({', '.join(refused)})")
    return addresses


class _GuardedBackend(httpcore.SyncBackend):
    """Dials only addresses that passed the guard, so DNS rebinding cannot redirect a request."""

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options: Any = None) -> httpcore.NetworkStream:
        try:
            addresses = _public_addresses(host, port)
        except socket.gaierror as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")


def guarded_client(options: FetchOptions, *, follow_redirects: bool) -> httpx.Client:
    """An httpx client that, unless ``options.allow_private``, only ever dials public addresses
    (checked when each connection is made, so every redirect hop and DNS answer is covered)."""
    transport = httpx.HTTPTransport(verify=options.verify_tls, trust_env=False)
    pool = getattr(transport, "_pool", None)
    if not options.allow_private and hasattr(pool, "_network_backend"):
        pool._network_backend = _GuardedBackend()  # httpx has no public hook for this
    timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
    return httpx.Client(transport=transport, timeout=timeout, follow_redirects=follow_redirects,
                        max_redirects=options.max_redirects, trust_env=False,
                        headers={"User-Agent": options.user_agent, "Accept": _ACCEPT})


@dataclass(slots=True)
class _Page:
    url: str
    content_type: str
    data: bytes


class Fetcher:
    """Fetches URLs with one connection pool and one robots.txt cache; use as a context manager."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options = options or FetchOptions()
        self._client = guarded_client(options, follow_redirects=False)
        self._robots: dict[str, RobotFileParser | None] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> RawItem | Reject:
        """The page at ``url`` as one raw item (a feed is returned as its bytes, unparsed)."""
        page = self._get(url)
        return page if isinstance(page, Reject) else self._item(url, page)

    def items(self, url: str) -> Iterator[RawItem | Reject]:
        """The page at ``url``, or one item per entry when it is an RSS/Atom feed."""
        page = self._get(url)
        if isinstance(page, Reject):
            yield page
        elif page.content_type in _FEED_TYPES or looks_like_feed(page.data):
            yield from parse_feed(page.data, page.url)
        else:
            yield self._item(url, page)

    @staticmethod
    def _item(url: str, page: _Page) -> RawItem:
        kind = "html" if "html" in page.content_type else "text" if page.content_type == "text/plain" else None
        # origin: the URL as given; url: where it led after redirects
        return RawItem(data=page.data, origin=Origin(url=url), kind=kind, url=page.url)

    def _check(self, url: str) -> Reject | None:
        """Scheme, SSRF guard and robots.txt for one hop; None when it may be fetched."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return Reject(url, "unsupported", "only http and https URLs with a host can be fetched")
        if not self.options.allow_private:
            try:
                _public_addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
            except BlockedAddress as exc:
                return Reject(url, "blocked-address", str(exc))
            except (socket.gaierror, UnicodeError) as exc:
                return Reject(url, "unresolvable", f"cannot resolve {parts.hostname}: {exc}")
        if self.options.respect_robots and not self._robots_allow(url):
            return Reject(url, "robots-disallowed", f"robots.txt of {parts.hostname} disallows it")
        return None

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            self._robots[key] = self._load_robots(key + "/robots.txt")
        parser = self._robots[key]
        return parser is None or parser.can_fetch(self.options.user_agent, url)

    def _load_robots(self, robots_url: str) -> RobotFileParser | None:
        """The host's rules, or None (everything allowed) when robots.txt cannot be had."""
        try:
            with self._client.stream("GET", robots_url) as response:
                if response.status_code != 200:
                    return None
                body = b""
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > _ROBOTS_MAX_BYTES:
                        break
        except (httpx.HTTPError, BlockedAddress):
            return None
        parser = RobotFileParser(robots_url)
        parser.parse(body[:_ROBOTS_MAX_BYTES].decode("utf-8", "replace").splitlines())
        return parser

    def _get(self, url: str) -> _Page | Reject:
        """Follow redirects by hand, checking each hop, and read the final body under the cap."""
        opts = self.options
        deadline = time.monotonic() + opts.total_timeout
        current, seen = url, set()
        for _hop in range(opts.max_redirects + 1):
            if current in seen:
                return Reject(url, "too-many-redirects", f"redirect loop back to {current}")
            if time.monotonic() > deadline:
                return Reject(url, "timeout", f"not fetched within {opts.total_timeout} s")
            seen.add(current)
            refused = self._check(current)
            if refused is not None:
                if current == url:
                    return refused
                return Reject(url, refused.reason, f"redirected to {current}: {refused.detail}")
            try:
                with self._client.stream("GET", current) as response:
                    location = response.headers.get("location")
                    if response.is_redirect and location:
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 300:
                        return Reject(url, f"http-{response.status_code}", response.reason_phrase or "HTTP error")
                    return self._read(url, current, response, deadline)
            except httpx.TimeoutException as exc:
                return Reject(url, "timeout", f"{type(exc).__name__} fetching {current}")
            except BlockedAddress as exc:
                return Reject(url, "blocked-address", str(exc))
            except httpx.HTTPError as exc:
                return Reject(url, "fetch-failed", f"{type(exc).__name__}: {exc}"[:300])
        return Reject(url, "too-many-redirects", f"more than {opts.max_redirects} redirects")

    def _read(self, url: str, final: str, response: httpx.Response, deadline: float) -> _Page | Reject:
        cap = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            return Reject(url, "too-large", f"Content-Length {declared} is over the {cap}-byte cap")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                return Reject(url, "too-large", f"body is over the {cap}-byte cap")
            if time.monotonic() > deadline:
                return Reject(url, "timeout", f"body not received within {self.options.total_timeout} s")
            chunks.append(chunk)
        content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        return _Page(url=final, content_type=content_type, data=b"".join(chunks))


def fetch(url: str, options: FetchOptions | None = None) -> RawItem | Reject:
    """Fetch one URL as one raw item (see :class:`Fetcher` to reuse connections and robots.txt)."""
    with Fetcher(options) as fetcher:
        return fetcher.fetch(url)


def read_url(url: str, options: FetchOptions | None = None) -> Iterator[RawItem | Reject]:
    """Fetch one URL: its page, or one item per entry when it is a feed."""
    with Fetcher(options) as fetcher:
        yield from fetcher.items(url)
