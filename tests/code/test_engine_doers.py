"""Doers the engine finds a step away from the trigger: the subject of a verb of going or
gathering for an event noun after "for", and a nationality two modifiers deep in an act noun."""


def _events(events, etype):
    return [e for e in events if e.type == etype]


def test_travellers_for_talks_are_the_talks_actors(code_text):
    events = _events(code_text("Iranian diplomats travelled to Vienna for negotiations with the European Union."),
                     "CONSULT")
    assert events and events[0].actors and events[0].actors[0].country == "IRN"


def test_a_crowd_gathering_for_a_rally_holds_it(code_text):
    events = _events(code_text("Thousands of Nigerians were converging on Thursday for a rally in Lagos."), "PROTEST")
    assert events and any(a.country == "NGA" for a in events[0].actors)


def test_for_after_other_verbs_passes_no_subject(code_text):
    # the police did not hold the rally: "arrested" is no verb of going or gathering
    events = _events(code_text("Police arrested six students for a rally in Lagos."), "PROTEST")
    assert all(not any("Police" in a.text for a in e.actors) for e in events)


def test_nationality_two_modifiers_deep_names_the_doer(code_text):
    events = _events(code_text("Recent US drone attacks killed eight militant leaders."), "ASSAULT")
    assert events and any(a.country == "USA" for e in events for a in e.actors)
