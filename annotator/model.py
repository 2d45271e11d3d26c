"""The data model: Document, Annotation, AnnotationSet, with lossless to_dict()/from_dict()."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .reading.url_dates import url_date

SCHEMA_VERSION = "1.0"

DOCUMENT_FIELDS = (
    "id",
    "source",
    "url",
    "headline",
    "authors",
    "publisher",
    "section",
    "published",
    "published_source",
    "modified",
    "dateline",
    "language",
    "language_source",
    "extraction",
    "text",
)
# Where document.published came from (reading/published.py; `option`: --published), and
# document.language (`declared` by the page, `detected` from its text, `option`: --language).
PUBLISHED_SOURCES = ("json-ld", "meta", "time-element", "visible", "url", "htmldate", "option")
LANGUAGE_SOURCES = ("declared", "detected", "option")
# How the body was extracted (reading/routes.py): the page's JSON-LD articleBody, its one
# <article> element's paragraphs, its one article-body element's (a class or itemprop
# marks it), trafilatura's fast pass, or its full passes; last, a body
# the page carries only in its scripts' data (reading/page_data.py).
EXTRACTION_ROUTES = (
    "json-ld",
    "article",
    "body-element",
    "trafilatura-fast",
    "trafilatura-full",
    "page-data",
)
# Document fields written only when known, so that sets stored before they existed (and
# plain-text inputs, which have no extraction route) read back and re-export unchanged.
OPTIONAL_DOCUMENT_FIELDS = ("extraction",)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_UTC_STAMP = re.compile(r"T\d\d:\d\d.*(?:Z|[+-]00:?00)$")
# Calendar arithmetic a few years either side must stay inside datetime's range.
PLAUSIBLE_YEARS = range(1000, 9000)


def publication_day(published: str | None, url: str | None = None) -> date | None:
    """The calendar date an ISO 8601 stamp states, as written (its own zone, no conversion).

    A stamp in UTC whose article `url` carries the day before ("2019-11-20T01:50:59+00:00"
    for /story/2019-11-19/…) was converted from the publisher's evening: the URL's day is
    the article's own date. None when unknown, unparseable, or outside the years 1000–8999.
    """
    match = _ISO_DAY.match(published or "")
    if not match or int(match[1]) not in PLAUSIBLE_YEARS:
        return None
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    day_before = day - timedelta(days=1)
    if url and _UTC_STAMP.search(published) and url_date(url) == day_before:
        return day_before
    return day


ANNOTATION_CORE_FIELDS = ("id", "type", "start", "end", "text", "confidence", "annotator")
# The types the spec defines; any other type is a plugin's, checked by its schema fragment.
BUILT_IN_TYPES = ("date", "quote", "agency", "money")


@dataclass
class Document:
    """An article: its metadata and its plain-text body (paragraphs joined by a blank line).

    `checks` are what reading the page noticed (characters replaced…): the pipeline puts
    them first in the set's checks; they are not part of the document's JSON form.
    """

    id: str
    source: str
    text: str
    url: str | None = None
    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    section: str | None = None
    published: str | None = None
    modified: str | None = None
    dateline: str | None = None
    language: str | None = None
    published_source: str | None = None
    language_source: str | None = None
    extraction: str | None = None
    checks: list[dict[str, Any]] = field(default_factory=list, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the document (every spec field, None as null; an
        OPTIONAL_DOCUMENT_FIELDS field only when known)."""
        data = {name: getattr(self, name) for name in DOCUMENT_FIELDS}
        for name in OPTIONAL_DOCUMENT_FIELDS:
            if data[name] is None:
                del data[name]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Build a Document from its JSON form."""
        values = {name: data.get(name) for name in DOCUMENT_FIELDS}
        values["authors"] = list(values["authors"] or [])
        values["text"] = values["text"] or ""
        return cls(**values)


@dataclass
class Annotation:
    """One annotated span. `fields` holds the type-specific fields (value, speaker, amount…)."""

    type: str
    start: int
    end: int
    text: str
    confidence: float = 1.0
    annotator: str = ""
    id: str = ""
    fields: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the flat JSON form: core fields plus the type-specific ones."""
        data = {name: getattr(self, name) for name in ANNOTATION_CORE_FIELDS}
        data.update(self.fields)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Annotation:
        """Build an Annotation from its flat JSON form."""
        core = {name: data[name] for name in ANNOTATION_CORE_FIELDS if name in data}
        extra = {k: v for k, v in data.items() if k not in ANNOTATION_CORE_FIELDS}
        return cls(**core, fields=extra)


@dataclass
class AnnotationSet:
    """Everything known about one article: the document, its annotations, checks, provenance."""

    document: Document
    annotations: list[Annotation] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)
    checks: list[dict[str, Any]] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the set (the spec's section 1)."""
        data: dict[str, Any] = {
            "schema_version": self.schema_version,
            "document": self.document.to_dict(),
            "annotations": [a.to_dict() for a in self.annotations],
            "provenance": dict(self.provenance),
        }
        if self.checks:
            data["checks"] = [dict(c) for c in self.checks]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnnotationSet:
        """Build an AnnotationSet from its JSON form."""
        return cls(
            document=Document.from_dict(data["document"]),
            annotations=[Annotation.from_dict(a) for a in data.get("annotations", [])],
            provenance=dict(data.get("provenance", {})),
            checks=list(data.get("checks", [])),
            schema_version=data.get("schema_version", SCHEMA_VERSION),
        )

    def to_json(self, indent: int | None = 2) -> str:
        """Serialise deterministically: sorted keys, no ASCII escaping, trailing newline."""
        return dumps(self.to_dict(), indent=indent)

    def by_id(self) -> dict[str, Annotation]:
        """Map annotation id → annotation."""
        return {a.id: a for a in self.annotations}


def dumps(data: Any, indent: int | None = 2) -> str:
    """The one JSON serialisation used for every output: sorted keys, UTF-8 text."""
    separators = (",", ": ") if indent is not None else (",", ":")
    text = json.dumps(
        data, indent=indent, sort_keys=True, ensure_ascii=False, separators=separators
    )
    return text + "\n" if indent is not None else text
