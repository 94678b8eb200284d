"""Shared fixtures for the coding tests: the spaCy pipeline and one Coder, loaded once."""

from __future__ import annotations

import datetime as dt

import pytest

from forewarn.models import Article, Origin


@pytest.fixture(scope="session")
def nlp():
    from forewarn.annotate import load_nlp

    return load_nlp("auto")


@pytest.fixture(scope="session")
def coder():
    from forewarn.code import Coder

    return Coder()


@pytest.fixture(scope="session")
def code_text(nlp, coder):
    """Code a text as an article body: ``code_text(text, published=date(...))`` → events."""

    def run(text: str, published: dt.date | None = dt.date(2020, 3, 2)):
        article = Article(id="t", body=text, origin=Origin(path="t.txt"), raw_sha256="", published=published)
        events = coder.code(article, nlp(text))
        for e in events:
            assert text[e.evidence.start:e.evidence.end] == e.evidence.text
            assert text[e.evidence.trigger_start:e.evidence.trigger_end] == e.evidence.trigger
        return events

    return run
