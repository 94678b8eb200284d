"""Plain-text cleaning: headings that open what follows a story (more reading, sources)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forewarn.clean import clean_text

STORY = Path(__file__).with_name("story.txt").read_text("utf-8").splitlines()[:4]
AFTER = [
    "Emergency services across the region have been preparing for winter storms for several "
    "months, the council said in an earlier report on its plans for the season.",
    "The national weather office publishes its warnings every morning and updates them during "
    "the day when the forecast changes, as it did twice on Friday.",
]


@pytest.mark.parametrize("heading", ["Explore more", "Keep exploring this topic",
                                     "Related insights", "Sources",
                                     "How we researched this article",
                                     "Conflicts of interest", "See more stories"])
def test_heading_after_the_story_ends_it(heading: str) -> None:
    cleaned = clean_text("\n".join([*STORY, heading, *AFTER]))
    assert cleaned.paragraphs == STORY[1:]
    assert {s.text: s.reason for s in cleaned.removed}[heading] == "section-heading"


def test_read_more_alone_does_not_end_the_story() -> None:
    cleaned = clean_text("\n".join([*STORY, "Read more", *AFTER]))
    assert AFTER[0] in cleaned.paragraphs
