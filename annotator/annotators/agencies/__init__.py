"""The built-in `agencies` annotator: named government bodies (type `agency`).

One pass of the gazetteer trie over the text's tokens finds known bodies by name, alias,
acronym and their prefixed or reordered forms; shape patterns find unknown ones; then the
choices that need the whole article are made: which body an ambiguous name or acronym
means (the one the article names elsewhere, else one of the article's countries), acronyms
the article defines or implies ("California Public Utilities Commission" … "CPUC"), and
parents ("ICE of the homeland security department", "the … bureau of the ministry").

Modules: `gazetteer` (entries from `data/`, one token trie), `tokens` (word tokens with
offsets, folded keys), `patterns` (unknown bodies by the shape of their names),
`committees`, `embassies`, `militaries` ("the Indian army"), `seats` (the White House,
the Kremlin: body or building),
`local` (town police and courts), `offices` (units of known
bodies), `states` (U.S. state bodies), `coordination` ("the French and German
ministries"); this file chooses among the finds and builds annotations.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import compress, pairwise
from operator import methodcaller
from typing import Any

from ...hookspecs import hookimpl
from ...model import Annotation, Document, publication_day
from ..places import publisher_country
from .committees import CHAMBERS as CHAMBER_NAMES
from .committees import (
    NOT_TOPIC_WORDS,
    find_chamber_officers,
    find_committees,
    find_subject_committees,
)
from .coordination import find_coordinated
from .defined import find_defined
from .embassies import find_missions
from .gazetteer import Gazetteer, Hit, Places, default_gazetteer
from .level_offices import find_level_offices
from .local import find_nhs_bodies, find_place_bodies
from .militaries import find_militaries
from .offices import (
    find_described_units,
    find_federal_courts,
    find_prosecutors,
    find_units_of,
    name_end,
)
from .patterns import (
    ACADEMIC_WORDS,
    HEAD_KINDS,
    PRIVATE_HEADS,
    PatternBody,
    find_local,
    find_named,
    find_units,
)
from .regional_offices import (
    NUMBERED,
    ROMAN,
    find_numbered_offices,
    office_of,
    philippine_entry,
    region_after_hyphen,
)
from .seats import is_seat, means_the_building
from .shortened import (
    find_level_heads,
    find_place_dropped_forms,
    find_remit_forms,
    find_shortened,
    later_forms,
)
from .states import find_state_bodies
from .stations import find_garda_stations
from .tokens import STOPWORDS, Tokens, bare, is_all_caps, is_capitalised

# Acronyms that are also English words: "WHO" only as a name ("the WHO", "WHO said").
WORDLIKE = frozenset({"WHO", "ICE", "FED", "Fed", "IT", "US", "AID", "ACT", "NICE", "CAB"})
NAME_BEFORE = frozenset({"the", "per", "to", "by", "from", "of", "with", "at", "and", "or", "("})
WORDS_AFTER = frozenset(
    """agents agent officers officer officials official spokesman spokeswoman director chief
    raids said says has have had is was are were will would could should may might can did does
    announced reported warned declared estimated estimates confirmed added noted stated
    recommended recommends urged called""".split()
)
LEVEL_WORDS = frozenset(
    "state city county provincial municipal local regional district village town".split()
)
# One-word names that are also everyday words: read only after a lower-case word.
COMMON_WORD_NAMES = frozenset({"house", "army", "navy"})
PUNCT_AFTER = frozenset({".", ",", ")", ";", ":", "'s", "’s", "!", "?"})
# Countries whose bodies' acronyms are read without the article naming the country.
WORLDWIDE = ("INT", "EU", "US", None)
CONFIDENCE = {
    "unresolved": 0.6,
    "name": 0.95,
    "acronym": 0.85,
    "pattern": 0.7,
    "unit": 0.75,
    "local": 0.65,
}


@dataclass
class Found:
    """One chosen mention: tokens start..stop-1 and what it names."""

    start: int
    stop: int
    name: str = ""
    country: str | None = None
    kind: str = "other"
    parent: str | None = None
    ids: dict[str, str] = field(default_factory=dict)
    source: str = "name"
    options: tuple[int, ...] = ()
    needs_country: frozenset[int] = frozenset()  # options met only by a name without its country


def _naming(body: Any, start: int, stop: int, source: str) -> Found:
    """A mention at tokens start..stop-1 of the body `body` names (a Found or an entry)."""
    return Found(
        start, stop, body.name, body.country, body.kind, body.parent, dict(body.ids), source=source
    )


# Honorifics before a person's name: an acronym just before one is a post ("MCA Ms …").
HONORIFIC_KEYS = frozenset("mr mrs ms dr hon prof rev".split())


def _acronym_in_context(tokens: Tokens, at: int) -> bool:
    """Whether an acronym token reads as a name here (not shouting, not the word 'who')."""
    run = 1
    for step in (-1, 1):
        position = at + step
        while 0 <= position < len(tokens) and is_all_caps(tokens.raw[position]):
            run += 1
            position += step
    if run >= 3:
        return False  # a line in capitals: "WHO IS TO BLAME"
    if len(bare(tokens.raw[at])) == 2 and tokens.word(at - 1) == ",":
        return False  # "Virginia Beach, VA": a postal code
    if _dateline_credit(tokens, at):
        return False  # "RICHMOND, Va., Feb 10 (CPW) -": the news agency's credit
    if tokens.keys[at + 1 : at + 2] and tokens.keys[at + 1].rstrip(".") in HONORIFIC_KEYS:
        return False  # "Kivumbini MCA Ms Grace Nyambura": a member's title before a name
    if bare(tokens.raw[at]) not in WORDLIKE:
        return True
    before = tokens.keys[at - 1] if at > 0 else ""
    after = tokens.word(at + 1)
    return (
        before in NAME_BEFORE
        or after.casefold() in WORDS_AFTER
        or after.casefold() in OFFICER_WORDS
        or after in PUNCT_AFTER
    )


def _dateline_credit(tokens: Tokens, at: int) -> bool:
    """Whether the acronym is a dateline's bracketed credit: "(…)" right after a day number
    or a city in capitals and followed by a dash ("Feb 10 (CPW) -", "March 3 (Reuters) –",
    "PHOENIX (FNS) —"), or a story's sign-off ending its last paragraph ("… Niger. (NWS)")."""
    before = tokens.word(at - 2)
    if tokens.word(at - 1) != "(" or tokens.word(at + 1) != ")":
        return False
    if before in (".", "!", "?") and _ends_paragraph(tokens, at + 1):
        return True  # "… farmers in Niger. (NWS)": the agency's sign-off after the story
    return (before.isdigit() or (len(before) > 2 and before.isalpha() and before.isupper())) and (
        tokens.word(at + 2) in ("-", "–", "—")
    )


def _ends_paragraph(tokens: Tokens, at: int) -> bool:
    """Whether token `at` is the last of its paragraph."""
    rest = tokens.text[tokens.ends[at] : tokens.ends[at] + 2]
    return at + 1 >= len(tokens) or rest.startswith("\n") or not rest.strip()


def _acronyms_defined_otherwise(tokens: Tokens, hits: list[Hit]) -> set[str]:
    """Acronyms the article defines in brackets after words that are no known body ("the
    Democratic Republic of Congo (DRC)"): everywhere in it they mean those words, not the
    gazetteer's body of the same letters (a body's own "(CBI)" follows its name, a hit)."""
    ends = {hit.stop for hit in hits}
    foreign = set()
    raw = tokens.raw
    for before in tokens.where(("(", "or")):  # (the only words an acronym's definition follows)
        at = before + 1
        bracket = raw[before] == "("
        if at >= len(raw) or not (bracket or raw[before - 1 : before] == [","]):
            continue
        if not is_all_caps(raw[at]):
            continue
        letters = bare(raw[at])
        if bracket:
            if at - 1 not in ends and _spelled_before(tokens, at - 1, letters.upper()):
                foreign.add(letters)
        elif _spelled_in_words(tokens, at - 2, letters):
            foreign.add(letters)  # "ready-to-drink, or RTD, beverages"
    return foreign


def _spelled_in_words(tokens: Tokens, comma: int, letters: str) -> bool:
    """Whether the words ending before `comma`, in any case and split at hyphens, have
    `letters` as their initials ("ready-to-drink" → RTD)."""
    parts = [
        part
        for word in tokens.raw[max(comma - len(letters), 0) : comma]
        for part in word.split("-")
        if part
    ]
    initials = "".join(part[0] for part in parts[-len(letters) :]).upper()
    return len(parts) >= len(letters) and initials == letters.upper()


def _spelled_before(tokens: Tokens, paren: int, letters: str) -> bool:
    """Whether the capitalised words ending before `paren` (stop words skipped) have
    `letters` as their initials."""
    initials = ""
    for position in range(paren - 1, max(paren - 3 * len(letters), -1), -1):
        word = tokens.raw[position]
        if word.casefold() in STOPWORDS or word in ("'", "’"):
            continue  # (and a plural's possessive mark: "Tiruppur Exporters’ Association (TEA)")
        if not is_capitalised(word):
            return False
        initials = word[0].upper() + initials
        if initials == letters:
            return True
    return False


def _single_in_context(tokens: Tokens, hit: Hit) -> bool:
    """A one-word name ("Congress") must stand alone, not inside a longer capitalised name,
    nor after a level word ("the state Senate" is not the U.S. Senate) nor before "of" and a
    name ("House of Cards"). One that is also a common word ("House", "Army") must follow a
    lower-case word, so that a sentence or a headline does not open with it. An acronym
    before it is another name ("VOA Pentagon correspondent"), and a heading's last word ends
    there ("testified before Congress" above a paragraph opening "As …")."""
    before = tokens.word(hit.start - 1)
    if before in LEVEL_WORDS:
        return False
    if tokens.keys[hit.stop : hit.stop + 1] == ["of"] and is_capitalised(tokens.word(hit.stop + 1)):
        return False
    if tokens.keys[hit.start] in COMMON_WORD_NAMES and not (before.isalpha() and before.islower()):
        return False
    if is_capitalised(before) and not is_all_caps(before):
        if before.isalpha() and before.casefold() not in (*STOPWORDS, "the", "a"):
            return False
    after = tokens.word(hit.stop)
    if after.isalpha() and is_capitalised(after) and after.casefold() not in STOPWORDS:
        if after.casefold() in OFFICER_WORDS:
            return True  # "former Fed Vice Chair Donald Kohn": the body inside a title (spec §2)
        return tokens.crosses_paragraph(hit.stop - 1, hit.stop + 1)
    return True


# Title words after a one-word body's name: the body's officer, not a longer name (and the
# ranks of a service's members: "married Army Sgt. James Whitfield").
OFFICER_WORDS = frozenset(
    """vice chair chairman chairwoman president director governor governors spokesman
    spokeswoman spokesperson secretary commissioner chief deputy inspector administrator
    official officials economist economists sgt sergeant capt captain lt lieutenant col
    colonel gen maj pvt cpl corporal spc adm admiral cmdr commander brig""".split()
)


# The first words of names that another body's name may hold: "(Export Development) Bank of
# Canada", "(Development) Bank of Jamaica".
LEADING_HEADS = frozenset({"bank"})
# Capitalised words that may stand before such a name without making it another's.
NAME_LEADS = frozenset({"the", "a", "an", "former", "acting", "deputy", "governor", "says", "said"})


def _goes_on_leftwards(tokens: Tokens, hit: Hit) -> bool:
    """A name led by a head word ("Bank of Jamaica") right after a capitalised word inside the
    sentence is the end of another body's name: "the Development Bank of Jamaica (DBJ)", "the
    Export Development Bank of Canada" (not the central banks)."""
    if tokens.keys[hit.start] not in LEADING_HEADS or hit.start == 0:
        return False
    before = tokens.raw[hit.start - 1]
    if not (before.isalpha() and is_capitalised(before)) or before.casefold() in NAME_LEADS:
        return False
    return tokens.word(hit.start - 2) not in (".", "!", "?", '"', "“", "")


def _truncated(tokens: Tokens, hit: Hit) -> bool:
    """A name that goes on is cut short: "State Department of (for) Health", "Department of
    Health Sciences" (a university's), "National Treasury Employees Union" (a union's),
    "Department of State Development and Infrastructure"; a day named after a body ("Armed
    Forces Day", "Police Week") is no mention of it, nor is a two-word "… Forces" before another
    capitalised word ("Armed Forces Commissioner", a post; "Armed Forces Covenant")."""
    following = tokens.word(hit.stop)
    if tokens.keys[hit.stop : hit.stop + 1] in (["day"], ["week"]) and is_capitalised(following):
        return True
    if following == "Division" and hit.stop - hit.start <= 3:
        return True  # "the King's Bench Division of the High Court": another body's division
    if tokens.keys[hit.stop : hit.stop + 3] == ["and", "crime", "commissioner"]:
        return True  # "the West Midlands Police and Crime Commissioner": the commissioner's
    if hit.stop - hit.start == 2 and tokens.keys[hit.stop - 1] == "forces":
        return following.isalpha() and is_capitalised(following)
    if following.casefold() in ACADEMIC_WORDS:
        return True
    for after in range(hit.stop, hit.stop + 3):
        word = tokens.word(after)
        if not (word.isalpha() and is_capitalised(word)):
            break
        if tokens.keys[after] in PRIVATE_HEADS:
            return True
    if "of" in tokens.keys[hit.start : hit.stop] and _listed_after(tokens, hit.stop):
        return True  # "Department of State Development and Infrastructure" (Queensland's)
    if "of" in tokens.keys[hit.start : hit.stop] and _remit_after_and(tokens, hit.stop):
        return True  # "Department of Energy and Public Works" (Queensland's), not the U.S. one
    # ("State Department for [the] Blue Economy": Kenya's, read by shape)
    after = hit.stop + 1 + (tokens.keys[hit.stop : hit.stop + 2] == ["for", "the"])
    return (
        tokens.keys[hit.stop - 1] in HEAD_KINDS
        and tokens.keys[hit.stop : hit.stop + 1] in (["of"], ["for"])
        and is_capitalised(tokens.word(after))
    )


def _is_name(word: str) -> bool:
    return word.isalpha() and is_capitalised(word)


def _remit_after_and(tokens: Tokens, at: int) -> bool:
    """Whether "and" at `at` joins one or two more capitalised remit words that end the
    name ("… of Energy and Public Works said"): no body's head among them, no acronym."""
    if tokens.keys[at : at + 1] != ["and"]:
        return False
    stop = at + 1
    while stop < at + 4 and _is_name(tokens.word(stop)) and not is_all_caps(tokens.word(stop)):
        if stop == at + 3 and tokens.keys[stop] not in REMIT_WORDS:
            return False  # (three words: "… of Transport and Transport Infrastructure Ireland",
            # not "… of Finance and New Economic Development")
        if tokens.keys[stop] in HEAD_KINDS:
            return False  # "the Department of Energy and Climate Change Commission"
        stop += 1
    remit = set(tokens.keys[at + 1 : stop])
    return bool(remit & REMIT_WORDS) and not is_capitalised(tokens.word(stop))


# Words of a ministry's or a department's remit (not a person's name: "the Department of
# Homeland Security and Alex Azar").
REMIT_WORDS = frozenset(
    """works affairs development planning infrastructure resources environment services
    security trade industry industries tourism energy transport health education agriculture
    fisheries housing culture sport sports heritage science technology innovation employment
    labour labor training welfare finance economy communities justice safety water land lands
    mines mining forestry forests wildlife climate youth women children family rural urban
    regional local government public commerce communications information digital arts
    veterans investment planning utilities roads highways""".split()
)


def _listed_after(tokens: Tokens, at: int) -> bool:
    """Whether one or two capitalised words at `at` go on with "and" and another capitalised
    word: the rest of a longer "… of A and B" name."""
    if tokens.word(at + 1) == "," and _listed_after(tokens, at + 2):
        return _is_name(tokens.word(at))  # "… of State Development, Infrastructure and Planning"
    if tokens.word(at) == "," and tokens.word(at + 2) != ",":
        return _listed_after(tokens, at + 1)  # "… of Agriculture, Livestock and Cooperatives"
    for size in (1, 2):
        if not all(_is_name(tokens.word(i)) for i in range(at, at + size)):
            return False
        if tokens.keys[at + size : at + size + 1] == ["and"] and is_capitalised(
            tokens.word(at + size + 1)
        ):
            return True
    return False


def _generic(tokens: Tokens, hit: Hit) -> bool:
    """A lower-case name after a level word is a description: "the state department of
    health", "a city health department"."""
    written = tokens.raw[hit.start : hit.stop]
    return tokens.word(hit.start - 1) in LEVEL_WORDS and not any(map(is_capitalised, written))


def _inside_place(tokens: Tokens, hit: Hit, gazetteer: Gazetteer) -> bool:
    """A name that begins inside a place's: "the Free State department of …" holds no "State
    Department"."""
    for start in range(max(0, hit.start - 3), hit.start):
        place = gazetteer.places.place_at(tokens, start)
        if place is not None and start + place[0] > hit.start:
            return True
    return False


# Capitalised words after a body's name that make it a street's or an estate's name: "World
# Bank Housing Estate", "Secretariat Road".
STREET_WORDS = frozenset("road street avenue estate layout junction crescent drive lane".split())


def _names_a_street(tokens: Tokens, stop: int) -> bool:
    """Whether the name ending before token `stop` is the first part of a street's or an
    estate's name ("World Bank Housing Estate", "World Bank Road")."""
    following = tokens.keys[stop : stop + 2]
    if following[:1] == ["housing"]:
        following = following[1:]
    return bool(following) and following[0] in STREET_WORDS and is_capitalised(tokens.word(stop))


def _modifies_committee(tokens: Tokens, hit: Hit) -> bool:
    """A chamber before a lower-case committee is not a mention of its own: "the same House
    subcommittee" names no body, "the House ethics committee" is the committee's shape."""
    if tokens.keys[hit.stop - 1] not in CHAMBERS:
        return False
    for position in range(hit.stop, hit.stop + 4):
        word = tokens.word(position)
        if word in COMMITTEE_HEADS:
            return True
        if not (word.isalpha() and word.islower()) or word in NOT_TOPIC_WORDS:
            return False
    return False


def _fitting_place(
    tokens: Tokens, hit: Hit, place: tuple[int, str], options: tuple[int, ...], gazetteer: Gazetteer
) -> tuple[int, ...]:
    """Entries the place written just before the name allows: "UK department of justice" is
    not the U.S. one, "California Department of Justice" is not the federal one; "Beijing's
    ministry" may be China's, and "the Penang MACC office" is Malaysia's commission (an
    acronym after a region of its own country names the national body's local office)."""
    start = hit.start
    possessive = tokens.word(start - 1) in ("'s", "’s")
    region = not gazetteer.places.is_country(tokens.keys[place[0] : start])
    own = possessive or (region and is_all_caps(tokens.raw[start]) and hit.stop - start == 1)
    return tuple(
        i
        for i in options
        if gazetteer.entries[i].country in ("INT", None)
        or (own and gazetteer.entries[i].country == place[1])
    )


# The place that tells one country's bodies of the same name apart: "… (South Africa)".
UNQUALIFIED = re.compile(r"\s*\([^)]*\)$")


def _regional_counterpart(
    tokens: Tokens, hit: Hit, place: tuple[int, str], options: tuple[int, ...], gazetteer: Gazetteer
) -> list[PatternBody]:
    """ "the Eastern Cape department of cooperative governance": a region of the country of a
    national department or ministry written before its name is the region's own department
    ("Eastern Cape Department of Cooperative Governance and Traditional Affairs"), and a city
    before a court another city's bench bears is its own ("Durban Specialised Commercial
    Crimes Court", of the Pretoria one)."""
    start = hit.start
    if tokens.word(start - 1) in ("'s", "’s"):
        return []
    if gazetteer.places.is_country(tokens.keys[place[0] : start]):
        return []
    entries = [gazetteer.entries[i] for i in options]
    national = {
        UNQUALIFIED.sub("", e.name): e.kind
        for e in entries
        if e.country == place[1]
        and e.kind in ("department", "ministry", "court")
        and e.name.split()[0].casefold() == tokens.keys[start]
    }
    if len(national) != 1:
        return []
    (name, kind), region = national.popitem(), " ".join(tokens.raw[place[0] : start])
    return [PatternBody(place[0], hit.stop, f"{region} {name}", place[1], kind)]


def _defines(bodies: list[PatternBody], tokens: Tokens, at: int) -> bool:
    """Whether the acronym at `at` is written in brackets just after one of `bodies`."""
    return tokens.word(at - 1) == "(" and any(body.stop == at - 1 for body in bodies)


def _gazetteer_mentions(
    tokens: Tokens, gazetteer: Gazetteer, counterparts: list[PatternBody]
) -> list[Found]:
    """Gazetteer hits that hold in context, each with its candidate entries; a national
    department named after a region of its country adds the region's own to `counterparts`."""
    found = []
    places = gazetteer.places
    hits = gazetteer.match(tokens)
    foreign = _acronyms_defined_otherwise(tokens, hits)
    for hit in hits:
        level = min(v.level for v in hit.variants)
        variants = [v for v in hit.variants if v.level == level]
        if any(v.acronym for v in variants) and (
            not _acronym_in_context(tokens, hit.start) or bare(tokens.raw[hit.start]) in foreign
        ):
            continue
        region = region_after_hyphen(tokens, hit.stop)
        entry = region and philippine_entry(gazetteer, [v.entry for v in variants])
        if entry:  # "DPWH-CAR", "the Department of … Highways-Cordillera": its regional office
            counterparts.append(office_of(entry, hit.start, region[0], region[1]))
            continue
        if hit.stop - hit.start == 1 and _defines(counterparts, tokens, hit.start):
            continue
        if any(v.single for v in variants) and not _single_in_context(tokens, hit):
            continue
        if _truncated(tokens, hit) or _generic(tokens, hit) or _modifies_committee(tokens, hit):
            continue
        if _goes_on_leftwards(tokens, hit):
            continue
        if _inside_place(tokens, hit, gazetteer) or _names_a_street(tokens, hit.stop):
            continue
        if is_seat(tokens.keys[hit.start : hit.stop]) and means_the_building(
            tokens, hit.start, hit.stop
        ):
            continue
        options = tuple(dict.fromkeys(sorted(v.entry for v in variants)))
        place = None if any(v.prefix for v in variants) else places.place_before(tokens, hit.start)
        if place is not None:
            fitting = _fitting_place(tokens, hit, place, options, gazetteer)
            if not fitting:
                counterparts += _regional_counterpart(tokens, hit, place, options, gazetteer)
                continue
            options = fitting
        source = "acronym" if all(v.acronym for v in variants) else "name"
        own = {v.entry for v in variants if not v.bare}
        needs = frozenset(i for i in options if i not in own)
        found.append(
            Found(hit.start, hit.stop, source=source, options=options, needs_country=needs)
        )
    return found


def _in_force(mentions: list[Found], gazetteer: Gazetteer, day: str | None) -> list[Found]:
    """A name two bodies bore at different times means the one in force on the publication
    day ("INS" in 2001 is the Immigration and Naturalization Service, abolished in 2003)."""
    for mention in mentions:
        current = tuple(i for i in mention.options if gazetteer.entries[i].in_force(day))
        if current:
            mention.options = current
    return mentions


def _in_its_country(
    mentions: list[Found], tokens: Tokens, gazetteer: Gazetteer, home: str | None
) -> list[Found]:
    """Read a name written without its country ("the Constitutional Court") as a body of a
    country the article is about: the publisher's, one it mentions, one whose body it names in
    full, or the bodies known worldwide (INT, EU, US), which English-language news names
    without their country. When no such country fits, several candidates leave the mention
    without a country, and a single foreign one drops it, so a shape may read it instead. A
    lone "House" or "Senate" is the chamber of the one country the article is of or names
    (of several, the publisher's, else the one that bears the name outright; none: dropped;
    no country at all: kept as written)."""
    mentioned = gazetteer.places.countries_in(tokens)
    countries = {home, *WORLDWIDE, *mentioned}
    for mention in mentions:
        if mention.source == "name" and len(mention.options) == 1 and not mention.needs_country:
            countries.add(gazetteer.entries[mention.options[0]].country)
    local = {c for c in (home, *mentioned) if c}
    kept = []
    for mention in mentions:
        party_home = home in CONGRESS_PARTY_HOMES or (not home and local <= CONGRESS_PARTY_HOMES)
        if party_home and local and tokens.keys[mention.start : mention.stop] == ["congress"]:
            continue  # the party
        if _bare_chamber(tokens, mention):
            # "the Senate" is the chamber of the one country the article is of or names ("out
            # of the House" in Chennai is no U.S. chamber); with no country, kept as written
            fitting = tuple(i for i in mention.options if gazetteer.entries[i].country in local)
            if len(fitting) > 1:  # the publisher's, else the one named "Senate" outright
                fitting = tuple(
                    i for i in fitting if gazetteer.entries[i].country == home
                ) or tuple(i for i in fitting if i not in mention.needs_country)
            if len(fitting) == 1 or not local:
                mention.options = fitting or mention.options
                kept.append(mention)
            elif not fitting and _assembly_named(tokens):
                # "Mr Ogola told the House" in a county assembly's story: that assembly
                kept.append(_unresolved(mention, tokens, (), gazetteer))
                mention.options = ()
            continue
        if not mention.needs_country:
            kept.append(mention)
            continue
        # A name some country's body bears without its country is generic: every option,
        # the unqualified ones included, needs its country in the article.
        fitting = tuple(i for i in mention.options if gazetteer.entries[i].country in countries)
        if fitting or len(mention.options) > 1:
            mention.options = fitting or mention.options  # none fits: kept without a country
            kept.append(mention)
    return kept


BARE_CHAMBERS = frozenset({("house",), ("senate",)})


def _assembly_named(tokens: Tokens) -> bool:
    """Whether the text names an assembly ("Nandi County Assembly", "House of Assembly") or
    its members ("MCAs"), whose "House" a lone "House" then is."""
    if tokens.where(ASSEMBLY_MEMBERS):
        return True
    return any(tokens.raw[at] == "Assembly" for at in tokens.where(("assembly",)))


# Members of a county, state or provincial assembly, by their titles' initials.
ASSEMBLY_MEMBERS = ("mca", "mcas", "mla", "mlas", "mpp", "mpps")


# Where a lone "Congress" is a party, not the U.S. chamber: India's (the Indian National
# Congress; "the Congress walked out of the House" in Chandigarh).
CONGRESS_PARTY_HOMES = frozenset({"IN"})


def _bare_chamber(tokens: Tokens, mention: Found) -> bool:
    """Whether a mention is a lone "House" or "Senate"."""
    return tuple(tokens.keys[mention.start : mention.stop]) in BARE_CHAMBERS


def _resolve(
    mentions: list[Found],
    context: list[Found],
    tokens: Tokens,
    gazetteer: Gazetteer,
    home: str | None = None,
) -> list[Found]:
    """Choose each mention's entry and copy its fields; return the mentions kept.

    An ambiguous mention takes the entry the article names unambiguously, else the one of
    the country the article mentions most (ties go to bodies known worldwide: INT, EU, US),
    else, when the article points at no country, the publisher's (`home`). A lone acronym of a national body
    outside the U.S. needs the article to name that body or mention its country ("SARS" the
    epidemic is not South Africa's revenue service).
    """
    named = {m.options[0] for m in mentions if len(m.options) == 1 and m.source == "name"}
    mentioned = gazetteer.places.countries_in(tokens)
    countries = Counter(gazetteer.entries[i].country for i in named)
    countries.update(c.country for c in context if c.country)
    countries.update(mentioned)
    kept = []
    for mention in mentions:
        options = mention.options
        if not options:  # (kept as written: an assembly's "House")
            kept.append(mention)
            continue
        if mention.source == "acronym":
            options = tuple(
                i
                for i in options
                if i in named or gazetteer.entries[i].country in (*WORLDWIDE, *mentioned, home)
            )
            if not options:
                continue
        chosen = next((i for i in options if i in named), None)
        if chosen is None:
            chosen = max(options, key=lambda i: _weight(gazetteer.entries[i].country, countries))
            chosen = _of_a_region_named(chosen, options, tokens, gazetteer)
            if len(options) > 1 and not countries[gazetteer.entries[chosen].country]:
                homes = [i for i in options if gazetteer.entries[i].country == home]
                if len(homes) != 1:
                    kept.append(_unresolved(mention, tokens, options, gazetteer))
                    continue
                chosen = homes[0]  # "the Senate" on a U.S. site, no country named
                mention.source = "home"
        entry = gazetteer.entries[chosen]
        mention.name, mention.country, mention.kind = entry.name, entry.country, entry.kind
        mention.parent, mention.ids = entry.parent, dict(entry.ids)
        kept.append(mention)
    return kept


def _of_a_region_named(
    chosen: int, options: tuple[int, ...], tokens: Tokens, gazetteer: Gazetteer
) -> int:
    """Of several bodies of one country bearing a name ("Court of King's Bench" in Alberta,
    Saskatchewan, Manitoba and New Brunswick), the one whose own name holds the one region
    the article names ("… in Saskatoon, Saskatchewan"); else `chosen`."""
    country = gazetteer.entries[chosen].country
    same = [i for i in options if gazetteer.entries[i].country == country]
    if len(same) < 2:
        return chosen
    regions = gazetteer.places.named_in(tokens)
    placed = [
        i
        for i in same
        if any(f" {region} " in f" {_folded(gazetteer.entries[i].name)} " for region in regions)
    ]
    return placed[0] if len(placed) == 1 else chosen


def _folded(name: str) -> str:
    """A name's folded words joined by spaces."""
    return " ".join(Tokens.of(name).keys)


def _weight(country: str | None, countries: Counter) -> tuple[int, int]:
    """How strongly the article points at a body of `country`: its mentions, then reach."""
    return countries[country], len(WORLDWIDE) - WORLDWIDE.index(
        country
    ) if country in WORLDWIDE else 0


def _unresolved(
    mention: Found, tokens: Tokens, options: tuple[int, ...], gazetteer: Gazetteer
) -> Found:
    """A name several countries' bodies bear, in an article that names none of the countries:
    the body is kept under the name written, without a country."""
    kinds = {gazetteer.entries[i].kind for i in options}
    start, end = tokens.span(mention.start, mention.stop)
    words = tokens.text[start:end].split()  # as written: "general's" is one word
    mention.name = " ".join(
        w if is_capitalised(w) or w in STOPWORDS else w[0].upper() + w[1:] for w in words
    )
    mention.kind = kinds.pop() if len(kinds) == 1 else "other"
    mention.source = "unresolved"
    return mention


def _choose(candidates: Iterable[Found], taken: list[Found]) -> list[Found]:
    """Add candidates that overlap nothing already taken: longest first, and of two equal
    spans the gazetteer's ("Washington State Department of Health" is longer than the
    "Department of Health" inside it, and is another body)."""
    candidates = list(candidates)
    named = [f for f in candidates if f.source == "name"]
    ordered = sorted(candidates, key=lambda f: (f.start - f.stop, f.source == "pattern", f.start))
    for candidate in ordered:
        if (
            candidate.source == "pattern"
            and " and " in candidate.name
            and any(n.start < candidate.start < n.stop < candidate.stop for n in named)
        ):
            continue  # a shape starting inside a known name joins it to the next: "(Department
            # of Internal) Affairs and Waka Kotahi NZ Transport Agency"
        if all(candidate.stop <= t.start or candidate.start >= t.stop for t in taken):
            taken.append(candidate)
    return taken


def _initials(tokens: Tokens, found: Found) -> set[str]:
    """Acronyms a full name implies: 'California Public Utilities Commission' → CPUC, PUC."""
    words = [w for w in tokens.raw[found.start : found.stop] if w not in ("'s", "’s")]
    capitals = [w for w in words if w.casefold() not in STOPWORDS and is_capitalised(w)]
    if len(capitals) < 3 or len(capitals) != len(
        [w for w in words if w.casefold() not in STOPWORDS]
    ):
        return set()
    letters = "".join(w[0] for w in capitals)
    found = {letters, letters[1:]} if len(letters) > 3 else {letters}
    if "State" in capitals[1:]:  # "New York State Attorney General" → NYAG too
        found.add("".join(w[0] for w in capitals if w != "State"))
    if "of" in words:  # "Illinois Department of Transportation" → IDOT too
        found.add("".join(w[0].upper() for w in words if w == "of" or w in capitals))
    keys = [w.casefold() for w in words]
    for kind, letters in KIND_INITIALS.items():
        if any(tuple(keys[i : i + len(kind)]) == kind for i in range(len(keys))):
            found.add(letters)
    return found


# The kind of a local body standing for the whole, as Indian papers shorten "Municipal
# Corporation Ludhiana" or "the Ludhiana Municipal Corporation" to "the MC".
KIND_INITIALS = {("municipal", "corporation"): "MC"}


def _acronym_case(letters: str) -> bool:
    """An acronym as the article wrote it in brackets: title case ("Pac", British style) or
    capitals around lower-case letters ("NCoS", "DfE")."""
    return letters.isalpha() and (letters[1:].islower() or sum(map(str.isupper, letters)) >= 2)


def _letters_of(letters: str, tokens: Tokens, found: Found) -> bool:
    """Whether an acronym written in title case takes its letters, in order, from the name
    it follows ("Pac", "Cogta"; not "Urban" after "Uttar Pradesh Jal Nigam")."""
    name = iter("".join(tokens.keys[found.start : found.stop]))
    return all(letter in name for letter in letters.lower())


def _local_acronyms(tokens: Tokens, chosen: list[Found], initial: bool = False) -> list[Found]:
    """Acronyms the article defines "(WHO)" or implies by a full name, where they stand; with
    `initial`, a bracketed one only when it starts as the name does ("the Municipal Corporation
    (MC)", not "Members of the County Assembly (MCAs)": the members)."""
    defined: dict[str, Found] = {}
    written: set[str] = set()  # defined in brackets: "(Pac)" in title case as British papers do
    for found in chosen:  # (a name several countries' bodies bear too: its acronym is it)
        if found.source not in ("name", "pattern", "unit", "unresolved", "home"):
            continue
        for letters in _initials(tokens, found):
            defined.setdefault(letters, found)
        letters = bare(tokens.word(found.stop + 1))
        if tokens.word(found.stop) == "(" and tokens.word(found.stop + 2) == ")":
            if initial and letters[:1] != tokens.raw[found.start][:1]:
                continue
            if not is_all_caps(letters.replace("&", "")) and not _letters_of(
                letters, tokens, found
            ):
                continue  # "Uttar Pradesh Jal Nigam (Urban)": a word, not its acronym
            defined[letters] = found
            written.add(letters)
    extra: list[Found] = []
    if not defined:
        return extra
    undotted = map(methodcaller("replace", ".", ""), tokens.raw)  # bare() of every token
    for position in compress(range(len(tokens.raw)), map(defined.__contains__, undotted)):
        word = tokens.raw[position]
        if not word[:1].isupper():
            continue
        owner = defined.get(bare(word))
        spelled = is_all_caps(word.replace("&", "")) or (
            bare(word) in written and _acronym_case(bare(word))
        )  # ("FSC&RD" as written)
        if owner and spelled and _acronym_in_context(tokens, position):
            extra.append(_naming(owner, position, position + 1, "local"))
    return extra


# "Treasury yields", "Treasury bonds": the securities, not the department.
SECURITIES = frozenset(
    "yield yields bond bonds note notes bill bills securities market markets prices futures".split()
)


def _security(tokens: Tokens, found: Found) -> bool:
    """Whether a "Treasury" mention names government debt rather than the department."""
    following = tokens.keys[found.stop : found.stop + 1]
    return (
        tokens.keys[found.stop - 1] == "treasury" and bool(following) and following[0] in SECURITIES
    )


def _call_sign(tokens: Tokens, found: Found) -> bool:
    """Whether a force's name is part of an aircraft's call sign ("Air Force One", "Marine
    One"): the aircraft, not the body (a thing, like a building, is no institution)."""
    return tokens.word(found.stop) in ("One", "Two")


CHAMBERS = ("house", "senate")
COMMITTEE_HEADS = ("committee", "subcommittee")


def _chamber_short_forms(tokens: Tokens, chosen: list[Found]) -> list[Found]:
    """Later mentions of a chamber's committee without the chamber: "the House Intelligence
    Committee … told the Intelligence Committee" (the latest such body named before it)."""
    owners: dict[tuple[str, ...], list[Found]] = {}
    for found in chosen:
        keys = tuple(tokens.keys[found.start : found.stop])
        if len(keys) >= 3 and keys[0] in CHAMBERS and keys[-1] in COMMITTEE_HEADS:
            owners.setdefault(keys[1:], []).append(found)

    def fits(position: int, stop: int) -> bool:
        return is_capitalised(tokens.raw[position]) and tokens.keys[position - 1] not in CHAMBERS

    return _later_mentions(later_forms(tokens, owners, fits))


def _later_mentions(found: Iterable[tuple[int, int, Found]]) -> list[Found]:
    """Mentions at (start, stop) of a body named before, as later forms find them."""
    return [_naming(body, start, stop, "local") for start, stop, body in found]


# The words a legislature named an "Assembly" ("Trans Nzoia County Assembly", "Enugu State
# House of Assembly") goes by later: "told the House", "Members of the Assembly".
ASSEMBLY_SHORT_FORMS = frozenset({"assembly", "house"})


def _state_assembly(found: Found) -> Found:
    """An Indian state's legislature ("Karnataka Legislature") as its Assembly, which "the
    Assembly" and "the House" mean in its reports; any other body as it is."""
    if found.country == "IN" and found.name.endswith(" Legislature"):
        return replace(found, name=found.name.removesuffix("Legislature") + "Legislative Assembly")
    return found


def _assembly_short_forms(tokens: Tokens, chosen: list[Found]) -> list[Found]:
    """A capitalised "the Assembly" or "the House" alone, after a legislature named an
    Assembly: the latest such legislature named before it (for "the House", not a U.S.
    state's General Assembly, whose House is one of its two chambers)."""
    assemblies = [
        _state_assembly(f)
        for f in chosen
        if f.kind == "legislature"  # (not a Ghanaian district's: a local authority)
        and ("Assembly" in f.name.split() or _state_assembly(f) is not f)
        and not any(k in COMMITTEE_HEADS for k in tokens.keys[f.start : f.stop])
    ]
    if not assemblies:
        return []
    extra = []
    for position in tokens.where(ASSEMBLY_SHORT_FORMS):
        following = tokens.word(position + 1)
        if (
            tokens.keys[position - 1 : position] not in (["the"], ["this"])  # ("this House")
            or not is_capitalised(tokens.raw[position])
            or (is_capitalised(following) and following.isalpha())  # "the House Speaker"
            or tokens.keys[position + 1 : position + 2] == ["of"]
        ):
            continue
        before = [f for f in assemblies if f.stop <= position]
        if tokens.keys[position] == "house":  # a General Assembly's "House" is its chamber
            before = [f for f in before if "General" not in f.name.split()]
        if before:
            extra.append(
                _naming(max(before, key=lambda f: f.start), position, position + 1, "local")
            )
    return extra


def _chamber_back_references(tokens: Tokens, chosen: list[Found]) -> list[Found]:
    """ "the House Committee" after a committee of that chamber is named refers back to the
    latest one: "the House Select Committee on Intelligence … the powerful House Committee"."""
    extra: list[Found] = []
    for position in tokens.where(CHAMBER_NAMES):
        head = position + 1
        if tokens.keys[head : head + 1] not in ([h] for h in COMMITTEE_HEADS):
            continue
        if not (is_capitalised(tokens.raw[position]) and is_capitalised(tokens.raw[head])):
            continue
        if is_capitalised(tokens.word(head + 1)) and tokens.word(head + 1).isalpha():
            continue  # a longer name: "House Committee Chairman"
        chambers = set(CHAMBER_NAMES[tokens.keys[position]].values())
        earlier = [
            f
            for f in chosen
            if f.stop <= position
            and f.parent in chambers
            and any(k in COMMITTEE_HEADS for k in tokens.keys[f.start : f.stop])
        ]
        if earlier:
            owner = max(earlier, key=lambda f: f.start)
            extra.append(replace(owner, start=position, stop=head + 1, source="local"))
    return extra


def _link_of(tokens: Tokens, chosen: list[Found]) -> None:
    """'X of (the) Y' or "Y's X" with both bodies named: Y is X's parent."""
    by_start = {f.start: f for f in chosen}
    by_stop = {f.stop: f for f in chosen}
    for found in chosen:
        if tokens.word(found.start - 1) in ("'s", "’s") and found.source == "pattern":
            owner = by_stop.get(found.start - 1)
            if owner is not None:
                found.parent = owner.name
        elif found.source == "pattern" and tokens.keys[found.start] == "office":
            owner = by_stop.get(found.start)  # "DHS Office of Inspector General"
            if owner is not None:
                found.parent = owner.name
        if tokens.keys[found.stop : found.stop + 1] != ["of"]:
            continue
        after = found.stop + 1 + (tokens.keys[found.stop + 1 : found.stop + 2] == ["the"])
        owner = by_start.get(after)
        if owner is not None and owner is not found:
            found.parent = owner.name


def _units(tokens: Tokens, chosen: list[Found]) -> list[Found]:
    """Lower-case units whose owner is named, or referred back to by its head noun."""
    by_start = {f.start: f for f in chosen}
    units = []
    for unit in find_units(tokens):
        if unit.anaphor is None:
            owner = by_start.get(unit.parent_token)
        else:
            earlier = [f for f in chosen if f.stop <= unit.start and f.source != "unit"]
            owner = next(
                (
                    f
                    for f in sorted(earlier, key=lambda f: -f.start)
                    if unit.anaphor in f.name.casefold().split()
                    or f.kind == HEAD_KINDS.get(unit.anaphor)
                ),
                None,
            )
        if owner is not None:
            units.append(
                Found(
                    unit.start,
                    unit.stop,
                    unit.name,
                    owner.country,
                    unit.kind,
                    owner.name,
                    source="unit",
                )
            )
    return units


def _coordinated(tokens: Tokens, gazetteer: Gazetteer) -> list[tuple[Found, Found]]:
    """Two bodies behind coordinated places ("the Russian and Syrian defense ministries"),
    each named as its singular phrase alone would be ("Russian defense ministry")."""
    pairs = []
    for found in find_coordinated(tokens, gazetteer.places):
        bodies = []
        for phrase in found.phrases:
            words = Tokens.of(phrase)
            alone = find_agencies(words, gazetteer)
            if len(alone) == 1 and (alone[0].start, alone[0].stop) == (0, len(words)):
                bodies.append(alone[0])
        if len(bodies) == 2:
            first = replace(bodies[0], start=found.start, stop=found.stop)
            pairs.append((first, replace(bodies[1], start=found.second, stop=found.stop)))
    return pairs


def _official_committee(keys: list[str]) -> bool:
    """A committee in its official "Committee on X" form, whose name includes the chamber
    ("House Select Committee on Intelligence", "Senate Committee on Finance")."""
    return any(head in COMMITTEE_HEADS and after == "on" for head, after in pairwise(keys))


def _split_owners(tokens: Tokens, chosen: list[Found], gazetteer: Gazetteer) -> list[Found]:
    """A body written after its owner's name is two mentions, as the gold sets mark them:
    "Senate Judiciary Committee" → "Senate" (U.S. Senate) and "Judiciary Committee"; "UN
    Security Council" → "UN" and "Security Council". Only where the rest names the body by
    itself (a committee, or another spelling of the same body: not "UN Women"), and not a
    committee's official "Committee on X" name. Each mention split is shortened in place;
    the owners' mentions are returned."""
    owners = []
    for found in chosen:
        if not found.parent or found.source not in ("name", "pattern"):
            continue
        for stop, names in gazetteer.names_at(tokens, found.start, found.stop - 2):
            rest = tokens.keys[stop : found.stop]
            if found.parent not in names or not is_capitalised(tokens.raw[stop]):
                continue
            if _official_committee(rest):
                break
            if not any(head in rest for head in COMMITTEE_HEADS) and not any(
                end == found.stop and found.name in spelt
                for end, spelt in gazetteer.names_at(tokens, stop, found.stop)
            ):
                continue
            owner = gazetteer.by_name[found.parent]
            owners.append(_naming(owner, found.start, stop, found.source))
            found.start = stop
            break
    return owners


def _as_found(bodies: Iterable[Any], source: str = "pattern") -> list[Found]:
    """Bodies found by a shape (`PatternBody`-like), as mentions of the given source."""
    return [
        Found(b.start, b.stop, b.name, b.country, b.kind, b.parent, source=source) for b in bodies
    ]


def find_agencies(
    tokens: Tokens,
    gazetteer: Gazetteer | None = None,
    home: str | None = None,
    day: str | None = None,
) -> list[Found]:
    """Every agency mention in a tokenised text, in text order; `home` is the publisher's
    country and `day` the publication day (ISO), when known."""
    gazetteer = gazetteer or default_gazetteer()
    counterparts: list[PatternBody] = []
    mentions = _in_force(_gazetteer_mentions(tokens, gazetteer, counterparts), gazetteer, day)
    mentions = _in_its_country(mentions, tokens, gazetteer, home)
    shapes = [
        *find_named(tokens, gazetteer.places),
        *find_defined(tokens, gazetteer.places),
        *find_garda_stations(tokens),
        *find_level_offices(tokens),
        *find_local(tokens, gazetteer.places),
        *find_state_bodies(tokens),
        *find_prosecutors(tokens),
        *find_federal_courts(tokens),
        *find_chamber_officers(tokens, gazetteer.places),
        *find_place_bodies(tokens, gazetteer.places, home),
        *find_missions(tokens, gazetteer.places),
        *find_militaries(tokens, gazetteer.places, gazetteer),
        *find_numbered_offices(tokens, gazetteer),
        *counterparts,
    ]
    starts = {m.start for m in mentions}
    founds = _as_found(shapes)
    committees = _as_found(find_committees(tokens, gazetteer.places, home))
    # a committee named by its subject alone yields to any known name or later mention
    subject_committees = [
        found for found in _as_found(find_subject_committees(tokens)) if found.start not in starts
    ]
    # a known name is not extended rightwards by a shape, but a chamber's committee is
    # another body ("the House of Representatives Committee on Public Accounts")
    extending = _as_found(find_nhs_bodies(tokens))  # (a known name's longer body)
    patterns = [f for f in founds if f.start not in starts] + committees + extending
    founds += committees + extending
    shaped = {f.start: f for f in reversed(founds)}  # the first shape at each start
    mentions = [
        # a name several countries' bodies bear yields to a shape that places it ("the
        # attorney general's office" in an article about Alabama)
        shaped.get(m.start, m) if m.source in ("unresolved", "home") else m
        for m in _resolve(mentions, patterns, tokens, gazetteer, home)
        if not _security(tokens, m) and not _call_sign(tokens, m)
    ]
    pairs = _coordinated(tokens, gazetteer)
    chosen = _choose([*mentions, *patterns, *(first for first, _ in pairs)], [])
    chosen += [second for first, second in pairs if any(first is c for c in chosen)]
    _choose(_local_acronyms(tokens, chosen), chosen)
    taken = {id(f) for f in chosen}
    _choose(_chamber_short_forms(tokens, chosen), chosen)
    _choose(_chamber_back_references(tokens, chosen), chosen)
    short_forms = _assembly_short_forms(tokens, chosen)
    spans = {(f.start, f.stop) for f in short_forms}  # (over a lone "House" read as a chamber)
    chosen = [f for f in chosen if (f.start, f.stop) not in spans]
    _choose(short_forms, chosen)
    _choose(_later_mentions(find_shortened(tokens, chosen)), chosen)
    _choose(_later_mentions(find_remit_forms(tokens, chosen)), chosen)
    _choose(_later_mentions(find_place_dropped_forms(tokens, chosen)), chosen)
    _choose(subject_committees, chosen)
    _choose([_level_head(tokens, *found) for found in find_level_heads(tokens, chosen)], chosen)
    units = _as_found(
        (*find_units_of(tokens, chosen), *find_described_units(tokens, chosen)), "unit"
    )
    _choose(units, chosen)
    named_later = [f for f in chosen if id(f) not in taken]
    if named_later:  # "the Horticultural Crops Directorate (HCD), a unit of the AFA", "the
        # Municipal Corporation (MC), Ludhiana": their acronyms too
        _choose(_local_acronyms(tokens, named_later, initial=True), chosen)
    _link_of(tokens, chosen)
    _choose(_units(tokens, chosen), chosen)
    chosen += _split_owners(tokens, chosen, gazetteer)
    _court_divisions(tokens, chosen, gazetteer.places)
    _numbered_regions(tokens, chosen)
    chosen = [f for f in chosen if not _short_name_alone(tokens, f, chosen)]
    return sorted(chosen, key=lambda f: f.start)


# Everyday words that are also a body's short name in its country's press: "Revenue" for
# Ireland's Revenue Commissioners ("Revenue said it does not comment").
EVERYDAY_SHORT_NAMES = frozenset({"revenue"})


def _short_name_alone(tokens: Tokens, found: Found, chosen: list[Found]) -> bool:
    """Whether a mention is such an everyday word in an article that never names the body in
    full ("Revenue rose 5 per cent" in a company's results is no body)."""
    if found.stop - found.start != 1 or tokens.keys[found.start] not in EVERYDAY_SHORT_NAMES:
        return False
    return not any(other.name == found.name and other.stop - other.start > 1 for other in chosen)


def _level_head(tokens: Tokens, start: int, stop: int, body: Found | None) -> Found:
    """ "the County Assembly": the body named before it so, else the body as written."""
    if body is not None:
        return _naming(body, start, stop, "local")
    name = " ".join(tokens.raw[start:stop])
    kind = "legislature" if tokens.keys[stop - 1] == "assembly" else "other"
    return Found(start, stop, name, None, kind, source="pattern")


# A region's number after "Region": "EPA Region 10", "FEMA Region 6", "DENR Region VII".
REGION_NUMBER = re.compile(r"\d{1,2}|[IVX]{1,4}")


def _numbered_regions(tokens: Tokens, chosen: list[Found]) -> None:
    """A body's regional office written after its name ("an EPA Region 10 spokesperson"): the
    mention takes in the region, which its name then ends with."""
    for found in chosen:
        number = tokens.word(found.stop + 1)
        if tokens.word(found.stop) != "Region" or not REGION_NUMBER.fullmatch(number):
            continue
        region = NUMBERED.get(ROMAN.get(number.lower(), number))
        if found.country == "PH" and region:  # (as the Philippine offices are named)
            found.name = f"{found.name} - {region}"
        else:
            found.name = f"{found.name} Region {number}"
        found.stop += 2


MAX_DIVISION_WORDS = 3
# What may follow a court's seat set off by commas: the closing comma or the sentence's end.
SEAT_ENDS = frozenset({",", ".", ";", ")"})


def _court_divisions(tokens: Tokens, chosen: list[Found], places: Places) -> None:
    """A court's division or seat set off after its name ("the Court of Appeal, Sokoto
    Division", "the High Court, Kumasi,", West African usage) is the body meant: "Court of
    Appeal of Nigeria, Sokoto Division", "High Court of Ghana, Kumasi" (the mention stays the
    court's name, the division or town being written as an aside)."""
    for found in chosen:
        if found.kind != "court" or tokens.word(found.stop) != ",":
            continue
        first = found.stop + 1
        stop = name_end(tokens, first, MAX_DIVISION_WORDS)
        if stop <= first or tokens.crosses_paragraph(found.start, stop):
            continue
        seat = places.place_at(tokens, first)
        town = (
            seat is not None
            and first + seat[0] == stop
            and seat[1] == found.country
            and tokens.word(stop) in SEAT_ENDS
        )
        if tokens.raw[stop - 1] == "Division" or town:
            found.name = f"{found.name}, {' '.join(tokens.raw[first:stop])}"


def _annotation(text: str, tokens_span: tuple[int, int], found: Found) -> Annotation:
    start, end = tokens_span
    fields: dict[str, Any] = {
        "name": found.name,
        "country": found.country,
        "kind": found.kind,
        "parent": found.parent,
    }
    if found.ids:
        fields["ids"] = dict(found.ids)
    return Annotation(
        type="agency",
        start=start,
        end=end,
        text=text[start:end],
        confidence=CONFIDENCE[found.source],
        fields=fields,
    )


class AgenciesAnnotator:
    """Marks named government bodies: gazetteer names, acronyms and shape-found bodies."""

    name = "agencies"
    types = ("agency",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    def annotate(self, document: Document, context: Any = None) -> list[Annotation]:
        """The agency annotations of `document.text`, in text order."""
        text = document.text
        tokens = Tokens.of(text)
        published = publication_day(document.published, document.url)
        day = published.isoformat() if published else None
        return [
            _annotation(text, tokens.span(f.start, f.stop), f)
            for f in find_agencies(tokens, self._gazetteer, publisher_country(document), day)
        ]


@hookimpl
def register_annotators(register: Any) -> None:
    """Register the built-in `agencies` annotator."""
    register(AgenciesAnnotator())
