"""Calendar arithmetic for :mod:`forewarn.resolve.timeref`: the value forms, their date ranges,
holidays (fixed, nth-weekday and Easter via the computus), seasons, quarters and halves.

Value forms (TimeML ``value`` conventions), by granularity:

============  ==================  ==========================================================
granularity   example             meaning
============  ==================  ==========================================================
day           ``2019-12-29``      one day
week          ``2019-W52``        ISO week; ``2019-W52-WE`` its weekend (Saturday–Sunday)
month         ``2019-12``         one month
quarter       ``2019-Q3``         July–September (calendar quarters; fiscal ones are not known)
half          ``2019-H1``         January–June (``H2``: July–December)
season        ``2019-SU``         ``SP`` Mar–May, ``SU`` Jun–Aug, ``FA`` Sep–Nov, ``WI`` Dec
                                  of the year before to February (a winter is dated by its
                                  January)
year          ``2019``            one year
decade        ``201``             2010–2019
century       ``20``              2000–2099 ("the 21st century")
ref           ``PRESENT_REF``     now; ``PAST_REF`` / ``FUTURE_REF``: an unbounded past/future
============  ==================  ==========================================================
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

GRANULARITIES = ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century", "ref")
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
SEASON_CODES = ("WI", "SP", "SU", "FA")  # in calendar order of their starts (WI starts the year before)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_FORMS = (("day", re.compile(r"^\d{4}-\d{2}-\d{2}$")), ("week", re.compile(r"^\d{4}-W\d{2}(?:-WE)?$")),
          ("month", re.compile(r"^\d{4}-\d{2}$")), ("quarter", re.compile(r"^\d{4}-Q[1-4]$")),
          ("half", re.compile(r"^\d{4}-H[12]$")), ("season", re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$")),
          ("year", re.compile(r"^\d{4}$")), ("decade", re.compile(r"^\d{3}$")),
          ("century", re.compile(r"^\d{2}$")), ("ref", re.compile(r"^(?:PRESENT|PAST|FUTURE)_REF$")))


def granularity_of(value: str) -> str | None:
    """The granularity a value is written at (``"2019-Q3"`` → ``quarter``); None for other forms."""
    for name, rx in _FORMS:
        if rx.match(value):
            return name
    return None


def day(d: dt.date) -> tuple[str, str]:
    return d.isoformat(), "day"


def week(d: dt.date, weekend: bool = False) -> tuple[str, str]:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}" + ("-WE" if weekend else ""), "week"


def month(index: int) -> tuple[str, str]:
    """A month from its index ``year * 12 + month - 1``."""
    return f"{index // 12}-{index % 12 + 1:02d}", "month"


def quarter(index: int) -> tuple[str, str]:
    """A quarter from its index ``year * 4 + quarter - 1``."""
    return f"{index // 4}-Q{index % 4 + 1}", "quarter"


def half(index: int) -> tuple[str, str]:
    return f"{index // 2}-H{index % 2 + 1}", "half"


def season(index: int) -> tuple[str, str]:
    """A season from its index ``year * 4 + position`` in (WI, SP, SU, FA)."""
    return f"{index // 4}-{SEASON_CODES[index % 4]}", "season"


def season_index(d: dt.date) -> int:
    """The season a day falls in (December belongs to the next year's winter)."""
    if d.month == 12:
        return (d.year + 1) * 4
    return d.year * 4 + (d.month // 3 if d.month >= 3 else 0)


PAST_LEAN = 1.5


def choose(candidates: list[int], current: int, tense: str | None, cycle: int | None = None,
           lean: float = 1.0) -> int:
    """Of period indices, the one a bare mention means: the nearest to ``current``, not after
    it for a past tense and not before it for a future one (ties go to the past).

    With ``cycle`` (the period of the candidates: 12 months, 365 days) the tense gives way when
    it would reach more than half a cycle away while the nearest candidate lies within a
    quarter of one: "Nov. 10" in a past-tense sentence written on Nov. 2 is the coming one (a
    report names the year of an occurrence that old; the tense is often that of a speech verb).
    A future tense is not overruled so: "will … in December" written in March is this December.
    With ``lean`` (``PAST_LEAN`` for month names and dates) and no tense, a cycle's past
    candidate wins unless the coming one is less than 1/``lean`` as far: news mostly reports
    what happened ("March" written in late October is the last March, not the next)."""
    nearest = choose(candidates, current, None) if tense else None
    if cycle and tense and nearest is not None:
        by_tense = choose(candidates, current, tense)
        if tense == "past" and abs(nearest - current) <= cycle // 4 and abs(by_tense - current) > cycle // 2:
            return nearest
        return by_tense
    if cycle and tense is None and lean != 1.0:
        past = [c for c in candidates if c <= current]
        ahead = [c for c in candidates if c > current]
        if past and ahead:
            last, coming = max(past), min(ahead)
            return coming if (coming - current) * lean < current - last else last
    if tense == "past":
        pool = [c for c in candidates if c <= current] or candidates
    elif tense == "future":
        pool = [c for c in candidates if c >= current] or candidates
    else:
        pool = candidates
    return min(pool, key=lambda c: (abs(c - current), c > current))


def nearest_date(dates: list[dt.date], pub: dt.date, tense: str | None, cycle: int | None = 365,
                 lean: float = 1.0) -> dt.date:
    ords = [d.toordinal() for d in dates]
    return dt.date.fromordinal(choose(ords, pub.toordinal(), tense, cycle, lean))


# ---- holidays ---------------------------------------------------------------------------------
def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    mon, dd = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, mon, dd + 1)


def nth_weekday(year: int, mon: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (Monday 0) of a month; ``n = -1`` for the last."""
    if n < 0:
        last = dt.date(year, mon, calendar.monthrange(year, mon)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, mon, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _fixed(mon: int, dd: int):
    return lambda y: dt.date(y, mon, dd)


def _nth(mon: int, weekday: int, n: int):
    return lambda y: nth_weekday(y, mon, weekday, n)


#: Holiday name → its date in a given year (US federal holidays, Christian feasts, a few others).
HOLIDAYS = {
    "new year's day": _fixed(1, 1), "new year": _fixed(1, 1), "new years": _fixed(1, 1),
    "new year's": _fixed(1, 1), "new year's eve": _fixed(12, 31), "new years eve": _fixed(12, 31),
    "christmas": _fixed(12, 25), "christmas day": _fixed(12, 25), "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26), "valentine's day": _fixed(2, 14), "valentines day": _fixed(2, 14),
    "independence day": _fixed(7, 4), "fourth of july": _fixed(7, 4), "july fourth": _fixed(7, 4),
    "halloween": _fixed(10, 31), "veterans day": _fixed(11, 11), "veterans' day": _fixed(11, 11),
    "armistice day": _fixed(11, 11), "remembrance day": _fixed(11, 11), "may day": _fixed(5, 1),
    "labour day": _fixed(5, 1), "bastille day": _fixed(7, 14), "st. patrick's day": _fixed(3, 17),
    "st patrick's day": _fixed(3, 17), "all saints' day": _fixed(11, 1), "epiphany": _fixed(1, 6),
    "thanksgiving": _nth(11, 3, 4), "thanksgiving day": _nth(11, 3, 4),
    "labor day": _nth(9, 0, 1), "memorial day": _nth(5, 0, -1), "columbus day": _nth(10, 0, 2),
    "martin luther king day": _nth(1, 0, 3), "martin luther king jr. day": _nth(1, 0, 3),
    "presidents day": _nth(2, 0, 3), "presidents' day": _nth(2, 0, 3), "president's day": _nth(2, 0, 3),
    "mother's day": _nth(5, 6, 2), "mothers day": _nth(5, 6, 2), "father's day": _nth(6, 6, 3),
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "easter": easter, "easter sunday": easter, "easter day": easter,
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "palm sunday": lambda y: easter(y) - dt.timedelta(days=7),
    "ash wednesday": lambda y: easter(y) - dt.timedelta(days=46),
    "pentecost": lambda y: easter(y) + dt.timedelta(days=49),
    "ascension day": lambda y: easter(y) + dt.timedelta(days=39),
}


# ---- ranges -----------------------------------------------------------------------------------
def value_bounds(value: str, granularity: str | None = None) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a resolved value (for "is this long before publication").

    Every form in the module docstring has a range except the ``ref`` values (``PRESENT_REF``,
    ``PAST_REF``, ``FUTURE_REF``), which are relative to an unstated now: None. ``granularity``
    may be left out (or be wrong): the value's form decides."""
    gran = granularity_of(value or "")
    try:
        if gran == "day":
            d = dt.date.fromisoformat(value)
            return d, d
        if gran == "week":
            y, w = value[:4], value[6:8]
            start = dt.date.fromisocalendar(int(y), int(w), 1)
            if value.endswith("-WE"):
                return start + dt.timedelta(days=5), start + dt.timedelta(days=6)
            return start, start + dt.timedelta(days=6)
        if gran == "month":
            y, m = map(int, value.split("-"))
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        if gran in ("quarter", "half"):
            y, n = int(value[:4]), int(value[6])
            span = 3 if gran == "quarter" else 6
            first, last = (n - 1) * span + 1, n * span
            return dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
        if gran == "season":
            y, code = int(value[:4]), value[5:]
            start = dt.date(y - 1, 12, 1) if code == "WI" else dt.date(y, _SEASON_START[code], 1)
            end_month = (_SEASON_START[code] + 2 - 1) % 12 + 1
            return start, dt.date(y, end_month, calendar.monthrange(y, end_month)[1])
        if gran == "year":
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if gran == "decade":
            return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
        if gran == "century":
            first = max(int(value) * 100, 1)
            return dt.date(first, 1, 1), dt.date(int(value) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None
