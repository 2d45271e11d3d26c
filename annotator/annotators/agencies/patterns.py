"""Government bodies that are not in the gazetteer, found by the shape of their names.

Three shapes, all read off the token list around a head noun (Ministry, Department,
Bureau, Commission, Agency, Office):
- proper names: "[Place('s)] [Cap words] Head [of Cap words]" ("South Dakota's Department of
  Social Services", "Electoral Commission");
- a place before lower-case words: "Inner Mongolia health commission";
- a lower-case unit of a body: "the network security bureau of the ministry|Ministry of X";
  its parent is resolved by the caller (`SubBody.parent_token` or `SubBody.anaphor`).
Bare common nouns ("the ministry", "the utilities commission") have no name and never match.
"""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Places
from .tokens import Tokens, is_all_caps, is_capitalised, is_name_word

HEAD_KINDS = {
    "ministry": "ministry",
    "department": "department",
    "bureau": "bureau",
    "commission": "regulator",
    "agency": "agency",
    "office": "agency",
    "directorate": "agency",
    "commissionerate": "agency",
    "inspectorate": "agency",
}
ANAPHORS = frozenset({*HEAD_KINDS, "administration", "authority", "service"})
# Heads that close a body's name, never a remit word inside one ("Municipal Administration and
# Water Supply Department", "Health Service and …" may go on).
CLOSING_HEADS = frozenset({*HEAD_KINDS, "authority"})
CONNECTORS = frozenset({"and", "&", "for", "of", "on", "the"})
# Capitalised words that open a sentence or a title rather than a body's name.
NOT_NAME_WORDS = frozenset(
    """the a an this that these those its their his her our my your in on at by for from with
    and but or as if when while after before under over meanwhile also last next former both
    each every some many other another according during since until mr ms mrs dr president
    interim acting updated breaking
    chairman chairwoman director secretary minister commissioner spokesman spokeswoman
    spokesperson chief head deputy gov sen rep officials official monday tuesday wednesday
    thursday friday saturday sunday january february march april june july august september
    october november december""".split()
)
# Words of private bodies that share a head noun: Better Business Bureau, a travel agency.
PRIVATE_WORDS = frozenset(
    """business farm credit travel talent advertising creative artists speakers visitors
    convention marketing insurance model modeling modelling news press media design realty
    estate employment recruitment casting detective store stores veritas partners group
    inc corp co llc ltd plc company ad ads lancet cricket football rugby hockey tennis golf
    athletics olympic sports""".split()
)
# Words that make "Department of …" a university's: "Department of Health Sciences".
# Heads of bodies that are no government's, ending a longer name that holds one's: "National
# Treasury Employees Union", "Federal Reserve Employees Association".
PRIVATE_HEADS = frozenset(
    "union unions association federation foundation society party club league alliance".split()
)
ACADEMIC_WORDS = frozenset(
    """sciences studies economics physics chemistry biology engineering psychology sociology
    history philosophy mathematics linguistics neurology psychiatry pediatrics surgery
    radiology anthropology""".split()
)
# Words of state-owned utilities, which the spec never counts as agencies: "Hydro-Electric
# Commission" (a power generator), unlike a regulator's "Energy Commission".
UTILITY_WORDS = frozenset({"hydro-electric", "hydroelectric"})
NOT_AGENCY_WORDS = PRIVATE_WORDS | ACADEMIC_WORDS | UTILITY_WORDS
# Lower-case words that cannot name a unit ("the same department", "said the ministry").
NOT_UNIT_WORDS = frozenset(
    """the a an its their his her our of and or to in on for with by at from said says that
    which who this these those same relevant other another whole entire new former current
    such any all each every some many government local""".split()
)
# Words that name no particular body before a head: "Police Department", "Fire Department".
GENERIC_WORDS = frozenset("police fire health city county state federal local public".split())
OWNER_TITLES = frozenset({"governor", "mayor", "president", "premier", "attorney", "general"})
TITLE_AFTER = frozenset(
    """chief director commissioner chairman chairwoman president spokesman spokeswoman
    spokesperson captain lieutenant sergeant inspector superintendent marshal officer lt capt
    sgt cpl det insp supt""".split()
)  # ("Akron Fire Department Lt. Dwayne Hollis said": a rank after the body's name)
MAX_NAME_WORDS = 6
# Trades of a state's development corporations that are businesses (hotels, cinemas), not
# bodies: "Rajasthan Tourism Development Corporation".
COMMERCIAL_TRADES = frozenset({"tourism", "hotel", "hotels", "film"})
# Heads that name a body only with a place or an acronym before them: "Indiana State
# Police", "BART Police", "Swedish Prosecution Authority"; a "Corporation" only as a place's
# "Development Corporation" ("Maharashtra Industrial Development Corporation", a state's
# statutory body; other corporations are companies).
OWNED_HEADS = {
    "police": "police",
    "authority": "agency",
    "division": "agency",
    "board": "agency",
    "corporation": "agency",
}
NAMED_HEADS = frozenset(HEAD_KINDS) | frozenset(OWNED_HEADS)
LOCAL_HEADS = frozenset(HEAD_KINDS) | {"authority"}


@dataclass
class PatternBody:
    """A named body found by its shape: tokens start..stop-1, canonical name, country, kind."""

    start: int
    stop: int
    name: str
    country: str | None
    kind: str
    parent: str | None = None


@dataclass
class SubBody:
    """A lower-case unit of a body ("the network security bureau of the ministry").

    `parent_token` is where the owning body's name starts; `anaphor` the owner's head noun
    ("ministry") when the owner is only referred back to.
    """

    start: int
    stop: int
    name: str
    kind: str
    parent_token: int
    anaphor: str | None


def _kind(head: str, words: list[str]) -> str:
    if any(w.casefold() in ("police", "sheriff") for w in words):
        return "police"
    return HEAD_KINDS[head]


def _name_words(tokens: Tokens, places: Places, start: int, stop: int) -> list[str]:
    """The words of a name, a possessive glued to its word but dropped after a leading place:
    "South Dakota's Department…" → South Dakota Department…, "Governor's Office" kept."""
    place = places.place_at(tokens, start)
    place_end = start + place[0] if place else -1
    words: list[str] = []
    for position in range(start, stop):
        word = tokens.raw[position]
        if word in ("'s", "’s") and words:
            if position != place_end:
                words[-1] += word
        else:
            words.append(word)
    return words


def _of_phrase(tokens: Tokens, at: int, words: tuple[str, ...] = ("of",)) -> int:
    """Where a capitalised 'of' complement starting at `at` ends (== at when there is none).

    A last "and <Cap>" before a title is another clause: "Department of Public Health and
    Illinois Gov. …" ends at Health."""
    if tokens.word(at).casefold() not in words:
        return at
    position = at + 1
    if tokens.keys[position : position + 1] == ["the"] and is_capitalised(
        tokens.word(position + 1)
    ):
        position += 1
    end = at
    count = 0
    connector = 0
    while position < len(tokens) and count < MAX_NAME_WORDS:
        word = tokens.raw[position]
        if connector == position - 1 and word.isupper() and len(word) > 1:
            break  # "… of Education, Science and Technology and SUBEB": another body
        if is_name_word(word) and word.casefold() not in NOT_NAME_WORDS:
            end = position + 1
        elif tokens.keys[position] in CONNECTORS and (
            is_capitalised(tokens.word(position + 1))
            or (
                tokens.keys[position + 1 : position + 2] == ["the"]
                and _listed_end(tokens, position)
            )
        ):
            connector = position if tokens.keys[position] in ("and", "&") else connector
        elif word == "," and listed_name(tokens, position + 1):
            pass  # "Ministry of Trade, Industry and Energy"
        else:
            if (
                connector
                and word.isalpha()
                and is_capitalised(word)
                and word.casefold() in NOT_NAME_WORDS
            ):  # (a lower-case word after the name ends it: "… and Infrastructure in Brisbane")
                end = connector
            break
        # (a list's commas and "and"s are no words of the name)
        count += word != "," and tokens.keys[position] not in CONNECTORS
        position += 1
    return end


def _listed_end(tokens: Tokens, at: int) -> bool:
    """Whether "and the <Cap>" at `at` closes a list of a name ("Culture, Heritage and the
    Gaeltacht"): a comma-listed name word just before the "and"."""
    return (
        tokens.keys[at] in ("and", "&")
        and is_capitalised(tokens.word(at + 2))
        and tokens.word(at - 2) == ","
    )


def listed_name(tokens: Tokens, at: int) -> bool:
    """Whether capitalised words from `at` close a list with "and"/"&" and a capitalised word
    within a few tokens, commas allowed between them ("Industry and Energy")."""
    for position in range(at, min(at + 6, len(tokens))):
        word = tokens.raw[position]
        if tokens.keys[position] in ("and", "&"):
            following = position + 1 + (tokens.keys[position + 1 : position + 2] == ["the"])
            return position > at and is_capitalised(tokens.word(following))  # "and the Gaeltacht"
        if word != "," and not is_name_word(word):
            return False
    return False


def _left_phrase(tokens: Tokens, head: int) -> int:
    """Where the capitalised words naming the body before its head noun begin."""
    start = head
    position = head - 1
    while position >= 0 and head - position <= MAX_NAME_WORDS:
        word = tokens.raw[position]
        key = tokens.keys[position]
        if is_name_word(word) and key not in NOT_NAME_WORDS:
            start = position
        elif key == "'s" and tokens.keys[position - 1 : position] == ["sheriff"]:
            pass  # "County Sheriff's Department"
        elif not (
            key in ("and", "&")
            and position > 0
            and is_capitalised(tokens.raw[position - 1])
            and tokens.keys[position - 1] not in CLOSING_HEADS  # (another body's head:
            # "Sheriff's Office and Tulsa Police Department" are two)
        ):
            break
        position -= 1
    return start


def _owner_before(tokens: Tokens, places: Places, at: int) -> tuple[int, str | None]:
    """Extend a name leftwards over "[Place] Governor's" or "[Place]('s)": (start, country)."""
    start, country = at, None
    if (
        tokens.word(at - 1) in ("'s", "’s")
        and tokens.keys[at - 2 : at - 1]
        and (tokens.keys[at - 2] in OWNER_TITLES)
    ):
        start = at - 2
    place = places.place_before(tokens, start)
    if place:
        start, country = place
    return start, country


def _needs_owner(tokens: Tokens, head: int, left: int, country: str | None) -> bool:
    """A "Police" or "Authority" name needs a place or an acronym: "BART Police", "Swedish
    Prosecution Authority" (not a headline's "Updated Police"); a "Corporation" a place and
    "Development" before it, in no commercial trade."""
    if tokens.keys[head] == "corporation":
        trade = COMMERCIAL_TRADES.intersection(tokens.keys[left:head])
        return country is None or tokens.keys[head - 1] != "development" or bool(trade)
    if country is not None:
        return False
    return tokens.keys[head] == "authority" or not any(
        is_all_caps(w) for w in tokens.raw[left:head]
    )


# Heads whose "of" phrase is a remit, where a private trade's word is the state's business:
# "Louisiana Department of Insurance", "Department for Business" (not "Farm Credit Bureau").
REMIT_HEADS = frozenset({"department", "ministry"})
NOT_A_REMIT = ACADEMIC_WORDS | UTILITY_WORDS


def _private(words: list[str], head: int, key: str) -> bool:
    """Whether the words of a shape (its head at index `head`, its key `key`) make it no
    government's: a private trade's word before the head or, after a department's or a
    ministry's head, a university's subject ("Department of Health Sciences")."""
    after = NOT_AGENCY_WORDS if key not in REMIT_HEADS else NOT_A_REMIT
    return any(w.casefold() in NOT_AGENCY_WORDS for w in words[: head + 1]) or any(
        w.casefold() in after for w in words[head + 1 :]
    )


def find_named(tokens: Tokens, places: Places) -> list[PatternBody]:
    """Capitalised bodies by shape: "[Place] [Cap words] Head [of Cap words]"."""
    found: list[PatternBody] = []
    for head in tokens.where(NAMED_HEADS):
        key = tokens.keys[head]
        if not is_capitalised(tokens.raw[head]):
            continue
        own_office = key == "office" and tokens.keys[head - 2 : head - 1] != ["attorney"]
        complements = ("of",) if key == "office" and not own_office else ("of", "for")
        stop = _of_phrase(tokens, head + 1, complements)
        left = _left_phrase(tokens, head) if key != "office" else head
        if key in ("office", "directorate") and stop == head + 1:
            continue  # "Oval Office": only "Office of X" is a shape ("X Directorate": a unit's)
        words = tokens.raw[left:stop]
        if _private(words, head - left, key):
            continue
        follower = tokens.word(stop)
        if stop == head + 1 and is_capitalised(follower) and follower.isalpha():
            if follower.casefold() not in TITLE_AFTER and not _unit_follows(tokens, head):
                continue  # the head is inside a longer name: "Bureau Veritas"
        start, country = _owner_before(tokens, places, left)
        own_place = places.place_at(tokens, left)
        place_only = own_place is not None and own_place[0] == head - left
        generic = all(k in GENERIC_WORDS for k in tokens.keys[left:head])
        if stop == head + 1 and (generic or place_only) and start == left:
            continue  # a bare head, "Police Department", "California Department": no name
        if key == "directorate" and left < head and not place_only:
            continue  # "the Coffee Directorate of the AFA": a unit named before its head
        if start == left and own_place:
            country = own_place[1]
        if key in OWNED_HEADS and (left == head or _needs_owner(tokens, head, left, country)):
            continue
        if tokens.crosses_paragraph(start, stop):
            continue
        name = " ".join(_name_words(tokens, places, start, stop)).replace(" ,", ",")
        kind = OWNED_HEADS.get(key) or _kind(key, words)
        found.append(PatternBody(start, stop, name, country, kind))
    return found


def _unit_follows(tokens: Tokens, head: int) -> bool:
    """A police department's unit follows: "Columbus Police Department Intelligence Unit"."""
    return tokens.keys[head] == "department" and tokens.keys[head - 1 : head] in (
        ["police"],
        ["sheriff"],
    )


def _unit_words(tokens: Tokens, head: int) -> int:
    """Where the lower-case words naming a unit before `head` begin (== head when none)."""
    start = head
    while start > 0 and head - start < 4:
        word = tokens.raw[start - 1]
        if not (word.isalpha() and word.islower() and word not in NOT_UNIT_WORDS):
            break
        start -= 1
    return start


def find_local(tokens: Tokens, places: Places) -> list[PatternBody]:
    """A place before lower-case words and a head: "Inner Mongolia health commission",
    "Inner Mongolia health authority"."""
    found: list[PatternBody] = []
    for head in tokens.where(LOCAL_HEADS):
        key = tokens.keys[head]
        if key == "office" or not tokens.raw[head].islower():
            continue
        left = _unit_words(tokens, head)
        if left == head or tokens.word(left - 1) in ("'s", "’s"):
            continue
        place = places.place_before(tokens, left)
        if place is None:
            continue
        start, country = place
        if any(w in NOT_AGENCY_WORDS for w in tokens.raw[left:head]):
            continue
        words = [
            *_name_words(tokens, places, start, left),
            *(w.title() for w in tokens.raw[left : head + 1]),
        ]
        kind = OWNED_HEADS[key] if key == "authority" else _kind(key, words)
        found.append(PatternBody(start, head + 1, " ".join(words), country, kind))
    return found


def find_units(tokens: Tokens) -> list[SubBody]:
    """Lower-case units followed by their owner: "the … bureau of the ministry"."""
    found: list[SubBody] = []
    for head in tokens.where(HEAD_KINDS):
        key = tokens.keys[head]
        if not tokens.raw[head].islower():
            continue
        left = _unit_words(tokens, head)
        if left == head or tokens.keys[left - 1 : left] not in (["the"], ["its"], ["their"]):
            continue
        if tokens.keys[head + 1 : head + 2] != ["of"]:
            continue
        owner = head + 2 + (tokens.keys[head + 2 : head + 3] == ["the"])
        if owner >= len(tokens):
            continue
        word = tokens.raw[owner]
        anaphor = word if word.islower() and word in ANAPHORS else None
        if anaphor is None and not is_capitalised(word):
            continue
        name = " ".join(w.title() for w in tokens.raw[left : head + 1])
        found.append(SubBody(left, head + 1, name, HEAD_KINDS[key], owner, anaphor))
    return found
