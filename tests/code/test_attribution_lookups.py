"""The attribution finder's look-ups: lemma fixes as a table, "according" openers, antecedents."""

from __future__ import annotations

from dataclasses import replace

import pytest

from forewarn.code.attribution import find_attributions
from forewarn.code.attribution_cues import load_attribution_cues


@pytest.fixture(scope="module")
def nlp():
    from forewarn.annotate import load_nlp

    return load_nlp("auto")


def test_the_first_fix_of_a_lemma_wins_and_other_lemmas_pass_through(nlp):
    cues = replace(load_attribution_cues(), lemma_fixes=(("sai", "say"), ("sai", "sigh"), ("tell", "talk")))
    doc = nlp("Officials told reporters that the talks failed.")
    told = next(t for t in doc if t.text == "told")
    assert cues.lemma(told) == "talk"
    assert cues.lemma(doc[0]) == doc[0].lemma_.lower()
    assert cues._fixes == {"sai": "say", "tell": "talk"}


def test_according_openers_are_the_phrases_first_words():
    cues = load_attribution_cues()
    assert cues.according_firsts == {words[0] for words in cues.according}
    assert "according" in cues.according_firsts


def test_a_pronoun_source_names_the_last_person_before_it(nlp):
    text = "John Smith met Mary Jones in Paris. Later she said the talks had failed."
    doc = nlp(text)
    found = [a for a in find_attributions(doc) if a.text(text) == "she"]
    assert found and found[0].antecedent is not None
    assert text[found[0].antecedent[0]:found[0].antecedent[1]] == "Mary Jones"
