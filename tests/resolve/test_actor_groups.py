"""Peoples, groups, organisations named as modifiers, former office holders and relations."""

from __future__ import annotations

import datetime as dt

import pytest

from forewarn.errors import RulesError
from forewarn.resolve import ArticleActors, load_actor_kb

DAY = dt.date(2001, 6, 1)


def head_of(doc, text):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), alignment_mode="expand").root


def actor(nlp, kb, sentence, phrase):
    doc = nlp(sentence)
    [res] = ArticleActors(kb, DAY).resolve(head_of(doc, phrase))
    return res.actor


@pytest.mark.parametrize("sentence, phrase, country, sector", [
    # a people living mainly in one country is of that country
    ("Yoruba leaders met in Ibadan.", "Yoruba leaders", "NGA", "GOV"),
    ("Karen guerrillas attacked a post.", "Karen guerrillas", "MMR", "REB"),
    # a noun that counts or gathers actors: the actors of its "of" phrase
    ("A group of Moroccan diplomats arrived.", "A group of Moroccan diplomats", "MAR", "GOV"),
    # a people named in the plural is its civilians
    ("Palestinians marched on Friday.", "Palestinians", "PSE", "CVL"),
    # a known organisation named before a noun that names no actor
    ("The UNITA militarist wing attacked the town.", "The UNITA militarist wing", "AGO", "REB"),
    ("The pro-Iranian Hizbollah group claimed it.", "The pro-Iranian Hizbollah group", "LBN", "REB"),
    # a name with its bracketed acronym
    ("He met the Islamic Salvation Front (FIS) today.", "the Islamic Salvation Front (FIS)", "DZA", "REB"),
    # a sector from a noun modifier when the head names none
    ("Vice-President Moody Awori resigned.", "Vice-President Moody Awori", None, "GOV"),
    ("Russian aircraft bombed the village.", "Russian aircraft", "RUS", "MIL"),
])
def test_country_and_sector(nlp, kb, sentence, phrase, country, sector):
    a = actor(nlp, kb, sentence, phrase)
    assert (a.country, a.sector) == (country, sector)


def test_former_office_holders_are_elites(nlp, kb):
    a = actor(nlp, kb, "Former prime minister Andreas Papandreou spoke.", "Andreas Papandreou")
    assert a.sector == "ELI"
    b = actor(nlp, kb, "Prime minister Andreas Papandreou spoke.", "Andreas Papandreou")
    assert b.sector == "GOV"


def test_a_country_a_relation_is_to_is_not_its_own(nlp, kb):
    a = actor(nlp, kb, "Guerrillas killed a commander of Israel's militia ally in southern Lebanon.",
              "a commander")
    assert a.country == "LBN"


def test_a_first_name_is_no_people(nlp, kb):
    a = actor(nlp, kb, "Prime Minister Karen Wollstand resigned.", "Karen Wollstand")
    assert a.country != "MMR"


def test_misspelt_country_as_subject(nlp, kb):
    a = actor(nlp, kb, "Afganistan has agreed to re-open its borders.", "Afganistan")
    assert a.country == "AFG"


def test_unplaced_actor_defaults_to_a_country_named_anywhere(nlp, kb):
    doc = nlp("Vice-President Moody Awori has declined to resign despite pressure by the Kenya "
              "Anti-Corruption Commission.")
    ctx = ArticleActors(kb, DAY)  # the coder found no focus country: none is passed in
    head = head_of(doc, "Moody Awori")
    [res] = ctx.resolve(head)
    assert ctx.local_default(res, head).actor.country == "KEN"


def test_user_file_adds_peoples_and_collectives(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[peoples]\nXKX = ["Zorblaxian"]\n\n[collectives]\nnouns = ["flotilla"]\n', "utf-8")
    kb = load_actor_kb([extra])
    assert kb.country_of("Zorblaxians") == "XKX" and "flotilla" in kb.collectives


def test_bad_peoples_table_is_a_rules_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[peoples]\nXKX = 3\n', "utf-8")
    with pytest.raises(RulesError):
        load_actor_kb([bad])


def test_a_relation_word_hides_only_the_other_party(nlp, kb):
    assert actor(nlp, kb, "A key US ally protested.", "A key US ally").country != "USA"
    assert actor(nlp, kb, "Rebels hit American targets.", "American targets").country == "USA"
