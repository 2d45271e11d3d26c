"""Calendar arithmetic for the dates annotator: periods, ISO values and choosing by tense.

Everything here works on `datetime.date` values built from the publication date
as written; nothing reads the clock, the locale or the machine's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

PAST, FUTURE, WEAK_FUTURE, UNKNOWN = -1, 1, 2, 0

SEASONS = ("SP", "SU", "FA", "WI")
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Period:
    """A calendar stretch [first, last] (inclusive days) with its ISO 8601 / TIMEX3 value."""

    first: date
    last: date
    value: str


def safe_date(year: int, month: int, day: int) -> date | None:
    """`date(year, month, day)` or None when no such day exists."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_period(day: date) -> Period:
    """The one-day period of `day`."""
    return Period(day, day, day.isoformat())


def month_period(year: int, month: int) -> Period:
    """The calendar month `year-month`."""
    first = date(year, month, 1)
    return Period(first, first + relativedelta(months=1, days=-1), f"{year:04d}-{month:02d}")


def year_period(year: int) -> Period:
    """The calendar year."""
    return Period(date(year, 1, 1), date(year, 12, 31), f"{year:04d}")


def quarter_period(year: int, quarter: int) -> Period:
    """Quarter 1..4 of `year` (value `2011-Q1`)."""
    first = date(year, 3 * quarter - 2, 1)
    return Period(first, first + relativedelta(months=3, days=-1), f"{year:04d}-Q{quarter}")


def half_period(year: int, half: int) -> Period:
    """Half 1..2 of `year` (value `2011-H2`)."""
    first = date(year, 6 * half - 5, 1)
    return Period(first, first + relativedelta(months=6, days=-1), f"{year:04d}-H{half}")


# A southern-hemisphere season falls when the opposite northern one does.
OPPOSITE_SEASON = {"SP": "FA", "SU": "WI", "FA": "SP", "WI": "SU"}


def season_period(year: int, season: str, southern: bool = False) -> Period:
    """A meteorological season: in the north, winter `2019-WI` runs Dec 2019 – Feb 2020;
    in the south (`southern`), winter `2019-WI` runs June – August 2019 and summer `2019-SU`
    Dec 2019 – Feb 2020 (a season is named by the year it starts in)."""
    start = SEASON_START_MONTH[OPPOSITE_SEASON[season] if southern else season]
    first = date(year, start, 1)
    return Period(first, first + relativedelta(months=3, days=-1), f"{year:04d}-{season}")


def week_value(day: date) -> str:
    """The ISO week containing `day`, e.g. `2019-W46`."""
    iso_year, week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def week_period(day: date) -> Period:
    """The ISO week (Monday–Sunday) containing `day`."""
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6), week_value(day))


def weekend_period(saturday: date) -> Period:
    """The weekend starting on `saturday` (value `2019-W46-WE`)."""
    return Period(saturday, saturday + timedelta(days=1), week_value(saturday) + "-WE")


def current_season(day: date, southern: bool = False) -> Period:
    """The season containing `day` (in the southern hemisphere when `southern`)."""
    index = (day.month % 12) // 3  # Dec, Jan, Feb → 0 (northern winter); Mar–May → 1 …
    season = ("WI", "SP", "SU", "FA")[index]
    year = day.year - 1 if day.month < 3 else day.year
    if southern:
        season = OPPOSITE_SEASON[season]
    return season_period(year, season, southern)


def distance(period: Period, day: date) -> int:
    """Days between `day` and the nearest day of `period` (0 when inside)."""
    if period.first > day:
        return (period.first - day).days
    if period.last < day:
        return (day - period.last).days
    return 0


def choose(
    candidates: list[Period], anchor: date, tense: int, horizon: int | None = None
) -> Period:
    """Pick the occurrence a tensed sentence most likely means.

    PAST: the latest one starting on or before `anchor`; FUTURE: the earliest one
    ending on or after it; otherwise, or when the tensed choice lies more than
    `horizon` days away, the nearest (ties go to the earlier one).
    """
    ordered = sorted(candidates, key=lambda p: p.first)
    nearest = min(ordered, key=lambda p: (distance(p, anchor), p.first))
    chosen = None
    if tense == PAST:
        before = [p for p in ordered if p.first <= anchor]
        chosen = before[-1] if before else None
    elif tense == FUTURE:
        after = [p for p in ordered if p.last >= anchor]
        chosen = after[0] if after else None
    if chosen is None or (horizon is not None and distance(chosen, anchor) > horizon):
        return nearest
    return chosen


def full_year(two_digits: int, published: date | None) -> int:
    """The year a two-digit year ("'91", "12/15/15") names: in the publication's century,
    unless that puts it more than a year after the publication (then the century before)."""
    now = published.year if published else 2000
    year = now // 100 * 100 + two_digits
    return year if year <= now + 1 else year - 100


def yearly(anchor: date, build) -> list[Period]:
    """`build(year)` for the years around `anchor`, skipping impossible ones (Feb 29)."""
    periods = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        period = build(year)
        if period is not None:
            periods.append(period)
    return periods


def weekday_candidates(anchor: date, weekday: int) -> list[Period]:
    """The given weekday (Monday = 0) on or before and on or after `anchor`."""
    back = anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
    forward = anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return [day_period(back), day_period(forward)]


def shift_month(anchor: date, months: int) -> Period:
    """The month `months` away from the anchor's month."""
    moved = anchor.replace(day=1) + relativedelta(months=months)
    return month_period(moved.year, moved.month)
