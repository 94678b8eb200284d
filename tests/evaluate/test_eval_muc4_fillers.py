"""Which of forewarn's events the MUC-4 scorer takes for incidents, and which participants fill a slot."""

from __future__ import annotations

from forewarn.evaluate import muc4
from forewarn.models import Actor, Event, Evidence

PEOPLE = frozenset({"SOLDIER", "CIVILIAN", "GUERRILLA", "REBEL", "POLICE"})


def event(trigger, actors, recipients, status="happened", etype="ASSAULT"):
    ev = Evidence(trigger, 0, len(trigger), trigger, 0, len(trigger))
    return Event(type=etype, mode=None, quad="MATERIAL_CONFLICT", status=status,
                 actors=[Actor(*a) if isinstance(a, tuple) else Actor(a) for a in actors],
                 recipients=[Actor(*r) if isinstance(r, tuple) else Actor(r) for r in recipients],
                 evidence=ev, article_id="x")


def test_planned_attack_counts_denied_does_not():
    planned = muc4.fillers([event("bomb", ["the Red Hand Brigade"], ["the power plant"], status="planned")], PEOPLE)
    denied = muc4.fillers([event("bomb", ["the Red Hand Brigade"], ["the power plant"], status="denied")], PEOPLE)
    assert planned["target"] == [["the power plant"]] and denied == {"perpetrator": [], "target": []}


def test_combat_between_armed_forces_is_no_incident():
    found = muc4.fillers([event("attacked", [("the troops", None, None, "MIL")],
                                [("a guerrilla column", None, None, "REB")])], PEOPLE)
    assert found == {"perpetrator": [], "target": []}
    found = muc4.fillers([event("attacked", ["the rebels"], ["enemy positions", "a bus depot"])], PEOPLE)
    assert found["target"] == [["a bus depot"]] and found["perpetrator"] == [["the rebels"]]


def test_a_thing_is_no_perpetrator():
    found = muc4.fillers([event("destroyed", ["the impact of two shells"], ["the bridge"]),
                          event("wounded", ["two hired assassins"], ["the bridge"]),
                          event("burned", ["the ZRVP"], ["the bridge"])], PEOPLE)
    assert found["perpetrator"] == [["two hired assassins"], ["the ZRVP"]]


def test_counted_people_are_a_description_not_a_target():
    found = muc4.fillers([event("killed", ["gunmen"], ["thousands of civilians", "the town hall"])], PEOPLE)
    assert found["target"] == [["the town hall"]]


def test_a_part_stands_for_the_whole_target():
    found = muc4.fillers([event("bombed", ["gunmen"], ["the door of the trade ministry", "windows"])], PEOPLE)
    assert found["target"] == [["the trade ministry"]]


def test_listed_targets_fill_one_slot_each():
    found = muc4.fillers([event("burned", ["the rebels"],
                                ["three vehicles -- an ambulance, a fuel truck and a station wagon"])], PEOPLE)
    assert [f[0] for f in found["target"]] == ["three vehicles", "an ambulance", "a fuel truck", "a station wagon"]
    # a number's thousands comma and a phrase saying where are no list
    found = muc4.fillers([event("bombed", ["the rebels"], ["the union headquarters, located in the centre"])], PEOPLE)
    assert [f[0] for f in found["target"]] == ["the union headquarters"]
    assert muc4._members("1,200 houses") == ["1,200 houses"]


def test_streets_are_locations_and_notes_are_dropped():
    found = muc4.fillers([event("attacked", ["the rebels (words indistinct)"], ["a street in the capital"])], PEOPLE)
    assert found["target"] == [] and found["perpetrator"] == [["the rebels"]]


def test_one_participant_named_twice_is_one_filler():
    found = muc4.fillers([event("killed", ["gunmen"], ["governor Antonio Roldan Betancur"]),
                          event("shot", ["gunmen"], ["Antonio Roldan"])], PEOPLE)
    assert len(found["target"]) == 1
    # people of an organisation are not the organisation
    found = muc4.fillers([event("bombed", ["members of the Red Hand Brigade"], ["the bank"]),
                          event("bombed", ["the Red Hand Brigade"], ["the bank"])], PEOPLE)
    assert len(found["perpetrator"]) >= 2


def test_accused_party_is_a_perpetrator_only_in_a_report_of_an_incident():
    accuse = event("accused", ["the minister"], ["the Red Hand Brigade"], etype="ACCUSE")
    accuse.mode = "allege"
    assert muc4.fillers([accuse], PEOPLE)["perpetrator"] == []
    found = muc4.fillers([event("bombed", [], ["the bank"]), accuse], PEOPLE)
    assert found["perpetrator"] == [["the Red Hand Brigade"]]


def test_release_in_a_report_of_a_kidnapping_names_doer_and_hostage():
    release = event("released", ["the Red Hand Brigade"], ["engineer Paul Smith"], etype="RETREAT")
    release.mode = "release"
    assert muc4.fillers([release], PEOPLE) == {"perpetrator": [], "target": []}
    found = muc4.fillers([event("kidnapped", [], ["engineer Paul Smith"]), release], PEOPLE)
    assert found["perpetrator"] == [["the Red Hand Brigade"]] and len(found["target"]) == 1


def test_the_force_of_a_blast_is_no_perpetrator():
    found = muc4.fillers([event("destroyed", ["the force of the explosion"], ["the shop"])],
                         PEOPLE | {"FORCE"})
    assert found["perpetrator"] == []


def test_a_shop_is_no_person_and_a_named_member_keeps_its_name():
    found = muc4.fillers([event("bombed", ["gunmen"], ["the soda shop"])], PEOPLE | {"SHO"})
    assert found["target"] == [["the soda shop"]]
    general = ("General Gustavo Alvarez, former commander of the army", "Gustavo Alvarez", None, "MIL")
    found = muc4.fillers([event("killed", ["gunmen"], [general])], PEOPLE | {"COMMANDER"})
    assert [f[0] for f in found["target"]] == ["General Gustavo Alvarez"]


def test_counts_and_devices_are_no_targets():
    targets = ["two of which", "another", "a dynamite charge", "the power plant"]
    found = muc4.fillers([event("bombed", ["gunmen"], targets)], PEOPLE)
    assert found["target"] == [["the power plant"]]


def test_a_common_noun_is_no_place_however_many_towns_bear_it():
    assert not muc4._place("the bank")
    assert muc4._place("the outskirts of the capital")


def test_a_phrase_run_over_its_event_is_cut_at_the_trigger():
    found = muc4.fillers([event("machinegunned", ["the Red Hand Brigade machinegunned General Gustavo Alvarez"],
                                ["the Red Hand Brigade machinegunned General Gustavo Alvarez"])], PEOPLE)
    assert found["perpetrator"] == [["the Red Hand Brigade"]]
    assert found["target"] == [["General Gustavo Alvarez"]]
    # a relative clause belongs to its head, and "no one" is nobody
    found = muc4.fillers([event("shot", ["no one"], ["the nun Mary Mackey, who was shot in the capital"])], PEOPLE)
    assert found["perpetrator"] == [] and found["target"][0][0].startswith("the nun")
