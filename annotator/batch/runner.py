"""Run a batch: inputs → per-article pipeline → exporter, with progress, failures and a summary.

The per-article work (`ItemTask`: read, extract, annotate, export, write) is the same
function whether it runs in this process, in worker processes or on a Dask cluster; the
main process only expands inputs, takes results in input order, and counts. Output files
are written atomically by the worker that made them (by this process for Dask, whose
machines need not see the output folder).
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import Any

from ..errors import AnnotatorError, OutputError, UsageError
from ..model import AnnotationSet
from ..pipeline import Options, annotate_document, extract
from ..plugins import load_plugin, origin, pm, registry
from ..reading.warc import SkippedRecord
from .deadline import DEFAULT_TIMEOUT, time_limit
from .inputs import DEFAULT_MAX_BYTES, InputItem, expand_inputs, read_input
from .memory import default_max_memory, memory_limit
from .outputs import (
    FAILURES_FILE,
    append_failure,
    check_writable,
    failure_record,
    output_error,
    output_path,
    system_reason,
    write_output,
)
from .pool import Deaths, Ready, dask_map, process_map, resolve_jobs, serial_map
from .progress import count_in_background, make_progress

ENGINES = ("local", "dask")


@dataclass
class RunConfig:
    """How a batch runs and writes: format, output folder, limits, workers, resumption.

    `jobs` 0 means one worker per core. `plugins` are plugin specs (module names or .py
    paths) every worker loads; None means the ones loaded here with --plugin.
    `max_memory` is each input's memory ceiling in MB (None: the default for the
    machine and the number of workers, see batch.memory; 0: none).
    """

    format: str = "json"
    out: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float | None = DEFAULT_TIMEOUT
    max_memory: int | None = None
    jobs: int = 0
    skip_existing: bool = False
    export_options: dict[str, Any] = field(default_factory=dict)
    engine: str = "local"
    scheduler: str | None = None
    plugins: tuple[str, ...] | None = None
    quiet: bool = False  # errors only: no progress, no summary
    verbose: bool = False  # also one line per input done


@dataclass
class Summary:
    """Counts of a finished batch."""

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    non_html: int = 0
    seconds: float = 0.0
    stopped: str | None = None  # why the batch stopped early ("cannot write to OUT: …")
    deaths: Deaths = field(default_factory=Deaths)

    def line(self) -> str:
        """The one-line summary printed at the end of a batch."""
        rate = self.ok / self.seconds if self.seconds > 0 else 0.0
        deaths = self.deaths.line()
        return (
            f"{self.ok} ok, {self.failed} failed, {self.skipped} skipped, "
            f"{self.non_html} non-HTML records skipped in {self.seconds:.1f} s "
            f"({rate:.1f} articles/s)" + (f"; {deaths}" if deaths else "")
        )


def process_item(item: InputItem, options: Options, max_bytes: int) -> AnnotationSet:
    """The per-article job: read, extract, annotate. Raises AnnotatorError naming the input.

    A WARC record's document gets the record's target URI as its url.
    """
    try:
        reg = registry()
        document = extract(read_input(item, max_bytes), item.source, options, reg)
        if item.url:
            document.url = item.url
        return annotate_document(document, options, reg)
    except AnnotatorError as exc:
        raise exc.with_source(item.source) from None
    except RecursionError:
        raise AnnotatorError("page nested too deeply to process", item.source) from None


def loaded_plugin_specs() -> tuple[str, ...]:
    """The specs of the plugins loaded in this process with --plugin (workers load them too)."""
    return tuple(
        name for name, _plugin in pm.list_name_plugin() if origin(name).startswith("--plugin ")
    )


def ensure_plugins(specs: Iterable[str]) -> None:
    """Load each plugin spec not loaded yet (worker start-up; cheap when all are loaded)."""
    for spec in specs:
        if pm.get_plugin(spec) is None:
            load_plugin(spec)


@dataclass
class Outcome:
    """What a worker sends back for one input: exported text, a set, a written file, or a failure."""

    text: str | None = None
    annotation_set: AnnotationSet | None = None
    failure: dict[str, str] | None = None
    message: str = ""
    written: bool = False
    stop: str | None = None  # the output location is unusable: why ("no space left on device")


def _message(source: str, error: BaseException) -> str:
    if isinstance(error, AnnotatorError):
        return str(error.with_source(source))
    return f"{source}: {type(error).__name__}: {error}"


def _failed(source: str, error: BaseException) -> Outcome:
    stop = error.cause if isinstance(error, OutputError) and error.stops_batch else None
    return Outcome(
        failure=failure_record(source, error), message=_message(source, error), stop=stop
    )


class _Stop(Exception):
    """Nothing more can be written where the batch writes: it stops, saying why."""


@dataclass(frozen=True)
class ItemTask:
    """The picklable per-article job: process_item, then the export when writing files.

    With `format` None the AnnotationSet itself comes back (for a stream on stdout).
    With `out` set the task writes the output file itself, atomically, and only a
    small Outcome travels back: the main process of a pool stays nearly idle, which
    lets the workers have the cores. Otherwise the exported text comes back.
    Never raises: a failure comes back as an Outcome naming the input.
    """

    options: Options
    max_bytes: int
    format: str | None
    export_options: dict[str, Any]
    plugins: tuple[str, ...] = ()
    out: Path | None = None
    timeout: float | None = None
    max_memory: int | None = None

    def __call__(self, item: InputItem) -> Outcome:
        """Annotate (and export) one input, within the time limit and memory ceiling."""
        try:
            ensure_plugins(self.plugins)
            with time_limit(self.timeout, item.source), memory_limit(self.max_memory, item.source):
                return self._run(item)
        except Exception as exc:  # one broken input never stops the batch
            return _failed(item.source, exc)

    def _run(self, item: InputItem) -> Outcome:
        annotation_set = process_item(item, self.options, self.max_bytes)
        if self.format is None:
            return Outcome(annotation_set=annotation_set)
        exporter = registry().exporters[self.format]
        if self.out is None:
            buffer = io.StringIO()
            exporter.write([annotation_set], buffer, self.export_options)
            return Outcome(text=buffer.getvalue())
        path = output_path(self.out, item, exporter.extension)
        write_output(path, exporter, [annotation_set], self.export_options)
        return Outcome(written=True)


@dataclass(frozen=True)
class _Existing:
    """An input skipped because its output exists (--skip-existing)."""

    item: InputItem


def _entries(
    specs: list[str], config: RunConfig, extension: str, sink: Any = None
) -> Iterator[Any]:
    """Inputs to compute, and Ready markers for what needs no work, in input order."""
    for entry in expand_inputs(specs):
        if not isinstance(entry, InputItem):
            yield Ready(entry)
        elif (
            config.skip_existing
            and config.out is not None
            and _exists(config, entry, extension, sink)
        ):
            yield Ready(_Existing(entry))
        elif entry.path is None and entry.data is None:  # stdin: read here, not in a worker
            try:
                yield replace(entry, data=read_input(entry, config.max_bytes))
            except AnnotatorError as exc:
                yield Ready(_failed(entry.source, exc))
        else:
            yield entry


def _exists(config: RunConfig, item: InputItem, extension: str, sink: Any = None) -> bool:
    if sink is not None:
        return sink.exists(item.source, item.output_stem)
    try:
        return output_path(config.out, item, extension).exists()
    except AnnotatorError:
        return False


def _fewer_than_two(entries: Iterator[Any]) -> tuple[bool, Iterator[Any]]:
    """Whether the stream holds fewer than two inputs to compute (a pool would be waste)."""
    head = []
    for entry in entries:
        head.append(entry)
        if sum(not isinstance(e, Ready) for e in head) >= 2:
            return False, chain(head, entries)
    return True, iter(head)


def _results(
    task: ItemTask, entries: Iterator[Any], config: RunConfig, deaths: Deaths
) -> Iterator[tuple]:
    """(entry, result) in input order, from the engine the config asks for."""
    if config.engine not in ENGINES:
        raise UsageError(f"unknown engine {config.engine!r} (known: {', '.join(ENGINES)})")
    jobs = resolve_jobs(config.jobs)
    if config.engine == "dask":
        return dask_map(task, _absolute(entries), config.scheduler, jobs)
    small, entries = _fewer_than_two(entries)
    if jobs == 1 or small:
        return serial_map(task, entries)
    return process_map(task, entries, jobs, ensure_plugins, (task.plugins,), deaths)


def _absolute(entries: Iterator[Any]) -> Iterator[Any]:
    """Entries whose file paths do not depend on the working directory (for cluster workers)."""
    for entry in entries:
        if isinstance(entry, InputItem) and entry.path is not None:
            entry = replace(entry, path=entry.path.absolute())
        yield entry


class _Tally:
    """Turns results into counts, failure lines and failures.jsonl entries."""

    def __init__(self, config: RunConfig, summary: Summary, sink: Any = None) -> None:
        self.config = config
        self.summary = summary
        self.sink = sink
        self.failures_folder = failures_folder(config.out, sink) if config.out else None

    def fail(self, outcome: Outcome) -> None:
        """Report one failed input; _Stop when the output location turns out unusable.

        A failed write stops the batch when the file system is full, over quota or
        read-only, or when no file can be written in the output folder any more; so
        does a failures.jsonl that cannot be written.
        """
        self.summary.failed += 1
        stop = outcome.stop
        if stop is None and outcome.failure and outcome.failure["error"] == "OutputError":
            stop = self._unusable()
        if stop is not None:
            self._record(outcome)  # whole or not at all: the disk may take one more line
            raise _Stop(f"cannot write to {self.config.out}: {stop}")
        print(f"annotate: {outcome.message}", file=sys.stderr)
        if self.config.out is not None and outcome.failure is not None:
            try:
                append_failure(self.failures_folder, outcome.failure)
            except OutputError as exc:
                where = f"to {self.config.out}" if exc.stops_batch else FAILURES_FILE
                raise _Stop(f"cannot write {where}: {exc.cause}") from None
            if self.sink is not None:
                failure = outcome.failure
                self.sink.fail(failure["source"], failure["error"], failure["message"])

    def _record(self, outcome: Outcome) -> None:
        """Try to list the input in failures.jsonl; the batch stops either way."""
        if self.failures_folder is not None and outcome.failure is not None:
            try:
                append_failure(self.failures_folder, outcome.failure)
            except OutputError:
                pass

    def _unusable(self) -> str | None:
        """Why no file can be written in the output folder now, or None when one can."""
        try:
            check_writable(self.failures_folder)
        except OutputError as exc:
            return exc.cause
        return None

    def successes(self, results: Iterable[tuple[Any, Any]], progress: Any) -> Iterator[tuple]:
        """(item, Outcome) of each input that worked; counts and reports the others."""
        for entry, result in results:
            if progress is not None:
                progress.advance()
            if isinstance(result, SkippedRecord):
                self.summary.non_html += 1
            elif isinstance(result, _Existing):
                self.summary.skipped += 1
            elif isinstance(result, BaseException):
                self.fail(_failed(getattr(result, "source", None) or _source(entry), result))
            elif result.failure is not None:
                self.fail(result)
            else:
                self.summary.ok += 1
                if self.config.verbose:
                    print(f"annotate: {_source(entry)}: ok", file=sys.stderr)
                yield entry, result


def failures_folder(out: Path, sink: Any) -> Path:
    """Where failures.jsonl goes: OUT itself, or beside OUT when a batch sink writes one file."""
    return out.parent if sink is not None and getattr(sink, "target_is_file", False) else out


def _open_sink(exporter: Any, config: RunConfig) -> Any:
    """The exporter's batch sink when it has one and the batch writes to -o OUT, else None."""
    if config.out is None or not hasattr(exporter, "open_batch"):
        return None
    return exporter.open_batch(config.out, config.export_options)


def _source(entry: Any) -> str:
    return getattr(entry, "source", None) or "?"


def run_batch(specs: list[str], options: Options, config: RunConfig) -> Summary:
    """Annotate every input named by `specs` and write the results; never stops on one failure.

    With `config.out`, each input's output is written atomically under it (in input
    order) and failures are listed in OUT/failures.jsonl (rewritten by each run);
    otherwise the exporter streams all sets to stdout.
    """
    exporters = registry().exporters
    exporter = exporters.get(config.format)
    if exporter is None:
        known = ", ".join(sorted(exporters))
        raise UsageError(f"unknown format {config.format!r} (known: {known})")
    plugins = loaded_plugin_specs() if config.plugins is None else config.plugins
    if config.engine == "dask":  # .py plugin paths must not depend on the working directory
        plugins = tuple(str(Path(p).absolute()) if Path(p).exists() else p for p in plugins)
    sink = _open_sink(exporter, config)
    # Local workers write their own files; Dask workers send the set back, since a
    # cluster's machines need not see the output folder (this process writes it).
    workers_write = config.out is not None and sink is None and config.engine != "dask"
    task = ItemTask(
        options,
        config.max_bytes,
        config.format if workers_write else None,
        config.export_options,
        plugins,
        config.out if workers_write else None,
        config.timeout,
        default_max_memory(resolve_jobs(config.jobs))
        if config.max_memory is None
        else config.max_memory,
    )
    summary = Summary()
    tally = _Tally(config, summary, sink)
    started = time.perf_counter()
    progress = make_progress(config.quiet)
    if progress is not None:
        count_in_background(specs, progress)
    try:
        if config.out is not None:
            _start_output(config.out, tally.failures_folder)
        entries = _entries(specs, config, exporter.extension, sink)
        results = _results(task, entries, config, summary.deaths)
        if sink is not None:
            for item, outcome in tally.successes(results, progress):
                _add(sink, item, outcome.annotation_set, tally)
        elif config.out is None:
            sets = (outcome.annotation_set for _item, outcome in tally.successes(results, progress))
            _stream(exporter, sets, config.export_options)
        else:
            for item, outcome in tally.successes(results, progress):
                if not outcome.written:
                    _write(config, item, exporter, outcome.annotation_set, tally)
    except _Stop as stop:
        summary.stopped = str(stop)
    finally:
        if progress is not None:
            progress.close()
    summary.seconds = time.perf_counter() - started
    if sink is not None:
        _close(sink, summary, config.out)
    if summary.stopped is not None:
        print(f"annotate: {summary.stopped}", file=sys.stderr)
    several = summary.ok + summary.failed + summary.skipped > 1
    if not config.quiet and (config.out is not None or several):
        print(f"annotate: {summary.line()}", file=sys.stderr)
    return summary


def _start_output(out: Path, folder: Path) -> None:
    """Make sure files can be written in `folder` (OUT, or the folder of a one-file OUT)
    and remove the last run's failures.jsonl; _Stop when it is unusable (read-only, full)."""
    try:
        check_writable(folder)
        (folder / FAILURES_FILE).unlink(missing_ok=True)
    except OutputError as exc:
        raise _Stop(f"cannot write to {out}: {exc.cause}") from None
    except OSError as exc:
        raise _Stop(f"cannot write to {out}: {system_reason(exc)}") from None


def _stream(exporter: Any, sets: Iterator[AnnotationSet], options: dict[str, Any]) -> None:
    """Export every set to standard output, nothing at all when every input failed; _Stop
    when it cannot be written (full, closed)."""
    try:
        first = next(sets, None)
        if first is not None:
            exporter.write(chain([first], sets), sys.stdout, options)
            sys.stdout.flush()
    except OSError as exc:
        _silence_stdout()
        raise _Stop(f"cannot write to standard output: {system_reason(exc)}") from None


def _silence_stdout() -> None:
    """Point standard output at /dev/null: nothing more can reach it, and Python's own
    flush at exit would fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # not a real file (captured in tests)
        pass


def _close(sink: Any, summary: Summary, out: Path) -> None:
    """Close a batch sink (it may still have to write what it holds), even after a stop."""
    try:
        sink.close(summary)
    except OSError as exc:
        summary.stopped = summary.stopped or f"cannot write to {out}: {system_reason(exc)}"


def _add(sink: Any, item: InputItem, annotation_set: AnnotationSet, tally: _Tally) -> None:
    try:
        sink.add(item.source, item.output_stem, annotation_set)
    except (OSError, AnnotatorError) as exc:
        tally.summary.ok -= 1
        error = output_error(tally.config.out, exc) if isinstance(exc, OSError) else exc
        tally.fail(_failed(item.source, error))


def _write(
    config: RunConfig, item: InputItem, exporter: Any, annotation_set: Any, tally: _Tally
) -> None:
    try:
        path = output_path(config.out, item, exporter.extension)
        write_output(path, exporter, [annotation_set], config.export_options)
    except (OSError, AnnotatorError) as exc:
        tally.summary.ok -= 1
        tally.fail(_failed(item.source, exc))
