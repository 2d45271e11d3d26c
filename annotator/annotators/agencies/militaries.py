"""A country's armed forces named by the country and a common noun: "the Indian army",
"India's armed forces", "Britain's navy", "the U.S. military". "Military" is read as the
forces only where it is a noun (at a clause's end, or before a verb or a function word:
"the Israeli military said"), not where it qualifies one ("U.S. military aid", "Pakistani
military spokesperson"), as the gold sets read it.

The gazetteer holds the forces under their proper names ("Indian Army"), matched when
capitalised; news writes them in lower case after the country as often, and only that
lower-case form is read here ("Swiss Army knife" stays a knife). The canonical name
is the gazetteer's body of that country whose name or alias ends with the same noun ("Indian
Army", "Israel Defense Forces" for "Israeli military"), else its armed forces, else the
country's name and the noun ("Pakistan Army").
"""

from __future__ import annotations

from functools import lru_cache

from .gazetteer import Gazetteer, Places
from .patterns import PatternBody
from .tokens import Tokens, is_capitalised

HEADS: dict[tuple[str, ...], str] = {
    ("army",): "Army",
    ("navy",): "Navy",
    ("armed", "forces"): "Armed Forces",
    ("air", "force"): "Air Force",
    ("coast", "guard"): "Coast Guard",
    ("military",): "Armed Forces",  # the whole of a country's forces, as "armed forces"
}
# What may follow "military" used as a noun: end punctuation aside, these words.
AFTER_THE_NOUN = frozenset(
    """said says say has have had is was were are will would could can may might must did
    does do also and or but to in on at of for from with by that which who as after before
    since against into over under announced confirmed denied added reported claimed stated
    responded struck launched carried""".split()
)
FIRST_WORDS = frozenset(words[0] for words in HEADS)


@lru_cache(maxsize=4)
def military_names(gazetteer: Gazetteer) -> dict[tuple[str, str], str]:
    """(country, head) → the name of the country's military body written with that head
    (worked out once per gazetteer)."""
    names: dict[tuple[str, str], str] = {}
    for entry in gazetteer.entries:
        if entry.kind != "military" or entry.country is None:
            continue
        for spelling in (entry.name, *entry.aliases):
            lowered = spelling.lower()
            for words, head in HEADS.items():
                if lowered.endswith(" " + " ".join(words)):
                    names.setdefault((entry.country, head), entry.name)
    return names


def find_militaries(tokens: Tokens, places: Places, gazetteer: Gazetteer) -> list[PatternBody]:
    """Armed forces written as a country (name, adjective or possessive) and a common noun."""
    found = []
    heads = tokens.where(FIRST_WORDS)
    names = military_names(gazetteer) if heads else {}  # worked out only when needed
    for at in heads:
        for words, head in HEADS.items():
            stop = at + len(words)
            if tuple(tokens.keys[at:stop]) != words or not tokens.raw[at].islower():
                continue  # capitalised names ("Indian Army", "Swiss Army") are the gazetteer's
            if words == ("military",) and not _a_noun_here(tokens.word(stop)):
                continue
            place = places.place_before(tokens, at)
            if place is None:
                continue
            start, country = place
            before = tokens.word(start - 1)
            if is_capitalised(before) and before.casefold() not in ("the", "a"):
                continue  # "the Free Syrian Army": a longer name, not the country's forces
            end = at - 1 if tokens.word(at - 1) in ("'s", "’s") else at
            if not places.is_country(tokens.keys[start:end]):
                continue  # "Punjab's police", "the Texas army": not a country's forces
            if tokens.crosses_paragraph(start, stop):
                continue
            name = (
                names.get((country, head))
                or names.get((country, "Armed Forces"))
                or f"{places.names[country]} {head}"
            )
            found.append(PatternBody(start, stop, name, country, "military"))
    return found


def _a_noun_here(following: str) -> bool:
    """Whether "military" followed by the token `following` is the noun, not an adjective."""
    return not following or not following[0].isalnum() or following in AFTER_THE_NOUN
