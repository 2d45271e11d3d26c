"""Batch plumbing: input expansion, safe reading, atomic writes, failures, resuming, hostile pages."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys

import pytest
from conftest import CORPUS, SEED_PAGE, input_folder, read_json

from annotator.batch.inputs import InputItem, expand_inputs, read_input, safe_relative_name
from annotator.batch.outputs import atomic_writer, output_path
from annotator.batch.runner import RunConfig, process_item, run_batch
from annotator.errors import AnnotatorError, InputError
from annotator.pipeline import Options
from annotator.plugins import registry

OPTIONS = Options(timestamp=False)
PAGES = sorted((CORPUS / "html").glob("*.html.gz"))


def _items(specs):
    return [e for e in expand_inputs([str(s) for s in specs]) if isinstance(e, InputItem)]


def test_expand_folder_glob_and_missing(tmp_path):
    (tmp_path / "a").mkdir()
    shutil.copy(SEED_PAGE, tmp_path / "a" / "seed.html")
    shutil.copy(PAGES[0], tmp_path / "b.html.gz")
    (tmp_path / "notes.txt").write_text("not a page")
    entries = list(expand_inputs([str(tmp_path), str(tmp_path / "*.gz"), "nowhere/x.html"]))
    items = [e for e in entries if isinstance(e, InputItem)]
    assert [i.output_stem for i in items] == ["a/seed", "b"]  # the glob repeats b: kept once
    (error,) = [e for e in entries if isinstance(e, InputError)]
    assert error.source == "nowhere/x.html"


def test_same_named_inputs_get_distinct_output_names(tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEED_PAGE, tmp_path / folder / "page.html")
    items = _items([tmp_path / "one" / "page.html", tmp_path / "two" / "page.html"])
    assert [i.output_stem for i in items] == ["page", "page-2"]


def test_output_names_never_leave_the_output_folder(tmp_path):
    assert safe_relative_name("../../etc/passwd") == "etc/passwd"
    item = InputItem("x", safe_relative_name("/abs/../x y.html"))
    assert output_path(tmp_path, item, ".json").parent == (tmp_path / "abs").resolve()


def test_read_input_refuses_large_files_and_gzip_bombs(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    with pytest.raises(InputError, match="larger than the maximum of 1000 bytes"):
        read_input(InputItem(str(big), "big", big), max_bytes=1000)
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * 30_000_000))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(InputError, match="decompresses to more than the maximum"):
        read_input(InputItem(str(bomb), "bomb", bomb))
    page = read_input(InputItem(str(PAGES[0]), "p", PAGES[0]))
    assert page == PAGES[0].read_bytes()  # gzip pages stay raw: the id hashes the raw bytes


def test_atomic_writer_leaves_nothing_behind_on_failure(tmp_path):
    target = tmp_path / "sub" / "out.json"
    with pytest.raises(RuntimeError), atomic_writer(target) as stream:
        stream.write("half")
        raise RuntimeError("interrupted")
    assert list((tmp_path / "sub").iterdir()) == []
    with atomic_writer(target) as stream:
        stream.write("whole")
    assert target.read_text() == "whole"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_atomic_writer_writes_its_temporary_file_beside_the_target(tmp_path):
    # In the target's own folder, so the rename is atomic: never across file systems.
    target = tmp_path / "deep" / "out.json"
    with atomic_writer(target) as stream:
        stream.write("whole")
        stream.flush()
        (temporary,) = target.parent.iterdir()
        assert temporary.name.startswith(".out.json.") and temporary.name.endswith(".part")
        assert temporary.read_text() == "whole"
        assert not target.exists()
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_batch_writes_outputs_and_lists_failures_without_stopping(tmp_path, capsys):
    folder, out = input_folder(tmp_path, 3), tmp_path / "out"
    summary = run_batch([str(folder)], OPTIONS, RunConfig(out=out, jobs=1))
    assert (summary.ok, summary.failed) == (3, 1)
    assert len(list(out.glob("*.json"))) == 3
    (failure,) = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert failure["source"] == str(folder / "empty-body.html")
    assert failure["error"] == "InputError" and failure["message"]
    err = capsys.readouterr().err
    assert "3 ok, 1 failed, 0 skipped, 0 non-HTML records skipped" in err
    assert "articles/s" in err


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_output_that_cannot_be_written_is_a_failure_and_the_others_are_written(
    tmp_path, capsys, jobs
):
    folder, out = input_folder(tmp_path, 3), tmp_path / "out"
    blocked = sorted(folder.glob("*.html.gz"))[1].name.removesuffix(".html.gz") + ".json"
    (out / blocked).mkdir(parents=True)  # a folder where the output file should go
    summary = run_batch([str(folder)], OPTIONS, RunConfig(out=out, jobs=jobs))
    assert (summary.ok, summary.failed) == (2, 2)
    assert len([p for p in out.glob("*.json") if p.is_file()]) == 2
    assert not list(out.glob(".*.part"))
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert failures[0]["source"].endswith(blocked.removesuffix(".json") + ".html.gz")
    assert f"{blocked.removesuffix('.json')}.html.gz" in capsys.readouterr().err


def test_skip_existing_resumes_an_interrupted_batch(tmp_path, capsys):
    folder, out = input_folder(tmp_path, 4), tmp_path / "out"
    run_batch([str(folder)], OPTIONS, RunConfig(out=out, jobs=1))
    outputs = sorted(out.glob("*.json"))
    before = {p.name: p.read_bytes() for p in outputs}
    outputs[1].unlink()
    (out / f".{outputs[2].name}.abc.part").write_text("{partial")  # a crash's leftover
    summary = run_batch([str(folder)], OPTIONS, RunConfig(out=out, jobs=1, skip_existing=True))
    assert (summary.ok, summary.skipped, summary.failed) == (1, 3, 1)
    assert {p.name: p.read_bytes() for p in sorted(out.glob("*.json"))} == before
    assert len((out / "failures.jsonl").read_text().splitlines()) == 1  # this run's failures


def test_cli_exit_code_summary_and_stdin(tmp_path, run_cli, monkeypatch):
    folder = input_folder(tmp_path, 2)
    code, _out, err = run_cli(str(folder), "-o", str(tmp_path / "out"), "-j", "1")
    assert code == 1 and "2 ok, 1 failed" in err
    stdin = io.TextIOWrapper(io.BytesIO(SEED_PAGE.read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = run_cli("-", "--no-timestamp")
    assert code == 0
    assert json.loads(out)["document"]["headline"] == "Countries join in copyright crackdown"


def test_cli_max_bytes(tmp_path, run_cli):
    code, _out, err = run_cli(str(SEED_PAGE), "-o", str(tmp_path), "--max-bytes", "1000")
    assert code == 1 and "larger than the maximum of 1000 bytes" in err
    failure = read_json(tmp_path / "failures.jsonl")
    assert failure["source"] == str(SEED_PAGE)


def _annotate_or_error(data: bytes, name: str):
    try:
        return process_item(InputItem(name, name, data=data), OPTIONS, 20 * 1024 * 1024)
    except AnnotatorError as exc:
        return exc


def test_deeply_nested_html_is_a_clean_error():
    # libxml2 stops nesting at 256 levels; what is left of the page holds no article.
    deep = b"<html><body>" + b"<div>" * 100_000 + b"<p>" + b"Deep text. " * 40
    result = _annotate_or_error(deep + b"</p>" + b"</div>" * 100_000, "deep.html")
    assert isinstance(result, InputError)
    assert str(result) == "deep.html: no article body found"


def test_a_15_megabyte_page_gives_the_same_article(seed_set):
    scripts = b"".join(
        b"<script>var d%d='%s';</script>\n" % (i, b"A" * 100_000) for i in range(150)
    )
    page = SEED_PAGE.read_bytes().replace(b"</head>", scripts + b"</head>", 1)
    assert len(page) > 15_000_000
    result = _annotate_or_error(page, "big.html")
    assert result.document.text == seed_set.document.text
    assert [a.to_dict() for a in result.annotations] == [a.to_dict() for a in seed_set.annotations]


def test_external_entities_are_not_resolved():
    page = (
        b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        b"<html><body><article><p>&x;</p><p>" + b"An ordinary sentence of article text. " * 8
    ) + b"</p></article></body></html>"
    result = _annotate_or_error(page, "xxe.html")
    # The reference stays as it was written: nothing was read from the file.
    assert (
        result.document.text == "&x;\n\n" + ("An ordinary sentence of article text. " * 8).strip()
    )


# Formats that write one file per input; sqlite and parquet keep the whole batch in one
# destination and answer --skip-existing from it (tests/exporters/test_sqlite.py, test_parquet.py).
FORMATS = sorted(set(registry().exporters) - {"sqlite", "parquet"})


@pytest.mark.parametrize("fmt", FORMATS)
def test_skip_existing_knows_each_formats_output_names(tmp_path, run_cli, fmt):
    folder, out = input_folder(tmp_path, 4), tmp_path / "out"
    code, _out, err = run_cli(folder, "-o", out, "-f", fmt, "--jobs", "1", "--no-timestamp")
    assert (code, err.splitlines()[-1][:40]) == (1, "annotate: 4 ok, 1 failed, 0 skipped, 0 n")
    extension = registry().exporters[fmt].extension
    outputs = [out / f"{page.name.removesuffix('.html.gz')}{extension}" for page in PAGES[:4]]
    before = {p.name: p.read_bytes() for p in outputs}  # each input's own output exists
    outputs[0].unlink()
    outputs[2].unlink()  # two to redo: --jobs 2 then runs a pool
    code, _out, err = run_cli(
        folder, "-o", out, "-f", fmt, "--jobs", "2", "--no-timestamp", "--skip-existing"
    )
    assert code == 1  # empty-body.html has no output to skip: it fails again
    assert "annotate: 2 ok, 1 failed, 2 skipped, 0 non-HTML records skipped" in err
    assert {p.name: p.read_bytes() for p in outputs} == before
