"""TIMEX3 date values as calendar spans: the first and last day a `value` stands for.

A date annotation's `value` is ISO 8601 at its own granularity, extended as TIMEX3 does:
`2010-12-16`, `2010-12`, `2010`, decades `201`, centuries `20`, quarters `2011-Q1`,
halves `2011-H2`, seasons `2010-SU` (meteorological, northern hemisphere: winter
`2019-WI` runs from December 2019 to February 2020, as the dates annotator reads it),
ISO weeks `2019-W46`, their weekend `2019-W46-WE` and days `2019-W46-3`. Spreadsheet
and pandas users sort and filter by the span (the CSV's value_start/value_end columns).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:"
    r"(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T.*)?)?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)"
    r"|W(?P<week>\d{2})(?:-(?P<weekday>[1-7])|(?P<weekend>-WE))?"
    r"))?"
)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _months(year: int, first_month: int, count: int) -> tuple[date, date]:
    last_month = first_month + count - 1
    end_year, end_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    return date(year, first_month, 1), _month_end(end_year, end_month)


def _years(first: int, count: int) -> tuple[date, date]:
    return date(first, 1, 1), date(first + count - 1, 12, 31)


def _week(year: int, match: re.Match) -> tuple[date, date]:
    monday = date.fromisocalendar(year, int(match["week"]), 1)
    if match["weekday"]:
        day = monday + timedelta(days=int(match["weekday"]) - 1)
        return day, day
    if match["weekend"]:
        return monday + timedelta(days=5), monday + timedelta(days=6)
    return monday, monday + timedelta(days=6)


def _span_of_year_form(match: re.Match) -> tuple[date, date]:
    year = int(match["year"])
    if match["day"]:
        day = date(year, int(match["month"]), int(match["day"]))
        return day, day
    if match["month"]:
        return _months(year, int(match["month"]), 1)
    if match["quarter"]:
        return _months(year, 3 * int(match["quarter"]) - 2, 3)
    if match["half"]:
        return _months(year, 6 * int(match["half"]) - 5, 6)
    if match["season"]:
        return _months(year, _SEASON_START[match["season"]], 3)
    if match["week"]:
        return _week(year, match)
    return _years(year, 1)


def span(value: object) -> tuple[date, date] | None:
    """The first and last day (inclusive) a TIMEX3 date value stands for; None when it is
    not a value of that form (null, unknown, or a day that does not exist)."""
    if not isinstance(value, str):
        return None
    try:
        if re.fullmatch(r"\d{3}", value):  # a decade: 201 = 2010–2019
            return _years(int(value) * 10, 10)
        if re.fullmatch(r"\d{2}", value):  # a century: 20 = 2000–2099
            return _years(int(value) * 100, 100)
        match = _VALUE.fullmatch(value)
        return _span_of_year_form(match) if match else None
    except ValueError:  # year 0, February 30, week 53 of a 52-week year…
        return None
