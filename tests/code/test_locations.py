"""An event's location is read from the article's places resolved together, not name by name."""

from __future__ import annotations


def _location(events, etype="COERCE"):
    (event,) = [e for e in events if e.type == etype]
    return event.location


def test_a_town_name_takes_the_reading_the_article_supports(code_text) -> None:
    texan = _location(code_text("Police arrested two men in Paris on Monday. The men had driven up from Dallas "
                                "and Sherman, Texas, the Lamar County sheriff said."))
    assert (texan.name, texan.country) == ("Paris", "USA") and 33 < texan.lat < 34
    french = _location(code_text("Police arrested two men in Paris on Monday, French officials said."))
    assert (french.name, french.country) == ("Paris", "FRA") and 48 < french.lat < 49


def test_places_are_forgotten_between_articles(code_text) -> None:
    code_text("Police arrested two men in Paris on Monday. They came from Sherman, Texas, officials said.")
    assert _location(code_text("Police arrested a man in Paris, French officials said.")).country == "FRA"
