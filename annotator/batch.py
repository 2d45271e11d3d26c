"""Batch plumbing: expand inputs, read them safely, write outputs atomically, record failures."""

from __future__ import annotations

import glob
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .errors import InputError

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class InputItem:
    """One article input: where it is read from and the relative name its output gets."""

    source: str
    output_stem: str
    path: Path | None = None  # None for stdin


def _is_html(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


def _stem(name: str) -> str:
    for suffix in sorted(HTML_SUFFIXES, key=len, reverse=True):
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


def expand_inputs(specs: list[str]) -> Iterator[InputItem | InputError]:
    """Expand files, folders (recursive *.html/*.htm/*.html.gz), globs and '-' into inputs.

    Yields an InputError (not raised) for a spec that matches nothing, so a batch goes on.
    """
    seen: set[str] = set()
    for spec in specs:
        if spec == "-":
            yield InputItem(source="-", output_stem="stdin")
            continue
        path = Path(spec)
        if path.is_dir():
            matches = sorted(p for p in path.rglob("*") if p.is_file() and _is_html(p))
            if not matches:
                yield InputError("folder holds no .html/.htm/.html.gz files", spec)
            for match in matches:
                relative = match.relative_to(path).as_posix()
                yield from _unique(match, _stem(relative), seen)
        elif path.is_file():
            yield from _unique(path, _stem(path.name), seen)
        elif glob.has_magic(spec):
            matches = sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
            if not matches:
                yield InputError("pattern matches no file", spec)
            for match in matches:
                yield from _unique(match, _stem(match.name), seen)
        else:
            yield InputError("no such file or folder", spec)


def _unique(path: Path, stem: str, seen: set[str]) -> Iterator[InputItem]:
    key = str(path.resolve())
    if key in seen:
        return
    seen.add(key)
    yield InputItem(source=str(path), output_stem=safe_relative_name(stem), path=path)


def read_input(item: InputItem, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read an input's bytes, refusing more than `max_bytes`."""
    try:
        if item.path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            if item.path.stat().st_size > max_bytes:
                raise InputError(
                    f"larger than the maximum of {max_bytes} bytes (--max-bytes)", item.source
                )
            data = item.path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", item.source) from exc
    if len(data) > max_bytes:
        raise InputError(f"larger than the maximum of {max_bytes} bytes (--max-bytes)", item.source)
    return data


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


def record_failure(out_dir: Path, source: str, error: BaseException) -> None:
    """Append one failed input to OUT/failures.jsonl (source, error class, message)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    reason = getattr(error, "reason", None) or str(error)
    line = json.dumps(
        {"source": source, "error": type(error).__name__, "message": reason}, ensure_ascii=False
    )
    with open(out_dir / "failures.jsonl", "a", encoding="utf-8") as stream:
        stream.write(line + "\n")
