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
    if hasattr(exporter, "open_batch"):  # one destination for the whole batch (a database)
        _export_to_sink(exporter.open_batch(out, options), sets, failures)
        return failures
    for path, annotation_set in sets:
        item = _item(path)
        with atomic_writer(output_path(out, item, exporter.extension)) as stream:
            exporter.write([annotation_set], stream, options)
    return failures


def _item(path: Path) -> InputItem:
    stem = safe_relative_name(Path(path).name.removesuffix(".json"))
    return InputItem(source=str(path), output_stem=stem, path=Path(path))


def _export_to_sink(
    sink: Any, sets: Iterator[tuple[Path, AnnotationSet]], failures: list[str]
) -> None:
    """Hand every valid set to a batch sink, then close it with the counts."""
    from .runner import Summary

    summary = Summary()
    for path, annotation_set in sets:
        item = _item(path)
        sink.add(item.source, item.output_stem, annotation_set)
        summary.ok += 1
    summary.failed = len(failures)
    sink.close(summary)
