"""Time expressions → TimeML-style values against the publication date.

``resolve_time("on Sunday", date(2019, 12, 30))`` → ``("2019-12-29", "day")``;
``resolve_time("December 2017", None)`` → ``("2017-12", "month")`` (an absolute date needs no
anchor); ``resolve_time("on Sunday", None)`` → ``(None, None)`` (a relative one does).

Values and granularities (see :mod:`.timeref_calendar`): ``2019-12-29`` day, ``2019-W52`` week
(``2019-W52-WE`` its weekend), ``2019-12`` month, ``2019-Q3`` quarter, ``2019-H1`` half,
``2019-SU`` season, ``2019`` year, ``201`` decade (the 2010s), ``20`` century, and
``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` (granularity ``ref``).

Conventions (TimeML): a mention without its year ("March 12", "April", "Tuesday", "Thanksgiving",
"the third quarter") means the occurrence nearest the publication date; a known tense moves it
to the nearest one not after (past) or not before (future) publication. Anaphoric expressions
("the following year", "two days later", "that day", "a year earlier") count from ``anchor``,
the last date resolved in the document, or from publication without one.
"last February" never means the month just ended (that is "last month"), "the latest fiscal
year" is the last year ended, and "the second day" (of a running event) is the publication day
when its verb is in the present tense.
Rules cover the common news forms (:mod:`.timeref_rules` holds the larger families);
dateparser (publication date as its relative base, preferring the past) handles the rest.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from . import timeref_calendar as cal
from . import timeref_rules as rules
from .timeref_calendar import value_bounds

__all__ = ["is_anaphoric", "resolve_time", "tense_of", "value_bounds"]

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})
_WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_ORDINAL_DAYS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_ORDINAL_DAYS.update({f"twenty {w}": 20 + i for w, i in list(_ORDINAL_DAYS.items())[:9]})
_ORDINAL_DAYS.update({"thirtieth": 30, "thirty first": 31})
#: "the third straight day" (of an event still running): today when the verb is in the present.
_RUNNING_DAY = re.compile(r"^(?:%s|\d+(?:st|nd|rd|th))(?: (?:%s))? day$" % (
    "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)),
    "|".join(map(re.escape, sorted(rules.RUNNING_DAY_QUALIFIERS))) or "(?!)"))
_YEAR_KIND = re.compile(r"\b(?:%s) (?=year\b)" % ("|".join(map(re.escape, sorted(rules.YEAR_KINDS))) or "(?!)"))
_LEAD = re.compile(
    r"^(?:(?:on|in|at|during|over|since|until|till|by|from|for|of|through|throughout|as of|as early as|as late as|"
    r"back in|back|earlier|later|early|late|mid|sometime|some time|about|around|almost|nearly|roughly|"
    r"approximately|more than|less than|at least|just|only|exactly|post|pre|the turn of|turn of|"
    r"the(?= (?!next\b|previous\b|following\b|preceding\b|prior\b|same\b|day before\b|day after\b|year before\b|"
    r"year after\b|week before\b|week after\b|month before\b|month after\b))|"
    r"beginning of|start of|end of|middle of|rest of|remainder of|close of|fiscal|calendar)\b[\s-]*)")
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?=\s|$|,)|\b(?:e[sd]t|gmt|utc|[pcm][sd]t)\b|\b(?:noon|midnight)\b")
_YEAR = re.compile(r"^(?:year )?(\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(?:of\s+)?(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?$")
_LEAD_WEEKDAY = re.compile(r"^(?:(?:this coming|this|coming|next|last|this past) )?"
                           r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?=[a-z]+\.?\s+\d|\d)")
#: Hedges around a date that do not move it: "1994 or later", "the next year or so", "a good part of 1990".
_HEDGE_TAIL = re.compile(r"\s+(?:or so|or later|or earlier|or before|and beyond|and later|and after|onwards?|at the latest|at the earliest)$")
_HEDGE_HEAD = re.compile(r"^(?:a good part of|a large part of|a big part of|the better part of|the bulk of|much of|most of|"
                         r"part of|all of|parts of|some of)\s+")
_REL_UNIT = re.compile(r"^(last|this|next|past|previous|coming|current)\s+(week|month|year|weekend)$")
_REL_MONTH = re.compile(r"^(last|this|next|past|previous|coming)\s+([a-z]+)$")
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON = re.compile(r"^(?:(last|this|next|past|coming|this past|this coming|previous)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?$")
_PERIOD = re.compile(r"^(.*?)\s+(?:period|holidays?|season|break|weekend|week|celebrations?|festivities)$")
_AGO = re.compile(r"^(\w+)\s+(day|week|month|year)s?\s+ago$")
_BARE_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_DAY_AROUND = re.compile(r"^(?:the )?day (before|after) (.+)$")
_SHIFT = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1}
_DAY_WORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": -1, "last night": -1, "last evening": -1, "tomorrow": 1, "tomorrow night": 1}
_YEAR_WORDS = {"year", "full year", "current year", "whole year", "entire year", "year to date", "year's",
               "year end", "year's end", "years end"}


def _clean(text: str) -> str:
    text = " ".join(text.replace("’", "'").replace("`", "'").split()).lower().strip(" ,.;:!?\"()")
    text = re.sub(r"(?<=[a-z])'s$", "", text)  # "Friday's"
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "third-quarter", "year-earlier", "late-November"
    text = rules.spelled_years(text)
    text = _YEAR_KIND.sub("", text)  # "last fiscal year": last year
    text = " ".join(_CLOCK.sub(" ", text).split()).strip(" ,")
    text = _HEDGE_HEAD.sub("", _HEDGE_TAIL.sub("", text.replace(" or so ", " "))) or text
    for _ in range(6):
        stripped = _LEAD.sub("", text, count=1).strip(" ,")
        if stripped == text or not stripped:
            break
        text = stripped
    text = _LEAD_WEEKDAY.sub("", text)
    words = text.split()
    if len(words) >= 2 and words[-1] in ("morning", "afternoon", "evening", "night") and \
            (words[-2] in _WEEKDAYS or words[-2] in ("yesterday", "tomorrow") or _MONTH_DAY.match(" ".join(words[:-1]))):
        text = " ".join(words[:-1])  # "Friday night", "yesterday morning"
    if m := re.match(r"^(.*?\b[a-z]+\.?\s+)([a-z]+(?: [a-z]+)?)$", text):
        if m.group(2) in _ORDINAL_DAYS and m.group(1).split()[-1].rstrip(".") in _MONTHS:
            text = _LEAD_WEEKDAY.sub("", f"{m.group(1)}{_ORDINAL_DAYS[m.group(2)]}")  # "March eighth"
    return text


def _absolute(text: str) -> tuple[str, str] | None:
    """Forms that carry their own year."""
    if m := _YEAR.match(text):
        return m.group(1), "year"
    if (m := _MONTH_YEAR.match(text)) and m.group(1) in _MONTHS:
        return f"{m.group(2)}-{_MONTHS[m.group(1)]:02d}", "month"
    for rx, order in ((_DAY_MONTH_YEAR, (1, 2, 3)), (_MONTH_DAY_YEAR, (2, 1, 3))):
        if (m := rx.match(text)) and m.group(order[1]) in _MONTHS:
            try:
                return cal.day(dt.date(int(m.group(order[2])), _MONTHS[m.group(order[1])], int(m.group(order[0]))))
            except ValueError:
                return None
    return None


def _season(text: str, pub: dt.date | None, tense: str | None) -> tuple[str, str] | None:
    """ "summer 2019" → 2019-SU; "last fall" → the latest autumn before the current season."""
    m = _SEASON.match(text)
    if not m:
        return None
    code = _SEASONS[m.group(2)]
    if m.group(3):
        return f"{m.group(3)}-{code}", "season"
    if pub is None:
        return None
    current = cal.season_index(pub)
    pos = cal.SEASON_CODES.index(code)
    cands = [(pub.year + k) * 4 + pos for k in (-1, 0, 1, 2)]
    shift = _SHIFT.get(m.group(1) or "", 0)
    if shift < 0:
        return cal.season(max(c for c in cands if c < current))
    if shift > 0:
        return cal.season(min(c for c in cands if c > current))
    # "this summer", "summer": the nearest (the tense decides only a bare season)
    return cal.season(cal.choose(cands, current, None if m.group(1) == "this" else tense))


def _holiday(text: str, pub: dt.date, tense: str | None, anchor) -> tuple[str, str] | None:
    """A holiday: its occurrence nearest publication (or the anchor's year when that is a year),
    the day itself or the ISO week that holds it when the text names a period ("Easter week")."""
    lead = re.match(r"^(last|next|this|this past|this coming|coming|past)\s+(.*)$", text)
    shift, name = (_SHIFT.get(lead.group(1), 0), lead.group(2)) if lead else (0, text)
    year = None
    if m := re.match(r"^(.*?)\s+(?:of\s+)?(\d{4})$", name):
        name, year = m.group(1), int(m.group(2))
    period = _PERIOD.match(name)
    if period and period.group(1) in cal.HOLIDAYS:
        name = period.group(1)
    elif name not in cal.HOLIDAYS:
        return None
    when = cal.HOLIDAYS[name]
    if year is not None:
        d = when(year)
    else:
        dates = [when(y) for y in (pub.year - 1, pub.year, pub.year + 1)]
        if shift < 0:
            d = max(x for x in dates if x < pub)
        elif shift > 0:
            d = min(x for x in dates if x > pub)
        else:
            d = cal.nearest_date(dates, pub, tense)
    return cal.week(d) if period else cal.day(d)


def _weekday(words: list[str], pub: dt.date, tense: str | None, anchor) -> tuple[str, str] | None:
    wd, lead = _WEEKDAYS[words[-1]], " ".join(words[:-1])
    if lead in ("previous", "preceding", "prior", "the previous", "the preceding", "the prior",
                "following", "the following", "that", "the same"):
        base = rules._anchor_day(anchor) or pub
        if "follow" in lead:
            return cal.day(base + dt.timedelta(days=(wd - base.weekday() - 1) % 7 + 1))
        if lead in ("that", "the same"):
            return cal.day(base + dt.timedelta(days=(wd - base.weekday()) % 7 - (7 if wd > base.weekday() else 0)))
        return cal.day(base - dt.timedelta(days=(base.weekday() - wd - 1) % 7 + 1))
    if lead in ("next", "coming", "this coming"):
        return cal.day(pub + dt.timedelta(days=(wd - pub.weekday() - 1) % 7 + 1))
    if lead in ("last", "past", "this past"):
        return cal.day(pub - dt.timedelta(days=(pub.weekday() - wd - 1) % 7 + 1))
    if lead not in ("", "this", "early", "late"):
        return None
    back = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)  # the publication weekday: today
    ahead = pub + dt.timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
    if tense == "future":
        return cal.day(ahead)  # "will meet on Monday", written on a Monday: next week's
    if tense == "past" or (pub - back).days <= (ahead - pub).days:
        return cal.day(back)
    return cal.day(ahead)


def _month_day(text: str, pub: dt.date, tense: str | None) -> tuple[str, str] | None:
    for rx, (mi, di) in ((_MONTH_DAY, (1, 2)), (_DAY_MONTH, (2, 1))):
        if (m := rx.match(text)) and m.group(mi) in _MONTHS:
            dates = []
            for y in (pub.year - 1, pub.year, pub.year + 1):
                try:
                    dates.append(dt.date(y, _MONTHS[m.group(mi)], int(m.group(di))))
                except ValueError:
                    pass
            return cal.day(cal.nearest_date(dates, pub, tense, lean=cal.PAST_LEAN)) if dates else None
    return None


def _weekend(lead: str, pub: dt.date, tense: str | None) -> tuple[str, str]:
    """ "this weekend" / "last weekend" / "next weekend"; "the weekend": the one under way, else
    the nearer of the last (ended Sunday) and the next (from Saturday), the tense deciding."""
    shift = _SHIFT.get(lead, 0)
    if shift or lead in ("this", "current") or pub.weekday() >= 5:
        return cal.week(pub + dt.timedelta(weeks=shift), weekend=True)
    since_sunday, to_saturday = pub.weekday() + 1, 5 - pub.weekday()
    ahead = tense == "future" or (tense != "past" and to_saturday < since_sunday)
    return cal.week(pub + dt.timedelta(weeks=0 if ahead else -1), weekend=True)


def _relative(text: str, pub: dt.date, tense: str | None, anchor) -> tuple[str, str] | None:
    """Forms that need the publication date."""
    words = text.split()
    if text == "day":  # "the day": the one the document is about
        return cal.day(rules._anchor_day(anchor) or pub)
    if text in _DAY_WORDS:
        return cal.day(pub + dt.timedelta(days=_DAY_WORDS[text]))
    if text in ("week", "month"):
        return rules._shift(pub.isoformat(), "day", text, 0)
    if text in _YEAR_WORDS or text == "current fiscal year":
        return str(pub.year), "year"
    if text in rules.LATEST_YEAR:  # "the latest fiscal year": the last one ended (as "the latest quarter")
        return str(pub.year - 1), "year"
    if words and words[-1] in _WEEKDAYS and len(words) <= 3:
        return _weekday(words, pub, tense, anchor)
    if (m := _BARE_DAY.match(text)) and anchor and anchor[1] in ("day", "month"):
        try:  # "April 24 and 25": the day in the month just named
            return cal.day(dt.date(int(anchor[0][:4]), int(anchor[0][5:7]), int(m.group(1))))
        except ValueError:
            return None
    if (m := _DAY_AROUND.match(text)) and m.group(2) not in ("yesterday", "tomorrow"):
        inner = _relative(m.group(2), pub, tense, anchor) or _absolute(m.group(2))
        if inner and inner[1] == "day":  # "the day before last Tuesday"
            shift = 1 if m.group(1) == "after" else -1
            return cal.day(dt.date.fromisoformat(inner[0]) + dt.timedelta(days=shift))
    if found := _month_day(text, pub, tense):
        return found
    if m := re.match(r"^week of (.+)$", text):
        inner = _month_day(m.group(1), pub, tense) or _absolute(m.group(1))
        return cal.week(dt.date.fromisoformat(inner[0])) if inner and inner[1] == "day" else None
    if text.rstrip(".") in _MONTHS:
        mon = _MONTHS[text.rstrip(".")]
        current = pub.year * 12 + pub.month - 1
        return cal.month(cal.choose([(pub.year + k) * 12 + mon - 1 for k in (-1, 0, 1)], current, tense, 12,
                                    cal.PAST_LEAN))
    if (m := re.match(r"^([a-z]+)\.? (this|last|next|of this|of last|of next) year$", text)) and m.group(1) in _MONTHS:
        shift = {"last": -1, "next": 1}.get(m.group(2).split()[-1], 0)
        return f"{pub.year + shift}-{_MONTHS[m.group(1)]:02d}", "month"  # "June last year"
    if (m := _REL_MONTH.match(text)) and m.group(2) in _MONTHS:
        mon, lead = _MONTHS[m.group(2)], m.group(1)
        if lead in ("last", "past", "previous"):  # "last June": the latest June before this month,
            year = pub.year if mon < pub.month else pub.year - 1
            if lead == "last" and mon == (pub.month - 2) % 12 + 1:
                year -= 1  # but not the month just ended: that one is "last month"
            return f"{year}-{mon:02d}", "month"
        if lead in ("next", "coming"):
            return f"{pub.year if mon > pub.month else pub.year + 1}-{mon:02d}", "month"
        return f"{pub.year}-{mon:02d}", "month"
    if text == "weekend" or (len(words) == 2 and words[1] == "weekend" and words[0] in (*_SHIFT, "this", "current")):
        return _weekend(words[0] if len(words) == 2 else "", pub, tense)
    if m := _REL_UNIT.match(text):
        return _unit(m.group(2), {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m.group(1), 0), pub)
    if (m := _AGO.match(text)) and (m.group(1) in rules.NUMBERS or m.group(1).isdigit()):
        n = rules.NUMBERS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else None)
        return _unit(m.group(2), -n, pub) if n else None
    if text in ("decade ago", "a decade ago", "one decade ago"):
        return str(pub.year - 10), "year"
    return _holiday(text, pub, tense, anchor) or _season(text, pub, tense)


def _unit(unit: str, shift: int, pub: dt.date) -> tuple[str, str]:
    if unit == "weekend":
        return cal.week(pub + dt.timedelta(weeks=shift), weekend=True)
    if unit == "week":
        return cal.week(pub + dt.timedelta(weeks=shift))
    if unit == "month":
        return cal.month(pub.year * 12 + pub.month - 1 + shift)
    if unit == "year":
        return str(pub.year + shift), "year"
    return cal.day(pub + dt.timedelta(days=shift))


@functools.lru_cache(maxsize=256)
def _parser(pub: dt.date, prefer: str):
    from dateparser.date import DateDataParser

    base = dt.datetime(pub.year, pub.month, pub.day, 12)
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False})


def _fallback(text: str, pub: dt.date, tense: str | None) -> tuple[str, str] | None:
    if not text or not re.search(r"\d|[a-z]{3}", text):
        return None
    try:
        data = _parser(pub, "future" if tense == "future" else "past").get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj.date(), data.period or "day"
    if d == pub and period == "day":
        return None  # dateparser falls back on its base date for text it only half read
    if period == "year":
        return str(d.year), "year"
    if period == "month":
        return cal.month(d.year * 12 + d.month - 1)
    if period == "week":
        return cal.week(d)
    return cal.day(d)


def resolve_time(text: str, published: dt.date | None, future: bool = False, *,
                 tense: str | None = None, anchor=None) -> tuple[str | None, str | None]:
    """``(value, granularity)`` for a time expression; ``(None, None)`` when it cannot be anchored.

    ``tense``: ``"past"``, ``"present"`` or ``"future"``, the tense of the verb the expression
    dates, when the caller knows it ("will meet on Monday": the next Monday; "met on Monday": the
    last one); ``future=True`` is the older spelling of ``tense="future"``. ``anchor``: the last
    date resolved in the document (a value, a ``(value, granularity)`` pair or a TimeRef), for
    "the following day", "later that year", "a year earlier"."""
    clean = _clean(text)
    if not clean:
        return None, None
    if tense == "present" and published is not None and _RUNNING_DAY.match(clean):
        return cal.day(published)  # "today is the eighth day of the strike"
    tense = tense if tense in ("past", "future") else ("future" if future else None)
    found = rules.ref(clean) or _absolute(clean) or rules.decade_century(clean, published) \
        or _season(clean, None, tense)
    if found is None and published is not None:
        anchor_value = rules.as_anchor(anchor)
        found = rules.anaphoric(clean, published, anchor_value) \
            or rules.quarter_half(clean, published, anchor_value, tense) \
            or _relative(clean, published, tense, anchor_value) or _fallback(clean, published, tense)
    return found if found else (None, None)


def is_anaphoric(text: str) -> bool:
    """Whether an expression is dated from the previous date in the document ("a year earlier",
    "the following day"): a caller keeping an anchor should not move it to such a value."""
    return rules.is_anaphoric(_clean(text))


#: Verbs whose complement (or whose own date) lies ahead: "agreed to meet on Tuesday".
_PROSPECTIVE = {"expect", "plan", "schedule", "set", "slate", "due", "intend", "hope", "aim", "seek", "want",
                "agree", "promise", "vow", "threaten", "prepare", "propose", "decide", "pledge", "offer"}
_MODALS = {"would", "could", "might", "may", "should", "must", "can", "ca", "'d"}


def tense_of(verb) -> str | None:
    """``past`` / ``future`` / ``present`` for a spaCy verb token from its tag and auxiliaries;
    None when the time relation to publication cannot be told (modals, most infinitives) or the
    token is not a verb. "said" past, "has met" past, "will meet" future, "agreed to meet" and
    "is scheduled" future."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxes}
    if lowers & {"will", "'ll", "shall", "wo"} or verb.lemma_ in ("schedule", "slate", "due"):
        return "future"
    if lowers & _MODALS:
        return None
    if "to" in lowers and verb.tag_ == "VB":
        head = verb.head
        if head is not verb and (head.lemma_ in _PROSPECTIVE or head.lower_ == "going"
                                 or (head.lemma_ == "be" and verb.dep_ == "xcomp")):
            return "future"  # "agreed to meet", "is going to meet", "is to meet" (an arrangement)
        return None
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes) or (verb.tag_ == "VBN" and lowers & {"has", "have"}):
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ != "conj":
        return "past"  # a bare participle: "the injunction issued Thursday", "Man arrested Monday"
    return "present"
