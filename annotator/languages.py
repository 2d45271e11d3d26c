"""Which languages each annotator reads, and what of its output holds on a page in another.

The built-in annotators' rules are written for English (speech verbs, agency names, month
and scale words). On a page whose `document.language` is another one, an annotator that
does not read it is not trusted: the pipeline keeps only its language-independent finds
(ISO 8601 dates, amounts written with a currency symbol — $, €, ¥, 円, 원 — or an ISO code), or runs nothing of
it when it has none, and says so in the set's `checks`:
`{"type": "language-not-supported", "annotator": "quotes", "message": "quotes: language
'ja' not supported"}`. A page of unknown language is read as before.

A third-party annotator may say what it reads with a `languages` attribute (ISO 639-1
codes; empty or absent: every language).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model import Annotation

BUILT_IN_LANGUAGES: dict[str, tuple[str, ...]] = {
    "dates": ("en",),
    "quotes": ("en",),
    "agencies": ("en",),
    "money": ("en",),
}
CHECK_TYPE = "language-not-supported"
REFERENCE_FIELDS = ("equivalent_of", "anchor")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?")
_ISO_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")
# Currency signs of scripts written without Unicode's currency-symbol category: 円 (yen),
# 元 and 圓 (yuan), 원 (won).
SCRIPT_CURRENCY_SIGNS = frozenset("円元圓원")


def _iso_date(annotation: Annotation) -> bool:
    return _ISO_DATE.fullmatch(annotation.text) is not None


def _symbol_or_code(annotation: Annotation) -> bool:
    text = annotation.text
    if any(unicodedata.category(char) == "Sc" or char in SCRIPT_CURRENCY_SIGNS for char in text):
        return True
    return annotation.fields.get("currency") in _ISO_CODE.findall(text)


# Annotation type → (is this find language-independent?, how the check describes what stays).
INDEPENDENT: dict[str, tuple[Callable[[Annotation], bool], str]] = {
    "date": (_iso_date, "ISO 8601 dates"),
    "money": (_symbol_or_code, "amounts with a currency symbol or code"),
}


def primary_language(language: str | None) -> str | None:
    """'en' for 'en-GB'; None when unknown."""
    return language.replace("_", "-").split("-")[0].lower() if language else None


def reads(name: str, annotator: Any, language: str | None, built_in: bool = True) -> bool:
    """Whether annotator `name` reads text in `language` (an unknown language: yes)."""
    primary = primary_language(language)
    languages = getattr(annotator, "languages", None)
    if not languages and built_in:
        languages = BUILT_IN_LANGUAGES.get(name)
    return not primary or not languages or primary in languages


@dataclass(frozen=True)
class LanguageGate:
    """What stays of one annotator's output on a page in a language it does not read."""

    name: str
    language: str
    kept_types: tuple[str, ...]  # the annotator's types that have language-independent finds

    @property
    def runs(self) -> bool:
        """Whether the annotator runs at all (it has language-independent finds to give)."""
        return bool(self.kept_types)

    def check(self) -> dict[str, str]:
        """The `checks` entry saying the language is not read, and what is still marked."""
        message = f"{self.name}: language {self.language!r} not supported"
        if self.kept_types:
            message += "; only " + " and ".join(INDEPENDENT[t][1] for t in self.kept_types)
            message += " marked"
        return {"type": CHECK_TYPE, "annotator": self.name, "message": message}

    def keep(self, found: list[Annotation]) -> list[Annotation]:
        """The language-independent finds, with references to dropped ones removed (and
        finds that depend on a dropped one dropped too)."""
        kept = [a for a in found if a.type in self.kept_types and INDEPENDENT[a.type][0](a)]
        local_ids = {a.id for a in found if a.id}
        kept_ids = {a.id for a in kept if a.id}
        result = []
        for annotation in kept:
            dangling = [
                key
                for key in REFERENCE_FIELDS
                if annotation.fields.get(key) in local_ids - kept_ids
            ]
            if "anchor" in dangling:
                continue
            for key in dangling:
                del annotation.fields[key]
            result.append(annotation)
        return result


def language_gate(
    name: str, annotator: Any, language: str | None, built_in: bool = True
) -> LanguageGate | None:
    """None when the annotator reads the page's language; else the gate its output passes."""
    if reads(name, annotator, language, built_in):
        return None
    types = tuple(t for t in getattr(annotator, "types", ()) if t in INDEPENDENT)
    return LanguageGate(name, primary_language(language) or "", types)
