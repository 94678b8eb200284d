"""Every scorer, run end to end on a tiny set written here, prints the ``forewarn eval`` contract."""

import json

import pytest

from forewarn.evaluate import SCORERS, evaluate


def _contract(result, name, items):
    out = result.to_dict()
    assert set(out) == {"dataset", "path", "items", "headline", "metrics"}
    assert out["dataset"] == name and out["items"] == items
    assert set(out["headline"]) == {"name", "value"} and 0.0 <= out["headline"]["value"] <= 1.0
    json.dumps(out)
    return out


def test_every_data_set_has_a_scorer():
    assert {"plover-gsr", "petrarch2-unittest", "conflibert-quad", "conflibert-roles", "indiapolice-sents",
            "muc4", "re3d", "lgl", "gwn", "timeml", "polnear", "wcxb"} <= set(SCORERS)


def test_sentence_scorers(tmp_path):
    gsr = tmp_path / "gsr.json"
    gsr.write_text(json.dumps([{"event": "DOCUMENT"}, {
        "date": "2019-12-30", "event": "CONSULT", "text": "Vladimir Putin phoned Donald Trump on Sunday.",
        "source": [{"actorText": "Vladimir Putin", "code": "RUS", "sector": "GOV"}],
        "target": [{"actorText": "Donald Trump", "code": "USA", "sector": "GOV"}]}]))
    out = _contract(evaluate("plover-gsr", gsr), "plover-gsr", 1)
    assert {"type_top_accuracy", "type_any_accuracy", "type_by_class", "source_country", "target_country",
            "sector"} <= set(out["metrics"])
    quad = tmp_path / "quad.tsv"
    quad.write_text("Soldiers shot three villagers.\t4\nThe minister said the talks were useful.\t0\n")
    out = _contract(evaluate("conflibert-quad", quad), "conflibert-quad", 2)
    assert "4-material-conflict" in out["metrics"]["by_class"]
    roles = tmp_path / "roles.txt"
    roles.write_text("Soldiers B-S\nshot O\nthree B-T\nvillagers I-T\n. O\n")
    out = _contract(evaluate("conflibert-roles", roles), "conflibert-roles", 1)
    assert {"top_exact", "top_overlap", "all_exact", "all_overlap"} <= set(out["metrics"])
    india = tmp_path / "india.tsv"
    india.write_text("police arrested two men in delhi on monday.\t0\t1\t1\t0\t0\n")
    out = _contract(evaluate("indiapolice-sents", india), "indiapolice-sents", 1)
    assert set(out["metrics"]["by_label"]) >= {"KILL", "ARREST", "FORCE", "ANY_ACTION", "macro"}


def test_petrarch_needs_the_cameo_table(tmp_path, monkeypatch):
    monkeypatch.delenv("FOREWARN_CAMEO_TABLE", raising=False)
    data = tmp_path / "unit.xml"
    data.write_text('<V><Sentence date="19950101" id="A"><EventCoding sourcecode="USA" targetcode="RUS" '
                    'eventcode="041"></EventCoding><Text>The United States phoned Russia.</Text></Sentence></V>')
    from forewarn.errors import UsageError

    with pytest.raises(UsageError):
        evaluate("petrarch2-unittest", data)
    (tmp_path / "cameo-to-plover.txt").write_text("041: CONSULT, phone, # Discuss by telephone\n")
    _contract(evaluate("petrarch2-unittest", data), "petrarch2-unittest", 1)


def test_document_scorers(tmp_path):
    muc = tmp_path / "muc.json"
    muc.write_text(json.dumps({"D": {"doc": "GUERRILLAS ATTACKED A POLICE STATION IN THE TOWN.", "roles": {
        "perp_individual_id": [["GUERRILLAS"]], "perp_organization_id": [], "phys_tgt_id": [["POLICE STATION"]],
        "hum_tgt_name": [], "incident_instrument_id": []}}}))
    _contract(evaluate("muc4", muc), "muc4", 1)
    re3d = tmp_path / "re3d.txt"
    re3d.write_text("General\tB-Person\nSmith\tI-Person\nvisited\tO\nParis\tB-Location\n.\tO\n")
    out = _contract(evaluate("re3d", re3d), "re3d", 1)
    assert "Person" in out["metrics"]["exact"]
    split = tmp_path / "pol"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "a.txt").write_text("Police arrested two men in Paris on Sunday, the ministry said.")
    (split / "attributions" / "a_0a0a.ann").write_text("T1\tSource 44 56\tthe ministry\n")
    out = _contract(evaluate("polnear", split), "polnear", 1)
    assert out["metrics"]["gold_sources"] == 1
    geo = tmp_path / "lgl.xml"
    geo.write_text("<articles><article><text>Flooding in London.</text><toponyms><toponym><start>12</start>"
                   "<end>18</end><phrase>London</phrase><gaztag><lat>51.5</lat><lon>-0.13</lon></gaztag>"
                   "</toponym></toponyms></article></articles>")
    out = _contract(evaluate("lgl", geo), "lgl", 1)
    assert out["metrics"]["acc_161km"] == 1.0
    _contract(evaluate("gwn", geo), "gwn", 1)
