"""Misspelt country names, demonyms and known persons: one edit from exactly one known name."""

from __future__ import annotations

import pytest

from forewarn.resolve.actor_fuzzy import FuzzyIndex, one_edit


@pytest.mark.parametrize("a, b, near", [
    ("ethopia", "ethiopia", True),      # a letter dropped
    ("afganistan", "afghanistan", True),
    ("quatar", "qatar", True),          # a letter added
    ("isreal", "israel", True),         # neighbours swapped
    ("austrain", "austria", False),     # two edits
    ("columbia", "colombia", True),     # a letter changed
    ("libya", "libya", False),          # the same name is no slip
    ("nigeria", "niger", False),
])
def test_one_edit(a, b, near):
    assert one_edit(a, b) is near and one_edit(b, a) is near


def test_index_wants_one_close_name_long_enough():
    index = FuzzyIndex([("gambia", "GMB"), ("zambia", "ZMB"), ("iraq", "IRQ"), ("iran", "IRN")])
    assert index.find("Gambiaa") == "GMB"
    assert index.find("Irak") is None            # too short to be safe
    assert index.find("Xambia") is None          # the first letter must agree
    two = FuzzyIndex([("slovakia", "SVK"), ("slovakian", "SVK"), ("slovakib", "XXX")])
    assert two.find("slovakie") is None          # two names as close: unsure


def test_kb_corrects_misspelt_countries_and_demonyms(kb):
    assert kb.near_country("Ethopia") == "ETH"
    assert kb.near_country("Afganistan") == "AFG"
    assert kb.near_country("Ghanians") == "GHA"
    assert kb.near_country("Ethiopia") is None   # a known name is not corrected
    assert kb.near_country("Nigerien") is None   # a demonym of its own (Niger), not "Nigerian"


def test_kb_corrects_misspelt_known_persons(kb):
    entry = kb.near_person("Abdelaziz Bouteflicka")
    assert entry is not None and entry.name == "Abdelaziz Bouteflika" and entry.country == "DZA"
    assert kb.near_person("Bouteflicka") is None  # a surname alone is too little
    assert kb.near_person("Zorblax Quintor") is None
