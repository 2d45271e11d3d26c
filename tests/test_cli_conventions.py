"""The command line people expect: main usage in --help, --version, -q/-v, shell completion,
a suggestion for a mistyped command, and nothing on standard output for a failed input."""

from __future__ import annotations

import json

import typer
from conftest import FIXTURES, SEED_PAGE

from annotator import __version__
from annotator.cli import app


def _run_options() -> list[str]:
    command = typer.main.get_command(app).get_command(None, "run")
    return [name for p in command.params if p.param_type_name == "option" for name in p.opts]


def test_help_shows_the_main_usage_and_every_option(run_cli):
    code, out, _ = run_cli("--help")
    assert code == 0
    assert out.startswith("Usage: annotate PATH… [OPTIONS]\n       annotate COMMAND [ARGS]…\n")
    for option in [*_run_options(), "--plugin", "--debug", "--quiet", "-q", "--verbose", "-v"]:
        assert option in out, option
    assert "--version" in out and "--install-completion" in out
    for command in ("validate", "export", "eval", "schema", "plugins"):
        assert f"\n  {command} " in out
    assert run_cli("-h")[1] == out
    code, no_arguments, _ = run_cli()
    assert code == 2 and no_arguments == out


def test_version(run_cli):
    assert run_cli("--version") == (0, f"annotator {__version__}\n", "")
    assert run_cli("version")[1] == f"annotator {__version__}\n"


def test_mistyped_command_that_names_no_file_suggests_the_command(run_cli, tmp_path, monkeypatch):
    code, out, err = run_cli("valdate", "x.json")
    assert (code, out) == (2, "")
    assert err == "annotate: no such file 'valdate'; did you mean `annotate validate`?\n"
    assert "did you mean `annotate export`" in run_cli("exprot", "x.json")[2]
    # a file of that name is annotated as usual (here: it is not a page)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "valdate").write_text("not html")
    code, _, err = run_cli("valdate")
    assert code == 1 and "did you mean" not in err
    # a word close to no command is a missing file, as before
    assert "no such file or folder" in run_cli("zebra.html")[2]


def test_failed_input_writes_nothing_to_stdout(run_cli):
    for args in (["no/such/file.html"], [FIXTURES / "html" / "empty-body.html", "-f", "csv"]):
        code, out, err = run_cli(*args)
        assert (code, out) == (1, ""), args
        assert err.count("\n") == 1
    bad = FIXTURES / "annotations" / "invalid" / "bad-currency.json"
    code, out, _ = run_cli("export", bad, "-f", "csv")
    assert (code, out) == (1, "")


def test_quiet_and_verbose(run_cli):
    pages = [
        SEED_PAGE,
        FIXTURES / "html" / "no-metadata.html",
        FIXTURES / "html" / "empty-body.html",
    ]
    code, out, err = run_cli(*pages, "-f", "jsonl", "-q")
    assert code == 1 and len(out.splitlines()) == 2
    assert err.strip() == f"annotate: {pages[2]}: no article body found"
    code, out, err = run_cli("-v", *pages, "-f", "jsonl")
    assert f"annotate: {SEED_PAGE}: ok" in err
    assert "2 ok, 1 failed" in err
    # -q anywhere, even before a command
    code, out, err = run_cli("-q", "validate", FIXTURES / "annotations" / "valid")
    assert (code, out, err) == (0, "", "")
    code, out, err = run_cli("validate", "-v", FIXTURES / "annotations" / "valid" / "minimal.json")
    assert "minimal.json: valid" in err


def test_completion_is_installed_and_completes_commands(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    code, out, _ = run_cli("--install-completion", "bash")
    assert code == 0 and "bash completion installed" in out
    assert "annotate" in (tmp_path / ".bashrc").read_text()
    script = (tmp_path / ".bash_completions" / "annotate.sh").read_text()
    assert "_ANNOTATE_COMPLETE" in script
    monkeypatch.setenv("_ANNOTATE_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "annotate vali")
    monkeypatch.setenv("COMP_CWORD", "1")
    code, out, _ = run_cli()
    assert code == 0 and out.split() == ["validate"]


def test_plugin_and_debug_are_taken_anywhere(run_cli):
    code, out, _ = run_cli(
        SEED_PAGE, "--debug", "--no-timestamp", "--plugin", "annotator.exporters.json"
    )
    assert code == 0 and json.loads(out)["document"]["publisher"] == "China Daily"
