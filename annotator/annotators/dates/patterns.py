"""The compiled regular expressions of the dates annotator, one alternation per family.

Month and weekday names are matched case-sensitively (capitalised), so "may" and
"the march" never start a date; whether a bare "May" is a month is decided by
its context in `dates_rules`.
"""

from __future__ import annotations

import re

from ..alternation import alternation
from .holidays import FIRST_WORDS as HOLIDAY_FIRST_WORDS
from .holidays import RELATIVE_OPENERS as HOLIDAY_RELATIVE_OPENERS

MONTH_NUMBERS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAY_NUMBERS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
    "latter": 2,
}

_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?![A-Za-z]))"
MONTH = rf"(?:(?:{_FULL})(?![A-Za-z])|{_ABBR})"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
DAY = (  # (not "24-Month", "30-day", "17:30"; a dateline's "GUWAHATI, July 17:" is a day)
    r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"(?!\d|:\d|-(?:[a-z]|(?:Month|Year|Week|Day|Hour|Minute)s?(?![A-Za-z])))"
)
YEAR = r"(?:1\d{3}|20\d{2})(?![\d%])"
PART_OF_DAY = r"(?:\s+(?P<part>morning|afternoon|evening|night|overnight))?"

# Full calendar dates: month-first, day-first, ISO, numeric. Longest wins later.
CALENDAR = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"
    rf"(?:(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR})"
    r"|\s+(?P<yrel1>next|last|this)\s+year(?![A-Za-z]))?"
    rf"|(?P<d2>{DAY})(?:\s+(?:day\s+)?of)?\s+(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR})"
    r"|\s+(?P<yrel>next|last|this)\s+year(?![A-Za-z]))?)"
    rf"{PART_OF_DAY}"
    r"|(?<![\d/.-])(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?:T(?P<ih>[0-2]\d):(?P<imin>[0-5]\d))?(?![\d])"
    r"|(?:(?P<nwd>" + WEEKDAY + r"),?\s+)?"
    r"(?<![\d/.-])(?P<na>[0-3]?\d)(?P<sep>[/.-])(?P<nb>[0-3]?\d)(?P=sep)"
    r"(?P<ny>(?:1[89]|20)\d\d|(?<=/)\d\d)(?![\d/.-]\d|\d)"  # "12/15/15": slashes only
)

# A month with a year (after it, or before it as in "the 2021 July unrest"), or a bare month
# whose context is checked by the rule.
MONTH_YEAR = re.compile(
    rf"\b(?:(?P<yb>{YEAR})\s+(?={MONTH}(?![\s.]+\d)))?"
    rf"(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?:past|coming))?)\s+)?(?P<m>{MONTH})"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR})|\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year(?![A-Za-z]))?"
)

# ("Monday week": the weekday a week after the coming one; "Tuesday next week": that week's)
WEEKDAYS = re.compile(
    r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?:coming|past))?|coming)\s+)?"
    rf"(?P<wd>{WEEKDAY})(?:(?P<wk>\s+(?P<wkrel>(?:next|last|this)\s+)?week)(?![\w’'-])"
    rf"|{PART_OF_DAY})"
)

DEICTIC = re.compile(
    r"\b(?:"
    r"(?P<word>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)(?![A-Za-z])"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
    r"|(?P<lastnight>[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening))(?![A-Za-z])"
    r"|(?:(?P<adv>[Ee]arlier|[Ll]ater)\s+(?:in\s+)?)?(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+"
    r"(?:(?:election|calendar)\s+(?=year))?(?P<unit>week|month|year|quarter)(?![A-Za-z-])"
    r"|(?P<inthe>[Ee]arlier|[Ll]ater)\s+in\s+the\s+(?P<theunit>week|month|year)(?![A-Za-z-])"
    r"|(?P<wrel>[Tt]his|[Ll]ast|[Nn]ext)\s+weekend(?![A-Za-z])"
    r"|(?P<weekend>weekend)(?![A-Za-z])"  # "the weekend": the rule wants "the" before it
    r"|(?P<newyear>[Tt]he\s+(?:new\s+year|New\s+Year))(?![A-Za-z'’-])"
    r"|(?P<agounit>day|week|fortnight|month|year|decade)s?\s+ago(?![A-Za-z])"  # count before it
    r"|(?P<edge>end|beginning|start|middle)\s+of\s+(?:the|this)\s+"
    r"(?:(?P<edgerel>next|last)\s+(?=decade))?(?P<edgeunit>week|month|year|decade)(?![A-Za-z])"
    r"|(?P<thisdecade>(?:[Tt]his|[Tt]hrough\s+the|rest\s+of\s+the)\s+decade)(?![A-Za-z])"
    r"|(?P<inunit>day|week|month|year)s?(?:['’]?\s+time)?(?![A-Za-z])"  # "in three days"
    r")"
)

ANCHORED_YEAR = re.compile(
    r"\b(?:(?P<dir>previous|prior|preceding|following|next)\s+year"
    r"|(?P<plural>year|years)\s+(?P<dir2>before|after|earlier|later)(?!\s+than\b)"
    r"|(?P<same>[Tt]hat|same)\s+year)(?![A-Za-z])"
)

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
# "that September": the month in the year the story is telling.
# ("May" is left out: "officials said that May would resign" names Theresa May.)
_THAT_MONTHS = [month for month in _MONTH_NAMES if month != "May"]
# (Not before a noun: "at that October appropriations hearing" is read as the bare month.)
# (a pronoun, an article or a conjunction may follow: "and that September it reopened")
_THAT_NEXT = (
    r"(?!\s+(?!(?:it|he|she|they|we|the|a|an|and|when|as|his|her|their|for|from|to|in|on"
    r"|at|by|with)\b)[a-z])"
)
THAT_MONTH = re.compile(
    r"[Tt]hat\s+(?P<m>" + "|".join(_THAT_MONTHS) + r")(?![\w-])(?!\s+\d)" + _THAT_NEXT
)
# "the following January": the first such month after the month just mentioned.
ADJACENT_MONTH = re.compile(
    r"(?P<dir>following|previous|preceding)\s+(?P<m>"
    + "|".join(_MONTH_NAMES)
    + r")(?![\w-])(?!\s+\d)"
)
# "published the following spring": the season after the year the story is telling.
ADJACENT_SEASON = re.compile(
    r"(?P<dir>following|previous|preceding)\s+(?P<season>spring|summer|autumn|fall|winter)(?![\w-])"
)
# "bought her that spring": the season in the year the story is telling.
THAT_SEASON = re.compile(
    r"[Tt]hat\s+(?P<season>spring|summer|autumn|fall|winter)(?![\w-])" + _THAT_NEXT
)

# "Seven months later", "a month earlier": months from the month just mentioned (the count
# comes before the match).
ANCHORED_MONTH = re.compile(
    r"\bmonths?\s+(?P<dir>later|earlier|after|before)(?![A-Za-z])(?!\s+than\b)"
)

# "the following day", "the next morning", "the day before": one day from the day just mentioned;
# "the same day" that day; "the following month" the month after the one just mentioned.
ANCHORED_DAY = re.compile(
    r"\b(?:(?P<dir>following|next|previous|preceding|same)\s+"
    r"(?P<part>day|morning|afternoon|evening|night|week|month)"
    r"|day\s+(?P<dir2>before|after|prior)(?=\s*(?:[,.;:)]|$)))(?![A-Za-z])"
)

# Fiscal years: "fiscal 2019", "fiscal year 2019", "FY2019", "FY 2020", "FY19".
FISCAL = re.compile(
    r"\b(?:[Ff]iscal\s+(?:[Yy]ear\s+)?(?P<y>(?:19|20)\d\d)|FY\s?(?P<fy>(?:19|20)\d\d|\d\d))(?![\w%]|[.,]\d|[-–/]\d)"
)

# (A year closing "2004-2014" is one; "2021-22" and "2021–22" are spans `short_years` reads.)
YEARS = re.compile(
    r"(?<![\w$€£¥#.,/:])(?:(?<!\d-)|(?<=(?<!\d)(?:1\d|20)\d\d-))"
    r"(?:(?P<dec>(?:1\d|20)\d)0s|['’](?P<dec2>[3-9])0s|(?P<dec3>[1-9])0s"
    r"|(?P<y>1\d{3}|20\d{2}))"
    r"(?![\w%]|[.,:/]\d|[-–]\d\d?(?!\d)|-\d{3}(?!\d)|-\d{5}|['’]\d)"
)

QUARTERS = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
    r"[-\s]+(?P<unit>quarter|half)"
    r"(?:\s+of\s+(?:(?P<y>(?:1\d|20)\d\d)(?![-–/]\d)|(?P<rel>this|last|next|the)\s+year))?"
    r"|Q(?P<qn>[1-4])(?:\s+(?P<qy>(?:1\d|20)\d\d))?"
    r"|H(?P<hn>[12])\s+(?P<hy>(?:1\d|20)\d\d))(?![A-Za-z\d])"
)

SEASONS_RE = re.compile(
    r"\b(?:(?P<rel>[Tt]his|[Ll]ast|[Nn]ext)\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)"
    rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?(?![A-Za-z])"
)

TIME_AFTER = re.compile(
    r"(?:,\s*|\s+at\s+|\s+)(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ap>[ap])\.?m\b\.?"
    r"|(?P<noon>noon|midnight)|(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?!\d)"
    r"|(?:about\s+|around\s+)?(?P<HH>[01]\d|2[0-3])(?P<MM>[0-5]\d)\s?hrs\b)"
)  # (Nigerian and Ghanaian police write the 24-hour clock: "15th June, 2025 at about 2330hrs")
# ("midnight on Monday" ends Monday, no time of it: the day is kept, as the gold sets read it)
# (the 24-hour clock too: "at about 0640hrs today")
TIME_BEFORE = re.compile(
    r"(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ap>[ap])\.m\.|(?P<noon>noon)"
    r"|(?<!\d)(?P<HH>[01]\d|2[0-3])(?P<MM>[0-5]\d)\s?hrs)(?:\s+on)?\s+$"
)

# Stage one of the scan: words that can open a date expression (found with str.find,
# which is far faster than a regex alternation), each mapped to the families to try there.
CENTURY_WORDS = {
    word: number
    for number, word in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
        twenty-first twenty-second""".split(),
        start=1,
    )
}
# "the 14th century", "the fourteenth century"; not the adjective "a 19th-century mansion".
CENTURIES = re.compile(
    r"(?:(?P<n>[1-9]|1\d|2[0-2])(?:st|nd|rd|th)|(?P<w>(?i:"
    + "|".join(sorted(CENTURY_WORDS, key=len, reverse=True))
    + r"))|(?P<rel>(?i:last|previous)))\s+[Cc]entury(?![\w-])"
)
# "the turn of the century" (or "of the millennium"): the first year of the publication's
# century.
TURN_OF_CENTURY = re.compile(r"turn\s+of\s+the\s+(?:century|millennium)(?![\w-])")
# Decades in words ("the Seventies", "the nineteen-eighties", "the mid-aughts"): the 20th century's
# (TIMEX3 "197"), and the 2000s as "the aughts" / "the noughties". A modifier may stand
# between "the" and the word; the general modifier reading then gives its `mod`.
DECADE_WORDS = {
    word: str(192 + index)
    for index, word in enumerate(
        "twenties thirties forties fifties sixties seventies eighties nineties".split()
    )
} | {"aughts": "200", "noughties": "200"}
DECADES_IN_WORDS = re.compile(
    r"(?<![\w-])(?P<the>[Tt]he\s+(?:(?:early|mid|late)(?:-|\s+))?)(?P<w>(?:[Nn]ineteen[-\s])?(?i:"
    + "|".join(DECADE_WORDS)
    + r"))(?![\w-])"
)
# A weekday counted within its month: "the last Monday of November", "the first Tuesday in
# March 2025" (a fixed day once its year is known).
NTH_WEEKDAY = re.compile(
    r"(?P<ord>first|second|third|fourth|fifth|last)\s+"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:of|in)\s+"
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?:,?\s+(?P<y>(?:1[89]|20)\d\d))?(?![A-Za-z\d])"
)
# A day of the month written alone after a preposition ("by the 28th", "on the 3rd,"): a day
# of the publication's month or the next or last one (not "the 28th president"); the rule
# checks the preposition.
ORDINAL_DAY = re.compile(
    r"(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)"
    r"(?=\s*[,.;:!?\"”’)]|\s+(?:and|or|to|at|when|if|because|unless)\b)"
)
# Days named by their numbers ("9/11"): a fixed list, since "4/20" or "7/7" are not for us to guess.
NAMED_DAYS = re.compile(r"(?<![\w/])(?P<day>9/11)(?![\w/])")

_OPENERS: dict[str, tuple[str, ...]] = {}


def _opens(families: str, words: str) -> None:
    for word in words.split():
        _OPENERS[word] = _OPENERS.get(word, ()) + tuple(families.split())


_opens("calendar month", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")
_opens("calendar weekday", "Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_opens("month weekday deictic season", "last next this Last Next This")
_opens("quarter", "last")
_opens("weekday", "coming")
_opens(
    "deictic",
    """today Today yesterday Yesterday tomorrow Tomorrow tonight Tonight earlier Earlier later
    Later end beginning start middle weekend day week fortnight month decade through rest""",
)
_opens("deictic anchored", "year")
_opens("anchored", "previous prior preceding following next")
_opens("anchored_day", "following next previous preceding same")
_opens("adjacent_month adjacent_season", "following previous preceding")
_opens("anchored_month", "months month")
_opens("that_month that_season", "that That")
for _phrase, _family in (
    ("that year", "anchored"),
    ("That year", "anchored"),
    ("same year", "anchored"),
    ("day before", "anchored_day"),
    ("day after", "anchored_day"),
    ("day prior", "anchored_day"),
    ("the new year", "deictic"),
    ("The new year", "deictic"),
    ("the New Year", "deictic"),
    ("The New Year", "deictic"),
):
    _OPENERS[_phrase] = _OPENERS.get(_phrase, ()) + (_family,)
_opens("fiscal", "fiscal Fiscal FY")
_opens("quarter", "first second third fourth final latter Q1 Q2 Q3 Q4 H1 H2")
_opens("season", "spring Spring summer Summer fall Fall autumn Autumn winter Winter")
_opens("named_day", "9/11")
# (no digit-led openers: "1st" would make the opener scan test every number)
_opens("nth_weekday", "first second third fourth fifth last")
for _phrase in HOLIDAY_RELATIVE_OPENERS:
    _OPENERS[_phrase] = _OPENERS.get(_phrase, ()) + ("holiday",)
# Named days' own openers are looked for only in a text one pattern scan finds a name in.
HOLIDAY_OPENERS = {phrase: ("holiday",) for phrase in HOLIDAY_FIRST_WORDS}
HOLIDAY_HINT = re.compile(alternation(HOLIDAY_FIRST_WORDS))
# Likewise "the", the commonest word, opens a decade in words ("the Seventies") only in a
# text (lower-cased) that names one.
DECADE_OPENERS = {"the": ("decade_words",), "The": ("decade_words",)}
DECADE_HINT = re.compile(
    "ties(?:" + "|".join(f"(?<={word})" for word in DECADE_WORDS if word.endswith("ties")) + ")"
)
for _word in CENTURY_WORDS:
    _opens("century", f"{_word} {_word.capitalize()}")
_opens("century", "last Last previous Previous")  # "the last century": the one before this
_opens("turn", "turn")
OPENERS = _OPENERS
# A run of digits, or the apostrophe of "'90s"; led by a character class, so that the regex
# engine skips straight to the next digit or apostrophe.
NUMBER_OPENER = re.compile(r"[0-9'’](?:(?<=[0-9])[0-9]*|(?=[3-9]0s))")
NUMBER_FAMILIES = ("calendar", "year", "quarter", "century", "month", "ordinal_day")

MODIFIER_BEFORE = re.compile(
    r"(?:(?P<edge>(?:[Tt]he\s+)?(?P<pos>end|beginning|start|middle)\s+of\s+(?:the\s+)?)"
    r"|(?P<week>(?:[Tt]he\s+)?(?P<nth>first|opening|second|third|fourth|last|final|closing)"
    r"\s+(?:week|fortnight|days|few\s+days)\s+of\s+)"
    r"|(?<![A-Za-z])(?P<el>[Ee]arly|[Ll]ate|[Mm]id)(?:-|\s+)|(?<![A-Za-z])(?P<mid>[Mm]id-?))$"
)

# "before 2010", "after March", "circa 1900": a relation the text states (TIMEX3 `mod`).
RELATION_BEFORE = re.compile(
    r"(?<![A-Za-z])(?P<word>[Bb]efore|[Aa]fter|[Cc]irca|c\.|[Aa]pproximately|[Rr]oughly)\s+$"
)
