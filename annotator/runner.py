"""Run a batch: inputs → per-article pipeline → exporter, with progress, failures and a summary."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batch import (
    DEFAULT_MAX_BYTES,
    InputItem,
    atomic_writer,
    expand_inputs,
    output_path,
    read_input,
    record_failure,
)
from .errors import AnnotatorError, UsageError
from .model import AnnotationSet
from .pipeline import Options, annotate_bytes
from .plugins import registry


@dataclass
class RunConfig:
    """How a batch writes: format, output folder, limits, workers, resumption."""

    format: str = "json"
    out: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 1
    skip_existing: bool = False
    export_options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Summary:
    """Counts of a finished batch."""

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        """The one-line summary printed at the end of a batch."""
        rate = self.ok / self.seconds if self.seconds > 0 else 0.0
        return f"{self.ok} ok, {self.failed} failed, {self.skipped} skipped in {self.seconds:.1f} s ({rate:.1f} articles/s)"


def process_item(item: InputItem, options: Options, max_bytes: int) -> AnnotationSet:
    """The per-article job: read, extract, annotate. Raises AnnotatorError naming the input."""
    try:
        return annotate_bytes(read_input(item, max_bytes), item.source, options)
    except AnnotatorError as exc:
        raise exc.with_source(item.source) from None
    except RecursionError:
        raise AnnotatorError("page nested too deeply to process", item.source) from None
    except MemoryError:
        raise AnnotatorError("ran out of memory on this page", item.source) from None


def _results(
    items: list[InputItem], options: Options, config: RunConfig
) -> Iterator[tuple[InputItem, Any]]:
    """(item, AnnotationSet or the exception) in input order."""
    for item in items:
        try:
            yield item, process_item(item, options, config.max_bytes)
        except Exception as exc:  # one broken input never stops the batch
            yield item, exc


def _report_failure(summary: Summary, config: RunConfig, source: str, error: BaseException) -> None:
    summary.failed += 1
    message = (
        str(error)
        if isinstance(error, AnnotatorError)
        else f"{source}: {type(error).__name__}: {error}"
    )
    print(f"annotate: {message}", file=sys.stderr)
    if config.out is not None:
        record_failure(config.out, source, error)


def _progress(total: int) -> Any:
    if total < 2 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    progress.start()
    progress.add_task("annotating", total=total)
    return progress


def run_batch(specs: list[str], options: Options, config: RunConfig) -> Summary:
    """Annotate every input named by `specs` and write the results; never stops on one failure."""
    exporter = registry().exporters.get(config.format)
    if exporter is None:
        known = ", ".join(sorted(registry().exporters))
        raise UsageError(f"unknown format {config.format!r} (known: {known})")
    summary = Summary()
    started = time.perf_counter()
    items: list[InputItem] = []
    for entry in expand_inputs(specs):
        if isinstance(entry, AnnotatorError):
            _report_failure(summary, config, entry.source or "?", entry)
        else:
            items.append(entry)
    if config.out is not None and config.skip_existing:
        pending = [i for i in items if not output_path(config.out, i, exporter.extension).exists()]
        summary.skipped = len(items) - len(pending)
        items = pending
    progress = _progress(len(items))

    def successes() -> Iterable[tuple[InputItem, AnnotationSet]]:
        for item, result in _results(items, options, config):
            if progress is not None:
                progress.advance(0)
            if isinstance(result, BaseException):
                _report_failure(summary, config, item.source, result)
                continue
            summary.ok += 1
            yield item, result

    try:
        if config.out is None:
            exporter.write((s for _item, s in successes()), sys.stdout, config.export_options)
            sys.stdout.flush()
        else:
            for item, annotation_set in successes():
                with atomic_writer(output_path(config.out, item, exporter.extension)) as stream:
                    exporter.write([annotation_set], stream, config.export_options)
    finally:
        if progress is not None:
            progress.stop()
    summary.seconds = time.perf_counter() - started
    if config.out is not None or len(items) + summary.failed > 1:
        print(f"annotate: {summary.line()}", file=sys.stderr)
    return summary
