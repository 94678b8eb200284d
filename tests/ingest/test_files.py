import gzip
import io
import json

import pytest

from forewarn.errors import BinaryInput, EmptyInput, UndecodableInput
from forewarn.ingest import decode_bytes, iter_inputs
from forewarn.models import RawItem, Reject


def test_decode_utf8_and_bom():
    assert decode_bytes("Kyiv – talks".encode()) == "Kyiv – talks"
    assert decode_bytes(b"\xef\xbb\xbfhello") == "hello"


def test_decode_legacy_encodings():
    assert decode_bytes("Café “quoted” – dash".encode("cp1252")) == "Café “quoted” – dash"
    assert decode_bytes("Ñandú in Asunción".encode("latin-1")) == "Ñandú in Asunción"


def test_decode_meta_charset_wins_over_cp1252():
    page = '<html><head><meta charset="koi8-r"></head><body>Москва</body></html>'.encode("koi8-r")
    assert "Москва" in decode_bytes(page)


def test_decode_refuses_binary_and_empty():
    with pytest.raises(BinaryInput):
        decode_bytes(bytes(range(256)) * 4)
    with pytest.raises(EmptyInput):
        decode_bytes(b"  \n\t ")


def test_decode_gzip_and_truncated_gzip():
    data = gzip.compress(b"The ministry said so.")
    assert decode_bytes(data) == "The ministry said so."
    with pytest.raises(UndecodableInput):
        decode_bytes(data[:12])


def test_folder_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("two")
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / ".hidden").write_text("skip me")
    items = list(iter_inputs([str(tmp_path)]))
    assert [i.origin.path.rsplit("/", 1)[-1] for i in items] == ["a.txt", "two.txt"]


def test_missing_path_is_a_reject(tmp_path):
    (item,) = iter_inputs([str(tmp_path / "nope.txt")])
    assert isinstance(item, Reject) and item.reason == "not-found"


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a1", "text": "Police arrested two men.", "published": "2024-01-02",
                    "url": "https://x.example/a", "title": "Arrests"}),
        "{not json",
        json.dumps({"id": "a2", "html": "<p>Hello</p>"}),
        json.dumps({"id": "a3", "text": ""}),
        json.dumps({"id": "a4", "text": "x", "published": "yesterday"}),
    ]) + "\n")
    items = list(iter_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawItem", "Reject", "RawItem", "Reject", "Reject"]
    first, bad = items[0], items[1]
    assert first.id == "a1" and first.kind == "text" and first.url == "https://x.example/a"
    assert first.published.isoformat() == "2024-01-02" and first.origin.record == "line 1"
    assert bad.reason == "bad-record" and "line 2" in bad.input
    assert items[2].kind == "html"
    assert "ISO date" in items[4].detail


def test_gzipped_jsonl_and_json_array(tmp_path):
    (tmp_path / "w.jsonl.gz").write_bytes(gzip.compress(b'{"id": 1, "text": "One."}\n{"id": 2, "text": "Two."}\n'))
    (tmp_path / "list.json").write_text(json.dumps([{"text": "Three."}, {"text": "Four."}]))
    items = list(iter_inputs([str(tmp_path)]))
    assert [i.data for i in items] == [b"Three.", b"Four.", b"One.", b"Two."]
    assert all(isinstance(i, RawItem) for i in items)


def test_stdin():
    (item,) = iter_inputs(["-"], stdin=io.BytesIO(b"From a pipe."))
    assert item.data == b"From a pipe." and item.origin.path == "-"


def test_raw_hash_is_of_the_bytes():
    a, b = RawItem(b"x", origin=None), RawItem(b"y", origin=None)
    assert a.sha256 != b.sha256 and len(a.sha256) == 64
