"""The served app in Debian's Chromium (Playwright, headless): filter, open an article, see the
highlighted evidence, the map and the network render, and nothing logs an error or runs a script
from article text. Screenshots go under the test's tmp folder."""

import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed at /usr/bin/chromium "
                                       "(.ci/run installs it: apt-get install chromium)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(sample_db):
    import uvicorn

    from forewarn.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(sample_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    p = context.new_page()
    p.problems = []
    p.on("console", lambda m: m.type in ("error", "warning") and p.problems.append(f"console {m.type}: {m.text}"))
    p.on("pageerror", lambda e: p.problems.append(f"page error: {e}"))
    p.on("dialog", lambda d: (p.problems.append(f"dialog: {d.message}"), d.dismiss()))
    p.on("request", lambda r: r.url.startswith(server) or p.problems.append(f"off-site request: {r.url}"))
    yield p
    context.close()


def test_list_filter_article_map_and_graph(page, server, tmp_path):
    page.goto(server + "/")
    assert page.locator("#events tbody tr").count() == 5
    page.wait_for_selector("#map[data-rendered='true']", timeout=10_000)
    page.wait_for_selector("#network[data-rendered='true']", timeout=10_000)
    page.wait_for_selector("#timeline[data-rendered='true'] svg", timeout=10_000)
    assert page.locator("#map path.leaflet-interactive").count() > 100  # country outlines + markers
    assert page.evaluate("window.forewarnNetwork.edges().length") >= 4
    page.screenshot(path=str(tmp_path / "home.png"), full_page=True)

    page.select_option("select[name=quad]", "material-conflict")
    page.fill("input[name=country]", "RUS")
    page.click("button[type=submit]")
    page.wait_for_url("**/?*quad=material-conflict*")
    assert "lat=" not in page.url  # empty fields are not sent
    assert page.locator("#events tbody tr").count() == 1
    page.screenshot(path=str(tmp_path / "filtered.png"), full_page=True)

    page.click("#events tbody tr a.evidence-link")
    page.wait_for_selector("#article-body")
    assert "arrested" in page.locator("a.evidence.trigger").all_inner_texts()
    assert page.locator("a.evidence.trigger.focus").inner_text() == "arrested"  # the clicked event's evidence
    assert page.locator(".removed .reason").first.inner_text() == "[removed: donation-appeal]"
    row = page.locator("#article-events tbody tr").nth(2)
    assert "focus" in (row.get_attribute("class") or "")  # the clicked event's row is highlighted
    page.locator(".refs a").first.click()
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert page.problems == []


def test_hostile_article_runs_nothing(page, server, tmp_path):
    page.goto(server + "/articles/art-hostile-0002")
    page.wait_for_selector("#article-body")
    assert page.locator("#article-body script, #article-body img, #article-body b").count() == 0
    assert "<script>alert(1)</script>" in page.locator("#article-body").inner_text()
    page.goto(server + "/?site=evil.example")
    page.wait_for_selector("#network[data-rendered='true']", timeout=10_000)
    assert page.locator("#events td script").count() == 0
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert page.problems == []  # no dialog opened, no errors
