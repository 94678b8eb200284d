"""The parse prefilter: only sentences a pattern could fire in are parsed, and the events stay the same."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from forewarn.annotate.prefilter import Condition, Prefilter, TriggerForms, pattern_conditions, rough_sentences
from forewarn.config import Settings
from forewarn.errors import ConfigError


@pytest.fixture(scope="module")
def nlp():
    from forewarn.annotate import load_nlp

    return load_nlp("auto")


@pytest.fixture(scope="module")
def pipelines():
    from forewarn.pipeline import Pipeline

    return Pipeline(Settings(prefilter=False)), Pipeline(Settings(prefilter=True))


def _req(kind, words=(), lemmas=(), ents=(), actor=False):
    return SimpleNamespace(kind=kind, words=tuple(words), lemmas=frozenset(lemmas), ents=frozenset(ents), actor=actor)


def test_inflected_and_irregular_forms_stand_for_their_lemma(nlp):
    forms = TriggerForms([Condition(frozenset({"attack", "arrest", "fight", "seize"}))], nlp)
    for word in ("attacked", "Attacks", "arresting", "fought", "seized", "ATTACK"):
        assert word in forms, word
    for word in ("table", "said", "the", "Trump"):
        assert word not in forms, word


def test_a_pattern_needs_its_required_words_in_the_sentence(nlp):
    phone = SimpleNamespace(lemmas=("speak",), requires=(_req("prep", ["by"], ["phone", "telephone"]),), head=None)
    # a requirement an entity or an actor could meet instead of a lemma requires nothing
    loose = SimpleNamespace(lemmas=("visit",), requires=(_req("object", lemmas=["capital"], ents=["GPE"]),), head=None)
    forms = TriggerForms(pattern_conditions([phone, loose]), nlp)
    assert forms.possible("Putin spoke to Trump by telephone".split())
    assert not forms.possible("Putin spoke to Trump on Sunday".split())
    assert forms.possible("Putin visited Minsk".split())


def test_rough_sentences_cut_at_blank_lines_and_full_stops_but_not_inside_quotes(nlp):
    text = 'Title line\n\nThe U.S. army moved. "We will fight." he said. "Never." Then it ended.'
    doc = nlp.make_doc(text)
    parts = [doc[s:e].text.strip() for s, e in rough_sentences(doc)]
    assert parts == ["Title line", "The U.S. army moved.", '"We will fight." he said.', '"Never." Then it ended.']
    assert "".join(doc[s:e].text_with_ws for s, e in rough_sentences(doc)) == text


def test_only_possible_sentences_are_parsed_and_offsets_are_kept(nlp):
    text = ("The weather was mild in the capital on Sunday. Police arrested two men in the city.\n\n"
            "Tourists enjoyed the museums. A quiet afternoon followed.")
    pf = Prefilter(nlp, [Condition(frozenset({"arrest"}))])
    doc = pf(text)
    assert doc.text == text
    arrested = next(t for t in doc if t.text == "arrested")
    assert arrested.pos_ == "VERB" and arrested.lemma_ == "arrest" and arrested.head.i == arrested.i
    assert {c.text for c in arrested.children} >= {"Police", "men"}
    weather = next(t for t in doc if t.text == "weather")
    assert weather.pos_ == "" and weather.lemma_ == "" and weather.dep_ == "dep"
    assert weather.sent.text == "The weather was mild in the capital on Sunday."
    assert pf.stats.kept_sentences == 1 and pf.stats.sentences == 4
    # the entity recogniser still reads the whole text
    assert "Sunday" in {e.text for e in doc.ents}


def test_a_quoted_sentence_keeps_the_sentence_that_introduced_the_quote(nlp):
    text = 'The minister spoke on Monday. "The army will attack them tomorrow."\n\nRain fell.'
    pf = Prefilter(nlp, [Condition(frozenset({"attack"}))])
    doc = nlp.make_doc(text)
    sents, keep = pf.select(doc)
    assert keep == [True, True, False]


def test_the_reference_article_codes_the_same_events(pipelines, reference_article):
    text = reference_article.read_text("utf-8")
    bare, filtered = (p.extract_text(text)[1] for p in pipelines)

    def key(e):
        return (e.type, e.mode, e.status, e.evidence.start, e.evidence.end, e.evidence.trigger_start,
                [a.name for a in e.actors], [a.name for a in e.recipients], [a.name for a in e.attribution],
                e.date and e.date.value, e.location and e.location.name)

    assert bare and [key(e) for e in filtered] == [key(e) for e in bare]


def test_prefilter_settings(pipelines):
    bare, filtered = pipelines
    assert bare.annotator is bare.nlp
    assert isinstance(filtered.annotator, Prefilter) and filtered.annotator.ner == "names"
    assert filtered.annotator.names and {"germany", "united", "states"} <= filtered.annotator.names
    assert Settings().replace(prefilter_entities="kept").prefilter_entities == "kept"
    with pytest.raises(ConfigError):
        Settings().replace(prefilter_entities="some")


def test_a_stretch_is_parsed_with_the_words_and_norms_of_the_text(nlp):
    pf = Prefilter(nlp, [Condition(frozenset({"attack"}))])
    doc = nlp.make_doc("He said. They don't attack  rebels in Gaza.\n\nThe end came.")
    region = pf._region(doc, 3, 11)
    lo = max(0, 3 - 6)
    want = doc[lo:min(len(doc), 11 + 6)]
    assert [t.text_with_ws for t in region] == [t.text_with_ws for t in want]
    assert [t.norm_ for t in region] == [t.norm_ for t in want]
    assert "n't" in [t.text for t in region] and "not" in [t.norm_ for t in region]
    assert region[3 - lo].is_sent_start
    out = list(pf.pipe([doc.text]))
    assert [d.text for d in out] == [doc.text]
    assert not any(k for k in out[0].user_data if "prefilter" in str(k))  # no cached arrays left behind
