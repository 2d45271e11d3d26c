"""Bodies the article defines with an acronym: "the Nasarawa Geographic Information Service
(NAGIS)", "Gujarat Water Supply and Sewerage Board (GWSSB)".

A capitalised name that ends in an institution's head noun and is followed by a bracketed
acronym its words spell (each word giving the first letter or the first few, in order) is a
named body even when no gazetteer lists it: a paper writes out and abbreviates a public body
it will mention again. Names of companies, parties, associations and the like are left out,
and so are the state-owned companies and utilities the spec excludes.
"""

from __future__ import annotations

from functools import lru_cache

from .gazetteer import Places
from .patterns import NOT_AGENCY_WORDS, PatternBody
from .tokens import Tokens, bare, is_all_caps, is_capitalised

# Head nouns of public bodies, with the kind each gives.
DEFINED_HEADS = {
    "authority": "agency",
    "commission": "regulator",
    "agency": "agency",
    "board": "agency",
    "corporation": "agency",
    "service": "agency",
    "committee": "other",
    "council": "other",
    "office": "agency",
    "department": "department",
    "ministry": "ministry",
    "unit": "agency",
    "directorate": "agency",
    "bureau": "bureau",
    "tribunal": "court",
    "centre": "agency",
    "center": "agency",
    "inspectorate": "agency",
    "secretariat": "agency",
    "commissionerate": "agency",
    "command": "agency",
    "branch": "agency",  # "Marine Accident Investigation Branch (MAIB)"
}
# Trades a public body regulates, which make another head a company's: "Agricultural
# Marketing Authority (AMA)", "Insurance Regulatory Authority (IRA)".
PUBLIC_TRADES = frozenset("marketing insurance employment media press farm credit".split())
# Words that make a defined name a company's, a utility's or a civic group's, not a body's.
NOT_PUBLIC_WORDS = (NOT_AGENCY_WORDS - PUBLIC_TRADES) | frozenset(
    """company companies limited ltd plc pvt university college school party association union unions
    chamber church federation society foundation club league trust electricity power
    petroleum oil gas ports port airways airlines broadcasting shipping trading
    telecommunications telecom railway railways promotion community residents parents
    organising organizing students workers traders farmers youth women export exports
    exporters""".split()
)
# Purposes that make a corporation a public body's (most corporations are companies, and the
# spec counts state-owned companies out): "Municipal Property Assessment Corporation".
PUBLIC_PURPOSES = frozenset("municipal assessment heritage reconstruction regeneration".split())
# Words that say what level or kind of body, not which one.
GENERIC_WORDS = frozenset(
    """municipal city county state national federal provincial regional district local public
    general central government the of and for""".split()
)
CONNECTORS = frozenset({"of", "and", "for", "the", "on", "&", "in"})
MAX_WORDS = 10


def find_defined(tokens: Tokens, places: Places) -> list[PatternBody]:
    """Capitalised names of bodies followed by the acronym they define: "(NAGIS)"."""
    found: list[PatternBody] = []
    for paren in tokens.where(("(",)):
        last = paren - 1
        if last < 1 or tokens.word(paren + 2) != ")":
            continue
        head = _head(tokens, last)
        letters = bare(tokens.word(paren + 1))
        if head is None or not _acronym(letters):
            continue
        kind = DEFINED_HEADS[tokens.keys[head]]
        skips = 0 if head < last else 1  # (a complement's words all spell: no CBN from
        # "Monetary Policy Committee of the Central Bank of Nigeria")
        start = _spelled_start(tokens, head, last, letters.replace("&", "").upper(), skips)
        if start is None or tokens.crosses_paragraph(start, last + 1):
            continue
        words = tokens.keys[start : last + 1]
        if any(key in NOT_PUBLIC_WORDS for key in words):
            continue
        if tokens.keys[head] == "corporation" and not PUBLIC_PURPOSES.intersection(words):
            continue  # (most corporations are companies, state-owned ones too)
        if all(key in GENERIC_WORDS or key in DEFINED_HEADS for key in words):
            continue  # "Municipal Corporation (MC)": which one, the name does not say
        place = places.place_at(tokens, start)
        name = " ".join(tokens.raw[start : last + 1])
        found.append(PatternBody(start, last + 1, name, place[1] if place else None, kind))
    return found


def _head(tokens: Tokens, last: int) -> int | None:
    """The head noun of a name ending at token `last`: that token, or one before an "of",
    "on" or "for" complement of capitalised words ("Federal Committee on Agriculture")."""
    for position in range(last, max(0, last - MAX_WORDS), -1):
        key = tokens.keys[position]
        if key in DEFINED_HEADS and is_capitalised(tokens.raw[position]):
            complement = tokens.keys[position + 1 : position + 2]
            if position == last or complement in (["of"], ["on"], ["for"]):
                return position
        if not (is_capitalised(tokens.raw[position]) or key in CONNECTORS):
            return None
    return None


def _acronym(letters: str) -> bool:
    """Whether a bracketed word is written as an acronym: "NAGIS", "MA&UD", "Cogta"."""
    plain = letters.replace("&", "")
    return 2 <= len(plain) <= 9 and plain.isalpha() and (is_all_caps(letters) or plain[0].isupper())


def _spelled_start(
    tokens: Tokens, head: int, last: int, letters: str, skips: int = 1
) -> int | None:
    """The first token of the longest run of capitalised words (connectors between them)
    from `head` or before it to `last` whose words spell `letters`; None when none does."""
    best = None
    position = head
    while position >= 0 and head - position < MAX_WORDS:
        word = tokens.raw[position]
        if tokens.keys[position] in CONNECTORS and position < head:
            if tokens.keys[position] == "the" and tokens.keys[position - 1] != "of":
                break  # "the Central Bank of Barbados and the Barbados Revenue Authority"
            position -= 1
            continue
        if not is_capitalised(word) or word in ("The", "A", "An"):
            break
        if _spells(_parts(tokens.raw[position : last + 1]), letters, skips):
            best = position
        position -= 1
    return best


def _parts(words: list[str]) -> tuple[str, ...]:
    """The words of a name, hyphenated ones split ("Anti-Corruption": Anti, Corruption),
    connectors marked by a leading space so they may give no letter."""
    parts: list[str] = []
    for word in words:
        if word.casefold() in CONNECTORS:
            parts.append(" " + word.upper())
        else:
            parts += [part.upper() for part in word.split("-") if part]
    return tuple(parts)


def _spells(parts: tuple[str, ...], letters: str, skips: int = 1) -> bool:
    """Whether the parts, in order, spell `letters`: the first gives at least its first
    letter, each gives a prefix of itself, all letters are used, and at most one word that is
    no connector gives none ("Other Related Offences" is too many to skip)."""
    return bool(parts) and _spelled(parts, letters, True, skips)


@lru_cache(maxsize=4096)
def _spelled(parts: tuple[str, ...], letters: str, first: bool, skips: int) -> bool:
    """`_spells` from parts[0] on, with `skips` content words still allowed to give none."""
    if not parts:
        return not letters
    part = parts[0]
    connector = part.startswith(" ")
    word = part.strip()
    longest = 0
    while longest < len(word) and longest < len(letters) and word[longest] == letters[longest]:
        longest += 1
    for take in range(longest, -1, -1):
        if take == 0 and (first or (not connector and skips == 0)):
            break
        left = skips - (take == 0 and not connector)
        if _spelled(parts[1:], letters[take:], False, left):
            return True
    return False
