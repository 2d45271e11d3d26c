"""The agency gazetteer: entries loaded once, every spelling of every entry in one token trie.

A text is matched in one pass over its tokens: at each token the trie is walked as far as
the text allows and the longest spelling whose case rules hold is kept. Spellings are the
entry's name, aliases and acronyms, the same with the country's prefixes ("U.S.", "China's",
"British"…), and "X Department"/"Department of X" word-order variants; a prefixed
"ministry of X" also finds a country's only "Department of X" (and the reverse).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ...loading import built_once
from ..places import places_data
from .tokens import STOPWORDS, Tokens, bare, fold, is_all_caps, is_capitalised, split_words

DATA = Path(__file__).parent / "data"  # one file per country or region: <CODE>.json
SWAPPABLE_HEADS = {"department": "ministry", "ministry": "department"}
_key = lru_cache(maxsize=None)(fold)  # the same few thousand words recur while building
END = None  # the trie key under which a node lists the spellings that end there


@dataclass(frozen=True)
class Entry:
    """One government body of the gazetteer."""

    name: str
    country: str | None = None
    kind: str = "other"
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    ids: tuple[tuple[str, str], ...] = ()
    valid_from: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD": created or renamed then
    valid_to: str | None = None  # abolished, merged or renamed then

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        """Build an entry from its JSON form (the gazetteer file's `entries` items)."""
        return cls(
            name=data["name"],
            country=data.get("country"),
            kind=data.get("kind") or "other",
            parent=data.get("parent"),
            aliases=tuple(data.get("aliases") or ()),
            acronyms=tuple(data.get("acronyms") or ()),
            ids=tuple(sorted((data.get("ids") or {}).items())),
            valid_from=data.get("valid_from"),
            valid_to=data.get("valid_to"),
        )

    def in_force(self, day: str | None) -> bool:
        """Whether the body existed under this name on `day` (ISO; unknown day: yes)."""
        if not day:
            return True
        if self.valid_from and day[: len(self.valid_from)] < self.valid_from:
            return False
        return not (self.valid_to and day[: len(self.valid_to)] > self.valid_to)


@dataclass(frozen=True)
class Variant:
    """One spelling of an entry as a token pattern.

    `modes` has one letter per token: `f` any case, `c` capitalised, `x` exactly as written
    (acronyms). `prefix` counts the leading country tokens; `level` is 0 for the entry's own
    spellings and 1 for a ministry/department swap; `acronym` marks a lone acronym and
    `single` a lone capitalised word, both of which need checks in context; `bare` marks a
    name with its country cut off ("Constitutional Court" of "Constitutional Court of
    Spain"), which names that body only in an article about its country.
    """

    entry: int
    pattern: tuple[str, ...]
    modes: str
    prefix: int = 0
    level: int = 0
    acronym: bool = False
    single: bool = False
    bare: bool = False

    def fits(self, tokens: Tokens, start: int) -> bool:
        """True when tokens start.. satisfy this spelling's case rules."""
        raw = tokens.raw
        for offset, mode in enumerate(self.modes):
            token = raw[start + offset]
            if mode == "c" and not is_capitalised(token):
                return False
            if mode == "x" and bare(token) != self.pattern[offset]:
                return False
        return True


@dataclass(frozen=True)
class Hit:
    """The longest gazetteer spelling found at a token position: tokens start..stop-1."""

    start: int
    stop: int
    variants: tuple[Variant, ...]


@dataclass
class Places:
    """Countries (names, adjectives) and regions, used as prefixes and to infer a country."""

    prefixes: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    index: dict[tuple[str, ...], str] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    longest: int = 1
    countries: set[tuple[str, ...]] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)  # each country's first (canonical) name

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Places:
        """Build from the places file: {"countries": {code: {names, adjectives}}, "regions"}."""
        places = cls()
        for code, spec in data.get("countries", {}).items():
            sequences: list[tuple[str, ...]] = []
            for name in spec.get("names", []):
                words = tuple(split_words(name))
                sequences += [words, (*words, "'s")]
            sequences += [tuple(split_words(adj)) for adj in spec.get("adjectives", [])]
            places.prefixes[code] = sequences
            places.names[code] = spec.get("names", [code])[0]
            for words in sequences:
                places.countries.add(places._add(words, code))
        for code, names in data.get("regions", {}).items():
            for name in names:
                places._add(tuple(split_words(name)), code)
        return places

    def _add(self, words: tuple[str, ...], code: str) -> tuple[str, ...]:
        keys = tuple(fold(w) for w in words if w not in ("'s", "’s"))
        self.index.setdefault(keys, code)
        self.first_words.add(keys[0])
        self.longest = max(self.longest, len(keys))
        return keys

    def is_country(self, keys: list[str]) -> bool:
        """Whether folded words name a country or are its adjective ("British", "U.S.")."""
        return tuple(keys) in self.countries

    def starts_with_prefix(self, words: list[str], country: str | None) -> int:
        """How many leading words of `words` name `country` (0 when none do)."""
        keys = [_key(w) for w in words]
        best = 0
        for sequence in self.prefixes.get(country or "", []):
            size = len(sequence)
            if size < len(keys) and keys[:size] == [_key(w) for w in sequence]:
                best = max(best, size)
        return best

    def ends_with_suffix(self, words: list[str], country: str | None) -> int:
        """How many trailing words of `words` are "of [the] <country>" (0 when none are)."""
        keys = [_key(w) for w in words]
        for sequence in self.prefixes.get(country or "", []):
            if sequence[-1] in ("'s", "’s"):
                continue
            tail = [_key(w) for w in sequence]
            for lead in (["of"], ["of", "the"]):
                size = len(lead) + len(tail)
                if size < len(keys) and keys[-size:] == lead + tail:
                    return size
        return 0

    def place_at(self, tokens: Tokens, start: int) -> tuple[int, str] | None:
        """A capitalised place name starting at token `start`: (its token count, country)."""
        for size in range(min(self.longest, len(tokens) - start), 0, -1):
            code = self.index.get(tuple(tokens.keys[start : start + size]))
            if code and all(map(is_capitalised, tokens.raw[start : start + size])):
                return size, code
        return None

    def countries_in(self, tokens: Tokens) -> set[str]:
        """The countries of every place the text names."""
        found = set()
        for start in tokens.where(self.first_words):
            place = self.place_at(tokens, start)
            if place:
                found.add(place[1])
        return found

    def place_before(self, tokens: Tokens, at: int) -> tuple[int, str] | None:
        """A place ending just before token `at`, possessive or not: (its first token, country)."""
        end = at - 1 if tokens.word(at - 1) in ("'s", "’s") else at
        for size in range(self.longest, 0, -1):
            first = end - size
            if first >= 0:
                found = self.place_at(tokens, first)
                if found and found[0] == size:
                    return first, found[1]
        return None


class Gazetteer:
    """Entries plus the trie of all their spellings; build once, match many texts."""

    def __init__(self, entries: Iterable[Entry], places: Places) -> None:
        self.entries: list[Entry] = list(entries)
        self.places = places
        self.trie: dict[str | None, Any] = {}
        own_forms: set[tuple[str | None, tuple[str, ...]]] = set()
        pending: list[tuple[tuple[str, ...], Variant]] = []
        for index, entry in enumerate(self.entries):
            for words, variant in self._spellings(index, entry):
                if variant.level == 0 and not variant.acronym and not variant.prefix:
                    own_forms.add((entry.country, tuple(map(_key, words))))
                pending.append((words, variant))
        for words, variant in pending:
            if variant.level == 1:
                core = tuple(map(_key, words[variant.prefix :]))
                if (self.entries[variant.entry].country, core) in own_forms:
                    continue  # the country has its own body of that name
            self._insert(words, variant)

    def _spellings(self, index: int, entry: Entry) -> Iterator[tuple[tuple[str, ...], Variant]]:
        """Every (words, Variant) of one entry, prefixed forms included."""
        forms: dict[tuple[str, ...], tuple[str, int, bool]] = {}
        for name in _abbreviated((entry.name, *entry.aliases)):
            words = split_words(name)
            if not words:
                continue
            named = [(words, False)]
            cut = self.places.starts_with_prefix(words, entry.country)
            if cut and _stands_alone(words[cut:]):
                named.append((words[cut:], True))  # "Japanese Ministry of Finance"
            tail = self.places.ends_with_suffix(words, entry.country)
            if tail and _stands_alone(words[:-tail]):
                named.append((words[:-tail], True))  # "Constitutional Court of Spain"
            for form, cut_off in named:
                forms.setdefault(tuple(form), (_modes(form), 0, cut_off))
                for swapped in _reordered(form):
                    forms.setdefault(tuple(swapped), (_reordered_modes(swapped), 0, cut_off))
        for form, (_, level, cut_off) in list(forms.items()):
            for swapped in _head_swapped(list(form)):
                forms.setdefault(tuple(swapped), ("f" * len(swapped), level + 1, cut_off))
        for acronym in entry.acronyms:
            words = split_words(acronym)
            if words:
                forms.setdefault(tuple(bare(w) for w in words), ("x" * len(words), 0, False))
        prefixes = self.places.prefixes.get(entry.country or "", [])
        for form, (modes, level, cut_off) in forms.items():
            lone_acronym = modes == "x"
            if level == 0:
                yield (
                    form,
                    Variant(
                        index,
                        form,
                        modes,
                        level=0,
                        acronym=lone_acronym,
                        single=len(form) == 1 and not lone_acronym,
                        bare=cut_off,
                    ),
                )
            if self.places.starts_with_prefix(list(form), entry.country) or _names_a_country(
                form, self.places
            ):
                continue  # "Japanese Ministry of Finance" takes no second country before it
            for prefix in prefixes:
                relaxed = modes if len(form) == 1 else modes.replace("c", "f")
                yield (
                    (*prefix, *form),
                    Variant(
                        index,
                        (*prefix, *form),
                        "f" * len(prefix) + relaxed,
                        prefix=len(prefix),
                        level=level,
                    ),
                )

    def _insert(self, words: tuple[str, ...], variant: Variant) -> None:
        node = self.trie
        for word in words:
            node = node.setdefault(_key(word), {})
        node.setdefault(END, []).append(variant)

    def match(self, tokens: Tokens) -> list[Hit]:
        """All positions where a spelling matches, the longest fitting one at each position."""
        hits: list[Hit] = []
        keys = tokens.keys
        for start in tokens.where(self.trie):
            for stop, variants in reversed(self._ends(keys, start)):
                fitting = tuple(v for v in variants if v.fits(tokens, start))
                if fitting and not tokens.crosses_paragraph(start, stop):
                    hits.append(Hit(start, stop, fitting))
                    break
        return hits

    def _ends(self, keys: list[str], start: int) -> list[tuple[int, list[Variant]]]:
        """Every (stop, spellings) the trie reaches from token `start`, shortest first."""
        ends: list[tuple[int, list[Variant]]] = []
        node = self.trie.get(keys[start])
        stop = start
        while node is not None:
            stop += 1
            if END in node:
                ends.append((stop, node[END]))
            if stop >= len(keys):
                break
            node = node.get(keys[stop])
        return ends

    def names_at(self, tokens: Tokens, start: int, stop: int) -> list[tuple[int, set[str]]]:
        """The spellings starting at token `start` and ending by `stop`, as (their stop, the
        canonical names they spell), shortest first."""
        found = []
        for end, variants in self._ends(tokens.keys, start):
            if end <= stop:
                names = {self.entries[v.entry].name for v in variants if v.fits(tokens, start)}
                if names:
                    found.append((end, names))
        return found

    @cached_property
    def by_name(self) -> dict[str, Entry]:
        """Each entry under its canonical name (the first of a name several countries share)."""
        found: dict[str, Entry] = {}
        for entry in self.entries:
            found.setdefault(entry.name, entry)
        return found


def _names_a_country(form: tuple[str, ...], places: Places) -> bool:
    """Whether a spelling opens with any country's name or adjective ("UAE Cabinet")."""
    for size in range(min(places.longest, len(form) - 1), 0, -1):
        if places.is_country([_key(w) for w in form[:size]]):
            return True
    return False


# Heads whose two-word generic names an article uses alone once its country is known
# ("the Constitutional Court", "the National Assembly", "the Electoral Commission").
STANDALONE_HEADS = frozenset(
    "court tribunal assembly parliament senate congress commission council".split()
)


def _stands_alone(words: list[str]) -> bool:
    """Whether a name without its country is still a name: capitalised, and three words or
    more ("Ministry of Finance") or a two-word institution ("Supreme Court") — not "Canada
    Revenue Agency" → "Revenue Agency", nor "Ukraine's prosecutor's office" → lower case."""
    if not words or not is_capitalised(words[0]):
        return False
    return len(words) >= 3 or (len(words) == 2 and _key(words[-1]) in STANDALONE_HEADS)


# British and American spellings of the words in bodies' names, each way round.
SPELLINGS = (("Defence", "Defense"), ("Organisation", "Organization"))
SPELLINGS += tuple((b, a) for a, b in SPELLINGS)


def _abbreviated(names: tuple[str, ...]) -> list[str]:
    """The names, plus "… Corp." for "… Corporation", "… Co." for "… Company" and the other
    spelling of "Defence"/"Organisation" ("Russian Defense Ministry", "British Defense
    Ministry")."""
    forms = list(names)
    for name in names:
        for full, short in ((" Corporation", " Corp."), (" Company", " Co.")):
            if name.endswith(full):
                forms.append(name[: -len(full)] + short)
        forms += [name.replace(a, b) for a, b in SPELLINGS if a in name]
    return forms


def _modes(words: list[str]) -> str:
    """Case rules of a name: acronyms exact; one- and two-word names capitalised (so "Austrian
    Police" is a name and "Austrian police" a description), but a word written in camel case
    as it is ("eSafety"); longer any case."""
    if len(words) == 1 and is_all_caps(words[0]):
        return "x"
    if len(words) <= 2:
        return "".join("f" if w.casefold() in STOPWORDS or _camel(w) else "c" for w in words)
    return "f" * len(words)


def _camel(word: str) -> bool:
    """A word that opens in lower case and has a capital inside ("eSafety", "iNaturalist")."""
    return word[:1].islower() and any(c.isupper() for c in word[1:])


def _reordered(words: list[str]) -> list[list[str]]:
    """'Department of X' ↔ 'X Department' (also for Ministry)."""
    keys = [fold(w) for w in words]
    if len(words) >= 3 and keys[0] in SWAPPABLE_HEADS and keys[1] == "of":
        topic = words[3:] if keys[2] == "the" else words[2:]
        return [[*topic, words[0]]] if topic else []
    if len(words) >= 2 and keys[-1] in SWAPPABLE_HEADS and "of" not in keys:
        return [[words[-1], "of", *words[:-1]]]
    return []


def _reordered_modes(words: list[str]) -> str:
    """'X Department' any case, but a one-word X capitalised: "Justice department", not
    "state department of health"."""
    return "cf" if len(words) == 2 else "f" * len(words)


def _head_swapped(words: list[str]) -> list[list[str]]:
    """The same name with 'department' and 'ministry' exchanged, when it has one of them."""
    keys = [fold(w) for w in words]
    for position, key in enumerate(keys):
        if key in SWAPPABLE_HEADS and (position == 0 or position == len(words) - 1):
            return [[*words[:position], SWAPPABLE_HEADS[key].title(), *words[position + 1 :]]]
    return []


def load_places() -> Places:
    """The shared places (countries, adjectives, regions) as prefixes and country clues."""
    return Places.from_dict(places_data())


def gazetteer_files(folder: Path = DATA) -> list[Path]:
    """The gazetteer's files, one per country or region, in a fixed order."""
    return sorted(folder.glob("*.json"))


def load_entries(folder: Path = DATA) -> list[Entry]:
    """Every entry of every gazetteer file under `folder`."""
    entries = []
    for path in gazetteer_files(folder):
        with open(path, encoding="utf-8") as handle:
            entries += [Entry.from_dict(item) for item in json.load(handle)["entries"]]
    return entries


@built_once()
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, built on first use (collector paused) and cached for the process."""
    return Gazetteer(load_entries(), load_places())
