"""The agency gazetteer: entries loaded once, every spelling of every entry in one token trie.

A text is matched in one pass over its tokens: at each token the trie is walked as far as
the text allows and the longest spelling whose case rules hold is kept. Spellings are the
entry's name, aliases and acronyms, the same with the country's prefixes ("U.S.", "China's",
"British"…), and "X Department"/"Department of X" word-order variants; a prefixed
"ministry of X" also finds a country's only "Department of X" (and the reverse).

The trie (built in `spellings.py`) holds each form once; a country's prefix is matched in
its own small trie at the same token and the forms that may follow it are looked up after
it, so "Kenya's Ministry of Health" is found without a spelling per country prefix. The
bundled gazetteer's entries and trie are kept in the on-disk cache (`annotator/cache.py`),
keyed by the digest of the data files, the places file and the code that builds them.
"""

from __future__ import annotations

import gc
import json
import marshal
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, overload

from ...cache import cached, sources_digest
from ...loading import built_once
from ..places import PLACES_FILE, places_data
from . import spellings, tokens
from .spellings import END, build_index
from .tokens import Tokens, bare, fold, is_capitalised, split_words
from .tokens import word_key as _key

DATA = Path(__file__).parent / "data"  # one file per country or region: <CODE>.json
CACHE_FORMAT = "gazetteer 1"  # raise when the cached index's layout changes


@dataclass(frozen=True)
class Entry:
    """One government body of the gazetteer."""

    name: str
    country: str | None = None
    kind: str = "other"
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    local_aliases: tuple[str, ...] = ()  # names it bears only in news of its own country
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
            local_aliases=tuple(data.get("local_aliases") or ()),
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

    @classmethod
    def after_prefix(
        cls, entry: int, prefix: tuple[str, ...], form: tuple[str, ...], modes: str, level: int
    ) -> Variant:
        """The spelling `form` after a country's `prefix` tokens (which match in any case)."""
        return cls(
            entry, (*prefix, *form), "f" * len(prefix) + modes, prefix=len(prefix), level=level
        )

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


# Lower-case words inside a place's name: "Perth and Kinross", "Vale of Glamorgan".
PLACE_CONNECTORS = frozenset({"and", "of", "upon", "on", "the"})


@dataclass
class Places:
    """Countries (names, adjectives) and regions, used as prefixes and to infer a country."""

    prefixes: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    index: dict[tuple[str, ...], str] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    longest: int = 1
    # first word -> the word counts of the places it starts, longest first
    sizes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    countries: set[tuple[str, ...]] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)  # each country's first (canonical) name
    # countries_in's answer for the last text asked about (several rules ask for each text)
    _last: tuple[Any, frozenset[str]] = field(default=(None, frozenset()), repr=False)
    # named_in's answer for the last text asked about (asked once per ambiguous mention)
    _last_named: tuple[Any, frozenset[str]] = field(default=(None, frozenset()), repr=False)

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
        self.sizes[keys[0]] = tuple(sorted({*self.sizes.get(keys[0], ()), len(keys)}, reverse=True))
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
        keys = tokens.keys
        if not 0 <= start < len(keys):
            return None
        for size in self.sizes.get(keys[start], ()):
            code = self.index.get(tuple(keys[start : start + size]))
            if code and all(
                is_capitalised(word) or 0 < i < size - 1 and word in PLACE_CONNECTORS
                for i, word in enumerate(tokens.raw[start : start + size])
            ):
                return size, code
        return None

    def countries_in(self, tokens: Tokens) -> frozenset[str]:
        """The countries of every place the text names."""
        if self._last[0] is tokens:
            return self._last[1]
        found = set()
        for start in tokens.where(self.first_words):
            place = self.place_at(tokens, start)
            if place:
                found.add(place[1])
        self._last = (tokens, frozenset(found))
        return self._last[1]

    def named_in(self, tokens: Tokens) -> frozenset[str]:
        """Every place the text names, as its folded words joined by spaces."""
        if self._last_named[0] is tokens:
            return self._last_named[1]
        found = set()
        for start in tokens.where(self.first_words):
            place = self.place_at(tokens, start)
            if place:
                found.add(" ".join(tokens.keys[start : start + place[0]]))
        self._last_named = (tokens, frozenset(found))
        return self._last_named[1]

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
    """Entries plus the trie of all their spellings; build once, match many texts.

    `trie` maps a name's first folded word to its subtrie; a subtrie read from the cache is
    marshal bytes until a text first reaches it, and a node's spellings become `Variant`
    objects when a text first reaches that node.
    """

    def __init__(
        self, entries: Iterable[Entry], places: Places, trie: dict[str, Any] | None = None
    ) -> None:
        self.entries: Sequence[Entry] = entries if isinstance(entries, Sequence) else list(entries)
        self.places = places
        self.trie: dict[str, Any] = trie if trie is not None else build_index(self.entries, places)
        self.prefix_trie = _prefix_trie(places)
        self.first_words = frozenset(self.trie).union(self.prefix_trie)
        self._ranks: dict[int, tuple[int, int, int]] = {}  # by id(variant): see _rank

    def warm(self) -> None:
        """Decode every subtrie now (a worker pool's fork server calls this, so the workers it
        forks share the decoded trie instead of each decoding the parts it reaches)."""
        for word, node in self.trie.items():
            if isinstance(node, bytes):
                self.trie[word] = marshal.loads(node)
        gc.freeze()  # the decoded trie lives on: full collections need not walk it

    def match(self, tokens: Tokens) -> list[Hit]:
        """All positions where a spelling matches, the longest fitting one at each position."""
        hits: list[Hit] = []
        keys = tokens.keys
        for start in tokens.where(self.first_words):
            for stop, variants in reversed(self._ends(keys, start)):
                fitting = tuple(v for v in variants if v.fits(tokens, start))
                if fitting and not tokens.crosses_paragraph(start, stop):
                    hits.append(Hit(start, stop, fitting))
                    break
        return hits

    def _ends(self, keys: list[str], start: int) -> list[tuple[int, list[Variant]]]:
        """Every (stop, spellings) the trie reaches from token `start`, shortest first: the
        entries' own spellings, and the forms after a country prefix that starts there."""
        ends = [(stop, end.own) for stop, end in self._walk(keys, start) if end.own]
        node = self.prefix_trie.get(keys[start])
        size = 0
        while node is not None:
            size += 1
            if start + size >= len(keys):
                break
            sequences = node.get(END)
            if sequences:
                ends = self._after_prefix(keys, start + size, sequences, ends)
            node = node.get(keys[start + size])
        return ends

    def _walk(self, keys: list[str], start: int) -> list[tuple[int, _End]]:
        """(stop, spellings) of every trie node ending a spelling on the way from token
        `start`, shortest first (a plain loop: this runs at most words of every text)."""
        found: list[tuple[int, _End]] = []
        node = self.trie.get(keys[start])
        if node.__class__ is bytes:
            node = self.trie[keys[start]] = marshal.loads(node)
        stop, last = start, len(keys)
        while node is not None:
            stop += 1
            end = node.get(END)
            if end is not None:
                if end.__class__ is not _End:
                    end = node[END] = _End(end, self._ranks)
                found.append((stop, end))
            if stop >= last:
                break
            node = node.get(keys[stop])
        return found

    def _after_prefix(
        self,
        keys: list[str],
        start: int,
        sequences: list[tuple[str, int]],
        ends: list[tuple[int, list[Variant]]],
    ) -> list[tuple[int, list[Variant]]]:
        """`ends` with the forms that follow a prefix ending before token `start` added
        (`sequences`: the prefix's (country, position among its prefixes)), in rank order."""
        merged = dict(ends)
        for stop, end in self._walk(keys, start):
            added = [
                variant
                for country, order in sequences
                for variant in end.after(country, order, self.places.prefixes[country][order])
            ]
            if added:
                variants = [*merged.get(stop, ()), *added]
                variants.sort(key=self._rank)
                merged[stop] = variants
        return sorted(merged.items())

    def _rank(self, variant: Variant) -> tuple[int, int, int]:
        """(entry, form, prefix) order of a variant made by this gazetteer: the order in which
        a trie of every spelling would list them."""
        return self._ranks[id(variant)]

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


class _End:
    """The spellings that end at one trie node: the entries' own, as variants, and the forms
    that take a country's prefix, made into variants per prefix when first asked for."""

    __slots__ = ("own", "_by_country", "_made", "_ranks")

    def __init__(self, stored: tuple[Any, Any], ranks: dict[int, tuple[int, int, int]]) -> None:
        own, self._by_country = stored
        self.own = []
        for entry, pattern, modes, acronym, single, cut_off, rank in own:
            variant = Variant(
                entry, tuple(pattern), modes, acronym=acronym, single=single, bare=cut_off
            )
            ranks[id(variant)] = (entry, rank, -1)
            self.own.append(variant)
        self._made: dict[tuple[str, int], list[Variant]] = {}
        self._ranks = ranks

    def after(self, country: str, order: int, prefix: tuple[str, ...]) -> list[Variant]:
        """The variants of the forms here after `prefix`, the country's `order`th prefix."""
        made = self._made.get((country, order))
        if made is None:
            made = []
            for entry, form, modes, level, rank in self._by_country.get(country, ()):
                variant = Variant.after_prefix(entry, prefix, form, modes, level)
                self._ranks[id(variant)] = (entry, rank, order)
                made.append(variant)
            self._made[country, order] = made
        return made


def _prefix_trie(places: Places) -> dict[Any, Any]:
    """Every country's prefixes in one trie of folded words; a node's END lists the
    (country, position among its prefixes) of the prefixes that end there."""
    trie: dict[Any, Any] = {}
    for country, sequences in places.prefixes.items():
        for order, sequence in enumerate(sequences):
            node = trie
            for word in sequence:
                node = node.setdefault(_key(word), {})
            node.setdefault(END, []).append((country, order))
    return trie


class EntryList(Sequence[Entry]):
    """Entries kept as marshal bytes of their field tuples, made into `Entry` objects when
    first read."""

    def __init__(self, records: Sequence[bytes]) -> None:
        self._records = records
        self._made: list[Entry | None] = [None] * len(records)

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...
    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        entry = self._made[index]
        if entry is None:
            entry = Entry(*marshal.loads(self._records[index]))
            self._made[index] = entry
        return entry


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


def _cacheable() -> tuple[tuple[bytes, ...], dict[str, bytes]]:
    """The bundled entries and their trie, built from the data files, as the cache keeps
    them: each entry's field tuple and each first word's subtrie as marshal bytes."""
    entries = load_entries()
    trie = build_index(entries, load_places())
    return (
        tuple(marshal.dumps(astuple(entry)) for entry in entries),
        {word: marshal.dumps(subtrie) for word, subtrie in trie.items()},
    )


def cache_key(folder: Path = DATA) -> str:
    """Digest of everything the bundled gazetteer is built from: its files, the places
    file, and the code that reads them and spells the names."""
    code = (Path(__file__), Path(spellings.__file__), Path(tokens.__file__))
    return sources_digest([*gazetteer_files(folder), PLACES_FILE, *code], CACHE_FORMAT)


@built_once()
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read from the cache or built (collector paused) on first use,
    and kept for the process."""
    entries, trie = cached("gazetteer", cache_key(), _cacheable)
    return Gazetteer(EntryList(entries), load_places(), trie)
