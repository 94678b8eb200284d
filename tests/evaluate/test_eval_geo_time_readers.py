"""Geo and TimeML readers, on tiny fixtures written here."""

import datetime as dt

import pytest

from forewarn.evaluate import _geo, timeml

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><title>t</title><text><![CDATA[Fire in Springfield, Zembla.]]></text>
<toponyms count="2">
<toponym><start>8</start><end>19</end><phrase>Springfield</phrase>
<gaztag geonameid="1"><name>Springfield</name><lat>39.8</lat><lon>-89.6</lon></gaztag></toponym>
<toponym><start>21</start><end>27</end><phrase>Zembla</phrase></toponym>
</toponyms></article></articles>"""

GWN = """<?xml version="1.0" ?><articles><article file="0"><title>t</title><text>Paris talks.</text>
<toponyms><toponym><extractedName>Paris</extractedName><normalisedName /><type>Metonymic</type>
<start>0</start><end>5</end><geonamesID /><latitude>48.85</latitude><longitude>2.35</longitude></toponym>
<toponym><extractedName>Nowhere</extractedName><type>Literal</type><start>1</start><end>2</end></toponym>
</toponyms></article></articles>"""


def test_geo_readers_both_layouts(tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL)
    (tmp_path / "gwn.xml").write_text(GWN)
    (lgl,) = list(_geo.read(tmp_path / "lgl.xml"))
    assert lgl["text"].startswith("Fire in")
    assert lgl["toponyms"][0] == {"start": 8, "end": 19, "phrase": "Springfield", "lat": 39.8, "lon": -89.6,
                                  "type": None}
    assert lgl["toponyms"][1]["lat"] is None
    (gwn,) = list(_geo.read(tmp_path / "gwn.xml"))
    assert gwn["toponyms"][0]["type"] == "Metonymic" and gwn["toponyms"][0]["lon"] == 2.35
    assert gwn["toponyms"][1]["lat"] is None


def test_haversine():
    assert _geo.km(0, 0, 0, 0) == 0
    assert _geo.km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.2)
    assert _geo.km(51.5, -0.13, 48.85, 2.35) == pytest.approx(343, abs=3)


TML = """<?xml version="1.0" ?>
<TimeML><DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Prices <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>
after a <TIMEX3 tid="t2" type="DURATION" value="P1W">week</TIMEX3> of gains in
<TIMEX3 tid="t3" type="DATE" value="1997-Q4">the fourth   quarter</TIMEX3>.</TEXT></TimeML>"""


def test_timeml_reader_and_forms(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.tml").write_text(TML)
    dct, found = timeml.read_doc(tmp_path / "a" / "x.tml")
    assert dct == dt.date(1998, 1, 8)
    assert found == [("yesterday", "1998-01-07"), ("the fourth quarter", "1997-Q4")]
    assert timeml.files(tmp_path) == [tmp_path / "a" / "x.tml"]
    assert [timeml.form(v) for v in ("1998-01-07", "1998-W02", "1998-01", "1998", "1997-Q4", "PAST_REF",
                                     "1998-SU", "199")] == \
        ["day", "week", "month", "year", "quarter", "ref", "season", "decade"]
    result = timeml.score(tmp_path).to_dict()
    assert result["items"] == 2 and result["metrics"]["by_form"]["day"]["n"] == 1


def test_timeml_normalises_gold_notation_and_anchors(tmp_path):
    assert [timeml.normalise(v) for v in ("1998-01-08TNI", "2000-W7", "1949-XX", "199X", "1998-12-XX",
                                          "XXXX-10", "PAST_REF")] == \
        ["1998-01-08", "2000-W07", "1949", "199", "1998-12", "XXXX-10", "PAST_REF"]
    doc = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">'
           '1998-01-08</TIMEX3></DCT><TEXT>Talks began <TIMEX3 tid="t1" type="DATE" value="1995-03-02">March 2, '
           '1995</TIMEX3> and ended <TIMEX3 tid="t2" type="DATE" value="1995-03-03">the next day</TIMEX3>.'
           '</TEXT></TimeML>')
    (tmp_path / "d.tml").write_text(doc)
    dct, text, found = timeml.read_document(tmp_path / "d.tml")
    assert text[found[1].start:found[1].end] == "the next day"
    metrics = timeml.score(tmp_path, tense=False).to_dict()["metrics"]
    assert metrics["accuracy"] == 1.0 and metrics["by_form"]["day"]["n"] == 2
