"""The date many news sites write into article URLs: /2019/11/19/, /2019-11-19/, /2019/nov/19/."""

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


def url_date(url: str | None) -> date | None:
    """The calendar date in an article URL, or None when it has none (or an impossible one)."""
    match = URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = match.groups()
    number = int(month) if month.isdigit() else URL_MONTHS.index(month.lower()) + 1
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None
