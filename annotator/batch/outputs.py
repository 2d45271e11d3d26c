"""Batch outputs: safe output names, atomic writes, and the failures.jsonl record."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError
from .inputs import InputItem


def output_path(out_dir: Path, item: InputItem, extension: str) -> Path:
    """Where an input's output goes under `out_dir`; never outside it."""
    target = (out_dir / f"{item.output_stem}{extension}").resolve()
    root = out_dir.resolve()
    if root not in target.parents:
        raise InputError("output name would leave the output folder", item.source)
    return target


@contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """Write a text file atomically: a temporary file in the same folder, renamed on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_output(path: Path, exporter: Any, sets: Iterable[Any], options: dict[str, Any]) -> None:
    """Export `sets` to the file `path` atomically.

    The exporter's options get `output_path` (the final path, as a string), so an
    exporter that writes companion files (brat's `.txt` beside its `.ann`) knows where.
    """
    with atomic_writer(path) as stream:
        exporter.write(sets, stream, {**options, "output_path": str(path)})


def failure_record(source: str, error: BaseException) -> dict[str, str]:
    """The failures.jsonl entry of one failed input: source, error class, message."""
    reason = getattr(error, "reason", None) or str(error) or type(error).__name__
    return {"source": source, "error": type(error).__name__, "message": reason}


def append_failure(out_dir: Path, record: dict[str, str]) -> None:
    """Append one failure entry (see failure_record) to OUT/failures.jsonl."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "failures.jsonl", "a", encoding="utf-8") as stream:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def record_failure(out_dir: Path, source: str, error: BaseException) -> None:
    """Append one failed input to OUT/failures.jsonl (source, error class, message)."""
    append_failure(out_dir, failure_record(source, error))
