"""Batch stand-ins for spaCy's attribute ruler and rule lemmatizer give exactly the stock output."""

from __future__ import annotations

import numpy
import pytest
from spacy.attrs import LEMMA, MORPH, POS, TAG

from forewarn.annotate.fast_rules import BatchAttributeRuler, BatchLemmatizer, batch_component

TEXTS = [
    "Y'all gonna love it, c'mon! There's a cat and there are two dogs. Let's go; we gotta run.",
    "He ain't here.  The ministers were meeting in Kabul on Tuesday and said they'd attack.\n\nOK",
    "",
    "   ",
    "Rebels seized the towns, the army's spokesman said. \"We won't stop,\" she added -- quickly.",
]


@pytest.fixture(scope="module")
def nlp():
    from forewarn.annotate import load_nlp

    return load_nlp("auto")


def _run(nlp, stand_in: set[str]):
    docs = [nlp.make_doc(t) for t in TEXTS]
    for name, proc in nlp.pipeline:
        if name in stand_in:
            proc = batch_component(name, proc)
            assert proc is not None, name
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return docs


def _columns(docs):
    return [d.to_array([TAG, POS, MORPH, LEMMA]) for d in docs]


def test_the_batch_rules_give_the_stock_tags_parts_of_speech_morphology_and_lemmas(nlp):
    stock = _columns(_run(nlp, set()))
    batch = _columns(_run(nlp, {"attribute_ruler", "lemmatizer"}))
    for a, b in zip(stock, batch):
        assert numpy.array_equal(a, b)
    doc = _run(nlp, {"attribute_ruler", "lemmatizer"})[0]
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"  # two-word rules of the ruler
    assert lemmas["love"] == "love" and lemmas["dogs"] == "dog"


def test_a_later_rule_wins_and_a_match_never_crosses_documents(nlp):
    # two documents: "gon" ends the first, "na" opens the second: no two-word match across them
    docs = [nlp.make_doc("I gon"), nlp.make_doc("na go")]
    stock = [nlp.make_doc("I gon"), nlp.make_doc("na go")]
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler":
            BatchAttributeRuler.from_ruler(proc).pipe(docs)
            stock = [proc(d) for d in stock]
        else:
            docs = [proc(d) for d in docs]
            stock = [proc(d) for d in stock]
    assert _columns(docs)[0].tolist() == _columns(stock)[0].tolist()
    assert _columns(docs)[1].tolist() == _columns(stock)[1].tolist()


def test_components_it_cannot_stand_in_for_are_left_to_spacy(nlp):
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.vocab, name="odd")
    ruler.add([[{"LOWER": "x", "OP": "+"}]], {"LEMMA": "y"})
    assert batch_component("odd", ruler) is None
    assert batch_component("tagger", nlp.get_pipe("tagger")) is None
    assert isinstance(batch_component("lemmatizer", nlp.get_pipe("lemmatizer")), BatchLemmatizer)


def test_the_set_index_lemmatizer_gives_spacys_own_rule_lemmas(nlp):
    from forewarn.annotate.fast_rules import _FastRuleLemmatizer, _fast_rules

    stock = nlp.get_pipe("lemmatizer")
    fast = _fast_rules(stock)
    assert isinstance(fast.__self__, _FastRuleLemmatizer)
    fast.__self__.cache = {}  # its own answers, not those spaCy's cache already holds
    text = ("The ministers were meeting; rebels seized towns, fled the cities and are fleeing again. "
            "Better armies fought harder, the biggest cries echoed; she's taller and flies higher. "
            "Oxen, geese and data: crises arose, leaves fell, analyses went quickest.")
    doc = nlp(text)
    checked = 0
    for token in doc:
        if token.is_space:
            continue
        stock.cache.clear()
        assert fast(token) == stock.rule_lemmatize(token), token.text
        checked += 1
    assert checked > 30 and fast.__self__.cache  # and it remembers what it found
