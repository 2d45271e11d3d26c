"""Places that stand for bodies: "the White House said" is an agency, "a dinner at the White
House" is a building (spec §2, "Borderline cases, decided"); likewise the Kremlin, the
Pentagon, Downing Street and Capitol Hill (Congress).

A seat's name is read as the institution unless the words before it put someone or something
in, at or near the place, or moving to it; a post or staff word after the name ("White House
press secretary", "a Pentagon spokesman") always means the institution.
"""

from __future__ import annotations

from .tokens import Tokens

SEATS = frozenset(
    {
        ("white", "house"),
        ("kremlin",),
        ("pentagon",),
        ("downing", "street"),
        ("10", "downing", "street"),
        ("capitol", "hill"),
    }
)
PLACE_PREPOSITIONS = frozenset(
    "at outside inside near into in around on across toward towards".split()
)
PARTS_OF_A_BUILDING = frozenset(
    """lawn lawns grounds gate gates steps front roof halls hall corridors lobby basement
    walls fence doors door windows balcony rooms room wing""".split()
)
MOTION_VERBS = frozenset(
    """go goes going went gone come comes coming came return returns returned returning
    move moved moving walk walked march marched drive drove driven arrive arrived invited
    invite welcomed welcome visit visited trip journey way back headed""".split()
)
# People "in" or "at the White House" are its staff: the institution employs them.
STAFF_BEFORE = frozenset(
    "officials aides staff staffers allies advisers advisors people those".split()
)
POSTS_AFTER = frozenset(
    """press spokesman spokeswoman spokesperson official officials aide aides staff staffer
    staffers counsel adviser advisers advisor advisors chief lawyer lawyers source sources
    said says statement officials' budget""".split()
)


def is_seat(keys: list[str]) -> bool:
    """Whether folded name tokens are the name of a seat (place standing for a body)."""
    return tuple(keys) in SEATS


def means_the_building(tokens: Tokens, start: int, stop: int) -> bool:
    """Whether the seat named by tokens start..stop-1 is meant as a building or place."""
    if tokens.word(stop).casefold() in POSTS_AFTER:
        return False
    at = start - 1
    if tokens.keys[at : at + 1] == ["the"]:
        at -= 1
    before = tokens.word(at).casefold()
    if before == "of":
        return tokens.word(at - 1).casefold() in PARTS_OF_A_BUILDING
    if before == "to":
        return tokens.word(at - 1).casefold() in MOTION_VERBS
    if before in ("in", "at") and tokens.word(at - 1).casefold() in STAFF_BEFORE:
        return False  # "officials at the White House opposed it"
    return before in PLACE_PREPOSITIONS
