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


def test_deaths_in_police_firing_however_parsed_are_police_killings(code_text):
    for text in ("Officials said 40 people have died in police firing while 300 were detained in the district.",
                 "The minister said 52 deaths due to police firing were reported from the district.",
                 "Two men died due to police firing in the town.",
                 "Three youths died because of police firing on the crowd.",
                 "Four were killed in police firing as mobs burned shops.",
                 "Six deaths occurred in police firing.",
                 "The police shot dead 12 rioters in the city."):
        assert "KILL" in predict(code_text(text)), text


def test_things_locked_booked_sent_or_held_are_not_arrests(code_text):
    for text in ("The main gate of the market was locked up after the clash.",
                 "An injured youth was brought in to the hospital on Monday.",
                 "The organisers had booked several guest houses for the visitors.",
                 "They got booked on a flight to Delhi.",
                 "The inspector general sent a notice to all jails in the state.",
                 "The minister, who also holds the finance department, spoke to reporters.",
                 "The villagers were caught unawares by the attackers.",
                 "The panel held the district collector responsible for the violence."):
        assert "ARREST" not in predict(code_text(text)), text


def test_people_locked_up_booked_or_sent_to_jail_are_arrests(code_text):
    for text in ("Police locked up the gang leaders overnight.",
                 "Police booked five men under the arms act.",
                 "Around 600 activists of the party have already been booked in the state.",
                 "The accused was sent to jail for two weeks."):
        assert "ARREST" in predict(code_text(text)), text


def test_displaced_as_an_adjective_is_no_expulsion(code_text):
    events = code_text("The floods left hundreds of displaced families without shelter.")
    assert not any(e.type == "COERCE" and e.mode == "deport" for e in events)
    events = code_text("Militia fighters displaced the families from the valley.")
    assert any(e.type == "COERCE" and e.mode == "deport" for e in events)


def test_lock_up_of_people_and_hostage_taking(code_text):
    assert "ARREST" in predict(code_text("He ended the riots by promptly locking up the gang leaders and the gamblers."))
    assert "ARREST" not in predict(code_text("Thousands of students are held at ransom by the administration."))


def test_died_when_police_opened_fire_is_a_police_killing(code_text):
    assert "KILL" in predict(code_text("A boy died when the police opened fire on the crowd."))
    assert "KILL" not in predict(code_text("Two people died after rival groups clashed in the market."))


def test_idioms_of_hold_bring_and_haul_are_not_arrests(code_text):
    for text in ("We respect the elders whom we hold in high esteem.",
                 "The leaders, holding a joint press conference, said the order was clear.",
                 "I was brought up in a liberal family.",
                 "People complained about the delay in bringing in the army.",
                 "He hauled up the state government over the riots."):
        assert "ARREST" not in predict(code_text(text)), text
    assert "ARREST" in predict(code_text("Police brought in ten youths for questioning."))
