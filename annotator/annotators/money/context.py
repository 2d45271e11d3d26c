"""What a document tells about its money: the publisher's country, number notation, hints.

Ambiguous units ("$", "¥", "pounds", "kroner"…) are resolved in this order:
a nationality word written with the unit ("Australian dollars"), then words
near the amount naming one candidate more than the others ("yuan", "Japan"),
then the publisher's country (URL country domain, a known publisher name, or a country its
name mentions),
then the unit's default (USD for "$", JPY for "¥"); a unit with no default
("pounds", "won", "dinars") is not money without such evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Document
from ..places import publisher_country, url_country
from .units import AMBIGUOUS, PREFIXES

HINT_WINDOW = 300  # characters each side of an amount searched for hint words

# Countries whose own notation writes "1.234,56" (used when the language is unknown).
DECIMAL_COMMA_COUNTRIES = frozenset(
    "DE AT FR BE NL LU IT ES PT PL CZ SK SI HR RS BA ME MK AL GR TR RU UA BY BG RO HU "
    "DK NO SE FI IS EE LV LT BR AR CL CO UY PY BO PE EC VE ID VN".split()
)


_ENGLISH_NUMBER = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+|,[0-9]{3})(?![0-9])")
_EUROPEAN_NUMBER = re.compile(
    r"(?<![0-9.,])[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+|\.[0-9]{3})(?![0-9])"
)
_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|to|is|was|that|with)\b")
ENGLISH_WORD_SHARE = 0.08  # English running text has >15% of these words; other languages ~0


def _reads_as_english(text: str) -> bool:
    words = len(text.split())
    return words >= 20 and len(_ENGLISH_WORDS.findall(text)) >= ENGLISH_WORD_SHARE * words


def uses_decimal_comma(document: Document) -> bool:
    """True when the text writes "1.234,56" rather than "1,234.56".

    The publisher's locale proposes it: a non-English `document.language`, or,
    with no language, a URL of a country that writes decimal commas. The text
    can overrule the locale: its own unambiguous numbers ("1,234,567" or
    "1,234.5" against "1.234.567" or "1.234,5"), else a body that reads as
    English (an English article on a .de site).
    """
    language = (document.language or "").strip().lower()
    if language:
        if language.startswith("en"):
            return False
    elif url_country(document.url) not in DECIMAL_COMMA_COUNTRIES:
        return False
    text = document.text
    english = len(_ENGLISH_NUMBER.findall(text))
    european = len(_EUROPEAN_NUMBER.findall(text))
    if english != european:
        return european > english
    return not _reads_as_english(text)


def _hint_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


_HINTS = {
    (unit, currency): _hint_pattern(words)
    for unit, choice in AMBIGUOUS.items()
    for currency, words in choice.hints.items()
}


# The prefixed forms of each dollar ("S$" for SGD), and of the US dollar.
_DOLLAR_PREFIXES = {
    currency: re.compile(
        "|".join(
            rf"(?<![A-Za-z]){re.escape(p)}(?=\s?\d)" for p, c in PREFIXES.items() if c == currency
        )
    )
    for currency in {c for p, c in PREFIXES.items() if p.endswith("$") and c != "@dollar"}
}


_BARE_DOLLAR = re.compile(r"(?<![A-Za-z$])\$(?=\s?\d)")


def bare_dollar_is_usd(text: str, country: str | None) -> bool:
    """Whether a bare "$" on a page of `country` is the US dollar although the country's own
    currency is a dollar: the page writes its own dollar with a prefix ("S$4.2 million
    ($3.2 million)") more often than it writes a bare "$", and never "US$" (a New Zealand
    page's "$4.7 million … or roughly NZ$312m" keeps its bare dollars its own)."""
    local = AMBIGUOUS["dollar"].by_country.get(country or "")
    if local is None or local == "USD" or local not in _DOLLAR_PREFIXES:
        return False
    if _DOLLAR_PREFIXES["USD"].search(text):
        return False
    own = len(_DOLLAR_PREFIXES[local].findall(text))
    return own > 0 and own >= len(_BARE_DOLLAR.findall(text))


@dataclass(frozen=True)
class MoneyContext:
    """Per-document facts the money rules need."""

    text: str
    country: str | None
    decimal_comma: bool
    bare_dollar_usd: bool = False  # `bare_dollar_is_usd` of the text

    @classmethod
    def of(cls, document: Document) -> MoneyContext:
        """Read the publisher's country and number notation from a Document."""
        country = publisher_country(document)
        usd = bare_dollar_is_usd(document.text, country)
        return cls(document.text, country, uses_decimal_comma(document), usd)

    def resolve(self, code: str, position: int, nationality: str | None = None) -> str | None:
        """The ISO code for a unit ("EUR" or "@dollar") written at `position`, or None."""
        if not code.startswith("@"):
            return code
        unit = code[1:]
        choice = AMBIGUOUS[unit]
        if nationality is not None and nationality in choice.by_country:
            return choice.by_country[nationality]
        # A page of a country that writes this unit keeps its own unless the words around
        # name another twice ("Delhi Gate" in a Lahore story is no Indian rupee)
        own = self.country in choice.by_country
        hinted = self._hinted(unit, position, 2 if own else 1)
        if hinted is not None:
            return hinted
        if unit == "dollar" and self.bare_dollar_usd:
            return "USD"
        if self.country in choice.by_country:
            return choice.by_country[self.country]
        return choice.default

    def _hinted(self, unit: str, position: int, least: int = 1) -> str | None:
        """The candidate named clearly most often (at least `least` times) by hint words near
        `position`, if any."""
        hints = AMBIGUOUS[unit].hints
        if not hints:
            return None
        window = self.text[max(0, position - HINT_WINDOW) : position + HINT_WINDOW]
        counts = {c: len(_HINTS[(unit, c)].findall(window)) for c in hints}
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        best = ranked[0]
        if best[1] < least or (len(ranked) > 1 and ranked[1][1] == best[1]):
            return None
        return best[0]
