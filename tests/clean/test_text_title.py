"""Plain-text title choice: the headline just before the story, not a menu item above it."""

from __future__ import annotations

from forewarn.clean import clean_text

STORY = ("The regional council voted on Tuesday to expand the flood defences along the river after "
         "two wet winters left hundreds of homes damaged, officials said.")
MORE = ("Work on the new embankments is due to begin in the spring and should take about three "
        "years to finish, according to the council's planning department.")


def test_headline_next_to_byline_beats_menu_items_above_it() -> None:
    text = "\n".join(["Home", "Subscribe Now Sign In", "Local Politics and Government",
                      "Weather", "Council backs bigger flood defences after wet winters",
                      "By Jane Doe", "March 4, 2025", STORY, MORE])
    cleaned = clean_text(text)
    assert cleaned.title == "Council backs bigger flood defences after wet winters"
    assert "Local Politics" not in cleaned.body
    assert cleaned.body.startswith("The regional council voted")


def test_headline_opening_with_a_number() -> None:
    text = "\n".join(["Menu", "Shop Our Products", "Blog",
                      "10 Ways the Council Plans to Protect Homes From Floods", STORY, MORE])
    assert clean_text(text).title == "10 Ways the Council Plans to Protect Homes From Floods"


def test_headline_shown_twice_before_the_story_wins() -> None:
    headline = "Flood defences to be expanded along the river"
    text = "\n".join(["Read More About Our Services", f"Home > News > {headline}", "News",
                      headline, "Share This Article", STORY, MORE])
    assert clean_text(text).title == headline


def test_standfirst_under_the_headline_is_not_the_title() -> None:
    headline = "Council backs bigger flood defences"
    standfirst = "Residents say the plan comes too late for the homes damaged in two wet winters"
    text = "\n".join(["Home", headline, standfirst, STORY, MORE])
    cleaned = clean_text(text)
    assert cleaned.title == headline
    assert cleaned.body.startswith(standfirst)


def test_headline_shown_again_right_under_itself_is_not_a_standfirst() -> None:
    headline = "Flood defences to be expanded"
    standfirst = "Residents say the plan agreed by the council comes too late for many of the homes"
    text = "\n".join(["Home", headline, headline, headline, standfirst, "By Jane Doe",
                      "March 4, 2025", STORY, MORE])
    assert clean_text(text).title == headline


def test_title_finder_on_its_own() -> None:
    """text_title works on the cleaner's lines: a headline-shaped line close before the story
    wins over a menu item and a sentence."""
    from forewarn.clean.text import _page_lines
    from forewarn.clean.text_lines import GOOD, mask_digits, split_lines
    from forewarn.clean.text_title import find_title, headline_like

    src = split_lines("\n".join(["Menu", "Council backs bigger flood defences", STORY, MORE]))
    lines, _ = _page_lines(src, mask_digits(src.block).split("\n"))
    assert not headline_like(lines[0]) and headline_like(lines[1]) and not headline_like(lines[2])
    lines[2].cls = lines[3].cls = GOOD
    assert find_title(lines, src) == 1


def test_headline_closing_with_an_initialism_is_headline_shaped() -> None:
    # "… in the U.S." ends with a dot that ends no sentence
    headline = "The Hottest Housing Markets in the U.S."
    text = "\n".join(["Home", "Research", "Insurance Guides", headline, "By Jane Doe", STORY, MORE])
    assert clean_text(text).title == headline
    assert clean_text("\n".join(["Home", "Prices rose again this year.", STORY, MORE])).title is None
