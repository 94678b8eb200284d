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
