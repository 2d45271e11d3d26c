"""Validation in CI: GitHub Actions annotations, a JUnit XML report, and the pre-commit hook."""

from __future__ import annotations

import json
import re
import shlex
import tomllib

import yaml
from conftest import FIXTURES, ROOT
from lxml import etree

VALID = FIXTURES / "annotations" / "valid"
INVALID = FIXTURES / "annotations" / "invalid"


def _lines_file(tmp_path):
    good = json.dumps(json.loads((VALID / "minimal.json").read_text()))
    bad = good.replace('"schema_version": "1.0"', '"schema_version": "2.0"')
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{good}\n{bad}\n{good}\n")
    return path


def test_github_format_points_to_file_and_line(run_cli, tmp_path):
    path = _lines_file(tmp_path)
    code, out, err = run_cli("validate", "--format", "github", path, VALID / "minimal.json")
    assert code == 1
    assert out == (
        f"::error file={path},line=2,title=annotate validate::/schema_version: '1.0' was expected\n"
    )
    assert "3 sets" not in out and "4 sets in 2 files: 3 valid, 1 invalid" in err


def test_github_format_escapes_what_workflow_commands_cannot_hold(run_cli, tmp_path):
    path = tmp_path / "odd,name:1.json"
    data = json.loads((VALID / "minimal.json").read_text())
    data["document"]["source"] = ""
    path.write_text(json.dumps(data))
    code, out, _ = run_cli("validate", "--format", "github", path)
    assert code == 1
    assert out.startswith(f"::error file={tmp_path}/odd%2Cname%3A1.json,title=annotate validate::")
    assert "\n" not in out.rstrip("\n")


def test_junit_report_has_a_suite_per_file_and_a_case_per_set(run_cli, tmp_path):
    path = _lines_file(tmp_path)
    code, out, err = run_cli("validate", "--format", "junit", path, *sorted(INVALID.glob("*.json")))
    assert code == 1
    root = etree.fromstring(out.encode("utf-8"))
    invalid_files = len(list(INVALID.glob("*.json")))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == (
        str(3 + invalid_files),
        str(1 + invalid_files),
    )
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites][0] == str(path)
    assert [(c.get("name"), c.find("failure") is not None) for c in suites[0]] == [
        (f"{path}:1", False),
        (f"{path}:2", True),
        (f"{path}:3", False),
    ]
    failure = suites[0][1].find("failure")
    assert failure.get("message") == "/schema_version: '1.0' was expected"
    duplicate = next(s for s in suites if s.get("name").endswith("duplicate-id.json"))
    assert duplicate.find("testcase/failure").text.startswith("/annotations/1/id: duplicate id")
    assert "sets in" in err


def test_junit_report_of_valid_files(run_cli):
    code, out, _ = run_cli("validate", "--format", "junit", "-q", VALID)
    assert code == 0
    root = etree.fromstring(out.encode("utf-8"))
    assert root.get("failures") == "0" and len(root.findall("testsuite/testcase")) == 3


def test_unknown_report_format_is_a_usage_error(run_cli):
    code, _, err = run_cli("validate", "--format", "tap", VALID)
    assert code == 2 and "unknown --format 'tap' (text, github, junit)" in err


def test_pre_commit_hook_runs_annotate_validate_on_annotation_files(run_cli):
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "annotate-validate" and hook["language"] == "python"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    command = shlex.split(hook["entry"])
    assert command[0] in scripts
    pattern = re.compile(hook["files"])
    candidates = ["a/set.json", "all.jsonl", "all.jsonl.gz", "x.json.gz", "page.html", "README.md"]
    assert [bool(pattern.search(name)) for name in candidates] == [True] * 4 + [False] * 2
    # pre-commit appends the staged files that match
    staged = [p for p in sorted((FIXTURES / "annotations").rglob("*")) if pattern.search(p.name)]
    code, out, err = run_cli(*command[1:], *[p for p in staged if p.parent.name == "valid"])
    assert (code, out, err) == (0, "", "")
    code, out, err = run_cli(*command[1:], *staged)
    assert code == 1 and err == ""
    assert len(out.splitlines()) == len([p for p in staged if p.parent.name == "invalid"])
