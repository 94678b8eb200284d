"""Readers of the event data sets, on tiny fixtures written here."""

import json

import pytest

from forewarn.errors import UsageError
from forewarn.evaluate import conflibert_quad, indiapolice, petrarch2, plover_gsr
from forewarn.evaluate._cameo import find_table, parse_table, to_plover

GSR = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "documentation only"},
    {"id": "X-1", "date": "2001-02-03", "event": "DEMAND", "text": "Ruritania demanded that Freedonia pay.",
     "source": [{"actorText": "Ruritania", "code": "JAP", "sector": "GOVxyz"}], "target": ""},
    {"id": "X-2", "date": "2001-02-03", "event": "FIGHT", "text": "Troops fought rebels.",
     "source": [{"actorText": "Troops", "code": "ABC", "sector": "***"}]},
]


def test_plover_gsr_reader_maps_old_names_codes_and_sectors(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(GSR))
    records = plover_gsr.read(path)
    assert [r["type"] for r in records] == ["REQUEST", "ASSAULT"]
    assert records[0]["source"] == [{"text": "Ruritania", "country": "JPN", "sector": "GOV"}]
    assert records[0]["target"] == [] and records[1]["target"] == []
    assert records[1]["source"][0]["sector"] is None
    assert len(plover_gsr.read(path, limit=1)) == 1
    assert plover_gsr.plover_type("disapprove") == "ACCUSE" and plover_gsr.plover_type("INVESTIGATE") == "ACCUSE"


TABLE = """# a comment
03: AGREE
036: AGREE,  , diplomatic # Express intent to meet
04: CONSULT
041: CONSULT, phone,   # Discuss by telephone

~~~~~
05: SUPPORT
"""


def test_cameo_table_parse_prefix_fallback_and_location(tmp_path, monkeypatch):
    table = parse_table(TABLE)
    assert table["041"] == ("CONSULT", "phone") and table["036"] == ("AGREE", None)
    assert "05" not in table  # nothing after the ~~~~~ line
    assert to_plover("0412", table) == "CONSULT" and to_plover("03", table) == "AGREE"
    assert to_plover("903", table) is None
    data = tmp_path / "tests.xml"
    data.write_text("<x/>")
    monkeypatch.delenv("FOREWARN_CAMEO_TABLE", raising=False)
    with pytest.raises(UsageError):
        find_table(data)
    (tmp_path / "cameo-to-plover.txt").write_text(TABLE)
    assert find_table(data) == tmp_path / "cameo-to-plover.txt"
    other = tmp_path / "elsewhere.txt"
    other.write_text(TABLE)
    monkeypatch.setenv("FOREWARN_CAMEO_TABLE", str(other))
    assert find_table(data) == other


PETRARCH = """<Validation><Sentences>
<!-- a record with two codings -->
<Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
<EventCoding sourcecode="USAGOV" targetcode="ZZZ" eventcode="041"></EventCoding>
<EventCoding sourcecode='"ZZZ"' targetcode="USA" eventcode="036"></EventCoding>
<Text>
Washington phoned
Zembla on Monday.
</Text>
</Sentence>
<Sentence date = "19950102" id ="T-02" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950103" id="T-03" category="ERROR" sentence="true">
<EventCoding error="bad"></EventCoding>
<Text>Broken record.</Text>
</Sentence>
</Sentences></Validation>"""


def test_petrarch_reader(tmp_path):
    path = tmp_path / "unit.xml"
    path.write_text(PETRARCH)
    records = petrarch2.read(path)
    assert [r["id"] for r in records] == ["T-01", "T-02"]
    first = records[0]
    assert first["text"] == "Washington phoned Zembla on Monday."
    assert [c["eventcode"] for c in first["codings"]] == ["041", "036"]
    assert first["codings"][1]["sourcecode"] == "ZZZ"
    assert records[1]["noevents"] and not records[1]["codings"]
    assert first["published"].isoformat() == "1995-01-01"


def test_quad_reader_and_prediction(tmp_path):
    path = tmp_path / "quad.tsv"
    path.write_bytes(b"sentence\tlabel\r\nThe minister met his counterpart.\t1\r\nTroops shelled a town.\t4\r\n\r\n")
    assert conflibert_quad.read(path) == [("The minister met his counterpart.", "1"), ("Troops shelled a town.", "4")]
    assert conflibert_quad.predict([]) == "0"


def test_indiapolice_reader_column_order(tmp_path):
    path = tmp_path / "sents.tsv"
    path.write_text("police arrested two men.\t0\t1\t1\t0\t0\n"
                    "the mob fled.\t0\t0\t0\t0\t0\n"
                    "text\tKILL\tARREST\tANY_ACTION\tFAIL\tFORCE\n"
                    "officers fired\ton the crowd.\t0\t0\t1\t0\t1\n")
    rows = indiapolice.read(path)
    assert rows[0] == ("police arrested two men.", {"ARREST", "ANY_ACTION"})
    assert rows[1] == ("the mob fled.", set())
    assert rows[2] == ("officers fired\ton the crowd.", {"ANY_ACTION", "FORCE"})
    other = indiapolice.read(path, columns=("ARREST", "KILL", "ANY_ACTION", "FAIL", "FORCE"))
    assert other[0][1] == {"KILL", "ANY_ACTION"}
    assert indiapolice.predict([]) == set()
