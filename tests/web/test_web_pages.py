"""The HTML pages: the list with filters, the article view, and that article text never becomes markup."""

import asyncio
import re

import httpx
import pytest

from forewarn.web import create_app


@pytest.fixture(scope="module")
def app(sample_db):
    return create_app(sample_db)


def get(app, url):
    async def go():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            return await client.get(url)
    return asyncio.run(go())


def test_home_lists_events_and_filters(app):
    page = get(app, "/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.text.count('<tr id="row-') == 5
    filtered = get(app, "/?type=COERCE&quad=&lat=&lon=&radius_km=&since=")  # empty form fields are ignored
    assert filtered.status_code == 200 and filtered.text.count('<tr id="row-') == 2


def test_assets_are_local(app):
    page = get(app, "/").text
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert not [s for s in sources if s.startswith(("http:", "https:", "//"))]
    for src in [s for s in sources if s.startswith("/static/")]:
        assert get(app, src).status_code == 200, src
    assert get(app, "/static/vendor/world-atlas/countries-110m.json").status_code == 200


def test_article_view_highlights_and_dims(app):
    page = get(app, "/articles/art-kremlin-0001").text
    assert '<span class="removed" title="removed: donation-appeal">' in page
    assert "Please donate to keep our journalism free" in page
    ids = re.findall(r'<tr id="row-([0-9a-f]+)"', page)
    assert len(ids) == 3
    for eid in ids:
        assert f'id="ev-{eid}"' in page and f'href="#row-{eid}"' in page
    assert 'class="evidence trigger"' in page


def test_article_text_is_escaped(app):
    response = get(app, "/articles/art-hostile-0002")
    page = response.text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>boilerplate" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "script-src 'self'" in response.headers["content-security-policy"]
    home = get(app, "/?site=evil.example").text
    assert "<script>x</script>" not in home and "M23 &lt;script&gt;x&lt;/script&gt;" in home


def test_unknown_article_and_event_pages(app):
    assert get(app, "/articles/nope-nope").status_code == 404
    assert get(app, "/events/nope").status_code == 404
    event = get(app, "/api/events?type=ASSAULT").json()["items"][0]
    redirect = get(app, f"/events/{event['id']}")
    assert redirect.status_code == 303 and redirect.headers["location"].endswith(f"#row-{event['id']}")


def test_a_flagged_page_says_so_on_the_page_and_in_the_api(app):
    page = get(app, "/articles/art-hostile-0002").text
    assert 'id="article-flags">not-an-article (article confidence 0.30)' in page
    assert "article-flags" not in get(app, "/articles/art-kremlin-0001").text
    body = get(app, "/api/articles/art-hostile-0002").json()
    assert body["flags"] == ["not-an-article"] and body["article_confidence"] == 0.3
