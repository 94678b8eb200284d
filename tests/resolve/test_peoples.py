"""Peoples that live mainly in one country are of that country (data/actors_world.toml [peoples]);
armed groups, missions and regional bodies; hyphenated sector nouns (resolve/kb.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from forewarn.resolve import ArticleActors


@pytest.mark.parametrize("people, iso", [("Alawites", "SYR"), ("Alevi", "TUR"), ("Montagnard", "VNM"),
                                         ("Banyamulenge", "COD"), ("Mapuche", "CHL"), ("Gagauz", "MDA"),
                                         ("Crimean Tatars", "UKR"), ("Masalit", "SDN")])
def test_people_names_its_country(kb, people, iso):
    assert kb.country_of(people) == iso


def test_groups_spread_over_several_countries_are_left_out(kb):
    for people in ("Kurds", "Tamils", "Pashtuns", "Baluch", "Inuit"):
        assert kb.country_of(people) is None, people


def test_people_modifier_places_an_actor(nlp, kb):
    doc = nlp("Mapuche activists blocked a highway.")
    head = next(t for t in doc if t.text == "activists")
    [res] = ArticleActors(kb, dt.date(2000, 1, 1)).resolve(head)
    assert res.actor.country == "CHL"


def test_hyphenated_sector_noun_matches_its_parsed_words(nlp, kb):
    doc = nlp("The hostage-takers freed two nurses.")
    head = next(t for t in doc if t.lower_ == "takers")
    [res] = ArticleActors(kb, dt.date(2000, 1, 1)).resolve(head)
    assert res.actor.sector == kb.sectors["hostage-taker"] == kb.sectors["hostage taker"]


@pytest.mark.parametrize("name, iso, sector", [("JEM", "SDN", "REB"), ("the Islamic Courts", "SOM", "REB"),
                                               ("SADC", "IGO", "IGO"), ("UNMIK", "IGO", "GOV"),
                                               ("Patriotic Union of Kurdistan", "IRQ", "PTY"),
                                               ("Pakistani Taliban", "PAK", "REB"), ("Shabaab", "SOM", "REB")])
def test_armed_groups_and_regional_bodies(kb, name, iso, sector):
    entry = kb.lookup(name)
    assert entry is not None and (entry.country, entry.sector) == (iso, sector)
