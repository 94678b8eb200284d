"""Roles and statuses from the parse: passives, coordination, negation, planning, prevention."""

from __future__ import annotations

import datetime as dt


def one(events, etype):
    hits = [e for e in events if e.type == etype]
    assert len(hits) == 1, [(e.type, e.evidence.trigger) for e in events]
    return hits[0]


def texts(actors):
    return [a.text for a in actors]


def test_active_voice_roles(code_text):
    e = one(code_text("Police arrested three protesters in Moscow on Monday."), "COERCE")
    assert e.mode == "arrest" and texts(e.actors) == ["Police"] and texts(e.recipients) == ["three protesters"]
    assert e.actors[0].sector == "COP" and e.recipients[0].sector == "CVL"
    assert e.location.name == "Moscow" and e.location.country == "RUS"
    assert e.date.value == "2020-03-02"


def test_passive_voice_roles(code_text):
    e = one(code_text("Two journalists were detained by Iranian police."), "COERCE")
    assert texts(e.actors) == ["Iranian police"] and e.actors[0].country == "IRN"
    assert texts(e.recipients) == ["Two journalists"] and e.recipients[0].sector == "JRN"


def test_passive_without_agent_keeps_recipient(code_text):
    e = one(code_text("Five activists were arrested in Minsk."), "COERCE")
    assert e.actors == [] and texts(e.recipients) == ["Five activists"]


def test_negation_is_denied(code_text):
    e = one(code_text("Russian troops did not attack the village."), "ASSAULT")
    assert e.status == "denied" and e.actors[0].country == "RUS"


def test_coordinated_subjects_are_all_actors(code_text):
    e = one(code_text("Emmanuel Macron and Angela Merkel met in Paris.", dt.date(2019, 5, 1)), "CONSULT")
    assert [a.name for a in e.actors] == ["Emmanuel Macron", "Angela Merkel"] and e.recipients == []
    assert [a.country for a in e.actors] == ["FRA", "DEU"]


def test_conjoined_verb_inherits_subject(code_text):
    events = code_text("The Iranian president met Vladimir Putin on Tuesday and praised Russia.",
                       dt.date(2019, 12, 30))
    support = one(events, "SUPPORT")
    assert support.actors[0].name == "Hassan Rouhani"
    assert support.recipients[0].country == "RUS"
    assert support.date.value == "2019-12-24"


def test_planned_and_prevented(code_text):
    planned = one(code_text("Rebels plan to attack the capital."), "ASSAULT")
    assert planned.status == "planned" and texts(planned.actors) == ["Rebels"]
    prevented = one(code_text("Police foiled an attack on the embassy."), "ASSAULT")
    assert prevented.status == "prevented" and prevented.actors == []
    assert texts(prevented.recipients) == ["the embassy"]


def test_reported_speech_sets_attribution(code_text):
    e = one(code_text("The ministry said that Turkish jets bombed the bridge."), "ASSAULT")
    assert texts(e.attribution) == ["The ministry"] and e.attribution[0].sector == "GOV"
    assert e.actors[0].country == "TUR" and e.mode == "explosives"


def test_according_to(code_text):
    e = one(code_text("Syrian troops shelled the town, according to the BBC."), "ASSAULT")
    assert [a.name for a in e.attribution] == ["BBC"]


def test_unknown_publication_date_keeps_text(code_text):
    e = one(code_text("The Russian president spoke to Mr Erdogan by telephone on Sunday.", None), "CONSULT")
    assert e.mode == "phone" and e.date.text == "Sunday" and e.date.value is None


def test_no_event_without_participants(code_text):
    assert code_text("The topics discussed were trade and Syria.") == []
