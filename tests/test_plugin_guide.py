"""docs/plugins.md builds a working plugin: its own code blocks are written to files and run,
so the guide cannot drift from the code."""

from __future__ import annotations

import importlib
import json
import re
import shlex
import sys
import tomllib

import pytest
from conftest import ROOT

from annotator.plugins import pm

GUIDE = ROOT / "docs" / "plugins.md"
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def code_blocks() -> list[tuple[str, str]]:
    """(language, code) of every fenced block of the guide, in order."""
    return BLOCK.findall(GUIDE.read_text(encoding="utf-8"))


def named_files() -> dict[str, str]:
    """The blocks whose first line names a file (`# annotator_percent.py`), by file name."""
    files = {}
    for _language, code in code_blocks():
        first = code.split("\n", 1)[0]
        if re.fullmatch(r"# [\w.]+\.(py|toml)", first):
            files[first[2:]] = code
    return files


@pytest.fixture
def guide_plugin(tmp_path, monkeypatch):
    """The guide's files written to a folder that is importable."""
    for name, code in named_files().items():
        (tmp_path / name).write_text(code, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for module in ("annotator_percent", "test_percent"):
        sys.modules.pop(module, None)


def test_the_guide_holds_a_plugin_its_test_and_its_packaging():
    assert set(named_files()) == {"annotator_percent.py", "test_percent.py", "pyproject.toml"}
    guide = GUIDE.read_text(encoding="utf-8")
    for name in ("id", "source", "text", "url", "headline", "authors", "publisher", "section"):
        assert f"| `{name}` |" in guide
    for name in ("published", "modified", "dateline", "language"):
        assert f"`{name}`" in guide


def test_the_guides_own_tests_pass(guide_plugin):
    module = importlib.import_module("test_percent")
    tests = [getattr(module, name) for name in dir(module) if name.startswith("test_")]
    assert len(tests) == 2
    for test in tests:
        test()


def test_the_guides_command_runs_the_plugin(guide_plugin, run_cli):
    command = next(code for language, code in code_blocks() if language == "bash")
    args = shlex.split(command.strip())
    assert args[:2] == ["annotate", "--plugin"]
    plugin_file = guide_plugin / args[2]
    page = ROOT / args[3]
    try:
        code, out, err = run_cli(
            *[plugin_file if a == args[2] else page if a == args[3] else a for a in args[1:]]
        )
        assert code == 0, err
        assert "\npercent (11)\n" in out
        code, out, err = run_cli("--plugin", plugin_file, page, "--no-timestamp")
        data = json.loads(out)
        # (other tests may leave --plugin modules loaded: look for this one)
        assert {
            "name": "annotator_percent",
            "version": "0.2",
            "types": {"percent": "https://example.org/annotator-percent/percent.schema.json"},
        } in data["provenance"]["plugins"]
        saved = guide_plugin / "set.json"
        saved.write_text(out, encoding="utf-8")
        assert run_cli("validate", saved)[0] == 0
    finally:
        pm.unregister(name=str(plugin_file))
    # without the plugin, validate says what it could not check
    code, _, err = run_cli("validate", saved)
    assert len([a for a in data["annotations"] if a["type"] == "percent"]) == 11
    assert code == 0 and "from plugin annotator_percent 0.2 not checked" in err


def test_the_packaging_block_declares_the_entry_point():
    project = tomllib.loads(named_files()["pyproject.toml"])
    assert project["project"]["entry-points"]["annotator"] == {"percent": "annotator_percent"}
    assert project["project"]["version"] == "0.2"


def test_an_invalid_annotation_fails_the_guides_helper(guide_plugin):
    from annotator_percent import PercentAnnotator

    from annotator.testing import annotate_text

    class Broken(PercentAnnotator):
        name = "broken-percent"

        def annotate(self, document, context):
            for annotation in super().annotate(document, context):
                annotation.fields["value"] = "four"
                yield annotation

    with pytest.raises(AssertionError, match="/value: 'four' does not match"):
        annotate_text(Broken(), "Up 4%.")
