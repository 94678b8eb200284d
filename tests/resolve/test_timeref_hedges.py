"""Hedged dates, half years written as quarters, same-period-last-year phrases and which year a
bare month or date means."""

from __future__ import annotations

import datetime as dt

import pytest

from forewarn.resolve import resolve_time
from forewarn.resolve.timeref import is_anaphoric

PUB = dt.date(2021, 10, 20)  # a Wednesday in the fourth quarter


@pytest.mark.parametrize("text, expected", [
    ("2024 or later", ("2024", "year")), ("2023 and beyond", ("2023", "year")),
    ("a good part of 2022", ("2022", "year")), ("much of 2020", ("2020", "year")),
    ("the next year or so", ("2022", "year")), ("year-end", ("2021", "year")), ("year's end", ("2021", "year")),
    ("the first two quarters of 2022", ("2022-H1", "half")), ("the last two quarters of 2020", ("2020-H2", "half")),
    ("future quarters", ("FUTURE_REF", "ref")), ("the last half of the '80s", ("198", "decade")),
    ("this coming Sunday, October twenty fourth", ("2021-10-24", "day")),
])
def test_hedges_and_spans(text, expected):
    assert resolve_time(text, PUB) == expected


@pytest.mark.parametrize("text", ["the corresponding period last year", "the quarter a year ago",
                                  "the comparable year-ago quarter"])
def test_same_period_last_year(text):
    assert resolve_time(text, PUB, anchor=("2021-Q3", "quarter")) == ("2020-Q3", "quarter")
    assert is_anaphoric(text)
    assert not is_anaphoric("last year") and not is_anaphoric("the third quarter")


def test_a_future_tense_is_not_overruled_by_a_near_past_month():
    march = dt.date(1998, 3, 4)
    assert resolve_time("December", march, tense="future") == ("1998-12", "month")
    assert resolve_time("December", march, tense="past") == ("1997-12", "month")


def test_without_a_tense_a_month_or_date_leans_to_the_past():
    assert resolve_time("March", dt.date(1989, 10, 30)) == ("1989-03", "month")  # 7 back, 5 ahead
    assert resolve_time("Oct. 23", dt.date(1999, 5, 6)) == ("1998-10-23", "day")
    assert resolve_time("November", dt.date(1989, 10, 30)) == ("1989-11", "month")  # the coming one, days away
    assert resolve_time("Easter week", PUB) == ("2022-W15", "week")  # holidays keep the nearest


def test_a_bare_day_takes_the_month_just_named():
    assert resolve_time("25", PUB, anchor=("2021-04-24", "day")) == ("2021-04-25", "day")


def test_the_day_before_or_after_a_date():
    assert resolve_time("the day before last Tuesday", PUB, tense="past") == ("2021-10-18", "day")
    christmas = resolve_time("Christmas", PUB, tense="future")[0]
    assert resolve_time("the day after Christmas", PUB, tense="future") == (christmas[:8] + "26", "day")
