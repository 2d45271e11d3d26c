"""The `annotate` command line: thin wiring of options to the library, with clear errors."""

from __future__ import annotations

import atexit
import gc
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import __version__
from .batch.deadline import DEFAULT_TIMEOUT
from .batch.inputs import DEFAULT_MAX_BYTES
from .errors import AnnotatorError, UsageError

if TYPE_CHECKING:
    from .pipeline import Options

app = typer.Typer(
    add_completion=True,
    no_args_is_help=True,
    help="Annotate news articles: dates, quotations, government agencies and money amounts.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)
DEFAULT_COMMAND = "run"


@dataclass
class Settings:
    """Options taken anywhere on the command line, before the command runs."""

    debug: bool = False
    quiet: bool = False
    verbose: bool = False
    plugins: list[str] = field(default_factory=list)


settings = Settings()


def fail(message: str, code: int = 1) -> None:
    """Print one error line on stderr and exit with `code`."""
    typer.echo(f"annotate: {message}", err=True)
    raise typer.Exit(code)


def _split(values: str | None) -> tuple[str, ...] | None:
    return tuple(v.strip().upper() for v in values.split(",") if v.strip()) if values else None


@app.command(DEFAULT_COMMAND, hidden=True)
def run(
    paths: Annotated[
        list[str],
        typer.Argument(help="HTML or .txt files, folders, globs, WARC files, or - for stdin."),
    ],
    format: Annotated[
        str, typer.Option("--format", "-f", help="Output format (see `annotate plugins`).")
    ] = "json",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Output folder (one file per input), or the one database file of -f sqlite.",
        ),
    ] = None,
    annotators: Annotated[
        str | None, typer.Option(help="Comma-separated annotators to run (default: all).")
    ] = None,
    convert_to: Annotated[str, typer.Option(help="Currencies to convert money to.")] = "USD,EUR",
    rate_source: Annotated[str, typer.Option(help="Exchange-rate source.")] = "ecb",
    rates: Annotated[
        Path | None,
        typer.Option(help="CSV of rates (date,currency,per_EUR); implies --rate-source csv."),
    ] = None,
    no_timestamp: Annotated[
        bool, typer.Option("--no-timestamp", help="Leave provenance.created out.")
    ] = False,
    validate: Annotated[
        bool,
        typer.Option(
            "--validate",
            help="Check every set against the schemas before writing it; an invalid one fails.",
        ),
    ] = False,
    csv_raw: Annotated[
        bool, typer.Option("--csv-raw", help="Do not neutralise spreadsheet formulas in CSV.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(help="Largest input accepted, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    timeout: Annotated[
        float,
        typer.Option(
            help="Seconds one input may take before it is given up as failed (0 = no limit)."
        ),
    ] = DEFAULT_TIMEOUT,
    max_memory: Annotated[
        int | None,
        typer.Option(
            help="Megabytes of memory one input may take before it is given up as failed"
            " (0 = no limit; default 2048, less on a small machine)."
        ),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes (0 = one per core).")
    ] = 0,
    skip_existing: Annotated[
        bool,
        typer.Option(help="Skip inputs whose output already exists (or is in the database)."),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="-f sqlite: replace an article already in the database (same content) "
            "rather than keep it.",
        ),
    ] = False,
    engine: Annotated[
        str, typer.Option(help="Where articles are processed: local (processes) or dask.")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
    ] = None,
    input_format: Annotated[
        str,
        typer.Option(help="auto (.txt/.txt.gz are plain text, the rest HTML), html or text."),
    ] = "auto",
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (ISO 8601) for inputs that do not give one."),
    ] = None,
    published_override: Annotated[
        bool,
        typer.Option("--published-override", help="--published wins over the page's own date."),
    ] = False,
    url: Annotated[
        str | None, typer.Option(help="Article URL for inputs that do not give one.")
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(help="Language (en, de…) for inputs that do not declare one."),
    ] = None,
) -> None:
    """Annotate articles and write annotation sets (or any exporter's format)."""
    from .batch.runner import RunConfig, run_batch
    from .pipeline import Options, select_annotators
    from .plugins import registry

    options = Options(
        annotators=tuple(a.strip() for a in annotators.split(",") if a.strip())
        if annotators is not None
        else None,
        convert_to=_split(convert_to) or (),
        rate_source="csv" if rates else rate_source,
        rates_file=str(rates) if rates else None,
        timestamp=not no_timestamp,
        validate=validate,
        input_format=input_format,
        published=published,
        published_override=published_override,
        url=url,
        language=language,
    )
    # Unknown names and unreadable rates are usage errors, found before any article is read.
    reg = registry()
    select_annotators(reg, options.annotators)
    if options.rate_source not in reg.rate_sources:
        known = ", ".join(sorted(reg.rate_sources))
        fail(f"unknown rate source {options.rate_source!r} (known: {known})", 2)
    if rates is not None:
        from .conversion.rates import check_rates_file

        check_rates_file(str(rates))
    config = RunConfig(
        format=format,
        out=out,
        max_bytes=max_bytes,
        timeout=timeout or None,
        max_memory=max_memory,
        jobs=jobs,
        skip_existing=skip_existing,
        engine=engine,
        scheduler=scheduler,
        export_options={
            "convert_to": list(options.convert_to),
            "csv_raw": csv_raw,
            # For exporters that store a whole batch (sqlite): how the run was made.
            "replace": replace,
            "timestamp": options.timestamp,
            "run": _run_record(paths, format, options, skip_existing, replace),
        },
        quiet=settings.quiet,
        verbose=settings.verbose,
    )
    summary = run_batch(paths, options, config)
    raise typer.Exit(0 if summary.failed == 0 and summary.stopped is None else 1)


def _max_bytes_option(what: str) -> Any:
    return typer.Option("--max-bytes", help=f"Largest {what}, in bytes.")


STORED_HELP = "Annotation-set or gold files (.json, .jsonl, .gz of each), folders, or - for stdin."
STORED_MAX = "JSON text read at once: a .json file, or one line of a .jsonl file (inflated)"


def _run_record(
    paths: list[str], format: str, options: Options, skip_existing: bool, replace: bool
) -> dict[str, Any]:
    """What a batch was asked to do, for exporters that keep a record of their runs.

    Only what shapes the output: not --jobs or --engine, which never change it.
    """
    return {
        "inputs": list(paths),
        "format": format,
        "annotators": list(options.annotators) if options.annotators is not None else None,
        "convert_to": list(options.convert_to),
        "rate_source": options.rate_source,
        "rates": options.rates_file,
        "validate": options.validate,
        "skip_existing": skip_existing,
        "replace": replace,
    }


@app.command()
def export(
    files: Annotated[list[str], typer.Argument(help=STORED_HELP)],
    format: Annotated[str, typer.Option("--format", "-f", help="Output format.")] = "json",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output folder: one file per set.")
    ] = None,
    csv_raw: Annotated[
        bool, typer.Option("--csv-raw", help="Do not neutralise spreadsheet formulas in CSV.")
    ] = False,
    convert_to: Annotated[
        str, typer.Option(help="Currencies whose converted amounts CSV shows.")
    ] = "USD,EUR",
    max_bytes: Annotated[int, _max_bytes_option(STORED_MAX)] = DEFAULT_MAX_BYTES,
) -> None:
    """Re-export stored annotation sets (validated first) without re-reading the HTML."""
    from .batch.reexport import export_stored

    options = {"convert_to": list(_split(convert_to) or ()), "csv_raw": csv_raw}
    tally = export_stored(files, format, out, options, max_bytes)
    if not settings.quiet and (out is not None or tally.invalid or tally.files > 1):
        typer.echo(f"annotate: {tally.line().replace(' valid', ' exported', 1)}", err=True)
    raise typer.Exit(1 if tally.invalid else 0)


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(help=STORED_HELP)],
    format: Annotated[
        str,
        typer.Option(
            "--format", help="text; github (::error lines for GitHub Actions); junit (XML)."
        ),
    ] = "text",
    strict: Annotated[
        bool,
        typer.Option("--strict", help="A plugin type that cannot be checked is an error."),
    ] = False,
    max_bytes: Annotated[int, _max_bytes_option(STORED_MAX)] = DEFAULT_MAX_BYTES,
) -> None:
    """Check annotation-set (and gold) files against the schemas and the spec's rules."""
    from .stored.check import Tally, check_stored
    from .stored.reports import REPORT_FORMATS, make_report

    if format not in REPORT_FORMATS:
        fail(f"unknown --format {format!r} ({', '.join(REPORT_FORMATS)})", 2)
    report = make_report(format, settings.quiet, settings.verbose)
    tally = Tally()
    for checked in check_stored(files, max_bytes, strict):
        tally.add(checked)
        report.add(checked)
    report.close(tally)
    raise typer.Exit(1 if tally.invalid else 0)


@app.command()
def schema(
    name: Annotated[
        str, typer.Argument(help="annotation-set, gold, or a file in schemas/.")
    ] = "annotation-set",
) -> None:
    """Print a bundled schema."""
    from .validation import schema_path

    try:
        typer.echo(schema_path(name).read_text(encoding="utf-8"), nl=False)
    except KeyError:
        fail(f"unknown schema {name!r} (annotation-set, gold, or a file name in schemas/)", 2)


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.gold.json files.")],
    pred: Annotated[
        Path | None, typer.Option(help="Read predictions from DIR/NAME.json instead of annotating.")
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option(help="Folder the gold `source` paths are relative to.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    details: Annotated[bool, typer.Option(help="List every miss and false alarm.")] = False,
    min_f1: Annotated[
        list[str] | None, typer.Option(help="TYPE=VALUE floor (repeatable; TYPE may be 'overall').")
    ] = None,
) -> None:
    """Score annotations against gold sets: precision, recall and F1 per type and overall."""
    from .evaluate import evaluate
    from .report import print_eval_report

    floors = {}
    for item in min_f1 or []:
        kind, _, value = item.partition("=")
        try:
            floors[kind.strip()] = float(value)
        except ValueError:
            fail(f"--min-f1 wants TYPE=NUMBER, got {item!r}", 2)
    report = evaluate(gold_dir, pred, corpus)
    if as_json:
        typer.echo(json.dumps(report.to_dict(details=details), indent=2, ensure_ascii=False))
    else:
        print_eval_report(report, details)
    below = []
    for kind, floor in sorted(floors.items()):
        counts = report.overall if kind in ("overall", "all") else report.by_type.get(kind)
        if counts is None or counts.f1 < floor:
            below.append(f"{kind} F1 {counts.f1 if counts else 0:.4f} < {floor}")
    if below:
        fail("below the floor: " + "; ".join(below), 1)


@app.command()
def plugins(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List loaded plugins, where each came from, and what it registers."""
    from .plugins import plugin_report
    from .report import print_plugins

    report = plugin_report()
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        print_plugins(report)


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(f"annotator {__version__}")


GLOBAL_FLAGS = {"--debug": "debug", "-q": "quiet", "--quiet": "quiet", "-v": "verbose"}
GLOBAL_FLAGS["--verbose"] = "verbose"


def take_global_options(argv: list[str]) -> tuple[list[str], Settings]:
    """Remove the options allowed anywhere (--plugin X, --debug, -q, -v) from argv.

    Everything after `--` is left as it is.
    """
    found = Settings()
    rest: list[str] = []
    items = iter(argv)
    for arg in items:
        if arg == "--":
            rest.append(arg)
            rest.extend(items)
        elif arg in GLOBAL_FLAGS:
            setattr(found, GLOBAL_FLAGS[arg], True)
        elif arg == "--plugin":
            found.plugins.append(next(items, ""))
        elif arg.startswith("--plugin="):
            found.plugins.append(arg.split("=", 1)[1])
        else:
            rest.append(arg)
    return rest, found


COMPLETION_OPTIONS = ("--install-completion", "--show-completion")
COMPLETE_VARIABLE = "_ANNOTATE_COMPLETE"


def _with_default_command(argv: list[str]) -> list[str]:
    """`annotate PATH…` means `annotate run PATH…` unless the first word is a command.

    A first word that names no file but looks like a mistyped command is a usage error
    that suggests the command.
    """
    commands = {c.name or c.callback.__name__ for c in app.registered_commands}
    commands |= {g.name for g in app.registered_groups if g.name}
    if argv[:1] and argv[0].split("=")[0] in COMPLETION_OPTIONS:
        return argv
    first = next((a for a in argv if a == "-" or not a.startswith("-")), None)
    if first is None or first in commands or argv[:1] in (["-h"], ["--help"]):
        return argv
    from .usage import suggestion

    meant = suggestion(first, commands - {DEFAULT_COMMAND})
    if meant is not None:
        raise UsageError(f"no such file {first!r}; did you mean `annotate {meant}`?")
    return [DEFAULT_COMMAND, *argv]


def unexpected_error(exc: BaseException) -> str:
    """The one line for an error no command turned into a message: its cause when known
    (a file the system refused, data nested too deeply, memory), else an internal error."""
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        reason = reason[:1].lower() + reason[1:]
        return f"{exc.filename}: {reason}" if exc.filename else reason
    if isinstance(exc, RecursionError):
        return "gave up: data nested too deeply to process (RecursionError)"
    if isinstance(exc, MemoryError):
        return "gave up: out of memory (MemoryError)"
    return f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)"


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    global settings
    if argv is None:  # the `annotate` process itself (not a caller's own process)
        atexit.register(gc.freeze)
    argv, settings = take_global_options(list(sys.argv[1:] if argv is None else argv))
    if argv[:1] == ["--version"]:
        typer.echo(f"annotator {__version__}")
        sys.exit(0)
    try:
        from .plugins import load_plugin, pm

        for spec in settings.plugins:
            if not spec:
                raise UsageError("--plugin needs a module name or a .py path")
            load_plugin(spec)
        pm.hook.register_commands(app=app)
        command = typer.main.get_command(app)
        completing = COMPLETE_VARIABLE in os.environ  # the shell asks for completions
        if argv in ([], ["-h"], ["--help"]) and not completing:  # no arguments: usage error
            from .usage import main_help

            typer.echo(main_help(command, DEFAULT_COMMAND), nl=False)
            sys.exit(0 if argv else 2)
        code = command.main(
            args=_with_default_command(argv), prog_name="annotate", standalone_mode=False
        )
    except AnnotatorError as exc:
        if settings.debug:
            raise
        typer.echo(f"annotate: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # click usage errors and anything unexpected: one line, no traceback
        if callable(getattr(exc, "show", None)) and isinstance(
            getattr(exc, "exit_code", None), int
        ):
            exc.show()  # a click usage error (typer vendors click, so match by interface)
            sys.exit(exc.exit_code)
        if type(exc).__name__ == "Abort":
            sys.exit(130)
        if settings.debug:
            raise
        typer.echo(f"annotate: {unexpected_error(exc)}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
