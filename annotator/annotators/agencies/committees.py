"""Named committees of a legislative chamber, found by shape.

"House Oversight Committee", "Senate Banking Subcommittee", "Senate Committee on Finance":
a chamber word, up to four capitalised words and the head "Committee" (or the head and an
"on …" phrase), or in lower case with a topic: "the House appropriations subcommittee".
The committee's parent is the chamber, chosen by the countries the article
names (the U.S. chambers unless the article names only another country with such a
chamber). Committees without a chamber word ("the organizing committee", "Nobel
Committee") are left to the gazetteer.
"""

from __future__ import annotations

from .defined import NOT_PUBLIC_WORDS
from .gazetteer import Places
from .patterns import NOT_NAME_WORDS, NOT_UNIT_WORDS, PatternBody, listed_name
from .tokens import STOPWORDS, Tokens, is_capitalised, is_name_word

HEADS = frozenset({"committee", "subcommittee"})
# Committees of Westminster-style parliaments named by their kind and subject, with no
# chamber word: "the Portfolio Committee on Cooperative Governance", "Joint Committee on
# Human Rights", "Standing Committee on Public Accounts".
PARLIAMENTARY_KINDS = frozenset(
    {"portfolio", "select", "standing", "joint", "parliamentary", "departmental"}
)
MAX_SUBJECT_WORDS = 7  # "Cooperative Governance and Traditional Affairs"
# Chamber word -> {country: canonical chamber}; the first country is the default.
CHAMBERS = {
    "house": {
        "US": "U.S. House of Representatives",
        "NG": "House of Representatives of Nigeria",
        "AU": "Australian House of Representatives",
        "NZ": "New Zealand House of Representatives",
        "PH": "House of Representatives of the Philippines",
        "JM": "House of Representatives of Jamaica",
        "TT": "House of Representatives of Trinidad and Tobago",
        "LR": "Liberian House of Representatives",
        "BZ": "House of Representatives of Belize",
    },
    "senate": {
        "US": "U.S. Senate",
        "NG": "Senate of Nigeria",
        "AU": "Australian Senate",
        "CA": "Senate of Canada",
        "KE": "Senate of Kenya",
        "PH": "Senate of the Philippines",
        "PK": "Senate of Pakistan",
        "JM": "Senate of Jamaica",
        "TT": "Senate of Trinidad and Tobago",
        "ZW": "Senate of Zimbabwe",
        "BS": "Senate of The Bahamas",
        "BZ": "Senate of Belize",
        "BB": "Senate of Barbados",
        "LR": "Liberian Senate",
        "LS": "Senate of Lesotho",
        "RW": "Senate of Rwanda",
    },
    "commons": {"GB": "House of Commons", "CA": "House of Commons of Canada"},
    "lords": {"GB": "House of Lords"},
}
MAX_WORDS = 4
# Lower-case words before a head that describe no particular committee: "the same House
# subcommittee", "the full House committee".
NOT_TOPIC_WORDS = NOT_UNIT_WORDS | {"full"}
JOINERS = frozenset({"and", "&", ","})
# "before the House Committee on Tuesday": a date, not the committee's subject.
DATE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)


def _chamber(word: str, countries: set[str], home: str | None = None) -> tuple[str, str]:
    """The country and canonical name of the chamber a chamber word means here: the
    publisher's country's when it has one, else the first country the article names."""
    options = CHAMBERS[word]
    named = [c for c in options if c in countries]
    country = home if home in options else named[0] if named else next(iter(options))
    return country, options[country]


def _on_phrase(tokens: Tokens, head: int, most: int = MAX_WORDS) -> int:
    """The stop of "on (the) Cap words" (up to `most`) after a head, or the head's own stop."""
    if tokens.keys[head + 1 : head + 2] != ["on"]:
        return head + 1
    at = head + 2 + (tokens.keys[head + 2 : head + 3] == ["the"])
    stop, words = at, 0
    while stop < len(tokens) and words < most:  # (joiners are not counted: "Ports, Harbours
        word = tokens.raw[stop]  # and Waterways" is three words)
        if word.casefold() in DATE_WORDS:
            break
        if word.isalpha() and is_capitalised(word) and word.casefold() not in STOPWORDS:
            stop, words = stop + 1, words + 1
        elif word.casefold() in JOINERS and is_capitalised(tokens.word(stop + 1)):
            if word == "," and not listed_name(tokens, stop + 1):
                break  # "on Establishment, Pensions and Labour Matters, Hon. X": the list ended
            stop += 1
        else:
            break
    return stop if stop > at else head + 1


def _chamber_start(tokens: Tokens, head: int) -> int | None:
    """The chamber word's index when capitalised words lead back from the head to it."""
    at = head - 1
    while at >= 0 and head - at <= MAX_WORDS + 1:
        word = tokens.raw[at]
        if tokens.keys[at - 2 : at + 1] in CHAMBER_NAMES:
            return at - 2  # "the House of Representatives (Commons) Committee on …"
        if tokens.keys[at] in CHAMBERS and is_capitalised(word):
            return at
        if word.isalpha() and is_capitalised(word) and word.casefold() not in STOPWORDS:
            at -= 1
        elif word.casefold() in JOINERS and at < head - 1:
            at -= 1
        else:
            return None
    return None


# Chambers written in full before a committee's name: "House of Commons Transport Committee".
CHAMBER_NAMES = (["house", "of", "representatives"], ["house", "of", "commons"])


def _described_start(tokens: Tokens, head: int) -> int | None:
    """The chamber word's index before lower-case topic words and a lower-case head: "the
    House appropriations subcommittee" (not "the same House subcommittee", "White House")."""
    at = head - 1
    while at >= 0 and head - at <= MAX_WORDS:
        word = tokens.raw[at]
        if tokens.keys[at] in CHAMBERS and is_capitalised(word):
            before = tokens.word(at - 1)
            named_before = is_capitalised(before) and before.casefold() not in NOT_NAME_WORDS
            return at if at < head - 1 and not named_before else None
        if not (word.isalpha() and word.islower()) or word in NOT_TOPIC_WORDS:
            return None
        at -= 1
    return None


def find_committees(tokens: Tokens, places: Places, home: str | None = None) -> list[PatternBody]:
    """Chamber committees named in the text, each with its chamber as parent (`home`: the
    publisher's country, when known)."""
    heads = tokens.where(HEADS)
    if not heads:
        return []
    countries = places.countries_in(tokens)
    found = []
    for head in heads:
        if tokens.raw[head].islower():
            start = _described_start(tokens, head)
            if start is not None and not tokens.crosses_paragraph(start, head + 1):
                country, chamber = _chamber(tokens.keys[start], countries, home)
                name = " ".join(w.title() for w in tokens.raw[start : head + 1])
                found.append(PatternBody(start, head + 1, name, country, "legislature", chamber))
            continue
        if not is_capitalised(tokens.raw[head]):
            continue
        start = _chamber_start(tokens, head)
        if start is None:
            found += (
                _by_kind(tokens, head)
                or _of_a_legislature(tokens, head)
                or _after_a_legislature(tokens, head)
            )
            continue
        stop = _on_phrase(tokens, head)
        if stop == head + 1 and start == head - 1:
            continue  # "House Committee" alone names no committee
        if tokens.crosses_paragraph(start, stop):
            continue
        word = tokens.keys[start + 2] if tokens.keys[start + 1] == "of" else tokens.keys[start]
        chamber_word = "house" if word == "representatives" else word
        country, chamber = _chamber(chamber_word, countries, home)
        name = " ".join(tokens.raw[start:stop]).replace(" ,", ",")
        found.append(PatternBody(start, stop, name, country, "legislature", chamber))
    return found


def _by_kind(tokens: Tokens, head: int) -> list[PatternBody]:
    """ "Portfolio Committee on X" (a parliamentary kind, the head, and its subject), "Joint
    Legislative Budget Committee" (a kind and the subject's capitalised words before the head)."""
    kind = head - 1
    while kind > head - 4 and kind > 0 and tokens.keys[kind] not in PARLIAMENTARY_KINDS:
        word = tokens.raw[kind]
        if not (word.isalpha() and is_capitalised(word)) or word.casefold() in STOPWORDS:
            return []
        kind -= 1
    if kind < 0 or tokens.keys[kind] not in PARLIAMENTARY_KINDS:
        return []
    if not is_capitalised(tokens.raw[kind]):
        return []
    stop = _on_phrase(tokens, head, MAX_SUBJECT_WORDS)
    if (stop == head + 1 and kind == head - 1) or tokens.crosses_paragraph(kind, stop):
        return []
    name = " ".join(tokens.raw[kind:stop]).replace(" ,", ",")
    return [PatternBody(kind, stop, name, None, "legislature")]


# Legislatures whose committees are written as theirs: "Holyrood's Local Government, Housing
# and Planning Committee", "Parliament's Transport and Infrastructure Committee".
LEGISLATURE_WORDS = frozenset(
    """parliament holyrood senedd stormont assembly congress legislature senate house dáil
    dail oireachtas""".split()
)
POSSESSIVES = frozenset({"'s", "’s"})


def _of_a_legislature(tokens: Tokens, head: int) -> list[PatternBody]:
    """ "<Legislature>'s <Cap words> Committee [on …]": the committee named after the
    possessive (the legislature is found on its own)."""
    start = head
    while start > 0 and head - start <= MAX_SUBJECT_WORDS:
        word = tokens.raw[start - 1]
        if word.isalpha() and is_capitalised(word) and word.casefold() not in STOPWORDS:
            start -= 1
        elif word.casefold() in JOINERS and start < head:
            start -= 1
        else:
            break
    while start < head and tokens.keys[start] in JOINERS:
        start += 1
    if start < 2 or tokens.raw[start - 1] not in POSSESSIVES:
        return []
    if tokens.keys[start - 2] not in LEGISLATURE_WORDS:
        return []  # ("parliament's Committee on Physical Infrastructure" in lower case too)
    stop = _on_phrase(tokens, head, MAX_SUBJECT_WORDS)
    if (stop == head + 1 and start == head) or tokens.crosses_paragraph(start, stop):
        return []
    name = " ".join(tokens.raw[start:stop]).replace(" ,", ",")
    return [PatternBody(start, stop, name, None, "legislature")]


def _after_a_legislature(tokens: Tokens, head: int) -> list[PatternBody]:
    """ "the State House of Assembly Committee on Finance and Appropriation": a committee
    "on" its subject right after its legislature's name (the legislature is found on its own)."""
    if head == 0 or tokens.keys[head - 1] not in LEGISLATURE_WORDS:
        return []
    if not is_capitalised(tokens.raw[head - 1]):
        return []
    stop = _on_phrase(tokens, head, MAX_SUBJECT_WORDS)
    if stop == head + 1 or tokens.crosses_paragraph(head, stop):
        return []
    house = head - 1  # the legislature's own name, for the committee's: "(Kaduna State House
    while house > 0 and (is_name_word(tokens.raw[house - 1]) or tokens.keys[house - 1] == "of"):
        house -= 1  # of Assembly)"
    while tokens.keys[house] in ("of", "the"):
        house += 1
    legislature = " ".join(tokens.raw[house:head])
    name = " ".join(tokens.raw[head:stop]).replace(" ,", ",")
    return [PatternBody(head, stop, f"{name} ({legislature})", None, "legislature", legislature)]


# A chamber's officers named after it: "House Speaker", "Senate Majority Leader", "House
# minority whip" (spec §2: a body inside a title is that body).
OFFICER_TITLES = (("speaker",), ("president", "pro", "tempore"))
OFFICER_TITLES += tuple(
    (side, role)
    for side in ("majority", "minority", "republican", "democratic")
    for role in ("leader", "whip")
)
# ... and its party groups: "House Republicans", "House and Senate Democrats".
OFFICER_TITLES += (("republicans",), ("democrats",), ("gop",))


def find_chamber_officers(tokens: Tokens, places: Places) -> list[PatternBody]:
    """The chamber inside an officer's title or a party group's name: "House Minority Leader
    Hakeem Jeffries", "House Republicans", "House and Senate Democrats" (both chambers)."""
    found = []
    countries: set[str] | None = None
    for at in tokens.where(CHAMBERS):
        before = tokens.word(at - 1)
        if not is_capitalised(tokens.raw[at]) or (
            before.isalpha() and is_capitalised(before) and before.casefold() not in STOPWORDS
        ):
            continue  # "White House Speaker …" is no chamber
        rest = at + 1
        if tokens.keys[rest : rest + 1] == ["and"] and tokens.keys[rest + 1 : rest + 2] in (
            [c] for c in CHAMBERS
        ):
            rest += 2  # "House and Senate Democrats": both chambers' groups
        if not any(tuple(tokens.keys[rest : rest + len(t)]) == t for t in OFFICER_TITLES):
            continue
        if countries is None:
            countries = set(places.countries_in(tokens))
        country, chamber = _chamber(tokens.keys[at], countries)
        found.append(PatternBody(at, at + 1, chamber, country, "legislature"))
    return found


# Words after a committee's name that make it a post: "County Executive Committee Member".
POST_AFTER = frozenset({"member", "members"})


def find_subject_committees(tokens: Tokens) -> list[PatternBody]:
    """Committees named by their subject alone, near a council, assembly or parliament (a
    shape the gazetteer's names and the chamber committees take precedence over)."""
    found, chambers = [], set()
    for head in tokens.where(("committee",)):
        if not is_capitalised(tokens.raw[head]):
            continue
        start = _chamber_start(tokens, head)
        if start is not None:  # "the Senate Intelligence Committee": its subject's words
            chambers.add(tuple(tokens.keys[start + 1 : head]))
        elif not (_by_kind(tokens, head) or _of_a_legislature(tokens, head)):
            found += _named_alone(tokens, head)
    # ("The Intelligence Committee" where a chamber's is named too: which chamber's is unsaid)
    return [
        body for body in found if tuple(tokens.keys[body.start : body.stop - 1]) not in chambers
    ]


def _named_alone(tokens: Tokens, head: int) -> list[PatternBody]:
    """ "the Budget and Appropriations Committee", "the Land, Infrastructure and Transport
    Committee": a committee named by its capitalised subject alone, as councils' and
    assemblies' committees are (the gold sets mark 39 of 46 such names); not a post ("County
    Executive Committee Member"), a civic group's ("Igbedi Community Development
    Committee") or a county's executive ("County Executive Committee")."""
    start = head
    while start > 0 and head - start <= MAX_SUBJECT_WORDS:
        word = tokens.raw[start - 1]
        key = tokens.keys[start - 1]
        if word.replace("-", "").isalpha() and is_capitalised(word) and key not in STOPWORDS:
            if key in NOT_NAME_WORDS:
                break
            start -= 1
        elif key in JOINERS and start < head and is_capitalised(tokens.word(start - 2)):
            start -= 1
        else:
            break
    while start < head and tokens.keys[start] in JOINERS:
        start += 1
    stop = _on_phrase(tokens, head, MAX_SUBJECT_WORDS)
    if (start == head and stop == head + 1) or tokens.crosses_paragraph(start, stop):
        return []
    keys = tokens.keys[start:stop]
    if tokens.keys[stop : stop + 1] and tokens.keys[stop] in POST_AFTER:
        return []
    if keys[:2] == ["county", "executive"] or any(key in NOT_COMMITTEE_WORDS for key in keys):
        return []
    if all(key in GENERIC_KINDS for key in tokens.keys[start:head]):
        return []  # "the powerful Standing Committee": which one, the name does not say
    if tokens.word(start - 1) in POSSESSIVES:
        return []  # ("Stormont's Committee": the legislature's own rule reads those)
    if tokens.keys[start] in LEGISLATURE_WORDS and tokens.keys[start - 1 : start] == ["of"]:
        return []  # "House of Assembly Committee on …": the chamber's own name goes first
    if not _legislature_near(tokens, start, stop):
        return []  # (party, lobby and sports committees sit in no council or assembly)
    name = " ".join(tokens.raw[start:stop]).replace(" ,", ",")
    return [PatternBody(start, stop, name, None, "legislature")]


# Words of the committees of parties, lobbies and civic groups, and kinds that name no one.
NOT_COMMITTEE_WORDS = NOT_PUBLIC_WORDS | frozenset(
    "republican democratic democrat republicans democrats gop olympic paralympic".split()
)
GENERIC_KINDS = PARLIAMENTARY_KINDS | frozenset(
    "executive central national steering advisory working organising organizing".split()
)
# Deliberative bodies whose committees are named by subject alone.
DELIBERATIVE = LEGISLATURE_WORDS | frozenset(
    "council councils parliament legislative commons lords sabha sanggunian sangguniang".split()
)
NEAR_BEFORE, NEAR_AFTER = 80, 40  # tokens


# Members of a deliberative body, whose titles place a committee in it as its name does:
# "its chairperson and Kakrao MCA Fredrick Otieno Ogola".
LEGISLATORS = frozenset("mca mcas mla mlas mp mps mpp mpps msp msps td tds cllr councillor".split())


def _legislature_near(tokens: Tokens, start: int, stop: int) -> bool:
    """Whether a council, assembly or parliament is named (capitalised), or one of its
    members by title, near a committee."""
    lo, hi = max(0, start - NEAR_BEFORE), min(len(tokens), stop + NEAR_AFTER)
    return any(
        (tokens.keys[at] in DELIBERATIVE and is_capitalised(tokens.raw[at]))
        or tokens.keys[at] in LEGISLATORS
        for at in range(lo, hi)
        if not start <= at < stop
    )
