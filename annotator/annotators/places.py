"""Places that more than one annotator reads: countries (names, adjectives), regions, and
the publisher's country.

The agencies annotator uses the countries as prefixes of body names ("Japan's Finance
Ministry") and, with the publisher's country, to choose among bodies several countries
share; the money annotator reads a bare "$", "R" or "Rs" by the publisher's country. One
JSON file, `places.json`, loaded once per process.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..model import Document

PLACES_FILE = Path(__file__).parent / "places.json"

# Country-code domains used as generic names rather than for a country.
GENERIC_TLDS = frozenset({"co", "io", "tv", "me", "fm", "ai", "ly", "am", "ws", "cc", "to"})
TLD_COUNTRY = {"uk": "GB"}
PUBLISHER_COUNTRY = {
    "china daily": "CN",
    "xinhua": "CN",
    "global times": "CN",
    "people's daily": "CN",
    "cgtn": "CN",
    "south china morning post": "HK",
    "the japan times": "JP",
    "japan times": "JP",
    "nikkei": "JP",
    "the times of india": "IN",
    "times of india": "IN",
    "hindustan times": "IN",
    "the hindu": "IN",
    "the sydney morning herald": "AU",
    "sydney morning herald": "AU",
    "the australian": "AU",
    "cbc": "CA",
    "the globe and mail": "CA",
    "toronto star": "CA",
    "national post": "CA",
    "bbc": "GB",
    "bbc news": "GB",
    "the guardian": "GB",
    "the telegraph": "GB",
    "the independent": "GB",
    "the straits times": "SG",
    "taipei times": "TW",
    "the korea herald": "KR",
    "korea herald": "KR",
    "yonhap": "KR",
    "new zealand herald": "NZ",
    # Canada (Postmedia and others: their "$" is the Canadian dollar)
    "the province": "CA",
    "vancouver sun": "CA",
    "the vancouver sun": "CA",
    "calgary herald": "CA",
    "edmonton journal": "CA",
    "ottawa citizen": "CA",
    "montreal gazette": "CA",
    "winnipeg free press": "CA",
    "ctv news": "CA",
    "global news": "CA",
    "maclean's": "CA",
    "financial post": "CA",
    "the canadian press": "CA",
    # United Kingdom and Ireland
    "daily mail": "GB",
    "the times": "GB",
    "metro": "GB",
    "the sun": "GB",
    "the mirror": "GB",
    "daily mirror": "GB",
    "daily express": "GB",
    "evening standard": "GB",
    "inews": "GB",
    "i news": "GB",
    "sky news": "GB",
    "the irish times": "IE",
    "irish independent": "IE",
    "rté": "IE",
    # South and South-East Asia
    "ndtv": "IN",
    "the indian express": "IN",
    "indian express": "IN",
    "the economic times": "IN",
    "economic times": "IN",
    "deccan herald": "IN",
    "livemint": "IN",
    "mint": "IN",
    "india today": "IN",
    "firstpost": "IN",
    "dawn": "PK",
    "the express tribune": "PK",
    "geo news": "PK",
    "cna": "SG",
    "channel newsasia": "SG",
    "malay mail": "MY",
    "new straits times": "MY",
    "malaysiakini": "MY",
    "rappler": "PH",
    "philippine daily inquirer": "PH",
    "the philippine star": "PH",
    "the korea times": "KR",
    "korea joongang daily": "KR",
    "kyodo news": "JP",
    "the mainichi": "JP",
    "focus taiwan": "TW",
    # Africa
    "news24": "ZA",
    "mail & guardian": "ZA",
    "daily maverick": "ZA",
    "iol": "ZA",
    "timeslive": "ZA",
    "sowetan": "ZA",
    "premium times": "NG",
    "punch": "NG",
    "vanguard": "NG",
    "thisday": "NG",
    "daily nation": "KE",
    "the namibian": "NA",
    "new era": "NA",
    "the citizen": "TZ",
    # Caribbean, Latin America, Middle East
    "jamaica gleaner": "JM",
    "the gleaner": "JM",
    "jamaica observer": "JM",
    "trinidad express": "TT",
    "trinidad guardian": "TT",
    "stabroek news": "GY",
    "kaieteur news": "GY",
    "mexico news daily": "MX",
    "gulf news": "AE",
    "haaretz": "IL",
    "the times of israel": "IL",
    "the jerusalem post": "IL",
}


@lru_cache(maxsize=1)
def places_data() -> dict[str, Any]:
    """The places file: {"countries": {code: {"names": […], "adjectives": […]}}, "regions": …}."""
    with open(PLACES_FILE, encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def _country_words() -> tuple[re.Pattern[str], dict[str, str]]:
    words: dict[str, str] = {}
    for code, spec in places_data()["countries"].items():
        for word in [*spec.get("names", []), *spec.get("adjectives", [])]:
            if len(word) > 3 and not word.isupper():  # "US", "UK", "PRC" are too short to trust
                words.setdefault(word.lower(), code)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w.])", re.IGNORECASE), words


def is_country_name(word: str) -> bool:
    """Whether `word` is a country's name or adjective of more than three letters."""
    return word.lower() in _country_words()[1]


def country_named_in(name: str | None) -> str | None:
    """The one country a name mentions ("Lesotho Times" → LS, "The Namibian" → NA), else None."""
    if not name:
        return None
    pattern, words = _country_words()
    found = {words[match.group().lower()] for match in pattern.finditer(name)}
    return found.pop() if len(found) == 1 else None


def url_country(url: str | None) -> str | None:
    """The ISO 3166 country of a URL's country-code domain (".com.au" → "AU"), or None."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").rstrip(".")
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(tld) != 2 or tld in GENERIC_TLDS:
        return None
    return TLD_COUNTRY.get(tld, tld.upper())


def publisher_country(document: Document) -> str | None:
    """The publisher's country: its URL's country domain, else a known publisher name, else
    the one country the publisher's name or the site's host mentions ("Lesotho Times", "The
    Namibian", "o.canada.com"), else the one country whose city or province the publisher's
    name holds ("The Montreal Dispatch", "Toronto Star")."""
    country = url_country(document.url)
    if country is None and document.publisher:
        country = PUBLISHER_COUNTRY.get(document.publisher.strip().lower())
    if country is None:
        country = country_named_in(document.publisher)
    if country is None and document.url:  # "o.canada.com": the country in the host's words
        host = urlsplit(document.url).hostname or ""
        country = country_named_in(" ".join(host.split(".")))
    if country is None:  # "The Montreal Dispatch": a city or province of one country
        country = region_named_in(document.publisher)
    return country


@lru_cache(maxsize=1)
def _region_words() -> tuple[re.Pattern[str], dict[str, set[str]]]:
    words: dict[str, set[str]] = {}
    for code, regions in places_data()["regions"].items():
        for name in regions:
            words.setdefault(name.lower(), set()).add(code)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w.])", re.IGNORECASE), words


def region_named_in(name: str | None) -> str | None:
    """The one country whose regions or cities a name mentions ("The Montreal Dispatch" →
    CA), else None (a region of two countries, as Punjab, tells none)."""
    if not name:
        return None
    pattern, words = _region_words()
    found = set().union(*(words[match.group().lower()] for match in pattern.finditer(name)))
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _region_after() -> re.Pattern[str]:
    names = {name for regions in places_data()["regions"].values() for name in regions}
    for spec in places_data()["countries"].values():
        names.update(name for name in spec.get("names", []) if len(name) > 3)
    alternation = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf",\s+(?:{alternation})(?=\s*(?:[,.;:)]|$))")


def names_a_place(text: str, end: int) -> bool:
    """Whether the name ending at `end` is a place: a region or country follows it and ends
    the phrase ("in Middletown, Connecticut, wrote"; not "Joe Smith, Texas Republican")."""
    return _region_after().match(text, end) is not None
