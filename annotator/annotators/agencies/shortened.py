"""Later mentions of a local body by its place and its head word alone: "the Obuasi
Municipal Assembly … the Obuasi assembly", "Hosur City Municipal Corporation … Hosur
Corporation records" — the place words the full name opens with, then the head it ends with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol, TypeVar

from .tokens import Tokens, is_capitalised, is_name_word

# The head words a local authority's full name ends with and a reporter keeps.
HEADS = frozenset("assembly council corporation municipality authority board".split())
# Words that open a name without being its place ("National Lottery Board").
NOT_PLACE_WORDS = frozenset(
    """national federal central independent greater state city county provincial municipal
    local regional district metropolitan the new""".split()
)


class Mention(Protocol):
    """A chosen agency mention: its token span."""

    start: int
    stop: int


M = TypeVar("M", bound=Mention)


def _short_keys(tokens: Tokens, found: Mention) -> list[tuple[str, ...]]:
    """The shortened forms a full name allows: its first one or more place words, then its
    head ("obuasi assembly" for "Obuasi Municipal Assembly")."""
    keys = tokens.keys[found.start : found.stop]
    if len(keys) < 3 or keys[-1] not in HEADS:
        return []
    forms = []
    for count in range(1, len(keys) - 1):
        word = tokens.raw[found.start + count - 1]
        if not is_name_word(word) or keys[count - 1] in NOT_PLACE_WORDS:
            break
        forms.append((*keys[:count], keys[-1]))
    return forms


def later_forms(
    tokens: Tokens,
    owners: dict[tuple[str, ...], list[M]],
    fits: Callable[[int, int], bool],
) -> list[tuple[int, int, M]]:
    """(start, stop, body) wherever a form in `owners` (folded keys → the bodies it may
    shorten) is written after one of its bodies and `fits` the text there: the latest such
    body named before it."""
    found = []
    for form, named in owners.items():
        for position in tokens.where({form[0]}):
            stop = position + len(form)
            before = [f for f in named if f.stop <= position]
            if before and tuple(tokens.keys[position:stop]) == form and fits(position, stop):
                found.append((position, stop, max(before, key=lambda f: f.start)))
    return found


def find_shortened(tokens: Tokens, chosen: list[M]) -> list[tuple[int, int, M]]:
    """(start, stop, body) for each shortened later mention of a body in `chosen`: the
    latest body named before it with that place and head."""
    owners: dict[tuple[str, ...], list[M]] = {}
    for found in chosen:
        for form in _short_keys(tokens, found):
            owners.setdefault(form, []).append(found)

    def fits(position: int, stop: int) -> bool:
        before = tokens.word(position - 1)
        return (
            is_capitalised(tokens.raw[position])
            and (tokens.keys[position - 1 : position] == ["the"] or not is_name_word(before))
            and not is_name_word(tokens.word(stop))
        )

    return later_forms(tokens, owners, fits)


class NamedMention(Mention, Protocol):
    """A chosen agency mention with its canonical name."""

    name: str


N = TypeVar("N", bound=NamedMention)

# A body named for one remit ("Bureau of Reclamation", "U.S. Department of the Interior"),
# which the press calls by that word alone once named: "Reclamation said", "Interior
# officials".
ONE_REMIT = re.compile(r"(?:U\.S\. )?(?:Bureau|Department|Ministry) of (?:the )?([A-Z][a-z]+)")
# The same for two remits joined by "and", a place before them allowed: "Idaho Department of
# Health and Welfare … Health and Welfare Director Alan Brenneman".
TWO_REMITS = re.compile(
    r"(?:[A-Z][a-z]+ ){0,2}(?:Department|Ministry) of ([A-Z][a-z]+ and [A-Z][a-z]+)"
)
# Posts after a body's remit ("Health and Welfare Director"): the body inside a title.
POSTS_AFTER_REMIT = frozenset(
    "director secretary commissioner spokesman spokeswoman spokesperson official officials".split()
)
# A corps, which the press calls "the Corps" once named ("the U.S. Army Corps of Engineers …
# the Corps' budget request").
CORPS = re.compile(r"\b(Corps)\b")
SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "“", "‘"})


def find_remit_forms(tokens: Tokens, chosen: list[N]) -> list[tuple[int, int, N]]:
    """(start, stop, body) for each later capitalised remit word standing alone for a body in
    `chosen` named for that one remit, or "Corps" for a corps (not before another capitalised
    word, and opening a sentence only as a possessive: "Reclamation's study")."""
    owners: dict[tuple[str, ...], list[N]] = {}
    for found in chosen:
        remit = ONE_REMIT.fullmatch(found.name) or CORPS.search(found.name)
        remit = remit or TWO_REMITS.fullmatch(found.name)
        if remit:
            owners.setdefault(tuple(remit.group(1).casefold().split()), []).append(found)

    def fits(position: int, stop: int) -> bool:
        opening = position == 0 or tokens.word(position - 1) in SENTENCE_OPENERS
        titled = stop - position > 1 and tokens.word(stop).casefold() in POSTS_AFTER_REMIT
        return (
            is_capitalised(tokens.raw[position])
            and (
                tokens.keys[position - 1 : position] == ["the"]  # ("The Corps' budget")
                or not is_name_word(tokens.word(position - 1))
            )
            and tokens.word(position - 1) not in REMIT_OF_A_POST
            and not (
                tokens.word(position - 1) in ("for", "on")
                and tokens.word(position - 2).casefold() in POSTS_BEFORE_REMIT
            )
            and (
                titled  # ("Health and Welfare Director Alan Brenneman": inside a title)
                or not is_name_word(tokens.word(stop))
                and (not opening or tokens.word(stop) in ("'s", "’s"))
            )
        )

    return later_forms(tokens, owners, fits)


# Heads of a body named "<Kind> <Head> of <Place>" that the press keeps without the place:
# "the Central Bank of Ireland … a spokeswoman for the Central Bank".
PLACE_DROPPED_HEADS = frozenset(
    "bank court assembly commission authority tribunal council service".split()
)


def find_place_dropped_forms(tokens: Tokens, chosen: list[M]) -> list[tuple[int, int, M]]:
    """(start, stop, body) for each later "the <Kind> <Head>" of a body in `chosen` named
    "<Kind> <Head> of <Place>" (two or more capitalised words before "of"), not followed by
    another name word or "of" (not "the Central Bank of Kenya" again)."""
    owners: dict[tuple[str, ...], list[M]] = {}
    for found in chosen:
        keys = tokens.keys[found.start : found.stop]
        if "of" not in keys[2:]:
            continue
        of = keys.index("of", 2)
        kind = tuple(keys[:of])
        words = tokens.raw[found.start : found.start + of]
        if kind[-1] in PLACE_DROPPED_HEADS and all(is_capitalised(w) for w in words):
            if of + 1 < len(keys) and is_capitalised(tokens.raw[found.start + of + 1]):
                owners.setdefault(kind, []).append(found)

    def fits(position: int, stop: int) -> bool:
        return (
            tokens.keys[position - 1 : position] == ["the"]
            and all(is_capitalised(w) for w in tokens.raw[position:stop])
            and not is_name_word(tokens.word(stop))
            and tokens.keys[stop : stop + 1] != ["of"]
        )

    return later_forms(tokens, owners, fits)


# What sets a remit word into a post's title: "Deputy Director of Horticulture", "Additional
# Chief Secretary (Energy)".
REMIT_OF_A_POST = frozenset({"of", "("})
# Posts and committees a remit follows after "for" or "on": "the Commissioner for Works and
# Infrastructure", "the House Committee on Works and Infrastructure" (a post's remit).
POSTS_BEFORE_REMIT = frozenset(
    "commissioner minister secretary committee subcommittee chairman director".split()
)


# "the County Assembly", "the City Council": a local body named by its level and head alone.
LEVELS = frozenset(
    "county city district municipal metropolitan borough town shire regional provincial".split()
)
LEVEL_HEADS = frozenset({"assembly", "council", "corporation"})
# Such forms that name a body only once its full name is given: a Louisiana parish's "the
# Police Jury" (no "Police Jury" alone is one), "the Sessions Court" after "the Kuching
# Sessions Court".
NAMED_BEFORE_FORMS = {("police", "jury"), ("sessions", "court"), ("magistrates", "court")}
LEVEL_OPENERS = LEVELS | {form[0] for form in NAMED_BEFORE_FORMS}


def find_level_heads(tokens: Tokens, chosen: list[M]) -> list[tuple[int, int, M | None]]:
    """(start, stop, body) for each capitalised "the <Level> <Head>" standing alone ("went
    through the County Assembly"): the latest body named before it whose name ends so, else
    None (the body as written)."""
    found: list[tuple[int, int, M | None]] = []
    for position in tokens.where(LEVEL_OPENERS):
        stop = position + 2
        if (
            tokens.keys[position - 1 : position] != ["the"]
            or stop > len(tokens)
            or (
                tokens.keys[position + 1] not in LEVEL_HEADS
                and tuple(tokens.keys[position:stop]) not in NAMED_BEFORE_FORMS
            )
            or not all(map(is_capitalised, tokens.raw[position:stop]))
            or is_name_word(tokens.word(stop))
            or (tokens.keys[stop : stop + 1] == ["of"] and is_capitalised(tokens.word(stop + 1)))
        ):
            continue
        form = tokens.keys[position:stop]
        before = [
            f for f in chosen if f.stop <= position and tokens.keys[f.stop - 2 : f.stop] == form
        ]
        if before:
            found.append((position, stop, max(before, key=lambda f: f.start)))
        elif tuple(form) not in NAMED_BEFORE_FORMS:
            found.append((position, stop, None))
    return found
