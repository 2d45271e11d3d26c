"""The top-level help (`annotate PATH… [OPTIONS]` with every option) and the suggestion
for a mistyped command."""

from __future__ import annotations

import difflib
import glob
from pathlib import Path
from typing import Any

GLOBAL_HELP = (
    ("--plugin MODULE_OR_PATH", "Load a plugin without installing it (repeatable)."),
    ("--debug", "Show tracebacks instead of one-line errors."),
    ("-q, --quiet", "Print only errors: no progress, summary or notes."),
    ("-v, --verbose", "Also print one line per input (or stored set) done."),
    ("--version", "Print the version and exit."),
    ("--install-completion", "Install shell completion for the current shell."),
    ("--show-completion", "Print the shell completion script."),
    ("-h, --help", "Show this message and exit."),
)
PATH_HELP = (
    "PATH is an HTML file (.html, .htm, .html.gz), a WARC/ARC archive, a folder "
    "(searched recursively), a glob, or - for standard input."
)


def _commands(group: Any, ctx: Any) -> list[tuple[str, str]]:
    rows = []
    for name in sorted(group.list_commands(ctx)):
        command = group.get_command(ctx, name)
        if command is not None and not command.hidden:
            rows.append((name, command.get_short_help_str(limit=150)))
    return rows


def main_help(group: Any, default_command: str) -> str:
    """The help of the `annotate` click group: the main usage with every option of the
    default command, the options allowed anywhere, and the other commands."""
    # Contexts made without parsing: help needs no option values (parsing would convert each
    # default, which makes typer import pydantic and build one validator per option).
    ctx = group.context_class(group, info_name="annotate", resilient_parsing=True)
    run_command = group.get_command(ctx, default_command)
    run_ctx = run_command.context_class(
        run_command, info_name="annotate", parent=ctx, resilient_parsing=True
    )
    formatter = ctx.make_formatter()
    formatter.write_usage("annotate", "PATH… [OPTIONS]")
    formatter.write_usage("annotate", "COMMAND [ARGS]…", prefix="       ")
    formatter.write_paragraph()
    formatter.write_text(group.help or "")
    formatter.write_paragraph()
    formatter.write_text(PATH_HELP)
    options = [
        record
        for param in run_command.params
        if param.param_type_name == "option" and param.name != "help"
        if (record := param.get_help_record(run_ctx)) is not None
    ]
    with formatter.section("Options of annotate PATH…"):
        formatter.write_dl(options)
    with formatter.section("Options allowed anywhere"):
        formatter.write_dl(list(GLOBAL_HELP))
    with formatter.section("Commands"):
        formatter.write_dl(_commands(group, ctx))
    return formatter.getvalue()


def suggestion(word: str, commands: set[str]) -> str | None:
    """The command `word` was probably meant to be, when it names no file; else None."""
    if word == "-" or Path(word).exists() or glob.has_magic(word):
        return None
    matches = difflib.get_close_matches(word, sorted(commands), n=1, cutoff=0.7)
    return matches[0] if matches else None
