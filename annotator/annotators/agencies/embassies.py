"""Diplomatic missions named by their country, found by shape.

"the US Embassy in New Delhi", "the Embassy of Japan in London", "the British Consulate
General in Hong Kong" → "Embassy of the United States, New Delhi", "Embassy of Japan,
London", "Consulate General of the United Kingdom, Hong Kong". The head must be
capitalised ("the Ecuadorean embassy" is a building in a sentence, not a named mission),
unless a country's possessive and a city name it: "India's embassy in Washington said".
"""

from __future__ import annotations

from .gazetteer import Places
from .offices import name_end
from .patterns import PatternBody
from .tokens import Tokens, is_capitalised

HEADS = frozenset({"embassy", "consulate"})
MAX_CITY_WORDS = 3


def _with_article(country: str) -> str:
    """A country's name as it follows "of": "the United States", "the Netherlands", "Japan"."""
    plural = country.endswith("s") and " " not in country
    if country.startswith("United") or "Republic" in country or plural:
        return "the " + country
    return country


def _city_stop(tokens: Tokens, at: int) -> int:
    """Where "in <City words>" starting at `at` ends (== at when there is none)."""
    if tokens.keys[at : at + 1] != ["in"]:
        return at
    stop = name_end(tokens, at + 1, MAX_CITY_WORDS)
    return stop if stop > at + 1 else at


def _country_after(tokens: Tokens, places: Places, at: int) -> tuple[int, str] | None:
    """A country named by "of (the) <Country>" from token `at`: (its stop, its code)."""
    if tokens.keys[at : at + 1] != ["of"]:
        return None
    first = at + 1 + (tokens.keys[at + 1 : at + 2] == ["the"])
    place = places.place_at(tokens, first)
    if place is None or not places.is_country(tokens.keys[first : first + place[0]]):
        return None
    return first + place[0], place[1]


def find_missions(tokens: Tokens, places: Places) -> list[PatternBody]:
    """Embassies and consulates whose country is written before or after the head."""
    found = []
    for head in tokens.where(HEADS):
        written_out = is_capitalised(tokens.raw[head])
        end = head + 1
        if tokens.keys[end : end + 1] == ["general"] and is_capitalised(tokens.raw[end]):
            end += 1  # "Consulate General"
        title = " ".join(w.title() for w in tokens.raw[head:end])
        start, country = head, None
        before = places.place_before(tokens, head)
        possessive = tokens.word(head - 1) in ("'s", "’s")
        if before and places.is_country(tokens.keys[before[0] : head - possessive]):
            start, country = before
        after = _country_after(tokens, places, end)
        if country is None and after:
            end, country = after
        if country is None:
            continue
        stop = _city_stop(tokens, end)
        if tokens.crosses_paragraph(start, stop):
            continue
        if not written_out and not (stop > end and possessive):
            continue  # lower case names a mission only as "India's embassy in Washington"
        name = f"{title} of {_with_article(places.names[country])}"
        if stop > end:
            name += ", " + " ".join(tokens.raw[end + 1 : stop])
        found.append(PatternBody(start, stop, name, country, "other"))
    return found
