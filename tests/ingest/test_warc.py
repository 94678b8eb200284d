import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from forewarn.ingest import WarcStats, iter_inputs, read_warc
from forewarn.models import RawItem, Reject

PAGES = [
    ("http://news.example/0", "text/html; charset=utf-8", b"<html><body><p>Article zero.</p></body></html>"),
    ("http://news.example/1", "text/html", b"<html><body><p>Article one.</p></body></html>"),
    ("http://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n not an article"),
    ("http://news.example/2", "application/xhtml+xml", b"<html><body><p>Article two.</p></body></html>"),
    ("http://news.example/3", "text/html", b"<html><body><p>Article three, the last.</p></body></html>"),
]


def _build(gz: bool) -> tuple[bytes, list[int]]:
    """A WARC with a warcinfo, a request, responses (one non-HTML) and a resource record;
    returns the bytes and the offset where each response record starts (plus the end)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "pytest"}))
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("http://news.example/", "request", payload=io.BytesIO(),
                                                  length=0, http_headers=request))
    offsets = []
    for uri, ctype, body in PAGES:
        offsets.append(out.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      length=len(body), http_headers=headers))
    offsets.append(out.tell())
    return out.getvalue(), offsets


def _summary(items):
    return [(i.url if isinstance(i, RawItem) else i.reason) for i in items]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_yields_html_responses_with_origin(tmp_path, gz):
    data, _ = _build(gz)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    stats = WarcStats()
    items = list(read_warc(path, stats=stats))
    assert _summary(items) == ["http://news.example/0", "http://news.example/1",
                               "http://news.example/2", "http://news.example/3"]
    first = items[0]
    assert first.kind == "html" and first.data == PAGES[0][2]
    assert first.origin.path == str(path) and first.origin.url == "http://news.example/0"
    assert first.origin.record.startswith("<urn:uuid:")
    assert stats.html == 4 and stats.skipped == 3 and stats.bad == 0  # warcinfo, request, png


def test_resource_records_and_non_2xx(tmp_path):
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warc_record(
        "file:///saved.html", "resource", payload=io.BytesIO(b"<p>Saved page.</p>"), length=18,
        warc_content_type="text/html"))
    moved = StatusAndHeaders("301 Moved", [("Content-Type", "text/html"), ("Location", "/x")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://a.example/", "response",
                                                  payload=io.BytesIO(b"<p>moved</p>"), length=12,
                                                  http_headers=moved))
    path = tmp_path / "r.warc.gz"
    path.write_bytes(out.getvalue())
    (item,) = read_warc(path)
    assert item.data == b"<p>Saved page.</p>" and item.url == "file:///saved.html"


@pytest.mark.parametrize("gz", [True, False])
def test_corrupt_record_is_rejected_and_reading_resumes(tmp_path, gz):
    data, offsets = _build(gz)
    garbage = b"GARBAGE \x00\x01 this is not a record\r\n" * 4
    # garbage between responses 1 and 2, and the final record cut short
    broken = data[:offsets[1]] + garbage + data[offsets[1]:offsets[-1] - 40]
    path = tmp_path / ("broken.warc.gz" if gz else "broken.warc")
    path.write_bytes(broken)
    items = list(read_warc(path))
    assert _summary(items) == ["http://news.example/0", "bad-warc-record", "http://news.example/1",
                               "http://news.example/2", "bad-warc-record"]
    bad, truncated = items[1], items[-1]
    assert f"offset {offsets[1]}" in bad.input and "corrupt record" in bad.detail
    assert "\x00" not in bad.detail
    assert "truncated" in truncated.detail


def test_gzip_member_corrupted_in_the_middle(tmp_path):
    data, offsets = _build(True)
    broken = bytearray(data)
    for k in range(offsets[1] + 30, offsets[1] + 90):  # scramble the deflate data of one record
        broken[k] ^= 0x5A
    path = tmp_path / "scrambled.warc.gz"
    path.write_bytes(bytes(broken))
    items = list(read_warc(path))
    assert _summary(items) == ["http://news.example/0", "bad-warc-record",
                               "http://news.example/2", "http://news.example/3"]
    assert items[1].input == f"{path}:offset {offsets[1]}"


def test_iter_inputs_recognises_warc_by_suffix_and_by_content(tmp_path):
    data, _ = _build(True)
    (tmp_path / "a.warc.gz").write_bytes(data)
    (tmp_path / "b.bin").write_bytes(data)  # no WARC suffix: sniffed
    (tmp_path / "c.html").write_text("<p>plain page</p>")
    items = list(iter_inputs([str(tmp_path)]))
    assert len(items) == 9 and all(isinstance(i, RawItem) for i in items)
    assert items[-1].origin.path.endswith("c.html")
    assert [i.origin.path.rsplit("/", 1)[-1] for i in items[:5]] == ["a.warc.gz"] * 4 + ["b.bin"]


def test_unreadable_warc_is_a_reject(tmp_path):
    (item,) = read_warc(tmp_path / "missing.warc")
    assert isinstance(item, Reject) and item.reason == "unreadable"
