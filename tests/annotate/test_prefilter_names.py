"""``prefilter_entities = "names"``: the entity recogniser reads the kept stretches and the known
names elsewhere, and finds there what it finds reading the whole text."""

from __future__ import annotations

import pytest

from forewarn.annotate.prefilter import Condition, Prefilter, _name_windows
from forewarn.config import Settings

TEXT = ("Police arrested two men in Lyon on Friday. The suspects were taken to a station.\n\n"
        "Tourists from Germany enjoyed the museums. The weather in Germany stayed mild and dry for "
        "most of the week, and many of the visitors walked along the river every single day.\n\n"
        "Life is good, Mr Dupont said.")


@pytest.fixture(scope="module")
def nlp():
    from forewarn.annotate import load_nlp

    return load_nlp("auto")


def _ents(doc):
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents}


def test_names_mode_finds_the_whole_texts_entities_where_it_reads(nlp):
    arrest = [Condition(frozenset({"arrest"}))]
    whole = Prefilter(nlp, arrest, ner="all")(TEXT)
    names = Prefilter(nlp, arrest, ner="names", names={"germany"})(TEXT)
    assert names.text == TEXT
    got, want = _ents(names), _ents(whole)
    assert got <= want
    kept_end = TEXT.index("\n\n")
    assert {e for e in want if e[1] <= kept_end} <= got  # the kept stretch: every entity
    assert [TEXT[s:e] for s, e, label in sorted(got) if e > kept_end] == ["Germany", "Germany"]
    assert "Dupont" not in {TEXT[s:e] for s, e, _ in got}  # no known name: not read
    tokens = [t for t in names if t.text == "Dupont"]
    assert tokens and tokens[0].ent_iob_ == "O"


def test_without_a_name_list_any_capitalised_word_is_read(nlp):
    doc = Prefilter(nlp, [Condition(frozenset({"arrest"}))], ner="names")(TEXT)
    assert {"Germany", "Dupont"} <= {e.text.split()[-1] for e in doc.ents}


def test_a_capital_that_only_opens_a_sentence_opens_no_window(nlp):
    doc = nlp.make_doc("The weather was mild. it rained in Paris.")
    plan = [(0, len(doc), False)]
    windows = _name_windows(doc, plan, frozenset({"the", "it"}), None, margin=1)
    assert windows == [(7, 10)]  # "in Paris ." only
    assert _name_windows(doc, [(0, 5, True), (5, len(doc), False)], frozenset({"the"}), frozenset()) == [(0, 5)]


def test_names_is_a_setting(nlp):
    assert Settings().replace(prefilter_entities="names").prefilter_entities == "names"
    with pytest.raises(ValueError):
        Prefilter(nlp, [], ner="some")
