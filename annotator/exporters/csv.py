"""The `csv` exporter: one row per annotation, one header for a whole batch.

Columns, in this order (a cell is empty when the annotation has no such field):

==================  ==========================================================
document_id         the document's id (``sha256:…`` of the input bytes)
source              where the document was read from
headline            the article's headline
published           the publication date-time (ISO 8601)
annotation_id       the annotation's id in its set (``date-1``, ``money-2``…)
type                ``date``, ``quote``, ``agency``, ``money`` or a plugin's type
start, end          code-point offsets into the document text, end exclusive
text                the annotated words
confidence          0..1
annotator           the plugin that made the annotation
value, value_start, value_end, granularity, mod, relative, anchor
                    date fields: ``value_start``/``value_end`` are the first and
                    last ISO day the value stands for (weeks, seasons, quarters
                    too; see timex.py); ``relative`` is true or false, never empty
speaker, speaker_mention, cue, kind          quote fields (``kind`` is also the agency kind)
name, country, parent                        agency fields
amount, amount_min, amount_max, currency, equivalent_of    money fields
amount_USD, amount_EUR…   the converted amount for each target currency in
                    ``options["convert_to"]`` (default USD, EUR); empty when
                    no rate exists
==================  ==========================================================

The file is UTF-8, quoted per RFC 4180 (``\\r\\n`` line ends, fields with
commas, quotes or line breaks in double quotes). A text cell a spreadsheet
would execute (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) or that
starts with a single quote is prefixed with a single quote, unless
``options["csv_raw"]``; `read_rows()` undoes this. Lone surrogates become
U+FFFD; a list or object value is written as compact JSON. Documents without annotations give no rows.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..hookspecs import hookimpl
from ..model import Annotation, AnnotationSet, dumps
from ..timex import span
from .xmltext import unicode_safe

DOCUMENT_COLUMNS = ("document_id", "source", "headline", "published")
ANNOTATION_COLUMNS = ("annotation_id", "type", "start", "end", "text", "confidence", "annotator")
FIELD_COLUMNS = (
    "value",
    "value_start",
    "value_end",
    "granularity",
    "mod",
    "relative",
    "anchor",
    "speaker",
    "speaker_mention",
    "cue",
    "kind",
    "name",
    "country",
    "parent",
    "amount",
    "amount_min",
    "amount_max",
    "currency",
    "equivalent_of",
)
DEFAULT_TARGETS = ("USD", "EUR")
INTEGER_COLUMNS = ("start", "end")
FLOAT_COLUMNS = ("confidence",)
BOOLEAN_COLUMNS = ("relative",)
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def columns(targets: Iterable[str] = DEFAULT_TARGETS) -> list[str]:
    """The header for conversion targets `targets`."""
    converted = [f"amount_{currency}" for currency in targets]
    return [*DOCUMENT_COLUMNS, *ANNOTATION_COLUMNS, *FIELD_COLUMNS, *converted]


def _cell(value: Any, raw: bool) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = unicode_safe(value if isinstance(value, str) else dumps(value, indent=None))
    if not raw and text.startswith(DANGEROUS_STARTS):
        return "'" + text
    return text


def _converted(annotation: Annotation, targets: Iterable[str]) -> list[Any]:
    amounts = {
        c.get("currency"): c.get("amount")
        for c in annotation.fields.get("conversions") or []
        if isinstance(c, dict)
    }
    return [amounts.get(currency) for currency in targets]


def _date_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """A date's fields with its span (value_start/value_end) and `relative` never missing."""
    first_last = span(fields.get("value"))
    return {
        **fields,
        "relative": bool(fields.get("relative")),
        "value_start": first_last[0].isoformat() if first_last else None,
        "value_end": first_last[1].isoformat() if first_last else None,
    }


def row(annotation_set: AnnotationSet, annotation: Annotation, targets: list[str]) -> list[Any]:
    """The raw (un-neutralised) values of one annotation's row, in `columns(targets)` order."""
    document = annotation_set.document
    fields = annotation.fields
    if annotation.type == "date":
        fields = _date_fields(fields)
    return [
        document.id,
        document.source,
        document.headline,
        document.published,
        annotation.id,
        annotation.type,
        annotation.start,
        annotation.end,
        annotation.text,
        annotation.confidence,
        annotation.annotator,
        *(fields.get(name) for name in FIELD_COLUMNS),
        *_converted(annotation, targets),
    ]


class CsvExporter:
    """One row per annotation; the header once per stream."""

    name = "csv"
    media_type = "text/csv"
    extension = ".csv"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write the header, then each set's rows as the set arrives."""
        targets = list(options.get("convert_to") or DEFAULT_TARGETS)
        raw = bool(options.get("csv_raw"))
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(columns(targets))
        for annotation_set in sets:
            for annotation in annotation_set.annotations:
                values = row(annotation_set, annotation, targets)
                writer.writerow([_cell(value, raw) for value in values])


def _typed(column: str, cell: str, raw: bool) -> Any:
    if cell == "":
        return None
    if column in INTEGER_COLUMNS:
        return int(cell)
    if column in FLOAT_COLUMNS:
        return float(cell)
    if column in BOOLEAN_COLUMNS:
        return cell == "true"
    if not raw and cell.startswith("'") and cell[1:].startswith(DANGEROUS_STARTS):
        return cell[1:]
    return cell


def read_rows(stream: TextIO, raw: bool = False) -> Iterator[dict[str, Any]]:
    """Read a CSV written by CsvExporter back into dicts of typed values (None for empty cells)."""
    reader = csv.reader(stream)
    header = next(reader, None) or []
    for cells in reader:
        yield {
            column: _typed(column, cell, raw) for column, cell in zip(header, cells, strict=True)
        }


@hookimpl
def register_exporters(register) -> None:
    """Register the csv exporter."""
    register(CsvExporter())
