"""The archive database's tables, views, indices and full-text indices (SQLite DDL).

Tables: `runs` (one per batch), `documents`, `annotations` (typed columns for every field
of every built-in type, `fields` JSON for plugin types), `conversions`, `checks`,
`failures`. Views join annotations to their document: `quotes`, `dates`, `agencies`,
`money` (numbers as REAL, one `in_xxx` column per conversion currency). `documents_fts`
indexes headlines and article text, `quotes_fts` quote text and speakers (FTS5, kept in
step by triggers). Decimal amounts and rates are stored as the exact decimal strings of
the JSON; the `money` view casts them to REAL for sorting and filtering.
"""

from __future__ import annotations

import sqlite3

from ..rows import (
    ANNOTATION_CORE_COLUMNS,
    ANNOTATION_META_COLUMNS,
    CHECK_COLUMNS,
    CONVERSION_COLUMNS,
    DATE_FLAGS,
    DOCUMENT_COLUMNS,
    DOCUMENT_EXTRA_COLUMNS,
    FIELD_COLUMNS,
)

# PRAGMA application_id: the ASCII bytes "anno", so a file can be told to be ours.
APPLICATION_ID = 0x616E6E6F
SCHEMA_VERSION = 1

INTEGER_COLUMNS = {"start", "end", *DATE_FLAGS}
# Columns whose lists and dicts are stored as JSON text.
JSON_COLUMNS = {"authors", "provenance", "extra", "ids", "fields", "annotations"}
REAL_COLUMNS = {"confidence"}


def quoted(name: str) -> str:
    """A column name as an SQL identifier (`end` and `when` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def _column(name: str, required: tuple[str, ...] = ()) -> str:
    kind = "INTEGER" if name in INTEGER_COLUMNS else "REAL" if name in REAL_COLUMNS else "TEXT"
    return f"{quoted(name)} {kind}{' NOT NULL' if name in required else ''}"


def _columns(names: tuple[str, ...], required: tuple[str, ...] = ()) -> str:
    return ",\n  ".join(_column(name, required) for name in names)


DOCUMENT_INSERT_COLUMNS = (*DOCUMENT_COLUMNS, *DOCUMENT_EXTRA_COLUMNS, "run")
ANNOTATION_INSERT_COLUMNS = (
    "rowid",
    *ANNOTATION_CORE_COLUMNS,
    *ANNOTATION_META_COLUMNS,
    *FIELD_COLUMNS,
    "fields",
)
CONVERSION_INSERT_COLUMNS = ("annotation", *CONVERSION_COLUMNS)
CHECK_INSERT_COLUMNS = ("document_id", *CHECK_COLUMNS)

TABLES = f"""
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  "when" TEXT,
  version TEXT NOT NULL,
  options TEXT NOT NULL,
  ok INTEGER, failed INTEGER, skipped INTEGER, non_html INTEGER,
  added INTEGER, replaced INTEGER, already_present INTEGER
);
CREATE TABLE documents (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  {_columns(DOCUMENT_COLUMNS[1:], required=("source", "text"))},
  provenance TEXT,
  extra TEXT,
  run INTEGER REFERENCES runs(id)
);
CREATE TABLE annotations (
  rowid INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  {_columns(ANNOTATION_CORE_COLUMNS[2:], required=ANNOTATION_CORE_COLUMNS[2:])},
  {_columns(ANNOTATION_META_COLUMNS + FIELD_COLUMNS)},
  fields TEXT,
  UNIQUE (document_id, id)
);
CREATE TABLE conversions (
  annotation INTEGER NOT NULL REFERENCES annotations(rowid) ON DELETE CASCADE,
  {_columns(CONVERSION_COLUMNS)}
);
CREATE TABLE checks (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  message TEXT NOT NULL,
  annotations TEXT
);
CREATE TABLE failures (
  run INTEGER REFERENCES runs(id),
  source TEXT NOT NULL,
  error TEXT NOT NULL,
  message TEXT NOT NULL
);
"""

INDICES = """
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_publisher ON documents(publisher);
CREATE INDEX annotations_type ON annotations(type);
CREATE INDEX annotations_speaker ON annotations(speaker) WHERE speaker IS NOT NULL;
CREATE INDEX annotations_name ON annotations(name) WHERE name IS NOT NULL;
CREATE INDEX annotations_currency ON annotations(currency) WHERE currency IS NOT NULL;
CREATE INDEX conversions_annotation ON conversions(annotation);
CREATE INDEX conversions_currency ON conversions(currency);
CREATE INDEX checks_document ON checks(document_id);
"""

# External-content FTS5 tables: the text lives once, in documents and annotations.
# `quotes_fts` reads its content through the `quotes` view, so it indexes quote rows
# only and its 'rebuild' and 'integrity-check' commands see just those. The content
# names are in double quotes: datasette then finds each index for its table or view.
FULL_TEXT = """
CREATE VIRTUAL TABLE documents_fts USING fts5(
  headline, text, content="documents", content_rowid="rowid",
  tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, headline, text) VALUES (new.rowid, new.headline, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, headline, text)
  VALUES ('delete', old.rowid, old.headline, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF headline, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, headline, text)
  VALUES ('delete', old.rowid, old.headline, old.text);
  INSERT INTO documents_fts(rowid, headline, text) VALUES (new.rowid, new.headline, new.text);
END;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, speaker, content="quotes", content_rowid="rowid",
  tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON annotations WHEN new.type = 'quote' BEGIN
  INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON annotations WHEN old.type = 'quote' BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
  VALUES ('delete', old.rowid, old.text, old.speaker);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker ON annotations
WHEN old.type = 'quote' BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
  VALUES ('delete', old.rowid, old.text, old.speaker);
  INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
"""

_ARTICLE = "a.rowid, a.document_id, d.headline, d.published, d.publisher, a.id AS annotation"
_JOIN = "FROM annotations a JOIN documents d ON d.id = a.document_id"

VIEWS = f"""
CREATE VIEW quotes AS SELECT {_ARTICLE},
  a.text, a.speaker, a.speaker_role, a.speaker_mention, a.cue, a.kind, a.confidence
{_JOIN} WHERE a.type = 'quote';
CREATE VIEW dates AS SELECT {_ARTICLE},
  a.text, a.value, a.granularity, a.mod, a.relative, a.anchor, a.ambiguous, a.confidence
{_JOIN} WHERE a.type = 'date';
CREATE VIEW agencies AS SELECT {_ARTICLE},
  a.text, a.name, a.country, a.kind, a.parent, a.ids, a.confidence
{_JOIN} WHERE a.type = 'agency';
"""


def money_view(currencies: list[str]) -> str:
    """The `money` view, with an `in_xxx` REAL column for each conversion currency.

    Only ISO 4217-shaped codes (three ASCII letters) get a column, since they become
    column names; anything else cannot have a rate anyway.
    """
    converted = []
    for currency in currencies:
        if not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
            continue
        converted.append(
            f"(SELECT CAST(c.amount AS REAL) FROM conversions c WHERE c.annotation = a.rowid"
            f" AND c.currency = '{currency.upper()}' LIMIT 1) AS in_{currency.lower()}"
        )
    columns = ",\n  ".join(
        [
            "a.text",
            "CAST(a.amount AS REAL) AS amount",
            "CAST(a.amount_min AS REAL) AS amount_min",
            "CAST(a.amount_max AS REAL) AS amount_max",
            "a.currency",
            "a.mod",
            "a.equivalent_of",
            *converted,
            "a.confidence",
        ]
    )
    return f"CREATE VIEW money AS SELECT {_ARTICLE},\n  {columns}\n{_JOIN} WHERE a.type = 'money'"


def create(connection: sqlite3.Connection) -> None:
    """Create every table, index, full-text index and view, in one transaction."""
    connection.executescript(
        f"""BEGIN IMMEDIATE;
{TABLES}{INDICES}{VIEWS}{FULL_TEXT}{money_view([])};
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {SCHEMA_VERSION};
COMMIT;"""
    )


def refresh_money_view(connection: sqlite3.Connection, currencies: list[str]) -> None:
    """Recreate the `money` view for the conversion currencies stored and `currencies`."""
    stored = [row[0] for row in connection.execute("SELECT DISTINCT currency FROM conversions")]
    wanted = sorted({c.upper() for c in [*stored, *currencies] if c})
    connection.execute("DROP VIEW IF EXISTS money")
    connection.execute(money_view(wanted))


def insert(table: str, columns: tuple[str, ...]) -> str:
    """An INSERT statement with one `?` per column."""
    names = ", ".join(quoted(name) for name in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
