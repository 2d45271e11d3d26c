"""Context tests for the dates annotator: is this number or word used as a date here?

Each function looks only at a few characters around a match, so the scan stays fast.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .tense import sentence_bounds, word_tense

DATE_PREPOSITIONS = frozenset(
    """in since by until till from of between before after during through to circa early
    late mid and or around spring summer fall autumn winter year fiscal""".split()
)
# Before a year, these make the word after it a verb rather than counted things.
TIME_PREPOSITIONS = frozenset("in since by until till during before after".split())
COUNT_BEFORE = frozenset(
    """about some nearly almost approximately roughly over under than least total top no
    number page room suite flight route model version lot exactly just only around""".split()
)
COUNT_NOUNS = frozenset(
    """people persons men women children staff police personnel feet foot yuan yen won baht
    dollars euros pounds rupees kg km mph miles meters metres tons tonnes hectares acres
    cattle sheep fish deer head units times percent per pages calories votes points""".split()
)
# Plural nouns a year qualifies ("on 2005 levels", "its 2030 emissions target"), unlike a count.
YEAR_PLURALS = frozenset(
    """levels emissions elections figures prices rates results targets forecasts projections
    estimates standards accounts budgets games olympics midterms primaries polls rules
    regulations guidelines reforms talks protests riots attacks floods sanctions tariffs
    negotiations accords""".split()
)
NOT_PLURALS = frozenset(
    "onwards afterwards towards was is has as its his this thus always perhaps whereas unless plus".split()
)
MONTH_CONTEXT = frozenset(
    """in since by until till through from to during of before after between early late mid
    last next this""".split()
)
RECURRING = frozenset("each every".split())
HEDGES = frozenset("about around roughly approximately".split())
CLAUSE_BREAK = re.compile(r"[,;:.!?()\"“”]")
DATED_TODAY = re.compile(r"\s*\((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\)")
OWNERS = frozenset("a an the its their his her our this that".split())
POSSESSIVES = frozenset("its their his her our".split())
NAMED_EVENTS = frozenset(
    """treaty act constitution convention agreement accord election elections war revolution
    uprising census charter declaration referendum summit crisis massacre rebellion""".split()
)
NOT_NOUNS_AFTER = frozenset(
    """of on in to and or for with by at from as is was were are be been will would could
    should may might can has have had than that which who when where while""".split()
)
WEEKDAY_NAMES_BEFORE = frozenset(
    "black good super cyber ash holy maundy easter bloody palm giving small manic".split()
)
WEEKDAY_NOUNS_AFTER = frozenset(
    """publication publications edition editions paper papers newspaper newspapers delivery
    deliveries school schools mass prayers service services supplement supplements magazine
    shift shifts""".split()
)
WEEKDAY_TITLES_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Observer|Independent|Night\s+(?:Live|Football))\b"
)
SEASON_DETERMINERS = frozenset(
    "the this in during since until till by through a an last next early late mid".split()
)
SEASON_NOT_ADJECTIVES = frozenset(
    """will would could can may might must to not did does do should shall sharp steep big
    dramatic slight further sudden bad nasty long small large huge free sharper steeper
    significant modest slow rapid continued recent hot mineral natural thermal""".split()
)
SEASON_NOUNS_AFTER = frozenset(
    """storm storms weather months month season vacation holiday holidays break camp school
    session sale sales olympics games solstice time day days heat crops term collection
    fashion line tires coats clothes intern interns internship internships wheat jobs
    festival fair meeting meetings tour training programme program semester quarter tide
    tides onion onions roll rolls water morning mornings evening evenings afternoon afternoons
    night nights weekend weekends crop""".split()
)
FALL_NOT_AFTER = frozenset(
    """of in from to into on off apart back behind short below under through by up down
    prey victim asleep ill silent flat sharply steeply""".split()
)
SPORTS = re.compile(
    r"\b(?:game|match|goals?|scored|score|points|inning|innings|touchdowns?|half-?time|"
    r"minutes?|coach|team|league|played|playoffs?|referee|penalty|quarterback|striker|court|"
    r"pitch|rebounds?|assists?|fouled|shots?|yards|lineup|basketball|football|hockey)\b",
    re.IGNORECASE,
)
STREET = re.compile(
    r"(?:\s+[A-Z][a-z]+){1,2}\s+(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|"
    r"Way|Court|Ct|Place|Pl|Highway|Hwy|Parkway|Pkwy|Terrace|Circle)\b"
)
_WORDS = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[$#£€¥]|\d+")
_TEXT_WORD = re.compile(r"[A-Za-z]+")

DMY_TLDS = frozenset(
    """uk ie au nz in za sg my pk ng ke gh fr de es it nl be ch at pt br ar mx co cl pe
    se no dk fi pl cz ru tr gr hk ph lk bd""".split()
)


_PREVIOUS_WORD = re.compile(r"([A-Za-z]+|\d+)[ \t]+$")


def previous_word(text: str, start: int) -> tuple[str, int]:
    """The word just before `start` (separated by spaces only) and where it starts; ('', start)."""
    match = _PREVIOUS_WORD.search(text, max(0, start - 16), start)
    if match is None or (match.start() > 0 and text[match.start() - 1].isalnum()):
        return "", start
    return match.group(1), match.start()


def words_before(text: str, start: int, count: int = 3) -> list[str]:
    """The last `count` word-like tokens before `start` (same line), nearest last."""
    left = max(0, start - 40)
    segment = text[left:start]
    newline = segment.rfind("\n")
    if newline >= 0:
        segment = segment[newline + 1 :]
    return _WORDS.findall(segment)[-count:]


def word_after(text: str, end: int) -> str:
    """The next word after `end` when it follows on the same line, else ''."""
    match = _TEXT_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return match.group(0) if match else ""


def is_standalone_year(text: str, start: int, end: int, year: int) -> bool:
    """Whether the 4-digit number at text[start:end] stands for a year here."""
    after = word_after(text, end)
    before = words_before(text, start, 2)
    previous = before[-1].lower() if before else ""
    # ("by 2026 people will see …": a year after a preposition of time, whatever follows)
    timed = previous in TIME_PREPOSITIONS and 1900 <= year <= 2100
    if (after.lower() in COUNT_NOUNS and not timed) or (
        after.islower()
        and after.endswith("s")
        and not after.endswith("ss")
        and after not in NOT_PLURALS
        and after not in YEAR_PLURALS
        and previous not in TIME_PREPOSITIONS  # "launched in 2011 aims to…": a verb, not a count
    ):
        return False
    if text.startswith(("'s", "’s"), end):
        return True
    if STREET.match(text, end):
        return False
    if _year_range_end(text, start):
        return True
    if previous in COUNT_BEFORE and not after.isalpha() and 1900 <= year <= 2100:
        return True  # "harassed her around 2006; at the time …": nothing is counted
    if previous in COUNT_BEFORE or previous in ("$", "#", "£", "€", "¥") or previous.isdigit():
        return False
    if previous in DATE_PREPOSITIONS or text[max(0, start - 4) : start].lower() == "mid-":
        return True
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return year >= 1500  # "In “The Noble Bachelor” (1892)": a work's year
    if previous == "the" and after.lower() in NAMED_EVENTS:
        return year >= 1000  # "the 1851 Treaty of Fort Laramie", "the 1789 Constitution"
    if (
        previous in POSSESSIVES
        and after.isalpha()
        and after.islower()
        and after not in NOT_NOUNS_AFTER
    ):
        return year >= 1000  # "his 1861 inaugural address" (not "a 1500 metre race")
    return year >= 1900


_YEAR_RANGE_START = re.compile(r"(?<![\w$€£¥#.,])(?:1\d|20)\d\d\s*[–—-]\s*$")


def _year_range_end(text: str, start: int) -> bool:
    """Whether a year here closes a range opened by a year: "from 2004 – 2014"."""
    return _YEAR_RANGE_START.search(text, max(0, start - 10), start) is not None


# After a month, the rest of a range closed by a month with its year: " to December 2022".
RANGE_TO_DATED_MONTH = re.compile(
    r"\s*(?:to|until|through|-|–)\s*(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+(?:\d{1,2},?\s+)?(?:1\d|20)\d\d\b"
)


def month_in_context(text: str, start: int, end: int) -> bool:
    """Whether a bare month name (no day, no year) is used as a month here."""
    before = words_before(text, start, 3)
    if text[max(0, start - 4) : start].lower() == "mid-":
        return True
    if text.startswith(("'s ", "’s "), end) and not text.startswith("May", start):
        return True  # "November’s short statewide lockdown" ("May's" names Theresa May)
    named_may = text.startswith("May", start) and before and before[-1][:1].isupper()
    if RANGE_TO_DATED_MONTH.match(text, end) and not named_may:
        return True  # "covers January to December 2022": a range's opening month
    if not before:
        return False
    previous = before[-1].lower()
    if previous in HEDGES and len(before) >= 2 and before[-2].lower() in ("in", "since", "by"):
        return True  # "in about February", "by around March"
    if text[start - 1 : start] in ("-", "–", "—") and _is_month_word(before[-1]):
        return True  # "in April-May", "the June–August quarter": the range's closing month
    if previous in ("and", "or", "to", "through") and len(before) >= 2:
        # ("between now and February": the coming February)
        return _is_month_word(before[-2]) or previous in ("to", "through") or before[-2] == "now"
    if previous in RECURRING:
        return False
    if previous in MONTH_CONTEXT:
        return True
    if (
        previous == "as"
        and len(before) >= 3
        and before[-3].lower() == "as"
        and before[-2].lower() in ("recently", "late", "early", "soon")
    ):
        return True  # "as recently as December", "as late as March", "as early as June"
    if previous == "for" and not word_after(text, end)[:1].isupper():
        return True  # "sales for May were down" (not "a gift for May Ellis")
    return _qualifies_a_noun(text, end, before)


# A capitalised name, then a lower-case noun: "(its July) Monetary Policy Committee statement".
NAME_THEN_NOUN = re.compile(r" (?P<name>(?:[A-Z][a-z]+ ){1,5})[a-z]{3,}\b")
FIRST_NAMES = frozenset(
    {"ril", "May", "une", "ust"}
)  # the last letters of April, May, June, August


def _qualifies_a_noun(text: str, end: int, before: list[str]) -> bool:
    """A month used like an adjective after a determiner or possessive: "Norway's October oil
    production", "a key September conversation", "the May meeting", "its July Monetary Policy
    Committee statement" (a body's name between: two words at least after a month that is
    also a first name)."""
    previous = before[-1]
    named = NAME_THEN_NOUN.match(text, end)
    if named and previous.lower() in OWNERS:
        return len(named["name"].split()) >= (2 if text[end - 3 : end] in FIRST_NAMES else 1)
    after = word_after(text, end)
    if not (after.isalpha() and after.islower()) or after in NOT_NOUNS_AFTER:
        return False
    if previous.lower() in OWNERS or previous.endswith(("'s", "’s")):
        return True
    return len(before) >= 2 and previous.islower() and before[-2].lower() in OWNERS


MONTH_PREFIXES = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())


def _is_month_word(word: str) -> bool:
    """A capitalised word that begins like a month name ("Dec", "March")."""
    return word[:3].lower() in MONTH_PREFIXES and word[:1].isupper()


def weekday_in_context(text: str, start: int, end: int, part_end: int | None = None) -> bool:
    """False for named days ("Black Friday"), plurals, recurring and newspaper titles, a
    weekday qualifying a noun ("end Saturday publication", "Sunday school", "the Sunday
    evening sessions"; `part_end` is where a part of the day written after it ends) and a
    given name ("Sunday Akinbode, 39")."""
    before = words_before(text, start, 3)
    previous = before[-1].lower() if before else ""
    if previous in WEEKDAY_NAMES_BEFORE or previous in RECURRING:
        return False
    if previous in ("and", "or") and len(before) == 3 and before[-3].lower() in RECURRING:
        return False  # "every Monday and Friday": the second is every such day too
    if _given_name(text, start, end, previous):
        return False
    if part_end is not None:
        if text.startswith("s", part_end):
            return False  # "on Sunday evenings": every such evening
        after_part = word_after(text, part_end)
        if previous in ARTICLES and after_part.islower() and after_part not in NOT_NOUNS_AFTER:
            return False  # "the Sunday evening sessions"
    if _any_such_day(words_before(text, start, 8)) and not THIS_WEEK_AFTER.match(
        text, part_end or end
    ):
        return False  # "book on a Tuesday, Wednesday or Sunday": any such day, no date (but
        # "on a wet Tuesday evening this week" is one)
    after = word_after(text, end)
    if after.lower() in WEEKDAY_NOUNS_AFTER:
        return False
    if previous in POSSESSIVES | {"my", "your"} and after.islower() and _plural(after):
        return False  # "her Saturday sales", "my Friday mornings": every such day's
    if (
        previous in WORDS_BEFORE_EVERY_SUCH_DAY
        and after.islower()
        and len(after) > 3
        and _plural(after)
    ):
        return False  # "and Sunday charges would be brought in": charges of every Sunday
    if WEEKDAY_OF_ANOTHER_MONTH.match(text, end):
        return False  # "a chilly Tuesday in December 1999": not a day near the publication
    return not WEEKDAY_TITLES_AFTER.match(text, end)


ARTICLES = frozenset({"the", "a", "an"})
# Words before a weekday that make it a day ("on Sunday", "by Friday"), not a given name.
DAY_WORDS_BEFORE = frozenset(
    """on by until till since from before after last this next coming past late early that
    every each of""".split()
)


def _given_name(text: str, start: int, end: int, previous: str) -> bool:
    """A weekday as a given name: a capitalised word follows (a surname, "Sunday Akinbode"),
    not after a word that introduces a day, and not a month or a newspaper ("Sunday Times")."""
    after = word_after(text, end)
    if previous.rstrip(".") in HONORIFICS_BEFORE_NAMES:
        return after[:1].isupper()  # "Hon. Sunday Iruobe-Momoh", "Chief Monday Okoro"
    if not after[:1].isupper() or previous in DAY_WORDS_BEFORE or sentence_start(text, start):
        return False
    if previous.endswith("ed") or previous in ("said", "says", "told", "tells", "wrote"):
        return False  # "police said Sunday Mr Obi was freed": the day of a verb
    if _is_month_word(after) or after.lower() in WEEKDAY_WORDS:
        return False
    return not WEEKDAY_TITLES_AFTER.match(text, end) and SURNAME.fullmatch(after) is not None


# A surname after a weekday given name: "Akinbode", "Iruobe-Momoh".
SURNAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
# Honorifics written before a given name (lower-case, without their full stop).
HONORIFICS_BEFORE_NAMES = frozenset(
    "mr mrs ms dr hon chief alhaji alhaja pastor rev prof sen barr engr mallam madam".split()
)


def _plural(word: str) -> bool:
    """Whether a lower-case noun reads as a plural ("sales", "mornings"; not "class", "bus")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


WEEKDAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday or and".split())


# A week named after a weekday, which makes "a Tuesday" that week's: "on a wet Tuesday
# evening this week".
THIS_WEEK_AFTER = re.compile(r"\s+(?:this|last)\s+week\b", re.IGNORECASE)


# Words before a weekday that qualifies a plural noun: "and Sunday charges", "no Sunday trains".
WORDS_BEFORE_EVERY_SUCH_DAY = ARTICLES | {"and", "or", "no", "new"}


def _any_such_day(before: list[str]) -> bool:
    """Whether the words before a weekday (over a list of weekdays) are "on a", "on any"
    ("a Friday clip" is one Friday's)."""
    for index in range(len(before) - 1, -1, -1):
        word = before[index].lower()
        if word not in WEEKDAY_WORDS:
            if index > 1 and before[index].islower() and before[index - 1] in ("a", "any"):
                index -= 1  # "on a single Saturday in August", "on a wet Tuesday evening"
                word = "a"
            preposition = before[index - 1].lower() if index else ""
            return word in ("a", "any") and preposition in ("on", "for", "by")
    return False


WEEKDAY_OF_ANOTHER_MONTH = re.compile(
    r",?\s+(?:in|of)\s+(?:early\s+|late\s+|mid-)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:1\d|20)\d\d\b"
)


def season_in_context(text: str, start: int, end: int, word: str) -> bool:
    """Whether a bare season word (no year, no this/last/next) names a season here."""
    lower = word.lower()
    following = word_after(text, end)
    after = following.lower()
    if after in SEASON_NOUNS_AFTER or text.startswith("-", end):  # "a summer-only exemption"
        return False
    if after in WEEKDAY_WORDS and following[:1].isupper():  # "a busy summer Saturday"
        return False
    if lower in ("fall", "spring") and after in FALL_NOT_AFTER:
        return False
    if word[0].isupper() and not sentence_start(text, start):
        return False
    before = words_before(text, start, 3)
    if text[max(0, start - 4) : start].lower() == "mid-":
        return True
    if before and before[-1].lower() == "come":
        return True  # "if that's still all it is come spring": when it comes
    for index, token in enumerate(reversed(before)):
        low = token.lower()
        if low in SEASON_DETERMINERS:
            return True
        if index >= 2 or not token.islower() or low in SEASON_NOT_ADJECTIVES:
            return False
        if low.endswith("s") and not low.endswith(("less", "ous", "ss")) or low in SEASON_LINKS:
            return False  # "on summer weekends", "that summer bookings would": no determiner
    return False


# Words that join a bare season word to what comes before it, where a determiner would stand
# ("on summer weekends", "the expectation that summer bookings would …").
SEASON_LINKS = frozenset(
    "on for that with at to from but as than which who when where if because so per".split()
)


def sentence_start(text: str, start: int) -> bool:
    """Whether `start` begins a sentence, a paragraph or a quotation."""
    head = text[max(0, start - 3) : start]
    return start == 0 or head.endswith(("\n", ". ", "? ", "! ", "“", '"'))


CLAUSE_END = re.compile(r"[.;!?]")


TODAY_BOUNDS = frozenset("from until till starting beginning since".split())


# "today, not tomorrow": a day set against the next one.
TODAY_CONTRASTED = re.compile(r",?\s+(?:not|rather\s+than|instead\s+of)\s+tomorrow\b")
# "here today, gone tomorrow": the idiom, no day.
GONE_TOMORROW = re.compile(r",?\s+(?:and\s+)?gone\b")
HERE_TODAY_GONE = re.compile(r"\bhere\s+today,?\s+(?:and\s+)?gone\s+$", re.IGNORECASE)


# "wanted it yesterday": the idiom of haste, no day.
WANTED_IT = re.compile(
    r"\b(?:want|wants|wanted|need|needs|needed)\s+(?:it|them|this|that|everything)\s+$",
    re.IGNORECASE,
)
IDIOMS_BEFORE = {"tomorrow": HERE_TODAY_GONE, "yesterday": WANTED_IT}


def in_idiom(text: str, start: int, word: str) -> bool:
    """Whether the "tomorrow" or "yesterday" (`word`, lower case) at `start` ends an idiom
    that names no day ("here today, gone tomorrow", "they wanted it yesterday")."""
    idiom = IDIOMS_BEFORE.get(word)
    return idiom is not None and idiom.search(text, max(0, start - 30), start) is not None


# A state compared with how it stands now: "what it is today", "than they are today".
NOWADAYS_BEFORE = re.compile(
    r"\b(?:(?:what|as|than|how)\s+(?:it|they|we|things|this|that)\s+(?:is|are|stands?|looks?)"
    r"|than)\s+$",  # ("rates a full point higher than today")
    re.IGNORECASE,
)


def today_is_publication_day(text: str, start: int, end: int) -> bool:
    """'today' counts only after a verb that dates an event, next to it ("said today", "will
    vote today") or earlier in its clause ("said in a call with reporters today"), or when
    the article gives its date in brackets ("Today (Nov. 18), NASA announced")."""
    if text.startswith(("'s", "’s"), end):
        return False
    if NOWADAYS_BEFORE.search(text, max(0, start - 30), start):
        return False  # "will be what it is today", "smaller than it is today": nowadays
    if DATED_TODAY.match(text, end) or text.startswith(":", end):
        return True  # "Today (Nov. 18), NASA announced", "Today: Nvidia reports after close"
    if TODAY_CONTRASTED.match(text, end):
        return True  # "finishing their preparations today, not tomorrow"
    if sentence_start(text, start) and text.startswith(",", end):
        after = _WORDS.findall(CLAUSE_END.split(text[end : end + 120])[0])[:12]
        if any(word_tense(after, index) is not None for index in range(len(after))):
            return True  # "Today, the slightest hint could make for volatile trading"
    before = _WORDS.findall(text[max(0, start - 30) : start])[-3:]
    if before and before[-1].lower() in TODAY_BOUNDS:
        return True  # "will mail the brochure from today": a day things start or end on
    if before and before[-1].lower() == "here" and not GONE_TOMORROW.match(text, end):
        return True  # "after chairing the meeting at Menara Kinabalu here today": a dateline's
    clause = _WORDS.findall(CLAUSE_BREAK.split(text[max(0, start - 80) : start])[-1])[-10:]
    for words in (before, clause):  # "said today"; "said in a call with reporters today"
        if any(word_tense(words, index) is not None for index in range(len(words))):
            return True
    return False


def sports_nearby(text: str, start: int, end: int) -> bool:
    """Whether the surrounding ~150 characters talk about a game (halves, quarters): two
    different sports words ("an IMF team" alone is no game)."""
    words = SPORTS.finditer(text, max(0, start - 150), min(len(text), end + 150))
    return len({match.group().lower() for match in words}) > 1


def numeric_order(language: str | None, url: str | None) -> str | None:
    """'MDY', 'DMY' or None (unknown) for numeric dates, from the language tag and URL TLD."""
    if language:
        tag = language.replace("_", "-").lower()
        if tag in ("en-us", "en-ph"):
            return "MDY"
        if "-" in tag and tag != "en-ca":
            return "DMY"
        if not tag.startswith("en"):
            return "DMY"
    if url:
        host = urlsplit(url).hostname or ""
        tld = host.rsplit(".", 1)[-1]
        if tld in DMY_TLDS:
            return "DMY"
        if tld in ("us", "gov", "mil"):
            return "MDY"
    return None


# Words that make a sentence about what happens every year, not on one date: "wheat is
# typically sown mid-November", "the harvest usually ends in late October".
HABITUAL = re.compile(
    r"\b(?:every|each)\s+(?:year|spring|summer|fall|autumn|winter|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
    r"|\b(?:annually|typically|usually|normally|traditionally|customarily)\b",
    re.IGNORECASE,
)


_THIS_YEAR_AFTER = re.compile(r",?\s+(?:this|last|next)\s+year\b")


def habitual(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] speaks of a yearly habit, so a month or
    day without a year in it names no calendar point."""
    if _THIS_YEAR_AFTER.match(text, end):
        return False  # "Diwali usually falls in autumn; it was on October 27 this year"
    begin, finish = sentence_bounds(text, start, end)
    return any(
        LIKE_EVERY_YEAR.search(text, max(begin, found.start() - 30), found.start()) is None
        for found in HABITUAL.finditer(text, begin, finish)
    )


# A habit the sentence compares this one occurrence with: "showed up the first week of
# November, same as every year", "as it does every spring" (the date is still one date).
LIKE_EVERY_YEAR = re.compile(r"\b(?:as|like)\s+(?:[a-z]+\s+){0,3}$")
