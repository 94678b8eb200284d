"""The reference article of ARCHITECTURE.md, coded end to end (body as the cleaner leaves it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared" / "examples" / "independent-putin-thanks-trump.txt"
if not SHARED.is_file():
    SHARED = Path("/work/shared/examples/independent-putin-thanks-trump.txt")


def reference_body() -> str:
    """Lede (line 2) and the seven story paragraphs, the glued line 7 split, joined by blank lines."""
    lines = SHARED.read_text("utf-8").splitlines()
    story = lines[6].split("difference.", 1)[1]
    return "\n\n".join([lines[1], story, *lines[7:13]])


@pytest.fixture(scope="module")
def events(code_text):
    if not SHARED.is_file():
        pytest.skip("shared reference article not available")
    return code_text(reference_body(), published=dt.date(2019, 12, 30))


def find(events, etype, trigger_sentence_part, mode=None):
    hits = [e for e in events if e.type == etype and trigger_sentence_part in e.evidence.text
            and (mode is None or e.mode == mode)]
    assert hits, f"no {etype} event in a sentence containing {trigger_sentence_part!r}"
    return hits[0]


def names(actors):
    return [a.name for a in actors]


def test_consult_phone(events):
    e = find(events, "CONSULT", "spoke to his US counterpart", mode="phone")
    assert e.quad == "verbal-cooperation" and e.status == "happened"
    assert [(a.name, a.country, a.sector) for a in e.actors] == [("Vladimir Putin", "RUS", "GOV")]
    assert [(a.name, a.country, a.sector) for a in e.recipients] == [("Donald Trump", "USA", "GOV")]
    assert e.date is not None and e.date.value == "2019-12-29" and e.date.granularity == "day"
    assert names(e.attribution) == ["Kremlin"]


def test_support_conjoined_thanks(events):
    e = find(events, "SUPPORT", "and thanked Mr Trump")
    assert names(e.actors) == ["Vladimir Putin"] and names(e.recipients) == ["Donald Trump"]
    assert e.date.value == "2019-12-29"
    assert e.evidence.trigger == "thanked"
    assert names(e.attribution) == ["Kremlin"]


def test_support_reported_by_kremlin(events):
    e = find(events, "SUPPORT", "the Kremlin has said")
    assert names(e.actors) == ["Vladimir Putin"] and names(e.recipients) == ["Donald Trump"]
    assert names(e.attribution) == ["Kremlin"] and e.status == "happened"


def test_cooperate_intelligence(events):
    e = find(events, "COOPERATE", "US intelligence services")
    assert [(a.country, a.sector) for a in e.actors] == [("USA", "SPY")]
    assert [a.country for a in e.recipients] == ["RUS"]
    assert e.quad == "material-cooperation"


def test_coerce_arrest(events):
    e = find(events, "COERCE", "two Russian nationals", mode="arrest")
    assert [(a.name, a.country, a.sector) for a in e.actors] == [("FSB", "RUS", "SPY")]
    assert [(a.text, a.country, a.sector) for a in e.recipients] == [("two Russian nationals", "RUS", "CVL")]
    assert [a.name for a in e.attribution][0] == "Tass"
    assert "spokesman for the FSB" in e.attribution[-1].text


def test_planned_attack_is_prevented_never_happened(events):
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert assaults and all(e.status != "happened" for e in assaults)
    by_nationals = find(events, "ASSAULT", "two Russian nationals")
    assert by_nationals.status == "prevented"
    assert [a.text for a in by_nationals.actors] == ["two Russian nationals"]
    on_city = find(events, "ASSAULT", "a plan to attack St Petersburg")
    assert on_city.status == "prevented"
    assert on_city.location is not None and on_city.location.country == "RUS"
    assert abs(on_city.location.lat - 59.94) < 0.05 and abs(on_city.location.lon - 30.31) < 0.05


def test_agree_both_leaders(events):
    e = find(events, "AGREE", "both leaders have agreed")
    assert sorted(names(e.actors)) == ["Donald Trump", "Vladimir Putin"]
    assert names(e.attribution) == ["Kremlin"]
    # the cooperation they agreed to is part of the agreement, not a second event
    assert not [x for x in events if x.type == "COOPERATE" and "both leaders" in x.evidence.text]


def test_historical_thanks(events):
    e = find(events, "SUPPORT", "Back in December 2017")
    assert e.status == "historical"
    assert e.date.value == "2017-12" and e.date.granularity == "month"
    assert names(e.actors) == ["Vladimir Putin"] and names(e.recipients) == ["Donald Trump"]
    assert e.attribution == []


def test_reciprocal_phone_calls(events):
    e = find(events, "CONSULT", "have spoken by telephone", mode="phone")
    assert sorted(names(e.actors)) == ["Donald Trump", "Vladimir Putin"] and e.recipients == []


def test_every_event_is_traceable(events):
    for e in events:
        assert e.rule and 0.0 < e.confidence <= 1.0
        assert e.quad in ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")
    assert not [e for e in events if "Independent" in e.evidence.text or "Musk" in e.evidence.text]


def test_linked_mentions_fill_each_other(events):
    """The plot's mentions are one happening: each keeps its evidence and borrows the rest."""
    lede = find(events, "ASSAULT", "an attack was planned on St Petersburg")
    plan = find(events, "ASSAULT", "over the New Year period")
    held = find(events, "ASSAULT", "a mass gathering")
    for e in (lede, plan, held):
        assert e.status in ("planned", "prevented")
        assert [a.text for a in e.actors] == ["two Russian nationals"]
        assert e.location is not None and e.location.name == "Saint Petersburg"
        assert e.date is not None and e.date.value is not None and e.date.value.startswith(("2019", "2020"))
    assert "a mass gathering" in held.evidence.text and held.linked
    assert all(ev.text != held.evidence.text for ev in held.linked)


def test_arrest_takes_the_plots_location(events):
    e = find(events, "COERCE", "two Russian nationals", mode="arrest")
    assert e.location is not None and e.location.name == "Saint Petersburg"
    assert abs(e.location.lat - 59.94) < 0.05


def test_first_thanks_borrows_the_date(events):
    e = find(events, "SUPPORT", "the Kremlin has said")
    assert e.date is not None and e.date.value == "2019-12-29"
    assert any("on Sunday" in ev.text for ev in e.linked)


def test_another_plot_is_not_the_same(events):
    e = find(events, "ASSAULT", "another plot")
    assert e.actors == [] and (e.date is None or e.date.value != "2020-01-01")
