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


# ---- recipients found deeper under the trigger (code/reach.py) --------------------------------
def _countries(actors):
    return [a.country for a in actors if a.country]


def test_recipient_of_the_embedded_act(code_text):
    e = one(code_text("Iran threatened to halt gas exports to Armenia."), "THREATEN")
    assert _countries(e.actors) == ["IRN"] and "ARM" in _countries(e.recipients)


def test_recipient_in_a_condition(code_text):
    e = one(code_text("Azerbaijan threatened to close the pipeline unless Georgia paid its debts."), "THREATEN")
    assert "GEO" in _countries(e.recipients)


def test_recipient_in_the_purpose_of_a_protest(code_text):
    events = code_text("Students began a hunger strike to protest the Kenyan government's decision.")
    e = next(e for e in events if e.type == "PROTEST" and e.evidence.trigger == "strike")
    assert _countries(e.recipients)[:1] == ["KEN"]


def test_place_is_the_target_when_nobody_else_is(code_text):
    e = one(code_text("Opposition supporters demonstrated in Bolivia on Monday."), "PROTEST")
    assert _countries(e.recipients) == ["BOL"]
    assert e.recipients[0].name is None  # a weak stand-in, not a named participant


def test_place_gives_its_country_to_a_placeless_recipient(code_text):
    e = one(code_text("Police arrested three protesters in Moscow on Monday."), "COERCE")
    assert texts(e.recipients) == ["three protesters"] and e.recipients[0].country == "RUS"


def test_meetings_take_no_place_as_recipient(code_text):
    e = one(code_text("The two delegations held talks in Geneva."), "CONSULT")
    assert not _countries(e.recipients)


# ---- statements of intent and permissions (code/reframe.py, patterns) ------------------------
def test_committed_contribution_is_an_agreement(code_text):
    events = code_text("Norway is ready to contribute 200 troops to the peacekeeping force.")
    assert [e.type for e in events] == ["AGREE"] and _countries(events[0].actors) == ["NOR"]


def test_offered_troops_is_an_agreement(code_text):
    events = code_text("Ghana has offered troops to Liberia.")
    assert "AGREE" in [e.type for e in events] and "AID" not in [e.type for e in events]


def test_would_allow_the_return_is_an_agreement(code_text):
    e = one(code_text("Kenya said it would allow the return of aid workers."), "AGREE")
    assert _countries(e.actors) == ["KEN"]


def test_decided_to_allow_is_the_concession_itself(code_text):
    e = one(code_text("The court decided to allow the opposition leader to stand in the election."), "CONCEDE")
    assert texts(e.recipients) == ["the opposition leader"]


def test_prepared_as_a_verb_is_not_a_commitment(code_text):
    events = code_text("The army prepared to resume shelling the town.")
    assert "THREATEN" not in [e.type for e in events]


def test_undertaking_a_mission_is_not_a_promise(code_text):
    events = code_text("The envoy undertook a mediation mission between Sudan and Chad.")
    assert [e.type for e in events] == ["CONSULT"]


# ---- new trigger patterns ----------------------------------------------------------------------
def test_suspension_noun_is_a_sanction(code_text):
    e = one(code_text("Spain announced a suspension of flights to Morocco."), "SANCTION")
    assert _countries(e.actors) == ["ESP"]


def test_ultimatum_is_a_threat(code_text):
    events = code_text("Chile issued an ultimatum to Bolivia.")
    assert [e.type for e in events] == ["THREATEN"] and _countries(events[0].recipients) == ["BOL"]


def test_forced_out_of_the_country_is_an_expulsion(code_text):
    e = one(code_text("The government forced the aid agency out of the country."), "SANCTION")
    assert e.mode == "expel"


def test_being_opposed_to_is_a_rejection_by_the_subject(code_text):
    e = one(code_text("Turkey is opposed to the Greek plan."), "REJECT")
    assert _countries(e.actors) == ["TUR"]


def test_remaining_on_alert_names_who(code_text):
    e = one(code_text("Nigerian troops remained on alert in Lagos."), "MOBILIZE")
    assert _countries(e.actors) == ["NGA"] and _countries(e.recipients) == ["NGA"]


def test_fire_launched_against_a_target_is_an_attack(code_text):
    events = code_text("Ethiopian forces launched rocket fire against rebel camps.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_launching_on_a_day_is_not_firing(code_text):
    events = code_text("The envoy launched a peace initiative on Saturday.")
    assert "ASSAULT" not in [e.type for e in events]


def test_handing_over_a_letter_is_not_an_extradition(code_text):
    events = code_text("The ambassador handed over a letter to the United Nations.")
    assert "COOPERATE" not in [e.type for e in events]


def test_the_host_is_the_source_of_a_hosted_visit(code_text):
    e = one(code_text("French President Jacques Chirac hosted Chancellor Angela Merkel in Paris."), "CONSULT")
    assert _countries(e.actors) == ["FRA"] and _countries(e.recipients) == ["DEU"]


def test_complaint_targets_what_it_is_about(code_text):
    e = one(code_text("Greece complained to the United Nations over Turkish air raids."), "ACCUSE")
    assert _countries(e.recipients)[:1] == ["TUR"]


def test_an_alleged_modifier_does_not_replace_the_investigation(code_text):
    events = code_text("Serbia is investigating alleged abuses by its police.")
    assert any(e.type == "ACCUSE" and e.evidence.trigger == "investigating" and _countries(e.actors) == ["SRB"]
               for e in events)


def test_light_verb_passes_its_subject_to_the_withdrawal(code_text):
    events = code_text("Britain speeded up the withdrawal of its troops from Basra.")
    e = next(e for e in events if e.type == "RETREAT")
    assert _countries(e.actors) == ["GBR"]


def test_a_country_the_text_is_against_is_not_the_focus(code_text):
    events = code_text("A prominent anti-Syria journalist was killed in a car bomb in Beirut.")
    e = next(e for e in events if e.type == "ASSAULT")
    assert "SYR" not in _countries(e.recipients)


def test_an_ethnic_group_is_of_the_country_it_lives_in(code_text):
    e = one(code_text("Hundreds of ethnic Hungarians demonstrated in Romania on Sunday."), "PROTEST")
    assert _countries(e.actors) == ["ROU"]
