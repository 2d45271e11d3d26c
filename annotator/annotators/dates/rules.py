"""One rule per family of date expressions: a compiled regex and a function from match to Candidate.

A rule returns None when the context says the match is not a date. Relative
expressions are resolved against the publication day; without one they keep
`value=None` and `relative=True`, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from . import calendar as cal
from . import context as ctx
from . import holidays
from . import patterns as pat
from .spoken import spoken_day
from .tense import sentence_bounds, tense_before, tense_near

ABSOLUTE, DEICTIC, TENSED, GUESSED = 0.95, 0.9, 0.75, 0.65
DAY_HORIZON = 300  # a month-day without a year: a tensed choice further away than this is taken as the nearest
AUTUMN_IS_FALL = (None, "US", "CA")  # where a bare "fall" is the season (unknown: as in the US)
# Publishers' countries south of the equator, where winter is June to August.
SOUTHERN_HEMISPHERE = frozenset(
    "AU NZ ZA NA BW LS SZ ZW ZM MW MZ MG MU AR CL UY PY BR BO PE FJ WS TO VU PG SB".split()
)
PAST_REACH = 366  # …except in a past-tense sentence, which may mean any day of the past year ("Oct. 7" in August)


@dataclass
class Candidate:
    """A date expression found in the text, before overlap resolution and linking."""

    start: int
    end: int
    value: str | None
    granularity: str
    confidence: float = ABSOLUTE
    mod: str | None = None
    relative: bool = False
    ambiguous: bool = False
    year_shift: int | None = None  # "the previous year": resolved against a year just mentioned
    day_shift: int | None = None  # "the following day": resolved against a day just mentioned
    month_shift: int | None = None  # "seven months later": against a month just mentioned
    month_step: int | None = None  # "the following January": the next (+1) or last (-1) one
    anchor: Candidate | None = None  # the candidate a `year_shift`/`day_shift` was resolved against
    yearless: tuple[int, int | None] | None = None  # (month, day) of "July 8" / "in July": no year
    future: bool = False  # its sentence speaks of the future ("is scheduled to report on Nov. 6")
    ongoing: bool = False  # a span running to the present starts there ("in custody since 2 May")
    weekday: int | None = None  # the weekday written with a yearless day ("Tuesday, 20 September")
    season: str | None = None  # the season of "that spring", dated in the year just mentioned


@dataclass
class Scan:
    """What every rule needs: the text, the publication day and the numeric date order."""

    text: str
    published: date | None
    order: str | None
    country: str | None = None  # the publisher's, from its URL's country domain


Resolver = Callable[[date], cal.Period]


def _relative(
    scan: Scan, start: int, end: int, granularity: str, resolve: Resolver, confidence: float
) -> Candidate:
    value = resolve(scan.published).value if scan.published else None
    return Candidate(start, end, value, granularity, confidence, relative=True)


def _tensed(
    scan: Scan,
    start: int,
    end: int,
    granularity: str,
    build,
    weak_is_future: bool = False,
    default: int = cal.UNKNOWN,
    horizon: int | None = None,
    by_tense: bool = True,
) -> Candidate:
    """Resolve by the sentence's tense among `build(published)` occurrences.

    A weak future ("would", "could") counts as future only when `weak_is_future`;
    with no tense marker at all, `default` decides (UNKNOWN: the nearest). Without
    `by_tense` the nearest is taken whatever the tense.
    """
    tense = tense_near(scan.text, start, end) if by_tense else cal.UNKNOWN
    looks_ahead = tense in (cal.FUTURE, cal.WEAK_FUTURE)  # ("would consider … on 9 November")
    if tense == cal.WEAK_FUTURE:
        tense = cal.FUTURE if weak_is_future else cal.UNKNOWN
    confidence = TENSED if tense != cal.UNKNOWN else GUESSED
    if tense == cal.UNKNOWN:
        tense = default

    if horizon is not None and tense == cal.PAST:
        horizon = max(horizon, PAST_REACH)

    def resolve(published: date) -> cal.Period:
        return cal.choose(build(published), published, tense, horizon)

    candidate = _relative(scan, start, end, granularity, resolve, confidence)
    candidate.future = looks_ahead
    candidate.ongoing = SINCE_PERFECT.search(scan.text, max(0, start - 80), start) is not None
    return candidate


# "who has been in custody since 2 May": the perfect tense runs a span from the date to now.
SINCE_PERFECT = re.compile(r"\b(?:has|have|'s|’s)\s+(?:\w+\s+){0,5}?since\s+$")


def _direction(rel: str | None) -> str:
    """'last', 'this', 'next' or '' for a relative word: "this past" is last, "this coming" next."""
    words = (rel or "").lower().split()
    if not words:
        return ""
    return {"past": "last", "coming": "next"}.get(words[-1], words[-1])


def _month_number(name: str) -> int:
    return pat.MONTH_NUMBERS[name[:3].lower()]


def calendar_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Full dates: "Dec. 16, 2010", "16 December 2010", "2010-12-16", "12/16/2010", "Oct. 21"."""
    if m["iy"]:
        day = cal.safe_date(int(m["iy"]), int(m["im"]), int(m["id"]))
        if day is None:
            return None
        if m["ih"] and int(m["ih"]) < 24:
            return Candidate(m.start(), m.end(), f"{day}T{m['ih']}:{m['imin']}", "time")
        return Candidate(m.start(), m.end(), day.isoformat(), "day")
    if m["na"]:
        return _numeric(m, scan)
    month = _month_number(m["m1"] or m["m2"])
    day_number = int(re.match(r"\d+", m["d1"] or m["d2"]).group(0))
    year = m["y1"] or m["y2"]
    relative = m["yrel"] or m["yrel1"]
    if relative:  # "on 17 February next year", "March 3 last year", "September 14 this year"
        if scan.published is None:
            return None
        year = str(scan.published.year + {"next": 1, "this": 0}.get(relative, -1))
        day = cal.safe_date(int(year), month, day_number)
        return (
            Candidate(m.start(), m.end(), day.isoformat(), "day", DEICTIC, relative=True)
            if day
            else None
        )
    if year:
        day = cal.safe_date(int(year), month, day_number)
        return Candidate(m.start(), m.end(), day.isoformat(), "day") if day else None
    if day_number > 31 or cal.safe_date(2000, month, day_number) is None:
        return None
    if ctx.habitual(scan.text, m.start(), m.end()):
        return None

    weekday = pat.WEEKDAY_NUMBERS[m["wd"].lower()] if m["wd"] else None
    bracketed = WEEKDAY_THEN_BRACKET.search(scan.text, max(0, m.start() - 12), m.start())
    if weekday is None and bracketed is not None:  # "on Wednesday (Nov 26)"
        weekday = pat.WEEKDAY_NUMBERS[bracketed.group(1).lower()]

    def build(published: date) -> list[cal.Period]:
        days = cal.yearly(published, lambda y: _maybe_day(y, month, day_number))
        # "Monday, Dec. 14": of the years around, the one whose Dec. 14 is a Monday
        agreeing = [day for day in days if day.first.weekday() == weekday]
        return agreeing if len(agreeing) == 1 else days

    # "approved a cut from Feb 15", "the fiscal year beginning July 1": a start the clause
    # sets, whatever its tense: the nearest such day (unlike "ran from March 3 to March 9",
    # a span the tense places)
    before = ctx.previous_word(scan.text, m.start())[0].lower()
    starts = before in START_WORDS and not SPAN_END_AFTER.match(scan.text, m.end())
    # "remanded him to December 2", "adjourned until March 3": the day a hearing was put
    # off to, whatever the tense of the putting off: the nearest such day
    starts = starts or (
        before in ("to", "until", "till")
        and PUT_OFF.search(scan.text, max(0, m.start() - 48), m.start()) is not None
    )
    # "adjourned the matter till May 26 for hearing … and June 14 for trial": both days
    window = max(0, m.start() - 160)
    starts = starts or (
        before == "and"
        and PUT_OFF_DAY.search(scan.text, window, m.start()) is not None
        and PUT_OFF_VERB.search(scan.text, window, m.start()) is not None
    )
    # "ordered him to surrender by May 16", "ahead of the June 30 deadline": a day set ahead
    # of the reported act, whatever its tense: the nearest such day, and no past episode's
    set_ahead = _deadline(scan.text, m.start(), m.end(), before) or (
        starts and before in ("to", "until", "till", "and")
    )
    if set_ahead:  # ("directed staff to report back by June 30", written in December)
        build = _not_long_before(build, DEADLINE_PASSED)
    # "adjourned the case to February 9th next" (Irish and British courts): the coming one;
    # "GUWAHATI, July 17:" a dateline's day, the filing day: on or before the publication
    postposed = POSTPOSED_NEXT.match(scan.text, m.end())
    dateline = DATELINE_BEFORE.search(scan.text, max(0, m.start() - 40), m.start())
    candidate = _tensed(
        scan,
        m.start(),
        postposed.end() if postposed else m.end(),
        "day",
        build,
        default=cal.FUTURE if postposed else cal.PAST if dateline else cal.UNKNOWN,
        horizon=DAY_HORIZON,
        by_tense=not (starts or set_ahead or postposed or dateline),
    )
    candidate.future = candidate.future or set_ahead or postposed is not None
    candidate.yearless = (month, day_number)
    candidate.weekday = weekday
    return candidate


# A weekday with its date in brackets after it: "on Wednesday (Nov 26)".
WEEKDAY_THEN_BRACKET = re.compile(rf"\b({pat.WEEKDAY})\s*\(\s*$", re.IGNORECASE)
# A dateline's place in capitals opening a paragraph before its day: "GUWAHATI, July 17:".
DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Z .'’-]{2,30},\s+$")
# "next" written after a day: "on February 9th next" (not "March 3 next year").
POSTPOSED_NEXT = re.compile(r"\s+next(?![\w-])(?!\s+(?:year|week|month|time|to|door)\b)")
# How long (days) before publication a deadline may have passed and still be the one meant.
DEADLINE_PASSED = 30


def _not_long_before(
    build: Callable[[date], list[cal.Period]], days: int
) -> Callable[[date], list[cal.Period]]:
    """`build` without the periods that ended more than `days` days before publication: a
    deadline set in the story is the coming one, or one just passed."""

    def ahead(published: date) -> list[cal.Period]:
        limit = published - timedelta(days=days)
        return [period for period in build(published) if period.last >= limit]

    return ahead


DEADLINE_AFTER = re.compile(r"\s+(?:deadline|cut-?off\s+date|target(?:\s+date)?)\b")
# "set a deadline of 30 September", "the cut-off date for": the day named as the deadline.
DEADLINE_BEFORE = re.compile(
    r"\b(?:(?:deadline|cut-?off\s+date|target\s+date)\s+(?:of|for)|(?:no|not)\s+later\s+than)\s+$"
)
# Words that make "by <day>" a day someone must act by: an order, a requirement, a deadline.
ORDERED_BY = re.compile(
    r"\b(?:order(?:ed|s)?|direct(?:ed|s)?|instruct(?:ed|s)?|told|given|must|required|"
    r"request(?:ed|ing|s)?|asked|asking|sought|seeking|demand(?:ed|ing|s)?|"
    r"deadline|ultimatum|ha(?:s|ve|d)\s+until)\b",
    re.I,
)


def _deadline(text: str, start: int, end: int, before: str) -> bool:
    """Whether the yearless day at text[start:end] is a deadline: "the June 30 deadline", "a
    Nov. 11 target", "a deadline of 30 September", or "by/before/until <day>" in a sentence
    that orders or requires something by it."""
    if DEADLINE_AFTER.match(text, end) or DEADLINE_BEFORE.search(text, max(0, start - 30), start):
        return True
    return before in ("by", "before", "until", "till") and _earlier_in_sentence(
        ORDERED_BY, text, start, end
    )


def _earlier_in_sentence(pattern: re.Pattern, text: str, start: int, end: int) -> bool:
    """Whether `pattern` occurs in the sentence of text[start:end], before `start`."""
    begin = sentence_bounds(text, start, end)[0]
    return pattern.search(text, begin, start) is not None


# Where a clause of its own opens inside a sentence: a joined clause, a quotation.
CLAUSE_OPENING = re.compile(r",\s+(?:and|but)\s+|;\s+|[“\"]")


def _earlier_in_clause(pattern: re.Pattern, text: str, start: int, end: int) -> bool:
    """Whether `pattern` occurs in the clause of text[start:end], before `start` ("was closed on
    Monday, and "motorists should expect … until at least Friday"": not in Friday's clause)."""
    begin = sentence_bounds(text, start, end)[0]
    for opening in CLAUSE_OPENING.finditer(text, begin, start):
        begin = opening.end()
    return pattern.search(text, begin, start) is not None


START_WORDS = frozenset({"from", "effective", "starting", "beginning", "payable"})
PUT_OFF_VERB = re.compile(r"\b(?:remand|adjourn|postpon|defer|reschedul)\w*")
# A put-off day just written, and what it is for, before "and <day>": "till May 26 for hearing
# of the bail application and" (no sentence end between).
PUT_OFF_DAY = re.compile(r"\b(?:until|till|to)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b[^.;:!?]{0,90}\s$")
PUT_OFF = re.compile(
    r"\b(?:(?:remand|adjourn|postpon|defer|reschedul)\w*(?:\s+[\w’']+){0,4}?"
    r"|(?:push|put|delay|mov|stood|stand)\w*(?:\s+(?:him|her|them|it|the\s+\w+|back|off|over|down))*)"
    r"\s+(?:to|until|till)\s+$"
)
SPAN_END_AFTER = re.compile(r"\s*(?:to|until|till|through|and|[-–—])(?![A-Za-z])")


# "between October 11 and 13", "Oct. 11-13": the day that closes a range of days in one month;
# "September 27, 28 and 29, 2023": the days listed before it, and the year closing the list.
_LISTED_DAY = r"[0-3]?\d(?!\d)(?:st|nd|rd|th)?"
RANGE_END_DAY = re.compile(
    rf"(?P<listed>(?:\s*,\s*{_LISTED_DAY})*),?"
    rf"\s*(?:-|–|and|&|to|through|until)\s*(?P<day>{_LISTED_DAY})"
    r"(?:,?\s+(?P<year>(?:1\d{3}|20\d{2}))(?!\d))?"
    r"(?![\w%.,]\d|\s*(?:%|per|percent|million|billion|[A-Za-z]))"
)
LISTED_DAY = re.compile(r"(?P<n>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?")


# "2008-9", "2019-20", "1990–91": a span of years whose end is written short.
# Two years joined in one span, the second written short or whole: "2008-9", "2019-20",
# "1990–91", "Florida Holidays in 2025/2026". (The pattern opens with the characters it
# starts at and tests its look-behind after them, so the scan skips to those characters.)
YEAR_SPAN = re.compile(
    r"(?P<y>(?:1\d|20)\d\d)(?<![\w$€£¥#.,/:]....)"
    r"(?:[-–](?P<end>\d\d?)(?![\w%]|[.,:/-]\d)|/(?P<y2>(?:1\d|20)\d\d)(?![\w/]))"
)
# "in '91", "the class of '68": a year written with its last two digits.
SHORT_YEAR = re.compile(r"['’](?<![\w'’].)(?P<yy>[0-9][0-9])(?![\w'’%])")
SHORT_YEAR_BEFORE = frozenset("in of since by from until till during before after".split())


# What a year span names when it is a financial, budget or crop year, not two calendar
# years: "the 2025/2026 budget", "the 2022/2023 trade season", "in the 2023-24 financial year".
FISCAL_AFTER = frozenset(
    """budget budgets fiscal financial season seasons trade academic school crop marketing tax
    estimates appropriation appropriations expenditure revenue accounts session period""".split()
)
# A fiscal or season noun a word or two after the span: "2021-22 winter vegetable season".
FISCAL_NOUN_AFTER = re.compile(
    r"(?:\s+(?!(?:the|a|an|and|or|but|of|in|on|to|for|with|was|were|is|are|had|has|have)\b)"
    r"[A-Za-z][\w-]*){1,2}\s+(?i:" + "|".join(sorted(FISCAL_AFTER)) + r")\b"
)
FISCAL_BEFORE = re.compile(r"\b(?:FY|fiscal(?:\s+year)?|financial\s+year|budget\s+year)\s*$", re.I)


# Countries whose governments' financial year is not the calendar year, where the press writes
# a financial year "2021-22" as a matter of course ("revenue of Rs 2,340 crore in 2021-22").
FISCAL_YEAR_COUNTRIES = frozenset(
    """IN PK BD NP AU NZ GB CA KE UG TZ ZA EG JP HK SG MM BW NA LS SZ MW JM BB BS TT""".split()
)


def _fiscal_span(text: str, start: int, end: int, country: str | None = None) -> bool:
    """Whether the year span at text[start:end] names a financial or season year: a fiscal
    word beside it, or a short end ("2021-22") on a publisher of a financial-year country."""
    after = ctx.word_after(text, end).lower()
    if FISCAL_NOUN_AFTER.match(text, end):
        return True  # "the 2021-22 winter vegetable season", "the 2019-20 NBA season"
    if country in FISCAL_YEAR_COUNTRIES and text[start + 4 : start + 5] in "-–" and end - start < 8:
        return True
    return (
        after in FISCAL_AFTER or FISCAL_BEFORE.search(text, max(0, start - 24), start) is not None
    )


def short_years(scan: Scan, number_starts: list[int]) -> list[Candidate]:
    """Years written short: both ends of "2008-9" / "2019-20", and "'91" after a date word;
    and both years of a season written "2025/2026"; none for a financial or crop year ("the
    2025/2026 budget"), a span of no calendar year's. `number_starts`: where the text's
    runs of digits start (each such find starts at one)."""
    text, spans, shorts = scan.text, [], []
    after = 0  # (the end of the last span: the spans do not overlap)
    for position in number_starts:
        if position >= after and (m := YEAR_SPAN.match(text, position)):
            after = m.end()
            spans += _year_span(scan, m)
        if position and text[position - 1] in "'’" and (m := SHORT_YEAR.match(text, position - 1)):
            previous = ctx.previous_word(text, m.start())[0].lower()
            event = (
                previous == "the" and ctx.word_after(text, m.end()).islower()
            )  # "the ’68 election"
            if previous in SHORT_YEAR_BEFORE or event:
                year = cal.full_year(int(m["yy"]), scan.published)
                shorts.append(Candidate(m.start(), m.end(), str(year), "year", 0.85))
    return spans + shorts


def _year_span(scan: Scan, m: re.Match) -> list[Candidate]:
    """Both years of the span `m` of YEAR_SPAN: none when it is a financial year's, or its
    second year does not follow the first."""
    if _fiscal_span(scan.text, m.start(), m.end(), scan.country):
        return []
    start = int(m["y"])
    if m["y2"]:
        end, second = int(m["y2"]), "y2"
        if end != start + 1:
            return []
    else:
        digits, second = m["end"], "end"
        end = start - start % (10 ** len(digits)) + int(digits)
        if not start < end <= start + 10:
            return []
    return [
        Candidate(m.start("y"), m.end("y"), str(start), "year", 0.85),
        Candidate(m.start(second), m.end(second), str(end), "year", 0.85),
    ]


def range_end_days(scan: Scan, candidates: list[Candidate]) -> list[Candidate]:
    """The closing day of each "Month D and D2" range, dated in the month of its opening day;
    the opening day of each "D and D2 Month" range, in the month of its closing day."""
    found = []
    for candidate in candidates:
        if candidate.granularity != "day" or not candidate.value or len(candidate.value) != 10:
            continue
        if scan.text[candidate.start : candidate.start + 1].isdigit():
            found += _range_start_day(scan, candidate)
        match = RANGE_END_DAY.match(scan.text, candidate.end)
        if match is not None:
            found += _days_after(scan.text, candidate, match)
    return found


def _days_after(text: str, opening: Candidate, match: re.Match) -> list[Candidate]:
    """The days listed after `opening` up to the closing one of `match`, in its month: in the
    year written after the closing day if there is one (the opening day moves to it too),
    else in the opening day's."""
    first = date.fromisoformat(opening.value or "")
    if match["year"] and opening.yearless is not None:
        moved = cal.safe_date(int(match["year"]), first.month, first.day)
        if moved is None:
            return []
        opening.value, opening.yearless, first = moved.isoformat(), None, moved
    days, previous = [], first
    for listed in LISTED_DAY.finditer(text, match.start("listed"), match.end("day")):
        day = cal.safe_date(first.year, first.month, int(listed["n"]))
        if day is None or day <= previous:
            return []
        end = match.end() if listed.end() == match.end("day") else listed.end()  # (its year)
        days.append(_dated_like(opening, Candidate(listed.start(), end, day.isoformat(), "day")))
        previous = day
    return days


def _dated_like(neighbour: Candidate, day: Candidate) -> Candidate:
    """`day`, listed beside `neighbour` with its confidence: when the neighbour's year is
    chosen later (no year written), the day's is chosen the same way."""
    day.confidence = neighbour.confidence
    if neighbour.yearless is not None:
        day.relative, day.yearless = True, (int(day.value[5:7]), int(day.value[8:10]))
        day.future = neighbour.future
    return day


# "25 and 26 February", "11-12 February", "27, 28 and 29 September": the days listed before a
# day written day-first.
RANGE_START_DAYS = re.compile(
    rf"(?<![\w$€£¥#.,:/-])(?P<days>{_LISTED_DAY}(?:\s*,\s*{_LISTED_DAY})*)"
    r"\s*,?\s*(?:-|–|and|&|to)\s*$"
)


def _range_start_day(scan: Scan, closing: Candidate) -> list[Candidate]:
    match = RANGE_START_DAYS.search(scan.text, max(0, closing.start - 40), closing.start)
    if match is None:
        return []
    end = date.fromisoformat(closing.value or "")
    found: list[Candidate] = []
    for listed in LISTED_DAY.finditer(scan.text, match.start("days"), match.end("days")):
        day = cal.safe_date(end.year, end.month, int(listed["n"]))
        if day is None or day >= end or (found and day.isoformat() <= (found[-1].value or "")):
            return []
        opening = Candidate(listed.start(), listed.end(), day.isoformat(), "day")
        found.append(_dated_like(closing, opening))
    return found


def _maybe_day(year: int, month: int, day: int) -> cal.Period | None:
    found = cal.safe_date(year, month, day)
    return cal.day_period(found) if found else None


def _numeric(m: re.Match, scan: Scan) -> Candidate | None:
    first, second, year = int(m["na"]), int(m["nb"]), int(m["ny"])
    if year < 100:  # "12/15/15"
        year = cal.full_year(year, scan.published)
    month_first = cal.safe_date(year, first, second)
    day_first = cal.safe_date(year, second, first)
    if month_first and day_first and month_first != day_first:
        chosen = {"MDY": month_first, "DMY": day_first}.get(scan.order or "")
        if chosen is None:
            return Candidate(m.start(), m.end(), None, "day", 0.5, ambiguous=True)
        return Candidate(m.start(), m.end(), chosen.isoformat(), "day", 0.8)
    chosen = month_first or day_first
    return Candidate(m.start(), m.end(), chosen.isoformat(), "day") if chosen else None


# A year and the "when" clause that tells what happened in it, up to a month in that clause.
YEAR_WHEN = re.compile(
    r"(?<!\bAct\s)(?<!\bAct,\s)\b(?P<y>(?:1[89]|20)\d\d),?\s+when\b[^.;:!?]{0,120}\s$"
)  # (not a law's year: "breached the … Act 1974 when it appeared before magistrates in June")
# "April of the following year", "in March of the previous year".
ADJACENT_YEAR_AFTER = re.compile(
    r"\s+of\s+the\s+(?P<dir>following|next|previous|preceding)\s+year\b"
)
# An event named by its year and the clause that tells of it, up to a month in that clause:
# "the 2022 flood, which peaked in October", "the 2019 elections that ended in March".
YEAR_EVENT = re.compile(
    r"\b(?P<y>(?:1[89]|20)\d\d)\s+(?:[a-z]+\s+)?(?:floods?|flooding|drought|elections?|polls"
    r"|storms?|cyclone|hurricane|typhoon|(?:wild|bush)?fires?|earthquake|outbreak|census"
    r"|festival|season|strikes?|protests?|riots?|war),?\s+(?:which|that)\b[^.;:!?,]{0,60}\s$"
)
# A year word shared with the next month of a pair: "in October and November last year".
SHARED_YEAR = re.compile(
    rf"\s+(?:and|or|to|through)\s+(?:early\s+|late\s+|mid-)?{pat.MONTH}\s+"
    r"(?P<rel>last|this|next)\s+year\b"
)


def month_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Months: "December 2010", "last February", "In September" (by tense)."""
    month = _month_number(m["m"])
    if m["y"] or m["yb"]:
        year = int(m["y"] or m["yb"])
        return Candidate(m.start(), m.end(), cal.month_period(year, month).value, "month")
    shared = None if m["yrel"] else SHARED_YEAR.match(scan.text, m.end())
    if m["yrel"] or shared:
        shift = {"last": -1, "this": 0, "next": 1}[m["yrel"] or shared["rel"]]
        return _relative(
            scan,
            m.start(),
            m.end(),
            "month",
            lambda published: cal.month_period(published.year + shift, month),
            DEICTIC,
        )
    rel = _direction(m["rel"])
    if rel:
        return _relative(scan, m.start(), m.end(), "month", _month_shift(rel, month), DEICTIC)
    adjacent = ADJACENT_YEAR_AFTER.match(scan.text, m.end())
    if adjacent is not None:  # "April of the following year": linked to the year just told
        shift = 1 if adjacent["dir"] in ("following", "next") else -1
        found = Candidate(m.start(), adjacent.end(), None, "month", TENSED, relative=True)
        found.year_shift, found.yearless = shift, (month, None)
        return found
    if scan.text.startswith(" quarter", m.end()):
        return _month_quarter(m, scan, month)
    if not ctx.month_in_context(scan.text, m.start(), m.end()) or ctx.habitual(
        scan.text, m.start(), m.end()
    ):
        return None
    when = YEAR_WHEN.search(scan.text, max(0, m.start() - 160), m.start()) or YEAR_EVENT.search(
        scan.text, max(0, m.start() - 100), m.start()
    )
    if when is not None:  # "since 2019, when a downpour in October …": that year's October
        return Candidate(m.start(), m.end(), cal.month_period(int(when["y"]), month).value, "month")

    # ("which had been due to go out in November": a plan put off, the nearest November)
    planned = _earlier_in_clause(PLAN_PUT_OFF, scan.text, m.start(), m.end())
    candidate = _tensed(
        scan, m.start(), m.end(), "month", _months(month), weak_is_future=True, by_tense=not planned
    )
    candidate.yearless = (month, None)
    return candidate


# A plan the pluperfect tells was made, for a month that may be still to come.
PLAN_PUT_OFF = re.compile(r"\bhad\s+been\s+(?:due|scheduled|expected|set|planned|slated)\b")


def _months(month: int) -> Callable[[date], list[cal.Period]]:
    """The occurrences of a month around a publication day, for `_tensed` to choose from."""
    return lambda published: cal.yearly(published, lambda y: cal.month_period(y, month))


def _month_quarter(m: re.Match, scan: Scan, month: int) -> Candidate:
    """ "the September quarter" (Indian and Australian usage): the quarter ending in that
    month, of the year its tense points to."""
    end = m.end() + len(" quarter")
    number = (month - 1) // 3 + 1
    if month % 3:  # "the May quarter": three months to May, no calendar quarter: the month
        return _tensed(scan, m.start(), end, "month", _months(month), default=cal.PAST)

    def build(published: date) -> list[cal.Period]:
        return cal.yearly(published, lambda y: cal.quarter_period(y, number))

    return _tensed(scan, m.start(), end, "quarter", build, default=cal.PAST)


def _month_shift(rel: str, month: int) -> Resolver:
    def resolve(published: date) -> cal.Period:
        if rel == "this":
            return cal.month_period(published.year, month)
        step = -1 if rel == "last" else 1
        current = cal.month_period(published.year, published.month)
        candidate = cal.month_period(published.year, month)
        if step < 0:  # (the month just gone is "last month": "last February" in March is a
            # year earlier, as readers take it)
            just_gone = (published.month - month) % 12 == 1
            return cal.month_period(published.year - (month >= published.month) - just_gone, month)
        if step > 0 and candidate.first <= current.first:
            return cal.month_period(published.year + 1, month)
        return candidate

    return resolve


BY_BEFORE = re.compile(r"\bby\s+$")
# "through Thursday", "until at least Sunday", "until 4 p.m. Thursday": a span a warning,
# a closure or a forecast runs to (a bare "until Tuesday" is left to the tense).
UNTIL_BEFORE = re.compile(
    r"\b(?:(?:through|thru)\s+(?:at\s+least\s+)?(?:{time}\s+)?"
    r"|(?:until|till)\s+(?:at\s+least\s+(?:{time}\s+)?|{time}\s+))$".format(
        time=r"(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight)"
    )
)
# "The road was closed until Monday": a span the past tense closes, on its past day.
ENDED_SPAN = re.compile(r"\b(?:was|were|had\s+been|remained|stayed)\b")
LOOKING_AHEAD = re.compile(r"\b(?:would|will|should|expected|scheduled|due)\b")


# How many days before publication the saying of a deadline looked ahead to may lie: its
# day is not before that ("said on Tuesday it would reopen by Friday", written on Saturday).
SAYING_DAYS = 2


def _looked_ahead_to(scan: Scan, start: int, end: int) -> bool:
    """Whether the day at text[start:end] is a deadline looked ahead to ("would reopen once
    engineers had inspected the wall, probably by Friday", "expected to top $5 million by
    the weekend"): the nearest such day, whatever other verbs' tense."""
    if BY_BEFORE.search(scan.text, max(0, start - 24), start) is None:
        return False
    return _earlier_in_sentence(LOOKING_AHEAD, scan.text, start, end)


# "that Friday": the weekday of a day just told (not the conjunction: "said that Friday …").
THAT_DAY = re.compile(
    r"(?<!\bsaid)(?<!\bsays)(?<!\btold)(?<!\bnoted)(?<!\badded)(?<!\bwarned)(?<!\bstated)"
    r"(?<!\bso)(?<!\bnow)(?<!\bannounced)(?<!\bconfirmed)(?<!\bexplained)"
    r"(?<!\band)(?<!\bbut)(?<!\bor)(?<!\bbelieves)(?<!\bhoped)(?<!\bexpects)"
    r"\s+[Tt]hat\s+$"
)


def weekday_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Weekdays: "on Thursday" by tense, "last Friday", "Monday night" (a day value)."""
    part_end = m.end("part") if m["part"] else None
    if not ctx.weekday_in_context(scan.text, m.start("wd"), m.end("wd"), part_end):
        return None
    weekday = pat.WEEKDAY_NUMBERS[m["wd"].lower()]
    rel = _direction(m["rel"])
    if m["wkrel"]:  # "Tuesday next week": that day of the week named
        shift = {"next": 7, "last": -7, "this": 0}[m["wkrel"].split()[0]]

        def in_week(published: date) -> cal.Period:
            monday = published - timedelta(days=published.weekday())
            return cal.day_period(monday + timedelta(days=shift + weekday))

        return _relative(scan, m.start(), m.end(), "day", in_week, DEICTIC)
    if not rel and THAT_DAY.search(scan.text, max(0, m.start() - 30), m.start()):
        # "that Friday morning", after "on Nov. 8, 2013": the day just dated, or its week's
        return Candidate(
            m.start(), m.end(), None, "day", TENSED, relative=True, day_shift=0, weekday=weekday
        )
    if m["wk"]:
        rel = "week after next"
    if not rel:
        # "extended a red flag warning through 8 p.m. Thursday", "no rain until at least
        # Sunday": a span running on from the reported act ends on the next such day
        runs_to = UNTIL_BEFORE.search(
            scan.text, max(0, m.start() - 40), m.start()
        ) is not None and not _earlier_in_clause(ENDED_SPAN, scan.text, m.start(), m.end())

        def build(published: date) -> list[cal.Period]:
            return cal.weekday_candidates(published, weekday)

        if runs_to:
            build = _not_long_before(build, 0)

        deadline = _looked_ahead_to(scan, m.start(), m.end())
        if deadline:  # ("told the Herald the readings would be shared by Monday", written on a
            build = _not_long_before(build, SAYING_DAYS)  # Thursday: the coming Monday)
        return _tensed(
            scan,
            m.start(),
            m.end(),
            "day",
            build,
            weak_is_future=True,
            by_tense=not (deadline or runs_to),
        )
    kind = rel

    def resolve(published: date) -> cal.Period:
        if kind == "this":
            monday = published - timedelta(days=published.weekday())
            return cal.day_period(monday + timedelta(days=weekday))
        # (the day after or before publication is "tomorrow"/"yesterday": "next Friday"
        # written on a Thursday is the week after's, "last Wednesday" on a Thursday the
        # week before's, as the gold sets read them)
        if kind == "last":
            back = (published.weekday() - weekday) % 7 or 7
            return cal.day_period(published - timedelta(days=back + 7 * (back == 1)))
        ahead = (weekday - published.weekday()) % 7 or 7
        if kind == "week after next":
            return cal.day_period(published + timedelta(days=ahead + 7))
        return cal.day_period(published + timedelta(days=ahead + 7 * (ahead == 1)))

    return _relative(scan, m.start(), m.end(), "day", resolve, DEICTIC)


# "over the last week", "the past month": a span, not a period (not "it is not over: last
# week, …", where a colon stands between).
SPAN_BEFORE = re.compile(r"\b(?:the|over|past)\s+$", re.IGNORECASE)
# "this time last year", "at the same time next year": the same month a year away.
THIS_TIME = re.compile(r"\b(?:this|the\s+same)\s+time\s+$", re.IGNORECASE)


def _spoken_shift(scan: Scan, m: re.Match, shift: int) -> Resolver:
    """Days from the day the quotation holding the match was spoken, when the article says
    it ("said at a Tuesday evening briefing"), else from the publication day."""
    spoken = spoken_day(scan.text, m.start(), scan.published)
    if spoken is None:
        return _day_shift(shift)
    return lambda published: cal.day_period(spoken + timedelta(days=shift))


def deictic_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Words that point from the publication day: today, yesterday, last week, two years ago…"""
    text = scan.text
    if m["word"]:
        word = m["word"].lower()
        if word == "today" and not ctx.today_is_publication_day(text, m.start(), m.end()):
            return None
        if ctx.in_idiom(text, m.start(), word):
            return None
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        return _relative(scan, m.start(), m.end(), "day", _spoken_shift(scan, m, shift), DEICTIC)
    if m["newyear"]:  # "into the new year": the coming one near its turn, the current one after it
        if scan.published is None or 3 <= scan.published.month <= 10:
            return None
        shift = 1 if scan.published.month >= 11 else 0
        return _relative(scan, m.start(), m.end(), "year", _unit_shift("year", shift), DEICTIC)
    if m["lastnight"]:
        shift = -1 if m["lastnight"].lower().startswith("last") else 0
        return _relative(scan, m.start(), m.end(), "day", _spoken_shift(scan, m, shift), DEICTIC)
    if m["unit"]:
        before = ctx.words_before(text, m.start(), 1)
        if not m["adv"] and SPAN_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            return None
        if text.startswith(" of ", m.end()) and before and before[-1].lower() in ctx.OWNERS:
            return None  # "their last week of training"; not "a hearing last month of the House"
        step = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        same_time = THIS_TIME.search(text, max(0, m.start() - 24), m.start())
        if m["unit"] == "year" and step and same_time:  # "this time last year": its month
            return _relative(
                scan, same_time.start(), m.end(), "month", _unit_shift("month", 12 * step), DEICTIC
            )
        granularity = "day" if m["unit"] == "day" else m["unit"]
        return _relative(
            scan, m.start(), m.end(), granularity, _unit_shift(m["unit"], step), DEICTIC
        )
    if m["inthe"]:  # "earlier in the year": the year just written about, else this one
        unit = m["theunit"]
        found = _relative(scan, m.start(), m.end(), unit, _unit_shift(unit, 0), DEICTIC)
        if unit == "year":
            found.year_shift = 0
        elif unit == "month":
            found.month_shift = 0
        else:
            found.day_shift = 0
        return found
    if m["wrel"] or m["weekend"]:
        return None if text.startswith(" of ", m.end()) else _weekend(m, scan)
    if m["agounit"]:  # "two years ago", "twenty years ago", "twenty-five years ago"
        written = _written_count(text, m.start())
        if written is None:
            return None
        count, start = written
        number = 1 if count.lower() in ("a", "an") else count_word(count)
        if not number or number > 99:
            return None
        unit = m["agounit"]
        this = AGO_THIS.match(text, m.end()) if unit == "year" else None
        if this is not None:  # "six years ago this week": that week, six years back
            finer = this["unit"] or "day"
            return _relative(scan, start, this.end(), finer, _years_back(finer, number), DEICTIC)
        if unit == "decade":  # "a decade ago": the year ten years before
            unit, number = "year", 10 * number
        elif unit == "fortnight":  # "a fortnight ago": the week two weeks before
            unit, number = "week", 2 * number
        return _relative(scan, start, m.end(), unit, _unit_shift(unit, -number), DEICTIC)
    if m["inunit"]:
        return _from_now(m, scan)
    if m["thisdecade"]:  # "this decade", "through the decade": the publication's decade
        determiner, start = ctx.previous_word(text, m.start())
        start = start if m["thisdecade"].startswith("rest") and determiner == "the" else m.start()
        value = str(scan.published.year // 10) if scan.published else None
        return Candidate(start, m.end(), value, "year", DEICTIC, relative=True)
    edge_mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}
    determiner, start = ctx.previous_word(text, m.start())
    start = start if determiner in ("the", "The") else m.start()
    if m["edgeunit"] == "decade":  # "the end of the (next) decade": a decade's TIMEX3 value
        step = {"next": 1, "last": -1}.get(m["edgerel"] or "", 0)
        value = str(scan.published.year // 10 + step) if scan.published else None
        found = Candidate(start, m.end(), value, "year", DEICTIC, relative=True)
    else:
        unit = m["edgeunit"]
        found = _relative(scan, start, m.end(), unit, _unit_shift(unit, 0), DEICTIC)
    found.mod = edge_mod[m["edge"]]
    return found


# "the first time in three years", "its lowest level in five months", "the sixth prime
# minister in eight years", "twice in a month", "52 weeks in a year": a span looking back,
# or a rate, not a day to come.
LOOKING_BACK = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)"
    r"|last|only|time|times|once|twice|\w+est|most|least|since|been|seen"
    r"|(?:hours|days|weeks|months)(?=\s*$))\b",
    re.IGNORECASE,
)


# A present passive or "sometimes"/"usually" before "in <count> days": how long something
# takes, each time ("payments are usually made in 30 days"), not a day ahead.
HOW_LONG_IT_TAKES = re.compile(
    r"\b(?:(?:is|are)\s+(?:\w+ly\s+)?(?!expect|schedul|slat|plann|set\b)\w+ed"
    r"|sometimes|usually|often|typically|normally)"
    r"\s+$"
)
# What can (or cannot) be done within the span that follows: "can be tamed in four years".
CAPACITY_BEFORE = re.compile(
    r"\b(?:can|cannot|can't|can’t|could|couldn't|couldn’t)\s+(?!.*\b(?:will|would)\b)"
    r"(?:[\w’'-]+\s+){0,5}$"
)
# A change measured over the span that follows: "a $9 million jump in eight months", "has
# gone up by nearly 18 per cent in a year".
CHANGE_BEFORE = re.compile(
    r"(?:\b(?:jump|rise|increase|hike|leap|surge|climb|drop|fall|decline|growth|cut)s?"
    r"|\d\s*(?:per\s*cent|percent|%))\s+$"
)
IN_COUNT_BEFORE = re.compile(r"(?<![\w-])[Ii]n\s+(\w+)\s+$")  # "in three " before "days"


def _from_now(m: re.Match, scan: Scan) -> Candidate | None:
    """`in three days`, `in two weeks' time`, `in a month`: that far after the publication
    date, unless the sentence looks back ("the first time in three years") or the verb
    governing it is past ("was built in two years": a duration)."""
    text = scan.text
    written = IN_COUNT_BEFORE.search(text, max(0, m.start() - 24), m.start())
    if written is None:
        return None
    count, start = written.group(1), written.start()
    number = 1 if count in ("a", "an") else pat.NUMBER_WORDS.get(count.lower())
    number = int(count) if count.isdigit() else number
    if not number or number > 99:
        return None
    if text.startswith(" of ", m.end()):
        return None  # "in 30 years of writing this column": how long, not when
    begin = sentence_bounds(text, start, m.end())[0]
    if LOOKING_BACK.search(text, begin, start) or tense_before(text, begin, start) == cal.PAST:
        return None
    if HOW_LONG_IT_TAKES.search(text, max(begin, start - 40), start):
        return None  # "the bill is cleared in 30 days": how long it takes, every time
    if CHANGE_BEFORE.search(text, max(begin, start - 20), start):
        return None  # "a $9 million jump in eight months": how long a change took
    if CAPACITY_BEFORE.search(text, begin, start):
        return None  # "we can frame a fourplex in eight weeks": what can be done that fast
    unit = m["inunit"]
    return _relative(scan, start, m.end(), unit, _unit_shift(unit, number), DEICTIC)


def _day_shift(days: int) -> Resolver:
    return lambda published: cal.day_period(published + timedelta(days=days))


# "Six years ago this week", "a year ago this month", "ten years ago today".
AGO_THIS = re.compile(r",?\s+(?:this\s+(?P<unit>week|month)|(?P<today>today))\b")


def _years_back(unit: str, years: int) -> Resolver:
    """The publication's day, week or month `years` years before."""

    def resolve(published: date) -> cal.Period:
        day = published - relativedelta(years=years)
        if unit == "week":
            return cal.week_period(day)
        if unit == "month":
            return cal.month_period(day.year, day.month)
        return cal.day_period(day)

    return resolve


def _unit_shift(unit: str, step: int) -> Resolver:
    def resolve(published: date) -> cal.Period:
        if unit == "day":
            return cal.day_period(published + timedelta(days=step))
        if unit == "week":
            return cal.week_period(published + timedelta(weeks=step))
        if unit == "month":
            return cal.shift_month(published, step)
        if unit == "quarter":
            index = published.year * 4 + (published.month - 1) // 3 + step
            return cal.quarter_period(index // 4, index % 4 + 1)
        return cal.year_period(published.year + step)

    return resolve


def _weekend(m: re.Match, scan: Scan) -> Candidate | None:
    start = m.start()
    if m["weekend"]:
        determiner, start = ctx.previous_word(scan.text, start)
        if determiner not in ("the", "The"):
            return None
    rel = (m["wrel"] or "the").lower()

    def saturdays(published: date) -> list[cal.Period]:
        back = published - timedelta(days=(published.weekday() - 5) % 7)
        return [cal.weekend_period(back + timedelta(weeks=k)) for k in (-1, 0, 1)]

    if rel == "the" and _looked_ahead_to(scan, start, m.end()):  # "by the weekend"
        return _tensed(
            scan,
            start,
            m.end(),
            "week",
            _not_long_before(saturdays, 0),
            by_tense=False,
        )
    if rel == "the":
        return _tensed(scan, start, m.end(), "week", saturdays)

    def resolve(published: date) -> cal.Period:
        options = saturdays(published)
        if rel == "this":
            monday = published - timedelta(days=published.weekday())
            return cal.weekend_period(monday + timedelta(days=5))
        if rel == "last":
            return max((p for p in options if p.last < published), key=lambda p: p.first)
        return min((p for p in options if p.first > published), key=lambda p: p.first)

    return _relative(scan, m.start(), m.end(), "week", resolve, DEICTIC)


COUNT_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+-[A-Za-z]+|\w+)\s+$")


def count_word(word: str) -> int | None:
    """A count written in digits or words: "5", "five", "Fifty-five", "dozen"; None otherwise."""
    if word.isdigit():
        return int(word)
    lower = word.lower()
    if lower in pat.NUMBER_WORDS and lower not in ("a", "an"):
        return pat.NUMBER_WORDS[lower]
    if lower == "dozen":  # "a dozen years ago"
        return 12
    tens, _, units = lower.partition("-")
    if tens in pat.TENS_WORDS and (not units or units in pat.NUMBER_WORDS):
        return pat.TENS_WORDS[tens] + (pat.NUMBER_WORDS[units] if units else 0)
    return None


def _written_count(text: str, at: int) -> tuple[str, int] | None:
    """The count word right before `at` and where the count starts ("a dozen" from its "a")."""
    written = COUNT_BEFORE.search(text, max(0, at - 24), at)
    if written is None:
        return None
    start = written.start(1)
    if written.group(1).lower() == "dozen" and text[max(0, start - 2) : start].lower() == "a ":
        start -= 2
    return written.group(1), start


EVENT_AFTER = re.compile(r"\s+(?:the|a|an|his|her|its|their|this|that)\s")


def anchored_year_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "the previous year", "a year later": one year from the year just mentioned (linked later)."""
    if m["same"]:
        if m["same"] == "same" and ctx.previous_word(scan.text, m.start())[0] not in ("the", "The"):
            return None
        start = m.start() if m["same"] != "same" else ctx.previous_word(scan.text, m.start())[1]
        return Candidate(start, m.end(), None, "year", TENSED, relative=True, year_shift=0)
    determiner, start = ctx.previous_word(scan.text, m.start())
    if m["plural"] == "years":  # "Five years later", "Fifty-five years after"
        written = _written_count(scan.text, m.start())
        if written is None:
            return None
        determiner, start = written
        count = count_word(determiner)
        if count is None or count < 2 or count > 199:
            return None
        if m["dir2"] in ("after", "before") and not re.match(r"\s*[,.;:)]", scan.text[m.end() :]):
            return None  # "seven years after the war": counted from an event, not a year
        shift = count if m["dir2"] in ("after", "later") else -count
        return Candidate(start, m.end(), None, "year", TENSED, relative=True, year_shift=shift)
    if m["dir"] == "next" and not (determiner == "The" and ctx.sentence_start(scan.text, start)):
        return None  # only a sentence's "The next year, …"; "over the next year" is a span
    wanted = ("the", "The") if m["dir"] or m["dir2"] == "after" else ("the", "The", "a", "A")
    if determiner not in wanted or (m["dir2"] in ("earlier", "later") and determiner in wanted[:2]):
        return None
    direction = m["dir"] or m["dir2"]
    if m["dir2"] in ("after", "before") and (
        (determiner in ("a", "A") and not re.match(r"\s*[,.;:)]", scan.text[m.end() :]))
        or EVENT_AFTER.match(scan.text, m.end())
    ):
        # "for more than a year before going to the government", "in the year before the
        # pandemic": counted from an event
        return None
    shift = 1 if direction in ("following", "next", "after", "later") else -1
    found = Candidate(start, m.end(), None, "year", TENSED, relative=True, year_shift=shift)
    if determiner == "a" and direction == "earlier" and scan.published:
        # "up from HK$1.2 billion a year earlier" (a comparison inside the sentence, not "A
        # year earlier, in 2015, …"): with no year just written about, the year before the
        # publication's (kept by link_years when nothing anchors it)
        found.value = str(scan.published.year - 1)
    return found


def that_month_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "more following that September": the month in the year just mentioned (linked later)."""
    month = _month_number(m["m"])
    found = Candidate(m.start(), m.end(), None, "month", TENSED, relative=True, year_shift=0)
    found.yearless = (month, None)
    return found


def that_season_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "bought her that spring": the season in the year just mentioned (linked later)."""
    found = Candidate(m.start(), m.end(), None, "season", TENSED, relative=True, year_shift=0)
    found.season = SEASON_CODES[m["season"].lower()]
    return found


SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def _adjacent(m: re.Match, scan: Scan, granularity: str, step_field: str) -> Candidate | None:
    """ "The following January", "the previous winter": a candidate one step after (+1,
    "following") or before (-1) what was just mentioned, its step in `step_field`; None
    without "the" before it."""
    determiner, start = ctx.previous_word(scan.text, m.start())
    if determiner not in ("the", "The"):
        return None
    step = {step_field: 1 if m["dir"] == "following" else -1}
    return Candidate(start, m.end(), None, granularity, TENSED, relative=True, **step)


def adjacent_season_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "The auditor's report, published the following spring": the season of the year
    after (before) the one just mentioned (linked later)."""
    found = _adjacent(m, scan, "season", "year_shift")
    if found is not None:
        found.season = SEASON_CODES[m["season"].lower()]
    return found


def adjacent_month_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "Starting the following January", "the previous December": the first such month
    after (before) the month just mentioned (linked later)."""
    found = _adjacent(m, scan, "month", "month_step")
    if found is not None:
        found.yearless = (_month_number(m["m"]), None)
    return found


def anchored_month_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "Seven months later", "a month earlier": counted from the month just mentioned
    (linked later); "two months after the war" counts from an event, not a month."""
    written = COUNT_BEFORE.search(scan.text, max(0, m.start() - 24), m.start())
    if written is None:
        return None
    singular = not m.group().startswith("months")
    word = written.group(1).lower()
    count = 1 if singular and word in ("a", "one") else count_word(word)
    if count is None or (count == 1) != singular or count > 60:
        return None
    if m["dir"] in ("after", "before") and not re.match(r"\s*[,.;:)]", scan.text[m.end() :]):
        return None
    shift = count if m["dir"] in ("after", "later") else -count
    return Candidate(
        written.start(1), m.end(), None, "month", TENSED, relative=True, month_shift=shift
    )


def anchored_day_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "the following day", "the next morning", "the day before", "the previous week", "the
    same day", "the following month": linked to the day (month) just mentioned ("over the
    next week" is a span, not a week; so is "the next month")."""
    determiner, start = ctx.previous_word(scan.text, m.start())
    direction = m["dir"] or m["dir2"]
    if determiner in ("that", "That") and direction == "same":
        pass  # "a public hearing that same morning"
    elif determiner not in ("the", "The"):
        return None
    shift = {"following": 1, "next": 1, "after": 1, "same": 0}.get(direction, -1)
    if m["part"] in ("week", "month") and direction in ("next", "same"):
        return None  # "in the same week" says two things happened together, not when
    if m["part"] == "month":
        return Candidate(start, m.end(), None, "month", TENSED, relative=True, month_shift=shift)
    if m["part"] == "week":
        return Candidate(start, m.end(), None, "week", TENSED, relative=True, day_shift=7 * shift)
    return Candidate(start, m.end(), None, "day", TENSED, relative=True, day_shift=shift)


def fiscal_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Fiscal years: "fiscal 2019", "fiscal year 2019", "FY2019", "FY19" (the year it is named by)."""
    year = m["y"] or m["fy"]
    if len(year) == 2:
        year = ("20" if int(year) < 70 else "19") + year
    return Candidate(m.start(), m.end(), year, "year", 0.85)


ELLIPTICAL_DECADE = re.compile(r"\b(?P<century>1\d|20)\d0s\s+(?:and|to|or|through|until)\s+$")


def year_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Years ("in 2009", "2017's", "the 2016 election"), decades ("1990s") and centuries ("1300s")."""
    if m["dec2"]:
        return Candidate(m.start(), m.end(), "19" + m["dec2"], "year", DEICTIC)
    if m["dec3"]:  # "between the 1930s and 50s": the century of the decade just named
        first = ELLIPTICAL_DECADE.search(scan.text, max(0, m.start() - 20), m.start())
        if first is None:
            return None
        return Candidate(m.start(), m.end(), first["century"] + m["dec3"], "year", DEICTIC)
    if m["dec"]:
        digits = m["dec"]
        if digits.endswith("0") and int(digits) < 200:
            return Candidate(m.start(), m.end(), digits[:2], "year", DEICTIC)
        return Candidate(m.start(), m.end(), digits, "year")
    year = int(m["y"])
    if not ctx.is_standalone_year(scan.text, m.start(), m.end(), year):
        return None
    span = FULL_YEAR_SPAN.search(scan.text, max(0, m.start() - 5), m.end() + 6)
    if span and span.start() <= m.start() and _fiscal_span(scan.text, span.start(), span.end()):
        return None  # "the 2023-2024 financial year", "the 2021-2027 budget": no calendar year
    return Candidate(m.start(), m.end(), m["y"], "year", 0.85)


# Both ends of a year span written in full: "2019-2022".
FULL_YEAR_SPAN = re.compile(r"(?<!\d)(?:1\d|20)\d\d[-–](?:1\d|20)\d\d(?!\d)")


def century_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Centuries by ordinal: "the 14th century", "the fourteenth century" (TIMEX3 "13")."""
    if m["rel"]:  # "the last century": the one before the publication's
        if scan.published is None or ctx.previous_word(scan.text, m.start())[0] not in (
            "the",
            "The",
        ):
            return None
        return Candidate(
            m.start(),
            m.end(),
            f"{scan.published.year // 100 - 1:02d}",
            "year",
            DEICTIC,
            relative=True,
        )
    number = int(m["n"]) if m["n"] else pat.CENTURY_WORDS[m["w"].lower()]
    return Candidate(m.start(), m.end(), f"{number - 1:02d}", "year", DEICTIC)


DAY_PREPOSITIONS = frozenset("by on until till before after from".split())


def ordinal_day_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "by the 28th": that day of the publication's month, or of the month before or after
    it, by the sentence's tense (the nearest when none)."""
    number = int(m["d"])
    the, start = ctx.previous_word(scan.text, m.start())
    if the != "the" or ctx.previous_word(scan.text, start)[0] not in DAY_PREPOSITIONS:
        return None
    if re.search(rf"\b{number - 1}\b", scan.text[max(0, start - 120) : start]):
        return None  # "has built 23 cots and is working on the 24th": the next of a count

    def build(published: date) -> list[cal.Period]:
        first = published.replace(day=1)
        months = (first - timedelta(days=1), first, first + timedelta(days=32))
        days = (cal.safe_date(month.year, month.month, number) for month in months)
        return [cal.day_period(day) for day in days if day is not None]

    return _tensed(scan, start, m.end(), "day", build, weak_is_future=True)


def turn_of_century_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "the turn of the century": the first year of the publication's century (2000)."""
    determiner, before = ctx.previous_word(scan.text, m.start())
    if scan.published is None or determiner not in ("the", "The"):
        return None
    year = f"{scan.published.year // 100 * 100:04d}"
    return Candidate(before, m.end(), year, "year", DEICTIC, relative=True)


def decade_words_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "the Seventies", "the nineties": decades of the 20th century in words."""
    word = m["w"]
    if word.islower() and scan.text[m.end() : m.end() + 1] == "s":
        return None
    start = m.start() + len(m["the"])
    decade = word.lower().removeprefix("nineteen").lstrip("- ")  # "nineteen-eighties"
    return Candidate(start, m.end(), pat.DECADE_WORDS[decade], "year", DEICTIC)


NAMED_DAY_VALUES = {"9/11": "2001-09-11"}


def named_day_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Days the news names by their date's numbers: "9/11" is 2001-09-11."""
    return Candidate(m.start(), m.end(), NAMED_DAY_VALUES[m["day"]], "day")


# Before a named day these make it a date ("on Thanksgiving", "since Christmas Eve"); after it,
# these make it a season or a thing ("Christmas shopping", "the Easter holidays").
HOLIDAY_BEFORE = frozenset(
    "on over since before after until till by at around through of from during ahead as".split()
)
HOLIDAY_THINGS = frozenset(
    """tree trees dinner dinners shopping card cards party parties lights market markets music
    holiday holidays season break gift gifts decorations parade travel sales sale shoppers
    spirit carol carols special specials story stories film films song songs day-trippers
    weekend week rush bonus bonuses message messages address egg eggs bunny""".split()
)


def holiday_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Named days: "on Thanksgiving", "Christmas Eve 2016", "last Easter", "by Labor Day"."""
    rule = holidays.day_rule(m["name"], scan.country)
    if rule is None:
        return None
    if m["y"]:
        day = rule(int(m["y"]))
        return Candidate(m.start(), m.end(), day.isoformat(), "day") if day else None
    if m["yrel"]:  # "Easter this year", "Christmas last year": that year's day
        step = {"last": -1, "this": 0, "next": 1}[m["yrel"]]

        def in_year(published: date) -> cal.Period:
            day = rule(published.year + step)
            return cal.day_period(day) if day else cal.year_period(published.year + step)

        return _relative(scan, m.start(), m.end(), "day", in_year, DEICTIC)
    period = _names_a_holiday_period(scan.text, m.start(), m.end())
    if ctx.word_after(scan.text, m.end()).lower() in HOLIDAY_THINGS and not period:
        return None
    if m["name"] == "New Year" and not period:
        return None  # ("into the New Year" is the year's, "New Year" alone no day)
    if scan.published and not any(
        rule(y) for y in range(scan.published.year - 1, scan.published.year + 2)
    ):
        return None  # a day from a table that does not reach the publication's years
    if m["rel"]:
        shift = {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]

        def shifted(published: date) -> cal.Period:
            if shift == 0 and rule(published.year):
                return cal.day_period(rule(published.year))
            periods = cal.yearly(published, lambda y: _holiday_period(rule, y))
            tense = cal.PAST if shift < 0 else cal.FUTURE
            return cal.choose(periods, published, tense, None)

        return _relative(scan, m.start(), m.end(), "day", shifted, DEICTIC)
    if ctx.previous_word(scan.text, m.start())[0].lower() not in HOLIDAY_BEFORE and not period:
        return None
    if ctx.habitual(scan.text, m.start(), m.end()):
        return None

    def build(published: date) -> list[cal.Period]:
        return cal.yearly(published, lambda y: _holiday_period(rule, y))

    # (a break named after the day and looked ahead to is the coming one, whatever the tense:
    # "adjourned … for the Christmas and New Year recess" in December)
    # (otherwise the nearest: "after the Independence Day holiday", written the day before)
    if period:
        ahead = BREAK_AHEAD.search(scan.text, max(0, m.start() - 40), m.start())
        default = cal.FUTURE if ahead else cal.UNKNOWN
        return _tensed(scan, m.start(), m.end(), "day", build, default=default, by_tense=False)
    return _tensed(scan, m.start(), m.end(), "day", build, horizon=DAY_HORIZON)


# What looks ahead to a break: "for the Christmas recess", "ahead of the Christmas season".
BREAK_AHEAD = re.compile(
    r"\b(?:for|before|ahead\s+of|avoid|until|till|over)\s+(?:the|its|their)\s+"
    r"(?:(?:Christmas|Easter)\s+and\s+)?$"
)


# The break a named day gives its name to, after it: " season", " period", " and New Year recess".
HOLIDAY_BREAK_AFTER = re.compile(
    r"\s+(?:and\s+(?:New\s+Year|Christmas|Easter|Boxing\s+Day)\s+)?"
    r"(?:season|period|break|vacation|recess|holidays?)\b"
)
# The same named break's first day before "and": "the Christmas and " (before "New Year recess").
HOLIDAY_BREAK_BEFORE = re.compile(r"\b(?:the|its|their)\s+(?:Christmas|Easter)\s+and\s+$")


def _names_a_holiday_period(text: str, start: int, end: int) -> bool:
    """Whether a named day names this year's break around it: "the Christmas season", "over
    the Christmas period", "its Christmas vacation", "the Christmas and New Year recess"."""
    previous = ctx.previous_word(text, start)[0].lower()
    if previous in ("the", "its", "their"):
        return HOLIDAY_BREAK_AFTER.match(text, end) is not None
    return HOLIDAY_BREAK_BEFORE.search(text, max(0, start - 30), start) is not None and bool(
        HOLIDAY_BREAK_AFTER.match(text, end)
    )


def _holiday_period(rule: holidays.DayRule, year: int) -> cal.Period | None:
    day = rule(year)
    return cal.day_period(day) if day else None


# A share of a bill that falls due: "the second half is payable by May 31".
INSTALMENT_AFTER = re.compile(
    r"\s+(?:is|are|was|were|will\s+be|falls|fall)\s+(?:due|payable|owed|owing)\b"
)


def quarter_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Quarters and halves: "the first quarter of 2011", "Q3", "the second half"."""
    start = m.start()
    if m["ord"]:
        determiner, before = ctx.previous_word(scan.text, start)
        if determiner in ("the", "The"):
            start = before
    if m["qn"] or m["hn"]:
        number, unit = int(m["qn"] or m["hn"]), ("quarter" if m["qn"] else "half")
        year = m["qy"] or m["hy"]
    else:
        unit, year = m["unit"], m["y"]
        number = pat.ORDINALS[m["ord"]]
        if unit == "half" and m["ord"] in ("third", "3rd", "fourth", "4th", "final"):
            return None
        if unit == "half" and m["ord"] == "last":
            number = 2
        if m["ord"] == "last" and start == m.start():
            return None  # "last quarter" is the deictic rule's
    build_one = cal.quarter_period if unit == "quarter" else cal.half_period
    granularity = "quarter"
    if year:
        return Candidate(start, m.end(), build_one(int(year), number).value, granularity)
    rel = (m["rel"] or "").lower()
    if rel:
        shift = {"last": -1, "next": 1}.get(rel, 0)
        return _relative(
            scan,
            start,
            m.end(),
            granularity,
            lambda published: build_one(published.year + shift, number),
            DEICTIC,
        )
    if scan.text.startswith(" of ", m.end()) or ctx.sports_nearby(scan.text, start, m.end()):
        return None
    if INSTALMENT_AFTER.match(scan.text, m.end()):
        return None  # "The first half is due Nov. 30": half of a bill, not of a year

    def build(published: date) -> list[cal.Period]:
        return cal.yearly(published, lambda y: build_one(y, number))

    # ("could remain under pressure into the third quarter": the one to come)
    return _tensed(scan, start, m.end(), granularity, build, weak_is_future=True, default=cal.PAST)


def season_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """Seasons: "summer 2019", "last fall", "a virtually rainless fall" (by tense)."""
    word = m["season"].lower()
    season = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}[word]
    if m["y"]:
        return Candidate(m.start(), m.end(), cal.season_period(int(m["y"]), season).value, "season")

    southern = scan.country in SOUTHERN_HEMISPHERE

    def build(published: date) -> list[cal.Period]:
        return cal.yearly(published, lambda y: cal.season_period(y, season, southern))

    rel = (m["rel"] or "").lower()
    if rel in ("last", "next"):

        def resolve(published: date) -> cal.Period:
            # (two years back: "last winter" on 27 February is the winter before this one)
            years = range(published.year - 2, published.year + 2)
            options = [cal.season_period(y, season, southern) for y in years]
            if rel == "last":
                return max((p for p in options if p.last < published), key=lambda p: p.first)
            return min((p for p in options if p.first > published), key=lambda p: p.first)

        return _relative(scan, m.start(), m.end(), "season", resolve, DEICTIC)
    if rel == "this":
        return _relative(
            scan, m.start(), m.end(), "season", _this_season(season, southern), DEICTIC
        )
    if word == "fall" and scan.country not in AUTUMN_IS_FALL:
        return None  # "behind the fall" on an Australian site is a decline, not autumn
    if not ctx.season_in_context(
        scan.text, m.start("season"), m.end("season"), m["season"]
    ) or ctx.habitual(scan.text, m.start(), m.end()):
        return None
    if scan.text[max(0, m.start() - 3) : m.start()] == "in " and (
        tense_near(scan.text, m.start(), m.end()) == cal.UNKNOWN
    ):
        return None  # "where oystercatchers nest in spring": no tense, no article, every spring
    found = _tensed(scan, m.start(), m.end(), "season", build)
    found.confidence = min(found.confidence, GUESSED)
    return found


def _this_season(season: str, southern: bool) -> Resolver:
    """ "this summer": the one under way, else the one of the publication year."""

    def resolve(published: date) -> cal.Period:
        current = cal.current_season(published, southern)
        if current.value.endswith(season):
            return current
        return cal.season_period(published.year, season, southern)

    return resolve


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The `nth` (1-5; -1 for the last) `weekday` of a month, or None when there is none."""
    if nth == -1:
        following = date(year + month // 12, month % 12 + 1, 1)
        day = following - timedelta(days=1)
        return day - timedelta(days=(day.weekday() - weekday) % 7)
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return day if day.month == month else None


def nth_weekday_rule(m: re.Match, scan: Scan) -> Candidate | None:
    """ "the last Monday of November", "the first Tuesday in March 2025": one day, in the
    year written or the one the sentence's tense points to."""
    start = m.start()
    determiner, before = ctx.previous_word(scan.text, start)
    if determiner in ("the", "The"):
        start = before  # "the last Monday of November"
    month = _month_number(m["m"])
    weekday = pat.WEEKDAY_NUMBERS[m["wd"].lower()]
    nth = {"last": -1, "fifth": 5}.get(m["ord"]) or pat.ORDINALS[m["ord"]]

    def day_of(year: int) -> cal.Period | None:
        found = _nth_weekday(year, month, weekday, nth)
        return cal.day_period(found) if found else None

    if m["y"]:
        period = day_of(int(m["y"]))
        return Candidate(start, m.end(), period.value, "day") if period else None
    return _tensed(scan, start, m.end(), "day", lambda published: cal.yearly(published, day_of))


RULES: dict[str, tuple[re.Pattern, Callable[[re.Match, Scan], Candidate | None]]] = {
    "calendar": (pat.CALENDAR, calendar_rule),
    "month": (pat.MONTH_YEAR, month_rule),
    "decade_words": (pat.DECADES_IN_WORDS, decade_words_rule),
    "named_day": (pat.NAMED_DAYS, named_day_rule),
    "nth_weekday": (pat.NTH_WEEKDAY, nth_weekday_rule),
    "holiday": (holidays.HOLIDAY, holiday_rule),
    "weekday": (pat.WEEKDAYS, weekday_rule),
    "deictic": (pat.DEICTIC, deictic_rule),
    "anchored": (pat.ANCHORED_YEAR, anchored_year_rule),
    "anchored_day": (pat.ANCHORED_DAY, anchored_day_rule),
    "anchored_month": (pat.ANCHORED_MONTH, anchored_month_rule),
    "that_month": (pat.THAT_MONTH, that_month_rule),
    "adjacent_month": (pat.ADJACENT_MONTH, adjacent_month_rule),
    "adjacent_season": (pat.ADJACENT_SEASON, adjacent_season_rule),
    "that_season": (pat.THAT_SEASON, that_season_rule),
    "fiscal": (pat.FISCAL, fiscal_rule),
    "year": (pat.YEARS, year_rule),
    "quarter": (pat.QUARTERS, quarter_rule),
    "season": (pat.SEASONS_RE, season_rule),
    "century": (pat.CENTURIES, century_rule),
    "turn": (pat.TURN_OF_CENTURY, turn_of_century_rule),
    "ordinal_day": (pat.ORDINAL_DAY, ordinal_day_rule),
}
