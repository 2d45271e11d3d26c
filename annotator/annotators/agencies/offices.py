"""Offices and units of bodies, found once the bodies themselves are known.

- prosecutors' offices: "the U.S. Attorney's Office for the Western District of New York"
  (parent: the Justice Department), its later back-references "the U.S. attorney's office",
  and local ones with a named owner ("Manhattan District Attorney's Office");
- named units of a body written next to it: "NASA's Science Mission Directorate",
  "the FBI's Criminal Investigative Division", "Columbus Police Department Intelligence Led
  Policing Unit" → "NASA Science Mission Directorate", parent NASA. A "Directorate" is a government unit even away from its owner ("the associate
  administrator of the Science Mission Directorate"): its parent is then the body named
  last before it in the same sentence. Sports tables' "Central Division" has no owner and
  is not a unit;
- units in lower case after their owner's possessive: "NASA's science mission directorate",
  "the House Science Committee's space subcommittee".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .patterns import NOT_NAME_WORDS, NOT_UNIT_WORDS, PatternBody
from .tokens import Tokens, is_all_caps, is_capitalised, is_name_word

JUSTICE = "U.S. Department of Justice"
FEDERAL = frozenset({"us", "united"})  # "U.S.", "US", "United States"
LOCAL_PROSECUTORS = frozenset({"district", "county", "city", "state's", "commonwealth's"})
UNIT_HEADS = {
    "directorate": "bureau",
    "division": "bureau",
    "bureau": "bureau",
    "unit": "bureau",
    "squad": "police",
}
# Heads whose unit belongs to the body named last in its sentence when no owner is written
# before it: "Victoria Police said detectives from the force's Arson and Explosives Squad …".
SENTENCE_OWNED = frozenset({"directorate", "squad"})
DESCRIBED_HEADS = frozenset({*UNIT_HEADS, "committee", "subcommittee"})
POSSESSIVE = ("'s", "’s")
MAX_UNIT_WORDS = 5
SENTENCE_ENDS = frozenset({".", "!", "?"})
FEDERAL_COURTS = {"district": "U.S. District Court", "bankruptcy": "U.S. Bankruptcy Court"}


class Named(Protocol):
    """A body already found: tokens start..stop-1, its canonical name, country and kind."""

    start: int
    stop: int
    name: str
    country: str | None
    kind: str


def _attorney_office_at(tokens: Tokens, at: int) -> int:
    """The token count of "Attorney's Office" / "attorney's office" at `at` (0 when absent)."""
    if tokens.keys[at : at + 1] != ["attorney"] or tokens.word(at + 1) not in POSSESSIVE:
        return 0
    if tokens.keys[at + 2 : at + 3] != ["office"]:
        return 0
    written = (tokens.raw[at], tokens.raw[at + 2])
    return 3 if all(map(is_capitalised, written)) or not any(map(is_capitalised, written)) else 0


def _district(tokens: Tokens, at: int) -> int:
    """Where "for the <Cap> District of <Cap words>" starting at `at` ends (== at if absent)."""
    if tokens.keys[at : at + 2] != ["for", "the"]:
        return at
    end = _district_words(tokens, at + 2)
    return end if end > at + 2 else at


def _district_words(tokens: Tokens, at: int) -> int:
    """Where "<Cap> District of <Cap words>" starting at `at` ends (== at if absent)."""
    position = at
    while position < len(tokens) and is_capitalised(tokens.raw[position]):
        position += 1
        if tokens.keys[position - 1] == "district":
            break
    if tokens.keys[position - 1] != "district" or tokens.keys[position : position + 1] != ["of"]:
        return at
    end = position + 1
    while end < len(tokens) and is_capitalised(tokens.raw[end]) and tokens.raw[end].isalpha():
        end += 1
    return end if end > position + 1 else at


def find_federal_courts(tokens: Tokens) -> list[PatternBody]:
    """U.S. district and bankruptcy courts: "U.S. District Court for the Eastern District of
    Virginia", "U.S. District Court, District of Massachusetts" (a case citation's form, named
    as the first), "the U.S. Bankruptcy Court in Delaware"."""
    found: list[PatternBody] = []
    for at in tokens.where(FEDERAL_COURTS):
        if tokens.keys[at + 1 : at + 2] != ["court"] or not all(
            map(is_capitalised, tokens.raw[at : at + 2])
        ):
            continue
        start = _federal_before(tokens, at)
        if start == at:
            continue  # "the District Court" alone: a state's or another country's as well
        stop = at + 2
        name = FEDERAL_COURTS[tokens.keys[at]]
        lead = stop + 2 if tokens.keys[stop : stop + 2] == ["for", "the"] else stop + 1
        if tokens.word(stop) == "," or lead == stop + 2:
            end = _district_words(tokens, lead)
            if end > lead:
                name += " for the " + " ".join(tokens.raw[lead:end])
                stop = end
        found.append(PatternBody(start, stop, name, "US", "court"))
    return found


def _federal_before(tokens: Tokens, at: int) -> int:
    """Where "U.S." / "United States" ending just before `at` starts (== at when absent)."""
    if tokens.keys[at - 1 : at] == ["us"]:
        return at - 1
    if tokens.keys[at - 2 : at] == ["united", "states"]:
        return at - 2
    return at


def _local_owner(tokens: Tokens, at: int) -> int:
    """Where the capitalised name before "District Attorney's Office" starts (== at if none)."""
    if at < 2 or tokens.keys[at - 1] not in LOCAL_PROSECUTORS:
        return at
    start = at - 1
    while start > 0 and head_word(tokens, start - 1):
        start -= 1
    return start if start < at - 1 else at


def head_word(tokens: Tokens, position: int) -> bool:
    """A capitalised word that can be part of a body's name (not 'The', 'Monday')."""
    return is_name_word(tokens.raw[position]) and tokens.keys[position] not in NOT_NAME_WORDS


def name_end(tokens: Tokens, at: int, most: int) -> int:
    """Where up to `most` name words (`head_word`) starting at token `at` end (== at if none)."""
    stop = at
    while stop < len(tokens) and stop - at < most and head_word(tokens, stop):
        stop += 1
    return stop


def find_prosecutors(tokens: Tokens) -> list[PatternBody]:
    """U.S. attorneys' offices (full names and back-references) and local prosecutors."""
    found: list[PatternBody] = []
    last_full: str | None = None
    for at in tokens.where(("attorney",)):
        size = _attorney_office_at(tokens, at)
        if not size:
            continue
        start = _federal_before(tokens, at)
        stop = at + size
        capitalised = is_capitalised(tokens.raw[at])
        if start < at:
            end = _district(tokens, stop)
            if end > stop:
                words = tokens.raw[stop:end]
                last_full = "U.S. Attorney's Office " + " ".join(words)
                found.append(PatternBody(start, end, last_full, "US", "other", JUSTICE))
            elif last_full or capitalised:
                name = last_full or "U.S. Attorney's Office"
                found.append(PatternBody(start, stop, name, "US", "other", JUSTICE))
        elif capitalised:
            owner = _local_owner(tokens, at)
            if owner < at:
                words = [*tokens.raw[owner:at], "Attorney's", "Office"]
                found.append(PatternBody(owner, stop, " ".join(words), "US", "other"))
    return found


def _unit_span(tokens: Tokens, head: int) -> int:
    """Where the capitalised words naming a unit before its head start (== head if none)."""
    start = head
    position = head - 1
    while position >= 0 and head - position <= MAX_UNIT_WORDS:
        if head_word(tokens, position):
            start = position
        elif not (tokens.keys[position] in ("and", "&") and head_word(tokens, position - 1)):
            break
        position -= 1
    return start


def _owner_adjacent(bodies: dict[int, Named], tokens: Tokens, start: int) -> Named | None:
    """The body written right before a unit: "NASA's …" or "FBI …"."""
    end = start - 1 if tokens.word(start - 1) in POSSESSIVE else start
    return bodies.get(end)


def _owner_in_sentence(found: Sequence[Named], tokens: Tokens, start: int) -> Named | None:
    """The body named last before token `start` in the same sentence."""
    best = None
    for body in found:
        if body.stop <= start and not any(
            tokens.raw[p] in SENTENCE_ENDS and not is_all_caps(tokens.raw[p - 1])
            for p in range(body.stop, start)
        ):
            if best is None or body.stop > best.stop:
                best = body
    return best


def find_units_of(tokens: Tokens, found: Sequence[Named]) -> list[PatternBody]:
    """Named units of known bodies: "NASA's Science Mission Directorate" (see module doc)."""
    by_stop = {body.stop: body for body in found}
    units: list[PatternBody] = []
    for head in tokens.where(UNIT_HEADS):
        key = tokens.keys[head]
        if not is_capitalised(tokens.raw[head]):
            continue
        start = _unit_span(tokens, head)
        start = max((s for s in by_stop if start < s < head), default=start)  # owner's end
        if start == head or is_capitalised(tokens.word(head + 1)):
            continue  # a bare head, or inside a longer name
        owner = _owner_adjacent(by_stop, tokens, start)
        written = " ".join(tokens.raw[start : head + 1])
        if owner is not None:
            owner_words = tokens.raw[owner.start : owner.stop]
            name = " ".join([*owner_words, written])
        elif key in SENTENCE_OWNED:
            owner = _owner_in_sentence(found, tokens, start)
            if owner is None and key == "squad":
                continue  # (a squad of no body named: "the Flying Squad" of a film)
            name = written if owner is None else f"{_short(owner, tokens)} {written}"
        else:
            continue
        parent = owner.name if owner is not None else None
        country = owner.country if owner is not None else None
        units.append(PatternBody(start, head + 1, name, country, UNIT_HEADS[key], parent))
    return units


def _described_span(tokens: Tokens, head: int) -> int:
    """Where up to three lower-case words describing a unit before `head` start (== head
    when none): "science mission" in "NASA's science mission directorate"."""
    start = head
    while start > 0 and head - start < 3:
        word = tokens.raw[start - 1]
        if not (word.isalpha() and word.islower()) or word in NOT_UNIT_WORDS:
            break
        start -= 1
    return start


def find_described_units(tokens: Tokens, found: Sequence[Named]) -> list[PatternBody]:
    """Lower-case units after a named body's possessive: "NASA's science mission
    directorate" → NASA Science Mission Directorate, "the House Science Committee's space
    subcommittee" (parent: the body)."""
    by_stop = {body.stop: body for body in found}
    units: list[PatternBody] = []
    for head in tokens.where(DESCRIBED_HEADS):
        if not tokens.raw[head].islower():
            continue
        start = _described_span(tokens, head)
        owner = by_stop.get(start - 1) if tokens.word(start - 1) in POSSESSIVE else None
        if start == head or owner is None:
            continue
        words = [
            *tokens.raw[owner.start : owner.stop],
            *map(str.title, tokens.raw[start : head + 1]),
        ]
        kind = UNIT_HEADS.get(tokens.keys[head]) or (
            "legislature" if owner.kind == "legislature" else "other"
        )
        units.append(PatternBody(start, head + 1, " ".join(words), owner.country, kind, owner.name))
    return units


def _short(owner: Named, tokens: Tokens) -> str:
    """How the text wrote the owner (its acronym, if that is what it used)."""
    return " ".join(tokens.raw[owner.start : owner.stop])
