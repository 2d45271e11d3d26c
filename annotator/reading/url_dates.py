"""The date many news sites write into article URLs: /2019/11/19/, /2019-11-19/, /2019/nov/19/,
or as one number ending a path segment: -20191115/, /20190211.html, or as a slug's yymmdd
after the year and month folders: /2015/08/150803-title."""

from __future__ import annotations

import re
from datetime import date

URL_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2]|"
    + "|".join(URL_MONTHS)
    + r")[/-](0?[1-9]|[12]\d|3[01])(?:/|-|\b)",
    re.IGNORECASE,
)
# Eight digits after a slash, hyphen or underscore and before the end of a path segment.
URL_COMPACT_DATE = re.compile(
    r"[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/.?#]|$)"
)


# A year and month folder, then a slug opening with the same year's last two digits, the
# month and the day: /energy/2015/08/150803-gender-bias… (the digits must agree).
URL_SLUG_DATE = re.compile(
    r"/((?:19|20)(\d{2}))/(0[1-9]|1[0-2])/\2\3(0[1-9]|[12]\d|3[01])(?=[-_/.]|$)"
)


def url_date(url: str | None) -> date | None:
    """The calendar date in an article URL, or None when it has none (or an impossible one)."""
    match = URL_DATE.search(url or "") or URL_COMPACT_DATE.search(url or "")
    slug = None if match else URL_SLUG_DATE.search(url or "")
    if slug:
        return _real_date(slug[1], slug[3], slug[4])
    if not match:
        return None
    year, month, day = match.groups()
    number = int(month) if month.isdigit() else URL_MONTHS.index(month.lower()) + 1
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None


def _real_date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
