"""The Arrow schemas of documents.parquet and annotations.parquet, and rows → Arrow tables.

Imports pyarrow: load this module only when a batch is written (`annotator[parquet]`).
Columns follow `exporters/rows.py` (the same as the SQLite tables): strings for text and
for exact decimal amounts and rates, int64 offsets, float64 confidence, booleans for a
date's `relative`/`ambiguous`, nested lists for authors, checks and conversions, a map
for an agency's `ids`, JSON text for provenance, extra document fields and plugin fields.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pyarrow as pa

from ..rows import (
    ANNOTATION_COLUMNS,
    CHECK_COLUMNS,
    CONVERSION_COLUMNS,
    DATE_FLAGS,
    DOCUMENT_COLUMNS,
    DOCUMENT_EXTRA_COLUMNS,
)

STRING = pa.string()
REQUIRED = {"id", "source", "text", "document_id", "type", "start", "end"}
SPECIAL_TYPES: dict[str, pa.DataType] = {
    "authors": pa.list_(STRING),
    "start": pa.int64(),
    "end": pa.int64(),
    "confidence": pa.float64(),
    **dict.fromkeys(DATE_FLAGS, pa.bool_()),
    "ids": pa.map_(STRING, STRING),
    "checks": pa.list_(
        pa.struct([("type", STRING), ("message", STRING), ("annotations", pa.list_(STRING))])
    ),
    "conversions": pa.list_(
        pa.struct(
            [(name, pa.date32() if name == "rate_date" else STRING) for name in CONVERSION_COLUMNS]
        )
    ),
}
JSON_COLUMNS = {"provenance", "extra", "fields"}

DOCUMENT_TABLE_COLUMNS = (*DOCUMENT_COLUMNS, *DOCUMENT_EXTRA_COLUMNS, "checks")
ANNOTATION_TABLE_COLUMNS = (*ANNOTATION_COLUMNS, "conversions")


def _schema(columns: tuple[str, ...]) -> pa.Schema:
    return pa.schema(
        [
            pa.field(name, SPECIAL_TYPES.get(name, STRING), nullable=name not in REQUIRED)
            for name in columns
        ]
    )


DOCUMENTS = _schema(DOCUMENT_TABLE_COLUMNS)
ANNOTATIONS = _schema(ANNOTATION_TABLE_COLUMNS)


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def conversion_value(row: tuple[Any, ...]) -> dict[str, Any]:
    """One conversion row as the struct of the `conversions` column (rate_date a date)."""
    value = dict(zip(CONVERSION_COLUMNS, row, strict=True))
    if isinstance(value["rate_date"], str):
        value["rate_date"] = date.fromisoformat(value["rate_date"])
    return value


def check_value(row: tuple[Any, ...]) -> dict[str, Any]:
    """One check row as the struct of the `checks` column."""
    return dict(zip(CHECK_COLUMNS, row, strict=True))


def table(schema: pa.Schema, rows: list[tuple[Any, ...]]) -> pa.Table:
    """An Arrow table of `rows` (tuples in the schema's column order)."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    arrays = []
    for field, values in zip(schema, columns, strict=True):
        if field.name in JSON_COLUMNS:
            values = [_json(value) for value in values]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)
