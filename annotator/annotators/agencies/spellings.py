"""Every spelling of the gazetteer's entries, as a plain-data index the matcher walks.

An entry's forms are its name, aliases and acronyms, "… Corp."/"Defense" variants, the name
without its country ("Japanese Ministry of Finance" → "Ministry of Finance"), and
"X Department"/"Department of X" word orders; a ministry/department swap is a form too, but
one only found after a country's prefix. Country prefixes ("U.S.", "China's", "British"…)
are not spelt out here: a form that may follow one is recorded once, under its country, and
the matcher looks for the prefix in the text before it.

The index is one trie of plain tuples, lists, dicts and strings (it is stored in the
on-disk cache): nested dicts keyed by folded word, a node's `END` key holding
`(own, prefixed)`: `own` the records of the entries' own spellings ending there,
(entry, pattern, modes, acronym, single, bare, rank); `prefixed` {country: records of the
forms that take that country's prefix}, (entry, pattern, modes, level, rank). `rank` is
the form's position among its entry's forms, so the matcher can list the variants of one
hit in the order the entries and their forms were written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .tokens import STOPWORDS, bare, fold, is_all_caps, is_capitalised, split_words, word_key

if TYPE_CHECKING:
    from .gazetteer import Entry, Places

END = None  # the trie key under which a node lists the spellings that end there
SWAPPABLE_HEADS = {"department": "ministry", "ministry": "department"}


def build_index(entries: Sequence[Entry], places: Places) -> dict[Any, Any]:
    """The trie of every entry's spellings."""
    own_forms: set[tuple[str | None, tuple[str, ...]]] = set()
    pending: list[tuple[tuple[str, ...], tuple[Any, ...]]] = []
    trie: dict[Any, Any] = {}
    for index, entry in enumerate(entries):
        takes_prefix = bool(places.prefixes.get(entry.country or ""))
        for rank, (form, (modes, level, cut_off)) in enumerate(_forms(entry, places).items()):
            keys = tuple(map(word_key, form))
            if level == 0:
                lone_acronym = modes == "x"
                single = len(form) == 1 and not lone_acronym
                record = (index, form, modes, lone_acronym, single, cut_off, rank)
                _end(trie, keys)[0].append(record)
                if not lone_acronym:
                    own_forms.add((entry.country, keys))
            if not takes_prefix or places.starts_with_prefix(list(form), entry.country):
                continue  # "Japanese Ministry of Finance" takes no second country before it
            if _names_a_country(form, places):
                continue
            relaxed = modes if len(form) == 1 else modes.replace("c", "f")
            pending.append((keys, (index, form, relaxed, level, rank)))
    for keys, record in pending:
        country = entries[record[0]].country
        if record[3] == 1 and (country, keys) in own_forms:
            continue  # the country has its own body of that name
        _end(trie, keys)[1].setdefault(country, []).append(record)
    return trie


def _end(trie: dict[Any, Any], keys: tuple[str, ...]) -> tuple[list[Any], dict[str, list[Any]]]:
    """The (own, prefixed) lists at the node that `keys` spell, created when missing."""
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    if END not in node:
        node[END] = ([], {})
    return node[END]


def _forms(entry: Entry, places: Places) -> dict[tuple[str, ...], tuple[str, int, bool]]:
    """Each form of one entry → (case modes, level: 1 for a ministry/department swap, whether
    it is the name with its country cut off), in the order they are derived."""
    forms: dict[tuple[str, ...], tuple[str, int, bool]] = {}
    local = set(_abbreviated(entry.local_aliases))
    for name in _abbreviated((entry.name, *entry.aliases, *entry.local_aliases)):
        words = split_words(name)
        if not words:
            continue
        named = [(words, name in local)]  # a local alias is as bare as a cut-off name
        cut = places.starts_with_prefix(words, entry.country)
        if cut and _stands_alone(words[cut:]):
            named.append((words[cut:], True))  # "Japanese Ministry of Finance"
        tail = places.ends_with_suffix(words, entry.country)
        if tail and _stands_alone(words[:-tail]):
            named.append((words[:-tail], True))  # "Constitutional Court of Spain"
        for form, cut_off in named:
            _add_form(forms, tuple(form), _modes(form), cut_off)
            for swapped in _reordered(form):
                _add_form(forms, tuple(swapped), _reordered_modes(swapped), cut_off)
    for form, (_, level, cut_off) in list(forms.items()):
        for swapped in _head_swapped(list(form)):
            forms.setdefault(tuple(swapped), ("f" * len(swapped), level + 1, cut_off))
    for acronym in entry.acronyms:
        words = split_words(acronym)
        if words:
            forms.setdefault(tuple(bare(w) for w in words), ("x" * len(words), 0, False))
    return forms


def _add_form(
    forms: dict[tuple[str, ...], tuple[str, int, bool]],
    form: tuple[str, ...],
    modes: str,
    cut_off: bool,
) -> None:
    """Record a level-0 form; a form an entry also lists as its own name or alias is not
    cut off ("Senate" of the U.S. Senate, an alias, is not only "U.S. Senate" cut short)."""
    prior = forms.get(form)
    if prior is None or (prior[2] and not cut_off):
        forms[form] = (prior[0] if prior else modes, 0, cut_off)


def _names_a_country(form: tuple[str, ...], places: Places) -> bool:
    """Whether a spelling opens with any country's name or adjective ("UAE Cabinet")."""
    for size in range(min(places.longest, len(form) - 1), 0, -1):
        if places.is_country([word_key(w) for w in form[:size]]):
            return True
    return False


# Heads whose two-word generic names an article uses alone once its country is known
# ("the Constitutional Court", "the National Assembly", "the Electoral Commission").
STANDALONE_HEADS = frozenset(
    "court tribunal assembly parliament senate congress commission council forces".split()
)


# A chamber named by one word once its country is known ("the Senate" of "Australian Senate").
LONE_HEADS = frozenset({"senate"})


def _stands_alone(words: list[str]) -> bool:
    """Whether a name without its country is still a name: capitalised, and three words or
    more ("Ministry of Finance"), a two-word institution ("Supreme Court") or "Senate" — not
    "Canada Revenue Agency" → "Revenue Agency", nor "Ukraine's prosecutor's office" → lower
    case."""
    if not words or not is_capitalised(words[0]):
        return False
    if len(words) == 1:
        return word_key(words[0]) in LONE_HEADS
    return len(words) >= 3 or (len(words) == 2 and word_key(words[-1]) in STANDALONE_HEADS)


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
