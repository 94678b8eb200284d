"""Who killed when the sentence names the doer only through a fight or a misparsed "police firing"."""

from forewarn.code.link import fight_sides
from forewarn.evaluate.indiapolice import lethal, predict
from forewarn.models import Actor, Event, Evidence


def _kills(events):
    return [e for e in events if e.type == "ASSAULT" and lethal(e)]


def test_killed_in_the_clash_takes_both_sides(code_text):
    events = code_text("Farmers clashed with police near the mill and two men were killed in the clash.")
    kills = _kills(events)
    assert kills
    sectors = {a.sector for e in kills for a in e.actors}
    assert "COP" in sectors and len(sectors) == 2  # the farmers and the police
    assert all(len(e.linked) >= 1 for e in kills)


def test_fronted_fight_phrase(code_text):
    events = code_text("Police and villagers clashed on Sunday; in the ensuing clash, one man was killed.")
    assert any(a.sector == "COP" for e in _kills(events) for a in e.actors)


def test_no_fight_in_the_sentence_leaves_the_doer_unknown(code_text):
    events = code_text("Two people were killed in the clash on Sunday.")
    assert _kills(events) and all(not e.actors for e in _kills(events))


def test_not_in_the_fight_keeps_no_doer(code_text):
    # the killing is not tied to the clash by "in"/"during"
    events = code_text("Farmers clashed with police near the mill and two men were killed later.")
    assert all(not e.actors for e in _kills(events))


def _event(etype, trigger, start, actors=(), recipients=(), text=""):
    ev = Evidence(text=text, start=0, end=len(text), trigger=trigger, trigger_start=start,
                  trigger_end=start + len(trigger))
    return Event(type=etype, mode=None, quad="", status="happened", actors=list(actors),
                 recipients=list(recipients), evidence=ev, article_id="t", rule="assault-kill")


def test_fight_sides_skips_victims_and_unresolved_recipients():
    text = "Rebels attacked the village and a soldier was killed in the crossfire."
    rebels = Actor("Rebels", sector="REB", start=0, end=6)
    village = Actor("the village", start=16, end=27)
    soldier = Actor("a soldier", sector="MIL", start=32, end=41)
    attack = _event("ASSAULT", "attacked", 7, [rebels], [village], text)
    kill = _event("ASSAULT", "killed", 46, [], [soldier], text)
    fight_sides([attack, kill], text)
    assert [a.text for a in kill.actors] == ["Rebels"]


def test_died_in_clashes_between_two_sides(code_text):
    events = code_text("Three people died in the clashes between police and striking workers on Friday.")
    kills = _kills(events)
    assert kills
    assert {"COP"} < {a.sector for e in kills for a in e.actors}


def test_killed_in_a_gunbattle_with_troops(code_text):
    events = code_text("Two militants were killed during a fierce gunbattle with the army in the district.")
    assert any(a.sector in ("MIL", "COP") for e in _kills(events) for a in e.actors)


def test_fight_party_preposition_is_needed(code_text):
    # "after the clash in the village": no sides named
    events = code_text("Two people died in the clash in the village on Friday.")
    assert _kills(events) and all(not e.actors for e in _kills(events))


def test_killed_in_police_firing_with_the_firing_misparsed(code_text):
    # "firing" often hangs off another word ("as rampaging mobs ..."): "police" still fired
    events = code_text('The officer said: "two persons have been killed in police firing as rampaging '
                       'mobs torched shops."')
    assert any(a.sector == "COP" for e in _kills(events) for a in e.actors)


def test_a_place_before_the_fire_word_is_no_firer(code_text):
    events = code_text("Two people were killed in the village shooting on Monday.")
    assert all(not e.actors for e in _kills(events))


def test_firing_left_two_dead(code_text):
    events = code_text("Police firing on the crowd left two dead and five injured on Sunday.")
    kills = _kills(events)
    assert any(e.rule == "assault-kill-leave-dead" for e in kills)
    assert "KILL" in predict(events)


def test_left_homeless_is_no_killing(code_text):
    assert not _kills(code_text("The floods left thousands homeless."))


def test_killed_by_police_bullets(code_text):
    # a sector word on a weapon names its owner, as a country adjective does ("Syrian missiles")
    events = code_text("Two men were killed by police bullets in the town on Monday.")
    assert any(a.sector == "COP" for e in _kills(events) for a in e.actors)


def test_a_bomb_without_an_owner_names_no_doer(code_text):
    events = code_text("A roadside bomb killed two soldiers on Monday.")
    assert _kills(events) and all(not e.actors for e in _kills(events))
