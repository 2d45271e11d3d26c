"""`annotate export`: stored sets re-exported without the HTML; invalid files reported, others kept."""

from __future__ import annotations

import csv
import io
import json

from conftest import FIXTURES

VALID = FIXTURES / "annotations" / "valid" / "all-types.json"
INVALID = FIXTURES / "annotations" / "invalid" / "bad-currency.json"


def test_export_csv_keeps_valid_and_reports_invalid(run_cli):
    code, out, err = run_cli("export", VALID, INVALID, "-f", "csv")
    assert code == 1
    assert f"{INVALID}: invalid annotation set: /annotations/3/currency" in err
    rows = list(csv.DictReader(io.StringIO(out)))
    stored = json.loads(VALID.read_text())["annotations"]
    assert [r["annotation_id"] for r in rows] == [a["id"] for a in stored]
    assert [r["text"] for r in rows] == [a["text"] for a in stored]


def test_export_json_to_folder_round_trips(run_cli, tmp_path):
    code, _, err = run_cli("export", VALID, "-f", "json", "-o", tmp_path)
    assert code == 0, err
    written = tmp_path / "all-types.json"
    assert json.loads(written.read_text()) == json.loads(VALID.read_text())


def test_export_unknown_format_is_usage_error(run_cli):
    code, _, err = run_cli("export", VALID, "-f", "pdf")
    assert code == 2 and "unknown format 'pdf'" in err
