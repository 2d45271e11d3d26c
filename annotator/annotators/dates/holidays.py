"""Named days that fix a date in their year: "Thanksgiving", "Christmas Eve", "Labor Day".

Each name maps to a rule giving its day in a year (a fixed month and day, the n-th weekday of
a month, or an offset from Easter). Some names are national: Thanksgiving is in October in
Canada; "Independence Day", "Election Day" and "Inauguration Day", which every country may
have, are read only on pages that are not from another country than the United States, while
names only the United States gives a day ("Thanksgiving", "Labor Day", "Fourth of July") are
its days wherever the page is from (a British page's Thanksgiving is the American one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

DayRule = Callable[[int], date | None]  # None: no such day that year


def fixed(month: int, day: int) -> DayRule:
    """The same month and day every year."""
    return lambda year: date(year, month, day)


def nth_weekday(month: int, weekday: int, n: int) -> DayRule:
    """The n-th given weekday (Monday = 0) of a month; n = -1 for the last one."""

    def rule(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        following = date(year + month // 12, month % 12 + 1, 1)
        last = following - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return rule


def easter(year: int) -> date:
    """Western Easter Sunday (the Gregorian computus)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_skip, leap_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_skip - moon + 15) % 30
    weekday = (32 + 2 * (century % 4) + 2 * (rest // 4) - epact - rest % 4) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def from_easter(days: int) -> DayRule:
    """A day a fixed number of days from Easter Sunday."""
    return lambda year: easter(year) + timedelta(days=days)


def by_year(days: dict[int, tuple[int, int]]) -> DayRule:
    """A day set by a lunar or lunisolar calendar: its (month, day) in each year of a table,
    None in a year the table does not hold (no guess outside it)."""

    def rule(year: int) -> date | None:
        found = days.get(year)
        return date(year, *found) if found else None

    return rule


# The first day of the lunisolar new year (China, Korea's Seollal, Vietnam's Tet).
LUNAR_NEW_YEAR = by_year(
    {
        2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31),
        2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5),
        2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10),
        2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26),
    }
)  # fmt: skip
# Diwali (Lakshmi Puja), the day India's central government lists as the holiday.
DIWALI = by_year(
    {
        2010: (11, 5), 2011: (10, 26), 2012: (11, 13), 2013: (11, 3), 2014: (10, 23),
        2015: (11, 11), 2016: (10, 30), 2017: (10, 19), 2018: (11, 7), 2019: (10, 27),
        2020: (11, 14), 2021: (11, 4), 2022: (10, 24), 2023: (11, 12), 2024: (10, 31),
        2025: (10, 20), 2026: (11, 8),
    }
)  # fmt: skip


def inauguration_day(year: int) -> date | None:
    """U.S. Inauguration Day: 20 January of the year after a presidential election (since 1937)."""
    return date(year, 1, 20) if year % 4 == 1 and year >= 1937 else None


def election_day(year: int) -> date:
    """U.S. Election Day: the Tuesday after the first Monday of November."""
    return nth_weekday(11, 0, 1)(year) + timedelta(days=1)


# name (as written, "Day" optional where shown) -> (rule, countries it holds for or None)
HOLIDAYS: dict[str, tuple[DayRule, frozenset[str] | None]] = {
    "New Year's Day": (fixed(1, 1), None),
    "New Year's Eve": (fixed(12, 31), None),
    "Christmas Eve": (fixed(12, 24), None),
    "Christmas Day": (fixed(12, 25), None),
    "Christmas": (fixed(12, 25), None),
    "Boxing Day": (fixed(12, 26), None),
    "Halloween": (fixed(10, 31), None),
    "Valentine's Day": (fixed(2, 14), None),
    "St Patrick's Day": (fixed(3, 17), None),
    "St. Patrick's Day": (fixed(3, 17), None),
    "Easter Sunday": (easter, None),
    "Easter Monday": (from_easter(1), None),
    "Easter": (easter, None),
    "Good Friday": (from_easter(-2), None),
    "Thanksgiving Day": (nth_weekday(11, 3, 4), None),
    "Thanksgiving": (nth_weekday(11, 3, 4), None),
    "Labor Day": (nth_weekday(9, 0, 1), None),
    "Memorial Day": (nth_weekday(5, 0, -1), None),
    "Martin Luther King Jr. Day": (nth_weekday(1, 0, 3), None),
    "Presidents' Day": (nth_weekday(2, 0, 3), None),
    "Presidents Day": (nth_weekday(2, 0, 3), None),
    "Columbus Day": (nth_weekday(10, 0, 2), None),
    "Veterans Day": (fixed(11, 11), None),
    "Independence Day": (fixed(7, 4), frozenset({"US"})),
    "Fourth of July": (fixed(7, 4), None),
    "Juneteenth": (fixed(6, 19), None),
    "Election Day": (election_day, frozenset({"US"})),
    "Inauguration Day": (inauguration_day, frozenset({"US"})),
    "Canada Day": (fixed(7, 1), None),
    "Remembrance Day": (fixed(11, 11), None),
    "Bastille Day": (fixed(7, 14), None),
    "Anzac Day": (fixed(4, 25), None),
    "Australia Day": (fixed(1, 26), None),
    "Guy Fawkes Night": (fixed(11, 5), frozenset({"GB"})),
    "Lunar New Year": (LUNAR_NEW_YEAR, None),
    "Chinese New Year": (LUNAR_NEW_YEAR, None),
    "Spring Festival": (LUNAR_NEW_YEAR, None),
    "Diwali": (DIWALI, None),
    "Deepavali": (DIWALI, None),
    "Bonfire Night": (fixed(11, 5), frozenset({"GB"})),
}
# Canada's Thanksgiving is the second Monday of October.
CANADIAN = {"Thanksgiving": nth_weekday(10, 0, 2), "Thanksgiving Day": nth_weekday(10, 0, 2)}

NAMES = sorted(HOLIDAYS, key=len, reverse=True)
HOLIDAY = re.compile(
    r"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<name>"
    + "|".join(re.escape(name).replace("'", "['’]") for name in NAMES)
    + r")(?![\w'’-])(?:,?\s+(?P<y>(?:1[89]|20)\d\d)(?![\w-]))?"
)
# Where the scan may find one: each name's first two words (one for one-word names), in
# both apostrophes, none that another starts with ("Christmas" finds "Christmas Eve" too).
# Two words, not one, keep the scan from trying the pattern at every "New" or "Good";
# "last/next/this Christmas" are found at "last", "next" and "this", which other families
# open at already.
_HEADS = {" ".join(name.split()[:2]).replace("'", mark) for name in NAMES for mark in "'’"}
FIRST_WORDS = sorted(
    head for head in _HEADS if not any(head.startswith(other + " ") for other in _HEADS)
)
RELATIVE_OPENERS = ("last", "next", "this", "Last", "Next", "This")


def day_rule(name: str, country: str | None) -> DayRule | None:
    """The rule giving the named day in a year for a publisher's country, or None when the
    name is another country's (an Indian page's "Independence Day" is not the Fourth of July)."""
    canonical = name.replace("’", "'")
    if country == "CA" and canonical in CANADIAN:
        return CANADIAN[canonical]
    rule, countries = HOLIDAYS[canonical]
    if countries is not None and country is not None and country not in countries:
        return None
    return rule
