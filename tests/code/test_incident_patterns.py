"""Attacks told through their device or their damage (``data/patterns/incidents.toml``): sentences
written for these tests."""

from __future__ import annotations


def assaults(events):
    return [e for e in events if e.type == "ASSAULT"]


def test_device_exploding_near_a_building_is_an_attack_on_it(code_text):
    found = assaults(code_text("A powerful bomb exploded near the Supreme Court building on Monday."))
    assert found and any("Supreme Court" in r.text for e in found for r in e.recipients)


def test_what_a_blast_damaged_is_the_target(code_text):
    found = assaults(code_text("The explosion damaged a bank and two shops."))
    assert found and any("bank" in r.text for e in found for r in e.recipients)


def test_a_storm_damaging_houses_is_no_attack(code_text):
    assert not assaults(code_text("The storm damaged dozens of houses."))


def test_sabotage_and_hostage_taking(code_text):
    assert assaults(code_text("Rebels sabotaged two power pylons near the dam."))
    taken = assaults(code_text("Two engineers were taken hostage at the construction site."))
    assert taken and taken[0].mode == "abduct"


def test_who_planted_the_device_is_the_doer(code_text):
    found = assaults(code_text("A bomb planted by the rebels exploded near the embassy."))
    assert found and any(a.text == "the rebels" for e in found for a in e.actors)
    assert all("bomb" not in a.text for e in found for a in e.actors)
