"""Plain-text scrape cleaning: one candidate paragraph a line → title, body, removed spans.

The cleaner classifies lines, it does not parse sentences, so it is plain Python and fast
(thousands of pages a second). Steps:

1. split the input into lines and split lines glued at a missing sentence boundary
   ("…all the difference.Vladimir Putin has thanked…");
2. give every line a verdict from its own evidence: a learned boilerplate line, a cue from
   ``data/clean/boilerplate.toml`` (donation appeals, comment prompts, menus…), publisher
   self-reference, or its shape (length, stopword density, end punctuation);
3. pick the title (the first headline-shaped line before the story) and keep the lede after it;
4. let boilerplate blocks absorb the weakly marked lines inside them (appeals come in runs), then
   find the story: the stretch of lines with the highest content score (story words count for it,
   menu items and cue lines against it). Lines inside it without a verdict of their own
   (subheadings, list items) are kept; lines outside it are dropped, each with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from forewarn.models import RemovedSpan

from .result import Cleaned
from .rules import Rules, default_rules

__all__ = ["clean_text", "line_key", "split_glued"]

# --------------------------------------------------------------------------------------------
# Normalisation

_DIGITS = re.compile(r"\d+")
_PLAIN = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
                        "\u00a0": " ", "\u200b": "", "\ufeff": ""})


def _plain(line: str) -> str:
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line).translate(_PLAIN)
    return " ".join(line.lower().split())


def line_key(line: str) -> str:
    """The normalised key of a line: NFKC, lowercase, plain quotes, whitespace collapsed,
    every run of digits masked as ``#`` ("Comments 711" and "Comments 12" share a key)."""
    return _DIGITS.sub("#", _plain(line))


# --------------------------------------------------------------------------------------------
# Glued lines

#: A sentence end glued to the next sentence: punctuation, quotes or brackets (closing this
#: sentence or opening the next), then an uppercase letter that starts a word (followed by a
#: lowercase letter, or a one-letter word such as "I" or "A").
_GLUE = re.compile(r"(?<=\S)([.!?]+)([\"'”’)\]]*)(?=[A-Z](?:[a-z]|\s))")
_ABBREV = frozenset("""
mr mrs ms mx dr prof st jr sr sen rep gov gen lt col capt cpt sgt maj adm cmdr rev hon pres supt
insp det no nos vs etc inc ltd co corp plc llc bros dept est approx fig figs vol vols ed eds pp
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
mt ft ave blvd rd hwy univ assn govt intl natl
""".split())
_DOMAIN_AFTER = re.compile(r"(?:com|org|net|gov|edu|co|io|uk|de|fr|ru|info|biz)\b", re.I)


def _is_abbreviation(token: str) -> bool:
    word = token.strip("\"'“‘([").rstrip(".")
    if not word:
        return True
    low = word.lower()
    if low in _ABBREV:
        return True
    # dotted initialisms and short forms: U.S, e.g, i.e, a.m, Ph.D, U.K
    if re.fullmatch(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}", word):
        return True
    return len(word) == 1  # a single initial: "J.Smith"


def split_glued(line: str) -> list[str]:
    """Split a line at sentence ends glued to the next sentence without a space.

    Abbreviations ("U.S.", "Mr.", "e.g."), decimals ("3.5"), URLs and domain names are not split.
    Returns ``[line]`` when there is nothing to split.
    """
    if "." not in line and "!" not in line and "?" not in line:
        return [line]
    pieces: list[str] = []
    start = 0
    for m in _GLUE.finditer(line):
        cut = m.end(1)
        for ch in m.group(2):  # closing quotes and brackets stay with the sentence they close
            if ch in "”’)]" or ch == '"' and line.count('"', start, cut) % 2 == 1:
                cut += 1
            else:
                break
        tok_start = max(line.rfind(" ", 0, m.start()), line.rfind("\t", 0, m.start())) + 1
        tok_end = line.find(" ", cut)
        token = line[tok_start: tok_end if tok_end != -1 else len(line)]
        left = line[tok_start:m.start()]
        if not left or "://" in token or "www." in token.lower() or "@" in token:
            continue
        if m.group(1).startswith(".") and (_is_abbreviation(left) or _DOMAIN_AFTER.match(line, m.end(1))):
            continue
        if not any(c.isalpha() for c in left):
            continue
        pieces.append(line[start:cut].strip())
        start = cut
    if not pieces:
        return [line]
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


# --------------------------------------------------------------------------------------------
# Line evidence

#: English function words, for the prose test (stopword density). Written for forewarn.
_STOP = frozenset("""
a about above after again against all also although am an and any are around as at be because
been before being below between both but by can could did do does doing down during each either
even ever every few for from further had has have having he her here hers herself him himself his
how however i if in into is it its itself just least less like many may me might more most much
must my myself neither no nor not now of off on once one only or other our ours ourselves out over
own per rather same several she should since so some such than that the their theirs them
themselves then there these they this those though through thus to too under until up upon us
very was we were what whatever when where whether which while who whom whose why will with within
without would yet you your yours yourself yourselves said says say told according
""".split())

_SECOND = frozenset("you your yours yourself you're you've you'll you'd".split())
_FIRST_PLURAL = frozenset("we our ours us ourselves we're we've we'll we'd".split())
#: Words a publisher uses about its own work (for the self-reference test).
_MEDIA = re.compile(
    r"\b(?:journalism|journalists?|reporters?|reporting|newsroom|editors?|readers?|the story"
    r"|our (?:coverage|stories|articles|work|mission|site|website|newsletter|documentar(?:y|ies))"
    r"|news outlets?|paywalls?|on the ground|subscribers?|independent)\b")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_QUOTED = re.compile(r"\"[^\"]*\"|«[^»]*»")
_SENT_END = re.compile(r"[.!?…][\"')\]]*$")

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"
#: Reasons whose blocks absorb weakly marked neighbours (appeals come in runs of lines).
_APPEALS = frozenset({"donation-appeal", "comment-prompt", "newsletter", "subscription", "cookie",
                      "publisher-self-reference"})
# The numbers below were calibrated together on WCXB-dev article pages flattened to text
# (bench/clean_text_wcxb.py): body F1 0.875 with jusText-like neighbour rules ("jt"), 0.904 with
# the best-scoring region ("region").
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
HARD_PENALTY = 10
SHORT_PENALTY = 6
LIST_FACTOR = 0.5
NEAR_WEIGHT = 0.5
BAD_WEIGHT = 0.3
#: Keep good lines outside the best region too (costs precision: comments, teasers).
KEEP_GOOD_OUTSIDE = False
#: ("jt" mode) a line is kept when good lines on both sides are at most this many lines apart.
GAP_LINES = 8
#: A line longer than this needs two different cues of one kind to be dropped by its cues.
LONG_CUE_WORDS = 40
#: Self-reference: "we/our" twice and at least this many words about journalism.
SELF_MEDIA = 2
#: The title must be at most this many lines before the first good line.
TITLE_WINDOW = 10


@dataclass(slots=True)
class _Line:
    text: str
    plain: str  # lowercase, plain quotes, collapsed spaces
    key: str
    words: int
    stop: float
    ends: bool  # ends with sentence punctuation
    you: int  # second-person words outside quotation marks
    we: int  # first-person-plural words outside quotation marks
    media: int
    glued: bool
    wordlist: list[str]
    cls: str = ""
    reason: str = ""
    cue_weak: bool = False
    lede: bool = False


def _features(text: str, glued: bool) -> _Line:
    plain = _plain(text)
    words = _WORD.findall(plain)
    n = len(words)
    stop = sum(map(_STOP.__contains__, words)) / n if n else 0.0
    if '"' in plain or "«" in plain:
        outside = _QUOTED.sub(" ", plain)
        if outside.startswith('"') and outside.count('"') == 1:  # a quote over paragraphs
            outside = ""
        ow = _WORD.findall(outside)
    else:
        outside, ow = plain, words
    you = sum(map(_SECOND.__contains__, ow))
    we = sum(map(_FIRST_PLURAL.__contains__, ow))
    return _Line(
        text=text, plain=plain, key=_DIGITS.sub("#", plain) if any(map(str.isdigit, plain)) else plain,
        words=n, stop=stop, ends=bool(_SENT_END.search(plain)), you=you, we=we,
        media=len(_MEDIA.findall(outside)) if you or we else 0, glued=glued, wordlist=words,
    )


def _cue_reason(line: _Line, rules: Rules) -> tuple[str, bool]:
    """The boilerplate reason a line's cues give, and whether the evidence is only weak."""
    short = line.words <= rules.short_words
    plain = line.plain
    if short and rules.whole is not None:
        m = rules.whole.match(plain)
        if m:
            return rules.reason_of(m.lastgroup), False
    if rules.cue is None or not rules.may_cue({w[:4] for w in line.wordlist}, plain):
        return "", True
    hits: dict[str, set[str]] = {}
    for m in rules.cue.finditer(plain):
        hits.setdefault(m.lastgroup, set()).add(m.group(0))
    if not hits:
        return "", True
    for group in sorted(hits, key=lambda g: int(g[1:])):  # file order decides between reasons
        if short or len(hits[group]) >= 2 or line.words <= LONG_CUE_WORDS and line.you + line.we >= 1:
            return rules.reason_of(group), False
    return rules.reason_of(min(hits, key=lambda g: int(g[1:]))), True


_SEP = re.compile(r"\s*[|•·»›>/]\s*|\s+-\s+")


def _menu_like(line: _Line) -> bool:
    """A run of menu items or a breadcrumb: "Home > World > Europe", "News | Sport | Weather"."""
    if line.ends or not any(c in line.text for c in "|•·»›>/-"):
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


def _headline_like(line: _Line) -> bool:
    t = line.text
    return (3 <= line.words <= 30 and 15 <= len(t) <= 250 and not t.endswith((".", ",", ":", ";"))
            and any(c.isupper() for c in t[:3]) and not line.cls == BAD)


# --------------------------------------------------------------------------------------------


def _candidates(text: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        pieces = split_glued(line)
        glued = len(pieces) > 1
        out.extend((p, glued) for p in pieces)
    return out


def _find_title(lines: list[_Line]) -> int | None:
    """The first headline-shaped line before the story that has story close after it."""
    first_good = next((i for i, ln in enumerate(lines) if ln.cls == GOOD), len(lines))
    for i in range(min(first_good, len(lines))):
        ln = lines[i]
        if ln.cls == BAD or not _headline_like(ln):
            continue
        if first_good - i <= TITLE_WINDOW or first_good == len(lines):
            return i
    return None


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
    for i in range(start, len(lines)):
        if run <= 0:
            run, lo = 0.0, i
        run += _score(lines[i])
        if run > best:
            best, best_lo, best_hi = run, lo, i
    for i, ln in enumerate(lines):
        if i == title_idx or not _open(ln):
            continue
        if best_lo <= i <= best_hi or ln.lede or ln.cls == GOOD and KEEP_GOOD_OUTSIDE:
            ln.cls = GOOD
        else:
            ln.cls, ln.reason = BAD, ln.reason or (
                "short-fragment" if ln.cls == SHORT else "low-content")


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
    cands = _candidates(text or "")
    lines = [_features(t, g) for t, g in cands]
    keys = [ln.key for ln in lines]
    total_words = sum(ln.words for ln in lines)
    english = total_words > 0 and sum(ln.stop * ln.words for ln in lines) / total_words >= 0.12

    # 1. evidence from the line itself
    for ln, key in zip(lines, keys):
        if key in known_boilerplate:
            ln.cls, ln.reason = BAD, "known-boilerplate"
            continue
        reason, weak = _cue_reason(ln, rules)
        if reason and not weak:
            ln.cls, ln.reason = BAD, reason
            continue
        if _menu_like(ln):
            ln.cls, ln.reason = BAD, "navigation"
            continue
        if _self_reference(ln, site):
            ln.cls, ln.reason = BAD, "publisher-self-reference"
            continue
        ln.cue_weak = bool(reason)
        ln.reason = reason
        ln.cls = _shape_class(ln, english)

    # 2. boilerplate blocks absorb weakly marked lines inside or at their edge
    changed = True
    while changed:
        changed = False
        for i, ln in enumerate(lines):
            if ln.cls == BAD and ln.reason not in ("", "low-content"):
                continue
            if not (ln.cue_weak or ln.you + ln.we >= 1):
                continue
            marks = [n.reason for n in (lines[i - 1] if i else None,
                                        lines[i + 1] if i + 1 < len(lines) else None)
                     if n is not None and n.cls == BAD and n.reason in _APPEALS]
            if not marks or ln.cls == GOOD and len(marks) < 2 and not ln.cue_weak:
                continue
            ln.cls, ln.reason = BAD, marks[0]
            changed = True

    # 3. title and lede
    title_idx = _find_title(lines)
    if title_idx is not None:
        for ln in lines[:title_idx]:
            if ln.cls != BAD or not ln.reason:
                ln.cls, ln.reason = BAD, "before-title"
        if title_idx + 1 < len(lines):
            lede = lines[title_idx + 1]
            if lede.cls in (SHORT, NEAR, GOOD) and lede.words >= 6:
                lede.cls, lede.lede = GOOD, True

    # 4. lines without a verdict of their own follow the story around them
    if MODE == "region":
        _settle_by_region(lines, title_idx)
    else:
        _settle_by_neighbours(lines, title_idx)
    for ln in lines:
        if ln.cls == BAD and not ln.reason:
            ln.reason = "low-content"

    # 5. a text with no story line left whose prose lines carry no boilerplate cue is itself the
    #    story (a one-sentence wire item, a short report): keep those lines rather than nothing
    if not any(ln.cls == GOOD for ln in lines):
        for i, ln in enumerate(lines):
            if i != title_idx and ln.reason in ("", "short-fragment", "low-content") and ln.ends and ln.words >= 3:
                ln.cls, ln.reason = GOOD, ""

    # 6. assemble
    kept: list[str] = []
    removed: list[RemovedSpan] = []
    length = 0
    for i, ln in enumerate(lines):
        if i == title_idx:
            continue
        if ln.cls == GOOD:
            length += (2 if kept else 0) + len(ln.text)
            kept.append(ln.text)
        else:
            removed.append(RemovedSpan(text=ln.text, reason=ln.reason, at=length))
    return Cleaned(
        title=lines[title_idx].text if title_idx is not None else None,
        body="\n\n".join(kept), removed=removed, language="en" if english else None,
        kind="text", lines=keys, site=site,
    )
