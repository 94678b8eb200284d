"""URL fetching against a real HTTP server on 127.0.0.1 (started and stopped by the test)."""

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from forewarn.ingest import iter_inputs
from forewarn.ingest import urls
from forewarn.ingest.urls import FetchOptions, Fetcher, fetch, is_public_address, read_url
from forewarn.models import RawItem, Reject

ARTICLE = b"<html><head><title>Talks</title></head><body><p>Delegations met in Geneva.</p></body></html>"
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>https://wire.example/1</link><guid>g1</guid><description>First.</description></item>
<item><title>Two</title><link>https://wire.example/2</link><guid>g2</guid><description>Second.</description></item>
</channel></rss>"""
LOCAL = FetchOptions(allow_private=True, connect_timeout=1, read_timeout=1, total_timeout=3)


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 - the http.server name
        self.server.hits[self.path] += 1
        self.server.agents.append(self.headers.get("User-Agent", ""))
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        if status == "slow":
            self.server.release.wait(2)
            status, headers, body = 200, {"Content-Type": "text/html"}, ARTICLE
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers and not headers.get("X-No-Length"):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up (timeout, size cap): expected in these tests

    def log_message(self, *args):
        pass


_Handler.routes = {
    "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE),
    "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private\n"),
    "/private/page": (200, {"Content-Type": "text/html"}, ARTICLE),
    "/moved": (301, {"Location": "/article"}, b""),
    "/loop-a": (302, {"Location": "/loop-b"}, b""),
    "/loop-b": (302, {"Location": "/loop-a"}, b""),
    **{f"/chain/{n}": (302, {"Location": f"/chain/{n + 1}"}, b"") for n in range(10)},
    "/to-private": (302, {"Location": "/private/page"}, b""),
    "/to-internal": (302, {"Location": "http://10.1.2.3/secret"}, b""),
    "/slow": ("slow", {}, b""),
    "/large": (200, {"Content-Type": "text/html"}, b"x" * 200_000),
    "/large-stream": (200, {"Content-Type": "text/html", "X-No-Length": "1"}, b"y" * 200_000),
    "/feed.rss": (200, {"Content-Type": "application/rss+xml"}, RSS),
    "/fake-feed": (200, {"Content-Type": "application/rss+xml"}, ARTICLE),
    "/gone": (410, {"Content-Type": "text/html"}, b"gone"),
}


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = False  # server_close() then joins every handler thread
    httpd.hits, httpd.agents, httpd.release = Counter(), [], threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield httpd
    finally:
        httpd.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(2)
        assert not thread.is_alive()


def test_article_is_fetched_with_a_clear_user_agent(server):
    item = fetch(server.base + "/article", LOCAL)
    assert isinstance(item, RawItem) and item.data == ARTICLE and item.kind == "html"
    assert item.url == item.origin.url == server.base + "/article"
    assert server.agents[-1].startswith("forewarn/") and "(+https://github.com/forewarn)" in server.agents[-1]


def test_redirect_is_followed_and_recorded(server):
    item = fetch(server.base + "/moved", LOCAL)
    assert item.url == server.base + "/article" and item.origin.url == server.base + "/moved"


def test_robots_txt_is_obeyed_and_read_once_per_host(server):
    with Fetcher(LOCAL) as fetcher:
        refused = fetcher.fetch(server.base + "/private/page")
        via_redirect = fetcher.fetch(server.base + "/to-private")
        allowed = fetcher.fetch(server.base + "/article")
    assert refused.reason == "robots-disallowed" and via_redirect.reason == "robots-disallowed"
    assert isinstance(allowed, RawItem)
    assert server.hits["/private/page"] == 0 and server.hits["/robots.txt"] == 1


def test_missing_robots_txt_allows_everything(server):
    del_routes = dict(_Handler.routes)
    try:
        _Handler.routes = {k: v for k, v in del_routes.items() if k != "/robots.txt"}
        assert isinstance(fetch(server.base + "/private/page", LOCAL), RawItem)
    finally:
        _Handler.routes = del_routes


def test_redirect_loops_and_long_chains(server):
    loop = fetch(server.base + "/loop-a", LOCAL)
    chain = fetch(server.base + "/chain/0", LOCAL)
    assert loop.reason == "too-many-redirects" and "loop" in loop.detail
    assert chain.reason == "too-many-redirects" and server.hits["/chain/5"] == 1 and server.hits["/chain/6"] == 0


def test_slow_server_times_out(server):
    started = time.monotonic()
    result = fetch(server.base + "/slow", FetchOptions(allow_private=True, read_timeout=0.2))
    assert isinstance(result, Reject) and result.reason == "timeout"
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("path", ["/large", "/large-stream"])
def test_body_over_the_cap_is_refused(server, path):
    result = fetch(server.base + path, FetchOptions(allow_private=True, max_bytes=10_000))
    assert isinstance(result, Reject) and result.reason == "too-large"


def test_http_errors(server):
    assert fetch(server.base + "/gone", LOCAL).reason == "http-410"
    assert fetch(server.base + "/nowhere", LOCAL).reason == "http-404"


def test_feed_url_yields_its_entries(server):
    items = list(read_url(server.base + "/feed.rss", LOCAL))
    assert [i.title for i in items] == ["One", "Two"] and items[0].url == "https://wire.example/1"
    assert items[0].origin.path == server.base + "/feed.rss"
    (fake,) = read_url(server.base + "/fake-feed", LOCAL)
    assert isinstance(fake, Reject) and fake.reason == "bad-feed"


def test_iter_inputs_fetches_urls(server, tmp_path):
    (tmp_path / "local.html").write_bytes(ARTICLE)
    inputs = [server.base + "/article", str(tmp_path / "local.html"), server.base + "/feed.rss"]
    items = list(iter_inputs(inputs, fetch_options=LOCAL))
    assert [type(i).__name__ for i in items] == ["RawItem"] * 4
    assert items[0].url == server.base + "/article" and items[2].title == "One"


@pytest.mark.parametrize("host", ["127.0.0.1", "10.0.0.8", "169.254.169.254", "[::1]", "[::ffff:127.0.0.1]",
                                  "0.0.0.0", "224.0.0.1", "100.64.0.1"])
def test_private_addresses_are_refused_without_connecting(server, host):
    port = server.server_address[1]
    started = time.monotonic()
    result = fetch(f"http://{host}:{port}/article", FetchOptions(connect_timeout=0.5))
    assert isinstance(result, Reject) and result.reason == "blocked-address"
    assert time.monotonic() - started < 0.3
    assert sum(server.hits.values()) == 0  # not even robots.txt was asked for


def test_every_redirect_hop_is_checked(server, monkeypatch):
    # Pretend 127.0.0.1 is public so the guard lets the first hop through (and the guarded
    # connection is used); the redirect to a 10.x address must still be refused.
    monkeypatch.setattr(urls, "is_public_address", lambda address: address == "127.0.0.1")
    result = fetch(server.base + "/to-internal", FetchOptions())
    assert result.reason == "blocked-address" and "10.1.2.3" in result.detail
    assert isinstance(fetch(server.base + "/article", FetchOptions()), RawItem)


def test_guarded_connection_refuses_what_dns_says_at_connect_time(server):
    with pytest.raises(urls.BlockedAddress):
        urls._GuardedBackend().connect_tcp("127.0.0.1", server.server_address[1], timeout=0.5)
    assert not is_public_address("192.168.1.1") and is_public_address("93.184.216.34")


def test_unsupported_scheme_is_a_reject():
    assert fetch("http://", FetchOptions()).reason == "unsupported"
