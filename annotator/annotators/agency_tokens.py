"""Word tokens with character offsets, and the folded keys used to match names across case."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress
from operator import itemgetter

# Dotted abbreviations (U.S., U.K.), possessive 's, words joined by & or -, or one symbol.
TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|['’]s\b|\w+(?:[&\-]\w+)*|[^\w\s]")
# Each token with the whitespace before it: every other character starts a token, so one
# findall gives the tokens and, from the lengths, their offsets.
SPACED_TOKEN_RE = re.compile(r"(\s*)(" + TOKEN_RE.pattern + ")")
STOPWORDS = frozenset({"of", "and", "for", "the", "on", "in", "at", "to", "&"})


def fold(token: str) -> str:
    """The matching key of a token: case-folded, dots dropped, '&' read as 'and'.

    The lower-case pronoun "us" gets its own key so it never matches the country "US".
    """
    if token == "us":
        return "us\x00"
    if token == "&":
        return "and"
    return token.casefold().replace(".", "").replace("’", "'")


_cached_fold = lru_cache(maxsize=65536)(fold)


def bare(token: str) -> str:
    """A token without its dots, case kept: 'U.S.' → 'US', 'F.B.I.' → 'FBI'."""
    return token.replace(".", "")


def is_capitalised(token: str) -> bool:
    """True when the token starts with an upper-case letter or a digit."""
    return token[:1].isupper() or token[:1].isdigit()


def is_all_caps(token: str) -> bool:
    """True for tokens of two or more letters written entirely in capitals ('CDC', 'U.S.')."""
    letters = bare(token)
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def split_words(text: str) -> list[str]:
    """The tokens of a short string (a name or an alias)."""
    return TOKEN_RE.findall(text)


@dataclass(frozen=True)
class Tokens:
    """The tokens of a text: raw strings, folded keys and character offsets, as parallel lists."""

    text: str
    raw: list[str]
    keys: list[str]
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> Tokens:
        """Tokenise `text` in one regular-expression pass."""
        pairs = SPACED_TOKEN_RE.findall(text)
        raw = list(map(itemgetter(1), pairs))
        offsets = list(accumulate(map(len, chain.from_iterable(pairs))))
        return cls(text, raw, list(map(_cached_fold, raw)), offsets[0::2], offsets[1::2])

    def where(self, vocabulary: Container[str]) -> list[int]:
        """The positions of the tokens whose key is in `vocabulary`, in order."""
        return list(compress(range(len(self.keys)), map(vocabulary.__contains__, self.keys)))

    def __len__(self) -> int:
        return len(self.raw)

    def span(self, first: int, stop: int) -> tuple[int, int]:
        """Character offsets of tokens first..stop-1."""
        return self.starts[first], self.ends[stop - 1]

    def crosses_paragraph(self, first: int, stop: int) -> bool:
        """True when tokens first..stop-1 run over a blank line."""
        start, end = self.span(first, stop)
        return "\n\n" in self.text[start:end] or "\n \n" in self.text[start:end]

    def word(self, index: int) -> str:
        """The raw token at `index`, or '' outside the text."""
        return self.raw[index] if 0 <= index < len(self.raw) else ""
