"""Dates and times as pages write them, read into ISO 8601.

Machine stamps keep their own offset; dates written for people ("Fri Mar 13 21:30:09 EST
2015", "Nov. 18, 2019, 6:18 p.m.") are read by dateutil; a zone name becomes an offset
only when it names one zone (AEDT, CET, GMT — never EST, CST or IST, which name several);
a numeric date only when one reading is a real date (12/17/2010, never 03/04/2010).
Nothing here reads the clock or the machine's locale.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateutil_parser

# Zone abbreviations that name one offset wherever they are written. EST/EDT (the US or
# Australia), CST (the US, China or Cuba), IST (India, Israel or Ireland), BST (Britain or
# Bangladesh), PST (the US or the Philippines) are left out: their offset is not known.
ZONE_OFFSETS = {
    "GMT": "+00:00",
    "UTC": "+00:00",
    "UT": "+00:00",
    "Z": "+00:00",
    "WET": "+00:00",
    "WEST": "+01:00",
    "CET": "+01:00",
    "CEST": "+02:00",
    "EET": "+02:00",
    "EEST": "+03:00",
    "MSK": "+03:00",
    "WAT": "+01:00",
    "CAT": "+02:00",
    "SAST": "+02:00",
    "EAT": "+03:00",
    "PKT": "+05:00",
    "NPT": "+05:45",
    "WIB": "+07:00",
    "WITA": "+08:00",
    "WIT": "+09:00",
    "HKT": "+08:00",
    "SGT": "+08:00",
    "AWST": "+08:00",
    "JST": "+09:00",
    "KST": "+09:00",
    "ACST": "+09:30",
    "ACDT": "+10:30",
    "AEST": "+10:00",
    "AEDT": "+11:00",
    "NZST": "+12:00",
    "NZDT": "+13:00",
    "HST": "-10:00",
    "AKST": "-09:00",
    "AKDT": "-08:00",
}
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DAY_OR_HOUR = re.compile(r"\b\d{1,2}\b")
_TIME = re.compile(r"\d:\d\d")
_OFFSET = re.compile(r"(?:\s|\d)(?:GMT|UTC)?([+-])(\d\d):?(\d\d)$")
_ZONE_NAME = re.compile(r"\b([A-Z]{1,4})\b(?=\)?\s*(?:(?:19|20)\d{2})?\s*$)")
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.])")
CJK_DATE = (
    r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*[（(][^）)]{1,3}[）)])?"
    r"(?:\s*(\d{1,2})\s*[時:：]\s*(\d{2})\s*分?)?"
)
_CJK_DATE = re.compile(CJK_DATE)
_YEARLESS = re.compile(
    rf"^(?:on\s+)?({MONTH_NAME})\s+(\d{{1,2}})(?:,)?\s+(?:at\s+)?(\d{{1,2}})[:.](\d{{2}})\s*([AaPp])\.?[Mm]\.?"
)


def iso_datetime(value: str | None) -> str | None:
    """Normalise an ISO 8601 date or date-time string, keeping its zone; None if unparseable."""
    value = " ".join(value.split()) if isinstance(value, str) else None
    if not value:
        return None
    candidate = value.replace("Z", "+00:00").replace(" ", "T", 1)
    candidate = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", candidate)
    candidate = re.sub(r"\.\d+(?=[+-]|$)", "", candidate)
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        return "-".join(match.groups()) if match else None
    if len(candidate) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _zone(value: str) -> str:
    """The UTC offset a written date states: a numeric one, or a zone name that names one."""
    offset = _OFFSET.search(value)
    if offset:
        return f"{offset[1]}{offset[2]}:{offset[3]}"
    name = _ZONE_NAME.search(value)
    return ZONE_OFFSETS.get(name[1], "") if name else ""


def written_datetime(value: str, fuzzy: bool = False) -> str | None:
    """A date written for people, in ISO 8601: "Wed, 20 Nov 2019 13:38:07 +0530" (with its
    offset), "November 19, 2019, 07:47 PM EST" (no offset: EST names two zones), "Fri 13 Mar
    2015 21:30 AEDT" (+11:00), "Monday, November 18, 2019". None without a year and a day,
    and for a numeric date with two possible readings."""
    if not _YEAR.search(value) or not _DAY_OR_HOUR.search(_YEAR.sub("", value)):
        return None
    numeric = _NUMERIC.search(value)
    if numeric and numeric_date(numeric[0]) is None:
        return None
    try:
        parsed = dateutil_parser.parse(
            value, fuzzy=fuzzy, ignoretz=True, default=datetime(1900, 1, 1)
        )
    except (ValueError, OverflowError):
        return None
    if parsed.year <= 1900:
        return None
    if not _TIME.search(value):
        return parsed.date().isoformat()
    return parsed.isoformat() + _zone(value)


def numeric_date(value: str) -> str | None:
    """The ISO day of the first numeric date in `value` ("12/17/2010", "17.12.2010") when
    only one reading of it (month/day or day/month) is a real date, or both agree."""
    match = _NUMERIC.search(value)
    if not match:
        return None
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    readings = set()
    for month, day in ((first, second), (second, first)):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            continue
    return readings.pop().isoformat() if len(readings) == 1 else None


def cjk_datetime(value: str) -> str | None:
    """'2019年4月21日', '2019年04月21日 12時00分' (Japanese, Chinese) in ISO 8601; no zone."""
    match = _CJK_DATE.search(value)
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    try:
        stamp = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
    except ValueError:
        return None
    return stamp.isoformat() if hour else stamp.date().isoformat()


def yearless_datetime(value: str, year: int) -> str | None:
    """ "March 18 at 3:57 PM" in `year` (known from elsewhere, e.g. the URL), in ISO 8601."""
    match = _YEARLESS.match(value)
    if not match:
        return None
    month_name, day, hour, minute, half = match.groups()
    month = next(
        (n for n, name in enumerate(MONTHS, 1) if name.startswith(month_name.rstrip(".").lower())),
        None,
    )
    hour_24 = int(hour) % 12 + (12 if half.lower() == "p" else 0)
    try:
        stamp = datetime(year, month or 0, int(day), hour_24, int(minute))
    except ValueError:
        return None
    return stamp.isoformat()
