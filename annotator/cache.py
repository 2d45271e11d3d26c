"""An on-disk cache of data built from bundled source files (the gazetteer's index).

A built table is stored as `marshal` bytes (plain tuples, dicts and strings: no classes to
look up, so it loads in milliseconds) under a name that carries the digest of everything it
was built from: the source files' bytes, the build code's own source, a format version and
the Python version (marshal's format follows it). Any change to any of them gives another
name, so a stale table is never read; a file that fails its checksum or does not decode is
rebuilt; a folder that cannot be written leaves the table built in memory only. Every failure
falls back to building, so the cache can make a run faster but never change its answer.

Where: `$ANNOTATOR_CACHE_DIR`, else `$XDG_CACHE_HOME/annotator`, else `~/.cache/annotator`.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

MAGIC = b"annotator-cache 1\n"
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
    _write(path, table)
    return table


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


def _write(path: Path, table: Any) -> None:
    """Store `table` atomically (a temporary file renamed into place); give up silently
    when the folder cannot be created or written."""
    import tempfile  # only a run that builds a table writes one

    payload = marshal.dumps(table)
    checksum = _checksum(payload)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + checksum + payload)
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
