"""Local law-enforcement bodies and courts, mostly named by their place, found by shape.

- a town's police: "Forest Hill police officers", "Spokane Police said" → Forest Hill
  Police Department (a country's police, "British police", names no one body and is left out),
  or abbreviated: "Fort Worth P.D.", "Fort Worth PD";
- a county sheriff's office: "the Orange County, Calif., sheriff's office", "Greene County
  Sheriff's Office" → Orange County Sheriff's Office;
- courts named by their place: "Westminster Magistrate's Court" → Westminster Magistrates'
  Court, "Southwark Crown Court";
- a Nigerian state's police command, in an article about Nigeria: "the Federal Capital
  Territory Command", "Lagos State Police Command" → Nigeria Police Force … Command;
- task forces and teams named for law-enforcement work: "the Joint Narcotics Enforcement
  Team", "the Joint Terrorism Task Force" (not "the Coronavirus Task Force");
- a U.S. county's trial courts: "Spokane County Superior Court", "Cook County Circuit Court";
- local councils named by their place and kind: "Spokane City Council", "Galway County
  Council", "Taupō District Council", "Kestermoor Borough Council", and U.S. county boards:
  "DeKalb County Board of Commissioners";
- development authorities named by their city or region: "Lucknow Development Authority",
  and bodies named by their place and a distinctive kind: "Tamil Nadu Pollution Control
  Board", "Glasgow City Health and Social Care Partnership";
- a municipality named "City of <Place>": "The City of Kigali said" (not "in the City of …");
- in an article about Nigeria, a body's zonal command ("the EFCC's Enugu Zonal Command") and a
  state's legislature ("Enugu State House of Assembly").
"""

from __future__ import annotations

from .gazetteer import Places
from .offices import head_word, name_end
from .patterns import PatternBody
from .states import STATES
from .tokens import Tokens, bare, is_all_caps, is_capitalised

MAX_PLACE_WORDS = 3
POSSESSIVE = ("'s", "’s")
# Capitalised words before "police" that say what kind of police, not where.
KIND_WORDS = frozenset(
    """military riot secret state federal national local traffic border transit religious
    morality municipal city county regional provincial metropolitan tourist railway river
    mounted special armed judicial civil criminal royal imperial capitol campus university
    school park port airport assistant deputy chief""".split()
)
# Capitalised (sentence-opening) words before "police" that count officers, not name a town:
# "Three police officers were hurt".
COUNT_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve twenty dozens hundreds
    thousands several many some most all few more other both no""".split()
)
POLICE_HEADS = frozenset({"department", "force", "service"})
# Posts named after a town's police: "Belagavi City Police Commissioner K Tyagarajan".
POLICE_TITLES = frozenset(
    """Commissioner Chief Superintendent Spokesperson Spokesman Spokeswoman Captain Capt
    Sergeant Sgt Lieutenant Lt Detective Det Inspector Insp Constable Const Corporal Cpl
    Officer Commander Cmdr Deputy""".split()
)
POLICE, COURT = frozenset({"police", "pd", "rcmp"}), frozenset({"court"})
# A town's police written short: "Fort Worth PD", "Prince George RCMP" (a detachment).
POLICE_ABBREVIATIONS = frozenset({"PD", "RCMP"})
COUNCIL, BOARD, CORPORATION, ASSEMBLY = (
    frozenset({"council"}),
    frozenset({"board"}),
    frozenset({"corporation"}),
    frozenset({"assembly"}),
)
COUNTY, COMMISSIONERS = frozenset({"county"}), frozenset({"commissioners"})
GOVERNMENT = frozenset({"government"})  # ("Kirinyaga County Government": a Kenyan county's)
# A Louisiana parish is its county: "Calcasieu Parish School Board", "… Parish Police Jury"
# (the parish's governing body).
PARISH, JURY, POLICE_KIND = frozenset({"parish"}), frozenset({"jury"}), frozenset({"police"})
DISTRICT, SCHOOL = frozenset({"district"}), frozenset({"school"})
SCHOOLS, PUBLIC = frozenset({"schools"}), frozenset({"public"})
# "<Place> Combined Authority" (England's groups of councils) and "<Place> County Executive
# Committee" (a Kenyan county's cabinet).
AUTHORITY, COMMITTEE = frozenset({"authority"}), frozenset({"committee"})
# "<Place> County (Metropolitan, Municipal, District) Assembly": a local legislature or
# authority (Kenya's county assemblies, Ghana's metropolitan and municipal assemblies).
ASSEMBLY_KINDS = frozenset({"county", "metropolitan", "municipal", "district"})
# County offices named by their head's post: "Orange County sheriff's office", "Union County
# Prosecutor's Office", "Yellowstone County Treasurer's office" (the word, and the kind).
COUNTY_OFFICES = {"sheriff": ("Sheriff's", "police"), "prosecutor": ("Prosecutor's", "other")} | {
    post: (f"{post.title()}'s", "other")
    for post in ("treasurer", "assessor", "auditor", "attorney", "coroner", "recorder", "clerk")
}
STATE_NAMES = frozenset(STATES)
COURT_COUNTRIES = ("GB", "AU", "NZ", "ZA", "HK", "IE", "KE")
COMMAND = frozenset({"command"})
NIGERIA_POLICE = "Nigeria Police Force"
_NIGERIAN_STATES = """Abia Adamawa Akwa_Ibom Anambra Bauchi Bayelsa Benue Borno Cross_River Delta
Ebonyi Edo Ekiti Enugu Gombe Imo Jigawa Kaduna Kano Katsina Kebbi Kogi Kwara Lagos Nasarawa
Niger Ogun Ondo Osun Oyo Plateau Rivers Sokoto Taraba Yobe Zamfara Federal_Capital_Territory
FCT"""
STATES_NG = frozenset(tuple(s.casefold().split("_")) for s in _NIGERIAN_STATES.split())
FCT = ["federal", "capital", "territory"]
TEAM_HEADS = frozenset({"team", "force", "taskforce"})
MAX_TEAM_WORDS = 5
# A team or task force is a law-enforcement body when one of these words names its work.
ENFORCEMENT_WORDS = frozenset(
    """narcotics drug drugs enforcement gang gangs terrorism counterterrorism fugitive
    fugitives homicide trafficking swat crime crimes fraud""".split()
)


def _place_start(tokens: Tokens, at: int, most: int = MAX_PLACE_WORDS) -> int:
    """Where up to `most` capitalised name words ending before token `at` start (== at if
    none), on its own line ("… at Salt Ayre" ending the paragraph before is no part of it)."""
    start, words = at, 0
    while start > 0 and words < most:
        if _abbreviated_word(tokens, start - 1):
            start -= 2  # "Sault Ste. Marie", "St. Catharines": the dot is the word's
            words += 1
            continue
        if not head_word(tokens, start - 1):
            break
        if "\n" in tokens.text[tokens.ends[start - 1] : tokens.starts[start]]:
            break
        start -= 1
        words += 1
    return start


def written(tokens: Tokens, start: int, stop: int) -> str:
    """Tokens start..stop-1 as the text writes them ("Sault Ste. Marie"), spaces made single."""
    return " ".join(tokens.text[tokens.starts[start] : tokens.ends[stop - 1]].split())


# Abbreviated words inside place names, written with a dot: "St. Albert", "Sault Ste. Marie".
PLACE_ABBREVIATIONS = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})


def _abbreviated_word(tokens: Tokens, dot: int) -> bool:
    """Whether token `dot` is the dot of an abbreviation inside a place name ("Ste.") that a
    name word follows."""
    return (
        dot > 0
        and tokens.raw[dot] == "."
        and tokens.raw[dot - 1] in PLACE_ABBREVIATIONS
        and tokens.ends[dot - 1] == tokens.starts[dot]
    )


def _town(tokens: Tokens, places: Places, start: int, at: int, named: bool = False) -> bool:
    """Whether tokens start..at-1 can be a town: not a country, a U.S. state, an adjective
    ("Kurdish", "Amish"), a kind of police ("Riot", "Military") or a count ("Three"); a
    kind after the town's name is part of a service's own name ("Waterloo Regional Police
    Service", when `named`)."""
    words, keys = tokens.raw[start:at], tokens.keys[start:at]
    if len(keys) > 1 and words[-1] == "City":
        keys = keys[:-1]  # "Belagavi City Police": the city's own name before "City"
    if named and keys[0] not in KIND_WORDS:
        keys = [k for k in keys if k not in KIND_WORDS]
    if any(k in KIND_WORDS for k in keys) or all(k in COUNT_WORDS for k in keys):
        return False
    if " ".join(words) in STATE_NAMES or places.is_country(keys):
        return False
    return not (len(words) == 1 and words[0].endswith(("ish", "ese", "ian")))


def _town_police(tokens: Tokens, places: Places) -> list[PatternBody]:
    """'<Town> police' (or 'Police') followed by a lower-case word or punctuation ("police
    officers", "Spokane Police said"), and
    '<Town> PD' or 'P.D.' (the police department's abbreviation) followed by anything."""
    found = []
    for head in tokens.where(POLICE):
        abbreviated = bare(tokens.raw[head]) in POLICE_ABBREVIATIONS
        if tokens.raw[head] not in ("police", "Police") and not abbreviated:
            continue
        start = _place_start(tokens, head)
        after = tokens.word(head + 1)
        named = after in ("Service", "Force")
        if start == head or not _town(tokens, places, start, head, named):
            continue
        # "Brandon Police Service", "Belagavi City Police Commissioner K Tyagarajan"
        named_on = after.lower() in POLICE_HEADS or after in POLICE_TITLES
        if after.isalpha() and not after.islower() and not abbreviated and not named_on:
            continue
        stop = head + 2 if after.lower() in POLICE_HEADS and not abbreviated else head + 1
        if tokens.crosses_paragraph(start, stop):
            continue
        place = places.place_at(tokens, start)
        country = place[1] if place and place[0] == head - start else None
        suffix = "Police Department" if country in (None, "US") else "Police"
        if after in ("Service", "Force"):
            suffix = "Police " + after  # (its own name: "Brandon Police Service")
        if tokens.raw[head] == "RCMP":
            suffix = "RCMP"
        name = f"{written(tokens, start, head)} {suffix}"
        found.append(PatternBody(start, stop, name, country, "police"))
    return found


def _county_offices(tokens: Tokens) -> list[PatternBody]:
    """'<Name> County[, <State>,] sheriff's (prosecutor's, treasurer's, attorney's …)
    office|department', either case."""
    found = []
    for head in tokens.where(COUNTY_OFFICES):
        if tokens.word(head + 1) not in POSSESSIVE:
            continue
        if tokens.keys[head + 2 : head + 3] not in (["office"], ["department"]):
            continue
        county = head - 1
        if tokens.word(county) == ",":  # "Orange County, Calif., sheriff's office"
            commas = [p for p in range(max(head - 5, 0), head - 1) if tokens.raw[p] == ","]
            county = commas[0] - 1 if commas else county
        if tokens.keys[county : county + 1] != ["county"] or not is_capitalised(tokens.raw[county]):
            continue
        start = _place_start(tokens, county)
        if start == county or tokens.crosses_paragraph(start, head + 3):
            continue
        office = tokens.raw[head + 2].title()
        post, kind = COUNTY_OFFICES[tokens.keys[head]]
        name = " ".join([*tokens.raw[start : county + 1], post, office])
        found.append(PatternBody(start, head + 3, name, "US", kind))
    return found


def _place_courts(tokens: Tokens, places: Places, home: str | None) -> list[PatternBody]:
    """'<Place> Magistrates' Court' (any spelling of the apostrophe), '<Place> Crown Court',
    (Scotland's) '<Place> Sheriff Court', (South Africa's) '<Place> Regional Court' and, where
    the article names a Commonwealth country or is published in one, '<Place> District
    Court' and (Ireland's) '<Place> Circuit (Criminal) Court'; '<Place> High Court'
    anywhere, in its place's country."""
    found = []
    countries: set[str | None] | None = None
    for head in tokens.where(COURT):
        if not is_capitalised(tokens.raw[head]):
            continue
        at = head - 1
        if tokens.word(at) in ("'", "’", *POSSESSIVE):
            at -= 1
        if tokens.keys[at - 1 : at + 1] == ["circuit", "criminal"]:
            at -= 1  # Ireland's "Tralee Circuit Criminal Court": its Circuit Court sitting
        if tokens.keys[at : at + 1] not in (
            ["magistrate"],
            ["magistrates"],
            ["crown"],
            ["regional"],
            ["sheriff"],
            ["district"],
            ["circuit"],
            ["high"],
        ):
            continue
        if not is_capitalised(tokens.raw[at]) or tokens.keys[at - 1 : at + 1] == ["state", "high"]:
            continue  # ("<State> State High Court" is a Nigerian state's, read with its state)
        start = _place_start(tokens, at)
        if start == at:
            found.extend(_court_in_place(tokens, at, head))
            continue
        if tokens.crosses_paragraph(start, head + 1):
            continue
        if countries is None:
            countries = {home, *places.countries_in(tokens)}
        country = next((c for c in COURT_COUNTRIES if c in countries), None)
        if country is None and tokens.keys[at] in ("district", "circuit"):
            continue  # "Denver District Court": a U.S. state's court, no Commonwealth one
        kind = {
            "crown": "Crown Court",
            "regional": "Regional Court",
            "sheriff": "Sheriff Court",
            "district": "District Court",
            "circuit": " ".join(tokens.raw[at : head + 1]),
            "high": "High Court",
        }.get(tokens.keys[at], "Magistrates' Court")
        if tokens.keys[at] == "high":  # "Sunyani High Court": a High Court sitting there
            place = places.place_at(tokens, start)
            country = place[1] if place else home
        else:
            country = country or "GB"
        name = " ".join([*tokens.raw[start:at], kind])
        found.append(PatternBody(start, head + 1, name, country, "court"))
    return found


# Courts a reporter names by the place they sit in, after the court: "a Magistrates' Court in
# Ijebu-Ode", "the Crown Court at Preston".
COURTS_IN_PLACES = {
    "magistrate": "Magistrates' Court",
    "magistrates": "Magistrates' Court",
    "crown": "Crown Court",
    "sheriff": "Sheriff Court",
}


def _court_in_place(tokens: Tokens, at: int, head: int) -> list[PatternBody]:
    """A capitalised court of `COURTS_IN_PLACES` (tokens at..head) followed by "in" or "at"
    and a place: that place's court, named "<court>, <place>"."""
    kind = COURTS_IN_PLACES.get(tokens.keys[at])
    if kind is None or tokens.keys[head + 1 : head + 2] not in (["in"], ["at"]):
        return []
    stop = name_end(tokens, head + 2, MAX_PLACE_WORDS)
    if stop == head + 2 or tokens.crosses_paragraph(at, stop):
        return []
    place = " ".join(tokens.raw[head + 2 : stop])
    return [PatternBody(at, head + 1, f"{kind}, {place}", None, "court")]


def _police_commands(tokens: Tokens) -> list[PatternBody]:
    """'<Nigerian state> [State] [Police] Command' (in an article about Nigeria)."""
    found: list[PatternBody] = []
    for head in tokens.where(COMMAND):
        if not is_capitalised(tokens.raw[head]):
            continue
        end = head - 1 if tokens.keys[head - 1 : head] == ["police"] else head
        if tokens.keys[end - 1 : end] == ["state"]:
            end -= 1
        start = _state_start(tokens, end)
        if start is None or not all(map(is_capitalised, tokens.raw[start:head])):
            continue
        if end == head and tokens.keys[start:end] not in (["fct"], FCT):
            continue  # "Niger Command" may be an army's: a state's needs "State" or "Police"
        words = [w for w in tokens.raw[start:head] if w != "Police"]
        name = " ".join([NIGERIA_POLICE, *words, "Command"])
        found.append(PatternBody(start, head + 1, name, "NG", "police", NIGERIA_POLICE))
    return found


def _task_forces(tokens: Tokens) -> list[PatternBody]:
    """'<Cap words> Team|Task Force|Taskforce|Strike Force' with a law-enforcement word
    among them ("Serious Financial Crime Taskforce")."""
    found = []
    for head in tokens.where(TEAM_HEADS):
        if not is_capitalised(tokens.raw[head]):
            continue
        end = head
        if tokens.keys[head] == "force":
            if tokens.keys[head - 1 : head] not in (["task"], ["strike"]):
                continue
            end = head - 1
        start = _place_start(tokens, end, MAX_TEAM_WORDS)
        while start < end and is_all_caps(tokens.raw[start]):
            start += 1  # an owner's acronym is its own mention: "FBI Joint Terrorism Task Force"
        if not ENFORCEMENT_WORDS.intersection(tokens.keys[start:end]):
            continue
        if tokens.crosses_paragraph(start, head + 1):
            continue
        name = " ".join(tokens.raw[start : head + 1])
        found.append(PatternBody(start, head + 1, name, None, "police"))
    return found


# "<Name> County <kind> Court": a U.S. county's trial courts.
COUNTY_COURT_KINDS = frozenset(
    "superior circuit district municipal probate family juvenile chancery quorum".split()
)  # ("Pulaski County Quorum Court": an Arkansas county's legislative body)
# "<Place> <kind> Council": a local authority.
COUNCIL_KINDS = frozenset(
    "city town county borough district municipal shire regional metropolitan metro parish".split()
)
# Kinds of several words: a Nigerian local government area's council ("Jalingo Local
# Government Council"), a Ghanaian region's administration ("Eastern Regional Coordinating
# Council"), an Irish city's and county's joint council ("Waterford City and County Council").
KIND_PHRASES = {
    "council": (("local", "government"), ("regional", "coordinating"), ("city", "and", "county")),
    "district": (("regional", "health"),),
}


def _kind_width(tokens: Tokens, head: int, kinds: frozenset[str]) -> int:
    """How many words before `head` name its kind: one of `kinds`, or a phrase of KIND_PHRASES
    ("Local Government Council"); 0 when none does."""
    for phrase in KIND_PHRASES.get(tokens.keys[head], ()):
        if head >= len(phrase) and tuple(tokens.keys[head - len(phrase) : head]) == phrase:
            return len(phrase)
    return 1 if head > 0 and tokens.keys[head - 1] in kinds else 0


def _place_kind_bodies(
    tokens: Tokens, heads: frozenset[str], kinds: frozenset[str], county: bool
) -> list[tuple[int, int]]:
    """(start, stop) of '<Place> [County] <Kind> <Head>', every word capitalised: the place
    one to three name words, `county` asking for "County" between place and kind."""
    found = []
    for head in tokens.where(heads):
        width = _kind_width(tokens, head, kinds)
        if not width:
            continue
        kind = head - width
        before = kind - 1 if county else kind
        if county and tokens.keys[before : before + 1] not in (["county"], ["parish"]):
            continue
        if not all(
            is_capitalised(tokens.raw[i]) or tokens.keys[i] == "and"
            for i in range(before, head + 1)
        ):
            continue
        start = _place_start(tokens, before)
        while start < before and tokens.keys[start] in COUNCIL_KINDS:
            start += 1  # "County Borough Council" alone names no place
        if start == before or tokens.crosses_paragraph(start, head + 1):
            continue
        found.append((start, head + 1))
    return found


def _county_courts(tokens: Tokens) -> list[PatternBody]:
    """'<Name> County Superior (Circuit, District …) Court': a U.S. county's trial court."""
    return [
        PatternBody(start, stop, " ".join(tokens.raw[start:stop]), "US", "court")
        for start, stop in _place_kind_bodies(tokens, COURT, COUNTY_COURT_KINDS, county=True)
    ]


LOWER_CASE_COUNCILS = ((" city council", " City Council"), (" Metro council", " Metro Council"))
LOWER_CASE_COUNCIL_WORDS = [lower.split() for lower, _upper in LOWER_CASE_COUNCILS]


def _councils(tokens: Tokens, places: Places) -> list[PatternBody]:
    """'<Place> City (County, Borough, District …) Council', '<Place> Municipal (City)
    Corporation', 'County Assembly of <Place>',
    '<Place> Combined Authority', '<Place> County Executive Committee', '<Place> County
    Government': a local authority, in the country of its place when known."""
    found = []
    spans = _place_kind_bodies(tokens, COUNCIL, COUNCIL_KINDS, county=False)
    spans += _place_kind_bodies(tokens, CORPORATION, frozenset({"municipal", "city"}), county=False)
    spans += _place_kind_bodies(tokens, ASSEMBLY, ASSEMBLY_KINDS, county=False)
    spans += _place_kind_bodies(tokens, AUTHORITY, frozenset({"combined"}), county=False)
    spans += _place_kind_bodies(tokens, COMMITTEE, frozenset({"executive"}), county=True)
    spans += _shire_councils(tokens)
    spans += _municipalities(tokens)
    spans += _place_councils(tokens, places)
    spans += _county_assemblies_of(tokens)
    spans += _place_kind_bodies(tokens, GOVERNMENT, COUNTY, county=False)
    spans += _lower_case_city_councils(tokens)
    for start, stop in spans:
        place = places.place_at(tokens, start)
        country = place[1] if place else None
        name = " ".join(tokens.raw[start:stop])
        for lower, upper in LOWER_CASE_COUNCILS:  # "Kelowna city council": Kelowna City Council
            if name.endswith(lower):
                name = name.removesuffix(lower) + upper
        kind = "legislature" if "County Assembly" in name else "other"  # (Kenya's counties')
        found.append(PatternBody(start, stop, name, country, kind))
    return found


MUNICIPALITY = frozenset({"municipality"})
MUNICIPALITY_KINDS = frozenset({"local", "metropolitan", "district"})


def _municipalities(tokens: Tokens) -> list[tuple[int, int]]:
    """(start, stop) of '<Place> [Local, Metropolitan, District] Municipality' ("George
    Municipality", "Emalahleni Local Municipality"): a municipality named by its place."""
    found = _place_kind_bodies(tokens, MUNICIPALITY, MUNICIPALITY_KINDS, county=False)
    for head in tokens.where(MUNICIPALITY):
        if tokens.raw[head] != "Municipality" or tokens.keys[head - 1] in MUNICIPALITY_KINDS:
            continue
        start = _place_start(tokens, head)
        if tokens.keys[start - 2 : start] in (["in", "the"], ["of", "the"]):
            continue  # "at Sokode in the Ho Municipality": the area it governs
        if start < head and not tokens.crosses_paragraph(start, head + 1):
            found.append((start, head + 1))
    return found


def _development_authorities(tokens: Tokens, places: Places) -> list[PatternBody]:
    """'<Name> Development Authority' ("Lucknow Development Authority", "Northern Development
    Authority"): a public body that plans and builds a city or a region, in the country of
    its place when known."""
    found = []
    for head in tokens.where(AUTHORITY):
        development = head - 1
        if tokens.keys[development : development + 1] != ["development"]:
            continue
        if not (is_capitalised(tokens.raw[development]) and is_capitalised(tokens.raw[head])):
            continue
        start = _place_start(tokens, development)
        if start == development or tokens.crosses_paragraph(start, head + 1):
            continue
        place = places.place_at(tokens, start)
        name = " ".join(tokens.raw[start : head + 1])
        found.append(PatternBody(start, head + 1, name, place[1] if place else None, "agency"))
    return found


# Kinds of public body named after their place, by their last words (the place may be left
# out: "the city's Health and Social Care Partnership"; a central bank's "Monetary Policy
# Committee").
PLACE_NAMED_KINDS = (
    ("pollution", "control", "board"),
    ("fire", "and", "rescue", "authority"),
    ("fire", "and", "rescue", "service"),
    ("monetary", "policy", "committee"),
    ("health", "and", "social", "care", "partnership"),
)
# ... and kinds read only with their place before them ("Tacoma Housing Authority",
# "Visakhapatnam Port Authority"; not "the Port Authority Bus Terminal" alone).
PLACED_KINDS = (
    ("housing", "authority"),
    ("port", "authority"),
    ("fire", "authority"),  # "Lancashire Combined Fire Authority"
    ("water", "authority"),  # "Truckee Meadows Water Authority"
    ("fire", "rescue"),  # "Nanaimo Fire Rescue"
    ("fire", "and", "rescue"),  # "Lincolnshire Fire and Rescue" (its service, named short)
    ("regional", "police", "command"),  # Ghana's "Bono Regional Police Command"
    ("zilla", "parishad"),  # India's "Nashik Zilla Parishad", a district council
    ("transportation", "authority"),  # "Chattanooga Area Regional Transportation Authority"
    ("transit", "authority"),
    ("regional", "district"),  # British Columbia's "Thompson-Nicola Regional District"
    ("municipal", "district"),  # Ireland's "Ennis Municipal District"
    ("borough", "district"),  # Ireland's "Clonmel Borough District"
    ("conservation", "authority"),  # Ontario's "Otonabee Region Conservation Authority"
    ("land", "registry"),  # Kenya's "Naivasha Land Registry" (not England's HM Land Registry)
    ("local", "court"),  # New South Wales's "Broken Hill Local Court"
    ("specialised", "commercial", "crime", "court"),  # South Africa's "Durban Specialised …"
    ("provincial", "treasury"),  # South Africa's "North West Provincial Treasury"
    ("divisional", "police", "command"),  # Ghana's "Obuasi Divisional Police Command"
    ("local", "health", "district"),  # New South Wales's "Far West Local Health District"
    ("water", "management", "district"),  # Florida's "Northwest Florida Water Management District"
    ("local", "government"),  # Nigeria's "Ilesa West Local Government" (not its "Area")
    ("agricultural", "produce", "market", "committee"),  # "Lasalgaon Agricultural Produce …"
    ("constabulary",),  # "Lancashire Constabulary", a British police force
    ("local", "municipality"),  # South Africa's "Polokwane Local Municipality"
    ("district", "municipality"),
    ("metropolitan", "municipality"),
    # New Zealand's regional civil-defence groups: "Tairāwhiti Civil Defence Emergency
    # Management Group"
    ("civil", "defence", "emergency", "management", "group"),
    ("industrial", "authority"),  # "Macon-Bibb County Industrial Authority"
    ("jal", "sansthan"),  # Indian states' water bodies: "Uttarakhand Jal Sansthan"
    ("jal", "nigam"),
    ("jal", "board"),  # "Delhi Jal Board"
)
PLACE_NAMED_KINDS += PLACED_KINDS
PLACE_NAMED_LAST = tuple({kind[-1] for kind in PLACE_NAMED_KINDS})


def _place_named_kinds(tokens: Tokens, places: Places) -> list[PatternBody]:
    """'[<Place>] Pollution Control Board', '[<Place>] Health and Social Care Partnership',
    every word capitalised."""
    found = []
    for at in tokens.where(PLACE_NAMED_LAST):
        for kind in PLACE_NAMED_KINDS:
            first = at - len(kind) + 1
            if first < 0 or tuple(tokens.keys[first : at + 1]) != kind:
                continue
            if not all(
                is_capitalised(tokens.raw[i])
                for i in range(first, at + 1)
                if tokens.keys[i] != "and"
            ):
                continue
            start = _place_start(tokens, first)
            if kind in PLACED_KINDS and start == first:
                continue
            if kind == ("local", "government") and (
                tokens.keys[at + 1 : at + 2] == ["area"] or head_word(tokens, at + 1)
            ):
                continue  # "Ilesa West Local Government Area": the area; "Welsh Local
                # Government Association": a longer name
            place = places.place_at(tokens, start) if start < first else None
            name = " ".join(tokens.raw[start : at + 1])
            found.append(PatternBody(start, at + 1, name, place[1] if place else None, "agency"))
    return found


# Heads of a municipality's legal name before "of <Place>": "City of Windhoek", "Corporation
# of Kochi", "Municipality of Anchorage", "Municipal Council of Nakuru".
MUNICIPAL_HEADS = ("city", "corporation", "municipality", "council", "district")
# Words that must open a municipality's name before its head: "Municipal Council of Nakuru",
# "Regional District of Nanaimo" (British Columbia's).
HEAD_LEADS = {
    "council": frozenset({"Municipal", "City", "County", "Town", "District"}),
    "district": frozenset({"Regional"}),
}
# Kind words that may open a municipality's legal name: "Regional Municipality of Durham".
MUNICIPALITY_LEADS = frozenset({"Regional", "Rural", "District", "Specialized"})
# Words of cities' nicknames and titles after "City of", and the City of London (the
# financial district as often as its corporation).
CITY_NICKNAMES = frozenset(
    """gold light lights angels love brotherly dreams sails champions music joy culture
    sanctuary god bridges roses lakes seven hills stars london""".split()
)
# Words before "the City of <Place>" that make it the place, not the municipality.
IN_PLACE_WORDS = frozenset("in across within throughout around near outside inside".split())


PCC = ("police", "and", "crime", "commissioner")


def _crime_commissioners(tokens: Tokens) -> list[PatternBody]:
    """'Police and Crime Commissioner for <Place> [and <Place>]' or '<Place> Police and Crime
    Commissioner' (an English or Welsh police area's elected commissioner, a body of its
    own), named 'Police and Crime Commissioner for <Place>'."""
    found = []
    for at in tokens.where(("commissioner",)):
        first = at - 3
        if first < 0 or tuple(tokens.keys[first : at + 1]) != PCC:
            continue
        if not all(is_capitalised(tokens.raw[i]) for i in (first, first + 2, at)):
            continue
        stop = at + 2 if tokens.keys[at + 1 : at + 2] == ["for"] else at + 1
        while (
            stop > at + 1
            and stop < len(tokens)
            and (
                head_word(tokens, stop)
                or (tokens.keys[stop] == "and" and head_word(tokens, stop + 1))
            )
        ):
            stop += 1
        start = _place_start(tokens, first) if stop == at + 1 else first
        if stop > at + 2:
            found.append(PatternBody(first, stop, " ".join(tokens.raw[first:stop]), "GB", "police"))
        elif start < first:
            place = " ".join(tokens.raw[start:first])
            name = " ".join([*tokens.raw[first : at + 1], "for", place])
            found.append(PatternBody(start, at + 1, name, "GB", "police"))
    return found


def _cities_of(tokens: Tokens, places: Places) -> list[PatternBody]:
    """'City (Corporation, Municipality, Municipal Council) of <Place>' ("The City of Windhoek
    said", "the Corporation of Kochi"): a municipality by its legal name, unless a place
    preposition leads it ("in the City of London") or it ends a longer name."""
    found = []
    for head in tokens.where(MUNICIPAL_HEADS):
        if not tokens.raw[head].istitle() or tokens.keys[head + 1 : head + 2] != ["of"]:
            continue
        leads = HEAD_LEADS.get(tokens.keys[head])
        if leads is not None and tokens.word(head - 1) not in leads:
            continue  # "the Municipal Council of Nakuru", not "the Security Council of …"
        council = leads is not None or (
            tokens.keys[head] == "municipality" and tokens.word(head - 1) in MUNICIPALITY_LEADS
        )  # ("the Regional Municipality of Wood Buffalo": its kind word opens its name)
        place_at = head + 2
        stop = name_end(tokens, place_at, MAX_PLACE_WORDS)
        first = head - council  # (a council's kind word opens its name)
        if stop == place_at or tokens.crosses_paragraph(first, stop):
            continue
        lead = first - 1 if tokens.keys[first - 1 : first] == ["the"] else first
        if tokens.keys[lead - 1 : lead] and (
            tokens.keys[lead - 1] in IN_PLACE_WORDS or head_word(tokens, lead - 1)
        ):
            continue
        if any(key in CITY_NICKNAMES for key in tokens.keys[place_at:stop]):
            continue  # "Johannesburg's City of Gold", "UK City of Culture": no municipality
        named_from = place_at + (tokens.keys[place_at] == "greater" and stop > place_at + 1)
        legal = council and tokens.keys[head] == "municipality"  # (no song is so named)
        if not legal and not _named_alone(tokens, named_from, stop):
            continue  # "City of Stars" (a song): the article never names the place itself
        place = places.place_at(tokens, place_at)
        name = " ".join(tokens.raw[first:stop])
        found.append(PatternBody(first, stop, name, place[1] if place else None, "other"))
    return found


def _named_alone(tokens: Tokens, start: int, stop: int) -> bool:
    """Whether the words tokens[start:stop] occur elsewhere in the text, not as the place of
    another "City of …" ("within two hours of Ballarat" names the place)."""
    keys, size = tokens.keys[start:stop], stop - start
    return any(
        tokens.keys[at : at + size] == keys
        and not (at >= 2 and tokens.keys[at - 1] == "of" and tokens.keys[at - 2] in MUNICIPAL_HEADS)
        for at in tokens.where((keys[0],))
        if at != start
    )


def _state_start(tokens: Tokens, end: int) -> int | None:
    """Where the name of a Nigerian state ending before token `end` starts (its longest form,
    up to three words: "Cross River", "Federal Capital Territory"), or None."""
    return next(
        (s for s in range(max(end - 3, 0), end) if tuple(tokens.keys[s:end]) in STATES_NG), None
    )


def _about_nigeria(tokens: Tokens, places: Places) -> bool:
    """Whether the text names Nigeria, or one of its states as "<State> State" ("Oyo State")."""
    if "NG" in places.countries_in(tokens):
        return True
    return any(_state_start(tokens, at) is not None for at in tokens.where(("state",)))


# Heads of a Nigerian state's bodies named "<State> State <…>": "Edo State Universal Basic
# Education Board", "Lagos State Internal Revenue Service".
STATE_BODY_HEADS = (
    "board",
    "commission",
    "agency",
    "authority",
    "service",
    "corporation",
    "council",
)
ZONAL, HOUSE_OF_ASSEMBLY = ("zonal", "command"), ("state", "house", "of", "assembly")


def _nigerian_bodies(tokens: Tokens, places: Places) -> list[PatternBody]:
    """State police commands, '<Place> Zonal Command' (a federal agency's regional office),
    '<State> State High Court', '<State> State … Board' and '<State> State House of
    Assembly', in an article about Nigeria."""
    if not _about_nigeria(tokens, places):
        return []
    found = _police_commands(tokens)
    for at in tokens.where(("command",)):
        if tuple(tokens.keys[at - 1 : at + 1]) != ZONAL or not is_capitalised(tokens.raw[at - 1]):
            continue
        start = _place_start(tokens, at - 1)
        if start < at - 1:
            name = " ".join(tokens.raw[start : at + 1])
            found.append(PatternBody(start, at + 1, name, "NG", "agency"))
    for at in tokens.where(("court",)):
        if tokens.keys[at - 2 : at + 1] != ["state", "high", "court"]:
            continue
        first = _state_start(tokens, at - 2)
        if first is not None and all(map(is_capitalised, tokens.raw[first : at + 1])):
            state = " ".join(tokens.raw[first : at - 2])
            name = f"High Court of {state} State"
            found.append(PatternBody(first, at + 1, name, "NG", "court"))
    for at in tokens.where(STATE_BODY_HEADS):
        if "state" not in tokens.keys[max(at - 6, 0) : at]:
            continue
        start = _place_start(tokens, at, 6)
        word = next(  # the "State" after the state's name
            (
                s
                for s in range(start + 1, at)
                if tokens.keys[s] == "state" and _state_start(tokens, s) is not None
            ),
            None,
        )
        if word is None or tokens.keys[word + 1 : at + 1] in ([], ["high", "court"]):
            continue  # ("<State> State High Court" is read above)
        first = _state_start(tokens, word)
        if is_capitalised(tokens.raw[at]) and at > word + 1:
            name = " ".join(tokens.raw[first : at + 1])
            found.append(PatternBody(first, at + 1, name, "NG", "agency"))
    for at in tokens.where(("assembly",)):
        first = at - 3
        if first < 1 or tuple(tokens.keys[first : at + 1]) != HOUSE_OF_ASSEMBLY:
            continue
        state = _state_start(tokens, first)
        if state is not None and all(map(is_capitalised, tokens.raw[state:first])):
            name = " ".join(tokens.raw[state : at + 1])
            found.append(PatternBody(state, at + 1, name, "NG", "legislature"))
    return found


def _lower_case_city_councils(tokens: Tokens) -> list[tuple[int, int]]:
    """(start, stop) of '<Place> city council' in lower case, as Canadian papers write it
    ("Kelowna city council voted 5-4"), or '<Place> Metro council' as South African papers
    do; not after "The" alone."""
    found = []
    for head in tokens.where(COUNCIL):
        kind = head - 1
        if kind < 1 or tokens.raw[kind : head + 1] not in LOWER_CASE_COUNCIL_WORDS:
            continue  # (South African metros: "Buffalo City Metro council adopted …")
        if tokens.keys[head + 1 : head + 2] in (["chambers"], ["chamber"]):
            continue  # "Moncton city council chambers": the room
        start = _place_start(tokens, kind)
        while start < kind and tokens.keys[start] in ("the", "a"):
            start += 1
        if start < kind and not tokens.crosses_paragraph(start, head + 1):
            found.append((start, head + 1))
    return found


def _county_assemblies_of(tokens: Tokens) -> list[tuple[int, int]]:
    """(start, stop) of 'County Assembly (Government) of <Place>' (a Kenyan county's
    legislature or executive, named the other way round: "the County Assembly of Uasin
    Gishu", "the County Government of Kirinyaga")."""
    found = []
    for head in tokens.where(ASSEMBLY | GOVERNMENT):
        if (
            head < 1
            or tokens.raw[head - 1] != "County"
            or tokens.raw[head + 1 : head + 2] != ["of"]
        ):
            continue
        if not is_capitalised(tokens.raw[head]):
            continue
        stop = name_end(tokens, head + 2, MAX_PLACE_WORDS)
        if stop > head + 2 and not tokens.crosses_paragraph(head - 1, stop):
            found.append((head - 1, stop))
    return found


# Words before "Council" that make it a kind of council, not a place's ("Security Council",
# "Arts Council", "Privy Council").
NOT_PLACE_COUNCILS = frozenset(
    """security privy legislative executive student students arts research medical sports
    national european general economic social human rights cabinet advisory parish city
    county borough district town village regional state federal world international
    nordic atlantic pacific arctic governing science trade business""".split()
)


def _place_councils(tokens: Tokens, places: Places) -> list[tuple[int, int]]:
    """(start, stop) of '<Place> Council' with no kind word ("Cumberland Council said …",
    "Cornwall Council"): a local authority named by its place alone, when the place is a
    known one or the article names it by itself too; not after "the" ("the Atlantic
    Council") nor a kind of council ("Security Council")."""
    found = []
    for head in tokens.where(COUNCIL):
        if head < 1 or not is_capitalised(tokens.raw[head]):
            continue
        start = _place_start(tokens, head)
        known_place = places.place_before(tokens, head)
        if known_place is not None and known_place[0] < start:
            start = known_place[0]  # a place of several words: "Perth and Kinross Council"
        if start == head or tokens.keys[start - 1 : start] in (["the"], ["&"], ["and"]):
            continue  # (nor the end of a longer name: "Medic & Healer Council")
        if any(key in NOT_PLACE_COUNCILS for key in tokens.keys[start:head]):
            continue
        place = places.place_at(tokens, start)
        known = place is not None and place[0] == head - start
        if known or _named_alone(tokens, start, head):
            found.append((start, head + 1))
    return found


def _shire_councils(tokens: Tokens) -> list[tuple[int, int]]:
    """(start, stop) of '<…shire> Council' ("South Gloucestershire Council", "Lancashire
    Council"): a county named by its -shire, with no kind word before the head."""
    found = []
    for head in tokens.where(COUNCIL):
        shire = head - 1
        if shire < 0 or not tokens.keys[shire].endswith("shire") or len(tokens.keys[shire]) < 7:
            continue
        if not (is_capitalised(tokens.raw[shire]) and is_capitalised(tokens.raw[head])):
            continue
        start = _place_start(tokens, shire)
        found.append((min(start, shire), head + 1))
    return found


def _county_boards(tokens: Tokens) -> list[PatternBody]:
    """'<Name> County (Parish) Board [of Commissioners]', '<Name> County Commissioners',
    '<Name> County (Parish) School Board', '<Name> Parish Police Jury': a U.S. county's
    governing or school board."""
    found = []
    spans = _place_kind_bodies(tokens, BOARD, COUNTY | PARISH, county=False)
    spans += _place_kind_bodies(tokens, BOARD, SCHOOL, county=True)
    spans += _place_kind_bodies(tokens, JURY, POLICE_KIND, county=True)
    for start, stop in spans:
        if tokens.keys[stop : stop + 1] == ["of"] and is_capitalised(tokens.word(stop + 1)):
            stop += 2  # "of Commissioners", "of Supervisors", "of Education"
        found.append(PatternBody(start, stop, " ".join(tokens.raw[start:stop]), "US", "other"))
    for start, stop in _place_kind_bodies(tokens, COMMISSIONERS, COUNTY, county=False):
        if tokens.keys[start] in COUNT_WORDS:
            continue  # "Three County Commissioners voted no": people counted
        found.append(PatternBody(start, stop, " ".join(tokens.raw[start:stop]), "US", "other"))
    return found


def _school_districts(tokens: Tokens) -> list[PatternBody]:
    """'<Place> [Unified, City, Central …] School District', '<Place> [County] Public
    Schools': a U.S. public school district, a local government body."""
    spans = _place_kind_bodies(tokens, DISTRICT, SCHOOL, county=False)
    spans += _place_kind_bodies(tokens, SCHOOLS, PUBLIC, county=False)
    return [
        PatternBody(start, stop, written(tokens, start, stop), "US", "other")
        for start, stop in spans
        if not {"a", "an"} & set(tokens.keys[max(0, start - 2) : start])
    ]  # (not an employer in a description: "a retired Houston Independent School District clerk")


HEALTH = frozenset({"health"})


def _health_districts(tokens: Tokens) -> list[PatternBody]:
    """'<Place> [Regional] Health District': a U.S. local public health agency."""
    return [
        PatternBody(start, stop, written(tokens, start, stop), "US", "agency")
        for start, stop in _place_kind_bodies(tokens, DISTRICT, HEALTH, county=False)
    ]


def _state_departments(tokens: Tokens) -> list[PatternBody]:
    """Kenya's "State Department for Livestock Development", "State Department for the Blue
    Economy and Fisheries": a ministry's department by its subject, capitalised words after
    "for" (and "the")."""
    found = []
    for at in tokens.where(("department",)):
        if tokens.raw[at - 1 : at + 2] != ["State", "Department", "for"]:
            continue
        first = at + 2 + (tokens.raw[at + 2 : at + 3] == ["the"])
        stop = first
        while stop < len(tokens) and (
            head_word(tokens, stop)
            or tokens.keys[stop] in ("and", ",")
            and head_word(tokens, stop + 1)
        ):
            stop += 1
        if stop > first:
            name = " ".join(tokens.raw[at - 1 : stop]).replace(" ,", ",")
            found.append(PatternBody(at - 1, stop, name, "KE", "department"))
    return found


NHS_HEADS = frozenset({"board", "trust"})
# An NHS body named by its area alone, up to so many words, none a post or a service's word.
NHS_PLACE_WORDS = 5
NHS_NOT_PLACES = frozenset(
    """chief executive director medical officer spokesperson spokesman spokeswoman chair staff
    foundation digital direct choices app test trace pay pension pensions""".split()
)


def find_nhs_bodies(tokens: Tokens) -> list[PatternBody]:
    """The NHS's local bodies by their full names: "NHS Norfolk and Waveney Integrated Care
    Board", "NHS Greater Glasgow and Clyde Health Board" (capitalised words after "NHS",
    "and" between them, up to a last "Board" or "Trust"), or by their areas ("NHS Devon"):
    longer names than the known "NHS" they open."""
    found = []
    for at in tokens.where(("nhs",)):
        if tokens.raw[at] != "NHS":
            continue
        stop, end = at + 1, None
        while stop < len(tokens) and (
            head_word(tokens, stop) or tokens.keys[stop] == "and" and head_word(tokens, stop + 1)
        ):
            stop += 1
            if tokens.keys[stop - 1] in NHS_HEADS:
                end = stop
        places = tokens.keys[at + 1 : stop]
        if end is None and 0 < len(places) <= NHS_PLACE_WORDS and not NHS_NOT_PLACES & set(places):
            end = stop  # "NHS Devon", "NHS Greater Glasgow and Clyde": a board by its area
        if end is not None and (end > at + 2 or tokens.keys[at + 1] not in NHS_HEADS):
            found.append(PatternBody(at, end, " ".join(tokens.raw[at:end]), "GB", "agency"))
    return found


def _french_police(tokens: Tokens) -> list[PatternBody]:
    """Quebec's municipal forces by their French names, as English papers print them:
    "Service de police de Sherbrooke", "Service de police de la Ville de Lévis"."""
    found = []
    for at in tokens.where(("service",)):
        if tokens.raw[at : at + 4] != ["Service", "de", "police", "de"]:
            continue
        first = at + 4 + 3 * (tokens.keys[at + 4 : at + 7] == ["la", "ville", "de"])
        stop = name_end(tokens, first, MAX_PLACE_WORDS)
        if stop > first:
            found.append(PatternBody(at, stop, " ".join(tokens.raw[at:stop]), "CA", "police"))
    return found


def find_place_bodies(tokens: Tokens, places: Places, home: str | None = None) -> list[PatternBody]:
    """Town police, county sheriffs, place-named courts, Nigerian police commands,
    law-enforcement task forces, county courts, local councils, county boards and
    development authorities; `home` is the publisher's country, when known."""
    return [
        *_town_police(tokens, places),
        *_county_offices(tokens),
        *_place_courts(tokens, places, home),
        *_task_forces(tokens),
        *_county_courts(tokens),
        *_councils(tokens, places),
        *_county_boards(tokens),
        *_school_districts(tokens),
        *_health_districts(tokens),
        *_development_authorities(tokens, places),
        *_place_named_kinds(tokens, places),
        *_cities_of(tokens, places),
        *_crime_commissioners(tokens),
        *_nigerian_bodies(tokens, places),  # (police commands among them)
        *_state_departments(tokens),
        *_french_police(tokens),
    ]
