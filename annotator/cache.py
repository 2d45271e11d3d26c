"""An on-disk cache of data built from bundled source files (the gazetteer's index, the
exchange-rate table, the language identifier's model).

A built table is stored as `marshal` bytes (plain tuples, dicts and strings: no classes to
look up, so it loads in milliseconds) under a name that carries the digest of everything it
was built from: the source files' bytes, the build code's own source, a format version and
the Python version (marshal's format follows it). Any change to any of them gives another
name, so a stale table is never read; a file that fails its checksum or does not decode is
rebuilt; a folder that cannot be written leaves the table built in memory only. Every failure
falls back to building, so the cache can make a run faster but never change its answer.

Large binary arrays (`cached_buffers`) are stored raw instead and mapped from the file: no
copy is made, and every process reading them shares one copy of their pages.

Where: `$ANNOTATOR_CACHE_DIR`, else `$XDG_CACHE_HOME/annotator`, else `~/.cache/annotator`.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import mmap
import os
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

MAGIC = b"annotator-cache 1\n"
BUFFERS_MAGIC = b"annotator-buffers 1\n"
ALIGNMENT = 16  # each mapped buffer starts at a multiple of this in the file
CHECKSUM_SIZE = 4  # CRC-32 of the payload, stored after the magic line (finds damage)
KEEP = 4  # newest files of one kind kept; older ones (other sources, other versions) go


def cache_dir() -> Path:
    """The folder of cached tables (it may not exist yet, or not be writable)."""
    explicit = os.environ.get("ANNOTATOR_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "annotator"


def sources_digest(paths: Iterable[Path], version: str) -> str:
    """Hex digest of the files' names and bytes, `version` and the running Python's."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{version}\0{sys.version}\0{marshal.version}\0".encode())
    for path in paths:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def cached(kind: str, digest: str, build: Callable[[], Any]) -> Any:
    """The table stored for (`kind`, `digest`), else `build()` stored for the next run.

    `build` must return what marshal stores (tuples, lists, dicts, strings, numbers, None).
    """
    path = cache_dir() / f"{kind}-{digest}.bin"
    table = _read(path)
    if table is not None:
        return table
    table = build()
    _write(path, MAGIC, [marshal.dumps(table)])
    return table


def cached_buffers(
    kind: str, digest: str, build: Callable[[], tuple[Any, dict[str, bytes]]]
) -> tuple[Any, dict[str, memoryview]]:
    """(header, named byte buffers) stored for (`kind`, `digest`), else `build()` stored.

    `build` returns a marshal-able header and a dict of bytes; they come back as read-only
    memoryviews of the mapped file (the built bytes themselves when it cannot be written).
    """
    path = cache_dir() / f"{kind}-{digest}.bin"
    found = _map_buffers(path)
    if found is not None:
        return found
    header, buffers = build()
    index: dict[str, tuple[int, int]] = {}  # offsets from the start of the data
    offset = 0
    for name, data in buffers.items():
        index[name] = (offset, len(data))
        offset = _aligned(offset + len(data))
    listing = marshal.dumps((header, index))
    head = len(listing).to_bytes(8, "big") + listing
    parts = [
        head,
        bytes(_data_start(len(listing)) - len(BUFFERS_MAGIC) - CHECKSUM_SIZE - len(head)),
    ]
    for data in buffers.values():
        parts += [data, bytes(_aligned(len(data)) - len(data))]
    _write(path, BUFFERS_MAGIC, parts)
    mapped = _map_buffers(path)
    if mapped is not None:
        return mapped
    return header, {name: memoryview(data).toreadonly() for name, data in buffers.items()}


def _data_start(listing_size: int) -> int:
    """Where the buffers start in the file: after the magic, checksum and index, aligned."""
    return _aligned(len(BUFFERS_MAGIC) + CHECKSUM_SIZE + 8 + listing_size)


def _aligned(offset: int) -> int:
    return -(-offset // ALIGNMENT) * ALIGNMENT


def _map_buffers(path: Path) -> tuple[Any, dict[str, memoryview]] | None:
    """The header and buffers of the file `path`, mapped; None when missing or damaged."""
    try:
        with open(path, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    view = memoryview(mapped)
    start = len(BUFFERS_MAGIC) + CHECKSUM_SIZE
    try:
        if view[: len(BUFFERS_MAGIC)] != BUFFERS_MAGIC or len(view) < start + 8:
            return None
        if _checksum(view[start:]) != view[len(BUFFERS_MAGIC) : start]:
            return None
        size = int.from_bytes(view[start : start + 8], "big")
        header, index = marshal.loads(view[start + 8 : start + 8 + size])
        data = view[_data_start(size) :]
        buffers = {name: data[offset : offset + length] for name, (offset, length) in index.items()}
    except (ValueError, EOFError, TypeError):
        return None
    if any(len(buffer) != index[name][1] for name, buffer in buffers.items()):
        return None
    return header, buffers


def _read(path: Path) -> Any | None:
    """The table in `path`, or None when it is missing, damaged or unreadable."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + CHECKSUM_SIZE
    if not data.startswith(MAGIC) or len(data) < head:
        return None
    payload = data[head:]
    if _checksum(payload) != data[len(MAGIC) : head]:
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def _write(path: Path, magic: bytes, parts: list[bytes]) -> None:
    """Store `magic`, the checksum of `parts` and `parts` atomically (a temporary file
    renamed into place); give up silently when the folder cannot be created or written."""
    import tempfile  # only a run that builds a table writes one

    checksum = 0
    for part in parts:
        checksum = zlib.crc32(part, checksum)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(magic + checksum.to_bytes(CHECKSUM_SIZE, "big"))
            for part in parts:
                out.write(part)
        os.replace(temporary, path)
        temporary = None
        _prune(path)
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _checksum(payload: bytes) -> bytes:
    return zlib.crc32(payload).to_bytes(CHECKSUM_SIZE, "big")


def _prune(kept: Path) -> None:
    """Remove the oldest files of `kept`'s kind beyond the newest KEEP."""
    kind = kept.name.rsplit("-", 1)[0]
    siblings = []
    for path in kept.parent.glob(f"{kind}-*.bin"):
        with contextlib.suppress(OSError):
            siblings.append((path.stat().st_mtime, path))
    siblings.sort(reverse=True)
    for _, path in siblings[KEEP:]:
        if path != kept:
            with contextlib.suppress(OSError):
                path.unlink()
