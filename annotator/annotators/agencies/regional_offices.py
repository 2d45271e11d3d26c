"""Regional offices of Philippine national bodies, written with the region after a hyphen.

Philippine papers name a department's regional office by joining its region to the name or
the acronym: "the Department of Public Works and Highways-Cordillera Administrative Region
(DPWH-CAR)", "DILG-Cordillera", "DENR-6". Each is the office of that region, named
"<the department's name> - <the region's name>", with the region's number or code read as
its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .gazetteer import Entry, Gazetteer
from .patterns import PatternBody
from .tokens import Tokens

# The administrative regions, by every way papers write them after the hyphen.
REGIONS = {
    "national capital region": "National Capital Region",
    "ncr": "National Capital Region",
    "cordillera administrative region": "Cordillera Administrative Region",
    "cordillera": "Cordillera Administrative Region",
    "car": "Cordillera Administrative Region",
    "ilocos region": "Ilocos Region",
    "ilocos": "Ilocos Region",
    "cagayan valley": "Cagayan Valley",
    "central luzon": "Central Luzon",
    "calabarzon": "Calabarzon",
    "mimaropa": "Mimaropa",
    "bicol region": "Bicol Region",
    "bicol": "Bicol Region",
    "western visayas": "Western Visayas",
    "central visayas": "Central Visayas",
    "eastern visayas": "Eastern Visayas",
    "negros island region": "Negros Island Region",
    "nir": "Negros Island Region",
    "zamboanga peninsula": "Zamboanga Peninsula",
    "northern mindanao": "Northern Mindanao",
    "davao region": "Davao Region",
    "soccsksargen": "Soccsksargen",
    "caraga": "Caraga",
    "barmm": "Bangsamoro Autonomous Region in Muslim Mindanao",
    "bangsamoro": "Bangsamoro Autonomous Region in Muslim Mindanao",
}
# The numbered regions ("DENR-6", "DPWH Region 7", "DA-IVA").
NUMBERED = {
    "1": "Ilocos Region",
    "2": "Cagayan Valley",
    "3": "Central Luzon",
    "4a": "Calabarzon",
    "4b": "Mimaropa",
    "5": "Bicol Region",
    "6": "Western Visayas",
    "7": "Central Visayas",
    "8": "Eastern Visayas",
    "9": "Zamboanga Peninsula",
    "10": "Northern Mindanao",
    "11": "Davao Region",
    "12": "Soccsksargen",
    "13": "Caraga",
}
ROMAN = {"i": "1", "ii": "2", "iii": "3", "iva": "4a", "ivb": "4b", "v": "5", "vi": "6"}
ROMAN |= {"vii": "7", "viii": "8", "ix": "9", "x": "10", "xi": "11", "xii": "12", "xiii": "13"}
# An acronym joined to a region's number: "DENR-6", "DA-IVA", "DPWH-4A".
NUMBERED_OFFICE = re.compile(r"([A-Z]{2,6})-(\d{1,2}[AB]?|[IVX]{1,4}-?[AB]?)")


def region_after_hyphen(tokens: Tokens, at: int) -> tuple[int, str] | None:
    """(stop, region name) when token `at` is a hyphen joined to a region's name or code
    ("-Cordillera Administrative Region", "-CAR", "-Region 7"); None otherwise."""
    if tokens.word(at) != "-" or at + 1 >= len(tokens) or tokens.spaced[at][0]:
        return None
    if tokens.spaced[at + 1][0]:
        return None
    keys = tokens.keys
    if keys[at + 1 : at + 2] == ["region"] and at + 2 < len(keys):
        number = ROMAN.get(keys[at + 2], keys[at + 2])
        return (at + 3, NUMBERED[number]) if number in NUMBERED else None
    for size in (4, 3, 2, 1):
        words = " ".join(keys[at + 1 : at + 1 + size])
        if len(keys) >= at + 1 + size and words in REGIONS:
            return at + 1 + size, REGIONS[words]
    return None


def numbered_office(token: str) -> tuple[str, str] | None:
    """(acronym, region name) for a token such as "DENR-6" or "DA-IVA"; None otherwise."""
    match = NUMBERED_OFFICE.fullmatch(token)
    if match is None:
        return None
    number = match[2].lower().replace("-", "")
    number = ROMAN.get(number, number)
    return (match[1], NUMBERED[number]) if number in NUMBERED else None


def philippine_entry(gazetteer: Gazetteer, options: Iterable[int]) -> Entry | None:
    """The one Philippine entry among gazetteer `options`, or None."""
    found = [gazetteer.entries[i] for i in options if gazetteer.entries[i].country == "PH"]
    return found[0] if len(found) == 1 else None


def office_of(entry: Entry, start: int, stop: int, region: str) -> PatternBody:
    """The regional office of `entry` written at tokens start..stop-1."""
    return PatternBody(start, stop, f"{entry.name} - {region}", "PH", entry.kind, entry.name)


def find_numbered_offices(tokens: Tokens, gazetteer: Gazetteer) -> list[PatternBody]:
    """Offices written as an acronym joined to a region's number: "DENR-6", "DA-IVA"."""
    offices: list[PatternBody] = []
    if NUMBERED_OFFICE.search(tokens.text) is None:
        return offices  # (one scan of the text instead of a look at every token)
    for index, token in enumerate(tokens.raw):
        if "-" not in token or not token[:2].isupper():
            continue
        found = numbered_office(token)
        if found is None:
            continue
        hits = gazetteer.match(Tokens.of(found[0]))
        entry = hits and philippine_entry(gazetteer, [v.entry for v in hits[0].variants])
        if entry:
            offices.append(office_of(entry, index, index + 1, found[1]))
    return offices
