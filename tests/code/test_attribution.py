"""Attribution relations found in every sentence, independent of events (``code.attribution``)."""

from __future__ import annotations

import pytest

from forewarn.code.attribution import find_attributions, load_attribution_cues, source_heads


@pytest.fixture(scope="module")
def attrs(nlp):
    def run(text: str, nested: bool = False):
        doc = nlp(text)
        return [(a.text(text), a.text(text, "cue"), a.text(text, "content"), a.kind)
                for a in find_attributions(doc) if nested or not a.nested]

    return run


def test_cues_are_data():
    cues = load_attribution_cues()
    assert "say" in cues.verbs and "quote" in cues.quote_verbs and ("call", "for") in cues.phrases
    assert ("according", "to") in cues.according and "statement" in cues.nouns


def test_subject_verb_clause(attrs):
    (src, cue, content, _), = attrs("The Zembla ministry said that troops crossed the river.")
    assert (src, cue) == ("The Zembla ministry", "said") and content == "that troops crossed the river"


def test_inverted_quote_and_apposition(attrs):
    text = "\u201cWe will not back down,\u201d said Mike Pence, the Indiana governor, on Friday."
    found = attrs(text)
    assert found and found[0][0].startswith("Mike Pence, the Indiana governor")
    assert "We will not back down" in found[0][2]


def test_according_to(attrs):
    (src, cue, content, kind), = attrs("Two soldiers died, according to local officials.")
    assert (src, cue, kind) == ("local officials", "according to", "according")
    assert content == "Two soldiers died"


def test_told_and_pronoun_source(nlp):
    text = "Anna Berg arrived late. She told reporters the vote was rigged."
    doc = nlp(text)
    (a,) = [a for a in find_attributions(doc) if not a.nested]
    assert a.text(text) == "She" and a.text(text, "cue") == "told"
    assert a.antecedent is not None and text[a.antecedent[0]:a.antecedent[1]] == "Anna Berg"


def test_quote_chain_outermost_first(nlp):
    text = "Tass quoted a spokesman for the police as saying that two men were arrested."
    doc = nlp(text)
    heads = source_heads(next(t for t in doc if t.text == "arrested"))
    assert [h.text for h in heads] == ["Tass", "spokesman"]


def test_speaker_label_and_byline(attrs):
    text = "WALLACE: Let us turn to the economy.\n\u201cA disgrace.\u201d \u2015 Ana Ruiz\n"
    found = {(s, c, k) for s, c, _, k in attrs(text)}
    assert ("WALLACE", ":", "label") in found and ("Ana Ruiz", "\u2015", "byline") in found


def test_first_person_inside_a_quote_is_not_a_source(attrs):
    text = "\u201cI think the plan is dead,\u201d the senator said."
    assert [s for s, *_ in attrs(text)] == ["the senator"]


def test_parenthetical_cue_inside_the_clause(attrs):
    text = "The new bridge, the mayor said, will open in the spring."
    found = [(s, c, k) for s, c, _, k in attrs(text)]
    assert ("the mayor", "said", "parenthetical") in found


def test_passive_agent_is_the_source(attrs):
    text = "The border closure was first reported by the Daily Lantern."
    assert [s for s, *_ in attrs(text)] == ["the Daily Lantern"]


def test_nearest_subject_after_an_inverted_quote(attrs):
    text = "\u201cA very bad week,\u201d said Ola Brandt, an analyst at the Nordic Institute."
    assert attrs(text)[0][0] == "Ola Brandt, an analyst at the Nordic Institute"


def test_stance_verbs_take_objects_and_prepositions(attrs):
    objects = attrs("Senator Ruiz criticized the new tariff plan on Monday.")
    assert [(s, c, k) for s, c, _, k in objects] == [("Senator Ruiz", "criticized", "object")]
    preps = attrs("Governor Lane spoke about the flooding at length.")
    assert [(s, c) for s, c, *_ in preps] == [("Governor Lane", "spoke")]


def test_stance_adjective_after_a_copula(attrs):
    found = attrs("Farmers in the valley are worried that the dam will fail.")
    assert [(s, c, k) for s, c, _, k in found] == [("Farmers in the valley", "worried", "adjective")]


def test_possessive_noun_source_keeps_its_case_marker(attrs):
    text = "The minister\u2019s claim that prices had fallen was false."
    assert ("The minister\u2019s", "claim") in [(s, c) for s, c, *_ in attrs(text)]


def test_participle_set_off_after_the_source_is_left_out(attrs):
    text = "Maria Lind, speaking at a rally in Oslo, said the vote was close."
    assert attrs(text)[0][0] == "Maria Lind"


def test_dateline_before_a_dash_is_not_the_source(attrs):
    text = "Lisbon (AFP) \u2013 Prime Minister Ana Costa said the talks would resume."
    assert attrs(text)[0][0] == "Prime Minister Ana Costa"


def test_headings_and_tallies_are_not_speakers(attrs):
    text = "The Latest: Storm moves north.\nBrandt: 1,204.\nHALE: We will not give up.\n"
    assert [s for s, c, _, k in attrs(text) if k == "label"] == ["HALE"]


def test_cited_things_are_not_second_speakers(attrs):
    found = attrs("The senator cited rising prices as a reason for the vote.")
    assert [k for *_, k in found] != [] and "quoted" not in [k for *_, k in found]


def test_continue_is_a_cue_only_with_a_quotation(attrs):
    assert attrs("Support for the plan continues to grow among voters.") == []
