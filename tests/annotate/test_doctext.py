"""A document's text is built once and kept; the prefilter hands over the text it was given."""

from __future__ import annotations

import pytest

from forewarn.annotate.doctext import TEXT_KEY, doc_text

TEXT = "  Rebels seized two towns, officials said.\n\n\"We won't stop,\" he said.  "


@pytest.fixture(scope="module")
def nlp():
    from forewarn.annotate import load_nlp

    return load_nlp("auto")


def test_the_text_is_built_once_and_is_the_documents(nlp):
    doc = nlp.make_doc(TEXT)
    assert doc_text(doc) == doc.text == TEXT
    doc.user_data[TEXT_KEY] = "x" * len(TEXT)  # what is kept is what is read again
    assert doc_text(doc) == "x" * len(TEXT)
    assert doc_text(nlp.make_doc("")) == ""


def test_a_kept_text_of_another_length_is_rebuilt(nlp):
    doc = nlp.make_doc(TEXT)
    doc.user_data[TEXT_KEY] = "stale"
    assert doc_text(doc) == TEXT


def test_the_prefilter_keeps_the_text_it_parsed(nlp):
    from forewarn.annotate.prefilter import Condition, Prefilter

    pre = Prefilter(nlp, [Condition(frozenset({"seize"}))], ner="kept")
    (doc,) = list(pre.pipe([TEXT]))
    assert doc.user_data[TEXT_KEY] == doc.text == TEXT
