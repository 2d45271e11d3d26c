"""TIMEX3 date values as calendar spans (the CSV's value_start/value_end)."""

from __future__ import annotations

from datetime import date

import pytest

from annotator.annotators.dates import calendar
from annotator.timex import span

D = date


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2010-12-16", D(2010, 12, 16), D(2010, 12, 16)),
        ("2010-12-17T08:37", D(2010, 12, 17), D(2010, 12, 17)),
        ("2012-02", D(2012, 2, 1), D(2012, 2, 29)),
        ("2010", D(2010, 1, 1), D(2010, 12, 31)),
        ("201", D(2010, 1, 1), D(2019, 12, 31)),
        ("13", D(1300, 1, 1), D(1399, 12, 31)),
        ("2011-Q1", D(2011, 1, 1), D(2011, 3, 31)),
        ("2010-Q4", D(2010, 10, 1), D(2010, 12, 31)),
        ("2011-H2", D(2011, 7, 1), D(2011, 12, 31)),
        ("2019-WI", D(2019, 12, 1), D(2020, 2, 29)),
        ("2010-SU", D(2010, 6, 1), D(2010, 8, 31)),
        ("2020-W01", D(2019, 12, 30), D(2020, 1, 5)),
        ("2020-W53", D(2020, 12, 28), D(2021, 1, 3)),
        ("2019-W52-WE", D(2019, 12, 28), D(2019, 12, 29)),
        ("2019-W46-3", D(2019, 11, 13), D(2019, 11, 13)),
    ],
)
def test_span(value, first, last):
    assert span(value) == (first, last)


@pytest.mark.parametrize(
    "value", [None, "", "2019-W53", "2010-02-30", "0000", "2010-Q5", "soon", 2010]
)
def test_no_span(value):
    assert span(value) is None


def test_spans_agree_with_the_periods_the_dates_annotator_makes():
    periods = [
        calendar.quarter_period(2011, 4),
        calendar.half_period(2020, 1),
        calendar.season_period(2019, "WI"),
        calendar.season_period(2021, "FA"),
        calendar.week_period(date(2019, 12, 30)),
        calendar.weekend_period(date(2021, 1, 2)),
        calendar.month_period(2016, 2),
        calendar.year_period(1999),
        calendar.current_season(date(2020, 1, 15)),
    ]
    for period in periods:
        assert span(period.value) == (period.first, period.last), period.value
