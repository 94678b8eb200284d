"""Who did it and to whom: the phrase each participant spans, instruments and acts that are no
doers, and the role scorers' conversions (ConfliBERT spans, MUC-4 fillers)."""

from types import SimpleNamespace

from forewarn.evaluate.conflibert_roles import predicted_roles, rebuild
from forewarn.evaluate.muc4 import fillers, matches


def _texts(events, role):
    return {a.text for e in events for a in getattr(e, role)}


def test_target_span_keeps_which_one_but_not_the_relative_clause(code_text):
    events = code_text("Guerrillas bombed the headquarters of the national police in San Miguel, "
                       "which had been reinforced last week.")
    assert "the headquarters of the national police in San Miguel" in _texts(events, "recipients")


def test_each_conjunct_is_a_participant(code_text):
    events = code_text("Soldiers arrested Carlos Mendez and Rosa Quintero in the capital.")
    found = _texts(events, "recipients")
    assert {"Carlos Mendez", "Rosa Quintero"} <= found


def test_dative_recipient_is_the_object_of_to(code_text):
    events = code_text("Ecuador granted asylum to the opposition leader last year.")
    found = _texts(events, "recipients")
    assert "the opposition leader" in found and not any(t.startswith("to ") for t in found)


def test_a_weapon_is_no_actor(code_text):
    events = code_text("A car bomb destroyed a bank in the capital.")
    assert not any("bomb" in t for t in _texts(events, "actors"))
    assert any("bank" in t for t in _texts(events, "recipients"))


def test_a_weapons_user_named_inside_it_is_the_actor(code_text):
    events = code_text("A bomb planted by the rebels destroyed the bridge.")
    actors = [a for e in events if e.type == "ASSAULT" for a in e.actors]
    assert actors and all("bomb" not in a.text for a in actors)
    assert any(a.text == "the rebels" for a in actors)


def test_statement_calling_on_is_a_request_by_its_issuer(code_text):
    events = code_text("Amnesty International issued a statement calling on the government to free the prisoners.")
    requests = [e for e in events if e.type == "REQUEST"]
    assert requests and any(a.text == "Amnesty International" for e in requests for a in e.actors)


def test_agent_noun_actor_spans_the_whole_phrase(code_text):
    events = code_text("A Taliban suicide bomber killed 15 soldiers near the base.")
    assert any(t.endswith("Taliban suicide bomber") for t in _texts(events, "actors"))


def test_conll_rebuild_joins_a_split_possessive():
    text, offsets = rebuild(["The", "EU", "’", "s", "envoy", "left", "."])
    assert text == "The EU’s envoy left."
    assert [text[s:e] for s, e in offsets] == ["The", "EU", "’", "s", "envoy", "left", "."]


def test_meeting_participants_are_both_source_and_target():
    text = "Lavrov met Safadi."
    actor = SimpleNamespace(start=0, end=6)
    recipient = SimpleNamespace(start=11, end=17)
    event = SimpleNamespace(rule="consult-meet", actors=[actor], recipients=[recipient])
    roles = predicted_roles([event], text, frozenset({"consult-meet"}))
    assert sorted(roles) == [(0, 6, "source"), (0, 6, "target"), (11, 17, "source"), (11, 17, "target")]
    assert sorted(predicted_roles([event], text)) == [(0, 6, "source"), (11, 17, "target")]


def _actor(text, name=None, sector=None):
    return SimpleNamespace(text=text, name=name, sector=sector, country=None, start=0, end=len(text))


def _assault(actors, recipients, trigger="attacked", status="happened"):
    return SimpleNamespace(type="ASSAULT", status=status, actors=actors, recipients=recipients,
                           evidence=SimpleNamespace(trigger=trigger))


def test_muc_fillers_skip_pronouns_places_combat_and_unnamed_people():
    people = frozenset({"SOLDIER", "PEASANT"})
    events = [_assault([_actor("they"), _actor("the urban guerrillas")],
                       [_actor("him"), _actor("a soldier", sector="MIL"), _actor("the power station"),
                        _actor("the town of Ocotal"), _actor("Hector Ruiz", name="Hector Ruiz")]),
              _assault([_actor("the army")], [_actor("the rebels")], trigger="clashed")]
    out = fillers(events, people)
    assert out["perpetrator"] == [["the urban guerrillas"]]
    assert [f[0] for f in out["target"]] == ["the power station", "Hector Ruiz"]


def test_muc_filler_with_apposition_matches_the_name():
    assert matches(["Maria Ruiz, a judge of the court"], ["MARIA RUIZ"])
