"""Mentions → actors with the knowledge base and the article's memory."""

from __future__ import annotations

import datetime as dt

import pytest

from forewarn.errors import RulesError
from forewarn.resolve import ArticleActors, load_actor_kb

DAY = dt.date(2019, 12, 30)


def head_of(doc, text):
    """The syntactic head of the first occurrence of ``text`` in ``doc``."""
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), alignment_mode="expand").root


def resolve(nlp, kb, sentence, phrase, ctx=None, **kw):
    doc = nlp(sentence)
    ctx = ctx or ArticleActors(kb, DAY)
    return [r.actor for r in ctx.resolve(head_of(doc, phrase), **kw)], ctx


def test_office_holder_on_the_date(nlp, kb):
    [a], _ = resolve(nlp, kb, "The Russian president spoke.", "The Russian president")
    assert (a.text, a.name, a.country, a.sector) == ("The Russian president", "Vladimir Putin", "RUS", "GOV")
    [b], _ = resolve(nlp, kb, "The US president spoke.", "The US president",
                     ctx=ArticleActors(kb, dt.date(2010, 6, 1)))
    assert b.name == "Barack Obama"


def test_counterpart_takes_the_speakers_office(nlp, kb):
    doc = nlp("The Russian president spoke to his US counterpart.")
    ctx = ArticleActors(kb, DAY)
    speaker = ctx.resolve(head_of(doc, "president"))[0]
    [other] = ctx.resolve(head_of(doc, "counterpart"), counterpart_of=speaker)
    assert (other.actor.name, other.actor.country, other.actor.sector) == ("Donald Trump", "USA", "GOV")


def test_title_and_surname_find_the_full_name(nlp, kb):
    ctx = ArticleActors(kb, DAY)
    doc = nlp("Jane Doemore met Vladimir Putin. Later Mr Putin thanked Ms Doemore.")
    ctx.resolve(head_of(doc, "Jane Doemore"))
    later = doc.text.index("Ms Doemore")
    [res] = ctx.resolve(doc.char_span(later, later + len("Ms Doemore")).root)
    assert res.actor.name == "Jane Doemore"
    [putin] = ctx.resolve(head_of(doc, "Mr Putin"))
    assert putin.actor.name == "Vladimir Putin"


@pytest.mark.parametrize("sentence, phrase, country, sector", [
    ("It came via US intelligence services.", "US intelligence services", "USA", "SPY"),
    ("Two Russian nationals were held.", "Two Russian nationals", "RUS", "CVL"),
    ("The FSB said so.", "The FSB", "RUS", "SPY"),
    ("The Kremlin said so.", "The Kremlin", "RUS", "GOV"),
    ("Moscow said so.", "Moscow", "RUS", "GOV"),
    ("Israeli troops moved in.", "Israeli troops", "ISR", "MIL"),
    ("French police moved in.", "French police", "FRA", "COP"),
    ("Media in Russia said so.", "Media in Russia", "RUS", "JRN"),
])
def test_groups_and_organisations(nlp, kb, sentence, phrase, country, sector):
    [a], _ = resolve(nlp, kb, sentence, phrase)
    assert (a.text, a.country, a.sector) == (phrase, country, sector)


def test_spokesman_takes_the_organisation(nlp, kb):
    [a], _ = resolve(nlp, kb, "A spokesman for the FSB said so.", "A spokesman for the FSB")
    assert (a.country, a.sector, a.name) == ("RUS", "SPY", None)


def test_both_leaders_are_the_last_two_persons(nlp, kb):
    ctx = ArticleActors(kb, DAY)
    doc = nlp("Mr Putin thanked Donald Trump. Both leaders agreed.")
    ctx.resolve(head_of(doc, "Putin"))
    ctx.resolve(head_of(doc, "Donald Trump"))
    found = ctx.resolve(head_of(doc, "Both leaders"))
    assert sorted(r.actor.name for r in found) == ["Donald Trump", "Vladimir Putin"]


def test_unknown_names_keep_their_text(nlp, kb):
    [a], _ = resolve(nlp, kb, "Zorblax Quintor spoke.", "Zorblax Quintor")
    assert a.text == "Zorblax Quintor" and a.country is None


def test_user_actor_file_extends_the_kb(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[organization]]\nname = "Acme Militia"\ncountry = "XKX"\nsector = "REB"\n', "utf-8")
    kb = load_actor_kb([extra])
    assert kb.lookup("acme militia").sector == "REB" and kb.lookup("Kremlin").country == "RUS"


def test_malformed_actor_file_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[person]]\nname = "A"\n\n[[person]]\naliases = ["B"]\n', "utf-8")
    with pytest.raises(RulesError) as err:
        load_actor_kb([bad])
    assert err.value.path == str(bad) and err.value.line == 4


# ---- countries named inside the actor's own phrase; historical names; leaders -----------------
@pytest.mark.parametrize("sentence, phrase, country", [
    ("Vietnamese-led forces shelled the camps.", "Vietnamese-led forces", "VNM"),
    ("Serb forces entered the town.", "Serb forces", "SRB"),
    ("Demonstrators in Baghdad blocked a road.", "Demonstrators in Baghdad", "IRQ"),
    ("Inspectors of the International Atomic Energy Agency left.", "Inspectors of the International Atomic Energy Agency", "IGO"),
    ("The largest militant group in Northern Ireland disbanded.", "The largest militant group in Northern Ireland", "GBR"),
    ("Soviet troops left.", "Soviet troops", "RUS"),
    ("Officials of the Democratic People's Republic of Korea arrived.", "Officials", "PRK"),
])
def test_country_named_inside_the_phrase(nlp, kb, sentence, phrase, country):
    [a], _ = resolve(nlp, kb, sentence, phrase)
    assert a.country == country


def test_a_country_the_phrase_is_against_is_not_its_own(nlp, kb):
    [a], _ = resolve(nlp, kb, "An anti-Syria journalist was killed.", "An anti-Syria journalist")
    assert a.country != "SYR"


def test_title_naming_an_organisation(nlp, kb):
    [a], _ = resolve(nlp, kb, "U.N. mediator Tom Brandt arrived.", "U.N. mediator Tom Brandt")
    assert a.country == "IGO"


def test_possessive_pronoun_of_an_event_noun_is_the_verbs_subject(nlp, kb):
    doc = nlp("Moroccan diplomats held their first meeting with the president.")
    ctx = ArticleActors(kb, DAY)
    [res] = ctx.resolve(head_of(doc, "their"))
    assert res.actor.country == "MAR"


def test_historical_leaders_are_known(kb):
    for name, country in (("Hosni Mubarak", "EGY"), ("Kofi Annan", "IGO"), ("Helmut Kohl", "DEU")):
        entry = kb.lookup(name)
        assert entry is not None and entry.country == country
    assert kb.lookup("Congo").country == "COG" and kb.country_of("Congolese") == "COD"


@pytest.mark.parametrize("sentence, phrase, country", [
    ("Jan Berg, the United Nations humanitarian coordinator, spoke.", "Jan Berg", "IGO"),
    ("A newspaper based in Beirut published the letter.", "A newspaper", "LBN"),
    ("A bombing near the town of Samarra killed two.", "A bombing", "IRQ"),
])
def test_country_from_apposition_placement_or_a_known_body(nlp, kb, sentence, phrase, country):
    [a], _ = resolve(nlp, kb, sentence, phrase)
    assert a.country == country
