"""End-to-end CLI tests: the seed page, batches with a broken file, stdin, usage errors."""

from __future__ import annotations

import json
import shutil

from conftest import CORPUS, FIXTURES, SEED_PAGE

from annotator.validation import validate_data


def test_seed_page_to_stdout_validates(run_cli, tmp_path):
    code, out, err = run_cli(SEED_PAGE, "--no-timestamp")
    assert code == 0, err
    data = json.loads(out)
    assert validate_data(data) == []
    document = data["document"]
    assert document["headline"] == "Countries join in copyright crackdown"
    assert document["authors"] == ["Wang Jingqiong"]
    assert document["publisher"] == "China Daily"
    assert document["section"] == "Government and Policy"
    assert document["dateline"] == "BEIJING"
    assert document["published"] == "2010-12-17T08:37:00+08:00"
    assert document["text"].startswith("Cracking down on copyright infringement")
    assert "Related readings" not in document["text"]
    saved = tmp_path / "seed.json"
    saved.write_text(out, encoding="utf-8")
    assert run_cli("validate", saved)[0] == 0


def test_output_is_deterministic_without_timestamp(run_cli):
    first = run_cli(SEED_PAGE, "--no-timestamp")[1]
    second = run_cli(SEED_PAGE, "--no-timestamp")[1]
    assert first == second
    assert "created" not in json.loads(first)["provenance"]
    assert "created" in json.loads(run_cli(SEED_PAGE)[1])["provenance"]


def test_stdin_input(run_cli, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED_PAGE.read_bytes())))
    code, out, _ = run_cli("-", "--no-timestamp")
    assert code == 0
    assert json.loads(out)["document"]["source"] == "-"


def test_corpus_folder_with_a_broken_file(run_cli, tmp_path):
    pages = tmp_path / "pages"
    shutil.copytree(CORPUS / "html", pages)
    (pages / "broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00 this is not gzip")
    out = tmp_path / "out"
    code, _stdout, err = run_cli(pages, "-o", out, "--no-timestamp")
    assert code == 1
    produced = sorted(out.glob("*.json"))
    assert len(produced) == 181
    for path in produced:
        assert validate_data(json.loads(path.read_text(encoding="utf-8"))) == [], path.name
    failure_lines = (out / "failures.jsonl").read_text().splitlines()
    assert len(failure_lines) == 1
    failure = json.loads(failure_lines[0])
    assert failure["source"].endswith("broken.html.gz") and failure["error"] == "InputError"
    assert "broken.html.gz: corrupt gzip data" in err
    assert "181 ok, 1 failed, 0 skipped" in err
    assert not list(out.glob("*.part"))


def test_folder_output_names_are_safe(run_cli, tmp_path):
    nested = tmp_path / "in" / "a b" / ".."
    nested.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED_PAGE, tmp_path / "in" / "a b" / "weird name;rm -rf.html")
    out = tmp_path / "out"
    code, _, err = run_cli(tmp_path / "in", "-o", out)
    assert code == 0, err
    written = [p.relative_to(out).as_posix() for p in out.rglob("*.json")]
    assert written == ["a_b/weird_name_rm_-rf.json"]


def test_missing_input_is_one_line_error(run_cli):
    code, out, err = run_cli("no/such/file.html")
    assert code == 1 and out.strip() in ("", "[]")
    assert "annotate: no/such/file.html: no such file or folder" in err
    assert "Traceback" not in err


def test_empty_body_page_fails_cleanly(run_cli):
    code, _, err = run_cli(FIXTURES / "html" / "empty-body.html")
    assert code == 1
    assert err.strip().endswith("empty-body.html: no article body found")


def test_unknown_format_is_usage_error(run_cli):
    code, _, err = run_cli(SEED_PAGE, "-f", "docx")
    assert code == 2 and "unknown format 'docx'" in err


def test_unknown_annotator_is_usage_error(run_cli):
    code, _, err = run_cli(SEED_PAGE, "--annotators", "colours")
    assert code == 2 and "unknown annotator(s) colours" in err


def test_schema_command(run_cli):
    code, out, _ = run_cli("schema")
    assert code == 0 and json.loads(out)["$schema"].endswith("2020-12/schema")
    code, out, _ = run_cli("schema", "gold")
    assert code == 0 and "gold" in json.loads(out)["title"]
    assert run_cli("schema", "../../etc/passwd")[0] == 2
    code, out, _ = run_cli("schema", "annotation-set.xsd")  # a file of schemas/ by its name
    assert code == 0 and out.startswith("<?xml") and "xs:schema" in out
    code, _, err = run_cli("schema", "../pyproject.toml")  # exists, but outside schemas/
    assert code == 2 and "unknown schema '../pyproject.toml'" in err


def test_jsonl_batch_to_stdout(run_cli):
    code, out, _ = run_cli(
        FIXTURES / "html" / "no-metadata.html", SEED_PAGE, "-f", "jsonl", "--no-timestamp"
    )
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2 and all(validate_data(json.loads(line)) == [] for line in lines)


def test_rates_file_used_and_bad_rates_file_is_usage_error(run_cli, tmp_path):
    sample = FIXTURES / "rates" / "sample.csv"
    code, out, _ = run_cli(SEED_PAGE, "--rates", sample, "--annotators", "money", "--no-timestamp")
    assert code == 0
    conversions = json.loads(out)["annotations"][0]["conversions"]
    assert {c["source"] for c in conversions} == {"rates file sample.csv"}
    code, _, err = run_cli(SEED_PAGE, "--rates", tmp_path / "missing.csv")
    assert code == 2 and "missing.csv: cannot read rates file" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("day,cur,rate\n2010-12-17,USD,1.3\n")
    code, _, err = run_cli(SEED_PAGE, "--rates", bad)
    assert code == 2 and "needs the header date,currency,per_EUR" in err
    code, _, err = run_cli(SEED_PAGE, "--rate-source", "fed")
    assert code == 2 and "unknown rate source 'fed'" in err
