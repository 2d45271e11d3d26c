"""Local government offices named by their level and their work, and Philippine local
legislatures.

- "City Engineer's Office", "City Health Office", "County Elections Office", "State Budget
  Office": a level word, one to three capitalised words (a post's possessive or the
  office's work) and "Office" — a local government's department, whoever's it is;
- "Sangguniang Panlungsod" (a city council), "Sangguniang Panlalawigan" (a provincial
  board), "Sangguniang Bayan" (a town council): the local legislatures of the Philippines.
"""

from __future__ import annotations

from .local import written
from .patterns import NOT_NAME_WORDS, PatternBody
from .tokens import Tokens, is_capitalised

LEVELS = frozenset({"city", "municipal", "provincial", "county", "district", "regional", "state"})
MAX_WORK_WORDS = 3
POSSESSIVE = ("'s", "’s")
SANGGUNIAN = frozenset({"panlungsod", "panlalawigan", "bayan"})


def find_level_offices(tokens: Tokens) -> list[PatternBody]:
    """ "City Health Office"-shaped offices and "Sangguniang Panlungsod"-shaped councils."""
    found: list[PatternBody] = []
    for head in tokens.where(("office",)):
        if tokens.raw[head] != "Office":
            continue
        start = head - 1
        while start > 0 and head - start <= MAX_WORK_WORDS + 1:
            word, key = tokens.raw[start], tokens.keys[start]
            if key in LEVELS and is_capitalised(word) and start < head - 1:
                found.append(
                    PatternBody(start, head + 1, written(tokens, start, head + 1), None, "agency")
                )
                break
            if not (word in POSSESSIVE or (is_capitalised(word) and word.isalpha())):
                break
            if key in NOT_NAME_WORDS:
                break
            start -= 1
    for at in tokens.where(("sangguniang",)):
        if tokens.keys[at + 1 : at + 2] and tokens.keys[at + 1] in SANGGUNIAN:
            found.append(PatternBody(at, at + 2, written(tokens, at, at + 2), "PH", "legislature"))
    return found
