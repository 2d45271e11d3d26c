"""U.S. state bodies found by shape around a state's name.

- legislatures: "Indiana General Assembly", "Texas Legislature", and "the Legislature" or
  "the state Senate" when the article names a state (its most-named one);
- chambers: "Indiana House" → Indiana House of Representatives, "Ohio Senate";
- police: "Indiana State Police", "Ohio State Highway Patrol";
- guards: "New York Air National Guard", "Texas National Guard" (military);
- courts: "New Jersey Superior Court", "Texas Court of Criminal Appeals";
- attorneys general: "the office of the New York State Attorney General", "Texas Attorney
  General's Office", "the New York State Attorney General" (not before a person's name,
  where it is a title) → Office of the … Attorney General.
Each state's legislature and lower chamber carry their official names (a table below).
"""

from __future__ import annotations

from collections import Counter

from .patterns import NOT_UNIT_WORDS, PatternBody
from .tokens import Tokens, is_capitalised

_STATE_LIST = """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire
New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania
Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington
West_Virginia Wisconsin Wyoming"""
STATES = tuple(s.replace("_", " ") for s in _STATE_LIST.split())
GENERAL_ASSEMBLY = frozenset(
    """Arkansas Colorado Connecticut Delaware Georgia Illinois Indiana Iowa Kentucky Maryland
    Missouri Ohio Pennsylvania Tennessee Vermont Virginia""".split()
    + ["North Carolina", "Rhode Island", "South Carolina"]
)
LEGISLATURE_NAMES = {
    "Massachusetts": "Massachusetts General Court",
    "New Hampshire": "New Hampshire General Court",
    "Oregon": "Oregon Legislative Assembly",
    "North Dakota": "North Dakota Legislative Assembly",
    "California": "California State Legislature",
    "New York": "New York State Legislature",
    "Washington": "Washington State Legislature",
}
LOWER_CHAMBERS = {
    "California": "California State Assembly",
    "New York": "New York State Assembly",
    "Wisconsin": "Wisconsin State Assembly",
    "Nevada": "Nevada Assembly",
    "New Jersey": "New Jersey General Assembly",
    "Virginia": "Virginia House of Delegates",
    "Maryland": "Maryland House of Delegates",
    "West Virginia": "West Virginia House of Delegates",
    "Nebraska": "Nebraska Legislature",
}
LEGISLATURE_WORDS = (
    ("legislature",),
    ("general", "assembly"),
    ("general", "court"),
    ("legislative", "assembly"),
)
LOWER_WORDS = (("house", "of", "representatives"), ("house", "of", "delegates"), ("house",))
ASSEMBLY_WORDS = (("assembly",),)
POLICE_WORDS = (("state", "police"), ("state", "patrol"), ("highway", "patrol"))
POLICE_WORDS += (("state", "highway", "patrol"),)
# A state's National Guard and its air and army branches: "New York Air National Guard".
GUARD_WORDS = (("air", "national", "guard"), ("army", "national", "guard"), ("national", "guard"))
AG_WORDS = ("attorney", "general")
# A state's courts: "New Jersey Superior Court", "Texas Court of Criminal Appeals".
COURT_WORDS = tuple(
    tuple(words.split())
    for words in (
        "supreme court",
        "superior court",
        "circuit court",
        "district court",
        "appellate court",
        "family court",
        "tax court",
        "supreme judicial court",
        "court of appeals",
        "court of appeal",
        "court of criminal appeals",
        "court of claims",
    )
)
POSSESSIVE = ("'s", "’s")
_STATE_KEYS = {tuple(s.casefold().split()): s for s in STATES}
_LONGEST = max(len(k) for k in _STATE_KEYS)


def legislature(state: str) -> str:
    """The official name of a state's legislature."""
    if state in LEGISLATURE_NAMES:
        return LEGISLATURE_NAMES[state]
    return f"{state} General Assembly" if state in GENERAL_ASSEMBLY else f"{state} Legislature"


def lower_chamber(state: str) -> str:
    """The official name of a state's lower chamber (Nebraska has one chamber)."""
    return LOWER_CHAMBERS.get(state, f"{state} House of Representatives")


def _state_at(tokens: Tokens, start: int) -> tuple[int, str] | None:
    """A capitalised state name starting at token `start`: (its token count, state)."""
    for size in range(min(_LONGEST, len(tokens) - start), 0, -1):
        state = _STATE_KEYS.get(tuple(tokens.keys[start : start + size]))
        if state and all(is_capitalised(w) for w in tokens.raw[start : start + size]):
            return size, state
    return None


def _words_at(tokens: Tokens, at: int, choices: tuple[tuple[str, ...], ...]) -> int:
    """The token count of the longest capitalised choice of words at `at` (0 when none)."""
    for words in sorted(choices, key=len, reverse=True):
        size = len(words)
        if tuple(tokens.keys[at : at + size]) == words and all(
            is_capitalised(w) or w == "of" for w in tokens.raw[at : at + size]
        ):
            return size
    return 0


def _main_state(tokens: Tokens) -> str | None:
    """The state the article names most often (the first of equals), if any."""
    counts: Counter[str] = Counter()
    for start in tokens.where(_FIRST_WORDS):
        found = _state_at(tokens, start)
        if found:
            counts[found[1]] += 1
    return counts.most_common(1)[0][0] if counts else None


_FIRST_WORDS = frozenset(k[0] for k in _STATE_KEYS)
_BARE_WORDS = ("legislature", "senate", "house", "general", "legislative")
_AG_OFFICE_WORDS = (("attorney", "general", "'s", "office"), ("ag", "'s", "office"))
_CANDIDATE_WORDS = _FIRST_WORDS | frozenset(_BARE_WORDS) | {"attorney", "ag"}


def _chamber(start: int, stop: int, name: str, state: str) -> PatternBody:
    """A legislature or one of its chambers (whose parent is the legislature)."""
    whole = legislature(state)
    parent = None if name == whole else whole
    return PatternBody(start, stop, name, "US", "legislature", parent)


def _named_body(tokens: Tokens, start: int, size: int, state: str) -> PatternBody | None:
    """A body named "<State> [State] …" from token `start` (the state is `size` tokens)."""
    at = start + size
    if tokens.word(at) in POSSESSIVE:
        return _possessed_department(tokens, start, at, state)
    if tokens.keys[at : at + 1] == ["state"] and is_capitalised(tokens.word(at)):
        state_word = 1
    else:
        state_word = 0
    body = at + state_word
    police = _words_at(tokens, body, POLICE_WORDS) or _words_at(tokens, at, POLICE_WORDS)
    if police:
        stop = (body if _words_at(tokens, body, POLICE_WORDS) else at) + police
        name = " ".join(tokens.raw[start:stop])
        return PatternBody(start, stop, name, "US", "police")
    guard = _words_at(tokens, at, GUARD_WORDS)
    if guard:
        name = " ".join([state, *tokens.raw[at : at + guard]])
        return PatternBody(start, at + guard, name, "US", "military")
    if (length := _words_at(tokens, body, LEGISLATURE_WORDS)) != 0:
        return _chamber(start, body + length, legislature(state), state)
    if (length := _words_at(tokens, body, LOWER_WORDS + ASSEMBLY_WORDS)) != 0:
        name = lower_chamber(state)
        if tokens.keys[body] == "assembly" and state in LOWER_CHAMBERS:
            name = LOWER_CHAMBERS[state]
        elif tokens.keys[body] == "assembly":
            return None  # "Indiana Assembly" is no chamber's name
        return _chamber(start, body + length, name, state)
    if _words_at(tokens, body, (("senate",),)):
        return _chamber(start, body + 1, f"{state} Senate", state)
    if (length := _words_at(tokens, body, COURT_WORDS)) != 0:
        return PatternBody(
            start, body + length, " ".join(tokens.raw[start : body + length]), "US", "court"
        )
    return _attorney_general(tokens, start, body)


# Lower-case words that name no remit: "Texas's own department", "the state's new department".
NOT_REMIT_WORDS = (NOT_UNIT_WORDS - {"and"}) | {"own"}


def _possessed_department(tokens: Tokens, start: int, at: int, state: str) -> PatternBody | None:
    """ "Idaho's health department": the state's department of that remit, written in lower
    case after the state's possessive (one to three words)."""
    stop = at + 1
    while stop - at <= 4 and tokens.word(stop).isalpha() and tokens.word(stop).islower():
        if tokens.keys[stop] == "department" or tokens.keys[stop] in NOT_REMIT_WORDS:
            break
        stop += 1
    if stop == at + 1 or tokens.word(stop) != "department":
        return None
    remit = " ".join(w if w == "and" else w.capitalize() for w in tokens.raw[at + 1 : stop])
    return PatternBody(start, stop + 1, f"{state} Department of {remit}", "US", "department")


def _attorney_general(tokens: Tokens, start: int, body: int) -> PatternBody | None:
    """'<State> [State] Attorney General' as an office, not as a person's title."""
    if _words_at(tokens, body, (AG_WORDS,)) == 0:
        return None
    stop = body + 2
    title = " ".join(tokens.raw[start:stop])
    name = f"Office of the {title}"
    if tokens.word(stop) in POSSESSIVE and tokens.keys[stop + 1 : stop + 2] == ["office"]:
        return PatternBody(start, stop + 2, name, "US", "other")
    if tokens.keys[stop : stop + 1] == ["office"]:
        return PatternBody(start, stop + 1, name, "US", "other")
    office_of = tokens.keys[start - 3 : start] == ["office", "of", "the"]
    if office_of:
        return PatternBody(start - 3, stop, name, "US", "other")
    after = tokens.word(stop)
    if after.isalpha() and is_capitalised(after) or after in POSSESSIVE:
        return None  # "Indiana Attorney General Curtis Hill", "… Attorney General's view"
    return PatternBody(start, stop, name, "US", "other")


def _bare_body(tokens: Tokens, at: int, state: str) -> PatternBody | None:
    """'the Legislature', 'the state Senate' in an article about `state`; 'the House of
    Delegates' in one about Virginia, Maryland or West Virginia."""
    start = at
    before = tokens.word(at - 1)
    if before == "state":
        start = at - 1
        chambers = LEGISLATURE_WORDS + LOWER_WORDS + (("senate",),)
    elif before.isalpha() and is_capitalised(before):
        return None  # "Ontario Legislature": another place's
    elif lower_chamber(state).endswith("House of Delegates"):
        chambers = (("legislature",), ("house", "of", "delegates"))  # (a name no other has)
    else:
        chambers = (("legislature",),)
    length = _words_at(tokens, at, chambers)
    if length == 0:
        return None
    key = tokens.keys[at]
    if key == "senate":
        name = f"{state} Senate"
    elif key == "house":
        name = lower_chamber(state)
    else:
        name = legislature(state)
    return _chamber(start, at + length, name, state)


def _bare_attorney_general(tokens: Tokens, at: int, state: str) -> PatternBody | None:
    """ "the attorney general's office", "the AG's office" in an article about `state`: that
    state's attorney general's office (not after a place: "Texas AG's office" is a shape above,
    "the U.S. attorney general's office" another body)."""
    before = tokens.word(at - 1)
    if before.isalpha() and is_capitalised(before) or before in ("U.S.", "state", "federal"):
        return None
    for words in _AG_OFFICE_WORDS:
        keys = tuple(k.replace("’", "'") for k in tokens.keys[at : at + len(words)])
        if keys == words:
            stop = at + len(words)
            return PatternBody(at, stop, f"Office of the {state} Attorney General", "US", "other")
    return None


def find_state_bodies(tokens: Tokens) -> list[PatternBody]:
    """Every U.S. state body the shapes above find, in text order."""
    found: list[PatternBody] = []
    main = None
    searched = False
    resume = 0  # positions before this are inside a body already found
    for position in tokens.where(_CANDIDATE_WORDS):
        if position < resume:
            continue
        key = tokens.keys[position]
        body = None
        if key in _FIRST_WORDS:
            state = _state_at(tokens, position)
            if state:
                body = _named_body(tokens, position, *state)
        elif key in _BARE_WORDS or key in ("attorney", "ag"):
            if not searched:
                main, searched = _main_state(tokens), True
            if main and key in ("attorney", "ag"):
                body = _bare_attorney_general(tokens, position, main)
            elif main and is_capitalised(tokens.raw[position]):
                body = _bare_body(tokens, position, main)
        if body is not None and not tokens.crosses_paragraph(body.start, body.stop):
            found.append(body)
            resume = body.stop
    return found
