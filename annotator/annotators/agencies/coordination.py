"""Coordinated places before one head noun: two bodies in one phrase.

"the Russian and Syrian defense ministries" names Russia's defence ministry and Syria's. The
first is marked on the whole phrase and the second on its own words ("Syrian defense
ministries"), as the gold sets mark them; each is named by the singular phrase it stands
for ("Russian defense ministry"), which the caller resolves like any other text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Places
from .patterns import NOT_NAME_WORDS, NOT_UNIT_WORDS
from .tokens import Tokens

# Head nouns, plural or singular, and the singular each phrase is resolved with.
HEADS = {
    "ministries": "ministry",
    "departments": "department",
    "agencies": "agency",
    "commissions": "commission",
    "bureaus": "bureau",
}
HEADS |= {singular: singular for singular in HEADS.values()}
MAX_TOPIC_WORDS = 3


@dataclass
class Coordinated:
    """Tokens start..stop-1 name two bodies; the second's own words start at `second`."""

    start: int
    second: int
    stop: int
    phrases: tuple[str, str]


def _topic_word(tokens: Tokens, places: Places, position: int) -> bool:
    """A word of the bodies' shared topic: "defense", "foreign", "Health" (not a place)."""
    word = tokens.raw[position]
    if not word.isalpha():
        return False
    if word.islower():
        return word not in NOT_UNIT_WORDS
    key = tokens.keys[position]
    return key not in NOT_NAME_WORDS and places.place_at(tokens, position) is None


def find_coordinated(tokens: Tokens, places: Places) -> list[Coordinated]:
    """Every "<Place> and <Place> <topic words> <head>" in the text, in text order."""
    found: list[Coordinated] = []
    for head in tokens.where(HEADS):
        topic = head
        while (
            topic > 0 and head - topic < MAX_TOPIC_WORDS and _topic_word(tokens, places, topic - 1)
        ):
            topic -= 1
        if topic == head:
            continue  # "Russian and Syrian ministries": no topic, no name
        second = places.place_before(tokens, topic)
        if second is None or tokens.keys[second[0] - 1 : second[0]] != ["and"]:
            continue
        first = places.place_before(tokens, second[0] - 1)
        if first is None or tokens.crosses_paragraph(first[0], head + 1):
            continue
        words = [*tokens.raw[topic:head], HEADS[tokens.keys[head]]]
        phrases = (
            " ".join([*tokens.raw[first[0] : second[0] - 1], *words]),
            " ".join([*tokens.raw[second[0] : topic], *words]),
        )
        found.append(Coordinated(first[0], second[0], head + 1, phrases))
    return found
