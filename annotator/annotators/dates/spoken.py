"""The day words in a quotation were spoken, when the article says it.

The spec resolves "today", "tonight", "tomorrow" and "yesterday" inside a quotation against
the publication date, unless the article says when the words were spoken ("said at a
Tuesday evening briefing", "told reporters on Monday"): then against that day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A speech verb and, within a few words outside any quotation, the weekday it happened on.
SPOKEN_ON = re.compile(
    r"\b(?:said|says|told|added|explained|spoke|speaking|wrote|warned|announced)\b"
    rf"[^.!?\"“”\n]{{0,50}}?\b(?P<day>{'|'.join(WEEKDAYS)})\b"
)


def spoken_day(text: str, start: int, published: date | None) -> date | None:
    """The day the quotation holding text[start] was spoken, when its paragraph names it
    with a weekday after a speech verb; None outside quotations or when it is not said."""
    if published is None:
        return None
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    paragraph = text[begin:end]
    at = start - begin
    if not _inside_quotation(paragraph, at):
        return None
    for match in SPOKEN_ON.finditer(_outside_quotations(paragraph)):
        weekday = WEEKDAYS.index(match["day"])
        return published - timedelta(days=(published.weekday() - weekday) % 7)
    return None


def _inside_quotation(paragraph: str, at: int) -> bool:
    """Whether position `at` lies between an opening mark and its closing one."""
    before = paragraph[:at]
    if "“" in before or "”" in before:
        return before.rfind("“") > before.rfind("”")
    return before.count('"') % 2 == 1


def _outside_quotations(paragraph: str) -> str:
    """The paragraph with every quoted stretch blanked out (offsets kept)."""
    return re.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: " " * len(m.group()), paragraph)
