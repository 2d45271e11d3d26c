"""WARC and ARC archives: find the HTML article records, and read one record back by offset.

A crawl is scanned once, in the main process, to list its HTML records (HTTP 200
responses of text/html or application/xhtml+xml, and HTML `resource` records) by
offset; a worker later seeks to an offset and reads just that record. Gzipped
archives must be "chunked" (one gzip member per record), as the WARC standard
recommends and as every crawler writes them.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

ARCHIVE_SUFFIXES = (".warc.gz", ".arc.gz", ".warc", ".arc")
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class HtmlRecord:
    """An HTML article record in an archive: where it starts and the URL it was fetched from."""

    offset: int
    url: str | None


@dataclass(frozen=True)
class SkippedRecord:
    """A record that is not an HTML article (request, metadata, image, 404…), counted not read."""

    offset: int
    reason: str


def is_archive(path: Path) -> bool:
    """True when the file name says WARC or ARC (optionally gzipped)."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def archive_stem(name: str) -> str:
    """The archive's name without its .warc/.arc(.gz) suffix."""
    for suffix in ARCHIVE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _media_type(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower()


def classify(record) -> str | None:
    """None when `record` is an HTML article; otherwise why it is skipped."""
    kind = record.rec_type
    if kind == "response":
        if record.http_headers is None:
            return "response without HTTP headers"
        status = record.http_headers.get_statuscode()
        if status != "200":
            return f"HTTP status {status}"
        media = _media_type(record.http_headers.get_header("Content-Type"))
    elif kind == "resource":
        media = _media_type(record.rec_headers.get_header("Content-Type"))
    else:
        return f"{kind} record"
    return None if media in HTML_TYPES else f"content type {media or 'unknown'}"


def _archive_error(exc: Exception, source: str) -> InputError:
    first_line = next((line.strip() for line in str(exc).splitlines() if line.strip()), "")
    if "non-chunked gzip" in str(exc):
        first_line = "gzip is not one member per record; fix it with `warcio recompress`"
    return InputError(f"unreadable archive: {first_line or type(exc).__name__}", source)


def scan_archive(path: Path) -> Iterator[HtmlRecord | SkippedRecord]:
    """Yield every record of the archive at `path`, as an HtmlRecord or a SkippedRecord.

    Raises InputError (after the records read so far) when the archive is corrupt.
    """
    from warcio.archiveiterator import ArchiveIterator  # here: warcio takes 0.1 s to import
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream, arc2warc=True)
            for record in records:
                offset = records.get_record_offset()
                reason = classify(record)
                if reason is None:
                    yield HtmlRecord(offset, record.rec_headers.get_header("WARC-Target-URI"))
                else:
                    yield SkippedRecord(offset, reason)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source) from exc
    except (ArchiveLoadFailed, ValueError, EOFError, zlib.error) as exc:
        raise _archive_error(exc, source) from exc


def read_record(path: Path, offset: int, max_bytes: int, source: str) -> bytes:
    """The HTTP payload (decoded transfer and content encodings) of the record at `offset`.

    InputError when it is larger than `max_bytes`, truncated, or unreadable there.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with open(path, "rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream, arc2warc=True)), None)
            if record is None:
                raise InputError(f"no record at offset {offset}", source)
            data = record.content_stream().read(max_bytes + 1)
            missing = getattr(record.raw_stream, "limit", 0)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source) from exc
    except (ArchiveLoadFailed, ValueError, EOFError, zlib.error) as exc:
        raise _archive_error(exc, source) from exc
    if len(data) > max_bytes:
        raise InputError(
            f"record larger than the maximum of {max_bytes} bytes (--max-bytes)", source
        )
    if missing:
        raise InputError(f"truncated record: the archive ends {missing} bytes short", source)
    return data
