"""Who issued a document a quotation is read from: "the report said", "the statement said".

The spec gives words quoted from a document to its issuer. When the document is named only
by its noun ("The report described the pipeline as …"), its issuer is the one the article
gave when it introduced a document earlier: "A workforce study published last year by the
Alaska Department of Labor …", "A report by the Northern and Western Regional Assembly …",
"Mr Olawale Jimoh-Ibrahim, said in a statement on Tuesday …".
"""

from __future__ import annotations

import re

# Nouns of documents a later "the report" or "the statement" may refer back to.
ISSUED_NOUNS = (
    r"report|study|survey|review|audit|assessment|analysis|statement|letter|ruling|judgment"
    r"|judgement|submission|paper|memo|notice|order"
)
# A capitalised name, with the small words names hold ("Department of Labor and Workforce
# Development", "Northern and Western Regional Assembly").
ISSUER = (
    r"(?:Mr|Mrs|Ms|Dr|Prof)?\.?\s*[A-Z][\w’'&.-]*"
    r"(?:,?\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w’'&.-]*){0,8}"
)
# "A report by the X", "a workforce study published last year by the X", "a letter from X".
INTRODUCED_BY = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Aa]nother)\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{ISSUED_NOUNS}),?\s+"
    r"(?:(?:on|into|about|of)\s+(?:[\w’'-]+\s+){0,4}?)?"  # "a report on heritage skills"
    r"(?:(?:published|issued|released|commissioned|compiled|prepared|produced|tabled)\s+"
    r"(?:[\w-]+\s+){0,3}?)?"
    r"(?:by|(?:(?:she|he|they|we|I)\s+(?:received|got)\s+)?from)\s+(?:the\s+)?"
    rf"(?P<issuer>{ISSUER})\b(?!\s+[a-z]+['’]s\b)"
)  # ("A letter she received from Immigration New Zealand"; not "from the Clogherhead woman's")
# "The letter to the Energy Division, signed by SCC Chief Executive Md X,": its signer.
SIGNED_BY = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{ISSUED_NOUNS})\b"
    r"[^.;:!?\"“”]{0,80}?,?\s+signed\s+by\s+(?:the\s+)?"
    rf"(?P<issuer>{ISSUER})"
)
# A document's addressee ends the words before it: "The letter to the ", "a report sent to".
ADDRESSED_TO = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{ISSUED_NOUNS})\s+"
    r"(?:(?:addressed|sent)\s+)?to\s+(?:the\s+)?$"
)
# "A consultant's assessment prepared for the city": a document by an unnamed author.
OWNED = re.compile(
    rf"(?P<issuer>[Aa]n?\s+[a-z]+)['’]s\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{ISSUED_NOUNS})\b"
)
# "Mr X, said in a statement", "the ministry said in a statement".
SAID_IN = re.compile(
    rf"(?P<issuer>{ISSUER}),?\s+(?:said|says|told\s+\w+)\s+in\s+an?\s+"
    rf"(?:[\w-]+\s+)?(?P<noun>{ISSUED_NOUNS})\b"
)
# How far back (characters) an introduced document is looked for.
DOCUMENT_REACH = 1500


def issuer_here(text: str, position: int) -> str | None:
    """The issuer a document named at `position` gives itself: "A report by the Northern
    and Western Regional Assembly" → "Northern and Western Regional Assembly", "A
    consultant's assessment" → "a consultant"; else None."""
    match = INTRODUCED_BY.match(text, position) or SIGNED_BY.match(text, position)
    if match is not None:
        return match["issuer"].strip(" ,")
    owned = OWNED.match(text, position)
    return owned["issuer"][0].lower() + owned["issuer"][1:] if owned else None


# A sentence of the paragraph whose subject is a document: "The report itself was blunter."
DOCUMENT_SUBJECT = re.compile(
    rf"(?:^|[.!?][\"”’]?\s+)(?P<det>The|Its|An?)\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>{ISSUED_NOUNS})\b",
    re.MULTILINE,
)
# The person a document just introduced is from, set off by commas: "A victim impact
# statement from the Stradone farmer, Mr Patrick Reilly, was read to the court".
FROM_SET_OFF = re.compile(
    r"\s+(?:from|by)\s+[^.!?\"“”]{0,60}?,\s+((?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}),"
)


def document_just_named(text: str, position: int) -> str | None:
    """The issuer of the document the latest sentence of the paragraph before `position` is
    about, for an "it said" after its quotation: "The report itself was blunter. “…,” it
    stated." after "The … report, released on Monday by the Commission"; None when the
    article gave it none (the body "it" last meant then speaks)."""
    paragraph = text.rfind("\n", 0, position) + 1
    found = next(reversed(list(DOCUMENT_SUBJECT.finditer(text, paragraph, position))), None)
    if found is None:
        return None
    if found["det"] in ("The", "Its"):
        return document_issuer(text, found.start("noun"), found["noun"])
    person = FROM_SET_OFF.match(text, found.end())  # "A … statement from …, Mr X, was read"
    return person[1] if person else issuer_here(text, found.start("det"))


def addressed_document(text: str, position: int) -> re.Match | None:
    """The document whose addressee is named at `position` ("The letter to the Energy
    Division, signed by …, says"): the addressee never speaks, the document does."""
    return ADDRESSED_TO.search(text, max(0, position - 60), position)


def document_issuer(text: str, position: int, noun: str) -> str | None:
    """The issuer of the latest document of the kind `noun` ("report", "statement"; a
    study, survey or review stands for a report) introduced with its issuer within
    DOCUMENT_REACH characters before `position`, or None."""
    wanted = _kind(noun)
    found: tuple[int, str] | None = None
    lo = max(0, position - DOCUMENT_REACH)
    for pattern in (INTRODUCED_BY, SIGNED_BY, SAID_IN):
        for match in pattern.finditer(text, lo, position):
            if _kind(match["noun"]) == wanted and (found is None or match.start() > found[0]):
                found = (match.start(), match["issuer"].strip(" ,"))
    return found[1] if found else None


def _kind(noun: str) -> str:
    """Documents a writer calls by each other's names: a study or survey is "the report"."""
    noun = noun.lower()
    if noun in ("study", "survey", "review", "audit", "assessment", "analysis", "paper"):
        return "report"
    if noun == "judgement":
        return "judgment"
    return noun
