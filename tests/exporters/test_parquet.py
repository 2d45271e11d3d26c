"""-f parquet: documents.parquet and annotations.parquet, read with pyarrow and queried with DuckDB."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from conftest import CORPUS, FIXTURES, SEED_PAGE, annotate_command

from annotator.exporters.parquet import schema, sink
from annotator.exporters.parquet.sink import ParquetSink
from annotator.model import AnnotationSet

PAGES = sorted((CORPUS / "html").glob("*.html.gz"))[:40]


def _by_name(corpus_sets: list[dict]) -> dict[str, dict]:
    return {Path(s["document"]["source"]).name: s for s in corpus_sets}


@pytest.fixture(scope="module")
def parquet_out(tmp_path_factory) -> Path:
    """`annotate FOLDER -f parquet -o OUT` over 40 corpus pages and a page with no article."""
    folder = tmp_path_factory.mktemp("in")
    for page in PAGES:
        shutil.copy(page, folder / page.name)
    shutil.copy(FIXTURES / "html" / "empty-body.html", folder / "empty-body.html")
    out = tmp_path_factory.mktemp("parquet") / "out"
    command = annotate_command(folder, "-f", "parquet", "-o", out, "--no-timestamp", "--jobs", "2")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr  # the empty page failed, nothing else
    assert "40 ok, 1 failed" in done.stderr
    return out


def _query(out: Path, sql: str) -> list[tuple]:
    documents = f"read_parquet('{out}/documents.parquet/*.parquet')"
    annotations = f"read_parquet('{out}/annotations.parquet/*.parquet')"
    return duckdb.sql(sql.format(documents=documents, annotations=annotations)).fetchall()


def test_counts_per_type_equal_the_json_sets(parquet_out, corpus_sets):
    by_name = _by_name(corpus_sets)
    expected_sets = [by_name[page.name] for page in PAGES]
    annotations = [a for s in expected_sets for a in s["annotations"]]
    counts = dict(_query(parquet_out, "SELECT type, count(*) FROM {annotations} GROUP BY type"))
    assert counts == dict(Counter(a["type"] for a in annotations))
    conversions = _query(
        parquet_out, "SELECT count(*) FROM {annotations}, unnest(conversions) AS t(c)"
    )
    assert conversions == [(sum(len(a.get("conversions", [])) for a in annotations),)]
    ids = _query(parquet_out, "SELECT id FROM {documents} ORDER BY id")
    assert [row[0] for row in ids] == sorted(s["document"]["id"] for s in expected_sets)
    # each speaker's quote count, joined to its article, as a data team would ask it
    speakers = _query(
        parquet_out,
        "SELECT d.publisher, a.speaker, count(*) FROM {annotations} a "
        "JOIN {documents} d ON d.id = a.document_id WHERE a.type = 'quote' GROUP BY ALL",
    )
    expected = Counter(
        (s["document"]["publisher"], a.get("speaker"))
        for s in expected_sets
        for a in s["annotations"]
        if a["type"] == "quote"
    )
    assert {(p, s): n for p, s, n in speakers} == dict(expected)
    assert (parquet_out / "failures.jsonl").read_text().count("empty-body.html") == 1


def test_pyarrow_reads_the_documented_schema_and_typed_values(parquet_out, corpus_sets):
    documents = pq.read_table(parquet_out / "documents.parquet")
    annotations = pq.read_table(parquet_out / "annotations.parquet")
    assert documents.schema.equals(schema.DOCUMENTS)
    assert annotations.schema.equals(schema.ANNOTATIONS)
    part = pq.ParquetFile(next((parquet_out / "annotations.parquet").glob("part-*.parquet")))
    assert part.metadata.row_group(0).column(0).compression == "ZSTD"
    by_name = _by_name(corpus_sets)
    stored = {(row["document_id"], row["id"]): row for row in annotations.to_pylist()}
    for page in PAGES:
        annotation_set = by_name[page.name]
        for annotation in annotation_set["annotations"]:
            row = stored[(annotation_set["document"]["id"], annotation["id"])]
            for name, value in annotation.items():
                if name == "conversions":
                    value = [{**dict.fromkeys(schema.CONVERSION_COLUMNS), **c} for c in value]
                    for c in row[name]:
                        c["rate_date"] = c["rate_date"] and c["rate_date"].isoformat()
                elif name == "ids":
                    row[name] = dict(row[name])
                assert row[name] == value, (page.name, annotation["id"], name)


def test_row_groups_stream_and_parts_roll_over(tmp_path, corpus_sets, monkeypatch):
    monkeypatch.setattr(sink, "ROW_GROUP_DOCUMENTS", 10)
    monkeypatch.setattr(sink, "PART_DOCUMENTS", 50)
    out = tmp_path / "out"
    writer = ParquetSink(out, {})
    for annotation_set in map(AnnotationSet.from_dict, corpus_sets):
        writer.add(annotation_set.document.source, "x", annotation_set)
        assert len(writer.documents) < 10  # never more than a row group in memory
    writer.close(None)
    parts = sorted((out / "documents.parquet").glob("part-*.parquet"))
    assert [p.name for p in parts] == [sink.part_name(n) for n in range(4)]
    assert [pq.ParquetFile(p).num_row_groups for p in parts] == [5, 5, 5, 4]
    total = pq.read_table(out / "annotations.parquet").num_rows
    assert total == sum(len(s["annotations"]) for s in corpus_sets)


def test_a_later_run_adds_a_part_and_skips_stored_articles(tmp_path, run_cli):
    out = tmp_path / "out"
    assert run_cli(SEED_PAGE, "-f", "parquet", "-o", out, "--no-timestamp")[0] == 0
    first = (out / "documents.parquet" / "part-00000.parquet").read_bytes()
    # what a kill would leave: a part being written and an annotations part never committed
    (out / "documents.parquet" / ".part-00001.parquet.tmp").write_bytes(b"PAR1 half")
    shutil.copy(
        out / "annotations.parquet" / "part-00000.parquet",
        out / "annotations.parquet" / "part-00007.parquet",
    )
    code, _out, err = run_cli(SEED_PAGE, PAGES[0], "-f", "parquet", "-o", out, "--no-timestamp")
    assert code == 0 and "1 articles already in" in err
    assert sorted(p.name for p in (out / "documents.parquet").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    assert sorted(p.name for p in (out / "annotations.parquet").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    assert (out / "documents.parquet" / "part-00000.parquet").read_bytes() == first
    assert pq.read_table(out / "documents.parquet" / "part-00001.parquet").num_rows == 1
    code, _out, err = run_cli(SEED_PAGE, PAGES[0], "-f", "parquet", "-o", out, "--skip-existing")
    assert code == 0 and "0 ok, 0 failed, 2 skipped" in err
    assert len(list((out / "documents.parquet").iterdir())) == 2


def test_output_is_the_same_bytes_with_one_or_two_workers(tmp_path, run_cli):
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        args = (SEED_PAGE, *PAGES[:3], "-f", "parquet", "-o", out, "--no-timestamp", "--jobs", jobs)
        assert run_cli(*args)[0] == 0
        outputs.append(
            [(out / f"{name}.parquet" / "part-00000.parquet").read_bytes() for name in sink.TABLES]
        )
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "-f parquet writes Parquet files: give a folder with -o"),
        (("-o", "{tmp}/out", "--replace"), "--replace needs -f sqlite"),
        (("-o", "{tmp}/file.txt"), "is a file: -f parquet writes a folder"),
    ],
)
def test_usage_errors(tmp_path, run_cli, args, message):
    (tmp_path / "file.txt").write_text("not a folder")
    args = [a.format(tmp=tmp_path) for a in args]
    code, stdout, err = run_cli(SEED_PAGE, "-f", "parquet", *args)
    assert code == 2 and message in err and stdout == ""
    assert len(err.strip().splitlines()) == 1
