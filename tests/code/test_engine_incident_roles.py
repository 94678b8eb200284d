"""Incident reports the engine used to miss: an act named by a noun with its victim after "of",
a participle's "by" phrase, coordinated passives sharing their patients, and a target named
across a copula ("X was the target of the attack")."""


def _assaults(events, trigger=None):
    return [e for e in events if e.type == "ASSAULT" and (trigger is None or e.evidence.trigger == trigger)]


def _texts(events, role):
    return {a.text for e in events for a in getattr(e, role)}


# ---- 1. an act named by a noun, its victim after "of" -------------------------------------------
def test_noun_subject_of_a_clause_is_an_event_with_its_victim(code_text):
    events = _assaults(code_text("The murder of judge Ramon Villalta shocked the whole country."), "murder")
    assert events and any("Villalta" in t for t in _texts(events, "recipients"))


def test_noun_kidnapping_names_its_hostages(code_text):
    events = _assaults(code_text("Police reported the kidnapping of two engineers on Tuesday."), "kidnapping")
    assert events and any("engineers" in t for t in _texts(events, "recipients"))


def test_act_inside_an_attribution_of_responsibility_is_coded(code_text):
    events = code_text("The army held the rebels responsible for the assassination of Ramon Villalta.")
    found = _assaults(events, "assassination")
    assert found and any("Villalta" in t for t in _texts(found, "recipients"))
    assert any("rebels" in t for t in _texts(found, "actors"))


# ---- 2. a participle's "by" phrase -------------------------------------------------------------
def test_reduced_relative_keeps_its_agent(code_text):
    events = _assaults(code_text("Peasants killed by soldiers were buried on Sunday."), "killed")
    assert events and any("soldiers" in t for t in _texts(events, "actors"))


def test_participle_with_its_own_agent_is_an_act_of_its_own(code_text):
    events = code_text("The house of the mayor, attacked by urban commandos, was destroyed.")
    attacked = _assaults(events, "attacked")
    assert attacked and any("commandos" in t for t in _texts(attacked, "actors"))


# ---- 3. coordinated passives -------------------------------------------------------------------
def test_coordinated_passives_share_their_patients(code_text):
    events = code_text("Ramon Villalta and Jose Marin were abducted and killed.")
    for trigger in ("abducted", "killed"):
        found = _assaults(events, trigger)
        assert found, trigger
        assert {"Ramon Villalta", "Jose Marin"} <= _texts(found, "recipients"), trigger


def test_coordinated_passives_share_their_agent(code_text):
    events = code_text("Two peasants were kidnapped and later murdered by the guerrillas.")
    for trigger in ("kidnapped", "murdered"):
        found = _assaults(events, trigger)
        assert found and any("guerrillas" in t for t in _texts(found, "actors")), trigger
        assert any("peasants" in t for t in _texts(found, "recipients")), trigger


# ---- 4. a target named across a copula ---------------------------------------------------------
def test_subject_of_be_the_target_of_the_attack(code_text):
    found = _assaults(code_text("Ramon Villalta was the target of the attack."), "attack")
    assert found and any("Villalta" in t for t in _texts(found, "recipients"))


def test_the_objective_of_the_attack_was(code_text):
    found = _assaults(code_text("The objective of the attack was the Defense Ministry."), "attack")
    assert found and any("Defense Ministry" in t for t in _texts(found, "recipients"))


def test_target_of_an_attack_named_by_its_weapon(code_text):
    events = _assaults(code_text("The cultural institutes were the target of bomb attacks."))
    assert events and any("institutes" in t for t in _texts(events, "recipients"))


# ---- the act a statement or an order is about -----------------------------------------------
def test_act_named_deeper_than_an_orders_content_happened(code_text):
    events = code_text("The court ordered a special judge to investigate the murder of Ramon Villalta.")
    found = _assaults(events, "murder")
    assert found and found[0].status == "happened"
    assert any("Villalta" in t for t in _texts(found, "recipients"))


def test_act_asked_for_is_still_the_content_of_the_request(code_text):
    events = code_text("The rebels demanded the release of the prisoners.")
    assert not [e for e in events if e.evidence.trigger == "release"]


def test_killing_of_is_an_event_and_nested_of_only_says_which(code_text):
    found = _assaults(code_text("They mourned the killing of six of their members."), "killing")
    assert found and _texts(found, "recipients") == {"six of their members"}


def test_event_noun_carried_out_by_names_its_doer(code_text):
    found = _assaults(code_text("Police reported an attack carried out by urban commandos against the office."),
                      "attack")
    assert found and any("commandos" in t for t in _texts(found, "actors"))
    assert not any("commandos" in t for t in _texts(found, "recipients"))


def test_of_deeper_down_names_no_victim(code_text):
    found = _assaults(code_text("There were reports of shooting among gangs of looters."), "shooting")
    assert not any("looters" in t for t in _texts(found, "recipients"))


def test_machinegunned_in_a_relative_clause_keeps_its_agent(code_text):
    found = _assaults(code_text("The priests, who were machinegunned by men in uniform, were buried today."),
                      "machinegunned")
    assert found and any(t.startswith("men") for t in _texts(found, "actors"))


def test_conjoined_objects_of_one_preposition_are_all_participants(code_text):
    events = code_text("China imposed sanctions on Mike Pompeo, Alex Azar and Steve Bannon.")
    found = _texts([e for e in events if e.type == "SANCTION"], "recipients")
    assert {"Alex Azar", "Steve Bannon"} <= found
