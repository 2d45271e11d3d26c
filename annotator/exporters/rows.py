"""Flat rows of an annotation set for the table formats (sqlite, parquet).

One row per document, per annotation, per money conversion and per check, as tuples in
the column orders below. Values stay Python values (lists, dicts, bools, decimal strings):
each format encodes them its own way (JSON text in SQLite, nested types in Parquet).

Every field of a built-in type has its own column; a field two types share (`mod` of
dates and money, `kind` of quotes and agencies) shares a column. A plugin's type keeps
its fields in `fields` (a dict), and so would a built-in field this module does not know.
"""

from __future__ import annotations

from typing import Any

from ..model import Annotation, AnnotationSet

DOCUMENT_COLUMNS = (
    "id",
    "source",
    "url",
    "headline",
    "published",
    "published_source",
    "modified",
    "language",
    "publisher",
    "section",
    "authors",
    "dateline",
    "text",
)
# Set-level columns after the document's own fields.
DOCUMENT_EXTRA_COLUMNS = ("provenance", "extra")

ANNOTATION_CORE_COLUMNS = ("document_id", "id", "type", "start", "end", "text")
ANNOTATION_META_COLUMNS = ("confidence", "annotator")
TYPED_FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("value", "granularity", "mod", "relative", "anchor", "ambiguous"),
    "quote": ("speaker", "speaker_mention", "speaker_role", "cue", "kind"),
    "agency": ("name", "country", "kind", "parent", "ids"),
    "money": ("amount", "amount_min", "amount_max", "currency", "mod", "equivalent_of"),
}
FIELD_COLUMNS: tuple[str, ...] = tuple(
    dict.fromkeys(name for names in TYPED_FIELDS.values() for name in names)
)
# Fields a date states only when true; its row says false rather than nothing.
DATE_FLAGS = ("relative", "ambiguous")
# Fields that go to rows of their own rather than to a column.
NESTED_FIELDS = {"money": ("conversions",)}
ANNOTATION_COLUMNS = (
    *ANNOTATION_CORE_COLUMNS,
    *ANNOTATION_META_COLUMNS,
    *FIELD_COLUMNS,
    "fields",
)
CONVERSION_COLUMNS = (
    "currency",
    "amount",
    "amount_min",
    "amount_max",
    "rate",
    "rate_date",
    "source",
    "reason",
)
CHECK_COLUMNS = ("type", "message", "annotations")


def document_row(annotation_set: AnnotationSet) -> tuple[Any, ...]:
    """The document's values in DOCUMENT_COLUMNS + DOCUMENT_EXTRA_COLUMNS order.

    `extra` holds the document fields that have no column (None when there are none);
    `published_source` is None until the reader records one.
    """
    values = annotation_set.document.to_dict()
    extra = {k: v for k, v in values.items() if k not in DOCUMENT_COLUMNS}
    return (
        *(values.get(name) for name in DOCUMENT_COLUMNS),
        dict(annotation_set.provenance) or None,
        extra or None,
    )


def annotation_row(document_id: str, annotation: Annotation) -> tuple[Any, ...]:
    """One annotation's values in ANNOTATION_COLUMNS order (its conversions not included).

    A built-in type's fields fill their columns; a plugin type's fields, and any field
    of a built-in type that has no column, go into `fields` (None when there are none).
    """
    typed = TYPED_FIELDS.get(annotation.type, ())
    nested = NESTED_FIELDS.get(annotation.type, ())
    fields = annotation.fields
    values = dict.fromkeys(FIELD_COLUMNS)
    for name in typed:
        values[name] = fields.get(name)
    if annotation.type == "date":
        for flag in DATE_FLAGS:
            values[flag] = bool(fields.get(flag))
    rest = {k: v for k, v in fields.items() if k not in typed and k not in nested}
    return (
        document_id,
        annotation.id,
        annotation.type,
        annotation.start,
        annotation.end,
        annotation.text,
        annotation.confidence,
        annotation.annotator,
        *values.values(),
        rest or None,
    )


def conversion_rows(annotation: Annotation) -> list[tuple[Any, ...]]:
    """The money annotation's conversions, each in CONVERSION_COLUMNS order ([] for others)."""
    if "conversions" not in NESTED_FIELDS.get(annotation.type, ()):
        return []
    return [
        tuple(conversion.get(name) for name in CONVERSION_COLUMNS)
        for conversion in annotation.fields.get("conversions") or []
        if isinstance(conversion, dict)
    ]


def check_rows(annotation_set: AnnotationSet) -> list[tuple[Any, ...]]:
    """The set's checks, each in CHECK_COLUMNS order (`annotations` a list, or None)."""
    return [
        (check.get("type"), check.get("message"), check.get("annotations"))
        for check in annotation_set.checks
    ]
