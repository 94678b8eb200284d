"""Plain-text title choice: the headline just before the story, not a menu item above it.

Of the headline-shaped lines (a few words, no sentence end, a capital or a number first) at most
TITLE_WINDOW lines before the first story line, the one with the best score in its place: a
headline has several words, stands close before the story, is followed by story metadata (a
byline, a date) and is often shown twice on the page; a menu item is short, often in capitals and
far from the story; a standfirst stands right under its headline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .text_lines import BAD, GOOD, Lines

if TYPE_CHECKING:
    from .text_evidence import _Line

__all__ = ["find_title", "headline_like"]

#: The title must be at most this many lines before the first good line.
TITLE_WINDOW = 20
#: Title candidates score TITLE_WORD_WEIGHT per word up to TITLE_FULL_WORDS, lose TITLE_DISTANCE
#: per undecided line between them and the story and TITLE_CAPS when in capitals, and gain
#: TITLE_REPEAT when shown twice on the page and TITLE_META when a date or byline follows.
TITLE_WORD_WEIGHT = 0.5
TITLE_FULL_WORDS = 12
TITLE_DISTANCE = 1.0
TITLE_CAPS = 2.0
TITLE_REPEAT = 2.0
TITLE_META = 2.0
TITLE_OTHER = 0.5
#: ... and lose TITLE_DECK right under another headline-shaped line (a standfirst under its title).
TITLE_DECK = 2.0
_META = frozenset({"date", "metadata", "share", "byline"})
_BYLINE = ("by ", "written by", "posted ", "published ", "updated ", "last updated")
_BYLINE_WORDS = frozenset({"by", "posted", "published", "updated", "last updated"})
#: A dotted initialism closing a line ("… in the U.S.", "… Ph.D."): its last dot ends no sentence.
_INITIALISM_END = re.compile(r"(?:^|\s)(?:[A-Za-z]{1,2}\.){2,}$")


def headline_like(line: _Line) -> bool:
    """Headline-shaped: 3 to 30 words, no sentence end (the dots of a closing "U.S." are none),
    opening with a capital or a number ("10 Tips for …"); a line whose only fault is its shape
    (few stopwords) qualifies."""
    t = line.text
    return (3 <= line.words <= 30 and 15 <= len(t) <= 250
            and (not t.endswith((".", ",", ":", ";")) or _INITIALISM_END.search(t) is not None)
            and (any(c.isupper() for c in t[:3])
                 or t[0].isdigit() and any(c.isupper() for c in t[:6]))
            and not (line.cls == BAD and line.reason))


def find_title(lines: list[_Line], src: Lines | None = None) -> int | None:
    """The headline: of the headline-shaped lines at most TITLE_WINDOW lines before the first
    story line, the one with the best :func:`_title_score` (a page without story lines: the
    first headline-shaped line)."""
    n = len(lines)
    first_good = next((i for i, ln in enumerate(lines) if ln.cls == GOOD), n)
    if first_good == n:
        return next((i for i, ln in enumerate(lines) if ln.cls != BAD and headline_like(ln)), None)
    lo = max(0, first_good - TITLE_WINDOW)
    window = lines[lo:first_good]
    shaped = [headline_like(ln) for ln in window]
    if not any(shaped):
        return None
    block = src.block[:src.starts[first_good]] if src is not None else ""  # (before the story)
    # what lies between a candidate and the story: each undecided line costs, a headline-shaped
    # one (a competitor) the most; lines with a verdict (a byline, a date, buttons) nothing,
    # one; a copy of the line above (a headline shown twice) neither costs nor is a standfirst
    gaps = [0.0 if ln.cls == BAD and ln.reason else 1.0 if hl else TITLE_OTHER
            for ln, hl in zip(window, shaped)]
    for k in range(1, len(window)):
        if window[k].key == window[k - 1].key:
            gaps[k] = 0.0
    best, best_score, after = None, float("-inf"), 0.0
    for k in range(len(window) - 1, -1, -1):
        if shaped[k]:
            above = window[k - 1] if k else (lines[lo - 1] if lo else None)
            above_shaped = (shaped[k - 1] if k else above is not None and headline_like(above)) \
                and above.key != window[k].key
            score = _title_score(lines, lo + k, first_good, block, after,
                                 above.words if above_shaped else None)
            if score >= best_score:  # (from the story up: the earlier line wins a tie)
                best, best_score = lo + k, score
        after += gaps[k]
    return best


def _title_score(lines: list[_Line], i: int, first_good: int, block: str, between: float,
                 above: int | None) -> float:
    """How headline-like line ``i`` is in its place: a headline has several words, stands close
    before the story (``between``: the undecided lines between, weighed), is followed by story
    metadata (a byline, a date), and is often shown twice (a breadcrumb, a repeated heading);
    a menu item is short, often in capitals, and far from the story; a standfirst stands right
    under a headline-shaped line of ``above`` words."""
    ln = lines[i]
    words = min(ln.words, TITLE_FULL_WORDS)
    score = words * TITLE_WORD_WEIGHT - TITLE_DISTANCE * between
    if ln.text.isupper():
        score -= TITLE_CAPS
    if above is not None:  # a standfirst: no more words than its headline, and a penalty
        score -= TITLE_DECK + max(0, words - above) * TITLE_WORD_WEIGHT
    if TITLE_REPEAT and block and len(ln.plain) >= 12 and block.count(ln.plain) > 1:
        score += TITLE_REPEAT
    if i + 1 < first_good:
        nxt = lines[i + 1]
        if nxt.end or nxt.cls == BAD and nxt.reason in _META or nxt.plain.startswith(_BYLINE) \
                or nxt.plain in _BYLINE_WORDS:
            score += TITLE_META
    return score
