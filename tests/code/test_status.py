"""Status of an act from the words that govern it: asked for, planned, refused, negated, done."""

import pytest


def _arrests(events):
    return [e for e in events if e.type == "COERCE" and e.mode == "arrest"]


def _status_of_arrest(code_text, text):
    found = _arrests(code_text(text))
    return {e.status for e in found}


@pytest.mark.parametrize("text", [
    "The police managed to arrest three smugglers near the port on Monday.",
    "Officers were able to arrest the gang leader after a chase.",
    "The police went on to arrest six more people on Friday.",
    "The men detained on Sunday will be produced in court.",
    "Those arrested included two shopkeepers and a teacher.",
    "The two brothers were put behind bars on Saturday.",
    "While the volunteers were being detained, the ministers refused to comment.",
])
def test_done_arrests_happened(code_text, text):
    assert "happened" in _status_of_arrest(code_text, text)


@pytest.mark.parametrize("text, status", [
    ("The inspector has not been able to arrest the smugglers.", "denied"),
    ("Officers failed to arrest the main suspect.", "denied"),
    ("None of the suspects has been arrested so far.", "denied"),
    ("No one was detained after the scuffle.", "denied"),
    ("We have to arrest the culprits first, the minister said.", "planned"),
    ("The government is free to arrest us if it wishes.", "planned"),
    ("The family sought the arrest of the lorry driver.", "planned"),
    ("Officers must arrest the culprits before the festival begins.", "planned"),
])
def test_undone_arrests_are_not_happened(code_text, text, status):
    assert status in _status_of_arrest(code_text, text)
    assert "happened" not in _status_of_arrest(code_text, text)


def test_demanded_arrest_is_a_request_not_an_arrest(code_text):
    events = code_text("The opposition demanded the arrest of the officers in charge.")
    assert not [e for e in _arrests(events) if e.status == "happened"]


def test_compelled_act_in_the_past_happened(code_text):
    events = code_text("Stone pelting by the mob forced the police to open fire in the air.")
    fire = [e for e in events if e.type == "ASSAULT"]
    assert fire and all(e.status == "happened" for e in fire)


def test_reported_perfect_infinitive_is_not_planned(code_text):
    events = code_text("The guards are believed to have detained the two journalists.")
    assert {e.status for e in _arrests(events)} == {"happened"}


def test_holding_someone_responsible_is_blame_not_arrest(code_text):
    events = code_text("The report holds the police accountable for the deaths.")
    assert not _arrests(events)
    assert any(e.type == "ACCUSE" for e in events)


def test_apprehending_trouble_is_no_arrest(code_text):
    assert not _arrests(code_text("Apprehending trouble, the traders downed their shutters."))
