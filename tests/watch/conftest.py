"""Real peers on 127.0.0.1, started and stopped by fixtures: an HTTP server (feeds and webhooks),
an SMTP server (aiosmtpd) and a TAXII 2.1 server (medallion, memory backend); plus event helpers
and a pipeline whose coder is a stand-in (so these tests do not depend on the real coder)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
import socket
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from forewarn.models import Actor, Article, Event, Evidence, Origin, Place, sha256_hex
from forewarn.pipeline import Pipeline

_REAL_CLEAN = Pipeline.clean


# -- events ---------------------------------------------------------------------------------
def make_event(type_: str = "COERCE", *, quad: str = "material-conflict", status: str = "happened",
               mode: str | None = None, actors: list[Actor] | None = None, recipients: list[Actor] | None = None,
               location: Place | None = None, text: str = "Police arrested two men in Moscow.",
               article_id: str = "a1", start: int = 0, confidence: float = 0.8) -> Event:
    return Event(type=type_, mode=mode, quad=quad, status=status, actors=actors or [], recipients=recipients or [],
                 evidence=Evidence(text, start, start + len(text), text.split()[1], start + 7, start + 15),
                 article_id=article_id, location=location, confidence=confidence)


def make_article(article_id: str, body: str = "Body.", published: dt.date | None = None) -> Article:
    return Article(id=article_id, body=body, origin=Origin(path=f"/news/{article_id}.txt"),
                   raw_sha256=sha256_hex(article_id), title=f"Title {article_id}", published=published)


@pytest.fixture
def event_factory():
    return make_event


@pytest.fixture
def article_factory():
    return make_article


# -- a pipeline with a stand-in coder ---------------------------------------------------------
def fake_code_batch(self: Any, articles: list[Article]) -> list[list[Event]]:
    """One COERCE by the police (RUS, COP) for each sentence that says 'arrested'."""
    results = []
    for article in articles:
        events, at = [], 0
        for sentence in article.body.split("."):
            if "arrested" in sentence:
                start = article.body.find(sentence.strip(), at)
                text = sentence.strip() + "."
                events.append(Event(
                    type="COERCE", mode="arrest", quad="material-conflict", status="happened",
                    actors=[Actor("Police", "police", "RUS", "COP")], recipients=[Actor("two men", None, "RUS", "CVL")],
                    evidence=Evidence(text, start, start + len(text), "arrested", start, start + 8),
                    article_id=article.id, location=Place("Moscow", "Moscow", "RUS", 55.75, 37.62), confidence=0.9))
            at += len(sentence) + 1
        results.append(events)
    return results


def fake_clean(self: Any, item: Any, **kwargs: Any) -> Any:
    """The real cleaner, on the item's text with tags stripped (the HTML cleaner is not what
    these tests are about, and it may be mid-rewrite)."""
    if item.kind == "html" or item.data.lstrip()[:1] == b"<":
        text = html.unescape(re.sub(r"<[^>]+>", " ", item.data.decode("utf-8", "replace")))
        item = dataclasses.replace(item, data=text.encode("utf-8"), kind="text", sha256="")
    return _REAL_CLEAN(self, item, **kwargs)


@pytest.fixture
def fake_pipeline():
    class FakePipeline(Pipeline):
        code_batch = fake_code_batch
        clean = fake_clean

    return FakePipeline()


# -- HTTP: feeds and webhooks ---------------------------------------------------------------
@dataclass
class HttpPeer:
    url: str
    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path → (content type, body)
    received: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # path → POSTs
    gets: list[tuple[str, int]] = field(default_factory=list)  # (path, status)
    fail_first: dict[str, int] = field(default_factory=dict)  # path → calls to answer 500 (-1: all)
    post_status: dict[str, int] = field(default_factory=dict)  # path → status every POST gets
    lock: threading.RLock = field(default_factory=threading.RLock)

    def posts(self, path: str) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.received.get(path, []))


def _handler(peer: HttpPeer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            page = peer.pages.get(self.path)
            if page is None:
                return self._answer(404, b"not found")
            etag = '"' + sha256_hex(page[1])[:12] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self._answer(304, b"", etag=etag)
            self._answer(200, page[1], page[0], etag=etag)

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            with peer.lock:
                if self.path in peer.post_status:
                    return self._answer(peer.post_status[self.path], b"refused on purpose")
                left = peer.fail_first.get(self.path, 0)
                if left:
                    peer.fail_first[self.path] = left - 1 if left > 0 else left
                    return self._answer(500, b"failing on purpose")
                peer.received.setdefault(self.path, []).append(
                    {"headers": dict(self.headers), "body": body, "json": json.loads(body)})
            self._answer(200, b"ok")

        def _answer(self, status: int, body: bytes, ctype: str = "text/plain", etag: str | None = None) -> None:
            with peer.lock:
                peer.gets.append((self.path, status))
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    return Handler


@pytest.fixture
def http_peer():
    peer = HttpPeer("")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(peer))
    peer.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield peer
    server.shutdown()
    server.server_close()


# -- SMTP -------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class SmtpPeer:
    port: int
    messages: list[Any] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)


@pytest.fixture
def smtp_peer():
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    peer = SmtpPeer(_free_port())

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            peer.messages.append(envelope)
            return "250 OK"

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.login == b"alice" and data.password == b"secret"
        peer.logins.append(data.login.decode() if isinstance(data, LoginPassword) else "?")
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535

    controller = Controller(Handler(), hostname="127.0.0.1", port=peer.port, authenticator=authenticator,
                            auth_require_tls=False)
    controller.start()
    yield peer
    controller.stop()


# -- TAXII 2.1 (medallion, memory backend) ----------------------------------------------------
@dataclass
class TaxiiPeer:
    url: str
    collection: str
    backend: Any

    def objects(self) -> list[dict[str, Any]]:
        cols = self.backend.data["api1"]["collections"]
        return next(c for c in cols if c["id"] == self.collection).get("objects", [])


@pytest.fixture(scope="session")
def taxii_peer():
    import medallion
    from werkzeug.serving import make_server

    collection = str(uuid.uuid4())
    data = {
        "/discovery": {"title": "test", "api_roots": ["/api1/"]},
        "api1": {
            "information": {"title": "api1", "versions": ["application/taxii+json;version=2.1"],
                            "max_content_length": 10 * 1024 * 1024},
            "status": [],
            "collections": [{"id": collection, "title": "alerts", "can_read": True, "can_write": True,
                             "media_types": ["application/stix+json;version=2.1"], "objects": [], "manifest": []}],
        },
    }
    app = medallion.application_instance
    config = {"users": {"user": "pass"}, "taxii": {"max_page_size": 100},
              "backend": {"module": "medallion.backends.memory_backend", "module_class": "MemoryBackend",
                          "filename": None}}
    for prop in ("users", "taxii", "backend"):
        medallion.set_config(app, prop, config)
    app.medallion_backend.data = data
    if "objects" not in app.blueprints:
        medallion.register_blueprints(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield TaxiiPeer(f"http://127.0.0.1:{server.server_port}", collection, app.medallion_backend)
    server.shutdown()
