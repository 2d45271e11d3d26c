"""The archive database's batch sink: the one writer that stores a batch's sets in SQLite.

WAL journal, one transaction per group of COMMIT_EVERY articles, a savepoint per
article: a batch killed at any moment leaves a database that opens and holds every
article committed before the kill, and never part of one. Groups are counted, not timed,
so the same batch gives the same database file, byte for byte (with --no-timestamp).
A document already stored (by content id) is kept, or replaced with the `replace`
option; --skip-existing asks whether an input's source is stored.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ... import __version__
from ...errors import AnnotatorError, UsageError
from ...model import AnnotationSet
from ..rows import (
    ANNOTATION_COLUMNS,
    CHECK_COLUMNS,
    DOCUMENT_COLUMNS,
    DOCUMENT_EXTRA_COLUMNS,
    annotation_row,
    check_rows,
    conversion_rows,
    document_row,
)
from . import schema
from .metadata import write_metadata

COMMIT_EVERY = 50
BUSY_TIMEOUT_SECONDS = 30.0


def _json(value: Any) -> Any:
    """Lists and dicts as compact JSON text; everything else as it is."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return value


def _encoder(columns: tuple[str, ...]) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """A function that turns the list and dict values of a row of `columns` into JSON text."""
    positions = [i for i, name in enumerate(columns) if name in schema.JSON_COLUMNS]

    def encoded(row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        for i in positions:
            values[i] = _json(values[i])
        return tuple(values)

    return encoded


_document = _encoder(DOCUMENT_COLUMNS + DOCUMENT_EXTRA_COLUMNS)
_annotation = _encoder(ANNOTATION_COLUMNS)
_check = _encoder(CHECK_COLUMNS)


def connect(path: Path) -> sqlite3.Connection:
    """Open (or create) an archive database for writing.

    Raises UsageError when `path` is a folder, not an SQLite database, or not an annotator
    archive; AnnotatorError when it cannot be opened or written.
    """
    if path.is_dir():
        raise UsageError(f"{path} is a folder: -f sqlite writes one database file (-o archive.db)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    except (OSError, sqlite3.Error) as exc:
        raise AnnotatorError(f"cannot open {path}: {exc}") from None
    try:
        _check_archive(connection, path)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        if not connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            schema.create(connection)
    except AnnotatorError:
        connection.close()
        raise
    except sqlite3.Error as exc:
        connection.close()
        raise AnnotatorError(f"cannot write to {path}: {exc}") from None
    return connection


def _check_archive(connection: sqlite3.Connection, path: Path) -> None:
    """Raise UsageError unless the database is empty or an archive of this schema or older."""
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise UsageError(f"{path}: not an SQLite database ({exc})") from None
    if tables and application_id != schema.APPLICATION_ID:
        raise UsageError(f"{path}: an SQLite database, but not an annotator archive")
    if version > schema.SCHEMA_VERSION:
        raise UsageError(f"{path}: made by a newer annotator (schema {version})")


class ArchiveSink:
    """Stores each set of a batch in one SQLite database (see the module docstring)."""

    target_is_file = True

    def __init__(self, path: Path, options: dict[str, Any]) -> None:
        self.path = path
        self.replace = bool(options.get("replace"))
        self.connection = connect(path)
        self.counts = {"added": 0, "replaced": 0, "already_present": 0}
        self.pending = 0
        self.next_annotation = 0
        with self._transaction():
            when = (
                datetime.now(UTC).isoformat(timespec="seconds")
                if options.get("timestamp")
                else None
            )
            self.run = self.connection.execute(
                'INSERT INTO runs ("when", version, options) VALUES (?, ?, ?)',
                (when, f"annotator {__version__}", _json(dict(options.get("run") or {}))),
            ).lastrowid
            schema.refresh_money_view(self.connection, list(options.get("convert_to") or []))

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction of its own, or a part of the group already open.

        A storage error becomes an AnnotatorError naming the database.
        """
        own = not self.connection.in_transaction
        try:
            if own:
                self.connection.execute("BEGIN IMMEDIATE")
            yield self.connection
            if own:
                self.connection.execute("COMMIT")
        except sqlite3.Error as exc:
            if own and self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise AnnotatorError(f"cannot write to {self.path}: {exc}") from None

    def exists(self, source: str, output_stem: str) -> bool:
        """Whether a document read from `source` is stored already."""
        query = "SELECT 1 FROM documents WHERE source = ? LIMIT 1"
        try:
            return self.connection.execute(query, (source,)).fetchone() is not None
        except sqlite3.Error as exc:
            raise AnnotatorError(f"cannot read {self.path}: {exc}", source) from None

    def add(self, source: str, output_stem: str, annotation_set: AnnotationSet) -> None:
        """Store one article's set (or keep the stored one); commits every group of articles."""
        inside = False
        try:
            if not self.connection.in_transaction:
                self.connection.execute("BEGIN IMMEDIATE")
                self.next_annotation = self._last_annotation()
            self.connection.execute("SAVEPOINT article")
            inside = True
            self._store(annotation_set)
            self.connection.execute("RELEASE article")
        except sqlite3.Error as exc:
            raise self._failed(exc, source, inside) from None
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            try:
                self._commit()
            except sqlite3.Error as exc:
                self.pending -= 1  # this article: the error is reported as its failure
                raise self._failed(exc, source, False) from None

    def _store(self, annotation_set: AnnotationSet) -> None:
        document_id = annotation_set.document.id
        stored = self.connection.execute(
            "SELECT 1 FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if stored and not self.replace:
            self.counts["already_present"] += 1
            return
        if stored:
            self.connection.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        self.connection.execute(
            schema.insert("documents", schema.DOCUMENT_INSERT_COLUMNS),
            (*_document(document_row(annotation_set)), self.run),
        )
        annotations, conversions = [], []
        for annotation in annotation_set.annotations:
            self.next_annotation += 1
            annotations.append(
                (self.next_annotation, *_annotation(annotation_row(document_id, annotation)))
            )
            conversions += [(self.next_annotation, *row) for row in conversion_rows(annotation)]
        self.connection.executemany(
            schema.insert("annotations", schema.ANNOTATION_INSERT_COLUMNS), annotations
        )
        self.connection.executemany(
            schema.insert("conversions", schema.CONVERSION_INSERT_COLUMNS), conversions
        )
        self.connection.executemany(
            schema.insert("checks", schema.CHECK_INSERT_COLUMNS),
            [(document_id, *_check(row)) for row in check_rows(annotation_set)],
        )
        self.counts["replaced" if stored else "added"] += 1

    def _last_annotation(self) -> int:
        return self.connection.execute(
            "SELECT coalesce(max(rowid), 0) FROM annotations"
        ).fetchone()[0]

    def _failed(self, exc: sqlite3.Error, source: str, inside: bool) -> AnnotatorError:
        """Undo what is left of the article (`inside` its savepoint) or of its group.

        The error names the articles of the group lost with it, if any.
        """
        if inside and self.connection.in_transaction:
            self.connection.execute("ROLLBACK TO article")
            self.connection.execute("RELEASE article")
            self.next_annotation = self._last_annotation()
            return AnnotatorError(f"cannot store in {self.path}: {exc}", source)
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")
        lost = self.pending
        self.pending = 0
        group = (
            f" (the {lost} articles stored since the last commit were lost with it: "
            "run again with --skip-existing to add them)"
            if lost
            else ""
        )
        return AnnotatorError(f"cannot store in {self.path}: {exc}{group}", source)

    def _commit(self) -> None:
        if self.connection.in_transaction:
            self.connection.execute("COMMIT")
        self.pending = 0

    def fail(self, source: str, error: str, message: str) -> None:
        """Record one failed input in the `failures` table (committed with the next group)."""
        with self._transaction():
            self.connection.execute(
                "INSERT INTO failures (run, source, error, message) VALUES (?, ?, ?, ?)",
                (self.run, source, error, message),
            )

    def close(self, summary: Any) -> None:
        """Commit, record the run's counts, optimise, close, and write the datasette metadata."""
        try:
            self._commit()
        except sqlite3.Error as exc:
            raise self._failed(exc, str(self.path), False) from None
        counts = {
            name: getattr(summary, name, None) for name in ("ok", "failed", "skipped", "non_html")
        }
        counts.update(self.counts)
        assignments = ", ".join(f"{name} = ?" for name in counts)
        with self._transaction():
            self.connection.execute(
                f"UPDATE runs SET {assignments} WHERE id = ?", (*counts.values(), self.run)
            )
        try:
            self.connection.execute("PRAGMA optimize")
            self.connection.close()
            write_metadata(self.path)
        except (OSError, sqlite3.Error) as exc:
            raise AnnotatorError(f"cannot finish {self.path}: {exc}") from None
        if self.counts["already_present"]:
            print(
                f"annotate: {self.counts['already_present']} articles already in {self.path} "
                "were kept (--replace replaces them)",
                file=sys.stderr,
            )
