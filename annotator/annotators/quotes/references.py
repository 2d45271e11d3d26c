"""References: what a common-noun speaker ("the agency", "the doctors", "the letter") stands for.

An article names an organisation once ("U.S. Customs and Border Protection",
"a group called Doctors for Camp Closure") and then calls it "the agency" or
"the group". `Organisations` lists the named organisations by position and
resolves such a description to the most recent one that fits: one whose name
holds the noun ("the department" → "Department of Homeland Security"), a
government body for "the agency", a group the article introduces for a plural
of people ("the doctors"), or any organisation for "the group"/"the company".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .speakers import (
    ACRONYM,
    LEADING_NON_NAMES,
    ORG_WORDS,
    TITLES,
    WORD_CACHE,
    gender,
    is_agent_noun,
    is_person,
    named_for_country,
)

GOVERNMENT_WORDS = frozenset(
    "agency department ministry bureau office service protection enforcement administration "
    "commission police authority customs attorney’s attorney's court council service center "
    "centre".split()
)
GOVERNMENT_NOUNS = frozenset("agency department ministry bureau office administration".split())
# What a body's remit, described in a word, is named with: "the anti-graft agency" (or body,
# commission, watchdog) is the one whose name speaks of corruption.
REMIT_STEMS = {
    "anti-graft": ("corrupt", "graft", "crimes"),
    "anti-corruption": ("corrupt", "graft"),
    "anti-narcotics": ("narcotic", "drug"),
    "anti-drug": ("narcotic", "drug"),
    "tax": ("revenue", "tax"),
    "electoral": ("electoral", "election"),
}
# Words that say a body is the state's, before its kind: "the State agency".
PUBLIC_WORDS = frozenset("state government federal national public".split())
GROUP_NOUNS = frozenset(
    "group organization organisation coalition company firm union campaign network label "
    "studio team association alliance charity".split()
)
POSSESSIVE_END = re.compile(r"[’']s$")
NAME_TAIL = r"[\w’'&.-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w’'&.-]*)*"
NAME = rf"[A-Z]{NAME_TAIL}"
# A run of capitalised words, "U.S." allowed before it; written to start with its capital (the
# look-behind follows it) so that the scan skips to capitals.
RUN = re.compile(rf"[A-Z](?<![\w’'][A-Z])(?:(?<=U)\.S\.\s+[A-Z])?{NAME_TAIL}")
# "a group called X" (the word boundary before the noun is checked after its first letter)
INTRODUCED = re.compile(
    r"(?:g(?<!\wg)roup|o(?<!\wo)rgani[sz]ation|c(?<!\wc)oalition|m(?<!\wm)embers of)"
    rf"(?: called| named| known as)?,?\s+({NAME})"
)


# A sentence's end inside a run of capitalised words ("… Control and Prevention. The
# Milwaukee Health Department"): a word of two or more letters ending in lower case, its stop.
SENTENCE_STOP = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")


# The rest of a body's name after a comma: "Ministry of Trade, Industry and Cooperatives".
NAME_GOES_ON = re.compile(
    r",\s+[A-Z][\w’'&-]*(?:\s+(?:and|&)\s+[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*)+"
)  # ("…, Communities and Local Government": the last item may have words of its own)


def _runs(text: str) -> list[tuple[int, str]]:
    """The runs of capitalised words in `text` with their starts, cut where a sentence ends
    and carried over a comma into the rest of an "of" name."""
    runs = []
    for match in RUN.finditer(text):
        start, run, end = match.start(), match.group(), match.end()
        for stop in SENTENCE_STOP.finditer(run):
            runs.append((start, text[start : match.start() + stop.start()]))
            start = match.start() + stop.end()
        rest = NAME_GOES_ON.match(text, end) if " of " in text[start:end] else None
        runs.append((start, text[start : rest.end() if rest else end]))
    return runs


@dataclass
class Organisations:
    """The organisations an article names, in order of first mention at each position."""

    text: str
    mentions: list[tuple[int, str]] = field(default_factory=list)
    introduced: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        expansions: dict[str, str] = {}
        for start, run in _runs(self.text):
            name = _clean(run)
            if name and _is_organisation(name):
                self.mentions.append((start, name))
                initials = "".join(w[0] for w in name.split() if w[0].isupper() and w != "U.S.")
                expansions.setdefault(initials, name)
            elif ACRONYM.match(name) and name in expansions:
                self.mentions.append((start, expansions[name]))
        for match in INTRODUCED.finditer(self.text):
            name = _clean(match.group(1))
            if name and len(name.split()) > 1:
                self.introduced.append((match.start(1), name))

    def resolve(self, description: str, position: int) -> str | None:
        """The organisation a definite description at `position` refers to, or None."""
        words = description.lower().split()
        if len(words) == 3 and words[0] == "the" and words[1] in PUBLIC_WORDS:
            words = ["the", words[2]]  # "the State agency" (Irish usage): the agency
        if len(words) == 3 and words[0] == "the" and words[1] in REMIT_STEMS:
            return self._by_remit(REMIT_STEMS[words[1]], position)  # "the anti-graft agency"
        if len(words) == 3 and words[0] == "the" and words[2] in GOVERNMENT_NOUNS:
            return self._qualified(words[1], words[2], position)  # "the forecast office"
        if len(words) != 2 or words[0] != "the":
            return None
        noun = words[1]
        earlier = self.mentions[: bisect_left(self.mentions, (position, ""))]
        named = [
            name
            for _at, name in earlier
            if noun.rstrip("s") in name.lower().split() or noun in name.lower().split()
        ]
        if named:
            return _the_committee(named) if noun == "committee" else named[-1]
        labelled = _labelled(self.text, noun, position) if is_agent_noun(noun) else None
        if labelled:
            return labelled
        if noun in GOVERNMENT_NOUNS:
            return _latest(earlier, _is_government)
        if noun == "authority":  # "the authority" (a British or Irish council): the council
            return _latest(earlier, lambda name: name.split()[-1] == "Council")
        if noun in BUSINESS_NOUNS:  # "the company": the latest business name, else any
            return _latest(earlier, _is_business) or _latest(earlier, _not_government)
        if noun in GROUP_NOUNS:
            return _latest(earlier, _not_government)
        if noun.endswith("s") and noun not in ("officials", "authorities", "police"):
            before = self.introduced[: bisect_left(self.introduced, (position, ""))]
            return before[-1][1] if before else (self.introduced or [(0, None)])[0][1]
        return None

    def _by_remit(self, stems: tuple[str, ...], position: int) -> str | None:
        """The latest organisation named before `position` with a word that opens with one
        of `stems` ("the anti-graft agency" → "Ethics and Anti-Corruption Commission")."""
        earlier = self.mentions[: bisect_left(self.mentions, (position, ""))]
        for _at, name in reversed(earlier):
            words = name.lower().replace("-", " ").split()
            if any(word.startswith(stems) for word in words):
                return name
        return None

    def _qualified(self, modifier: str, noun: str, position: int) -> str | None:
        """ "the forecast office" → "Office of Economic and Revenue Forecasts": the latest
        organisation named before `position` with the noun and a word the modifier begins."""
        earlier = self.mentions[: bisect_left(self.mentions, (position, ""))]
        for _at, name in reversed(earlier):
            lowered = name.lower().split()
            if noun in lowered and any(w.startswith(modifier) for w in lowered if w != noun):
                return name
        return None


def _the_committee(named: list[str]) -> str:
    """Which of the committees named so far "the committee" is: the last one, unless it is
    named once and another more often (the committee the story is about: "the House
    Committee on Finance and Appropriation" presenting its report, not "the House Committee
    on Public Accounts" that a member asked to be given quarterly reports)."""
    (top, times), latest = Counter(named).most_common(1)[0], named[-1]
    return top if times >= 2 and named.count(latest) == 1 else latest


# A name on one line, words joined by single spaces, no sentence's full stop inside it.
LABELLED_NAME = re.compile(r"[A-Z][\w’'&-]*(?: (?:(?:of|for|and|on|the|&) )*[A-Z][\w’'&-]*)*")


def _labelled(text: str, noun: str, position: int) -> str | None:
    """The name last written right after the noun before `position`: "the newspaper" →
    "Dagens Nyheter" in "revelations by newspaper Dagens Nyheter" (searched backwards)."""
    label = noun + " "
    at = text.rfind(label, 0, position)
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum():
            match = LABELLED_NAME.match(text, at + len(label), position)
            name = _clean(match.group()) if match else ""
            if name:
                return name
        at = text.rfind(label, 0, at)
    return None


BUSINESS_NOUNS = frozenset("company firm carmaker manufacturer maker retailer".split())
# The last word of a business's name: "Boeing Co.", "Apple Inc", "Acme Holdings".
# Plural nouns that open a sentence before "of" and an organisation's name.
PARTITIVE_LEADS = frozenset(
    "shares stock members officials staff employees workers customers clients shareholders "
    "investors residents users owners supporters critics".split()
)
BUSINESS_ENDINGS = frozenset(
    "co co. inc inc. corp corp. ltd ltd. llc plc group company holdings ag sa limited llp pcl "
    "bhd berhad tbk nv n.v. bv gmbh pty asa ab oyj spa s.p.a. kk".split()
)


def _is_business(name: str) -> bool:
    return name.split()[-1].lower() in BUSINESS_ENDINGS


def _not_government(name: str) -> bool:
    return not _is_government(name)


def _latest(mentions: list[tuple[int, str]], test: Callable[[str], bool]) -> str | None:
    return next((name for _at, name in reversed(mentions) if test(name)), None)


@lru_cache(maxsize=WORD_CACHE)
def _clean(name: str) -> str:
    words = POSSESSIVE_END.sub("", name.strip(" .,")).split()
    while words and (words[0].lower() in LEADING_NON_NAMES or words[0] in ("The", "A", "An")):
        words = words[1:]
    while words and words[-1].lower() in ("of", "for", "and", "on", "the", "&"):
        words = words[:-1]
    if len(words) > 2 and words[1] == "of" and words[0].lower() in PARTITIVE_LEADS:
        words = words[2:]  # "Shares of Siam Orchard Fresh Pcl": the company after "of"
    name = " ".join(words)
    if " and " in name:  # "Department of Homeland Security and Alex Azar": two names
        head, tail = name.rsplit(" and ", 1)
        if is_person(tail) and len(tail.split()) > 1 and not _is_government(tail) and gender(tail):
            name = head
    return name


@lru_cache(maxsize=WORD_CACHE)
def _is_government(name: str) -> bool:
    return any(word.lower() in GOVERNMENT_WORDS for word in name.split()) or _national_body(
        name.split()
    )


def _national_body(words: list[str]) -> bool:
    """A body named by its work and its country: "Enterprise Ireland", "Statistics Canada"."""
    return len(words) == 2 and named_for_country(words)


@lru_cache(maxsize=WORD_CACHE)
def _is_organisation(name: str) -> bool:
    """A run of capitalised words naming an organisation: an organisation word or a connector."""
    words = name.split()
    if len(words) < 2 or any(word.lower().rstrip(".") in TITLES for word in words):
        return False
    lowered = [word.lower() for word in words]
    if any(word in ORG_WORDS or word in GOVERNMENT_WORDS for word in lowered):
        return True
    if lowered[-1] in BUSINESS_ENDINGS or _national_body(words):
        return True  # "Boeing Co", "Enterprise Ireland"
    return any(word in ("for", "of") for word in lowered[1:-1])
