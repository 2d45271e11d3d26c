"""Re-export stored annotation sets: validate each file, then hand the sets to an exporter."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import AnnotationSet
from ..plugins import registry
from ..validation import validate_file
from .inputs import InputItem, safe_relative_name
from .outputs import atomic_writer, output_path


def load_valid_sets(files: list[Path], failures: list[str]) -> Iterator[tuple[Path, AnnotationSet]]:
    """Yield (path, set) for each valid file; report each invalid one on stderr and in `failures`."""
    for path in files:
        issues = validate_file(path) if Path(path).is_file() else ["no such file"]
        if issues:
            failures.append(str(path))
            print(f"annotate: {path}: invalid annotation set: {issues[0]}", file=sys.stderr)
            continue
        yield path, AnnotationSet.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def export_files(
    files: list[Path], format: str, out: Path | None, options: dict[str, Any]
) -> list[str]:
    """Export stored sets to standard output (one stream) or one file each under `out`.

    Returns the files that failed validation.
    """
    exporter = registry().exporters.get(format)
    if exporter is None:
        raise UsageError(
            f"unknown format {format!r} (known: {', '.join(sorted(registry().exporters))})"
        )
    failures: list[str] = []
    sets = load_valid_sets(files, failures)
    if out is None:
        exporter.write((s for _path, s in sets), sys.stdout, options)
        return failures
    for path, annotation_set in sets:
        stem = safe_relative_name(Path(path).name.removesuffix(".json"))
        item = InputItem(source=str(path), output_stem=stem, path=Path(path))
        with atomic_writer(output_path(out, item, exporter.extension)) as stream:
            exporter.write([annotation_set], stream, options)
    return failures
