"""Plain-text scrape cleaning: one candidate paragraph a line → title, body, removed spans.

The cleaner classifies lines, it does not parse sentences, so it is plain Python. Whole-page
passes do what can be done at once (``text_lines``: normalising, glued sentences;
``text_evidence``: word counts, stopword density, personal words; ``text_cues``: the cue rules,
found through literals in one pass). Steps:

1. split the input into lines and split lines glued at a missing sentence boundary
   ("…all the difference.Vladimir Putin has thanked…");
2. give every line a verdict from its own evidence: a learned boilerplate line, a cue from
   ``data/clean/boilerplate.toml`` (donation appeals, comment prompts, menus…), publisher
   self-reference, a picture credit, a date line, or its shape (length, stopword density, end
   punctuation); mark the headings that open what follows a story (``[sections]``: related
   articles, comments, the author's box) and comment stamps;
3. pick the title (``text_title``: the best-placed headline-shaped line before the story) and keep
   the lede after it;
4. let boilerplate blocks absorb the weakly marked lines inside them (appeals come in runs), then
   find the story: the stretch of lines with the highest content score (story words count for it,
   menu items and cue lines against it; once the story has begun, a section heading costs a
   crossing and makes the rest of the page count less). Lines inside it without a verdict of
   their own (subheadings, list items) are kept, and so are long prose lines cut off from it
   between the title and its start; lines outside it are dropped, each with its reason;
5. a long line repeating a kept line above it is dropped.

Once the story has begun, an author's box ("… is a freelance writer who covers …", ``[sections]
bios``) and a run of headline + one-paragraph teaser pairs (a list of other articles) open what
follows the story, like a section heading.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from forewarn.models import RemovedSpan

from .result import Cleaned
from .rules import Rules, default_rules
from .text_cues import matcher_for
from .text_evidence import _Line, page_lines as _page_lines
from .text_lines import BAD, GOOD, NEAR, SHORT, line_key, mask_digits, plain, split_glued, split_lines
from .text_title import find_title

__all__ = ["clean_text", "line_key", "split_glued"]

# --------------------------------------------------------------------------------------------
# Verdicts and their numbers (the line evidence itself: text_evidence)

#: Reasons of short lines that, after the story has begun, open what follows it.
_MARKS = frozenset({"comment-prompt"})
#: Reasons whose blocks absorb weakly marked neighbours (appeals come in runs of lines).
_APPEALS = frozenset({"donation-appeal", "comment-prompt", "newsletter", "subscription", "cookie",
                      "publisher-self-reference"})
# The numbers below were calibrated together on WCXB-dev article pages flattened to text
# (bench/clean_text_wcxb.py): body F1 0.875 with jusText-like neighbour rules ("jt"), 0.904 with
# the best-scoring region ("region"), 0.92 with section headings, dates, captions and repeats
# (checked on three disjoint thirds of the pages, to keep clear of single pages).
#: Shape classes: a line under SHORT_WORDS words is short; a good line has at least GOOD_STOP of
#: its words in the stopword list, a borderline ("near") one at least NEAR_STOP.
SHORT_WORDS = 6
GOOD_STOP = 0.22
NEAR_STOP = 0.12
#: How lines without a verdict of their own are settled: "region" (the stretch of lines with the
#: highest content score) or "jt" (from their good neighbours, jusText-like).
MODE = "region"
#: Region scores: a good line scores its word count, a near one NEAR_WEIGHT of it; a cue line
#: costs at least HARD_PENALTY, a menu-like short line SHORT_PENALTY (a longer or punctuated
#: short line, e.g. a list item, LIST_FACTOR of that), a non-prose line BAD_WEIGHT per word.
HARD_PENALTY = 15
SHORT_PENALTY = 5
LIST_FACTOR = 0.5
NEAR_WEIGHT = 0.3
BAD_WEIGHT = 0.6
#: Keep good lines outside the best region too (costs precision: comments, teasers).
KEEP_GOOD_OUTSIDE = False
#: ("jt" mode) a line is kept when good lines on both sides are at most this many lines apart.
GAP_LINES = 8
#: A line longer than this needs two different cues of one kind to be dropped by its cues.
LONG_CUE_WORDS = 40
#: Self-reference: "we/our" twice and at least this many words about journalism.
SELF_MEDIA = 2
#: A heading that ends the story ([sections] in boilerplate.toml) has at most this many words.
SECTION_WORDS = 40
#: The story has begun once this many story words lie after the title; a section heading after
#: that point (related articles, comments) makes the rest of the page count TAIL_FACTOR as much.
STORY_STARTED = 80
TAIL_FACTOR = 0.5
#: What crossing such a heading costs the region (None: the region never crosses one).
SECTION_PENALTY: float | None = 60
#: After the story has begun, this many headline + teaser pairs in a row open a list of other
#: articles (0: never); a teaser is one paragraph of TEASER_MIN_WORDS to TEASER_WORDS words, its
#: headline at most TEASER_HEAD_WORDS words with no end punctuation.
TEASER_RUN = 4
TEASER_HEAD_WORDS = 16
TEASER_MIN_WORDS = 8
TEASER_WORDS = 45
#: Values of ``_Line.end``: the line opens what follows the story.
SECTION_HEADING = 1
DATE_LINE = 2
#: A date line after the story has begun opens what follows it, like a section heading.
DATES_END = True
#: ... only a date with a time of day (a comment's stamp; a dateline under a story has none).
DATE_TIME_ONLY = True
#: A kept line of at least this many words that repeats a kept line above it is dropped (0: never).
DROP_REPEATS = 8
#: Good lines of at least this many words between the title and the region are kept (0: never).
GOOD_BEFORE = 25
#: A short comment prompt ("Reply", "Report") after the story has begun opens the comments.
COMMENT_MARKS = True

@lru_cache(maxsize=1)
def _sections() -> tuple[re.Pattern[str] | None, ...]:
    """Headings that open a part of the page that is not the story, and date lines
    (``[sections]`` ``end`` and ``dates`` in the packaged ``boilerplate.toml``), each as one
    anchored pattern."""
    data = tomllib.loads(resources.files("forewarn").joinpath("data/clean/boilerplate.toml")
                         .read_bytes().decode("utf-8"))
    sections = data.get("sections") or {}

    def one(pats: list[str]) -> re.Pattern[str] | None:
        return re.compile("(?:" + "|".join(f"(?:{p})" for p in pats) + ")$") if pats else None

    return (one(sections.get("end") or []), one(sections.get("dates") or []),
            one(sections.get("captions") or []), one(sections.get("bios") or []))


def _features(text: str, glued: bool) -> _Line:
    """The evidence of one line on its own (the cleaner computes it page by page)."""
    p = plain(text)
    return _Line(text, p, mask_digits(p), glued)


def _decide(hits: dict[str, set[str]], short: bool, line: _Line, rules: Rules) -> tuple[str, bool]:
    for group in sorted(hits, key=lambda g: int(g[1:])):  # file order decides between reasons
        if short or len(hits[group]) >= 2 or line.words <= LONG_CUE_WORDS and line.you + line.we >= 1:
            return rules.reason_of(group), False
    return rules.reason_of(min(hits, key=lambda g: int(g[1:]))), True


_WORDS = re.compile(r"[a-z]+")


def _cue_hits(plain_line: str, rules: Rules) -> dict[str, set[str]]:
    hits: dict[str, set[str]] = {}
    if rules.cue is not None:
        for m in rules.cue.finditer(plain_line):
            hits.setdefault(m.lastgroup, set()).add(m.group(0))
    return hits


def _cue_reason(line: _Line, rules: Rules) -> tuple[str, bool]:
    """The boilerplate reason a line's cues give, and whether the evidence is only weak."""
    short = line.words <= rules.short_words
    if short and rules.whole is not None:
        m = rules.whole.match(line.plain)
        if m:
            return rules.reason_of(m.lastgroup), False
    if not rules.may_cue({w[:4] for w in _WORDS.findall(line.plain)}, line.plain):
        return "", True  # no word any cue needs: skip the cue regex
    hits = _cue_hits(line.plain, rules)
    if not hits:
        return "", True
    return _decide(hits, short, line, rules)


_MENU_CH = re.compile(r"[|•·»›>/-]")
_SEP = re.compile(r"\s*[|•·»›>/]\s*|\s+-\s+")


def _menu_like(line: _Line) -> bool:
    """A run of menu items or a breadcrumb: "Home > World > Europe", "News | Sport | Weather"."""
    if line.ends or line.words < 3 or _MENU_CH.search(line.text) is None:
        return False
    if "://" in line.text or "www." in line.text:  # the slashes of a web address: not a menu
        return False
    parts = [p for p in _SEP.split(line.text) if p]
    if len(parts) < 3:
        return False
    return sum(len(p.split()) for p in parts) / len(parts) <= 3.0


def _self_reference(line: _Line, site: str | None) -> bool:
    """A publisher talking about itself: "we … our reporting", or the site's name with "we"."""
    if line.words < 5:
        return False
    if site and site.lower() in line.plain and line.we >= 1:
        return True
    return line.we >= 2 and line.media >= SELF_MEDIA


def _shape_class(line: _Line, english: bool) -> str:
    """jusText-style class from the line's shape alone."""
    stop = line.stop if english else (0.3 if line.ends else 0.2)
    if line.words < SHORT_WORDS or len(line.text) < 30:
        return SHORT
    if stop >= GOOD_STOP and (line.ends and line.words >= 10 or line.words >= 25):
        return GOOD
    if stop >= NEAR_STOP or not english and line.words >= 10:
        return NEAR
    return BAD


def _teasers_at(lines: list[_Line], i: int) -> bool:
    """A list of other articles starts at ``i``: TEASER_RUN headline + one-paragraph-teaser pairs
    in a row (a story's subheadings are followed by more than one short paragraph, mostly)."""
    n = len(lines)
    for k in range(TEASER_RUN):
        h, j = i + 2 * k, i + 2 * k + 1
        if j >= n:
            return False
        head, teaser = lines[h], lines[j]
        if head.ends or not 2 <= head.words <= TEASER_HEAD_WORDS or head.text.endswith(":") \
                or not teaser.ends or not TEASER_MIN_WORDS <= teaser.words <= TEASER_WORDS:
            return False
        if j + 1 < n and lines[j + 1].ends and lines[j + 1].words > TEASER_HEAD_WORDS:
            return False  # a second paragraph under the heading: a story section
    return True


def _mark_story_end(lines: list[_Line], title_idx: int, bios: re.Pattern[str] | None) -> None:
    """Once the story has begun, an author's box opens what follows the story, like a section
    heading."""
    seen = 0
    for i in range(title_idx + 1, len(lines)):
        ln = lines[i]
        if seen < STORY_STARTED:
            if ln.cls == GOOD:
                seen += ln.words
            continue
        if ln.end or ln.cls == BAD and ln.reason:
            continue
        if not ln.ends:  # (the cheap part of each test first)
            if TEASER_RUN and ln.words <= TEASER_HEAD_WORDS and i + 1 < len(lines) \
                    and lines[i + 1].ends and _teasers_at(lines, i):
                ln.end = SECTION_HEADING
                break
        elif bios is not None and ln.words >= 8 and (" is " in ln.plain or " was " in ln.plain) \
                and bios.match(ln.plain):
            ln.end, ln.cls, ln.reason = SECTION_HEADING, BAD, "author-bio"


def _open(ln: _Line) -> bool:
    """A line with no verdict of its own yet (not a cue, learnt or title decision)."""
    return ln.cls != BAD or ln.reason in ("", "low-content")


def _settle_by_neighbours(lines: list[_Line], title_idx: int | None) -> None:
    """Kept when good lines lie close on both sides, or a borderline line / subheading touches
    a good line."""
    n = len(lines)
    prev_good = [-1] * n
    last = -1
    for i, ln in enumerate(lines):
        prev_good[i] = last
        if ln.cls == GOOD:
            last = i
    next_good = [n] * n
    last = n
    for i in range(n - 1, -1, -1):
        next_good[i] = last
        if lines[i].cls == GOOD:
            last = i
    for i, ln in enumerate(lines):
        if i == title_idx or ln.cls == GOOD or not _open(ln):
            continue
        p, q = prev_good[i], next_good[i]
        inside = p >= 0 and q < n and q - p - 1 <= GAP_LINES
        near_good = ln.cls == NEAR and (p == i - 1 or q == i + 1)
        heading = ln.cls == SHORT and not ln.cue_weak and ln.words >= 2 and q == i + 1
        if inside or near_good or heading:
            ln.cls = GOOD
        else:
            ln.cls, ln.reason = BAD, ln.reason or (
                "short-fragment" if ln.cls == SHORT else "low-content")


def _score(ln: _Line) -> float:
    if not _open(ln):
        return -max(HARD_PENALTY, ln.words)
    if ln.cls == GOOD:
        return ln.words
    if ln.cls == NEAR:
        return ln.words * NEAR_WEIGHT
    if ln.cls == SHORT:  # menu items (1-3 words) cost more than a list item or a subheading
        return -SHORT_PENALTY if ln.words <= 3 and not ln.ends else -SHORT_PENALTY * LIST_FACTOR
    return -ln.words * BAD_WEIGHT


def _settle_by_region(lines: list[_Line], title_idx: int | None) -> None:
    """Find the stretch of lines with the highest total content score (most story words, least
    boilerplate); keep every line inside it that has no verdict of its own, and good lines
    outside it."""
    start = (title_idx + 1) if title_idx is not None else 0
    if start < len(lines) and lines[start].lede:
        start += 1
    best, best_lo, best_hi = 0.0, start, start - 1
    run, lo = 0.0, start
    seen, factor = 0.0, 1.0
    for i in range(start, len(lines)):
        ln = lines[i]
        if ln.end == DATE_LINE and seen < STORY_STARTED:
            score = _score(ln)
        elif ln.end == DATE_LINE and not DATES_END:
            score = _score(ln)
        elif ln.end:
            # a heading that opens a list of other articles or the comments: what follows is
            # not the story once the story has begun (a weaker claim to the region)
            if seen >= STORY_STARTED:
                factor = TAIL_FACTOR
            if SECTION_PENALTY is None:
                run, lo = 0.0, i + 1
                continue
            score = -SECTION_PENALTY
        else:
            cls = ln.cls  # (_score, inlined: this loop runs over every line of the page)
            if cls == GOOD:
                score = ln.words
            elif cls == NEAR:
                score = ln.words * NEAR_WEIGHT
            else:
                score = _score(ln)
            if score > 0:
                seen += score
                score *= factor
        if run <= 0:
            run, lo = 0.0, i
        run += score
        if run > best:
            best, best_lo, best_hi = run, lo, i
    # story paragraphs between the title and the region, cut off from it by an advert or a
    # box, still belong to the story (unless a section heading stands between)
    early = set()
    if GOOD_BEFORE and title_idx is not None:
        for i in range(best_lo - 1, start - 1, -1):
            ln = lines[i]
            if ln.end == SECTION_HEADING:
                break
            if ln.cls == GOOD and ln.words >= GOOD_BEFORE and _open(ln):
                early.add(i)
    for i, ln in enumerate(lines):
        cls = ln.cls
        if i == title_idx or cls == BAD and ln.reason not in ("", "low-content"):  # (not _open)
            continue
        if best_lo <= i <= best_hi or ln.lede or i in early or cls == GOOD and KEEP_GOOD_OUTSIDE:
            ln.cls = GOOD
        else:
            ln.cls, ln.reason = BAD, ln.reason or (
                "short-fragment" if cls == SHORT else "low-content")


def clean_text(text: str, *, known_boilerplate: set[str] | frozenset[str] = frozenset(),
               site: str | None = None, rules: Rules | None = None) -> Cleaned:
    """Clean a plain-text scrape (one paragraph a line) into title, body and removed spans.

    ``known_boilerplate`` holds :func:`line_key` values of lines learnt to recur across a site's
    pages; such lines are dropped with reason ``known-boilerplate``. ``site`` (a publisher name)
    sharpens the self-reference test. Never raises on any ``str`` input.
    """
    rules = rules or default_rules()
    cleaned = _clean_text(text, known_boilerplate, site, rules)
    if known_boilerplate and not cleaned.body:
        # Learned lines remove what recurs around a story, never the whole story: a page made
        # only of "known" lines is a template story or a copy, judged on its own evidence.
        cleaned = _clean_text(text, frozenset(), site, rules)
    return cleaned


def _clean_text(text: str, known_boilerplate: set[str] | frozenset[str], site: str | None,
                rules: Rules) -> Cleaned:
    src = split_lines(text or "")
    keys = mask_digits(src.block).split("\n") if src.plains else []
    lines, english = _page_lines(src, keys, SHORT_WORDS)

    # 1. evidence from the line itself
    matcher = matcher_for(rules)
    limit = rules.short_words
    short = [ln.words <= limit for ln in lines]
    whole = matcher.whole_hits(src, short)
    cue_hits = matcher.hits(src)
    reason_of = rules.reason_of
    ends, dates, captions, bios = _sections()
    menu_ch = _MENU_CH.search
    for i, ln in enumerate(lines):  # (one pass: the line's own verdict, then its section role)
        w, p = ln.words, ln.plain
        if known_boilerplate and ln.key in known_boilerplate:
            cls = ln.cls = BAD
            ln.reason = "known-boilerplate"
        elif (group := whole.get(i)) is not None:
            cls = ln.cls = BAD
            ln.reason = reason_of(group)
        else:
            hits = cue_hits.get(i)
            reason, weak = _decide(hits, short[i], ln, rules) if hits else ("", True)
            if reason and not weak:
                cls = ln.cls = BAD
                ln.reason = reason
            elif not ln.ends and w >= 3 and menu_ch(ln.text) is not None and _menu_like(ln):
                cls = ln.cls = BAD  # (the cheap parts of the menu test first)
                ln.reason = "navigation"
            elif ln.we and _self_reference(ln, site):
                cls = ln.cls = BAD
                ln.reason = "publisher-self-reference"
            else:
                if reason:  # (a new line has no reason and is not weak yet)
                    ln.cue_weak, ln.reason = True, reason
                cls = ln.cls = SHORT if w < SHORT_WORDS else _shape_class(ln, english)
        if w > SECTION_WORDS:
            continue
        if captions is not None and cls != BAD and ": " in p and captions.match(p):
            ln.cls, ln.reason = BAD, "caption"
            continue
        if dates is not None and w <= 8 and (ln.key != p or " ago" in p) and dates.match(p):
            ln.end = DATE_LINE if ":" in p or " ago" in p or not DATE_TIME_ONLY else 0
            if cls != BAD:
                ln.cls, ln.reason = BAD, "date"
        elif COMMENT_MARKS and w <= 4 and ln.reason in _MARKS:
            ln.end = DATE_LINE
        elif ends is not None and not ln.ends and (w <= 12 or ln.key[:1] == "#") and ends.match(p):
            ln.end = SECTION_HEADING
            if cls != BAD:
                ln.cls, ln.reason = BAD, "section-heading"

    # 2. boilerplate blocks absorb weakly marked lines inside or at their edge
    weak = [i for i, ln in enumerate(lines) if ln.cue_weak or ln.you or ln.we]
    changed = bool(weak)
    while changed:
        changed = False
        for i in weak:
            ln = lines[i]
            if ln.cls == BAD and ln.reason not in ("", "low-content"):
                continue
            marks = [n.reason for n in (lines[i - 1] if i else None,
                                        lines[i + 1] if i + 1 < len(lines) else None)
                     if n is not None and n.cls == BAD and n.reason in _APPEALS]
            if not marks or ln.cls == GOOD and len(marks) < 2 and not ln.cue_weak:
                continue
            ln.cls, ln.reason = BAD, marks[0]
            changed = True

    # 3. title and lede
    title_idx = find_title(lines, src)
    if title_idx is not None:
        _mark_story_end(lines, title_idx, bios)
    if title_idx is not None:
        for ln in lines[:title_idx]:
            if ln.cls != BAD or not ln.reason:
                ln.cls, ln.reason = BAD, "before-title"
        if title_idx + 1 < len(lines):
            lede = lines[title_idx + 1]
            if lede.cls in (SHORT, NEAR, GOOD) and lede.words >= 6:
                lede.cls, lede.lede = GOOD, True

    title = lines[title_idx] if title_idx is not None else None

    # 4. lines without a verdict of their own follow the story around them
    if MODE == "region":
        _settle_by_region(lines, title_idx)
    else:
        _settle_by_neighbours(lines, title_idx)

    # 5. a text with no story line left whose prose lines carry no boilerplate cue is itself the
    #    story (a one-sentence wire item, a short report): keep those lines rather than nothing
    if not any(ln.cls == GOOD for ln in lines):
        for i, ln in enumerate(lines):
            if i != title_idx and ln.reason in ("", "short-fragment", "low-content") and ln.ends and ln.words >= 3:
                ln.cls, ln.reason = GOOD, ""

    # 6. a line repeated on the page (a table of contents, a heading shown twice, a teaser of
    #    the story itself) is kept once
    if DROP_REPEATS:
        seen: set[str] = set()
        for ln in lines:
            if ln.cls != GOOD:
                continue
            if ln.key in seen and ln.words >= DROP_REPEATS:
                ln.cls, ln.reason = BAD, "repeated"
            seen.add(ln.key)

    # 7. assemble (a line without a reason yet is dropped as low-content)
    kept: list[str] = []
    removed: list[RemovedSpan] = []
    keep, drop, length = kept.append, removed.append, -2
    for ln in lines:
        if ln is title:
            continue
        if ln.cls == GOOD:
            length += 2 + len(ln.text)
            keep(ln.text)
        else:
            drop(RemovedSpan(ln.text, ln.reason or "low-content", length if length > 0 else 0))
    return Cleaned(
        title=title.text if title is not None else None,
        body="\n\n".join(kept), removed=removed, language="en" if english else None,
        kind="text", lines=keys, site=site,
    )
