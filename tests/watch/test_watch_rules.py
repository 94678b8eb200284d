from pathlib import Path

import pytest

from forewarn.errors import RulesError
from forewarn.models import Actor, Place
from forewarn.watch import Matcher, distance_km, load_rules, parse_rules

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "watch-rules.example.toml"

FSB = Actor("the FSB", "FSB", "RUS", "SPY")
TWO_MEN = Actor("two Russian nationals", None, "RUS", "CVL")
PUTIN = Actor("Vladimir Putin", "Vladimir Putin", "RUS", "GOV")
TRUMP = Actor("Donald Trump", "Donald Trump", "USA", "GOV")
SPB = Place("St Petersburg", "Saint Petersburg", "RUS", 59.94, 30.31)


def names(matcher, event):
    return [r.name for r in matcher.match(event)]


def test_example_rules_file_parses_and_matches_the_issue_examples(event_factory):
    rules = load_rules(EXAMPLE)
    assert [r.name for r in rules.rules][:3] == ["attack-plot-in-russia", "spy-agency-coercion", "us-russia-talks"]
    assert rules.sinks and rules.spikes.min_count == 5
    m = Matcher(rules.rules)
    plot = event_factory("ASSAULT", status="prevented", actors=[TWO_MEN], location=SPB,
                         text="They planned a terrorist attack in St Petersburg.")
    assert names(m, plot) == ["attack-plot-in-russia", "violence-near-st-petersburg", "terror-words"]
    happened = event_factory("ASSAULT", status="happened", actors=[TWO_MEN])
    assert names(m, happened) == []
    arrest = event_factory("COERCE", actors=[FSB], recipients=[TWO_MEN])
    assert names(m, arrest) == ["spy-agency-coercion"]
    call = event_factory("CONSULT", quad="verbal-cooperation", mode="phone", actors=[PUTIN], recipients=[TRUMP])
    assert names(m, call) == ["us-russia-talks"]
    one_sided = event_factory("CONSULT", quad="verbal-cooperation", actors=[PUTIN], recipients=[FSB])
    assert names(m, one_sided) == []


def test_each_condition(event_factory):
    rules = parse_rules("""
[[rule]]
name = "by-actor"
actor = ["putin"]
[[rule]]
name = "confident"
min_confidence = 0.9
[[rule]]
name = "mode"
mode = ["phone"]
[[rule]]
name = "country-via-location"
country = ["rus"]
""").rules
    m = Matcher(rules)
    e = event_factory("CONSULT", quad="verbal-cooperation", mode="phone", actors=[TRUMP], recipients=[PUTIN],
                      confidence=0.95)
    assert names(m, e) == ["by-actor", "confident", "mode", "country-via-location"]
    e2 = event_factory(actors=[TRUMP], location=SPB, confidence=0.5)
    assert names(m, e2) == ["country-via-location"]


def test_near_uses_great_circle_distance(event_factory):
    assert 630 < distance_km(55.75, 37.62, 59.94, 30.31) < 640  # Moscow → St Petersburg
    m = Matcher(parse_rules('[[rule]]\nname = "near-moscow"\nnear = { lat = 55.75, lon = 37.62, km = 100 }\n').rules)
    assert names(m, event_factory(location=Place("Moscow", "Moscow", "RUS", 55.7, 37.6))) == ["near-moscow"]
    assert names(m, event_factory(location=SPB)) == []
    assert names(m, event_factory(location=Place("Russia", "Russia", "RUS"))) == []  # no coordinates


@pytest.mark.parametrize("body, needle", [
    ('[[rule]]\nname = "x"\nquad = ["foo"]\n', "rules.toml:3: rule 'x': field 'quad': unknown value 'foo'"),
    ('[[rule]]\nname = "x"\n\n[[rule]]\nname = "y"\ntype = ["ATTACK"]\n', ":6: rule 'y': field 'type': unknown value 'ATTACK'"),
    ('[[rule]]\nname = "x"\nstatus = "rumoured"\n', "field 'status': unknown value 'rumoured'"),
    ('[[rule]]\nname = "x"\ncolour = "red"\n', "rule 'x': field 'colour': unknown field"),
    ('[[rule]]\ntype = ["ASSAULT"]\n', "rule #1: field 'name'"),
    ('[[rule]]\nname = "x"\n[[rule]]\nname = "x"\n', ":4: rule 'x': field 'name': two rules"),
    ('[[rule]]\nname = "x"\ncountry = ["Russia"]\n', "field 'country': unknown value 'RUSSIA'"),
    ('[[rule]]\nname = "x"\nnear = { lat = 99, lon = 0, km = 5 }\n', "field 'near'"),
    ('[[rule]]\nname = "x"\nmin_confidence = 2\n', "field 'min_confidence'"),
    ('[[rule]]\nname = "x"\nbetween = ["USA"]\n', "field 'between'"),
    ('[[rule]\nname = "x"\n', "malformed TOML"),
    ('[spikes]\nmin_count = "5"\n', "field 'spikes.min_count'"),
])
def test_errors_name_file_line_rule_and_field(tmp_path, body, needle):
    path = tmp_path / "rules.toml"
    path.write_text(body)
    with pytest.raises(RulesError) as info:
        load_rules(path)
    assert needle in str(info.value).replace(str(tmp_path) + "/", "")
    assert info.value.code == "FW102"


def test_missing_file_is_a_rules_error(tmp_path):
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "nope.toml")
