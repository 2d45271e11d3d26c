"""Numbers in money expressions: digits in English or European notation, number words, scales.

English notation groups thousands with commas ("1,250,000.50", Indian
"1,50,000") or spaces ("R50 000"); European notation groups with dots or spaces and uses a decimal
comma ("1.234,56", "2,5"). Values are exact `Decimal`s, never floats.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from ..alternation import alternation

SPACES = " \u00a0\u202f\u2009"

_D = "[0-9]"
# A decimal comma before a scale in English text ("US$8,5 million", "ZiG12,4 million", as
# southern African papers write it): a comma before one or two digits groups no thousands.
_SCALED_DECIMAL_COMMA = (
    rf"{_D}{{1,3}},{_D}{{1,2}}(?=[{SPACES}-]?(?:million|billion|trillion|bn|m)\b)"
)
_ENGLISH = (
    rf"{_D}{{1,3}}(?:,{_D}{{3}})+(?:\.{_D}+)?|{_D}{{1,2}}(?:,{_D}{{2}})+,{_D}{{3}}(?:\.{_D}+)?"
    rf"|{_D}{{1,3}}(?:[{SPACES}]{_D}{{3}})+(?![{SPACES}]?[0-9])(?:\.{_D}+)?"  # "R50 000" (southern Africa)
    rf"|{_D}+(?:\.{_D}+)?|\.{_D}+"
    rf"|{_SCALED_DECIMAL_COMMA}"  # (last: tried only where the others stop at its comma)
)
_EUROPEAN = rf"{_D}{{1,3}}(?:\.{_D}{{3}})+(?:,{_D}+)?|{_D}{{1,3}}(?:[{SPACES}]{_D}{{3}})+(?:,{_D}+)?|{_D}+(?:,{_D}+)?"
# A number must not continue a longer number ("1,5" in English text; checked in code
# before, for speed) nor run on into one after.
_AFTER = r"(?![.,]?[0-9])"

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
CARDINALS: dict[str, int] = {
    **{word: value for value, word in enumerate(_UNITS, start=1)},
    **{word: value for value, word in enumerate(_TEENS, start=10)},
    **{word: value for value, word in enumerate(_TENS, start=2)},
}
CARDINALS.update({word: 10 * CARDINALS[word] for word in _TENS})
NUMBER_WORDS: dict[str, Decimal] = {
    **{word: Decimal(value) for word, value in CARDINALS.items()},
    **{"a": Decimal(1), "an": Decimal(1), "half a": Decimal("0.5"), "a hundred": Decimal(100)},
    # "a quarter of a billion dollars", "three quarters of a million"
    **{
        f"{count} quarter{'s' if count != 'a' else ''} of a": Decimal(value) / 4
        for count, value in (("a", 1), ("three", 3))
    },
}
# Cardinals below a thousand in words: "thirteen", "twenty-five", "two hundred and fifty".
_BELOW_100 = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[-{SPACES}](?:{'|'.join(_UNITS)}))?"
    rf"|{'|'.join(sorted(_TEENS + _UNITS, key=len, reverse=True))})"
)
_CARDINAL = (
    rf"(?:(?:a|{_BELOW_100})[{SPACES}]hundred(?:[{SPACES}](?:and[{SPACES}])?{_BELOW_100})?"
    rf"|{_BELOW_100}|half a|(?:a|three)[{SPACES}]quarters?[{SPACES}]of[{SPACES}]a|an|a)"
)

SCALES: dict[str, Decimal] = {
    **dict.fromkeys(("thousand", "k", "tsd.", "tsd"), Decimal(10) ** 3),
    **dict.fromkeys(("lakh", "lakhs", "lac", "lacs"), Decimal(10) ** 5),
    **dict.fromkeys(
        ("million", "millions", "mn", "mln", "m", "mio.", "mio", "millionen", "mil"),
        Decimal(10) ** 6,
    ),
    **dict.fromkeys(("crore", "crores", "cr", "cr."), Decimal(10) ** 7),
    # the Indian compound: "₹32 lakh crore", a lakh of crores (10**12)
    **dict.fromkeys(("lakh crore", "lakh crores"), Decimal(10) ** 12),
    **dict.fromkeys(
        (
            "billion",
            "billions",
            "bn",
            "bln",
            "b",
            "bil",  # Malaysian papers: "RM48.2bil"
            "mrd.",
            "mrd",
            "milliarden",
            "milliard",
            "milliards",
            "mds",
        ),
        Decimal(10) ** 9,
    ),
    **dict.fromkeys(("trillion", "trillions", "tn", "trn", "tr"), Decimal(10) ** 12),
    **dict.fromkeys(("тыс.", "тыс"), Decimal(10) ** 3),
    **dict.fromkeys(("млн", "млн."), Decimal(10) ** 6),
    **dict.fromkeys(("млрд", "млрд."), Decimal(10) ** 9),
}
# Chinese, Japanese and Korean scales: 万/만 = 10**4, 億/亿/억 = 10**8 ("5万元", "3億円").
CJK_SCALES: dict[str, Decimal] = {
    **dict.fromkeys("万만", Decimal(10) ** 4),
    **dict.fromkeys("億亿억", Decimal(10) ** 8),
}
# Short scales that must touch the number ("$5m", "€1.2bn", "$50k", "Rs7.4tr", "RM48.2bil"),
# never "5 m".
ATTACHED_ONLY = frozenset({"k", "m", "b", "tr", "mil", "bil"})


_SCALE_WORDS = alternation([w for w in SCALES if w not in ATTACHED_ONLY])
_ATTACHED = alternation(list(ATTACHED_ONLY))
SCALE_RE = re.compile(
    rf"(?:(?:(?P<attached>{_ATTACHED})|[{SPACES}-](?P<word>{_SCALE_WORDS})|(?P<glued>{_SCALE_WORDS}))"
    rf"(?!\w)(?!\.\w)|[{SPACES}]?(?P<cjk>{'|'.join(CJK_SCALES)}))",
    re.IGNORECASE,
)
# A number in words is read only before a scale ("two billion"), or as the first end of a
# range whose second end has one ("one to thirteen billion dollars").
_WORD_NUMBER = re.compile(
    rf"(?<!\w)(?i:{_CARDINAL})"
    rf"(?=[{SPACES}-](?i:{_SCALE_WORDS})\b"
    rf"|[{SPACES}](?:to|and|or)[{SPACES}](?i:{_CARDINAL})[{SPACES}-](?i:{_SCALE_WORDS})\b)"
)
_WORD_SCALES = tuple(w for w in SCALES if len(w) > 3 and w.isalpha())
# The end of a larger scale before a number in words: its tail in a compound we do not read
# ("Twenty-Three Million, Seven Hundred and Fifty Thousand Naira" is no 750,000).
_COMPOUND_TAIL = re.compile(r"(?i:million|billion|trillion|crore|lakh),?\s+$")
# A cardinal in words is also read right before "dollars", "pounds" or "euros" ("two dollars",
# "five hundred pounds"; not "a dollar"), the currencies news writes so: their names are
# found by plain substring search (a pattern's scan costs a fifth of the annotator's time),
# the cardinal then read back.
_UNIT_NAMES = (" dollar", " pound", " euro")
_CARDINAL_BEFORE = re.compile(
    rf"(?<![\w-])(?i:(?:{_BELOW_100})[{SPACES}]hundred(?:[{SPACES}](?:and[{SPACES}])?{_BELOW_100})?"
    rf"|{_BELOW_100})[{SPACES}]$"
)
_DIGITS = {
    comma: re.compile(rf"(?:{_EUROPEAN if comma else _ENGLISH}){_AFTER}") for comma in (False, True)
}


# Bounds on what is read as money, so no figure can make arithmetic fail or round. An
# amount above MAX_AMOUNT of its currency unit (10**18, a quintillion: Zimbabwe's largest
# note was 10**14 dollars, a year of the world's output is about 10**14 dollars) is no
# figure a reader can check, nor is a number of more significant digits than decimal
# arithmetic keeps exact (MAX_DIGITS, the default context's precision): neither is
# annotated. Within them a number times a scale (a power of ten) is exact.
MAX_AMOUNT = Decimal(10) ** 18
MAX_DIGITS = 28


def plausible_number(value: Decimal) -> bool:
    """Whether a written number may be read as (part of) an amount: within the bounds above."""
    return value <= MAX_AMOUNT and len(value.as_tuple().digits) <= MAX_DIGITS


class NumberMatch(NamedTuple):
    """A number in the text: its span, its written form, and whether it is in words (a
    tuple: a text holds hundreds, and a frozen dataclass costs several times more to build)."""

    start: int
    end: int
    text: str
    words: bool = False


def find_numbers(text: str, decimal_comma: bool) -> list[NumberMatch]:
    """Every number of `text` in the given notation, in order; words only before a scale
    or a currency's name."""
    found = [
        _after_abbreviation(NumberMatch(m.start(), m.end(), m.group()), text)
        for m in _DIGITS[decimal_comma].finditer(text)
        if m.start() == 0
        or text[m.start() - 1] not in "0123456789.,"
        or text[m.start() - 1] == "."
        and text[m.start() - 2 : m.start() - 1].isalpha()
    ]
    lowered = text.lower()
    words = []
    if any(word in lowered for word in _WORD_SCALES):
        words = [
            NumberMatch(m.start(), m.end(), m.group(), True)
            for m in _WORD_NUMBER.finditer(text)
            if not _COMPOUND_TAIL.search(text, max(0, m.start() - 12), m.start())
        ]
    for name in _UNIT_NAMES if len(lowered) == len(text) else ():
        at = lowered.find(name)
        while at >= 0:
            cardinal = _CARDINAL_BEFORE.search(text, max(0, at - 40), at + 1)
            if cardinal is not None:
                words.append(NumberMatch(cardinal.start(), at, text[cardinal.start() : at], True))
            at = lowered.find(name, at + 1)
    if words:
        found = sorted(found + words, key=lambda number: number.start)
    return found


def _after_abbreviation(number: NumberMatch, text: str) -> NumberMatch:
    """A number written right after an abbreviation's dot ("Rs.50 lakh") starts after the
    dot: the dot is the abbreviation's, no decimal point."""
    if number.text.startswith(".") and number.start and text[number.start - 1].isalpha():
        return NumberMatch(number.start + 1, number.end, number.text[1:])
    return number


def number_value(text: str, decimal_comma: bool) -> Decimal:
    """The exact value of a matched number ("1,250.5" → 1250.5; European "1.234,5" → 1234.5)."""
    lowered = text.lower()
    if lowered in NUMBER_WORDS:
        return NUMBER_WORDS[lowered]
    if lowered[:1].isalpha():
        return _cardinal_value(lowered)
    for space in SPACES:
        text = text.replace(space, "")
    if decimal_comma or _DECIMAL_COMMA_ONLY.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    return Decimal(text)


_DECIMAL_COMMA_ONLY = re.compile(r"[0-9]{1,3},[0-9]{1,2}")


def _cardinal_value(words: str) -> Decimal:
    """The value of a cardinal below a thousand in words ("two hundred and fifty" → 250)."""
    total = 0
    for word in re.split(rf"[-{SPACES}]+", words):
        if word == "hundred":
            total = (total or 1) * 100
        elif word in CARDINALS:
            total += CARDINALS[word]
    return Decimal(total)


def scale_value(word: str) -> Decimal:
    """The multiplier of a scale word ("million" → 10**6, "crore" → 10**7, "Mrd." → 10**9)."""
    return CJK_SCALES.get(word) or SCALES[word.lower()]


def is_year_like(text: str) -> bool:
    """True for a bare four-digit number that reads as a year (1800–2099)."""
    return bool(re.fullmatch(r"(?:18|19|20)\d\d", text))
