"""Batch outputs: safe output names, atomic writes, and the failures.jsonl record.

Every write failure becomes an OutputError naming the file and the system's reason;
a full, over-quota or read-only file system makes it one that stops the batch.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError, OutputError
from .inputs import InputItem

# The output location itself is unusable: no other file could be written there either.
LOCATION_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})
FAILURES_FILE = "failures.jsonl"


def output_path(out_dir: Path, item: InputItem, extension: str) -> Path:
    """Where an input's output goes under `out_dir`; never outside it."""
    target = (out_dir / f"{item.output_stem}{extension}").resolve()
    root = out_dir.resolve()
    if root not in target.parents:
        raise InputError("output name would leave the output folder", item.source)
    return target


def system_reason(error: OSError) -> str:
    """The system's reason for an OSError, in lower case ("no space left on device")."""
    reason = error.strerror or str(error) or type(error).__name__
    return reason[:1].lower() + reason[1:]


def output_error(target: Path | str, error: OSError) -> OutputError:
    """The OutputError of an OSError met while writing `target`."""
    return OutputError(
        f"cannot write {target}: {system_reason(error)}",
        cause=system_reason(error),
        stops_batch=error.errno in LOCATION_ERRORS,
    )


@cache
def new_file_mode() -> int:
    """The mode a newly created file gets in this process: 0o666 minus the umask."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere the umask can only be read by setting it
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """Write a text file atomically: a temporary file in the same folder, renamed on success.

    The file gets the mode any new file would (mkstemp's 0600 is not kept). OutputError
    naming `path` when it cannot be written; nothing is left behind then.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as exc:
        raise output_error(path, exc) from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fchmod(stream.fileno(), new_file_mode())
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise output_error(path, exc) from exc
        raise


def write_output(path: Path, exporter: Any, sets: Iterable[Any], options: dict[str, Any]) -> None:
    """Export `sets` to the file `path` atomically.

    The exporter's options get `output_path` (the final path, as a string), so an
    exporter that writes companion files (brat's `.txt` beside its `.ann`) knows where.
    """
    with atomic_writer(path) as stream:
        exporter.write(sets, stream, {**options, "output_path": str(path)})


def check_writable(folder: Path) -> None:
    """OutputError (one that stops the batch) unless a file can be written in `folder`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(prefix=".annotate-probe.", dir=folder) as probe:
            probe.write(b"\n")
            probe.flush()
    except OSError as exc:
        error = output_error(folder, exc)
        error.stops_batch = True
        raise error from exc


def failure_record(source: str, error: BaseException) -> dict[str, str]:
    """The failures.jsonl entry of one failed input: source, error class, message."""
    reason = getattr(error, "reason", None) or str(error) or type(error).__name__
    return {"source": source, "error": type(error).__name__, "message": reason}


def append_failure(out_dir: Path, record: dict[str, str]) -> None:
    """Append one failure entry (see failure_record) to OUT/failures.jsonl, whole or not at
    all: a line the disk cuts short is taken back. OutputError when it cannot be written."""
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    path = out_dir / FAILURES_FILE
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    except OSError as exc:
        raise output_error(path, exc) from exc
    try:
        size = os.fstat(handle).st_size
        try:
            written = os.write(handle, line)
            if written != len(line):  # a short write: the disk filled up mid-line
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        except OSError as exc:
            os.ftruncate(handle, size)
            raise output_error(path, exc) from exc
    finally:
        os.close(handle)
