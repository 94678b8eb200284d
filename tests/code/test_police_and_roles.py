"""Police killings and arrests described without an agent; actor spans and default countries."""

from forewarn.evaluate.indiapolice import lethal, predict


def _cop(e):
    return any(a.sector == "COP" for a in e.actors)


def test_killed_in_police_firing_is_a_police_killing(code_text):
    events = code_text("Four people were killed in police firing on mobs in the town on Tuesday.")
    kills = [e for e in events if e.type == "ASSAULT" and lethal(e)]
    assert kills and any(_cop(e) for e in kills)
    assert "KILL" in predict(events)


def test_killed_when_police_opened_fire(code_text):
    events = code_text("One person was killed on Tuesday when police opened fire to disperse a mob.")
    assert any(lethal(e) and _cop(e) for e in events)


def test_agentless_arrests_are_events(code_text):
    events = code_text("Preventive arrests have been made in the city.")
    assert any(e.type == "COERCE" and e.mode == "arrest" for e in events)


def test_apposition_is_part_of_the_actor_span(code_text):
    text = "LaDonna Davis, a USCIS spokeswoman, declined to comment on the hiring freeze."
    events = code_text(text)
    assert any(a.text == "LaDonna Davis, a USCIS spokeswoman" for e in events for a in e.actors)


def test_titled_person_takes_country_from_adjective(code_text):
    events = code_text("British Defence Secretary Tom King has promised to continue military aid to Mozambique.")
    assert any(a.country == "GBR" for e in events for a in e.actors)


def test_sentences_that_only_ask_for_or_negate_arrests_predict_none(code_text):
    for text in ("Villagers demanded the immediate arrest of the contractor.",
                 "The traders sought the arrest of the men who looted the market.",
                 "No arrests have been made in the case so far.",
                 "None of the accused has been arrested yet."):
        assert "ARREST" not in predict(code_text(text)), text


def test_arrests_said_in_other_words_predict_arrest(code_text):
    for text in ("The two accused were put behind bars on Friday.",
                 "Those arrested included a local councillor.",
                 "Eleven youths were taken into custody after the clash."):
        assert "ARREST" in predict(code_text(text)), text


def test_a_crackdown_is_not_an_arrest(code_text):
    events = code_text("The state announced a crackdown on illegal sand mining.")
    assert "ARREST" not in predict(events)
