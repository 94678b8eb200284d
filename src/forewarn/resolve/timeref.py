"""Time expressions → ISO values against the publication date.

``resolve_time("on Sunday", date(2019, 12, 30))`` → ``("2019-12-29", "day")``;
``resolve_time("December 2017", None)`` → ``("2017-12", "month")`` (an absolute date needs no
anchor); ``resolve_time("on Sunday", None)`` → ``(None, None)`` (a relative one does).
A few rules cover the common news forms; dateparser (with the publication date as its
relative base, preferring the past) handles the rest.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

__all__ = ["resolve_time", "value_bounds"]

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_LEAD = re.compile(r"^(?:back\s+|as\s+early\s+as\s+|earlier\s+|later\s+|early\s+|late\s+|mid-?)?(?:on|in|at|during|over|since|until|by|from|for|of)?\s*(?:the\s+)?", re.I)
_YEAR = re.compile(r"^(\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_REL_UNIT = re.compile(r"^(last|this|next|past|previous|coming)\s+(week|month|year|weekend)$")
_REL_MONTH = re.compile(r"^(last|this|next|past|previous|coming)\s+([a-z]+)$")
_SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
_SEASON = re.compile(r"^(?:(last|this|next|past|coming)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?$")
_PERIOD = re.compile(r"^(.*?)\s+(?:period|holidays?|season|break|weekend|celebrations?|festivities)$")
_AGO = re.compile(r"^(\w+)\s+(day|week|month|year)s?\s+ago$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
#: Holidays as (month, day): resolved to the occurrence nearest the publication date.
_HOLIDAYS = {"new year": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
             "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24)}


def _clean(text: str) -> str:
    text = " ".join(text.replace("’", "'").split()).lower().strip(" ,.;:")
    return _LEAD.sub("", text, count=1).strip()


def _day(d: dt.date) -> tuple[str, str]:
    return d.isoformat(), "day"


def _absolute(text: str) -> tuple[str, str] | None:
    """Forms that carry their own year."""
    if m := _YEAR.match(text):
        return m.group(1), "year"
    if (m := _MONTH_YEAR.match(text)) and m.group(1) in _MONTHS:
        return f"{m.group(2)}-{_MONTHS[m.group(1)]:02d}", "month"
    for rx, order in ((_DAY_MONTH_YEAR, (1, 2, 3)), (_MONTH_DAY_YEAR, (2, 1, 3))):
        if (m := rx.match(text)) and m.group(order[1]) in _MONTHS:
            try:
                return _day(dt.date(int(m.group(order[2])), _MONTHS[m.group(order[1])], int(m.group(order[0]))))
            except ValueError:
                return None
    return None


def _season(text: str, pub: dt.date | None) -> tuple[str, str] | None:
    """A season resolves to its year (granularity ``year``): "summer 2019", "last winter"
    (a winter is dated by the year of its January)."""
    m = _SEASON.match(text)
    if not m:
        return None
    if m.group(3):
        return m.group(3), "year"
    if pub is None:
        return None
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m.group(1) or "", 0)
    month = _SEASONS[m.group(2)]
    year = pub.year if month <= pub.month + 2 else pub.year - 1
    if m.group(2) == "winter" and pub.month >= 11:
        year = pub.year + 1
    return str(year + shift), "year"


def _holiday(text: str, pub: dt.date) -> tuple[str, str] | None:
    """A holiday resolves to its occurrence nearest publication: the day itself, or the ISO
    week that holds it when the text names a period ("over the New Year period")."""
    period = _PERIOD.match(text)
    name = period.group(1) if period else text
    for holiday, (month, day) in _HOLIDAYS.items():
        if name == holiday or name == holiday + "s" or (not period and name.startswith(holiday + " ")):
            years = (pub.year - 1, pub.year, pub.year + 1)
            nearest = min((dt.date(y, month, day) for y in years), key=lambda d: abs((d - pub).days))
            if period:
                iso = nearest.isocalendar()
                return f"{iso[0]}-W{iso[1]:02d}", "week"
            return _day(nearest)
    return None


def _relative(text: str, pub: dt.date, future: bool = False) -> tuple[str, str] | None:
    """Forms that need the publication date."""
    words = text.split()
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return _day(pub)
    if text in ("yesterday", "last night", "yesterday morning", "yesterday evening"):
        return _day(pub - dt.timedelta(days=1))
    if text in ("tomorrow", "tomorrow morning"):
        return _day(pub + dt.timedelta(days=1))
    if words and words[-1] in _WEEKDAYS and len(words) <= 2:
        wd, lead = _WEEKDAYS[words[-1]], words[0] if len(words) == 2 else ""
        if lead in ("next", "coming") or (future and lead != "last"):
            return _day(pub + dt.timedelta(days=(wd - pub.weekday() - 1) % 7 + 1))
        if lead == "last":
            return _day(pub - dt.timedelta(days=(pub.weekday() - wd - 1) % 7 + 1))
        # "on Sunday" in a past-tense report means the most recent Sunday, and the publication
        # weekday itself means today (news reports same-day events by weekday); only a future
        # verb ("will meet on Monday") moves it to the next one.
        return _day(pub - dt.timedelta(days=(pub.weekday() - wd) % 7))
    if text in _MONTHS and len(text) > 3:
        month = _MONTHS[text]
        if future:
            return f"{pub.year if month >= pub.month else pub.year + 1}-{month:02d}", "month"
        return f"{pub.year if month <= pub.month else pub.year - 1}-{month:02d}", "month"
    if (m := _REL_MONTH.match(text)) and m.group(2) in _MONTHS and len(m.group(2)) > 3:
        month, lead = _MONTHS[m.group(2)], m.group(1)
        if lead in ("last", "past", "previous"):  # "last June": the latest June before this month
            return f"{pub.year if month < pub.month else pub.year - 1}-{month:02d}", "month"
        if lead in ("next", "coming"):
            return f"{pub.year if month > pub.month else pub.year + 1}-{month:02d}", "month"
        return f"{pub.year}-{month:02d}", "month"
    if m := _REL_UNIT.match(text):
        return _unit(m.group(2), {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m.group(1), 0), pub)
    if (m := _AGO.match(text)) and (m.group(1) in _NUMBERS or m.group(1).isdigit()):
        n = _NUMBERS.get(m.group(1)) or int(m.group(1))
        return _unit(m.group(2), -n, pub)
    return _holiday(text, pub) or _season(text, pub)


def _unit(unit: str, shift: int, pub: dt.date) -> tuple[str, str]:
    if unit in ("week", "weekend"):
        iso = (pub + dt.timedelta(weeks=shift)).isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}", "week"
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}", "month"
    if unit == "year":
        return str(pub.year + shift), "year"
    return _day(pub + dt.timedelta(days=shift))


@functools.lru_cache(maxsize=256)
def _parser(pub: dt.date):
    from dateparser.date import DateDataParser

    base = dt.datetime(pub.year, pub.month, pub.day, 12)
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})


def _fallback(text: str, pub: dt.date) -> tuple[str, str] | None:
    try:
        data = _parser(pub).get_date_data(text) if text else None
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    day, period = data.date_obj.date(), data.period or "day"
    if day == pub and period == "day":
        return None  # dateparser falls back on its base date for text it only half read ("the 1990s")
    if period == "year":
        return str(day.year), "year"
    if period == "month":
        return f"{day.year}-{day.month:02d}", "month"
    if period == "week":
        iso = day.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}", "week"
    return _day(day)


def resolve_time(text: str, published: dt.date | None, future: bool = False) -> tuple[str | None, str | None]:
    """``(value, granularity)`` for a time expression; ``(None, None)`` when it cannot be anchored.
    ``future``: the expression dates a future act ("will meet on Monday": the next Monday)."""
    clean = _clean(text)
    found = _absolute(clean) or _season(clean, None)
    if found is None and published is not None:
        found = _relative(clean, published, future) or _fallback(clean, published)
    return found if found else (None, None)


def value_bounds(value: str, granularity: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a resolved value (for "is this long before publication")."""
    try:
        if granularity == "day":
            d = dt.date.fromisoformat(value)
            return d, d
        if granularity == "month":
            y, m = map(int, value.split("-"))
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        if granularity == "year":
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if granularity == "week":
            y, w = value.split("-W")
            start = dt.date.fromisocalendar(int(y), int(w), 1)
            return start, start + dt.timedelta(days=6)
    except ValueError:
        return None
    return None
