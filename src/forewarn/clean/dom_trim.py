"""The steps after :mod:`.dom_extract` has chosen a page's story blocks: each drops kept blocks
that are not the story, and records why (``reasons``, by block index):

* ``drop_datelines`` — a line that is only a date, a reading time or a bare "By" above the first
  paragraph or below the last (never a table cell or a list item);
* ``drop_repeats`` — a run of blocks that copies earlier kept blocks word for word (a story
  rendered once per screen size);
* ``drop_cards`` — related-story cards after the story;
* ``cut_sections`` — everything from a closing section heading ("Related stories", "3 comments")
  when what follows holds little prose, resuming at the story's own next heading;
* ``drop_end_notes`` — an author bio, credit line or disclaimer among the last kept blocks;
* ``trim_tail`` — link lists and headings after the last paragraph.

Cues and thresholds: ``data/clean/html_extract.toml``.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dom_extract import Block

__all__ = ["HEADINGS", "config", "cut_sections", "decide", "drop_cards", "drop_datelines", "drop_end_notes",
           "drop_repeats", "section_end", "trim_tail"]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@lru_cache(maxsize=1)
def config() -> dict:
    """``data/clean/html_extract.toml``, read once."""
    text = resources.files("forewarn.data.clean").joinpath("html_extract.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def decide() -> dict[str, float]:
    """The thresholds (``[decide]``)."""
    return {k: float(v) for k, v in config().get("decide", {}).items()}


def drop_repeats(blocks: list[Block], kept: list[int], reasons: dict[int, str]) -> list[int]:
    """A run of blocks the container already holds word for word is a copy: a page that
    renders its story once per screen size (hidden variants). A lone repeated paragraph (a
    recurring note, a refrain) stays; a run of at least two copies holding enough text goes."""
    floor = decide()["repeat_min_chars"]
    seen: set[str] = set()
    out: list[int] = []
    run: list[int] = []

    def close() -> None:
        if len(run) >= 2 and sum(len(blocks[k].text) for k in run) >= floor:
            for k in run:
                reasons[k] = "repeated"
        else:
            out.extend(run)
        run.clear()

    for k in kept:
        text = blocks[k].text
        if text in seen:
            run.append(k)
            continue
        if run:
            close()
        seen.add(text)
        out.append(k)
    close()
    out.sort()
    return out


#: How far above a block its card may be (the card, its title and teaser nest a few levels).
_CARD_DEPTH = 4
_CARD_RUN = 3


def drop_cards(blocks: list[Block], kept: list[int], prose_flags: list[bool],
                parents: list[int], sigs: list[str], container: int, inside: list[int],
                reasons: dict[int, str]) -> list[int]:
    """Teaser cards after the story: a run of sibling elements with the same tag and class,
    each holding a link-dominated block (the teaser's title), placed after the story's last
    paragraph that is not in such a card ("related posts", "more stories"). A listicle's
    items share the structure but carry the story itself, so only cards past the story's
    own last paragraph go; a page of cards only keeps them all. A title that is a question is
    a FAQ's entry, not a teaser."""
    n = len(parents)
    titled = [False] * n
    for b in blocks:  # a linked title; one that is a question heads a FAQ's entry
        if inside[b.node] and b.links * 2 > len(b.text) and not b.text.endswith("?"):
            titled[b.node] = True
    for i in range(n - 1, container, -1):  # children come after parents: carry marks upward
        if titled[i]:
            titled[parents[i]] = True
    runs: dict[tuple[int, str], int] = {}
    for i in range(container + 1, n):
        if titled[i]:
            key = (parents[i], sigs[i])
            runs[key] = runs.get(key, 0) + 1

    def card_of(node: int) -> int:
        for _ in range(_CARD_DEPTH):
            if node <= container:
                return 0
            if titled[node] and runs.get((parents[node], sigs[node]), 0) >= _CARD_RUN:
                return node
            node = parents[node]
        return 0

    card = {k: card_of(blocks[k].node) for k in kept}
    prose_in: dict[int, int] = {}
    for k, c in card.items():
        if c and prose_flags[k]:
            prose_in[c] = prose_in.get(c, 0) + len(blocks[k].text)
    limit = decide()["teaser_max_chars"]
    # a teaser: a card whose prose is one short excerpt at most
    carded = {k: bool(c) and prose_in.get(c, 0) <= limit for k, c in card.items()}
    last = next((k for k in reversed(kept) if prose_flags[k] and not carded[k]), None)
    if last is None:
        return kept
    story = sum(len(blocks[k].text) for k in kept if prose_flags[k] and not carded[k])
    cut = sum(len(blocks[k].text) for k in kept if k > last and carded[k])
    if cut > decide()["teaser_max_ratio"] * story:  # a page of cards, not a story's tail
        return kept
    out = []
    for k in kept:
        if k > last and carded[k]:
            reasons[k] = "teaser-after-story"
        else:
            out.append(k)
    return out


def trim_tail(blocks: list[Block], kept: list[int], prose_flags: list[bool],
               reasons: dict[int, str]) -> list[int]:
    """Past the story's last paragraph of prose, a heading or a block mostly of links is a
    list of further reading ("Related", "More on this"), not the story: leave those out."""
    last = next((k for k in reversed(kept) if prose_flags[k]), None)
    if last is None:
        return kept
    out = []
    for k in kept:
        b = blocks[k]
        if k > last and (b.tag in HEADINGS or b.links * 2 > len(b.text)):
            reasons[k] = "links-after-story" if b.links else "heading-after-story"
        else:
            out.append(k)
    return out


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern | None:
    """A line that is only a date (or a byline label, a reading time): ``dateline`` in the data."""
    words = config().get("dateline", [])
    return re.compile("|".join(f"(?:{w})" for w in words), re.I) if words else None


#: Tags whose short dated lines are data (a table's cells, a list of events), not datelines.
_DATA_TAGS = frozenset({"td", "th", "li", "dd", "dt"})


def drop_datelines(blocks: list[Block], kept: list[int], prose_flags: list[bool],
                    reasons: dict[int, str]) -> list[int]:
    """Above the story's first paragraph and below its last, a line that is only a date ("June
    3, 2025", "Updated on …"), a reading time or a byline label is not story text."""
    pattern = _dateline()
    prose = [k for k in kept if prose_flags[k]]
    if pattern is None or not prose:
        return kept
    first, last = prose[0], prose[-1]
    limit = int(decide()["dateline_max_chars"])
    out = []
    for k in kept:
        b = blocks[k]
        if ((k < first or k > last) and len(b.text) <= limit and b.tag not in _DATA_TAGS
                and pattern.fullmatch(b.text)):
            reasons[k] = "dateline"
        else:
            out.append(k)
    return out


@lru_cache(maxsize=1)
def section_end() -> re.Pattern | None:
    """Headings that open a part of the page after the story (``section_end`` in the data)."""
    words = config().get("section_end", [])
    if not words:
        return None
    return re.compile(r"(?:" + "|".join(words) + r")[\s:.!?…]*", re.I)


def cut_sections(blocks: list[Block], kept: list[int], prose_flags: list[bool],
                  reasons: dict[int, str]) -> list[int]:
    """A heading that opens what follows a story ("Related stories", "Read this next",
    "3 comments", "About the author") starts a part that is not the story: it and the kept
    blocks after it go, when the story before it holds more prose than what follows. The story
    takes over again at its own next heading, or where paragraphs of plain prose follow one
    another again (a box of links inside a story, the story going on after it)."""
    pattern = section_end()
    if pattern is None:
        return kept
    cues = decide()
    limit, share = int(cues["section_head_max_chars"]), cues["section_tail_max_ratio"]
    plain = int(cues["section_resume_chars"])
    total = sum(len(blocks[k].text) for k in kept if prose_flags[k])

    def is_plain(k: int) -> bool:  # a paragraph of the story's own: long, without links
        return prose_flags[k] and not blocks[k].links and len(blocks[k].text) >= plain

    before = 0
    cutting = False
    out = []
    for i, k in enumerate(kept):
        b = blocks[k]
        if prose_flags[k]:
            if cutting and is_plain(k) and i + 1 < len(kept) and is_plain(kept[i + 1]):
                cutting = False
            if not cutting:
                before += len(b.text)
        elif (len(b.text) <= limit and b.tag not in _DATA_TAGS
              and (b.tag in HEADINGS or b.links * 2 <= len(b.text)) and pattern.fullmatch(b.text)):
            if cutting or (before and total - before <= share * before):
                cutting = True
        elif cutting and b.tag in HEADINGS:
            cutting = False  # the story's own next section
        if cutting:
            reasons[k] = "section-after-story"
        else:
            out.append(k)
    return out


@lru_cache(maxsize=1)
def _end_notes() -> re.Pattern | None:
    """Openings of the notes that close a page after its story (``end_notes`` in the data)."""
    words = config().get("end_notes", [])
    return re.compile("|".join(f"(?:{w})" for w in words)) if words else None


def drop_end_notes(blocks: list[Block], kept: list[int], prose_flags: list[bool],
                    reasons: dict[int, str]) -> list[int]:
    """Among the last few kept blocks, one that opens a note about the story rather than the
    story (the author's bio: "Jane Doe is a freelance writer …"; a credit: "This story was
    produced by …"; a disclaimer) ends the story: it and what follows go, when that is short."""
    pattern = _end_notes()
    if pattern is None or not kept:
        return kept
    cues = decide()
    reach, most = int(cues["end_note_blocks"]), cues["end_note_max_chars"]
    total = sum(len(blocks[k].text) for k in kept if prose_flags[k])
    after = 0
    cut = None
    for i in range(len(kept) - 1, max(len(kept) - 1 - reach, -1), -1):
        text = blocks[kept[i]].text
        after += len(text)
        if after > most:
            break
        if pattern.match(text):
            cut = i
    if cut is None or after * 3 > total:
        return kept
    for k in kept[cut:]:
        reasons[k] = "note-after-story"
    return kept[:cut]
