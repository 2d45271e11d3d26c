"""Word tokens with character offsets, and the folded keys used to match names across case."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress
from operator import itemgetter

# Dotted abbreviations (U.S., U.K.), possessive 's, words joined by & or -, or one symbol.
# A participle after a hyphen stays its own word, so that "Kremlin-installed", "UN-backed"
# and "EU-led" name the body that acts.
ACTING_SUFFIXES = (
    "backed|led|installed|funded|run|controlled|sponsored|appointed|owned|imposed|brokered|"
    "supported|affiliated|aligned|ordered|approved|commissioned|designated|assisted|financed"
)
# Philippine region words split off a hyphen ("Government-Cordillera" → "Government",
# "-", "Cordillera"), so that the department's own name stays whole.
REGION_SUFFIXES = (
    r"(?:Cordillera|CAR|NCR|Calabarzon|CALABARZON|Mimaropa|MIMAROPA|Caraga|Soccsksargen|"
    r"SOCCSKSARGEN|Bicol|Ilocos|BARMM|Bangsamoro|Region\s+(?:\d|[IVX])|"
    r"(?:Central|Western|Eastern)\s+Visayas|Northern\s+Mindanao|Zamboanga\s+Peninsula|"
    r"Central\s+Luzon|Cagayan\s+Valley|Davao\s+Region|Negros\s+Island)"
)
TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}|['’]s\b|\w+(?:[&\-](?!(?:"
    + ACTING_SUFFIXES
    + r")\b|"
    + REGION_SUFFIXES
    + r"\b)\w+)*|[^\w\s]"
)
# Each token with the whitespace before it: every other character starts a token, so one
# findall gives the tokens and, from the lengths, their offsets.
SPACED_TOKEN_RE = re.compile(r"(\s*)(" + TOKEN_RE.pattern + ")")
STOPWORDS = frozenset({"of", "and", "for", "the", "on", "in", "at", "to", "&"})


def fold(token: str) -> str:
    """The matching key of a token: case-folded, dots dropped, '&' read as 'and', "co-" joined
    before a vowel.

    The lower-case pronoun "us" gets its own key so it never matches the country "US".
    """
    if token == "us":
        return "us\x00"
    if token == "&":
        return "and"
    key = token.casefold().replace(".", "").replace("’", "'")
    if key[:3] == "co-" and key[3:4] and key[3] in "aeiou":
        return "co" + key[3:]  # "Co-operative", "Co-ordination": one spelling with the unhyphened
    return key


word_key = lru_cache(maxsize=None)(fold)  # fold() of the few thousand words names reuse

_FOLDED: dict[str, str] = {}  # fold() of tokens seen so far (a pure function, so a plain cache)
_FOLD_CACHE_LIMIT = 1 << 17


def fold_all(tokens: list[str]) -> list[str]:
    """fold() of every token, through a cache shared by all documents."""
    missing = set(tokens).difference(_FOLDED)
    if missing:
        if len(_FOLDED) + len(missing) > _FOLD_CACHE_LIMIT:
            _FOLDED.clear()
            missing = set(tokens)
        for token in missing:
            _FOLDED[token] = fold(token)
    return list(map(_FOLDED.__getitem__, tokens))


def bare(token: str) -> str:
    """A token without its dots, case kept: 'U.S.' → 'US', 'F.B.I.' → 'FBI'."""
    return token.replace(".", "")


def is_capitalised(token: str) -> bool:
    """True when the token starts with an upper-case letter or a digit."""
    return token[:1].isupper() or token[:1].isdigit()


def is_name_word(token: str) -> bool:
    """A capitalised word of letters, hyphens joining name-cased parts: "Revenue",
    "Anti-Corruption", "Co-operatives", "Thompson-Nicola" (not "USB-C")."""
    parts = token.split("-")
    return (
        is_capitalised(token)
        and all(part.isalpha() for part in parts)
        and (len(parts) == 1 or all(part[1:].islower() for part in parts))
    )


def is_all_caps(token: str) -> bool:
    """True for tokens of two or more letters written entirely in capitals ('CDC', 'U.S.')."""
    letters = bare(token)
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def split_words(text: str) -> list[str]:
    """The tokens of a short string (a name or an alias)."""
    return TOKEN_RE.findall(text)


# Up to this many words, `Tokens.where` looks each one up in the position index.
SMALL_VOCABULARY = 32


@dataclass(frozen=True)
class Tokens:
    """The tokens of a text: raw strings, folded keys and character offsets, as parallel lists."""

    text: str
    raw: list[str]
    keys: list[str]
    spaced: list[tuple[str, str]] = field(repr=False)  # (spaces before, token) for the offsets

    @classmethod
    def of(cls, text: str) -> Tokens:
        """Tokenise `text` in one regular-expression pass."""
        spaced = SPACED_TOKEN_RE.findall(text)
        raw = list(map(itemgetter(1), spaced))
        return cls(text, raw, fold_all(raw), spaced)

    @cached_property
    def _offsets(self) -> list[int]:
        return list(accumulate(map(len, chain.from_iterable(self.spaced))))

    @cached_property
    def starts(self) -> list[int]:
        """The character offset where each token starts."""
        return self._offsets[0::2]

    @cached_property
    def ends(self) -> list[int]:
        """The character offset where each token ends."""
        return self._offsets[1::2]

    @cached_property
    def _positions(self) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for index, key in enumerate(self.keys):
            found = positions.get(key)
            if found is None:
                positions[key] = [index]
            else:
                found.append(index)
        return positions

    def where(self, vocabulary: Container[str]) -> list[int]:
        """The positions of the tokens whose key is in `vocabulary`, in order."""
        keys = self.keys
        if isinstance(vocabulary, (set, frozenset)) and len(vocabulary) > len(keys):
            # A large vocabulary (the gazetteer's first words): one C-level pass over the keys.
            return list(compress(range(len(keys)), map(vocabulary.__contains__, keys)))
        positions = self._positions
        if isinstance(vocabulary, (set, frozenset, tuple)) and len(vocabulary) <= SMALL_VOCABULARY:
            # a few words: look each up (no pass over every distinct key of the text)
            words = vocabulary if isinstance(vocabulary, (set, frozenset)) else set(vocabulary)
            found = [index for key in words for index in positions.get(key, ())]
            found.sort()
            return found
        if isinstance(vocabulary, (dict, set, frozenset)):
            common = (
                vocabulary.keys() & positions.keys()
                if isinstance(vocabulary, dict)
                else (positions.keys() & vocabulary)
            )
        else:
            common = {key for key in positions if key in vocabulary}
        found = [index for key in common for index in positions[key]]
        found.sort()
        return found

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
