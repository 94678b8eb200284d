"""A bare number counting people named before it (resolve/ellipsis.py) and sector nouns."""

from __future__ import annotations

import datetime as dt

from forewarn.resolve import ArticleActors
from forewarn.resolve.ellipsis import counted_antecedent


def _tok(doc, text):
    return next(t for t in doc if t.text == text)


def _people(tok):
    return tok.lemma_.lower() in {"demonstrator", "person", "police", "migrant", "authority"}


def test_number_counts_the_people_acted_on(nlp):
    doc = nlp("Riot police fired tear gas at the demonstrators in the capital, injuring one person "
              "and detaining 12, witnesses said.")
    assert counted_antecedent(_tok(doc, "12"), _people).text == "demonstrators"


def test_doer_is_never_the_antecedent(nlp):
    doc = nlp("Police arrested 12 on Monday.")
    assert counted_antecedent(_tok(doc, "12"), _people) is None


def test_number_with_its_noun_is_no_ellipsis(nlp):
    doc = nlp("Police dispersed the demonstrators and arrested 12 people.")
    assert counted_antecedent(_tok(doc, "12"), _people) is None


def test_resolved_number_keeps_its_own_words(nlp, kb):
    doc = nlp("Riot police fired tear gas at Kenyan demonstrators in the capital, injuring one person "
              "and detaining 12, witnesses said.")
    [res] = ArticleActors(kb, dt.date(2000, 1, 1)).resolve(_tok(doc, "12"))
    assert (res.actor.text, res.actor.country, res.actor.sector) == ("12", "KEN", "CVL")


def test_political_opponents_are_opposition(nlp, kb):
    doc = nlp("The government arrested political opponents.")
    [res] = ArticleActors(kb, dt.date(2000, 1, 1)).resolve(_tok(doc, "opponents"))
    assert res.actor.sector == "OPP"
