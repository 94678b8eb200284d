"""All-caps text is left unparsed by the prefilter: the coder parses it again, truecased."""

from __future__ import annotations

from forewarn.annotate.prefilter import Condition, Prefilter
from forewarn.annotate.truecase import is_shouting
from forewarn.config import Settings
from forewarn.pipeline import Pipeline

CAPS = ("POLICE ARRESTED TWO MEN IN KABUL ON FRIDAY AFTER AN ATTACK ON A MARKET, OFFICIALS SAID. "
        "THE WEATHER WAS MILD.")


def test_all_caps_text_is_not_parsed_twice():
    from forewarn.annotate import load_nlp

    pf = Prefilter(load_nlp("auto"), [Condition(frozenset({"arrest"}))], shouting=is_shouting)
    doc = pf(CAPS)
    assert doc.text == CAPS and not any(t.tag_ or t.pos_ for t in doc) and not doc.ents
    assert pf.stats.unfiltered == 1 and pf.stats.kept_tokens == 0


def test_all_caps_text_codes_the_same_events_with_the_prefilter():
    def key(e):
        return (e.type, e.evidence.start, e.evidence.trigger_start, [a.name for a in e.actors],
                e.location and e.location.name)

    bare = Pipeline(Settings(prefilter=False)).extract_text(CAPS)[1]
    filtered = Pipeline(Settings(prefilter=True)).extract_text(CAPS)[1]
    assert bare and [key(e) for e in filtered] == [key(e) for e in bare]
