"""Time expressions against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from forewarn.resolve import resolve_time, value_bounds

MONDAY = dt.date(2019, 12, 30)


@pytest.mark.parametrize("text, expected", [
    ("on Sunday", ("2019-12-29", "day")),
    ("Sunday", ("2019-12-29", "day")),
    ("Monday", ("2019-12-30", "day")),
    ("next Monday", ("2020-01-06", "day")),
    ("yesterday", ("2019-12-29", "day")),
    ("December 2017", ("2017-12", "month")),
    ("Back in December 2017", ("2017-12", "month")),
    ("in March", ("2020-03", "month")),  # nearest without a tense
    ("2015", ("2015", "year")),
    ("last year", ("2018", "year")),
    ("last month", ("2019-11", "month")),
    ("25 December 2017", ("2017-12-25", "day")),
    ("March 2, 2018", ("2018-03-02", "day")),
    ("two years ago", ("2017", "year")),
])
def test_resolves_against_publication(text, expected):
    assert resolve_time(text, MONDAY) == expected


def test_unknown_publication_date_leaves_relative_unresolved():
    assert resolve_time("on Sunday", None) == (None, None)
    assert resolve_time("last week", None) == (None, None)
    assert resolve_time("December 2017", None) == ("2017-12", "month")


def test_unreadable_text_is_unresolved():
    assert resolve_time("several occasions", MONDAY) == (None, None)


def test_value_bounds():
    assert value_bounds("2017-12", "month") == (dt.date(2017, 12, 1), dt.date(2017, 12, 31))
    assert value_bounds("2019-W52", "week")[0] == dt.date(2019, 12, 23)


def test_rules_dateparser_misses():
    import datetime as dt

    from forewarn.resolve import resolve_time

    pub = dt.date(2019, 12, 30)  # a Monday
    assert resolve_time("over the New Year period", pub) == ("2020-W01", "week")
    assert resolve_time("earlier this month", pub) == ("2019-12", "month")
    assert resolve_time("last June", pub) == ("2019-06", "month")
    assert resolve_time("back in December 2017", pub) == ("2017-12", "month")
    assert resolve_time("summer 2019", None) == ("2019-SU", "season")
    # the publication weekday means today in a report, next week for a future act
    assert resolve_time("Monday", pub) == ("2019-12-30", "day")
    assert resolve_time("Monday", pub, future=True) == ("2020-01-06", "day")
    assert resolve_time("last Monday", pub) == ("2019-12-23", "day")
    assert resolve_time("Sunday", None) == (None, None)
