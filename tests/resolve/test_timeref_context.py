"""Time expressions that lean on their context: the date just named ("that same day", "until
then"), the quarter a report is about, the month just ended, a running event's day, and the
tense read from a bare participle or "is to"."""

from __future__ import annotations

import datetime as dt

import pytest

from forewarn.resolve import resolve_time
from forewarn.resolve.timeref import is_anaphoric, tense_of

NOV1 = dt.date(1989, 11, 1)  # fourth quarter: the third is the last one ended


def test_that_day_after_a_month_is_the_month():
    assert resolve_time("that same day.", dt.date(1999, 2, 6), anchor="1998-10") == ("1998-10", "month")
    assert resolve_time("that day", dt.date(1999, 2, 6), anchor="1998-10-23") == ("1998-10-23", "day")
    assert resolve_time("that week", dt.date(1999, 2, 6), anchor="1998") == ("1998", "year")
    assert resolve_time("that year", dt.date(1999, 2, 6), anchor="1998-10-23") == ("1998", "year")


def test_then_is_the_date_just_named():
    assert resolve_time("until then", NOV1, anchor="1989-11-30") == ("1989-11-30", "day")
    assert resolve_time("by then", NOV1, anchor="1990") == ("1990", "year")
    assert resolve_time("then", NOV1) == (None, None)
    assert is_anaphoric("until then")


@pytest.mark.parametrize("pub, text, expected", [
    (dt.date(1998, 3, 1), "last February", "1997-02"),  # the month just ended is "last month"
    (dt.date(1998, 1, 10), "last December", "1996-12"),
    (dt.date(1998, 5, 1), "last February", "1998-02"),
    (dt.date(1998, 3, 1), "last November", "1997-11"),
    (dt.date(1998, 3, 1), "past February", "1998-02"),
])
def test_last_month_name(pub, text, expected):
    assert resolve_time(text, pub) == (expected, "month")


@pytest.mark.parametrize("text, expected", [
    ("the latest fiscal year", "1988"), ("the most recent fiscal year", "1988"),
    ("last fiscal year", "1988"), ("next fiscal year", "1990"), ("the fiscal year", "1989"),
    ("the previous fiscal year", "1988"), ("fiscal 1990", "1990"),
])
def test_fiscal_years(text, expected):
    assert resolve_time(text, dt.date(1989, 10, 26)) == (expected, "year")


def test_a_running_events_day_is_today_in_the_present():
    pub = dt.date(1998, 3, 6)
    assert resolve_time("the second day", pub, tense="present") == ("1998-03-06", "day")
    assert resolve_time("the third straight day", pub, tense="present") == ("1998-03-06", "day")
    assert resolve_time("the second day", pub, tense="past") == (None, None)
    assert resolve_time("the second day", pub) == (None, None)


def test_the_reported_quarter_is_not_displaced_by_an_older_one():
    # "After a flat second quarter, … In the 1989 period …" written in November: the third quarter
    assert resolve_time("the 1989 period", NOV1, anchor="1989-Q2") == ("1989-Q3", "quarter")
    assert resolve_time("the quarter", NOV1, anchor="1989-Q2") == ("1989-Q3", "quarter")
    # the last quarter ended or the current one, once named, is the one meant
    assert resolve_time("the quarter", NOV1, anchor="1989-Q3") == ("1989-Q3", "quarter")
    assert resolve_time("the quarter", NOV1, anchor="1989-Q4") == ("1989-Q4", "quarter")


def test_a_year_back_compares_a_reported_period_not_a_forecast_one():
    pub = dt.date(1989, 10, 26)
    assert resolve_time("year-ago period", pub, anchor="1990-Q3") == ("1988-Q3", "quarter")
    assert resolve_time("a year earlier", pub, anchor="1989-Q2") == ("1988-Q2", "quarter")
    assert resolve_time("a year earlier", pub, anchor="1989-H1") == ("1988-H1", "half")


@pytest.fixture(scope="module")
def nlp():
    from forewarn.annotate import load_nlp

    return load_nlp("auto")


def _tense(nlp, sentence: str, word: str):
    doc = nlp(sentence)
    return tense_of(next(t for t in doc if t.text == word))


def test_bare_participle_is_past(nlp):
    assert _tense(nlp, "The court suspended the injunction issued Thursday.", "issued") == "past"
    assert _tense(nlp, "The meeting scheduled for Thursday was cancelled.", "scheduled") == "future"


def test_is_to_is_future(nlp):
    assert _tense(nlp, "The company is to resume trading in Paris on Tuesday.", "resume") == "future"
    assert _tense(nlp, "He tried to resume trading on Tuesday.", "resume") is None


def test_a_bare_year_is_a_duration_not_a_date():
    # "for a year", "within a year": a length of time, not a point a year back (a wrong date is
    # worse than none); "a year earlier" / "a year ago" carry their own adverb.
    assert not is_anaphoric("a year")
    assert resolve_time("a year ago", dt.date(1989, 11, 1)) == ("1988", "year")


@pytest.mark.parametrize("text, anchor, expected", [
    ("last", "1989", ("1988", "year")),  # "as high a dividend this year as last"
    ("next", "1989", ("1990", "year")),  # "this year and next"
    ("last", "1989-Q3", ("1989-Q2", "quarter")), ("next", "1989-10", ("1989-11", "month")),
    ("next", "1989-H2", ("1990-H1", "half")), ("last", "1989-W43", ("1989-W42", "week")),
    ("last", "1989-10-27", (None, None)), ("next", None, (None, None)),
])
def test_a_unit_left_out_is_the_anchors(text, anchor, expected):
    assert resolve_time(text, dt.date(1989, 10, 27), anchor=anchor) == expected
    assert is_anaphoric(text)


def test_the_word_lists_come_from_the_data_file():
    import tomllib
    from importlib import resources

    data = tomllib.loads((resources.files("forewarn") / "data" / "time_words.toml").read_text("utf-8"))
    for word in data["anaphora"]["then"]:
        assert resolve_time(f"until {word}", NOV1, anchor="1989-11-30") == ("1989-11-30", "day"), word
    for phrase in data["years"]["latest"]:
        assert resolve_time(f"the {phrase}", NOV1) == ("1988", "year"), phrase
    for kind in data["years"]["kinds"]:
        assert resolve_time(f"last {kind} year", NOV1) == ("1988", "year"), kind
