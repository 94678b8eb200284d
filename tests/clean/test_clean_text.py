"""Plain-text cleaning: the reference article, glued lines, learnt boilerplate, line keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from forewarn.clean import clean_document, clean_text, line_key, split_glued
from forewarn.models import RemovedSpan

REFERENCE = Path(__file__).parents[2].parent / "shared/examples/independent-putin-thanks-trump.txt"


@pytest.fixture(scope="module")
def reference() -> str:
    if not REFERENCE.exists():
        pytest.skip(f"reference article not found at {REFERENCE}")
    return REFERENCE.read_text(encoding="utf-8")


def test_reference_article_cleans_to_title_lede_and_story(reference: str) -> None:
    lines = reference.splitlines()
    cleaned = clean_text(reference)
    assert cleaned.title == lines[0]
    assert cleaned.kind == "text"
    paragraphs = cleaned.body.split("\n\n")
    assert len(paragraphs) == 8
    assert paragraphs[0] == lines[1]  # the lede
    assert paragraphs[1].startswith("Vladimir Putin has thanked Donald Trump for intelligence")
    assert paragraphs[-1].endswith("in order to tackle terrorism.")
    assert "support" not in cleaned.body.lower()
    assert "Independent" not in cleaned.body
    assert "comment" not in cleaned.body.lower()


def test_reference_article_reports_what_it_dropped(reference: str) -> None:
    cleaned = clean_text(reference)
    reasons = {span.text: span.reason for span in cleaned.removed}
    assert all(isinstance(span, RemovedSpan) for span in cleaned.removed)
    assert reasons["Your support helps us to tell the story"] == "donation-appeal"
    assert reasons["Your support makes all the difference."] == "donation-appeal"
    assert reasons["Join our commenting forum"] == "comment-prompt"
    assert reasons["Comments"] == "comment-prompt"
    appeal = [s for s in cleaned.removed if "Your donation allows us" in s.text]
    assert appeal and appeal[0].reason in ("donation-appeal", "publisher-self-reference")
    # nothing disappears silently: every input piece is the title, in the body, or removed
    kept = set(cleaned.body.split("\n\n")) | {cleaned.title}
    for piece in (p for line in reference.splitlines() for p in split_glued(line.strip()) if p):
        assert piece in kept or piece in reasons
    # "at" points into the body: the appeal stood before the story, the forum prompt after it
    assert reasons and cleaned.removed[0].at == len(lines_before_story(cleaned))
    assert cleaned.removed[-1].at == len(cleaned.body)
    assert cleaned.lines[0] == line_key(reference.splitlines()[0])


def lines_before_story(cleaned) -> str:
    return cleaned.body.split("\n\n")[0]


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        ("It matters.Vladimir Putin said so.", ["It matters.", "Vladimir Putin said so."]),
        ("All done!Then it rained.", ["All done!", "Then it rained."]),
        ('He left."This is over," she said.', ['He left.', '"This is over," she said.']),
        ("U.S. officials met Mr. Smith on Monday.", None),
        ("Prices rose 3.5 percent in the U.S.Economists were surprised.", None),
        ("Growth was 3.5 percent.Economists were surprised.",
         ["Growth was 3.5 percent.", "Economists were surprised."]),
        ("See www.Example.com for details.", None),
        ("Read more at https://example.org/A.Page today.", None),
        ("Use tools, e.g.Python and Rust.", None),
        ("The U.K.Government replied.", None),
        ("Mr.Smith arrived.", None),
        ("It is ASP.NET code.", None),
    ],
)
def test_split_glued(line: str, pieces: list[str] | None) -> None:
    assert split_glued(line) == (pieces if pieces is not None else [line])


def test_known_boilerplate_drops_a_learned_line() -> None:
    text = (
        "Floods close roads across the northern province\n"
        "Heavy rain fell for a third day on Tuesday, and officials closed 14 roads in the north "
        "of the province as rivers rose above their banks.\n"
        "Brought to you by the Valley Courier team since 1987\n"
        "The regional governor said emergency crews had moved 300 families to schools and that "
        "more rain was expected before the weekend.\n"
    )
    plain = clean_text(text)
    assert "Valley Courier" in plain.body  # nothing marks it without learning
    learned = clean_text(text, known_boilerplate={line_key("Brought to you by the Valley "
                                                           "Courier team since 2001")})
    assert "Valley Courier" not in learned.body
    assert [s.reason for s in learned.removed] == ["known-boilerplate"]
    assert learned.body.count("\n\n") == 1


def test_line_key_normalises() -> None:
    assert line_key("  Comments   711 ") == "comments #"
    assert line_key("Comments 12") == line_key("COMMENTS 9")
    assert line_key("“Quoted”\u00a0text — here") == '"quoted" text - here'
    assert line_key("Ｆｕｌｌ width") == "full width"
    assert line_key("") == ""


def test_clean_document_routes_text_and_keeps_url() -> None:
    cleaned = clean_document("A headline about a ceasefire in the region\nTroops withdrew from "
                             "the border town on Friday after talks, the ministry said.",
                             url="https://example.org/a")
    assert cleaned.kind == "text"
    assert cleaned.url == "https://example.org/a"
    assert cleaned.title == "A headline about a ceasefire in the region"
    assert cleaned.body.startswith("Troops withdrew")


def test_story_quotes_in_first_person_are_kept() -> None:
    text = (
        "Minister rejects calls to resign over budget\n"
        "The finance minister said on Monday she would not step down, despite criticism from "
        "opposition parties over the budget shortfall.\n"
        "\"We will not abandon our reform plan, and our party stands behind it,\" she told "
        "reporters in the capital after a cabinet meeting.\n"
        "Opposition leaders said they would call a vote of no confidence next week, according to "
        "a statement released on Monday evening.\n"
        "Sign up for our daily newsletter\n"
    )
    cleaned = clean_text(text)
    assert "We will not abandon" in cleaned.body
    assert cleaned.body.count("\n\n") == 2
    assert [s.reason for s in cleaned.removed] == ["newsletter"]


def test_empty_and_blank_inputs() -> None:
    for text in ("", "\n\n  \n", "   "):
        cleaned = clean_text(text)
        assert cleaned.body == "" and cleaned.title is None and cleaned.removed == []


STORY = Path(__file__).with_name("story.txt").read_text("utf-8").splitlines()


def test_related_heading_and_comments_end_the_story() -> None:
    tail = [
        "Related articles",
        "Council approves budget for new harbour wall",
        "The plan was welcomed by fishermen who had asked for years for better protection from the "
        "winter waves that flood the quay.",
        "Ferry timetable changes for the holidays",
        "Passengers should check the new times before they travel, because several crossings were "
        "moved to the morning to avoid the late tides.",
        "14 comments",
        "Jane Doe",
        "December 3, 2025 at 9:41 pm",
        "We lost power for six hours last night and nobody from the company answered the phone, which "
        "is the same thing that happened during the storm two years ago.",
        "Reply",
    ]
    cleaned = clean_text("\n".join(STORY + tail))
    assert cleaned.title == STORY[0]
    assert cleaned.paragraphs == STORY[1:]
    reasons = {s.text: s.reason for s in cleaned.removed}
    assert reasons["Related articles"] in ("related", "section-heading")
    assert reasons["December 3, 2025 at 9:41 pm"] == "date"


def test_captions_bylines_and_repeats_are_dropped() -> None:
    lines = [STORY[0], STORY[1], "By Jane Doe",
             "Linesmen repair a cable near the harbour on Saturday. Photo: Jane Smith/Reuters",
             *STORY[2:], STORY[3]]
    cleaned = clean_text("\n".join(lines))
    assert cleaned.paragraphs == STORY[1:]
    reasons = [s.reason for s in cleaned.removed]
    assert reasons == ["metadata", "caption", "repeated"]


def test_cue_prefilter_finds_every_cue_the_rules_find() -> None:
    from forewarn.clean.rules import default_rules
    from forewarn.clean.text import _cue_hits
    from forewarn.clean.text_cues import matcher_for
    from forewarn.clean.text_lines import split_lines

    page = "\n".join([
        "Please make a one-off donation today to keep our reporting free for everyone.",
        "Sign up for our newsletter - it lands straight in your inbox.",
        "© 2025 Example Media. All rights reserved.",
        "We use cookies to improve your experience; manage your privacy settings here.",
        "Thanks for subscribing!",
        "This is a reader-funded site, and it says so.",
        "The minister said the new cookie law would take effect in May.",
    ])
    rules = default_rules()
    lines = split_lines(page)
    fast = matcher_for(rules).hits(lines)
    for i, p in enumerate(lines.plains):
        slow = _cue_hits(p, rules)
        assert set(fast.get(i, {})) == set(slow), p


def test_cue_prefilters_match_trying_every_cue_on_every_line() -> None:
    """The literal prefilters (the page-wide one and the per-cue ``needs``) only skip work: what
    they find is what every cue run on every line finds, and the whole-line forms found from line
    starts are those of the plain multi-line search."""
    import re

    from forewarn.clean.rules import default_rules
    from forewarn.clean.text_cues import matcher_for
    from forewarn.clean.text_lines import split_lines

    page = "\n".join([
        "Support independent journalism: your donation keeps our newsroom going.",
        "Please donate today. Make a monthly gift to our reporters.",
        "By continuing to browse you accept the cookie policy and our privacy settings.",
        "Reject all cookies",
        "Accept all",
        "Written by",
        "John Smith",
        "Share this article",
        "Your support matters: become a member or give now, (c) 2024 Example.",
        "The court said your honour was not at stake, and the debate went on.",
        "Be the first to comment. 12 replies",
        "Story continues below advertisement",
    ])
    rules = default_rules()
    matcher = matcher_for(rules)
    lines = split_lines(page)
    brute: dict[int, dict[str, set[str]]] = {}
    for i, p in enumerate(lines.plains):
        for group, cue in matcher.cues:
            for m in cue.finditer(p):
                brute.setdefault(i, {}).setdefault(group, set()).add(m.group(0))
    assert matcher.hits(lines) == brute
    assert brute  # the page does hold cues

    short = [len(p.split()) <= rules.short_words for p in lines.plains]
    plain_search = re.compile("^" + rules.whole.pattern[1:], re.M)
    expected = {}
    for m in plain_search.finditer(lines.block):
        i = lines.line_at(m.start())
        if "\n" in m.group(0):
            m = rules.whole.match(lines.plains[i])
            if not m:
                continue
        if short[i]:
            expected[i] = m.lastgroup
    assert matcher.whole_hits(lines, short) == expected
    assert expected
