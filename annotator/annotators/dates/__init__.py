"""The built-in `dates` annotator: marks date expressions in the article body (type `date`).

Rule-based and transparent: each family of expressions is one compiled regex with
a rule (`rules`); overlapping finds keep the longest; modifiers ("the end
of", "early", "mid-") and a time of day ("at 3 p.m.") then widen a find; finally
"the previous year" is linked to the year it counts from. Relative expressions
are resolved against the calendar date of `document.published`, as written.

Modules: `patterns` (the compiled regexes, one alternation per family), `rules` (one rule
per family: regex match → Candidate), `calendar` (period arithmetic, ISO/TIMEX3 values,
choosing past or future by tense), `context` (is this number or word a date here?),
`tense` (the tense around an expression), `holidays` (named days: Thanksgiving, Easter…);
this file runs them and builds annotations.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from ...hookspecs import hookimpl
from ...model import Annotation, Document, publication_day
from ..alternation import alternation
from ..places import publisher_country, url_country
from . import calendar as cal
from . import context as ctx
from . import patterns as pat
from .rules import RULES, TENSED, Candidate, Scan, range_end_days, short_years
from .tense import sentence_bounds

MODIFIABLE = frozenset({"year", "month", "season", "quarter"})
EDGE_MODS = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}
ELASTIC_MODS = {"early": "START", "late": "END", "mid": "MID"}
WEEK_MODS = {"first": "START", "opening": "START", "second": "START", "third": "MID"} | {
    word: "END" for word in ("fourth", "last", "final", "closing")
}
# How far (characters) a month or day just written, even one read from the publication date,
# is what "a year earlier" in the same sentence compares with.
COMPARISON_REACH = 160
ANCHOR_REACH = 600  # characters back to look for the year "the previous year" counts from
DAY_REACH = 300  # characters back to look for the day "the following day" counts from
RELATION_MODS = {
    "before": "BEFORE",
    "after": "AFTER",
    "circa": "APPROX",
    "c.": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
}
_FOUR_DIGITS = re.compile(r"^\d{4}$")
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")


Groups = dict[str, list[tuple[str, tuple[str, ...]]]]


def _grouped(openers: dict[str, tuple[str, ...]], fold: Callable[[str], str]) -> Groups:
    """Openers grouped by their search key (with `str.lower`, "last" and "Last" are found
    by one search)."""
    groups: Groups = {}
    for word, families in openers.items():
        groups.setdefault(fold(word), []).append((word, families))
    return groups


class _Scanner:
    """Finds every opener of a group in one pass: a look-ahead over a trie of the group's
    keys gives, at each word start, the longest key there; the keys that are its prefixes
    are the others found at that position (checked in the group's order)."""

    def __init__(self, groups: Groups) -> None:
        self.groups = groups
        order = {key: index for index, key in enumerate(groups)}
        # (led by the character before a word start, anything but a letter or digit, so
        # that the regex engine tries the trie at word starts only; the haystack is
        # searched with a space in front, which also makes its first word one)
        self.pattern = re.compile(f"[\\W_](?=({alternation(groups)}))")
        self.found_with = {
            key: sorted((other for other in groups if key.startswith(other)), key=order.get)
            for key in groups
        }

    def add(self, haystack: str, text: str, found: dict[int, tuple[str, ...]]) -> None:
        """Record in `found` the families each opener found in `haystack` (`text`, or its
        lower case when that is as long, with a space in front) can start at its position
        in `text` (not after a letter or digit; the forms as written)."""
        groups = self.groups
        for match in self.pattern.finditer(haystack):
            position = match.start()  # (of the character before it: one less in `text`)
            for key in self.found_with[match.group(1)]:
                for word, families in groups[key]:
                    if text.startswith(word, position):
                        found[position] = found.get(position, ()) + families


def _scanners(openers: dict[str, tuple[str, ...]]) -> tuple[_Scanner, _Scanner]:
    """The scanner for `openers` in a lower-cased text, and the one for a text as written."""
    return _Scanner(_grouped(openers, str.lower)), _Scanner(_grouped(openers, str))


def _names_a_holiday(text: str, lowered: str) -> bool:
    return pat.HOLIDAY_HINT.search(text) is not None


def _names_a_decade(text: str, lowered: str) -> bool:
    return "aughts" in lowered or pat.DECADE_HINT.search(lowered) is not None


OPENERS = _scanners(pat.OPENERS)
# Openers looked for only in a text a quicker test finds their kind of date in.
GATED_OPENERS = (
    (_names_a_holiday, _scanners(pat.HOLIDAY_OPENERS)),
    (_names_a_decade, _scanners(pat.DECADE_OPENERS)),
)


def number_starts(text: str) -> list[int]:
    """Where each run of digits (or the apostrophe of "'90s") starts, whatever is before it."""
    return [match.start() for match in pat.NUMBER_OPENER.finditer(text)]


def opening_positions(text: str, numbers: list[int]) -> list[tuple[int, tuple[str, ...]]]:
    """Where a date expression may start, with the families that can start there, in order.

    The openers are looked for in the lower-cased text, whatever their cases, and each hit
    is then matched against the opener's written forms; `numbers` are the text's
    `number_starts`."""
    found: dict[int, tuple[str, ...]] = {}
    lowered = text.lower()
    # (a character whose lower case is longer: search as written)
    as_written = len(lowered) != len(text)
    haystack = " " + (text if as_written else lowered)
    OPENERS[as_written].add(haystack, text, found)
    for names_some, scanners in GATED_OPENERS:
        if names_some(text, lowered):
            scanners[as_written].add(haystack, text, found)
    for position in numbers:
        if not (position and text[position - 1].isalnum()):
            found[position] = found.get(position, ()) + pat.NUMBER_FAMILIES
    return sorted(found.items())


def find_candidates(scan: Scan) -> list[Candidate]:
    """Every candidate of every rule, before overlaps are resolved.

    Two stages: find the words that can open a date ("Monday", "last", a number…),
    then try there only the families that can start with that word
    (`pattern.match`), each family never overlapping itself.
    """
    text = scan.text
    found = []
    ends = dict.fromkeys(RULES, 0)
    numbers = number_starts(text)
    for position, families in opening_positions(text, numbers):
        for family in families:
            if position < ends[family]:
                continue
            pattern, rule = RULES[family]
            match = pattern.match(text, position)
            if match is None:
                continue
            ends[family] = match.end()
            candidate = rule(match, scan)
            if candidate is not None:
                found.append(candidate)
    return found + range_end_days(scan, found) + short_years(scan, numbers)


def longest_first(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (earliest on ties), in text order."""
    kept: list[Candidate] = []
    starts: list[int] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and kept[index - 1].end > candidate.start:
            continue
        if index < len(kept) and kept[index].start < candidate.end:
            continue
        kept.insert(index, candidate)
        starts.insert(index, candidate.start)
    return kept


def widen_with_modifier(text: str, candidate: Candidate) -> None:
    """Take in "the end of", "early", "mid-"… before a month/year/season and set `mod`."""
    if candidate.granularity not in MODIFIABLE or candidate.mod:
        return
    head = text[max(0, candidate.start - 30) : candidate.start]
    match = pat.MODIFIER_BEFORE.search(head)
    if match is None:
        return
    if match["pos"]:
        candidate.mod = EDGE_MODS[match["pos"].lower()]
    elif match["nth"]:  # "the first week of November": its start
        candidate.mod = WEEK_MODS[match["nth"]]
    else:
        word = (match["el"] or match["mid"]).lower()
        candidate.mod = ELASTIC_MODS[word]
    candidate.start -= len(match.group(0))


def widen_with_time(text: str, candidate: Candidate) -> None:
    """Turn a day into a time when a clock time is attached: "Thursday at 3 p.m."."""
    if candidate.granularity != "day" or candidate.ambiguous:
        return
    after = pat.TIME_AFTER.match(text, candidate.end)
    before = (
        None
        if after
        else pat.TIME_BEFORE.search(text, max(0, candidate.start - 24), candidate.start)
    )
    match = after or before
    if match is None or (before is not None and before.end() != candidate.start):
        return
    clock = _clock(match)
    if after:
        candidate.end = after.end()
    else:
        candidate.start = before.start()
    candidate.granularity = "time"
    if candidate.value:
        candidate.value = f"{candidate.value}T{clock}"


def _clock(match: re.Match) -> str:
    if match.groupdict().get("HH"):
        return f"{match['HH']}:{match['MM']}"
    if match.groupdict().get("noon"):
        return "12:00" if match["noon"] == "noon" else "00:00"
    if match.groupdict().get("H"):
        return f"{int(match['H']):02d}:{match['M']}"
    hour = int(match["h"]) % 12 + (12 if match["ap"] == "p" else 0)
    return f"{hour:02d}:{match['min'] or '00'}"


def _counts_from_its_year(candidate: Candidate) -> bool:
    """Whether "the following year" can count from this date: a year, or a written-out
    month, season or day ("in August 2016. The next year, …")."""
    value = candidate.value or ""
    if candidate.granularity == "year":
        return bool(_FOUR_DIGITS.match(value))
    return not candidate.relative and bool(_FOUR_DIGITS.match(value[:4]))


_MONTH_VALUE = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)")


def _month_from(month: date, candidate: Candidate) -> cal.Period:
    """The month `candidate` counts from `month`: "seven months later" shifts it, "the
    following January" is the first January after it."""
    if candidate.month_shift is not None:
        return cal.shift_month(month, candidate.month_shift)
    wanted = (candidate.yearless or (month.month, None))[0]
    if candidate.month_step == 1:
        return cal.month_period(month.year + (wanted <= month.month), wanted)
    return cal.month_period(month.year - (wanted >= month.month), wanted)


def link_years(candidates: list[Candidate]) -> list[Candidate]:
    """Resolve "the previous year" / "the following day" against the nearest year / day
    before it; when there is none within reach, drop it, or keep the value it was given
    from the publication date ("earlier in the year": this year)."""
    kept = []
    last_year: Candidate | None = None
    last_day: Candidate | None = None
    last_month: Candidate | None = None
    last_dated_month: Candidate | None = None
    for candidate in candidates:
        if candidate.month_shift is not None or candidate.month_step is not None:
            # ("the following January" counts from a month written with its year)
            anchor = last_month if candidate.month_step is None else last_dated_month
            if anchor is None or candidate.start - anchor.end > ANCHOR_REACH:
                if candidate.value is not None:
                    kept.append(candidate)
                continue
            month = date.fromisoformat((anchor.value or "")[:7] + "-01")
            candidate.value = _month_from(month, candidate).value
            candidate.anchor, candidate.yearless = anchor, None
        elif candidate.year_shift is not None:
            anchor = last_year
            if (
                candidate.year_shift
                and last_month is not None
                and (anchor is None or last_month.start > anchor.start)
            ):
                if candidate.start - last_month.end <= COMPARISON_REACH:
                    anchor = last_month  # "In January, … compared with … a year earlier"
            if anchor is None or candidate.start - anchor.end > ANCHOR_REACH:
                if candidate.value is not None:
                    kept.append(candidate)
                continue
            year = int((anchor.value or "0")[:4]) + candidate.year_shift
            candidate.value = str(year)
            if candidate.granularity == "month" and candidate.yearless:  # "that September"
                candidate.value = f"{year}-{candidate.yearless[0]:02d}"
                candidate.yearless = None
            if candidate.season:  # "that spring"
                candidate.value = f"{year}-{candidate.season}"
            candidate.anchor = anchor
            if anchor is not last_year:  # a comparison's year is no episode's to count from
                kept.append(candidate)
                continue
        elif candidate.day_shift is not None:
            if last_day is None or candidate.start - last_day.end > DAY_REACH:
                if candidate.value is not None:
                    kept.append(candidate)
                continue
            day = date.fromisoformat((last_day.value or "")[:10]) + timedelta(candidate.day_shift)
            if candidate.weekday is not None:  # "that Friday": the day just dated or its week's
                day += timedelta((candidate.weekday - day.weekday()) % 7)
            weekly = candidate.granularity == "week"
            candidate.value = cal.week_value(day) if weekly else day.isoformat()
            candidate.anchor = last_day
        if _counts_from_its_year(candidate):
            last_year = candidate
        if candidate.granularity in ("day", "time") and _DAY_VALUE.match(candidate.value or ""):
            last_day = candidate
        if candidate.granularity in ("month", "day", "time") and _MONTH_VALUE.match(
            candidate.value or ""
        ):
            last_month = candidate
            if not candidate.relative:
                last_dated_month = candidate
        kept.append(candidate)
    return kept


# How far (characters) an episode's dated month carries its year to a yearless date: a few
# paragraphs ("In February 2018 …" does not date "a January 31 earnings call" pages later).
NARRATIVE_REACH = 3000


# A month or day written as a deadline: "to be completed by March 2022" tells no episode.
DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before)\s+(?:the\s+end\s+of\s+)?$")


def link_narrative_years(
    text: str, candidates: list[Candidate], published: date | None = None
) -> list[Candidate]:
    """ "July 8" without a year, after the article has named that month or the one next to
    it with an earlier year ("the July 2021 riots", "on June 29 2021") within NARRATIVE_REACH
    characters before it, is in that year: the story is telling that past episode, unless a
    weekday written with it falls on another day in that year. Bare months ("in October") keep their tensed year:
    an article names last October far more often than an episode's October."""
    named: dict[int, Candidate] = {}  # month → the latest explicit date of that month
    for candidate in candidates:
        explicit = not candidate.relative and candidate.granularity in ("day", "month", "time")
        month_value = _MONTH_VALUE.match(candidate.value or "")
        if explicit and month_value:
            if not DEADLINE_BEFORE.search(text, max(0, candidate.start - 20), candidate.start):
                named[int(month_value["month"])] = candidate
            continue
        if candidate.yearless is None or candidate.future or candidate.ongoing:
            continue  # (a day the sentence places ahead, or one a span runs on from to now, is
            # not the past episode's)
        month, day = candidate.yearless
        told = [
            named[m]
            for m in (month, month - 1, month + 1)
            if m in named and candidate.start - named[m].start <= NARRATIVE_REACH
        ]
        if day is None or not told or candidate.value is None:
            continue
        source = max(told, key=lambda c: c.start)
        far = candidate.start - source.start > CLOSE_EPISODE
        if published and far and _near(candidate.value, published):
            continue  # "adjourned till April 22" in March, paragraphs after "May 2022": the
            # day weeks away, not the episode's (one told right after its month stays in it)
        year = int(source.value[:4])
        found = cal.safe_date(year, month, day)
        if found is None or year >= int(candidate.value[:4]):
            continue
        if candidate.weekday is not None and found.weekday() != candidate.weekday:
            continue  # "on Tuesday, 20 September": that year's 20 September is no Tuesday
        candidate.value = found.isoformat()
        candidate.anchor = source
    return candidates


# Days (before or after the publication) within which a day's own reading stands against an
# earlier episode's year named more than CLOSE_EPISODE characters before it.
NEAR_DAYS = 45
CLOSE_EPISODE = 600


def _near(value: str | None, published: date) -> bool:
    """Whether a day value lies within NEAR_DAYS of the publication day."""
    try:
        day = date.fromisoformat((value or "")[:10])
    except ValueError:
        return False
    return abs((day - published).days) <= NEAR_DAYS


def follow_anchor_months(candidates: list[Candidate]) -> list[Candidate]:
    """ "Five months later" counts from its anchor's month as finally dated: an anchor given
    its year afterwards ("on Sept. 29 that year", a past episode's day) moves it too."""
    for candidate in candidates:
        anchor = candidate.anchor
        if candidate.month_shift is None or anchor is None or not anchor.value:
            continue
        month = date.fromisoformat(anchor.value[:7] + "-01")
        candidate.value = cal.shift_month(month, candidate.month_shift).value
    return candidates


def of_that_year(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "October of that year", "the fall of that year", "June that year": one date, in the
    year "that year" points to (a yearless month, season or day followed by " of " or a space
    and that anchored year)."""
    kept: list[Candidate] = []
    for candidate in candidates:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and candidate.year_shift == 0
            and candidate.value
            and previous.yearless is not None
            and previous.value
            and text[previous.end : candidate.start] in (" of ", " ")
        ):
            previous.value = candidate.value[:4] + previous.value[4:]
            previous.end, previous.anchor = candidate.end, candidate.anchor
            previous.yearless, previous.relative = None, False
            continue
        kept.append(candidate)
    return kept


# A second day of the same month, then the year both are in: " and 20 last year".
SECOND_DAY_OF_YEAR = re.compile(
    r"\s*(?:and|to|-|–)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?=(?:last|this|next)\s+year\b)"
)


def days_to_a_year(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "between August 17 and 20 last year": both days in the year named after the second,
    which becomes a date of its own ("20 last year")."""
    by_start = {candidate.start: candidate for candidate in candidates}
    for candidate in candidates:
        if not candidate.yearless or candidate.yearless[1] is None:
            continue
        second = SECOND_DAY_OF_YEAR.match(text, candidate.end)
        year = by_start.get(second.end()) if second else None
        if year is None or not YEAR_VALUE.fullmatch(year.value or ""):
            continue
        month, day = candidate.yearless
        first = cal.safe_date(int(year.value), month, day)
        last = cal.safe_date(int(year.value), month, int(second["day"]))
        if first is None or last is None:
            continue
        candidate.value, candidate.yearless, candidate.anchor = first.isoformat(), None, year
        year.start, year.value, year.granularity = second.start("day"), last.isoformat(), "day"
    return candidates


# What joins the two ends of a span of dates: "between January and June 2020", "March to May".
SPAN_JOIN = re.compile(r"\s*(?:and|to|until|till|through|thru|-|–|—)\s*")


def share_closing_year(
    text: str, candidates: list[Candidate], published: date | None = None
) -> list[Candidate]:
    """ "between January and June 2020", "from March to May 2019": the opening month (or day)
    written without its year is in the closing date's year (the year before it when the span
    runs over a new year: "between September and March 2024"); with no year on either, the
    closing month follows the opening one."""
    for opening, closing in zip(candidates, candidates[1:], strict=False):
        if opening.yearless is None or not opening.value:
            continue
        if not SPAN_JOIN.fullmatch(text, opening.end, closing.start):
            continue
        if closing.relative:
            _close_after(opening, closing, published)
            continue
        year = (closing.value or "")[:4]
        if not _FOUR_DIGITS.match(year):
            continue
        month, day = opening.yearless
        found = cal.safe_date(int(year) - _wraps(month, day, closing.value or ""), month, day or 1)
        if found is None:
            continue
        opening.value = found.isoformat() if day else found.isoformat()[:7]
        opening.anchor, opening.yearless = closing, None
    return candidates


# A closing date's month and day, when its value has them ("2024-03", "2024-01-05").
_MONTH_DAY = re.compile(r"\d{4}-(\d\d)(?:-(\d\d))?$")


def _wraps(month: int, day: int | None, closing: str) -> bool:
    """Whether a span from (month, day) to the closing value runs over a new year ("between
    September and March 2024"); never for a closing year, quarter, season or week."""
    found = _MONTH_DAY.match(closing)
    return found is not None and (month, day or 1) > (int(found[1]), int(found[2] or 1))


def _close_after(opening: Candidate, closing: Candidate, published: date | None) -> None:
    """ "between August and October", both without a year (each alone may have been read in
    another year): the closing month follows the opening one, in the span of the two that
    lies nearer the publication day: the closing month moved forward or the opening back."""
    if closing.yearless is None or not closing.value or closing.granularity != "month":
        return
    if opening.granularity != "month" or closing.value >= (opening.value or "") or not published:
        return
    first, last = opening.yearless[0], closing.yearless[0]
    wraps = last <= first  # "from November to January"
    forward = (int(opening.value[:4]), int(opening.value[:4]) + wraps)
    back = (int(closing.value[:4]) - wraps, int(closing.value[:4]))

    def distance(years: tuple[int, int]) -> int:
        span = cal.Period(date(years[0], first, 1), cal.month_period(years[1], last).last, "")
        return cal.distance(span, published)

    years = min((forward, back), key=distance)
    opening.value = f"{years[0]:04d}-{first:02d}"
    closing.value = f"{years[1]:04d}-{last:02d}"


def widen_with_relation(text: str, candidate: Candidate) -> None:
    """Take in "before", "after", "circa"… before a date and set `mod` (not "after Monday's")."""
    if candidate.mod or candidate.granularity == "week":
        return
    head = text[max(0, candidate.start - 16) : candidate.start]
    match = pat.RELATION_BEFORE.search(head)
    if match is None or text.startswith(("'s", "’s"), candidate.end):
        return
    candidate.mod = RELATION_MODS[match["word"].lower()]
    candidate.start -= len(match.group(0))


def to_annotations(text: str, candidates: list[Candidate]) -> Iterator[Annotation]:
    """Annotations with local ids `d1`, `d2`… (the pipeline renumbers them and their anchors)."""
    ids = {id(c): f"d{n}" for n, c in enumerate(candidates, 1)}
    for candidate in candidates:
        fields: dict[str, Any] = {
            "value": candidate.value,
            "granularity": candidate.granularity,
        }
        if candidate.mod:
            fields["mod"] = candidate.mod
        if candidate.relative:
            fields["relative"] = True
            fields["anchor"] = ids[id(candidate.anchor)] if candidate.anchor else "published"
        if candidate.ambiguous:
            fields["ambiguous"] = True
        yield Annotation(
            type="date",
            start=candidate.start,
            end=candidate.end,
            text=text[candidate.start : candidate.end],
            confidence=candidate.confidence,
            id=ids[id(candidate)],
            fields=fields,
        )


def find_dates(
    text: str,
    published: str | None,
    language: str | None = None,
    url: str | None = None,
    country: str | None = None,
) -> list[Annotation]:
    """All date annotations of `text`, resolved against the publication date `published`;
    `country` is the publisher's (default: the URL's country domain)."""
    scan = Scan(
        text,
        publication_day(published, url),
        ctx.numeric_order(language, url),
        country or url_country(url),
    )
    candidates = longest_first(find_candidates(scan))
    for candidate in candidates:
        widen_with_modifier(text, candidate)
        widen_with_time(text, candidate)
        widen_with_relation(text, candidate)
    kept = link_narrative_years(text, link_years(longest_first(candidates)), scan.published)
    kept = in_the_year_opening_the_sentence(text, in_the_month_just_dated(text, kept))
    kept = follow_anchor_months(of_that_year(text, kept))
    kept = share_closing_year(text, days_to_a_year(text, kept), scan.published)
    kept = restated_days(text, same_period(text, kept))
    return list(to_annotations(text, same_weekday_again(text, kept)))


# What may stand before a year opening its sentence: "Last year, …", "In 2021, …".
YEAR_OPENER_LEAD = frozenset({"", "In", "But", "And", "But in", "And in"})
YEAR_VALUE = re.compile(r"\d{4}")
# What follows such a year: its comma, or the clause's subject ("Last year we saw …").
YEAR_OPENER_END = re.compile(r",|\s+(?:we|I|he|she|they|it|the|our|its|their)\s")
# Where a second clause joins a sentence: "…, while the committee in May asked …".
CLAUSE_JOIN = re.compile(
    r",\s+(?:while|whereas|but|and|although|though)\s|;"
    r"|\s+(?:and|but)\s+(?=(?:by|in|on|from|until|since|after|before)\s)"  # ("… and by March")
)


def in_the_year_opening_the_sentence(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "Last year, capital performance was below 60 per cent by the third quarter", "In 2021,
    the works ran between June and September": a year set off by a comma at the start of a
    sentence dates the yearless months and the bare quarters and seasons after it in that
    sentence."""
    for index, opener in enumerate(candidates):
        if opener.granularity != "year" or not YEAR_VALUE.fullmatch(opener.value or ""):
            continue
        begin, end = sentence_bounds(text, opener.start, opener.end)
        if text[begin : opener.start].strip(" “\"‘'") not in YEAR_OPENER_LEAD:
            continue
        if not YEAR_OPENER_END.match(text, opener.end):
            continue
        joined = CLAUSE_JOIN.search(text, opener.end + 1, end)  # (its own clause only)
        end = joined.start() if joined else end
        for later in candidates[index + 1 :]:
            if later.start >= end:
                break
            bare = later.relative and later.granularity in ("quarter", "season")
            if later.value and (later.yearless or (bare and later.year_shift is None)):
                later.value = opener.value + later.value[4:]
                later.yearless, later.anchor = None, opener
    return candidates


# How far (characters) a date with its year may stand before a yearless day of its month.
SAME_MONTH_REACH = 150


def in_the_month_just_dated(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "postponed to 2 February 2022, with trial dates set down from 2 to 11 February": a
    yearless day of the month a date written with its year just named, in its sentence, is
    in that year (whether it lies ahead or behind)."""
    dated: Candidate | None = None
    for candidate in candidates:
        month = _MONTH_VALUE.match(candidate.value or "")
        if not candidate.relative and candidate.yearless is None and month:
            dated = candidate
            continue
        if dated is None or candidate.yearless is None or candidate.value is None:
            continue
        near = candidate.start - dated.end <= SAME_MONTH_REACH
        if not near or dated.start < sentence_bounds(text, candidate.start, candidate.end)[0]:
            continue
        month_number, day = candidate.yearless
        if int(dated.value[5:7]) != month_number:
            continue
        found = cal.safe_date(int(dated.value[:4]), month_number, day or 1)
        if found is not None:
            candidate.value = found.isoformat() if day else found.isoformat()[:7]
    return candidates


# A weekday alone, as a later mention may repeat it: "Monday", "Monday night".
BARE_WEEKDAY = re.compile(rf"(?P<wd>{pat.WEEKDAY}){pat.PART_OF_DAY}")


def same_weekday_again(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "on Monday night council finally voted … Monday's vote": a weekday named again with
    no tense of its own (or as a possessive, whatever the clause's tense) is the day the
    article dated when it first named that weekday other than as a possessive."""
    first: dict[str, str] = {}
    for candidate in candidates:
        weekday = BARE_WEEKDAY.fullmatch(text, candidate.start, candidate.end)
        if weekday is None or not candidate.relative or candidate.value is None:
            continue
        name = weekday["wd"].lower()
        possessive = text.startswith(("'s ", "’s "), candidate.end)  # ("Wednesday's fire": the
        if name in first and (candidate.confidence < TENSED or possessive):  # day's, no tense)
            candidate.value = first[name]
        if not possessive:  # (a possessive dates no day for later ones: its clause's tense
            first.setdefault(name, candidate.value)  # is not its own)
    return candidates


def restated_days(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "On Republic Day, January 26, …": a named day restated by its date is one date, the
    written one; "On 23 December 2016, the same day …" is one date too, the first (the
    second only points back to it)."""
    dropped = {
        id(written if written.anchor is named else named)
        for named, written in zip(candidates, candidates[1:], strict=False)
        if named.granularity == "day"
        and named.value is not None
        and named.value == written.value
        and text[named.end : written.start] == ", "
    }
    return [c for c in candidates if id(c) not in dropped]


# "the same period of 2023", "the same quarter last year": that year's part of it the
# article just reported ("the three months ended Sept. 30 … the same period of 2023").
SAME_PERIOD = re.compile(
    r"\bthe\s+same\s+(?P<kind>period|quarter|half|months?|time)\s+(?:of\s+|in\s+|a\s+)?$",
    re.I,
)
# How far (characters) the part of a year "the same period" repeats may stand before it: the
# same or the previous sentence (a month pages before is another story's).
SAME_PERIOD_REACH = 400
_PERIOD_VALUE = re.compile(r"\d{4}-(?P<part>Q[1-4]|H[12]|\d\d)$")
# "the three months ended Sept. 30", "the six months to June 30": a quarter or a half by its end.
_MONTHS_TO = re.compile(r"\b(?P<n>three|six)\s+months\s+(?:ended|ending|to|through)\s+$", re.I)


def same_period(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Give "the same period of 2023" (or "… last year") the part of the year the article
    reported just before it: a quarter, a half or a month of that year ("the same quarter"
    the latest quarter, though a month was named since: "the fourth quarter of 2023,
    released in March, … the same quarter of 2022")."""
    latest: dict[str, tuple[str, int]] = {}  # kind ("Q", "H", "M", "any") → (part, its end)
    previous_end = -1  # where the last month ended ("between January and September")
    for candidate in candidates:
        value = candidate.value or ""
        if candidate.granularity == "year" and _FOUR_DIGITS.fullmatch(value) and latest:
            same = SAME_PERIOD.search(text, max(0, candidate.start - 40), candidate.start)
            kind = SAME_KINDS.get(same["kind"].lower().rstrip("s"), "any") if same else "any"
            part, part_end = latest.get(kind, latest["any"])
            if part == MONTHS_SPAN:
                continue  # "January to September … the same period last year": the year's span
            if same is not None and candidate.start - part_end <= SAME_PERIOD_REACH:
                candidate.value = f"{value}-{part}"
                candidate.granularity = "quarter" if part[0] in "QH" else "month"
                candidate.start = same.start()
                continue
        found = _PERIOD_VALUE.match(value)
        part = None
        if found is not None and candidate.granularity in ("quarter", "month"):
            part = found["part"]
        elif candidate.granularity == "day" and len(value) >= 10:
            months = _MONTHS_TO.search(text, max(0, candidate.start - 40), candidate.start)
            if months is not None:
                month = int(value[5:7])
                part = (
                    f"Q{(month - 1) // 3 + 1}"
                    if months["n"].lower() == "three"
                    else f"H{(month - 1) // 6 + 1}"
                )
        if part is not None and part[0] not in "QH":
            if previous_end >= 0 and MONTHS_BETWEEN.fullmatch(text, previous_end, candidate.start):
                part = MONTHS_SPAN  # the close of a span of months
            previous_end = candidate.end
        if part is not None:
            latest[part[0] if part[0] in "QH" else "M"] = latest["any"] = (part, candidate.end)
    return candidates


# What joins the months of a span: "between January and September", "January through July".
MONTHS_BETWEEN = re.compile(r"\s*(?:and|to|through|until|till|-|–)\s*")
MONTHS_SPAN = "span"


SAME_KINDS = {"quarter": "Q", "half": "H", "month": "M"}


class DatesAnnotator:
    """Marks dates: ISO `value`, `granularity`, TIMEX3 `mod`, `relative`/`anchor`."""

    name = "dates"
    types = ("date",)

    def annotate(self, document: Document, context: Any) -> Iterable[Annotation]:
        """Yield the date annotations of `document.text`."""
        return find_dates(
            document.text,
            document.published,
            document.language,
            document.url,
            publisher_country(document),
        )


@hookimpl
def register_annotators(register: Any) -> None:
    """Register the built-in `dates` annotator."""
    register(DatesAnnotator())
