"""The Parquet batch sink: documents and annotations streamed into part files, never rewritten.

OUT/documents.parquet/ and OUT/annotations.parquet/ are folders of part files (as Spark
writes them; pandas, pyarrow, DuckDB and Spark read a folder or a glob as one table).
Each part is written under a hidden temporary name in row groups of ROW_GROUP_DOCUMENTS
articles (or ROW_GROUP_BYTES of text), so memory stays flat however long the batch, and
renamed when done: the annotations part first, then the documents part, whose rename is
the commit. A part holds at most PART_DOCUMENTS articles, so a killed batch loses at most
that part; the next run removes what the kill left and --skip-existing redoes it.
A later run adds new parts; a document already stored (same content id) is skipped.
"""

from __future__ import annotations

import fcntl
import re
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ...errors import UsageError
from ...model import AnnotationSet
from ..rows import annotation_row, check_rows, conversion_rows, document_row
from . import schema

ROW_GROUP_DOCUMENTS = 500
ROW_GROUP_BYTES = 16_000_000
PART_DOCUMENTS = 10_000
COMPRESSION = "zstd"
TABLES = ("documents", "annotations")
PART_NAME = re.compile(r"part-(\d{5,})\.parquet")
LOCK_NAME = ".annotator.lock"


def part_name(number: int) -> str:
    """The file name of part `number` (same number in both tables)."""
    return f"part-{number:05d}.parquet"


def _parts(folder: Path) -> dict[int, Path]:
    found = {}
    for path in folder.glob("part-*.parquet"):
        match = PART_NAME.fullmatch(path.name)
        if match:
            found[int(match[1])] = path
    return found


def _column(paths: list[Path], name: str) -> set[str]:
    values: set[str] = set()
    for path in paths:
        values.update(pq.read_table(path, columns=[name]).column(name).to_pylist())
    return values


class _Part:
    """One part being written: a ParquetWriter per table, under temporary names."""

    def __init__(self, folders: dict[str, Path], number: int) -> None:
        self.final = {name: folders[name] / part_name(number) for name in TABLES}
        self.temporary = {
            name: path.with_name(f".{path.name}.tmp") for name, path in self.final.items()
        }
        schemas = {"documents": schema.DOCUMENTS, "annotations": schema.ANNOTATIONS}
        self.writers = {
            name: pq.ParquetWriter(self.temporary[name], schemas[name], compression=COMPRESSION)
            for name in TABLES
        }
        self.documents = 0

    def write(self, documents: list[tuple], annotations: list[tuple]) -> None:
        """Write one row group to each table."""
        for name, rows, table_schema in (
            ("documents", documents, schema.DOCUMENTS),
            ("annotations", annotations, schema.ANNOTATIONS),
        ):
            table = schema.table(table_schema, rows)
            self.writers[name].write_table(table, row_group_size=max(1, table.num_rows))
        self.documents += len(documents)

    def finish(self) -> None:
        """Close both files and rename them into place, documents last (the commit)."""
        for writer in self.writers.values():
            writer.close()
        for name in ("annotations", "documents"):
            self.temporary[name].replace(self.final[name])


class ParquetSink:
    """Streams a batch's sets into new part files under OUT (see the module docstring)."""

    target_is_file = False

    def __init__(self, out: Path, options: dict[str, Any]) -> None:
        if options.get("replace"):
            raise UsageError("--replace needs -f sqlite: Parquet parts are never rewritten")
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out} is a file: -f parquet writes a folder (-o OUTDIR)")
        self.out = out
        self.folders = {name: out / f"{name}.parquet" for name in TABLES}
        for folder in self.folders.values():
            folder.mkdir(parents=True, exist_ok=True)
        self.lock = open(out / LOCK_NAME, "w")  # held (and locked) until close()
        try:
            fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.lock.close()
            raise UsageError(f"{out}: another annotate is writing there") from None
        committed = self._tidy()
        self.ids = _column(committed, "id")
        self.committed = committed
        self.sources: set[str] | None = None
        self.next_part = 1 + max(_parts(self.folders["documents"]), default=-1)
        self.part: _Part | None = None
        self.documents: list[tuple] = []
        self.annotations: list[tuple] = []
        self.text_bytes = 0
        self.already_present = 0

    def _tidy(self) -> list[Path]:
        """Remove what a killed run left (temporary files, annotations parts never committed).

        Returns the committed documents parts.
        """
        documents = _parts(self.folders["documents"])
        for folder in self.folders.values():
            for leftover in folder.glob(".part-*.parquet.tmp"):
                leftover.unlink()
        for number, path in _parts(self.folders["annotations"]).items():
            if number not in documents:
                path.unlink()
        return [documents[number] for number in sorted(documents)]

    def exists(self, source: str, output_stem: str) -> bool:
        """Whether a document read from `source` is in a committed part or this run."""
        if self.sources is None:
            self.sources = _column(self.committed, "source")
        return source in self.sources

    def add(self, source: str, output_stem: str, annotation_set: AnnotationSet) -> None:
        """Buffer one article's rows; write a row group when the buffer is full."""
        document_id = annotation_set.document.id
        if document_id in self.ids:
            self.already_present += 1
            return
        self.ids.add(document_id)
        if self.sources is not None:
            self.sources.add(annotation_set.document.source)
        checks = [schema.check_value(row) for row in check_rows(annotation_set)]
        self.documents.append((*document_row(annotation_set), checks))
        for annotation in annotation_set.annotations:
            conversions = [schema.conversion_value(row) for row in conversion_rows(annotation)]
            self.annotations.append((*annotation_row(document_id, annotation), conversions or None))
        self.text_bytes += len(annotation_set.document.text)
        if len(self.documents) >= ROW_GROUP_DOCUMENTS or self.text_bytes >= ROW_GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if not self.documents:
            return
        if self.part is None:
            self.part = _Part(self.folders, self.next_part)
            self.next_part += 1
        self.part.write(self.documents, self.annotations)
        self.documents, self.annotations, self.text_bytes = [], [], 0
        if self.part.documents >= PART_DOCUMENTS:
            self.part.finish()
            self.part = None

    def fail(self, source: str, error: str, message: str) -> None:
        """Nothing to store: failures.jsonl in OUT lists failed inputs."""

    def close(self, summary: Any) -> None:
        """Write what is buffered, commit the last part, release OUT."""
        self._flush()
        if self.part is not None:
            self.part.finish()
            self.part = None
        if self.already_present:
            print(
                f"annotate: {self.already_present} articles already in {self.out} were kept",
                file=sys.stderr,
            )
        self.lock.close()
