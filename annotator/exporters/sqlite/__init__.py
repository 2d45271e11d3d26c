"""The `sqlite` exporter: a whole batch in one SQLite database, ready for datasette.

`annotate DIR -f sqlite -o archive.db` stores every article (documents, annotations with
typed columns, conversions, checks, the run) in `archive.db` and writes
`archive.metadata.json` beside it for `datasette archive.db -m archive.metadata.json`.
A second run appends; a document already present (same content id) is kept, or replaced
with `--replace`. The tables and views are in `schema.py`, the writer in `sink.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ...errors import UsageError
from ...hookspecs import hookimpl
from ...model import AnnotationSet


class SqliteExporter:
    """Writes a batch to one database file; there is no text form to stream."""

    name = "sqlite"
    media_type = "application/vnd.sqlite3"
    extension = ".db"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Refuse: a database is a file, so the batch needs -o FILE."""
        raise UsageError("-f sqlite writes a database file: give it with -o, e.g. -o archive.db")

    def open_batch(self, out: Path, options: dict[str, Any]) -> Any:
        """The sink that stores the batch in the database `out` (created when missing)."""
        from .sink import ArchiveSink

        return ArchiveSink(Path(out), options)


@hookimpl
def register_exporters(register) -> None:
    """Register the sqlite exporter."""
    register(SqliteExporter())
