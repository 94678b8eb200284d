"""Language check, engine-level reframing (commitments, refusals, obligations), linking, rules."""

from __future__ import annotations

import datetime as dt

from forewarn.code import is_english, rule_records
from forewarn.config import Settings


def test_is_english():
    assert is_english("Police arrested three protesters in Moscow on Monday after a rally near the station.")
    assert not is_english("Der Bundeskanzler hat am Montag in Berlin mit dem französischen Präsidenten über "
                          "die Lage in der Ukraine gesprochen und eine gemeinsame Erklärung abgegeben.")
    assert not is_english("Президент России Владимир Путин поблагодарил Дональда Трампа за информацию, "
                          "которая помогла предотвратить теракты в Петербурге.")
    assert is_english("Too short")


def types(events):
    return [e.type for e in events]


def test_future_hostile_act_is_a_threat(code_text):
    (e,) = code_text("Palestinian leaders said they would boycott all official contact with the United States.")
    assert e.type == "THREATEN" and e.status == "happened" and e.actors[0].country == "PSE"


def test_offer_of_cooperation_is_agreement(code_text):
    events = code_text("Syria says it is willing to withdraw its troops from Lebanon.")
    assert "AGREE" in types(events)
    agree = [e for e in events if e.type == "AGREE"][0]
    assert agree.actors[0].country == "SYR"  # "it" is the one who says so


def test_refused_cooperation_is_rejection(code_text):
    events = code_text("The U.S. said it would not meet the hostage-takers' demands.")
    assert "REJECT" in types(events)


def test_obligation_in_reported_speech_is_a_request(code_text):
    events = code_text("Russia said on Tuesday that Sudan must return the helicopter.")
    (e,) = [e for e in events if e.type == "REQUEST"]
    assert e.actors[0].country == "RUS" and e.recipients[0].country == "SDN"


def test_cause_names_the_agent(code_text):
    events = code_text("Two persons were killed in police firing in Ahmedabad.")
    assert any(e.type == "ASSAULT" and any(a.sector == "COP" for a in e.actors) for e in events)


def test_country_location_has_coordinates(code_text):
    (e,) = [e for e in code_text("Rebels attacked a convoy in Lebanon.") if e.type == "ASSAULT"]
    assert e.location.country == "LBN" and e.location.lat is not None


def test_untagged_weekday_and_future_tense(code_text):
    (e,) = code_text("The minister will visit Moscow on Monday.", dt.date(2019, 12, 30))
    assert e.date is not None and e.date.value == "2020-01-06"


def test_no_events_no_error(code_text):
    assert code_text("The weather was mild and the shops were busy.") == []


def test_rule_records_name_file_and_line():
    records = rule_records(Settings(), etype="coerce")
    assert records and all(r["type"] == "COERCE" and ":" in r["where"] for r in records)
    assert {"id", "type", "mode", "lemmas", "where"} <= set(records[0])
