"""GDELT 2.0 TSV, STIX 2.1 and Parquet exports of the sample store's events."""

import datetime as dt
import io
import json
import tomllib
from importlib import resources

import pyarrow.parquet as pq
import pytest

from forewarn.export import GDELT_COLUMNS, PARQUET_SCHEMA, cameo_code, stix_bundle, write_gdelt, write_parquet
from forewarn.export.stix import EVENT_TYPE, EXTENSION_ID

ADDED = dt.datetime(2024, 3, 1, 12, 0, 0, tzinfo=dt.timezone.utc)


def _gdelt(records):
    out = io.StringIO()
    assert write_gdelt(records, out, added=ADDED) == len(records)
    return [line.split("\t") for line in out.getvalue().splitlines()]


def test_gdelt_has_61_columns_in_order_and_no_header(records):
    rows = _gdelt(records)
    assert len(rows) == len(records) and all(len(r) == 61 for r in rows)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    assert GDELT_COLUMNS[:2] == ("GLOBALEVENTID", "SQLDATE") and GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert col["EventRootCode"] == 28 and col["ActionGeo_Long"] == 57  # 0-based positions of the codebook
    consult = next(r for r in rows if r[col["EventCode"]] == "041")
    assert consult[col["SQLDATE"]] == "20191229" and consult[col["Actor1Code"]] == "RUSGOV"
    assert consult[col["Actor2Name"]] == "DONALD TRUMP" and consult[col["QuadClass"]] == "1"
    assert consult[col["EventRootCode"]] == "04" and consult[col["DATEADDED"]] == "20240301120000"
    assert consult[col["SOURCEURL"]] == "https://news.example/putin"
    arrest = next(r for r in rows if r[col["ActionGeo_FullName"]] == "Saint Petersburg")
    assert arrest[col["EventRootCode"]] == "17" and arrest[col["ActionGeo_CountryCode"]] == "RS"  # FIPS
    assert float(arrest[col["ActionGeo_Lat"]]) == 59.94 and arrest[col["QuadClass"]] == "4"
    assert all(r[col["GLOBALEVENTID"]].isdigit() for r in rows)


def test_gdelt_unmapped_type_leaves_cameo_columns_empty(records):
    odd = dict(records[0], type="NOT-PLOVER", mode=None)
    (row,) = _gdelt([odd])
    assert row[26:29] == ["", "", ""]


def test_cameo_mapping_covers_every_plover_type_and_mode():
    plover = tomllib.loads(resources.files("forewarn.data").joinpath("plover.toml").read_text())["types"]
    mapping = tomllib.loads(resources.files("forewarn.data").joinpath("plover_to_cameo.toml").read_text())["types"]
    assert set(mapping) == set(plover)
    for name, entry in mapping.items():
        assert entry["code"].isdigit() and len(entry["code"]) == 3
        assert set(entry.get("modes", {})) <= set(plover[name].get("modes", {})), name
    assert cameo_code("CONSULT", "phone") == "041" and cameo_code("CONSULT", "multilateral") == "040"
    assert cameo_code("ASSAULT", "aerial") == "195" and cameo_code("UNKNOWN") is None


def test_stix_bundle_parses_and_validates(records):
    import stix2
    from stix2validator import ValidationOptions, validate_string

    text = json.dumps(stix_bundle(records))
    parsed = stix2.parse(text, allow_custom=True)
    kinds = {o["type"] for o in parsed.objects}
    assert {"report", "identity", "threat-actor", "location", "relationship", "extension-definition",
            EVENT_TYPE} <= kinds
    result = validate_string(text, ValidationOptions(strict=False))
    assert result.is_valid, [str(e) for r in result.object_results for e in r.errors]


def test_stix_structure(records):
    objects = {o["id"]: o for o in stix_bundle(records)["objects"]}
    events = [o for o in objects.values() if o["type"] == EVENT_TYPE]
    assert len(events) == len(records)
    assert all(o["extensions"] == {EXTENSION_ID: {"extension_type": "new-sdo"}} for o in events)
    reports = [o for o in objects.values() if o["type"] == "report"]
    assert len(reports) == 3  # one per article
    kremlin = next(r for r in reports if r["name"] == "Putin thanks Trump")
    outlet = objects[kremlin["created_by_ref"]]
    assert outlet["type"] == "identity" and outlet["name"] == "news.example"
    assert all(ref in objects for r in reports for ref in r["object_refs"])
    rels = {(objects[o["source_ref"]]["event_type"], o["relationship_type"], objects[o["target_ref"]]["name"])
            for o in objects.values() if o["type"] == "relationship"}
    assert ("CONSULT", "performed-by", "Vladimir Putin") in rels
    assert ("CONSULT", "targets", "Donald Trump") in rels
    assert ("CONSULT", "according-to", "Kremlin") in rels
    assert ("COERCE", "located-at", "Saint Petersburg") in rels
    rebels = next(o for o in objects.values() if o["type"] == "threat-actor")
    assert rebels["name"] == "M23 <script>x</script>"  # kept as data; escaping is the viewer's job


def test_stix_ids_are_deterministic(records):
    first, again = stix_bundle(records), stix_bundle(list(reversed(records)))
    assert first == again
    assert len({o["id"] for o in first["objects"]}) == len(first["objects"])


def test_parquet_schema_and_roundtrip(records, tmp_path):
    path = tmp_path / "events.parquet"
    assert write_parquet(records, path) == len(records)
    table = pq.read_table(path)
    assert table.schema.equals(PARQUET_SCHEMA, check_metadata=False)
    assert table.schema.metadata[b"forewarn.schema"] == b"events/1"
    rows = {r["id"]: r for r in table.to_pylist()}
    consult = next(r for r in rows.values() if r["type"] == "CONSULT")
    assert consult["actors"][0] == {"text": "Vladimir Putin", "name": "Vladimir Putin", "country": "RUS",
                                    "sector": "GOV"}
    assert consult["article_published"] == dt.date(2019, 12, 30) and consult["article_site"] == "news.example"


@pytest.mark.parametrize("frame", ["to_pandas", "to_polars"])
def test_records_api_frames(sample_db, frame):
    import forewarn

    with forewarn.open(sample_db, read_only=True) as db:
        df = getattr(db, frame)(type="COERCE")
        assert len(df) == 2 and set(df["type"]) == {"COERCE"}
        assert len(getattr(db, frame)(near=(59.9, 30.3, 25))) == 1
