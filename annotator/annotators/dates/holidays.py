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


# Eid al-Fitr and Eid al-Adha, first day, as Saudi Arabia and most of the Arab world kept
# them (moon sighting moves them a day in some countries; no year after the last observed).
EID_AL_FITR = by_year(
    {
        2010: (9, 10), 2011: (8, 30), 2012: (8, 19), 2013: (8, 8), 2014: (7, 28),
        2015: (7, 17), 2016: (7, 6), 2017: (6, 25), 2018: (6, 15), 2019: (6, 4),
        2020: (5, 24), 2021: (5, 13), 2022: (5, 2), 2023: (4, 21), 2024: (4, 10),
        2025: (3, 30), 2026: (3, 20),
    }
)  # fmt: skip
EID_AL_ADHA = by_year(
    {
        2010: (11, 16), 2011: (11, 6), 2012: (10, 26), 2013: (10, 15), 2014: (10, 4),
        2015: (9, 24), 2016: (9, 12), 2017: (9, 1), 2018: (8, 21), 2019: (8, 11),
        2020: (7, 31), 2021: (7, 20), 2022: (7, 9), 2023: (6, 28), 2024: (6, 16),
        2025: (6, 6), 2026: (5, 27),
    }
)  # fmt: skip
# The first day of Passover (15 Nisan). Rosh Hashanah (1 Tishrei) always falls 163 days
# later, Yom Kippur (10 Tishrei) 172: the Hebrew months between have fixed lengths.
PASSOVER_DAYS = {
    2010: (3, 30), 2011: (4, 19), 2012: (4, 7), 2013: (3, 26), 2014: (4, 15),
    2015: (4, 4), 2016: (4, 23), 2017: (4, 11), 2018: (3, 31), 2019: (4, 20),
    2020: (4, 9), 2021: (3, 28), 2022: (4, 16), 2023: (4, 6), 2024: (4, 23),
    2025: (4, 13), 2026: (4, 2), 2027: (4, 22), 2028: (4, 11),
}  # fmt: skip
PASSOVER = by_year(PASSOVER_DAYS)


def after_passover(days: int) -> DayRule:
    """A day of the Hebrew calendar `days` after the first day of Passover of its year."""

    def rule(year: int) -> date | None:
        first = PASSOVER(year)
        return first + timedelta(days=days) if first else None

    return rule


def from_last_monday_of_may(days: int) -> DayRule:
    """A day `days` from May's last Monday (Canada's Victoria Day: the Monday before 25 May)."""
    return lambda year: nth_weekday(5, 0, -1)(year) + timedelta(days=days)


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
    "New Year": (
        fixed(1, 1),
        None,
    ),  # (only as a break's name: "the Christmas and New Year recess")
    "Christmas Eve": (fixed(12, 24), None),
    "Christmas Day": (fixed(12, 25), None),
    "Christmas": (fixed(12, 25), None),
    "Boxing Day": (fixed(12, 26), None),
    "St Stephen's Day": (fixed(12, 26), None),
    "St. Stephen's Day": (fixed(12, 26), None),
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
    "Shrove Tuesday": (from_easter(-47), None),
    "Ash Wednesday": (from_easter(-46), None),
    "Palm Sunday": (from_easter(-7), None),
    "Maundy Thursday": (from_easter(-3), None),
    "Holy Saturday": (from_easter(-1), None),
    "Ascension Day": (from_easter(39), None),
    "Pentecost": (from_easter(49), None),
    "Whit Monday": (from_easter(50), None),
    "Eid al-Fitr": (EID_AL_FITR, None),
    "Eid ul-Fitr": (EID_AL_FITR, None),
    "Eid-ul-Fitr": (EID_AL_FITR, None),
    "Eid al Fitr": (EID_AL_FITR, None),
    "Eid al-Adha": (EID_AL_ADHA, None),
    "Eid ul-Adha": (EID_AL_ADHA, None),
    "Eid-ul-Adha": (EID_AL_ADHA, None),
    "Eid al Adha": (EID_AL_ADHA, None),
    "Rosh Hashanah": (after_passover(163), None),
    "Rosh Hashana": (after_passover(163), None),
    "Yom Kippur": (after_passover(172), None),
    "Mother's Day": (nth_weekday(5, 6, 2), None),
    "Father's Day": (nth_weekday(6, 6, 3), None),
    "Republic Day": (fixed(1, 26), frozenset({"IN"})),
    "Gandhi Jayanti": (fixed(10, 2), None),
    "Freedom Day": (fixed(4, 27), frozenset({"ZA"})),
    "Youth Day": (fixed(6, 16), frozenset({"ZA"})),
    "Heritage Day": (fixed(9, 24), frozenset({"ZA"})),
    "Human Rights Day": (fixed(12, 10), None),
    "Day of Reconciliation": (fixed(12, 16), None),
    "Waitangi Day": (fixed(2, 6), None),
    "Victoria Day": (from_last_monday_of_may(-7), frozenset({"CA"})),
    # days the United Nations and its agencies observe, the same date everywhere
    "International Women's Day": (fixed(3, 8), None),
    "World Water Day": (fixed(3, 22), None),
    "World Health Day": (fixed(4, 7), None),
    "Earth Day": (fixed(4, 22), None),
    "World Malaria Day": (fixed(4, 25), None),
    "International Workers' Day": (fixed(5, 1), None),
    "May Day": (fixed(5, 1), None),
    "World Press Freedom Day": (fixed(5, 3), None),
    "World No Tobacco Day": (fixed(5, 31), None),
    "World Environment Day": (fixed(6, 5), None),
    "World Oceans Day": (fixed(6, 8), None),
    "World Refugee Day": (fixed(6, 20), None),
    "International Day of Yoga": (fixed(6, 21), None),
    "International Yoga Day": (fixed(6, 21), None),
    "International Youth Day": (fixed(8, 12), None),
    "World Teachers' Day": (fixed(10, 5), None),
    "World Mental Health Day": (fixed(10, 10), None),
    "World Food Day": (fixed(10, 16), None),
    "World Toilet Day": (fixed(11, 19), None),
    "World AIDS Day": (fixed(12, 1), None),
    "International Day of Persons with Disabilities": (fixed(12, 3), None),
    "Africa Day": (fixed(5, 25), None),
    "Armistice Day": (fixed(11, 11), None),
    "Burns Night": (fixed(1, 25), None),
    "St David's Day": (fixed(3, 1), None),
    "St George's Day": (fixed(4, 23), None),
    "St Andrew's Day": (fixed(11, 30), None),
    "Groundhog Day": (fixed(2, 2), None),
    "Flag Day": (fixed(6, 14), frozenset({"US"})),
    # national days of the countries whose news we read most, on their own pages only
    "Madaraka Day": (fixed(6, 1), None),
    "Mashujaa Day": (fixed(10, 20), None),
    "Jamhuri Day": (fixed(12, 12), None),
    "Democracy Day": (fixed(6, 12), frozenset({"NG"})),
    "Founders' Day": (fixed(8, 4), frozenset({"GH"})),
    "Heroes' Day": (fixed(6, 9), frozenset({"UG"})),
    "Martyrs' Day": (fixed(6, 3), frozenset({"UG"})),
    "Women's Day": (fixed(8, 9), frozenset({"ZA"})),
}
# The days a country names as others do but keeps on its own date: Canada's Thanksgiving
# (second Monday of October); Britain's and Ireland's Mother's Day (Mothering Sunday, three
# weeks before Easter); Australia's and New Zealand's Father's Day (first Sunday of
# September); each country's Independence Day.
_INDEPENDENCE = {
    "IN": (8, 15), "PK": (8, 14), "BD": (3, 26), "LK": (2, 4), "ID": (8, 17),
    "PH": (6, 12), "MY": (8, 31), "NG": (10, 1), "GH": (3, 6), "KE": (12, 12),
    "TZ": (12, 9), "NA": (3, 21), "MX": (9, 16), "BR": (9, 7), "AR": (7, 9),
    "JM": (8, 6), "TT": (8, 31), "GY": (5, 26), "UA": (8, 24), "VN": (9, 2),
}  # fmt: skip
BY_COUNTRY: dict[str, dict[str, DayRule]] = {
    "Thanksgiving": {"CA": nth_weekday(10, 0, 2)},
    "Thanksgiving Day": {"CA": nth_weekday(10, 0, 2)},
    "Mother's Day": {"GB": from_easter(-21), "IE": from_easter(-21)},
    "Father's Day": {"AU": nth_weekday(9, 6, 1), "NZ": nth_weekday(9, 6, 1)},
    "Independence Day": {country: fixed(*day) for country, day in _INDEPENDENCE.items()},
    "Human Rights Day": {"ZA": fixed(3, 21)},
}

NAMES = sorted(HOLIDAYS, key=len, reverse=True)
HOLIDAY = re.compile(
    r"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<name>"
    + "|".join(re.escape(name).replace("'", "['’]") for name in NAMES)
    + r")(?![\w'’-])(?:,?\s+(?P<y>(?:1[89]|20)\d\d)(?![\w-])"
    + r"|\s+(?P<yrel>last|this|next)\s+year\b)?"  # ("Easter this year")
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
    own = BY_COUNTRY.get(canonical, {}).get(country or "")
    if own is not None:
        return own
    rule, countries = HOLIDAYS[canonical]
    if countries is not None and country is not None and country not in countries:
        return None
    return rule
