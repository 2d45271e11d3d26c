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
    assert [str(i) for i in validate_data(data, fragments={})] == [
        "/annotations/0/type: unknown annotation type 'mood'"
    ]


def _with_annotation_of_type(kind: str) -> dict:
    data = json.loads((FIXTURES / "annotations" / "valid" / "minimal.json").read_text())
    text = data["document"]["text"]
    data["annotations"] = [
        {
            "id": f"{kind}-1",
            "type": kind,
            "start": 0,
            "end": 8,
            "text": text[:8],
            "confidence": 1,
            "annotator": kind,
        }
    ]
    return data


def test_unknown_type_is_not_valid(run_cli, tmp_path):
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(_with_annotation_of_type("typo")))
    code, out, err = run_cli("validate", path)
    assert code == 1
    assert out == f"{path}: /annotations/0/type: unknown annotation type 'typo'\n"


def test_type_of_a_plugin_not_installed_is_a_note_or_with_strict_an_error(run_cli, tmp_path):
    data = _with_annotation_of_type("percent")
    data["provenance"]["plugins"] = [
        {
            "name": "annotator-percent",
            "version": "0.2",
            "types": {"percent": "https://example.org/percent.schema.json"},
        }
    ]
    path = tmp_path / "percent.json"
    path.write_text(json.dumps(data))
    note = "type 'percent' from plugin annotator-percent 0.2 not checked: plugin not installed"
    code, out, err = run_cli("validate", path)
    assert code == 0 and out == ""
    assert f"annotate: {path}: note: {note}" in err
    assert "1 set in 1 file: 1 valid, 0 invalid" in err
    code, out, err = run_cli("validate", "--strict", path)
    assert code == 1
    assert out == f"{path}: /: {note} (--strict)\n"
    code, out, err = run_cli("validate", "-q", path)
    assert code == 0 and out == "" and err == ""
