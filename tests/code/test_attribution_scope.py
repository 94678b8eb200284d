"""Which relations stand on their own (``code.attribution``): a parenthetical cue is not its
host verb's content, "per" names a source only with a named or determined object, the writer's
own "I"/"we" speak outside quotation marks, and a dummy "it" holds nothing."""

from __future__ import annotations

import pytest

from forewarn.code.attribution import find_attributions


@pytest.fixture(scope="module")
def top(nlp):
    def run(text: str):
        doc = nlp(text)
        return [(a.text(text), a.text(text, "cue"), a.text(text, "content"), a.kind)
                for a in find_attributions(doc) if not a.nested]

    return run


def test_parenthetical_cue_is_not_host_content(top):
    found = top("The bridge, Mr. Halvorsen said, celebrated the engineers who designed the old harbour.")
    assert ("Mr. Halvorsen", "said") in [(s, c) for s, c, _, _ in found]
    assert not any(content == "Mr. Halvorsen said" for _, _, content, _ in found)


def test_per_with_a_rate_is_no_source(top):
    found = top("The plant burns two million tons per year, per the county's environmental office.")
    sources = [s for s, c, _, _ in found if c == "per"]
    assert sources == ["the county's environmental office"]


def test_writer_first_person_outside_quotes(top):
    found = top("I know the council has not answered those letters.")
    assert [(s, c) for s, c, _, _ in found] == [("I", "know")]


def test_first_person_inside_a_running_quote_is_skipped(top):
    found = top('"The vote is close. I know the council has not answered," the mayor said.')
    assert "I" not in [s for s, _, _, _ in found]


def test_dummy_it_holds_nothing(top):
    found = top("It is worth noting that the mayor never answered the letters.")
    assert not any(s.lower() == "it" for s, _, _, _ in found)


def test_object_content_stops_before_a_saying_relative_clause(top):
    found = top("The senator endorsed Ms. Varga, who says she is honored.")
    assert ("who", "says") in [(s, c) for s, c, _, _ in found]
    endorsed = [content for s, c, content, _ in found if c == "endorsed"]
    assert endorsed == ["Ms. Varga"]
