"""Re-export stored annotation sets: read every form the tool writes, validate, then export.

Each stored set is checked first (schemas, the spec's rules, strict JSON); an invalid one
is reported on one line naming its file and line, and the others are exported. With
`-o OUT`, a file holding one set gives `OUT/<file name>.<ext>`; a set from a file of
several (a JSON array, JSON Lines) is named after its document's source, as `annotate
PAGE -o OUT` would name it (`OUT/<page name>.<ext>`, `OUT/<archive>/<offset>.<ext>`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import AnnotationSet
from ..plugins import registry
from ..stored.check import Tally, check_stored
from ..stored.records import Record
from .inputs import InputItem, output_stem_of, safe_relative_name, unique_stem
from .outputs import output_path, write_output


def load_valid_sets(
    specs: list[str], max_bytes: int, tally: Tally
) -> Iterator[tuple[Record, AnnotationSet]]:
    """Yield (record, set) for each valid stored set; report each invalid one on stderr."""
    for checked in check_stored(specs, max_bytes):
        tally.add(checked)
        if checked.valid:
            yield checked.record, AnnotationSet.from_dict(checked.record.data)
            continue
        first = checked.errors[0]
        more = f" (and {len(checked.errors) - 1} more)" if len(checked.errors) > 1 else ""
        print(
            f"annotate: {checked.record.where}: invalid annotation set: {first}{more}",
            file=sys.stderr,
        )


def _stem(record: Record, annotation_set: AnnotationSet) -> str:
    if record.line is None:
        name = Path(record.source).name
        for suffix in (".gz", ".jsonl", ".json"):
            name = name.removesuffix(suffix)
        return safe_relative_name(name)
    return output_stem_of(annotation_set.document.source)


def export_stored(
    specs: list[str],
    format: str,
    out: Path | None,
    options: dict[str, Any],
    max_bytes: int,
) -> Tally:
    """Export stored sets to standard output (one stream) or one file each under `out`.

    Returns the tally of sets read (valid ones were exported). Nothing is written to
    standard output when no set is valid.
    """
    exporter = registry().exporters.get(format)
    if exporter is None:
        raise UsageError(
            f"unknown format {format!r} (known: {', '.join(sorted(registry().exporters))})"
        )
    tally = Tally()
    sets = load_valid_sets(specs, max_bytes, tally)
    if out is None:
        first = next(sets, None)
        if first is not None:
            exporter.write(_chain_sets(first, sets), sys.stdout, options)
            sys.stdout.flush()
        return tally
    if hasattr(exporter, "open_batch"):  # one destination for the whole batch (a database)
        _export_to_sink(exporter.open_batch(out, options), sets, tally)
        return tally
    taken: set[str] = set()
    for record, annotation_set in sets:
        stem = unique_stem(_stem(record, annotation_set), taken)
        item = InputItem(source=record.where, output_stem=stem)
        write_output(
            output_path(out, item, exporter.extension), exporter, [annotation_set], options
        )
    return tally


def _chain_sets(first: tuple[Record, AnnotationSet], rest: Iterator) -> Iterator[AnnotationSet]:
    yield first[1]
    for _record, annotation_set in rest:
        yield annotation_set


def _export_to_sink(sink: Any, sets: Iterator[tuple[Record, AnnotationSet]], tally: Tally) -> None:
    """Hand every valid set to a batch sink, then close it with the counts."""
    from .runner import Summary

    summary = Summary()
    taken: set[str] = set()
    for record, annotation_set in sets:
        stem = unique_stem(_stem(record, annotation_set), taken)
        sink.add(record.where, stem, annotation_set)
        summary.ok += 1
    summary.failed = tally.invalid
    sink.close(summary)
