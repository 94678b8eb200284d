"""TimeML value forms, tense, anchors, holidays and the ranges of every form."""

from __future__ import annotations

import datetime as dt

import pytest

from forewarn.resolve import resolve_time, value_bounds
from forewarn.resolve.timeref import is_anaphoric
from forewarn.resolve.timeref_calendar import easter, granularity_of

PUB = dt.date(2021, 10, 20)  # a Wednesday in the fourth quarter


@pytest.mark.parametrize("text, expected", [
    ("now", ("PRESENT_REF", "ref")), ("currently", ("PRESENT_REF", "ref")),
    ("recently", ("PAST_REF", "ref")), ("in recent years", ("PAST_REF", "ref")),
    ("the near future", ("FUTURE_REF", "ref")), ("soon", ("FUTURE_REF", "ref")),
    ("the second quarter", ("2021-Q2", "quarter")), ("fourth-quarter", ("2021-Q4", "quarter")),
    ("the quarter", ("2021-Q3", "quarter")), ("the current quarter", ("2021-Q4", "quarter")),
    ("the year-ago quarter", ("2020-Q3", "quarter")), ("the third quarter of 2019", ("2019-Q3", "quarter")),
    ("the first half", ("2021-H1", "half")), ("the second half of 2018", ("2018-H2", "half")),
    ("last spring", ("2021-SP", "season")), ("this winter", ("2022-WI", "season")),
    ("the 1970s", ("197", "decade")), ("the early nineties", ("199", "decade")), ("the '60s", ("196", "decade")),
    ("the 19th century", ("18", "century")), ("nineteen ninety-six", ("1996", "year")),
    ("Thanksgiving", ("2021-11-25", "day")), ("last Christmas", ("2020-12-25", "day")),
    ("Easter week", ("2022-W15", "week")), ("Oct. 22", ("2021-10-22", "day")),
    ("Friday night", ("2021-10-22", "day")), ("9 a.m. Monday", ("2021-10-18", "day")),
    ("June last year", ("2020-06", "month")), ("the weekend", ("2021-W41-WE", "week")),
    ("a decade ago", ("2011", "year")),
])
def test_forms(text, expected):
    assert resolve_time(text, PUB) == expected


def test_tense_picks_the_occurrence():
    assert resolve_time("Monday", PUB, tense="past") == ("2021-10-18", "day")
    assert resolve_time("Monday", PUB, tense="future") == ("2021-10-25", "day")
    assert resolve_time("Saturday", PUB) == ("2021-10-23", "day")  # nearest without a tense
    assert resolve_time("in March", PUB, tense="past") == ("2021-03", "month")
    assert resolve_time("in March", PUB, tense="future") == ("2022-03", "month")
    # a near date wins over a tense that would reach a year back ("said the vote is Oct. 25")
    assert resolve_time("Oct. 25", PUB, tense="past") == ("2021-10-25", "day")
    assert resolve_time("first quarter", PUB, tense="future") == ("2022-Q1", "quarter")
    assert resolve_time("third quarter", PUB, tense="future") == ("2021-Q3", "quarter")


def test_anchor():
    assert resolve_time("the following year", PUB, anchor="2015-06-02") == ("2016", "year")
    assert resolve_time("later that year", PUB, anchor=("2015-06-02", "day")) == ("2015", "year")
    assert resolve_time("the next day", PUB, anchor="2015-06-02") == ("2015-06-03", "day")
    assert resolve_time("two days later", PUB, anchor="2015-06-02") == ("2015-06-04", "day")
    assert resolve_time("a year earlier", PUB, anchor="2021-Q3") == ("2020-Q3", "quarter")
    assert resolve_time("a year earlier", PUB, anchor="2015-06-02") == ("2014-06-02", "day")
    assert resolve_time("the next day", PUB) == ("2021-10-21", "day")  # no anchor: publication
    assert resolve_time("that day", PUB) == (None, None)
    assert is_anaphoric("a year earlier") and is_anaphoric("The following day") and not is_anaphoric("March 2")


def test_calendar():
    assert [easter(y) for y in (2000, 2019, 2024)] == [dt.date(2000, 4, 23), dt.date(2019, 4, 21), dt.date(2024, 3, 31)]
    assert granularity_of("2019-W52-WE") == "week" and granularity_of("201") == "decade"


@pytest.mark.parametrize("value, bounds", [
    ("2019-Q3", (dt.date(2019, 7, 1), dt.date(2019, 9, 30))),
    ("2019-H1", (dt.date(2019, 1, 1), dt.date(2019, 6, 30))),
    ("2019-SU", (dt.date(2019, 6, 1), dt.date(2019, 8, 31))),
    ("2019-WI", (dt.date(2018, 12, 1), dt.date(2019, 2, 28))),
    ("201", (dt.date(2010, 1, 1), dt.date(2019, 12, 31))),
    ("20", (dt.date(2000, 1, 1), dt.date(2099, 12, 31))),
    ("2019-W52-WE", (dt.date(2019, 12, 28), dt.date(2019, 12, 29))),
    ("PAST_REF", None), ("1998-XX", None),
])
def test_every_form_has_bounds(value, bounds):
    assert value_bounds(value, granularity_of(value) or "") == bounds
    assert value_bounds(value, "") == bounds  # the granularity is optional
