"""Find money amounts in text: numbers with a currency before or after, ranges, modifiers.

Every number in the text becomes an `Atom` (its value with any scale word and
the currency written next to it, if any); atoms joined by a dash ("$3-5
million"), by "between … and …", or by "to" when the first is incomplete
("3 to 5 million euros"), form a range. Atoms and ranges with a currency are
the money found. Pairs such as "835 million yuan ($125 million)" are linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..alternation import alternation
from .context import MoneyContext
from .numbers import (
    MAX_AMOUNT,
    SCALE_RE,
    SPACES,
    NumberMatch,
    find_numbers,
    is_year_like,
    number_value,
    plausible_number,
    scale_value,
)
from .units import (
    CJK_SIGNS,
    FRACTION_WORDS,
    ISO_CODES,
    NATIONALITIES,
    NON_ISO_CODES,
    PENCE_SIGN,
    PREFIXES,
    SUFFIX_SYMBOLS,
    UNIT_WORDS,
)

HUNDREDTH = Decimal("0.01")
_S = f"[{SPACES}]"


_CODES = {**{code: code for code in ISO_CODES}, **NON_ISO_CODES}
_PREFIXES_BY_SURFACE = {**PREFIXES, **_CODES}
_SUFFIX = re.compile(
    rf"(?:{_S}|-)?(?:(?:de|d'|d’){_S}?)?"
    rf"(?:(?:(?P<fraction>(?i:{alternation(FRACTION_WORDS)}))"
    rf"|(?:(?P<nationality>(?i:{alternation(NATIONALITIES)})){_S}+)?(?P<word>(?i:{alternation(UNIT_WORDS)}))"
    rf"|(?P<symbol>{alternation(SUFFIX_SYMBOLS)})"
    rf"|(?P<code>{alternation(_CODES)}))"
    r"(?![\w$€£¥])"
    rf"|(?P<cjk>{alternation(CJK_SIGNS)}))"
)
_LETTER_BEFORE = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")
_PENCE = re.compile(r"p(?![\w.$€£¥])")
_WEIGHT_AFTER = re.compile(rf"{_S}+(?:of|per)\b", re.IGNORECASE)
_YEAR_BEFORE = re.compile(
    rf"(?<!\w)(?:in|of|since|by|until|from|constant|real){_S}+\Z", re.IGNORECASE
)
MODS = {
    "APPROX": "about|around|approximately|approx.|roughly|some|nearly|almost|close to|"
    "an estimated|estimated|circa|c.|just about|an approximate",
    "MORE_THAN": "more than|over|above|at least|upwards of|in excess of|exceeding|"
    "greater than|higher than|north of|no less than|not less than|over and above",
    "LESS_THAN": "less than|under|below|up to|at most|no more than|not more than|fewer than|"
    "lower than|just under|shy of|as much as|as high as",
}
_MOD_BEFORE = re.compile(
    rf"(?:(?<!\w)(?P<word>{'|'.join(f'(?P<{mod}>{words})' for mod, words in MODS.items())}){_S}+"
    rf"|(?P<tilde>~){_S}*)\Z".replace(".", r"\."),
    re.IGNORECASE,
)
_DASH = re.compile(rf"{_S}?[-–—]{_S}?\Z")
# "to" or "and", and a hedge on the upper bound: "from about $900 to more than $9,600".
_TO_OR_AND = re.compile(
    rf"{_S}+(?P<word>to|and){_S}+(?:(?:more{_S}+than|over|about|around|roughly|nearly|almost"
    rf"|just{_S}+(?:over|under)){_S}+)?\Z",
    re.IGNORECASE,
)
_BETWEEN_BEFORE = re.compile(rf"(?<!\w)between{_S}+\Z", re.IGNORECASE)
_RESTATES = re.compile(
    rf"{_S}*(?:[(\[]|[,;]?{_S}*(?:or|i\.e\.|equal to|equivalent to|worth)){_S}*"
    rf"(?:(?:about|around|approximately|roughly|some|nearly|almost|or|approx\.|c\.|~|US){_S}*)?\Z",
    re.IGNORECASE,
)
_ALSO_RESTATES = re.compile(rf"{_S}*[,;/]{_S}*(?:or{_S}+)?\Z")


@dataclass
class Atom:
    """One number with whatever scale and currency are written next to it."""

    start: int
    end: int
    number: Decimal
    multiplier: Decimal | None = None  # the scale word's value, None without one
    unit: str | None = None  # "EUR", "@dollar"… before resolution
    nationality: str | None = None
    fraction: bool = False  # "cents", "pence": hundredths of the unit
    currency: str | None = None
    explicit: bool = False  # the currency needed no guessing

    def value(self, multiplier: Decimal | None = None, fraction: bool | None = None) -> Decimal:
        """The amount, optionally with a scale or fraction borrowed from a range's other end."""
        scale = self.multiplier or multiplier or Decimal(1)
        hundredths = self.fraction if fraction is None else fraction
        return self.number * scale * (HUNDREDTH if hundredths else Decimal(1))


@dataclass
class Money:
    """A money amount or range found in the text, before it becomes an Annotation."""

    start: int
    end: int
    currency: str
    amount: Decimal | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    mod: str | None = None
    explicit: bool = True
    equivalent_of: int | None = None  # index of the Money it restates


_PREFIX = re.compile(rf"(?<!\w)(?P<surface>{alternation(_PREFIXES_BY_SURFACE)})(?P<space>{_S})?\Z")
_PREFIX_REACH = max(map(len, _PREFIXES_BY_SURFACE)) + 1


# Signs that also open names of things ("M16 rifles", "the M1 road", "K9 units", "K2", "D2"): a
# sum written with them is 100 or more, or scaled.
NAMING_SIGNS = frozenset({"@loti-sign", "@kwacha-sign", "@dalasi-sign"})
# A price written with its cents: "K17.90", "M9.50".
_CENTS = re.compile(r"\d{1,2}\.\d\d")
# One-letter signs touch their number: "R50", "K4.5 million", never "R 50".
LETTER_SIGNS = frozenset({"R", "M", "K", "D"})


def _prefix(text: str, start: int) -> tuple[int, str] | None:
    """The currency prefix ending at `start` (after at most one space): its start and unit."""
    match = _PREFIX.search(text, max(0, start - _PREFIX_REACH), start)
    if match is None or (match.group("space") and match.group("surface") in LETTER_SIGNS):
        return None
    return match.start(), _PREFIXES_BY_SURFACE[match.group("surface")]


def _atom(match: NumberMatch, ctx: MoneyContext) -> Atom | None:
    """The atom of one number match, or None when the number is glued to a word ("G20")
    or beyond what is read as money (numbers.plausible_number)."""
    text = ctx.text
    start, end = match.start, match.end
    number = number_value(match.text, ctx.decimal_comma)
    if not plausible_number(number):
        return None
    atom = Atom(start, end, number)
    prefix = _prefix(text, start)
    if prefix is None and start > 0 and _LETTER_BEFORE.match(text[start - 1]):
        return None
    scale = SCALE_RE.match(text, end)
    if scale is not None:
        word = next(w for w in scale.group("attached", "word", "glued", "cjk") if w)
        atom.multiplier, atom.end = scale_value(word), scale.end()
    elif text[end : end + 1].isalnum() and not (
        _SUFFIX.match(text, end) or _PENCE.match(text, end)
    ):
        return None
    if prefix is not None:
        atom.start, atom.unit = prefix
        if atom.unit in NAMING_SIGNS and atom.multiplier is None and atom.number < 100:
            if not _CENTS.fullmatch(match.text):
                return None  # "M16 rifles", "the M1 road", "K9 units": no sums ("K17.90" is)
        _extend_with_matching_suffix(atom, ctx)
    else:
        _read_suffix(atom, ctx, match)
    return atom


# Numbers written before "p" that are video resolutions, never pence ("1080p").
RESOLUTIONS = frozenset({240, 360, 480, 576, 720, 1080, 1440, 2160, 4320})


def _pence(atom: Atom) -> bool:
    """Whether a number may be a sum in pence: unscaled, under 10,000 ("241p a share"), and
    no video resolution."""
    return atom.multiplier is None and atom.number < 10000 and atom.number not in RESOLUTIONS


def _read_suffix(atom: Atom, ctx: MoneyContext, match: NumberMatch) -> None:
    suffix = _SUFFIX.match(ctx.text, atom.end)
    if suffix is None:
        if _pence(atom) and _PENCE.match(ctx.text, atom.end):
            atom.unit, atom.fraction, atom.end = PENCE_SIGN, True, atom.end + 1
        return
    if suffix.group("fraction"):
        if atom.multiplier is None:
            atom.unit = FRACTION_WORDS[suffix.group("fraction").lower()]
            atom.fraction, atom.end = True, suffix.end()
        return
    word = suffix.group("word")
    if word is not None:
        unit = UNIT_WORDS[word.lower()]
        if unit == "@pound" and _WEIGHT_AFTER.match(ctx.text, suffix.end()):
            return
        year_like = atom.multiplier is None and is_year_like(match.text)
        if year_like and _YEAR_BEFORE.search(ctx.text, 0, atom.start):
            return  # "in 2019 dollars", "in 2008 won"
        nationality = suffix.group("nationality")
        atom.nationality = NATIONALITIES[nationality.lower()] if nationality else None
    else:
        symbol, code, sign = suffix.group("symbol", "code", "cjk")
        unit = SUFFIX_SYMBOLS[symbol] if symbol else _CODES[code] if code else CJK_SIGNS[sign]
    atom.unit, atom.end = unit, suffix.end()


def _extend_with_matching_suffix(atom: Atom, ctx: MoneyContext) -> None:
    """Take in a redundant suffix ("US$5 million dollars") when it names the same unit, and
    a currency word after a bare "$", which is then only its sign ("$3.1 million tala")."""
    suffix = _SUFFIX.match(ctx.text, atom.end)
    if suffix is None or suffix.group("fraction") or atom.unit is None:
        return
    word, code = suffix.group("word"), suffix.group("code")
    unit = UNIT_WORDS.get((word or "").lower()) or _CODES.get(code or "")
    if unit is None:
        return
    if ctx.resolve(unit, atom.start) == ctx.resolve(atom.unit, atom.start):
        atom.end = suffix.end()
    elif atom.unit == "@dollar" and ctx.text[atom.start : atom.start + 1] == "$" and word:
        atom.unit, atom.end = unit, suffix.end()


def find_atoms(ctx: MoneyContext) -> list[Atom]:
    """Every number of the text as an Atom, its currency resolved where one is written."""
    atoms = []
    for match in find_numbers(ctx.text, ctx.decimal_comma):
        atom = _atom(match, ctx)
        if atom is None:
            continue
        if atom.unit is not None:
            atom.currency = ctx.resolve(atom.unit, atom.start, atom.nationality)
            atom.explicit = not atom.unit.startswith("@") or atom.nationality is not None
        if atoms and atom.start < atoms[-1].end:
            continue
        atoms.append(atom)
    return atoms


def _mod(text: str, start: int) -> str | None:
    match = _MOD_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return None
    if match.group("tilde"):
        return "APPROX"
    return next(mod for mod in MODS if match.group(mod))


# "from" before a first amount that has its own currency makes "X to Y" a change ("rose from
# $5 to $8", "taking it from roughly $1,480 to $1,616"), unless a word of range leads it ("ranged from $3,000 to $18,000", "ranged in
# value from $18 million to $95 million", "costs anything from Rs12 lakh to Rs15 lakh").
_HEDGE = (
    r"(?:(?:about|roughly|around|some|nearly|almost|approximately|just\s+over|just\s+under"
    r"|an\s+estimated)\s+)?"
)
_FROM_BEFORE = re.compile(rf"\bfrom\s+{_HEDGE}$")
_RANGE_FROM = re.compile(
    r"\b(?:(?:range[sd]?|ranging|var(?:y|ies|ied|ying))(?:\s+(?:in|of)\s+[a-z]+)?"
    rf"|anywhere|somewhere|anything|costs?|costing|priced)\s+from\s+{_HEDGE}$"
)


def _change_from(text: str, start: int) -> bool:
    """Whether "from" before `start` opens a change ("rose from $5 to $8"), not a range."""
    return bool(_FROM_BEFORE.search(text, max(0, start - 26), start)) and not _RANGE_FROM.search(
        text, max(0, start - 60), start
    )


# A number joined to the one before it by a hyphen or slash ("2022-23", "2024/25"): part of a
# span or a label, never a money range's first bound.
_JOINED_BEFORE = re.compile(r"\d[-–/]$")


# Words that may follow an amount's closing bound without making it a count of things.
_AFTER_BOUND = re.compile(
    rf"{_S}+(?:in|of|for|per|each|a|an|over|since|by|from|on|at|to|and|or|but|with)\b"
    r"|[^\w\s]|\Z"
)


# A change "by" an amount before "to" the new total ("up by £96.74 to £2,035.46"); a total
# at least this many times the change is no range's upper bound ("rise by $5 to $10" is one).
_RISE_BY = re.compile(
    r"\b(?:up|down|rise[sn]?|rose|grow[sn]?|grew|fall[sn]?|fell|increase[sd]?|decrease[sd]?"
    rf"|cut|raised?|reduced?|jump(?:ed|s)?|climb(?:ed|s)?)\s+by\s+{_HEDGE}$"
)
TOTAL_AFTER_RISE = 5


def _same_scale_bound(first: Atom, second: Atom, text: str) -> bool:
    """ "contracts worth Rs600 million to 850 million in the scheme": a bare closing bound on
    the opening amount's scale, no change from one to the other and no count of things after
    it, closes a range."""
    return (
        first.multiplier is not None
        and second.multiplier == first.multiplier
        and second.currency is None
        and not _change_from(text, first.start)
        and _AFTER_BOUND.match(text, second.end) is not None
    )


def _range(first: Atom, second: Atom, text: str) -> Money | None:
    """The range the two atoms form, if the text between them joins them as one."""
    between = text[first.end : second.start]
    if "\n" in between or len(between) > 20:
        return None
    if (
        first.unit is None
        and first.multiplier is None
        and is_year_like(text[first.start : first.end])
    ):
        return None  # "from €2.2 million in 2023 to €3.6 million": a year is never a bound
    if first.unit is None and _JOINED_BEFORE.search(text, max(0, first.start - 2), first.start):
        return None  # "£21.4m in 2022-23 to £44m": the tail of "2022-23" is no bound either
    if not _DASH.fullmatch(between):
        joined = _TO_OR_AND.fullmatch(between)
        if joined is None:
            return None
        if joined.group("word").lower() == "and":
            if not _BETWEEN_BEFORE.search(text, max(0, first.start - 12), first.start):
                return None
        elif (
            first.currency is not None
            and (first.multiplier or not second.multiplier)
            and (second.currency is None or _change_from(text, first.start))
            and not _same_scale_bound(first, second, text)
        ):
            # "rose from $47 billion to $8 billion": two amounts, not a range; "₹1,186 crore
            # to 9.2 lakh beneficiaries": an amount and a count
            return None
    if _RISE_BY.search(text, max(0, first.start - 30), first.start) and (
        second.value() >= TOTAL_AFTER_RISE * first.value()
    ):
        return None  # "will go up by £96.74 to £2,035.46 a year": the rise, then the total
    if first.currency and second.currency and first.currency != second.currency:
        return None
    currency = second.currency or first.currency
    if (
        currency is None
        or (first.fraction and not second.fraction)
        or first.unit
        and second.fraction
    ):
        return None
    high = second.value()
    fraction = first.fraction or second.fraction
    low = first.value(second.multiplier, fraction)  # "$3-5 million": the scale is shared
    if not low < high:
        low = first.value(None, fraction)  # "$300,000-$5 million": it is not
    if not low < high:
        return None
    explicit = (second if second.currency else first).explicit
    return Money(
        first.start, second.end, currency, amount_min=low, amount_max=high, explicit=explicit
    )


def combine(atoms: list[Atom], text: str) -> list[Money]:
    """Ranges from joined atoms, and single amounts from the atoms that have a currency;
    none above MAX_AMOUNT."""
    found: list[Money] = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        following = atoms[index + 1] if index + 1 < len(atoms) else None
        joined = _range(atom, following, text) if following is not None else None
        if joined is not None:
            if joined.amount_max <= MAX_AMOUNT:
                joined.mod = _mod(text, joined.start)
                found.append(joined)
            index += 2
            continue
        if atom.currency is not None and atom.value() <= MAX_AMOUNT:
            found.append(
                Money(
                    atom.start,
                    atom.end,
                    atom.currency,
                    amount=atom.value(),
                    mod=_mod(text, atom.start),
                    explicit=atom.explicit,
                )
            )
        index += 1
    return found


def link_restatements(found: list[Money], text: str) -> None:
    """Mark "835 million yuan ($125 million)": the second restates the first."""
    for index in range(1, len(found)):
        first, second = found[index - 1], found[index]
        if first.currency == second.currency:
            continue
        between = text[first.end : second.start]
        if _mod(text, second.start):
            between = between[
                : _MOD_BEFORE.search(text, first.end, second.start).start() - first.end
            ]
        if _RESTATES.fullmatch(between):
            second.equivalent_of = index - 1
        elif first.equivalent_of is not None and _ALSO_RESTATES.fullmatch(between):
            original = found[first.equivalent_of]
            if original.currency != second.currency:
                second.equivalent_of = first.equivalent_of


def find_money(ctx: MoneyContext) -> list[Money]:
    """All money amounts and ranges in the context's text, restatements linked."""
    found = combine(find_atoms(ctx), ctx.text)
    link_restatements(found, ctx.text)
    return found
