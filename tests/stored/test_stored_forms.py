"""`annotate validate` and `annotate export` read every form the tool writes.

One set, a JSON array (`-f json` with several inputs), JSON Lines (`-f jsonl`), `.gz` of
each, folders; errors point to the record's line; a summary line counts sets and files.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil

import pytest
from conftest import CORPUS, FIXTURES, SEED_PAGE

from annotator.stored.records import read_records

VALID = FIXTURES / "annotations" / "valid"


@pytest.fixture(scope="module")
def corpus_jsonl(tmp_path_factory):
    """The 181 corpus pages annotated into one JSON Lines file, as a user would make it."""
    import contextlib

    from annotator.cli import main

    folder = tmp_path_factory.mktemp("jsonl")
    path = folder / "all.jsonl"
    with open(path, "w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
        with pytest.raises(SystemExit) as stop:
            main([str(CORPUS / "html"), "-f", "jsonl", "--no-timestamp", "-q"])
    assert stop.value.code == 0
    return path


def test_corpus_jsonl_validates_and_exports_to_csv(corpus_jsonl, run_cli):
    code, out, err = run_cli("validate", corpus_jsonl)
    assert code == 0, out
    assert out == ""
    assert err.strip() == "annotate: 181 sets in 1 file: 181 valid, 0 invalid"
    code, out, err = run_cli("export", corpus_jsonl, "-f", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    sets = [json.loads(line) for line in corpus_jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == sum(len(s["annotations"]) for s in sets) > 1000
    assert {r["document_id"] for r in rows} == {
        s["document"]["id"] for s in sets if s["annotations"]
    }


def test_json_array_gz_and_folders_round_trip(corpus_jsonl, run_cli, tmp_path):
    # 40 of the pages (every form costs a validation of each set: about 5 ms)
    lines = tmp_path / "some.jsonl"
    lines.write_text("".join(corpus_jsonl.read_text(encoding="utf-8").splitlines(True)[:40]))
    array = tmp_path / "some.json"
    code, out, err = run_cli("export", lines, "-f", "json")
    assert code == 0, err
    assert out.startswith("[\n{")
    array.write_text(out, encoding="utf-8")
    assert run_cli("validate", array)[2].strip().endswith("40 sets in 1 file: 40 valid, 0 invalid")
    for source in (array, lines):
        packed = tmp_path / f"{source.name}.gz"
        packed.write_bytes(gzip.compress(source.read_bytes()))
        code, _, err = run_cli("validate", packed)
        assert code == 0 and "40 sets in 1 file: 40 valid" in err
    folder = tmp_path / "sets"
    code, _, err = run_cli("export", array, "-f", "json", "-o", folder)
    assert code == 0, err
    written = sorted(folder.rglob("*.json"))
    assert len(written) == 40
    # Named after each document's source, as `annotate PAGE -o OUT` names it.
    first = json.loads(written[0].read_text(encoding="utf-8"))
    assert written[0].name == first["document"]["source"].rsplit("/", 1)[1].replace(
        ".html.gz", ".json"
    )
    (folder / "failures.jsonl").write_text('{"source": "x", "error": "E", "message": "m"}\n')
    code, _, err = run_cli("validate", folder)
    assert code == 0 and "40 sets in 40 files: 40 valid, 0 invalid" in err
    code, out, _ = run_cli("export", folder, "-f", "jsonl")
    assert sorted(out.splitlines()) == sorted(lines.read_text(encoding="utf-8").splitlines())


def test_a_corrupted_line_is_reported_with_its_number_and_the_rest_checked(
    corpus_jsonl, run_cli, tmp_path
):
    lines = corpus_jsonl.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[99] = lines[99][: len(lines[99]) // 2] + "\n"
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text("".join(lines), encoding="utf-8")
    code, out, err = run_cli("validate", damaged)
    assert code == 1
    [line] = out.splitlines()
    assert line.startswith(f"{damaged}:100: /: not valid JSON: ")
    assert err.strip() == "annotate: 181 sets in 1 file: 180 valid, 1 invalid"
    code, out, err = run_cli("export", damaged, "-f", "jsonl")
    assert code == 1
    assert len(out.splitlines()) == 180
    assert f"annotate: {damaged}:100: invalid annotation set: /: not valid JSON" in err


def test_errors_inside_a_record_name_its_line_and_pointer(run_cli, tmp_path):
    good = (VALID / "all-types.json").read_text(encoding="utf-8")
    data = json.loads(good)
    data["annotations"][2]["text"] = "something else"
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps(json.loads(good)) + "\n\n" + json.dumps(data) + "\n")
    code, out, _ = run_cli("validate", path)
    assert code == 1
    assert out.startswith(f"{path}:3: /annotations/2/text: text 'something else' != ")


def test_array_with_a_broken_set_goes_on_with_the_next(run_cli, tmp_path):
    good = (VALID / "minimal.json").read_text(encoding="utf-8").strip()
    broken = good.replace('"schema_version"', '"schema_version": NaN, "x"', 1)
    path = tmp_path / "array.json"
    path.write_text(f"[\n{good},\n{broken},\n{good}\n]\n", encoding="utf-8")
    records = list(read_records(path, 10**6))
    assert [r.error is None for r in records] == [True, False, True]
    assert records[1].line == good.count("\n") + 3
    assert "NaN is not a JSON number" in records[1].error.reason
    code, out, err = run_cli("validate", path)
    assert code == 1 and "3 sets in 1 file: 2 valid, 1 invalid" in err


def test_stdin_and_quiet(run_cli, monkeypatch):
    import sys

    line = json.dumps(json.loads((VALID / "minimal.json").read_text(encoding="utf-8"))) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode() * 2)))
    code, out, err = run_cli("validate", "-", FIXTURES / "annotations" / "invalid", "-q")
    assert code == 1
    assert err == ""
    assert out.count("\n") == len(list((FIXTURES / "annotations" / "invalid").glob("*.json")))
    assert "-:" not in out


def test_single_set_file_errors_have_no_line_number(run_cli):
    path = FIXTURES / "annotations" / "invalid" / "duplicate-id.json"
    code, out, err = run_cli("validate", path)
    assert code == 1 and out.startswith(f"{path}: /annotations/1/id: duplicate id")
    assert err.strip() == "annotate: 1 set in 1 file: 0 valid, 1 invalid"


def test_missing_and_empty_inputs_are_one_error_each(run_cli, tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, err = run_cli("validate", tmp_path / "nothing.json", tmp_path / "empty", VALID)
    assert code == 1
    assert f"{tmp_path / 'nothing.json'}: /: no such file or folder" in out
    assert f"{tmp_path / 'empty'}: /: folder holds no .json or .jsonl files" in out
    assert "5 sets in 5 files: 3 valid, 2 invalid" in err


def test_export_of_a_folder_of_annotate_outputs(run_cli, tmp_path):
    out = tmp_path / "out"
    shutil.copy(SEED_PAGE, tmp_path / "seed.html")
    assert run_cli(tmp_path / "seed.html", "-o", out, "--no-timestamp")[0] == 0
    code, text, err = run_cli("export", out, "-f", "csv")
    assert code == 0, err
    assert text.startswith("document_id,")
