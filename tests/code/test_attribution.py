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
