"""The sentence component before the parser, and truecasing of all-caps copy."""

from __future__ import annotations

import time

import pytest

from forewarn.annotate.truecase import is_shouting, truecase


@pytest.fixture(scope="module")
def nlp():
    from forewarn.annotate import load_nlp

    return load_nlp("auto")


def test_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert "forewarn_paragraphs" in names and names.index("forewarn_paragraphs") < names.index("parser")


def test_a_lede_without_full_stop_ends_at_the_blank_line(nlp):
    doc = nlp("Putin thanks Trump for tip-off\n\nVladimir Putin has thanked Donald Trump. He said so.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Putin thanks Trump for tip-off" and sents[1].startswith("Vladimir Putin")


def test_an_overlong_sentence_is_cut_and_parsed_quickly(nlp):
    text = " ".join(["the man, who came from the city and the village"] * 500)
    start = time.perf_counter()
    doc = nlp(text)
    assert time.perf_counter() - start < 10
    assert max(len(s) for s in doc.sents) <= 200


def test_truecase_keeps_every_offset():
    text = "THE GUATEMALA ARMY\nDENIED TODAY THAT GUERRILLAS ATTACKED THE FARM. POLICE SAID I WAS IN THE US."
    out = truecase(text, {"guatemala"}, {"US"})
    assert len(out) == len(text)
    assert out.startswith("The Guatemala army\ndenied") and "Police said I was in the US." in out
    assert is_shouting(text) and not is_shouting(out)
