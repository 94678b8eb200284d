"""Rules for :mod:`forewarn.resolve.timeref` beyond plain dates: the ``*_REF`` values, quarters
and halves, decades and centuries, spelled-out years and anaphoric expressions ("the following
year", "a year earlier", "that day") resolved against an anchor (the last date the document
resolved) or, without one, the publication date.

Anaphora keeps what is known: "that same day" after "last October" is that October, "until
then" the date just named, a bare "last"/"next" after "this year" the year before/after. A
definite "the quarter" / "the period" is the quarter a report is about: the anchor when it is
the last one ended or the current one, else the last one ended (an older quarter named in
passing does not displace it); a year-back comparison with a quarter still to come (a forecast)
compares the last one ended. Word lists live in ``data/time_words.toml``.

Every rule takes *cleaned* text (lower case, leading prepositions and hedges removed, see
``timeref._clean``) and returns ``(value, granularity)`` or None.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

from . import timeref_calendar as cal
from ._toml import as_list, read_toml

NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "several": None, "few": None, "a few": None, "some": None, "many": None}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
UNITS = ("day", "week", "month", "quarter", "year", "decade")


def _time_words() -> tuple[str, dict]:
    path = resources.files("forewarn") / "data" / "time_words.toml"
    return str(path), read_toml(str(path))[0]


def _words(path: str, data: dict, table: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in as_list(data.get(table, {}).get(key), path, None, f"{table}.{key}"))


_PATH, _DATA = _time_words()
#: The date just named: "until then", "by then" (``data/time_words.toml``, as the lists below).
_THEN = _words(_PATH, _DATA, "anaphora", "then")
#: A unit left out after a date of that unit, and the shift: "this year and next".
_ELLIPTIC = {k.lower(): int(v) for k, v in _DATA.get("anaphora", {}).get("elliptic", {}).items()}
#: Words between a shift and "year" that do not change the year ("last fiscal year").
YEAR_KINDS = _words(_PATH, _DATA, "years", "kinds")
#: The last year ended by publication: "the latest fiscal year".
LATEST_YEAR = _words(_PATH, _DATA, "years", "latest")
#: Between an ordinal and "day" in "the third straight day".
RUNNING_DAY_QUALIFIERS = _words(_PATH, _DATA, "running_day", "qualifiers")

# ---- the *_REF values -------------------------------------------------------------------------
_PRESENT = {"now", "right now", "just now", "currently", "current", "presently", "present", "these days",
            "nowadays", "today's", "yet", "already", "time being", "moment", "this moment", "this time",
            "this point", "this stage", "this juncture", "the moment", "so far", "to date", "as yet"}
_PAST = {"recently", "recent", "past", "previously", "formerly", "lately", "once", "earlier", "before",
         "time", "then current", "long ago", "a while ago", "some time ago", "in the past", "historically",
         "years ago", "months ago", "decades ago", "weeks ago", "days ago", "last few years", "way back",
         "more recently", "until recently", "most recently", "earlier times", "bygone days"}
_FUTURE = {"future", "near future", "distant future", "foreseeable future", "soon", "shortly", "eventually",
           "someday", "some day", "one day", "near term", "short term", "long term", "medium term",
           "longer term", "years to come", "months to come", "years ahead", "months ahead", "down the road",
           "coming years", "coming months", "coming weeks", "coming days", "later", "in the future",
           "later date", "a later date", "soon as possible", "as soon as possible", "future date", "a future date"}
_PLURAL = r"(?:years|months|weeks|days|decades|quarters|times|sessions)"
_PAST_RX = re.compile(rf"^(?:(?:most )?recent|past|last|previous|preceding|prior)(?: (?:few|several|many|couple of|two|three|\d+))? {_PLURAL}(?: and {_PLURAL})?$"
                      rf"|^(?:several|many|a few|few|some|a couple of|couple of) {_PLURAL} (?:ago|earlier|before)$")
_FUTURE_RX = re.compile(rf"^(?:coming|next|upcoming|following|future|later)(?: (?:few|several|many|couple of))? {_PLURAL}(?: and {_PLURAL})?$"
                        rf"|^{_PLURAL} (?:to come|ahead)$")
_MOMENT_RX = re.compile(r"^this(?: \w+)? (?:moment|point|time|juncture|stage|hour)$")


def ref(text: str) -> tuple[str, str] | None:
    if text in _PRESENT or _MOMENT_RX.match(text):
        return "PRESENT_REF", "ref"
    if text in _PAST or _PAST_RX.match(text):
        return "PAST_REF", "ref"
    if text in _FUTURE or _FUTURE_RX.match(text):
        return "FUTURE_REF", "ref"
    return None


# ---- spelled-out years ------------------------------------------------------------------------
_TENS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_T, _U, _TN = "|".join(_TENS), "|".join(_UNITS), "|".join(_TEENS)
_SPELLED_YEAR = re.compile(rf"\b(eighteen|nineteen|twenty)(?: hundred)?(?: and)? (?:({_T})(?: ({_U}))?|({_TN})|oh ({_U}))\b"
                           rf"|\btwo thousand(?: and)?(?: ({_U}|{_TN}))?\b")


def _spelled(m: re.Match) -> str:
    if m.group(0).startswith("two thousand"):
        extra = m.group(6)
        return str(2000 + (_UNITS.get(extra) or _TEENS.get(extra) or 0 if extra else 0))
    century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m.group(1)]
    if m.group(2):
        rest = _TENS[m.group(2)] * 10 + (_UNITS[m.group(3)] if m.group(3) else 0)
    elif m.group(4):
        rest = _TEENS[m.group(4)]
    else:
        rest = _UNITS[m.group(5)]
    return str(century * 100 + rest)


def spelled_years(text: str) -> str:
    """``"the winter of nineteen ninety four"`` → ``"the winter of 1994"``."""
    return _SPELLED_YEAR.sub(_spelled, text) if ("teen" in text or "thousand" in text) else text


# ---- decades and centuries ----------------------------------------------------------------------
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
_DECADE = re.compile(r"^(\d{2})?(\d)0'?s$|^'(\d)0s$")
_CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21, "eighteenth": 18}
_CENTURY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th) century$|^([a-z -]+) century$")


_DECADE_PART = re.compile(r"^(?:the )?(?:first|last|second|latter|early|late|later|middle) (?:half|part|years) of (?:the )?(?='?\d0'?s$|\d{4}s$)")


def decade_century(text: str, pub: dt.date | None) -> tuple[str, str] | None:
    text = _DECADE_PART.sub("", text)  # "the last half of the '80s": the decade
    digit, century = None, None
    if m := _DECADE.match(text):
        digit, century = int(m.group(2) or m.group(3)), m.group(1)
    elif text in _DECADE_WORDS:
        digit = _DECADE_WORDS[text]
    if digit is not None:
        if century is not None:
            return f"{century}{digit}", "decade"
        year = pub.year if pub else 1999
        decade = year // 100 * 10 + digit
        return str(decade if decade * 10 <= year else decade - 10), "decade"
    if m := _CENTURY.match(text):
        n = int(m.group(1)) if m.group(1) else _CENTURY_WORDS.get(m.group(2))
        if n:
            return f"{n - 1:02d}", "century"
    if pub is None:
        return None
    words = text.split()
    if len(words) == 2 and words[1] in ("decade", "century"):
        shift = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(words[0])
        if shift is None:
            return None
        if words[1] == "decade":  # "the last decade" written in 1989: the 1980s (the past ten years)
            base = (pub.year - 1) // 10 if shift < 0 else pub.year // 10 + shift
            return str(base), "decade"
        return f"{pub.year // 100 + shift:02d}", "century"
    return None


# ---- anchors ------------------------------------------------------------------------------------
def as_anchor(anchor) -> tuple[str, str] | None:
    """``(value, granularity)`` from a value, a pair, or a TimeRef-like object; None for a value
    no date arithmetic can start from (refs, decades)."""
    if anchor is None:
        return None
    value = anchor if isinstance(anchor, str) else (anchor[0] if isinstance(anchor, tuple) else getattr(anchor, "value", None))
    if not value:
        return None
    gran = cal.granularity_of(value)
    return (value, gran) if gran in ("day", "week", "month", "quarter", "half", "season", "year") else None


def _anchor_day(anchor) -> dt.date | None:
    return dt.date.fromisoformat(anchor[0]) if anchor and anchor[1] == "day" else None


def _shift(value: str, gran: str, unit: str, n: int, keep: bool = False) -> tuple[str, str] | None:
    """A value moved by ``n`` units, at the coarser of its own granularity and the unit's
    (``keep``: at its own, "a year earlier" than 1989-09-30 is 1988-09-30)."""
    start = cal.value_bounds(value, gran)
    if start is None:
        return None
    d = start[0]
    if unit == "day":
        return cal.day(d + dt.timedelta(days=n)) if gran == "day" else None
    if unit == "week":
        return cal.week(d + dt.timedelta(weeks=n)) if gran in ("day", "week") else None
    if unit == "month":
        return cal.month(d.year * 12 + d.month - 1 + n) if gran in ("day", "month") else None
    if unit == "quarter":
        return cal.quarter(d.year * 4 + (d.month - 1) // 3 + n) if gran in ("day", "month", "quarter") else None
    if unit == "year":
        if gran == "quarter":
            return cal.quarter(d.year * 4 + (d.month - 1) // 3 + 4 * n)
        if gran == "half":
            return cal.half(d.year * 2 + (d.month - 1) // 6 + 2 * n)
        if gran == "season":
            return f"{int(value[:4]) + n}{value[4:]}", "season"
        if keep and gran == "day":
            return cal.day(d.replace(year=d.year + n, day=min(d.day, 28) if (d.month, d.day) == (2, 29) else d.day))
        if keep and gran == "month":
            return cal.month((d.year + n) * 12 + d.month - 1)
        return str(d.year + n), "year"
    if unit == "decade":
        return str(d.year + 10 * n), "year"
    return None


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBERS.get(word)


_LATER = re.compile(r"^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) (day|week|month|quarter|year|decade)s? (later|after|earlier|before|on|afterwards?)$")
_NEXT = re.compile(r"^the (next|following|previous|preceding|prior|same) (day|morning|afternoon|evening|night|week|weekend|month|quarter|year)$"
                   r"|^the (day|week|month|year) (before|after)$")
_THAT = re.compile(r"^(?:that|that same|the same|this same|same) (day|morning|afternoon|evening|night|week|month|quarter|year)$")
_DAYPART = {"morning", "afternoon", "evening", "night"}
_FINENESS = ("day", "week", "month", "quarter", "half", "season", "year")
#: "a year ago/earlier" and the financial adjectives for the same-period-last-year comparison.
_YEAR_BACK = {"a year ago", "a year earlier", "one year ago", "one year earlier", "year earlier", "year ago",
              "the year before", "a year before", "the previous year", "the prior year", "the preceding year",
              "last year's", "year earlier period", "year ago period"}


#: "the year-ago quarter", "the corresponding period last year": the anchor's period a year back.
_PERIOD_BACK = re.compile(r"\b(?:year (?:ago|earlier)|(?:last|previous|prior) year|a year (?:ago|earlier|before))\b")
_PERIOD_TAIL = re.compile(r"^(.*\b(?:period|quarter|half))\s+((?:of )?(?:last year|a year (?:ago|earlier|before)|"
                          r"the (?:previous|prior|preceding) year|(?:the )?year (?:ago|earlier)))$")


def is_anaphoric(text: str) -> bool:
    """Whether cleaned text is dated from an anchor (and so should not become one itself)."""
    return text in _YEAR_BACK or text in _THEN or text in _ELLIPTIC \
        or bool(_LATER.match(text) or _NEXT.match(text) or _THAT.match(text)) \
        or bool(_PERIOD_BACK.search(text) and text.split()[-1] in _PERIOD_WORDS or _PERIOD_TAIL.match(text))


def _reported(anchor: tuple[str, str], pub: dt.date) -> tuple[str, str]:
    """A quarter or half a result can be compared for: the anchor, or the last one ended by
    publication when the anchor is still to come ("… the third quarter of 1990. In the year-ago
    period, …" compares the results just reported)."""
    per_year = 4 if anchor[1] == "quarter" else 2
    ended = pub.year * per_year + (pub.month - 1) * per_year // 12 - 1
    index = int(anchor[0][:4]) * per_year + int(anchor[0][6]) - 1
    if index <= ended:
        return anchor
    return (cal.quarter if per_year == 4 else cal.half)(ended)


def anaphoric(text: str, pub: dt.date, anchor: tuple[str, str] | None) -> tuple[str, str] | None:
    """Expressions dated from the previous date in the document (the publication date without
    one): "the following year", "two days later", "that day", "a year earlier"."""
    if text in _YEAR_BACK:
        if anchor and anchor[1] in ("quarter", "half"):
            return _shift(*_reported(anchor, pub), "year", -1)  # "profit rose from $5 a year earlier"
        if text.endswith("ago") or not anchor:
            return str(pub.year - 1), "year"
        return _shift(anchor[0], anchor[1], "year", -1, keep=text.startswith(("a ", "one ")))
    base = anchor or (pub.isoformat(), "day")
    if m := _LATER.match(text):
        n, unit = _count(m.group(1)), m.group(2)
        sign = 1 if m.group(3) in ("later", "after", "on", "afterward", "afterwards") else -1
        if n is None:
            return None
        return _shift(*base, unit, sign * n) or _shift(pub.isoformat(), "day", unit, sign * n)
    if m := _NEXT.match(text):
        if m.group(3):
            which, unit = ("following" if m.group(4) == "after" else "previous"), m.group(3)
        else:
            which, unit = m.group(1), m.group(2)
        unit = "day" if unit in _DAYPART else unit
        n = {"next": 1, "following": 1, "same": 0}.get(which, -1)
        if unit == "weekend":
            return None
        return _shift(*base, unit, n) or _shift(pub.isoformat(), "day", unit, n)
    if m := _THAT.match(text):
        unit = "day" if m.group(1) in _DAYPART else m.group(1)
        if anchor is None:
            return None
        if _FINENESS.index(unit) < _FINENESS.index(anchor[1]):
            return anchor  # "that same day" after "last October": the day is known to the month
        return _shift(*anchor, unit, 0)
    if text in _THEN:
        return anchor  # "until then", "by then": the date just named
    if text in _ELLIPTIC and anchor and anchor[1] in ("week", "month", "quarter", "half", "year"):
        n = _ELLIPTIC[text]  # "this year and next", "as high this quarter as last": the anchor's unit
        if anchor[1] == "half":
            return cal.half(int(anchor[0][:4]) * 2 + int(anchor[0][6]) - 1 + n)
        return _shift(*anchor, anchor[1], n)
    return None


# ---- quarters and halves ------------------------------------------------------------------------
_PERIOD_WORDS = {"quarter", "half", "period"}
_LATEST = {"latest", "recent", "most", "the", "that", "same", "reporting", "reported", "quarter", "period", "year"}


def quarter_half(text: str, pub: dt.date, anchor: tuple[str, str] | None, tense: str | None) -> tuple[str, str] | None:
    """ "the third quarter", "third-quarter", "the year-ago quarter", "the first half of 1989",
    "this year's second quarter", "the latest quarter" (the last one ended, or the quarter the
    document is about), "the 1988 period"."""
    if m := _PERIOD_TAIL.match(text):  # "the corresponding period last year" → "last year the … period"
        text = f"{m.group(2).removeprefix('of ')} {m.group(1)}"
    text = re.sub(r"\b(first|last|final|second) two quarters\b",
                  lambda m: "first half" if m.group(1) == "first" else "second half", text)  # a half year
    words = [w for w in text.replace("'s", "").split() if w != "of"]
    if not words or words[-1] not in _PERIOD_WORDS and not (len(words) > 2 and words[-2] in ("quarter", "half")):
        return None
    kind = "half" if "half" in words else "quarter"
    per_year = 2 if kind == "half" else 4
    make = cal.half if kind == "half" else cal.quarter
    current = pub.year * per_year + (pub.month - 1) * per_year // 12
    year = next((int(w) for w in words if re.fullmatch(r"\d{4}", w)), None)
    shift = 0
    if {"ago", "earlier"} & set(words) or "last year" in text or "previous year" in text or "prior year" in text:
        shift = -1
    elif "next year" in text:
        shift = 1
    ordinal = next((ORDINALS[w] for w in words if w in ORDINALS), None)
    if ordinal is None and ("final" in words or ("last" in words and (year or kind == "half"))):
        ordinal = per_year
    if ordinal is not None and ordinal > per_year:
        return None
    if words[-1] == "period" and ordinal is None and year is None and shift == 0 and not {"latest", "recent"} & set(words):
        return None  # "the period" alone is too vague
    if ordinal is not None:
        if year is not None:
            return make(year * per_year + ordinal - 1)
        if shift or "this year" in text:
            return make((pub.year + shift) * per_year + ordinal - 1)
        cands = [(pub.year + k) * per_year + ordinal - 1 for k in (-1, 0, 1)]
        if tense == "future":  # results for the quarter just ended are still to come
            return make(min((c for c in cands if c >= current - 1), key=lambda c: abs(c - current)))
        return make(cal.choose(cands, current, tense))
    if kind == "half" and words[-1] == "half":
        return None
    anchored = int(anchor[0][:4]) * per_year + int(anchor[0][6]) - 1 if anchor and anchor[1] == kind else None
    if {"current", "this"} & set(words):
        idx = current
    elif {"next", "coming"} & set(words):
        idx = current + 1
    elif {"previous", "prior", "last", "past", "preceding"} & set(words):
        idx = current - 1
    elif anchored is not None and current - 1 <= anchored <= current and not {"latest", "recent"} & set(words):
        idx = anchored  # "the quarter": the one the document is about (the last one ended or this one;
        # an older one named in passing, "after a flat second quarter", does not displace it)
    else:
        idx = current - 1  # the latest quarter reported: the last one ended
    if year is not None:
        if kind == "quarter" and (anchor and anchor[1] == "quarter" or words[-1] == "quarter"):
            return make(year * per_year + idx % per_year)
        return str(year), "year"
    return make(idx + per_year * shift)
