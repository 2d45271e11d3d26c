"""`annotate validate`: valid fixtures pass; each invalid fixture gives its expected error."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, GOLD

from annotator.validation import validate_data, validate_file

VALID = sorted((FIXTURES / "annotations" / "valid").glob("*.json"))
INVALID = sorted((FIXTURES / "annotations" / "invalid").glob("*.json"))


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixtures_pass(path, run_cli):
    assert validate_file(path) == []
    code, out, _err = run_cli("validate", path)
    assert code == 0 and out == ""


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_gives_expected_error(path, run_cli):
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").strip()
    code, out, _err = run_cli("validate", path)
    assert code == 1
    assert f"{path}: {expected}" in out


def test_github_format(run_cli):
    path = FIXTURES / "annotations" / "invalid" / "duplicate-id.json"
    code, out, _err = run_cli("validate", "--format", "github", path)
    assert code == 1
    assert out.startswith(
        f"::error file={path},title=annotate validate::/annotations/1/id: duplicate id"
    )


def test_several_files_one_invalid_exits_1(run_cli):
    code, out, _ = run_cli("validate", VALID[0], INVALID[0])
    assert code == 1 and str(INVALID[0]) in out and str(VALID[0]) not in out


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.gold.json")), ids=lambda p: p.name[:12])
def test_gold_files_validate(path):
    assert validate_file(path) == []


def test_gold_file_with_missing_value_is_rejected():
    gold = {"source": "x.html", "annotations": [{"type": "date", "text": "Monday"}]}
    issues = validate_data(gold)
    assert [str(i) for i in issues] == ["/annotations/0: 'value' is a required property"]


def test_plugin_type_checked_against_its_fragment():
    data = json.loads((FIXTURES / "annotations" / "valid" / "minimal.json").read_text())
    data["annotations"] = [
        {
            "id": "mood-1",
            "type": "mood",
            "start": 0,
            "end": 8,
            "text": data["document"]["text"][:8],
            "confidence": 1,
            "annotator": "moods",
            "mood": 7,
        }
    ]
    fragment = {"type": "object", "required": ["mood"], "properties": {"mood": {"type": "string"}}}
    assert [str(i) for i in validate_data(data, fragments={"mood": fragment})] == [
        "/annotations/0/mood: 7 is not of type 'string'"
    ]
    assert validate_data(data, fragments={}) == []
