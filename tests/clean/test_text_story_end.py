"""Plain-text cleaning: where the story ends (author boxes, lists of teasers) and the whole-page
passes that compute line evidence (digit masks, stopword density, personal words)."""

from __future__ import annotations

from pathlib import Path
import re

import pytest

from forewarn.clean import clean_text, line_key
from forewarn.clean.text import _Line, _page_lines
from forewarn.clean.text_lines import mask_digits, plain, split_lines

STORY = Path(__file__).with_name("story.txt").read_text("utf-8").splitlines()


def test_author_box_after_the_story_is_dropped() -> None:
    bio = ("Jane Doe is a freelance writer who covers energy and the weather for regional papers, "
           "and she has written for several national magazines.")
    cleaned = clean_text("\n".join([*STORY, bio]))
    assert cleaned.paragraphs == STORY[1:]
    assert {s.text: s.reason for s in cleaned.removed}[bio] == "author-bio"


def test_a_person_described_inside_the_story_is_kept() -> None:
    # a role but nothing an author's box says (covers, has written, specialises…)
    line = ("Mark Hill is an analyst at the regional bank, and he said the repairs would cost the "
            "utility several million pounds before the spring.")
    cleaned = clean_text("\n".join([*STORY, line]))
    assert cleaned.paragraphs == [*STORY[1:], line]


TEASERS = [
    "Council approves budget for new harbour wall",
    "The plan was welcomed by fishermen who had asked for years for better protection.",
    "Ferry timetable changes for the holidays",
    "Passengers should check the new times before they travel to the islands this winter.",
    "School closures announced for Monday",
    "Parents were told to check the council website for the list of schools that stay shut.",
    "Road to the airport reopens after repairs",
    "The main road reopened on Friday after three weeks of work on the damaged bridge.",
]


def test_a_list_of_teasers_after_the_story_is_dropped() -> None:
    cleaned = clean_text("\n".join([*STORY, *TEASERS]))
    assert cleaned.paragraphs == STORY[1:]


def test_story_sections_under_subheadings_are_kept() -> None:
    # each heading is followed by two paragraphs: sections of the story, not teasers
    sections = []
    for k, (head, day) in enumerate(zip(TEASERS[0::2], ("Monday", "Tuesday", "Wednesday", "Friday"))):
        sections += [head, TEASERS[2 * k + 1],
                     f"Officials said more details would follow on {day} of the week, after a "
                     "meeting with the contractors and the regional transport authority."]
    cleaned = clean_text("\n".join([*STORY, *sections]))
    assert cleaned.paragraphs == [*STORY[1:], *sections]


@pytest.mark.parametrize("text", [
    "", "no digits", "comments 711", "12", "a1b22c333", "#1 story ##2", "1#2", "page 3 of 10",
    "é1ü22 — 北京 2024年", "\x01 marker 12", "9",
])
def test_mask_digits_masks_every_run_like_the_regex(text: str) -> None:
    assert mask_digits(text) == re.sub(r"[0-9]+", "#", text)
    assert line_key(f"Comments {text}") == mask_digits(plain(f"Comments {text}"))


def test_page_pass_gives_each_line_the_evidence_of_the_line_alone() -> None:
    page = "\n".join([
        *STORY,
        "Your support helps us to tell the story, and we rely on readers like you for our journalism.",
        '"We will not abandon our reform plan," she told reporters, adding that your vote counts.',
        "Share", "12 comments", "Ünïcödé line with 3 numbers 45 and 678 in it, and the end.",
        "We, our readers and us: we're all here (you) said the editors of our newsroom today.",
    ])
    src = split_lines(page)
    keys = mask_digits(src.block).split("\n")
    fast, _ = _page_lines(src, keys)
    for ln in fast:
        slow = _Line(ln.text, ln.plain, ln.key, ln.glued)
        assert (ln.words, ln.ends, ln.you, ln.we, ln.media) == (
            slow.words, slow.ends, slow.you, slow.we, slow.media), ln.text
        if ln.words >= 6:  # the density is only needed (and computed) for lines of 6+ words
            assert ln.stop == pytest.approx(slow.stop), ln.text


def test_a_credit_with_a_web_address_does_not_cut_the_story() -> None:
    # the slashes of the address are not menu separators: the story goes on after the credit
    credit = "Photo Jane Smith on https://example.org/photos/storm-over-the-harbour-at-night"
    cleaned = clean_text("\n".join([*STORY[:3], credit, *STORY[3:]]))
    assert [p for p in cleaned.paragraphs if p != credit] == STORY[1:]
    assert {s.text: s.reason for s in cleaned.removed}.get(credit) != "navigation"


def test_an_affiliate_disclosure_is_not_story_text() -> None:
    notice = "This post contains affiliate links, so we may earn a small commission."
    cleaned = clean_text("\n".join([STORY[0], STORY[1], notice, *STORY[2:]]))
    assert cleaned.paragraphs == STORY[1:]
    assert {s.text: s.reason for s in cleaned.removed}[notice] == "affiliate-disclosure"
