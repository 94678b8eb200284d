"""Roles by syntax: which event carries the roles, and the phrase each participant spans.

Each test names the engine rule it guards: a doer noun yields to the verb it is subject of; a
name deep in an act's dependents brings its whole phrase; an abstract noun's "by" phrase names
the participant alone; a bracketed short name stays with its name; a place's description, and
a clause after a preposition, stay out of the phrase.
"""

from forewarn.code.syntax import role_span


def _texts(events, role, etype=None):
    return {a.text for e in events if etype is None or e.type == etype for a in getattr(e, role)}


def _span(nlp, text, head_text):
    doc = nlp(text)
    head = next(t for t in doc if t.text == head_text)
    start, end = role_span(head)
    return doc[start:end].text


def test_a_doer_noun_yields_to_the_verb_it_is_subject_of(code_text):
    events = code_text("A Taliban suicide bomber killed 15 Afghan Army trainees.")
    assert [e.evidence.trigger for e in events if e.type == "ASSAULT"] == ["killed"]
    assert "15 Afghan Army trainees" in _texts(events, "recipients", "ASSAULT")
    assert "A Taliban suicide bomber" in _texts(events, "actors", "ASSAULT")


def test_a_noun_act_that_is_not_a_subject_stays_an_event(code_text):
    events = code_text("Police arrested the suicide bomber in Kabul.")
    assert "arrested" in {e.evidence.trigger for e in events}


def test_the_by_phrase_of_an_abstract_noun_names_the_participant_alone(code_text):
    events = code_text("Ethiopia's government on Saturday rejected accusations by the US that its military is guilty.")
    found = _texts(events, "recipients", "REJECT")
    assert "the US" in found and not any(t.startswith("accusations") for t in found)


def test_a_possessor_keeps_the_whole_phrase(code_text):
    events = code_text("Interior Minister Horst Seehofer on Wednesday defended Germany's decision to take in more refugees.")
    assert "Germany's decision" in _texts(events, "recipients", "SUPPORT")


def test_a_name_found_deep_in_the_act_brings_its_whole_phrase(coder, nlp):
    from forewarn.code.coder import _phrase_head

    doc = nlp("The rebels claimed several attacks in Rwanda's Southern Province.")
    rwanda = next(t for t in doc if t.text == "Rwanda")
    head = _phrase_head(rwanda)
    start, end = role_span(head)
    assert doc[start:end].text == "Rwanda's Southern Province"


def test_a_bracketed_short_name_stays_with_the_name(nlp):
    assert _span(nlp, "The Nigerian Air Force (NAF) bombed the camp.", "Force") == "The Nigerian Air Force (NAF)"
    span = _span(nlp, "Police banned the Students Islamic Movement of India (SIMI) last year.", "Movement")
    assert span == "the Students Islamic Movement of India (SIMI)"


def test_a_place_description_stays_out_of_the_place(nlp):
    assert _span(nlp, "Hezbollah threatened to shell Haifa, Israel's third largest city, on Sunday.", "Haifa") == "Haifa"


def test_a_clause_after_a_preposition_stays_out_of_the_phrase(nlp):
    span = _span(nlp, "Workers protested the president's decision of doubling the minimum wage.", "decision")
    assert span == "the president's decision"


def test_an_unknown_name_is_a_recipient_of_the_embedded_act(code_text):
    events = code_text("The militia threatened to shell Bagram on Sunday.")
    assert "Bagram" in _texts(events, "recipients")


def test_a_quantity_object_is_read_through_its_of_phrase(code_text):
    events = code_text("Venezuela releases dozens of political activists.")
    assert any(e.type == "RETREAT" and e.mode == "release" for e in events)


def test_verbal_defence_and_lawsuits_are_coded(code_text):
    defence = code_text("Biden defended Japan's right to administer the islands.")
    assert any(e.type == "SUPPORT" and "Japan's right" in _texts([e], "recipients") for e in defence)
    suit = code_text("The European Commission has launched legal action against the Polish government.")
    assert any(e.type == "ACCUSE" and "the Polish government" in _texts([e], "recipients") for e in suit)


def test_fighting_a_disease_is_no_assault(code_text):
    events = code_text("Germany announced new funding to fight the Ebola epidemic in West Africa.")
    assert not any(e.type == "ASSAULT" for e in events)


def test_troops_sent_are_not_whom_they_are_sent_to(code_text):
    events = code_text("The US military sent 200 troops in Syria to serve as a peacekeeping force.")
    found = _texts(events, "recipients", "MOBILIZE")
    assert "200 troops" not in found and "Syria" in found
