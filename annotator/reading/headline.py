"""The article's headline: the page's <h1> when a title confirms it, else the best title with
its "Section | " prefix and " - Site" suffix taken off; never a bare section or site name."""

from __future__ import annotations

import re
from collections.abc import Iterable

# " | ", " - ", " – ", " — ", " · ", " • ", " : ", " :: " between a headline and a site or
# section name.
SEPARATOR = re.compile(r"(\s+[|\-–—·•:]\s+|\s+::\s+)")
# The same, plus "Site: headline" (a colon), used only to confirm an <h1>.
CONFIRMING_SEPARATOR = re.compile(r"(\s+[|\-–—·•]\s+|\s+::\s+|:\s+)")
SHORT_PART = 30  # characters: a trailing part this short is a site or section name
SECTION_WORDS = 3  # a "Section | " prefix has at most this many words
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-", "—": "-"})
MAX_H1 = 300


def _key(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split()).casefold()


def _is_section_prefix(part: str, separator: str, rest: str) -> bool:
    """'Opinion' in 'Opinion | headline': a few words before a pipe, the rest longer."""
    return len(part.split()) <= SECTION_WORDS and "|" in separator and len(part) < len(rest)


def _confirmation(h1: str, titles: list[str]) -> str | None:
    """'whole' when a title is the <h1> itself, 'part' when a title holds it as one of its
    parts ("Opinion | H1", "H1 - Site", "Site: H1"), but never as a "Section | " prefix."""
    wanted = _key(h1)
    found = None
    for title in titles:
        key = _key(title)
        if key == wanted:
            return "whole"
        pieces = CONFIRMING_SEPARATOR.split(title)
        parts = [_key(p) for p in pieces[0::2]]
        separators = pieces[1::2]
        for start in range(len(parts)):
            for end in range(start + 1, len(parts) + 1):
                if " ".join(parts[start:end]) != wanted:
                    continue
                rest = " ".join(parts[end:])
                if (
                    start == 0
                    and end < len(parts)
                    and _is_section_prefix(wanted, separators[0], rest)
                ):
                    continue
                found = "part"
        # the old rule: a title that starts with the <h1> and goes on with a short tail
        if key.startswith(wanted) and len(key) - len(wanted) < min(SHORT_PART, len(wanted)):
            found = "part"
    return found


def _compact(text: str) -> str:
    return re.sub(r"\W", "", _key(text))


def _holds_name(part: str, names: Iterable[str]) -> bool:
    """Whether a trailing title part names the site ('Metro News', 'NPR', 'Pastebin.com')."""
    compact = _compact(part)
    return any(
        (name_compact := _compact(name)) and (name_compact in compact or compact in name_compact)
        for name in names
    )


def _is_name(text: str, names: Iterable[str]) -> bool:
    """Whether `text` is a site or section name itself ('The New Republic' for
    'newrepublic'), not a headline that mentions one ('NPR chief resigns')."""
    compact = _compact(text)
    short = len(text.split()) <= SECTION_WORDS + 1
    for name in names:
        name_compact = _compact(name)
        if name_compact and (
            compact == name_compact
            or (short and (name_compact in compact or compact in name_compact))
        ):
            return True
    return False


def strip_title(title: str, sites: list[str], sections: list[str]) -> str:
    """`title` without a leading section name ('Opinion | ') and its trailing site name and
    short parts (' - The Two-Way : NPR')."""
    pieces = SEPARATOR.split(title)  # part, separator, part, …
    parts, separators = pieces[0::2], pieces[1::2]
    if len(parts) > 1 and (
        _is_name(parts[0], [*sections, *sites])
        or _is_section_prefix(parts[0], separators[0], " ".join(parts[1:]))
    ):
        parts, separators = parts[1:], separators[1:]
    site_at = next((i for i in range(len(parts) - 1, 0, -1) if _holds_name(parts[i], sites)), None)
    if site_at is not None:
        parts, separators = parts[:site_at], separators[: site_at - 1]
    elif len(parts) > 1 and len(parts[-1]) < SHORT_PART:
        parts, separators = parts[:-1], separators[:-1]
    text = parts[0]
    for separator, part in zip(separators, parts[1:], strict=True):
        text += separator + part
    return " ".join(text.split())


def choose_headline(
    titles: list[str], h1s: list[str], sites: list[str], sections: list[str]
) -> str | None:
    """The headline from the page's titles (JSON-LD, og:, twitter:, <title>, in that order)
    and its <h1> texts; None when the page has neither. A "section" as long as a headline
    that is the page's own <h1> (a breadcrumb trail ending in the article) names no section."""
    own = {_key(h1) for h1 in h1s if len(h1) >= SHORT_PART}
    sections = [section for section in sections if _key(section) not in own]
    for h1 in h1s:
        if len(h1) > MAX_H1:
            continue
        confirmation = _confirmation(h1, titles)
        if confirmation == "whole" or (
            confirmation == "part" and not _is_name(h1, [*sections, *sites])
        ):
            return h1
    for title in titles:
        stripped = strip_title(title, sites, sections)
        if stripped and not _is_name(stripped, [*sections, *sites]):
            return stripped
    for title in titles:
        if not _is_name(title, [*sections, *sites]):
            return title
    return next((h1 for h1 in h1s if len(h1) <= MAX_H1), None)
