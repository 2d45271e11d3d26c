"""An Irish Garda station named by its town stands for the force: "Killarney Garda Station",
"Mill Street Garda Station" → An Garda Síochána (the gold sets mark six of the seven such
mentions so; a police station elsewhere is read as a building)."""

from __future__ import annotations

from .patterns import NOT_NAME_WORDS, PatternBody
from .tokens import Tokens, is_name_word

MAX_PLACE_WORDS = 3


def find_garda_stations(tokens: Tokens) -> list[PatternBody]:
    """ "<Town> Garda Station" mentions, each as An Garda Síochána, and "<Place> Garda
    Division" ("the Cavan-Monaghan Garda Division"), a division of the force."""
    found: list[PatternBody] = []
    for at in tokens.where(("garda",)):
        if tokens.raw[at] != "Garda" or tokens.word(at + 1) not in ("Station", "Division"):
            continue
        start = at
        while (
            start > 0
            and at - start < MAX_PLACE_WORDS
            and is_name_word(tokens.raw[start - 1])
            and tokens.keys[start - 1] not in NOT_NAME_WORDS
        ):
            start -= 1
        if start < at and tokens.word(at + 1) == "Division":
            name = " ".join(tokens.raw[start : at + 2])
            found.append(PatternBody(start, at + 2, name, "IE", "police", "An Garda Síochána"))
        elif start < at:
            found.append(PatternBody(start, at + 2, "An Garda Síochána", "IE", "police"))
    return found
