"""The JSON API, in-process through httpx.ASGITransport: filters, pages, errors, caching, ingest."""

import asyncio

import httpx
import pytest

from forewarn.web import create_app


def call(app, method, url, **kw) -> httpx.Response:
    async def go():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            return await client.request(method, url, **kw)
    return asyncio.run(go())


@pytest.fixture(scope="module")
def app(sample_db):
    return create_app(sample_db)


def get(app, url, **kw):
    return call(app, "GET", url, **kw)


def test_list_and_pagination(app):
    first = get(app, "/api/events?limit=2").json()
    assert len(first["items"]) == 2 and first["limit"] == 2
    seen = [e["id"] for e in first["items"]]
    nxt = first["next"]
    while nxt:
        page = get(app, nxt).json()
        seen += [e["id"] for e in page["items"]]
        nxt = page["next"]
    assert len(seen) == len(set(seen)) == 5
    record = first["items"][0]
    assert {"type", "mode", "quad", "status", "actors", "recipients", "location", "date", "attribution",
            "evidence", "confidence", "article"} <= set(record)


@pytest.mark.parametrize("query, expected", [
    ("type=COERCE", 2), ("type=consult&type=support", 2), ("quad=verbal-cooperation", 2),
    ("status=happened", 5), ("actor=putin", 2), ("country=NGA", 1), ("sector=SPY", 1),
    ("site=lagos.example", 1), ("place=peters", 1), ("lat=59.9&lon=30.3&radius_km=25", 1),
    ("lat=0&lon=0&radius_km=100", 0), ("since=2024-01-01&until=2024-01-31", 2), ("q=convoy", 1),
    ("article=art-kremlin", 3), ("min_confidence=0.9", 0), ("mode=arrest", 2),
])
def test_filters(app, query, expected):
    response = get(app, f"/api/events?{query}")
    assert response.status_code == 200, response.text
    assert len(response.json()["items"]) == expected


def test_sorting(app):
    items = get(app, "/api/events?sort=date&desc=true").json()["items"]
    dates = [(e["date"] or {}).get("value") or e["article"]["published"] for e in items]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("query, field", [
    ("since=yesterday", "since"), ("quad=purple", "quad"), ("lat=100&lon=0&radius_km=1", "lat"),
    ("lat=10", "lon"), ("lat=1&lon=1", "radius_km"), ("limit=-1", "limit"), ("country=RU1", "country"),
    ("sort=colour", "sort"), ("since=2024-02-01&until=2024-01-01", "until"), ("radius_km=0&lat=0&lon=0", "radius_km"),
])
def test_malformed_filters_are_422_naming_the_field(app, query, field):
    response = get(app, f"/api/events?{query}")
    assert response.status_code == 422
    assert any(field in err["loc"] for err in response.json()["detail"]), response.json()


def test_unknown_ids_are_404(app):
    assert get(app, "/api/events/0000000000000000").status_code == 404
    assert get(app, "/api/articles/no-such-article").status_code == 404


def test_huge_limit_is_capped(app):
    body = get(app, "/api/events?limit=1000000000000").json()
    assert body["limit"] == 500 and len(body["items"]) == 5


def test_single_event_and_article(app):
    event = get(app, "/api/events?type=ASSAULT").json()["items"][0]
    assert get(app, f"/api/events/{event['id']}").json() == event
    article = get(app, "/api/articles/art-hostile-0002").json()
    assert article["body"].count("<script>") == 1  # JSON carries the text as it is
    assert [e["id"] for e in article["events"]] == [event["id"]]
    assert article["removed"][0]["reason"] == "<b>boilerplate</b>"


def test_actors_and_stats(app):
    actors = get(app, "/api/actors").json()
    assert actors["items"][0]["name"] == "Vladimir Putin"
    assert {"source": "FSB", "target": "two Russian nationals", "quad": "material-conflict", "events": 1} \
        in actors["edges"]
    stats = get(app, "/api/stats?quad=material-conflict").json()
    assert stats["events"] == 3 and stats["by_type"] == {"COERCE": 2, "ASSAULT": 1}
    assert stats["store"]["events"] == 5 and len(stats["places"]) == 3


def test_etag_and_caching_headers(app):
    response = get(app, "/api/events?type=COERCE")
    etag = response.headers["etag"]
    assert "max-age" in response.headers["cache-control"]
    again = get(app, "/api/events?type=COERCE", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["etag"] == etag and not again.content
    assert get(app, "/api/events?type=ASSAULT", headers={"If-None-Match": etag}).status_code == 200


def test_openapi_schema(app):
    schema = get(app, "/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors",
            "/api/stats"} <= set(schema["paths"])
    assert "/api/ingest" not in schema["paths"]  # read-only by default


def test_read_only_by_default(app):
    assert call(app, "POST", "/api/ingest", json={"text": "x"}).status_code in (404, 405)


class FakePipeline:
    def __init__(self):
        self.calls = []

    def ingest(self, inputs, store, published=None):
        from forewarn.pipeline import Report

        self.calls.append((list(inputs), published))
        return Report(inputs=1, articles=1, events=0)


def test_ingest_needs_the_token(tmp_path):
    app = create_app(tmp_path / "w.duckdb", token="s3cret")
    app.state.pipeline = fake = FakePipeline()
    body = {"text": "Police arrested two men.", "published": "2024-01-03"}
    assert call(app, "POST", "/api/ingest", json=body).status_code == 401
    assert call(app, "POST", "/api/ingest", json=body, headers={"Authorization": "Bearer nope"}).status_code == 401
    ok = call(app, "POST", "/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["articles"] == 1
    assert fake.calls[0][1].isoformat() == "2024-01-03"
    bad = call(app, "POST", "/api/ingest", json={"text": "a", "url": "https://x.example/"},
               headers={"Authorization": "Bearer s3cret"})
    assert bad.status_code == 422
    assert "/api/ingest" in call(app, "GET", "/openapi.json").json()["paths"]


def test_ingest_through_the_real_pipeline(tmp_path):
    from forewarn.store import Store

    Store.open(tmp_path / "real.duckdb").close()
    app = create_app(tmp_path / "real.duckdb", token="s3cret")
    body = {"text": "Police in Lagos arrested three men on Monday over a bank robbery, the governor said.",
            "published": "2024-01-03", "title": "Arrests in Lagos"}
    ok = call(app, "POST", "/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["articles"] == 1 and ok.json()["events"] >= 1
    again = call(app, "POST", "/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"})
    assert again.json()["articles"] == 0 and again.json()["duplicates"] == 1


def test_missing_store_fails_at_start_up(tmp_path):
    from forewarn.errors import StoreMissing

    with pytest.raises(StoreMissing, match="no forewarn store"):
        create_app(tmp_path / "absent.duckdb")
