"""The pattern and ontology loaders: shipped data is valid, defects name file and line."""

from __future__ import annotations

import pytest

from forewarn.code import load_ontology, load_patterns
from forewarn.config import Settings
from forewarn.errors import RulesError
from forewarn.models import QUADS


def test_ontology_has_sixteen_types_with_quads():
    ontology = load_ontology()
    assert len(ontology.types) == 16
    assert {t.quad for t in ontology.types.values()} == set(QUADS)
    assert "phone" in ontology["CONSULT"].modes and ontology["ASSAULT"].score < 0


def test_shipped_patterns_load_with_unique_ids():
    patterns = load_patterns()
    ids = [p.id for p in patterns]
    assert len(ids) == len(set(ids)) and len(ids) > 50
    assert {p.type for p in patterns} == set(load_ontology().types)


def test_malformed_toml_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[pattern]]\nid = "x"\nlemma = ["a", \n type = "AGREE"\n', "utf-8")
    with pytest.raises(RulesError) as err:
        load_patterns([bad])
    assert err.value.path == str(bad) and err.value.line is not None
    assert str(bad) in str(err.value)


def test_schema_error_points_at_the_pattern(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text('[[pattern]]\nid = "ok"\nlemma = "meet"\ntype = "CONSULT"\n\n'
                   '[[pattern]]\nid = "wrong"\nlemma = "meet"\ntype = "NOPE"\n', "utf-8")
    with pytest.raises(RulesError) as err:
        load_patterns([bad], replace=True)
    assert err.value.line == 6 and "NOPE" in str(err.value)


@pytest.mark.parametrize("body, words", [
    ('id = "m"\nlemma = "meet"\ntype = "CONSULT"\nmode = "fax"\n', "no mode"),
    ('id = "m"\nlemma = "meet"\ntype = "CONSULT"\nrequires = [{ prep = "by", object = true }]\n', "exactly one"),
    ('id = "m"\nlemma = "meet"\ntype = "CONSULT"\ncolour = "red"\n', "unknown key"),
    ('id = "m"\ntype = "CONSULT"\n', "lacks 'lemma'"),
])
def test_invalid_patterns_are_rejected(tmp_path, body, words):
    path = tmp_path / "p.toml"
    path.write_text("[[pattern]]\n" + body, "utf-8")
    with pytest.raises(RulesError, match=words):
        load_patterns([path], replace=True)


def test_duplicate_ids_are_rejected(tmp_path):
    path = tmp_path / "dup.toml"
    path.write_text('[[pattern]]\nid = "consult-meet"\nlemma = "meet"\ntype = "CONSULT"\n', "utf-8")
    with pytest.raises(RulesError, match="duplicate"):
        load_patterns([path])


def test_user_patterns_extend_or_replace(tmp_path, nlp):
    from forewarn.code import Coder
    from forewarn.models import Article, Origin

    path = tmp_path / "mine.toml"
    path.write_text('[[pattern]]\nid = "mine-snub"\nlemma = "snub"\ntype = "REJECT"\n', "utf-8")
    coder = Coder(Settings(patterns=[path], replace_patterns=True))
    assert [p.id for p in coder.patterns] == ["mine-snub"]
    text = "The minister snubbed the ambassador. The army attacked the town."
    events = coder.code(Article(id="a", body=text, origin=Origin(), raw_sha256=""), nlp(text))
    assert [(e.type, e.rule) for e in events] == [("REJECT", "mine-snub")]


def test_intent_and_permission_patterns_are_shipped():
    by_id = {p.id: p for p in load_patterns()}
    for pid, etype in (("retreat-allow-return", "RETREAT"), ("concede-allow-clause", "CONCEDE"),
                       ("agree-offer-thing", "AGREE"), ("aid-contribute", "AID"),
                       ("sanction-suspension-noun", "SANCTION"), ("sanction-force-out-of", "SANCTION"),
                       ("coerce-curfew-extend", "COERCE"), ("reject-be-opposed", "REJECT")):
        assert by_id[pid].type == etype
    assert by_id["reject-be-opposed"].actor == ("object",)
    assert "launch" not in by_id["assault-fire-at"].lemmas  # a launch needs what is launched
    assert "ultimatum" not in by_id["request-demand-noun"].lemmas  # an ultimatum is a threat
