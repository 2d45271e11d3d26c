"""Every form the tool writes, read back set by set: one set, a JSON array, JSON Lines, .gz, folders.

A file holds either one JSON value (an annotation set, a gold file, or an array of sets,
as `-f json` writes for several inputs) or one set per line (`-f jsonl`). JSON Lines are
streamed line by line, so memory stays flat however long the file; a one-value file is
read whole, within `max_bytes`. Each set comes back as a `Record` that knows the line it
starts on, so errors point to it (`all.jsonl:1234: /annotations/3/text: …`); a set that
cannot be decoded comes back as a Record holding the reason, and the others are still read.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .decode import BadJson, loads, raw_decode

STORED_SUFFIXES = (".json", ".jsonl", ".json.gz", ".jsonl.gz")
# Written beside a batch's outputs: the list of failed inputs, not annotation sets.
SKIPPED_NAMES = ("failures.jsonl",)
_WHITESPACE = " \t\r\n"
_SKIP_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Record:
    """One stored set (`data`), or why it could not be read (`error`).

    `line` is the line the set starts on in a file of several sets; None for a file
    holding exactly one.
    """

    source: str
    line: int | None = None
    data: Any = None
    error: BadJson | None = None

    @property
    def where(self) -> str:
        """`FILE:LINE` for a set in a file of several, else `FILE`."""
        return f"{self.source}:{self.line}" if self.line is not None else self.source


def stored_files(specs: list[str]) -> Iterator[Path | Record]:
    """The files named by `specs` (files, folders searched recursively, `-` for stdin).

    A folder gives its .json/.jsonl files (and their .gz), hidden files and
    failures.jsonl left out; a spec naming nothing gives a Record holding the error.
    """
    for spec in specs:
        path = Path(spec)
        if spec == "-" or path.is_file():
            yield path
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.name.lower().endswith(STORED_SUFFIXES)
                and p.name not in SKIPPED_NAMES
                and not p.name.startswith(".")
                and p.is_file()
            )
            if not found:
                yield Record(spec, error=BadJson("folder holds no .json or .jsonl files"))
            yield from found
        else:
            yield Record(spec, error=BadJson("no such file or folder"))


def _plain_name(path: Path) -> str:
    name = path.name.lower()
    return name[:-3] if name.endswith(".gz") else name


def _open(path: Path, stack: ExitStack) -> IO[bytes]:
    """The bytes of a file (or stdin for `-`), inflated when it is gzip; closed by `stack`."""
    if str(path) == "-":
        stream: Any = sys.stdin.buffer
        if not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream)
    else:
        stream = stack.enter_context(open(path, "rb"))
    if stream.peek(2)[:2] == b"\x1f\x8b" or path.name.lower().endswith(".gz"):
        return stack.enter_context(gzip.GzipFile(fileobj=stream, mode="rb"))
    return stream


def _read_error(exc: Exception) -> BadJson:
    if isinstance(exc, EOFError):
        return BadJson("truncated gzip data")
    if isinstance(exc, gzip.BadGzipFile | zlib.error):
        return BadJson(f"corrupt gzip data: {exc}")
    if isinstance(exc, OSError):
        return BadJson(f"cannot read: {exc.strerror or exc}")
    return BadJson(str(exc))


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadJson(f"not UTF-8 text (byte {exc.start})") from None


def _too_long(what: str, max_bytes: int) -> BadJson:
    return BadJson(f"{what} is larger than the maximum of {max_bytes} bytes (--max-bytes)")


def _is_line_of_its_own(first_line: bytes) -> bool:
    """Whether a file's first line is a whole JSON value (JSON Lines) rather than its start."""
    try:
        loads(_text(first_line))
    except BadJson:
        return False
    return True


def read_records(path: Path, max_bytes: int) -> Iterator[Record]:
    """Every set stored in one file, in order; never raises for bad content."""
    source = str(path)
    try:
        with ExitStack() as stack:
            stream = _open(path, stack)
            first = stream.readline(max_bytes + 1)
            lines = _plain_name(path).endswith(".jsonl") or (
                first.strip() and _is_line_of_its_own(first) and _more_content(stream, first)
            )
            if lines:
                yield from _lines(stream, first, source, max_bytes)
            else:
                yield from _whole(stream, first, source, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield Record(source, error=_read_error(exc))


def _more_content(stream: IO[bytes], first: bytes) -> bool:
    """Whether anything but whitespace follows the first line (peeking, not consuming)."""
    if not first.endswith(b"\n"):
        return False
    return bool(stream.peek(64).strip())


def _lines(stream: IO[bytes], first: bytes, source: str, max_bytes: int) -> Iterator[Record]:
    number, line = 1, first
    while line:
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield Record(source, number, error=_too_long(f"line {number}", max_bytes))
            _skip_rest_of_line(stream)
        elif line.strip():
            try:
                yield Record(source, number, data=loads(_text(line)))
            except BadJson as exc:
                yield Record(source, number, error=exc)
        number += 1
        line = stream.readline(max_bytes + 1)


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _whole(stream: IO[bytes], first: bytes, source: str, max_bytes: int) -> Iterator[Record]:
    data = first + stream.read(max_bytes + 1 - len(first))
    if len(data) > max_bytes:
        message = "file (read whole; write large batches with -f jsonl, which is streamed)"
        yield Record(source, error=_too_long(message, max_bytes))
        return
    try:
        text = _text(data)
    except BadJson as exc:
        yield Record(source, error=exc)
        return
    start = len(text) - len(text.lstrip(_WHITESPACE))
    if text.startswith("[", start):
        yield from _array(text, start, source)
        return
    try:
        yield Record(source, data=loads(text))
    except BadJson as exc:
        yield Record(source, error=exc)


def _array(text: str, start: int, source: str) -> Iterator[Record]:
    """The elements of a JSON array of sets, each decoded on its own with its line number.

    After an element that cannot be decoded, reading resumes at the next line that starts
    with `{` (where the tool's own arrays start each set); without one, the file ends there.
    """
    index, line, counted = start + 1, 1, 0
    while True:
        index = _skip(text, index, _WHITESPACE)
        if index >= len(text):
            yield Record(source, line, error=BadJson("not valid JSON: the array is not closed"))
            return
        if text[index] == "]":
            if text[index + 1 :].strip(_WHITESPACE):
                yield Record(source, error=BadJson("not valid JSON: extra data after the array"))
            return
        line += text.count("\n", counted, index)
        counted = index
        try:
            value, end = raw_decode(text, index)
        except BadJson as exc:
            yield Record(source, line, error=exc)
            index = text.find("\n{", index + 1)
            if index < 0:
                return
            continue
        yield Record(source, line, data=value)
        index = _skip(text, end, _WHITESPACE)
        if index < len(text) and text[index] == ",":
            index += 1
        elif index < len(text) and text[index] != "]":
            yield Record(source, line, error=BadJson("not valid JSON: ',' expected after a set"))
            return


def _skip(text: str, index: int, characters: str) -> int:
    while index < len(text) and text[index] in characters:
        index += 1
    return index
