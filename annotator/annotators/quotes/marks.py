"""Quotation marks: which marks open and close a quotation, and where sentences end.

A quotation is found from its opening mark to the matching closing mark in the
publisher's primary style (double quotes, or single quotes for British-style
text). Marks of the other style inside a quotation are nested and stay in it;
apostrophes never open or close. A quotation may run over several paragraphs
when each of them opens with a quote mark and only the last one closes. Curly
double marks show their direction, so a stray space inside them does not matter
(`“ I love it.”`, `continue to see ” he said`), and a closing mark written
where an opening one belongs still opens (`were ”dwindling.”`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PARAGRAPH_BREAK = "\n\n"
DOUBLE_CLOSERS = {
    "“": ("”", "’’", '"'),
    '"': ('"', "”"),
    "«": ("»",),
    "„": ("“", "”"),
    "”": ("”",),  # a misdirected opening mark: `were ”dwindling.”`
}
# Marks that only ever open or only ever close, whatever spaces stand next to them.
CURLY_OPENERS = "“«"
CURLY_CLOSERS = "”»"
SINGLE_CLOSERS = {"‘": ("’", "'"), "'": ("'", "’"), "‹": ("›",)}
OPEN_CONTEXT = " \t\n([{—–-/"
DECADE = re.compile(r"['’]\d0s\b")
DOUBLE_OPENERS = re.compile("[" + "".join(DOUBLE_CLOSERS) + "]")
SINGLE_OPENERS = re.compile("[" + "".join(SINGLE_CLOSERS) + "]")
POSSESSIVE_FOLLOW = re.compile(r" +[a-z]")
SLOPPY_ENDS = frozenset(".?!,")  # end punctuation a stray space may separate from a closing mark
SENTENCE_START = re.compile(r"[)\]]?\s+([\"“‘'«(]?)(\S)")
# Where a sentence may end: a paragraph break (its first newline), or end punctuation
# before white space (a closing bracket between) or at the end of the text: the only places
# `_starts_sentence` can accept ("3.5", "U.S." and "e.g." never reach it).
BREAK_CANDIDATE = re.compile(r"\n(?=\n)|[.!?](?=[)\]]?\s|\Z)")
ABBREVIATIONS = frozenset(
    "mr mrs ms dr gov sen rep st jr sr prof gen col lt sgt capt no vs etc inc co corp ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx dept univ hon rev coun "
    "cllr ma sta sto engr atty".split()  # (Filipino "Ma. Corazon", "Sta. Cruz", "Sto. Niño")
)


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: `start`/`end` bound the quoted words, `open_at`/`close_end` the marks."""

    start: int
    end: int
    open_at: int
    close_end: int


def primary_style(text: str) -> str:
    """'single' when single quotes open more quotations than double quotes do, else 'double'
    (single marks nested in a double quotation, `“had ‘Ka-Bar’ stamped on it”`, not counted)."""
    doubles = [m.start() for m in DOUBLE_OPENERS.finditer(text) if _opens(text, m.start())]
    singles = [m.start() for m in SINGLE_OPENERS.finditer(text) if _opens(text, m.start())]
    if len(singles) > len(doubles) and doubles:
        nested = _spans(text, DOUBLE_OPENERS, DOUBLE_CLOSERS)
        singles = [i for i in singles if not any(q.open_at < i < q.close_end for q in nested)]
    if len(singles) != len(doubles):
        return "single" if len(singles) > len(doubles) else "double"
    return "single" if singles and singles[0] < doubles[0] else "double"


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before not in OPEN_CONTEXT and not (before == ":" and after.isupper()):
        return False  # (`statement:"Today …`: a colon glued to the quotation it introduces)
    if after.isspace() and not (
        text[i] in CURLY_OPENERS and after == " " and text[i + 2 : i + 3].strip()
    ):
        return False  # `“ I love it.”`: one stray space after a curly opening mark
    return not DECADE.match(text, i)


def _closes(text: str, j: int, closer: str) -> bool:
    if not text.startswith(closer, j):
        return False
    if text[j - 1].isspace() and closer[0] not in CURLY_CLOSERS:
        if not (text[j - 1] == " " and text[j - 2 : j - 1] in SLOPPY_ENDS):
            return False  # a mark after a space opens, except after end punctuation: 'ourselves? "'

    after = text[j + len(closer)] if j + len(closer) < len(text) else " "
    if after.isupper() and text[j - 1] in ".!?":
        return True  # `evident."Making matters worse`: paragraphs glued by the page
    return not after.isalnum()


def _looks_possessive(text: str, k: int, limit: int, closers: tuple[str, ...]) -> bool:
    """A plural possessive ("the firms' profits") when another closer follows in the paragraph."""
    if (
        text[k] not in "'’"
        or text[k - 1] != "s"
        or not POSSESSIVE_FOLLOW.match(text[k + 1 : k + 4])
    ):
        return False
    return _find_closer(text, k + 1, limit, closers)[0] >= 0


def _find_closer(text: str, j: int, limit: int, closers: tuple[str, ...]) -> tuple[int, str]:
    firsts = _first_chars(closers)
    while True:
        hit = firsts.search(text, j, limit)
        if hit is None:
            return -1, ""
        j = hit.start()
        for closer in closers:
            if text[j] == closer[0] and _closes(text, j, closer):
                return j, closer
        j += 1


_FIRST_CHARS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _first_chars(closers: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any character a closer in `closers` starts with (cached)."""
    pattern = _FIRST_CHARS.get(closers)
    if pattern is None:
        chars = "".join(sorted({c[0] for c in closers}))
        pattern = _FIRST_CHARS[closers] = re.compile("[" + re.escape(chars) + "]")
    return pattern


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quotation in `text` in the primary style, in order, without overlaps."""
    if primary_style(text) == "single":
        return _spans(text, SINGLE_OPENERS, SINGLE_CLOSERS)
    return _spans(text, DOUBLE_OPENERS, DOUBLE_CLOSERS)


def _spans(
    text: str, openers: re.Pattern[str], table: dict[str, tuple[str, ...]]
) -> list[QuoteSpan]:
    """The quotations `openers` open and `table` closes, in order, without overlaps."""
    spans: list[QuoteSpan] = []
    hit = openers.search(text)
    while hit is not None:
        i = hit.start()
        if _opens(text, i):
            span = _match(text, i, table)
            if span is not None:
                spans.append(span)
                hit = openers.search(text, span.close_end)
                continue
        hit = openers.search(text, i + 1)
    return spans


def _match(text: str, open_at: int, table: dict[str, tuple[str, ...]]) -> QuoteSpan | None:
    closers = table[text[open_at]]
    j = open_at + 1
    while True:
        limit = text.find(PARAGRAPH_BREAK, j)
        limit = len(text) if limit < 0 else limit
        k, closer = _find_closer(text, j, limit, closers)
        while k >= 0 and _looks_possessive(text, k, limit, closers):
            k, closer = _find_closer(text, k + 1, limit, closers)
        if k >= 0:
            if not text[open_at + 1 : k].strip():
                return None
            end = k
            while text[end - 1].isspace():  # 'ourselves? "': the words end before the space
                end -= 1
            start = open_at + 1
            while text[start].isspace():  # `“ I love it.”`
                start += 1
            return QuoteSpan(start, end, open_at, k + len(closer))
        nxt = limit + len(PARAGRAPH_BREAK)
        if limit >= len(text) or nxt >= len(text) or text[nxt] not in table:
            return None
        j = nxt + 1


def _is_abbreviation(text: str, dot: int) -> bool:
    floor = max(0, dot - 24)
    start = text.rfind(" ", floor, dot) + 1 or floor  # most words run back to a space
    token = text[start:dot]
    if token.isalpha():  # a plain word, the usual case
        return len(token) == 1 or token.lower() in ABBREVIATIONS
    if not token.replace(".", "").replace("_", "").isalnum():
        start = dot  # the word before the dot (letters, digits, "_" and inner dots), read back
        while start > floor and (text[start - 1].isalnum() or text[start - 1] in "._"):
            start -= 1
        token = text[start:dot]
    if not token:
        return False
    return (len(token) == 1 and token.isalpha()) or "." in token or token.lower() in ABBREVIATIONS


def sentence_breaks(text: str, spans: list[QuoteSpan]) -> list[int]:
    """Offsets where sentences end (after their punctuation), treating quotations as atomic."""
    breaks: list[int] = []
    opens = sorted({s.open_at: s for s in spans}.items())
    n = 0  # the next quotation (by opening mark) not yet reached
    i = 0  # everything before this offset is done
    for hit in BREAK_CANDIDATE.finditer(text):
        at = hit.start()
        while n < len(opens) and opens[n][0] <= at:
            if opens[n][0] >= i:  # not inside an earlier quotation
                i = _quotation_break(text, opens[n][1], breaks)
            n += 1
        if at < i:
            continue
        if text[at] == "\n":
            breaks.append(at)
        elif _starts_sentence(text, at + 1) and not (
            text[at] == "." and _is_abbreviation(text, at)
        ):
            breaks.append(at + 1)
        i = at + 1
    for open_at, span in opens[n:]:
        if open_at >= i:
            i = _quotation_break(text, span, breaks)
    breaks.append(len(text))
    return sorted(set(breaks))


def _quotation_break(text: str, span: QuoteSpan, breaks: list[int]) -> int:
    """Add the break after a quotation that ends a sentence; return where scanning resumes."""
    tail = text[span.start : span.end].rstrip("’'”\" ")
    glued = text[span.close_end : span.close_end + 1].isupper()  # `evident."Making matters`
    if tail.endswith((".", "!", "?")) and (glued or _starts_sentence(text, span.close_end)):
        breaks.append(span.close_end)
    return span.close_end


def _starts_sentence(text: str, k: int) -> bool:
    if text.startswith(" ", k) and text[k + 1 : k + 2].isupper():
        return True  # ". The": the usual case, settled without the pattern
    rest = text[k : k + 4]
    if not rest or rest.startswith(PARAGRAPH_BREAK):
        return True
    match = SENTENCE_START.match(text, k, k + 4)  # (the same four characters, not copied)
    return bool(match) and (match.group(2).isupper() or match.group(2).isdigit())
