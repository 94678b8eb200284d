"""Claims and attributions of responsibility (``forewarn.code.claims``): sentences written for these tests."""

from __future__ import annotations

import pytest

from forewarn.code.claims import find_claims


def claims(nlp, text):
    return [([t.text for t in c.doers], c.act.text if c.act is not None else None) for c in find_claims(nlp(text))]


@pytest.mark.parametrize(("text", "doer", "act"), [
    ("The Red Hand Brigade claimed responsibility for the bombing of the bridge.", "Brigade", "bombing"),
    ("Police blamed the ambush on a smuggling ring.", "ring", "ambush"),
    ("The arson was attributed to the Green Dawn Movement.", "Movement", "arson"),
    ("The mayor held the Green Dawn Movement responsible for the explosion.", "Movement", "explosion"),
    ("The minister said the Green Dawn Movement was responsible for the raid.", "Movement", "raid"),
])
def test_claims_name_doer_and_act(nlp, text, doer, act):
    assert (doer, act) in [(d[0], a) for d, a in claims(nlp, text) if d]


@pytest.mark.parametrize("text", [
    "The Green Dawn Movement denied responsibility for the fire.",
    "The Green Dawn Movement neither claimed nor denied responsibility for the fire.",
    "Those responsible will be found and punished, the minister said.",
])
def test_no_claim(nlp, text):
    assert claims(nlp, text) == []


def test_claiming_something_else_gives_nothing(code_text):
    events = code_text("Gunmen shot dead a judge in the capital on Friday. "
                       "The Green Dawn Movement claimed victory in the local elections.")
    assert not any("Movement" in a.text for e in events if e.type == "ASSAULT" for a in e.actors)


def test_blame_gives_doer_to_the_attack(code_text):
    events = code_text("Gunmen shot dead a judge in the capital on Friday. "
                       "The government blamed the killing on the Red Hand Brigade.")
    assert any("Red Hand Brigade" in a.text for e in events if e.type == "ASSAULT" for a in e.actors)


def test_claim_gives_doer_to_the_attack(code_text):
    events = code_text("A bomb exploded outside the town hall on Tuesday, wounding two guards. "
                       "The Red Hand Brigade later claimed responsibility for the attack.")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks and any("Red Hand Brigade" in a.text for e in attacks for a in e.actors)


def test_denied_claim_gives_nothing(code_text):
    events = code_text("Gunmen shot dead a judge in the capital on Friday. "
                       "The Red Hand Brigade denied responsibility for the attack.")
    assert not any("Brigade" in a.text for e in events for a in e.actors)


def test_blamed_doer_is_no_target_and_the_act_keeps_its_victim(code_text):
    events = code_text("The police blamed the FMLN for the murder of judge Carlos Perez.")
    murder = [e for e in events if e.type == "ASSAULT"]
    assert murder
    assert any("FMLN" in a.text for a in murder[0].actors)
    assert not any("FMLN" in r.text for r in murder[0].recipients)
    assert any("Perez" in r.text for r in murder[0].recipients)


def test_a_claimant_the_knowledge_base_does_not_know_is_still_the_doer(code_text):
    events = code_text("A bomb exploded outside the town hall. "
                       "The so-called Extraditables later claimed responsibility for the attack.")
    assert any("Extraditables" in a.text for e in events if e.type == "ASSAULT" for a in e.actors)
