"""Batch inputs: expand paths, globs and archives into items, and read each one safely."""

from __future__ import annotations

import glob
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..reading.encoding import inflate_gzip
from ..reading.plain import TEXT_SUFFIXES
from ..reading.warc import SkippedRecord, archive_stem, is_archive, read_record, scan_archive

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class InputItem:
    """One article input: where it is read from and the relative name its output gets.

    `path` is None for stdin, whose bytes the runner reads into `data` before handing
    the item to a worker. `offset` and `url` are set for a record of a WARC/ARC archive.
    """

    source: str
    output_stem: str
    path: Path | None = None
    offset: int | None = None
    url: str | None = None
    data: bytes | None = None


def _is_html(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


def _is_input_file(path: Path) -> bool:
    return _is_html(path) or is_archive(path)


def _stem(name: str) -> str:
    for suffix in sorted(HTML_SUFFIXES + TEXT_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def safe_relative_name(relative: str) -> str:
    """A relative output path made safe: no absolute parts, no '..', no odd characters."""
    parts = []
    for part in Path(relative).parts:
        if part in ("", ".", "..", "/", "\\") or part.endswith(":"):
            continue
        cleaned = re.sub(r"[^\w.\-]+", "_", part).strip("._") or "_"
        parts.append(cleaned[:120])
    return "/".join(parts) or "input"


def unique_stem(stem: str, taken: set[str]) -> str:
    """`stem`, or `stem-2`, `stem-3`… when `taken` already holds that name; then take it."""
    candidate, number = stem, 1
    while candidate.lower() in taken:
        number += 1
        candidate = f"{stem}-{number}"
    taken.add(candidate.lower())
    return candidate


def output_stem_of(source: str) -> str:
    """The output name an input read from `source` gets when it is named alone.

    `page.html.gz` gives `page`, `crawl.warc.gz#offset=123` gives `crawl/123`, `-` `stdin`.
    """
    if source == "-":
        return "stdin"
    path, _, offset = source.partition("#offset=")
    if offset:
        return f"{safe_relative_name(archive_stem(Path(path).name))}/{safe_relative_name(offset)}"
    return safe_relative_name(_stem(Path(source).name))


class _Expansion:
    """State of one expansion: files already seen and output names already given."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.stems: set[str] = set()

    def unique_stem(self, stem: str) -> str:
        """`stem`, or `stem-2`, `stem-3`… when another input already has that output name."""
        return unique_stem(stem, self.stems)

    def file(self, path: Path, relative: str) -> Iterator[InputItem | InputError | SkippedRecord]:
        """The input(s) of one file: itself when HTML, its HTML records when an archive."""
        key = str(path.resolve())
        if key in self.seen:
            return
        self.seen.add(key)
        if not is_archive(path):
            yield InputItem(str(path), self.unique_stem(safe_relative_name(_stem(relative))), path)
            return
        base = safe_relative_name(archive_stem(relative))
        try:
            for record in scan_archive(path):
                if isinstance(record, SkippedRecord):
                    yield record
                    continue
                stem = self.unique_stem(f"{base}/{record.offset}")
                source = f"{path}#offset={record.offset}"
                yield InputItem(source, stem, path, offset=record.offset, url=record.url)
        except InputError as exc:
            yield exc


def _spec_matches(spec: str) -> Iterator[tuple[Path, str] | InputError]:
    """The input files one spec names, each with its name relative to the spec, in order.

    A folder gives its HTML and archive files (recursively), a glob its matches; a spec
    matching nothing gives an InputError.
    """
    path = Path(spec)
    if path.is_dir():
        matches = sorted(p for p in path.rglob("*") if p.is_file() and _is_input_file(p))
        if not matches:
            yield InputError("folder holds no HTML or WARC files", spec)
        for match in matches:
            yield match, match.relative_to(path).as_posix()
    elif path.is_file():
        yield path, path.name
    elif glob.has_magic(spec):
        matches = sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
        if not matches:
            yield InputError("pattern matches no file", spec)
        for match in matches:
            yield match, match.name
    else:
        yield InputError("no such file or folder", spec)


def expand_inputs(specs: list[str]) -> Iterator[InputItem | InputError | SkippedRecord]:
    """Expand files, folders, globs and '-' into inputs, lazily, in a stable order.

    Folders are searched recursively for HTML (.html/.htm/.html.gz) and WARC/ARC files
    (a .txt there is more often notes than an article: name it, or match it by a glob);
    an archive expands into one input per HTML record and a SkippedRecord per other
    record. Yields an InputError (not raised) for a spec that matches nothing or an
    unreadable archive, so a batch goes on.
    """
    state = _Expansion()
    for spec in specs:
        if spec == "-":
            yield InputItem(source="-", output_stem=state.unique_stem("stdin"))
            continue
        for match in _spec_matches(spec):
            if isinstance(match, InputError):
                yield match
            else:
                yield from state.file(*match)


# Archives up to this size are scanned to count their records for the progress total
# (about a second); a larger one leaves the total unknown.
CHEAP_ARCHIVE_BYTES = 64 * 1024 * 1024


def count_inputs(specs: list[str], cheap_archive_bytes: int = CHEAP_ARCHIVE_BYTES) -> int | None:
    """How many entries expand_inputs(specs) yields (inputs, skipped records, errors).

    None when an archive is larger than `cheap_archive_bytes`: its records are not
    counted, so the total is unknown.
    """
    total, seen = 0, set()
    for spec in specs:
        if spec == "-":
            total += 1
            continue
        for match in _spec_matches(spec):
            if isinstance(match, InputError):
                total += 1
                continue
            key = str(match[0].resolve())
            if key in seen:
                continue
            seen.add(key)
            if not is_archive(match[0]):
                total += 1
            elif match[0].stat().st_size > cheap_archive_bytes:
                return None
            else:
                total += _records_in(match[0])
    return total


def _records_in(path: Path) -> int:
    count = 0
    try:
        for _record in scan_archive(path):
            count += 1
    except InputError:
        count += 1  # the expansion yields the error after the records read
    return count


def _too_large(max_bytes: int, source: str, what: str = "larger") -> InputError:
    return InputError(f"{what} than the maximum of {max_bytes} bytes (--max-bytes)", source)


def check_inflated_size(data: bytes, max_bytes: int, source: str) -> None:
    """Refuse gzip data that inflates past `max_bytes` (a gzip bomb), without inflating it all."""
    if not data.startswith(_GZIP_MAGIC):
        return
    try:
        content = inflate_gzip(data, max_bytes)
    except InputError as exc:
        raise exc.with_source(source) from None
    if content is None:
        raise _too_large(max_bytes, source, "decompresses to more")


def _read_file(path: Path, max_bytes: int, source: str) -> bytes:
    try:
        if path.stat().st_size > max_bytes:
            raise _too_large(max_bytes, source)
        with open(path, "rb") as stream:
            return stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source) from exc


def read_input(item: InputItem, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read an input's bytes (file, archive record or stdin), refusing more than `max_bytes`.

    Gzipped pages are returned as they are (the document id hashes the raw bytes) but are
    refused when they would inflate past `max_bytes`.
    """
    if item.data is not None:
        data = item.data
    elif item.path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
    elif item.offset is not None:
        data = read_record(item.path, item.offset, max_bytes, item.source)
    else:
        data = _read_file(item.path, max_bytes, item.source)
    if len(data) > max_bytes:
        raise _too_large(max_bytes, item.source)
    check_inflated_size(data, max_bytes, item.source)
    return data
