"""-f sqlite: one database per batch, checked with sqlite3 against the JSON sets, and in datasette."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, SEED_PAGE, annotate_command

from annotator.hookspecs import hookimpl
from annotator.model import Annotation, AnnotationSet
from annotator.plugins import pm

CORPUS_HTML = CORPUS / "html"
BUILT_IN_TYPES = ("date", "quote", "agency", "money")


def _rows(database: Path, query: str, *parameters) -> list[tuple]:
    with sqlite3.connect(database) as connection:
        return connection.execute(query, parameters).fetchall()


def _dicts(database: Path, query: str, *parameters) -> list[dict]:
    connection = sqlite3.connect(database)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(query, parameters)]
    finally:
        connection.close()


def _content(database: Path) -> dict[str, list[tuple]]:
    """What a database holds, without the numbers that depend on when rows were written."""

    def columns(table: str, leave_out: set[str]) -> str:
        names = [row[1] for row in _rows(database, f"PRAGMA table_info({table})")]
        return ", ".join(f'{table}."{name}"' for name in names if name not in leave_out)

    return {
        "documents": sorted(
            _rows(database, f"SELECT {columns('documents', {'rowid', 'run'})} FROM documents")
        ),
        "annotations": sorted(
            _rows(database, f"SELECT {columns('annotations', {'rowid'})} FROM annotations")
        ),
        "conversions": sorted(
            _rows(
                database,
                "SELECT a.document_id, a.id, "
                + columns("conversions", {"annotation"})
                + " FROM conversions JOIN annotations a ON a.rowid = conversions.annotation",
            )
        ),
        "checks": sorted(_rows(database, "SELECT * FROM checks")),
    }


def _annotations(sets: list[dict]) -> list[tuple[str, dict]]:
    return [(s["document"]["id"], a) for s in sets for a in s["annotations"]]


@pytest.fixture(scope="module")
def corpus_archive(tmp_path_factory) -> Path:
    """`annotate CORPUS/html -f sqlite -o archive.db`, uninterrupted, run once."""
    database = tmp_path_factory.mktemp("archive") / "archive.db"
    command = annotate_command(CORPUS_HTML, "-f", "sqlite", "-o", database, "--no-timestamp")
    done = subprocess.run([*command, "--jobs", "2"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return database


@pytest.fixture(scope="module")
def seed_archive(tmp_path_factory) -> Path:
    """The seed article and a page with no article, in one database."""
    folder = tmp_path_factory.mktemp("seed-in")
    shutil.copy(SEED_PAGE, folder / SEED_PAGE.name)
    shutil.copy(FIXTURES / "html" / "empty-body.html", folder / "empty-body.html")
    database = tmp_path_factory.mktemp("seed") / "seed.db"
    command = annotate_command(folder, "-f", "sqlite", "-o", database, "--no-timestamp")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr  # the empty page failed, the seed did not
    return database


def test_rows_equal_the_json_sets_of_the_corpus(corpus_archive, corpus_sets):
    assert len(corpus_sets) == 181
    documents = _dicts(corpus_archive, "SELECT * FROM documents")
    assert sorted(d["id"] for d in documents) == sorted(s["document"]["id"] for s in corpus_sets)
    by_id = {s["document"]["id"]: s["document"] for s in corpus_sets}
    for row in documents:
        document = by_id[row["id"]]
        assert json.loads(row["authors"]) == document["authors"]
        for name in ("source", "url", "headline", "published", "publisher", "text", "dateline"):
            assert row[name] == document[name], name

    expected = Counter(a["type"] for _id, a in _annotations(corpus_sets))
    assert set(expected) == set(BUILT_IN_TYPES)
    stored = dict(_rows(corpus_archive, "SELECT type, count(*) FROM annotations GROUP BY type"))
    assert stored == dict(expected)
    conversions = sum(len(a.get("conversions", [])) for _id, a in _annotations(corpus_sets))
    assert _rows(corpus_archive, "SELECT count(*) FROM conversions") == [(conversions,)]
    checks = sum(len(s.get("checks", [])) for s in corpus_sets)
    assert _rows(corpus_archive, "SELECT count(*) FROM checks") == [(checks,)]
    for view, kind in (("quotes", "quote"), ("dates", "date"), ("agencies", "agency")):
        assert _rows(corpus_archive, f"SELECT count(*) FROM {view}") == [(expected[kind],)]
    (run,) = _dicts(corpus_archive, "SELECT * FROM runs")
    assert (run["ok"], run["failed"], run["added"], run["when"]) == (181, 0, 181, None)
    assert json.loads(run["options"])["convert_to"] == ["USD", "EUR"]


def test_every_field_of_every_annotation_is_in_its_typed_column(corpus_archive, corpus_sets):
    rows = {
        (row["document_id"], row["id"]): row
        for row in _dicts(corpus_archive, "SELECT * FROM annotations")
    }
    for document_id, annotation in _annotations(corpus_sets):
        row = rows[(document_id, annotation["id"])]
        for name, value in annotation.items():
            if name == "conversions":
                continue
            stored = row[name]
            if name == "ids":
                stored = json.loads(stored)
            elif isinstance(value, bool):
                stored = bool(stored)
            assert stored == value, (document_id, annotation["id"], name)
        assert row["fields"] is None  # built-in types: every field has a column
        if annotation["type"] == "date":
            assert row["relative"] in (0, 1) and row["ambiguous"] in (0, 1)


def test_full_text_search_finds_a_known_quote_and_articles(corpus_archive, corpus_sets):
    phrase = "a whole lot of stuff"
    expected = sorted(
        (document_id, a["id"], a["speaker"])
        for document_id, a in _annotations(corpus_sets)
        if a["type"] == "quote" and phrase in a["text"]
    )
    assert expected, "the corpus quote 'It’s like you’re pouring a whole lot of stuff…'"
    found = _rows(
        corpus_archive,
        "SELECT document_id, annotation, speaker FROM quotes "
        "WHERE rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?) ORDER BY 1, 2",
        f'"{phrase}"',
    )
    assert found == expected
    name = "Arvind Kejriwal"
    articles = sorted(s["document"]["id"] for s in corpus_sets if name in s["document"]["text"])
    assert articles
    found = _rows(
        corpus_archive,
        "SELECT id FROM documents WHERE rowid IN "
        "(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?) ORDER BY id",
        f'"{name}"',
    )
    assert [row[0] for row in found] == articles


def test_views_give_the_seed_articles_yuan_with_its_dollar_conversion(seed_archive, seed_set):
    (row,) = _dicts(seed_archive, "SELECT * FROM money WHERE text = '835 million yuan'")
    assert (row["amount"], row["currency"], row["headline"]) == (
        835_000_000,
        "CNY",
        "Countries join in copyright crackdown",
    )
    yuan = next(a for a in seed_set.annotations if a.text == "835 million yuan")
    usd = next(c for c in yuan.fields["conversions"] if c["currency"] == "USD")
    assert row["in_usd"] == float(usd["amount"]) and 124e6 < row["in_usd"] < 127e6
    (dollars,) = _dicts(
        seed_archive, "SELECT * FROM money WHERE equivalent_of = ?", row["annotation"]
    )
    assert (dollars["text"], dollars["in_usd"]) == ("$125 million", 125_000_000)
    (exact,) = _rows(
        seed_archive,
        "SELECT c.amount, c.rate, c.rate_date FROM conversions c "
        "JOIN annotations a ON a.rowid = c.annotation WHERE a.text = ? AND c.currency = 'USD'",
        "835 million yuan",
    )
    assert exact == (usd["amount"], usd["rate"], usd["rate_date"])  # exact decimal strings
    quotes = _rows(seed_archive, "SELECT annotation, speaker, text FROM quotes ORDER BY rowid")
    assert quotes == [
        (a.id, a.fields.get("speaker"), a.text) for a in seed_set.annotations if a.type == "quote"
    ]
    agencies = _rows(seed_archive, "SELECT text, name, country FROM agencies ORDER BY rowid")
    assert ("Ministry of Public Security", "Ministry of Public Security", "CN") in agencies
    dates = _rows(seed_archive, "SELECT text, value, relative, anchor FROM dates ORDER BY rowid")
    assert ("Thursday", "2010-12-16", 1, "published") in dates


def test_failures_are_in_the_database_and_beside_it(seed_archive):
    (failure,) = _dicts(seed_archive, "SELECT * FROM failures")
    assert failure["source"].endswith("empty-body.html") and failure["run"] == 1
    lines = (seed_archive.parent / "failures.jsonl").read_text().splitlines()
    assert [json.loads(line)["source"] for line in lines] == [failure["source"]]
    (run,) = _dicts(seed_archive, "SELECT ok, failed FROM runs")
    assert run == {"ok": 1, "failed": 1}


def test_datasette_serves_the_quotes_view_faceted_by_speaker(seed_archive, seed_set):
    from datasette.app import Datasette

    metadata_file = seed_archive.with_name("seed.metadata.json")
    metadata = json.loads(metadata_file.read_text())
    quotes = [a for a in seed_set.annotations if a.type == "quote"]
    speakers = Counter(a.fields.get("speaker") for a in quotes)

    async def ask(path: str) -> dict:
        datasette = Datasette([str(seed_archive)], metadata=metadata)
        response = await datasette.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    page = asyncio.run(ask("/seed/quotes.json?_shape=objects&_facet=speaker"))
    assert [(row["annotation"], row["speaker"], row["text"]) for row in page["rows"]] == [
        (a.id, a.fields.get("speaker"), a.text) for a in quotes
    ]
    facet = {item["value"]: item["count"] for item in page["facet_results"]["speaker"]["results"]}
    assert facet == dict(speakers)
    # the metadata's own facets apply without asking, and its search over quotes works
    page = asyncio.run(ask("/seed/quotes.json?_shape=objects&_search=cooperation"))
    assert "speaker" in page["facet_results"]
    assert [row["annotation"] for row in page["rows"]] == [
        a.id for a in quotes if "cooperation" in a.text
    ]
    page = asyncio.run(ask("/seed/money.json?_shape=objects&currency=CNY"))
    assert [row["text"] for row in page["rows"]] == ["835 million yuan"]
    page = asyncio.run(ask("/seed/documents.json?_shape=objects&_search=copyright"))
    assert [row["headline"] for row in page["rows"]] == ["Countries join in copyright crackdown"]


def test_a_batch_killed_with_sigkill_resumes_to_the_same_database(corpus_archive, tmp_path):
    database = tmp_path / "killed.db"
    command = annotate_command(CORPUS_HTML, "-f", "sqlite", "-o", database, "--no-timestamp")
    process = subprocess.Popen(
        [*command, "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the main process, its workers and its fork server
    )
    committed = 0
    try:
        deadline = time.monotonic() + 300
        while committed == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            if database.exists():
                try:
                    committed = _rows(database, "SELECT count(*) FROM documents")[0][0]
                except sqlite3.OperationalError:  # the schema is not committed yet
                    pass
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the batch ended before it could be killed"
    assert 0 < committed < 181
    # the database opens, is sound, and holds at least what was committed before the kill
    assert _rows(database, "PRAGMA integrity_check") == [("ok",)]
    kept = _rows(database, "SELECT count(*) FROM documents")[0][0]
    assert committed <= kept < 181
    assert _rows(database, "SELECT count(DISTINCT document_id) FROM annotations")[0][0] <= kept
    with sqlite3.connect(database) as connection:
        connection.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")
        connection.execute(
            "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"
        )

    done = subprocess.run(
        [*command, "--skip-existing", "--jobs", "1"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"{181 - kept} ok, 0 failed, {kept} skipped" in done.stderr
    assert _content(database) == _content(corpus_archive)
    runs = _dicts(database, "SELECT ok, skipped, added FROM runs ORDER BY id")
    assert runs == [
        {"ok": None, "skipped": None, "added": None},  # the killed run never closed
        {"ok": 181 - kept, "skipped": kept, "added": 181 - kept},
    ]


def test_a_second_run_appends_keeps_or_replaces(tmp_path, run_cli):
    database = tmp_path / "archive.db"
    page = sorted(CORPUS_HTML.glob("*.html.gz"))[0]
    assert run_cli(SEED_PAGE, "-f", "sqlite", "-o", database, "--no-timestamp")[0] == 0
    first = _content(database)
    seed_rowid = _rows(database, "SELECT rowid FROM documents")

    code, _out, err = run_cli(SEED_PAGE, page, "-f", "sqlite", "-o", database, "--no-timestamp")
    assert code == 0 and "1 articles already in" in err
    assert (
        _rows(database, "SELECT rowid FROM documents WHERE source = ?", str(SEED_PAGE))
        == seed_rowid
    )
    assert _rows(database, "SELECT count(*) FROM documents") == [(2,)]

    code, _out, err = run_cli(
        SEED_PAGE, "-f", "sqlite", "-o", database, "--replace", "--no-timestamp"
    )
    assert code == 0 and "already in" not in err
    assert (
        _rows(database, "SELECT rowid FROM documents WHERE source = ?", str(SEED_PAGE))
        != seed_rowid
    )
    seed_id = first["documents"][0][0]
    seed_rows = {
        table: [row for row in rows if row[0] == seed_id]
        for table, rows in _content(database).items()
    }
    assert seed_rows == first  # the replaced article's rows are all there, once
    runs = _rows(database, "SELECT added, replaced, already_present FROM runs ORDER BY id")
    assert runs == [(1, 0, 0), (1, 0, 1), (0, 1, 0)]
    with sqlite3.connect(database) as connection:  # no stale full-text entries
        connection.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")
    found = _rows(
        database,
        "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?",
        '"we need international cooperation"',
    )
    assert found == [(1,)]


def test_skip_existing_asks_the_database(tmp_path, run_cli):
    database = tmp_path / "archive.db"
    assert run_cli(SEED_PAGE, "-f", "sqlite", "-o", database, "--no-timestamp")[0] == 0
    code, _out, err = run_cli(SEED_PAGE, "-f", "sqlite", "-o", database, "--skip-existing")
    assert code == 0 and "0 ok, 0 failed, 1 skipped" in err
    assert _rows(database, "SELECT ok, skipped FROM runs ORDER BY id") == [(1, 0), (0, 1)]


class Shouts:
    """A plugin type with a field of its own (loudness)."""

    name = "shouts"
    types = ("shout",)
    schema = {"type": "object", "properties": {"loudness": {"type": "integer"}}}

    def annotate(self, document, context):
        for word in ("Sword",):
            start = document.text.find(word)
            if start >= 0:
                yield Annotation("shout", start, start + len(word), word, fields={"loudness": 7})

    @hookimpl
    def register_annotators(self, register):
        register(self)


def test_a_plugin_types_fields_go_to_the_json_column(tmp_path, run_cli):
    plugin = Shouts()
    pm.register(plugin, name="test-shouts")
    try:
        database = tmp_path / "archive.db"
        code, _out, err = run_cli(
            SEED_PAGE, "-f", "sqlite", "-o", database, "--annotators", "shouts,money", "--jobs", "1"
        )
    finally:
        pm.unregister(plugin)
    assert code == 0, err
    (row,) = _dicts(database, "SELECT * FROM annotations WHERE type = 'shout'")
    assert json.loads(row["fields"]) == {"loudness": 7}
    assert row["text"] == "Sword" and row["value"] is None and row["name"] is None
    assert _rows(database, "SELECT count(*) FROM money") == [(2,)]
    (when,) = _rows(database, 'SELECT "when" FROM runs')[0]
    assert when is not None and when.endswith("+00:00")  # timestamps on: the run is dated


def test_stored_sets_can_be_loaded_into_a_database(tmp_path, run_cli):
    folder = tmp_path / "sets"
    assert run_cli(SEED_PAGE, "-o", folder, "--no-timestamp")[0] == 0
    direct = tmp_path / "direct.db"
    assert run_cli(SEED_PAGE, "-f", "sqlite", "-o", direct, "--no-timestamp")[0] == 0
    database = tmp_path / "from-json.db"
    code, _out, err = run_cli("export", *folder.glob("*.json"), "-f", "sqlite", "-o", database)
    assert code == 0, err
    assert _content(database) == _content(direct)
    assert _rows(database, "SELECT ok, added FROM runs") == [(1, 1)]


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (None, "-f sqlite writes a database file: give it with -o"),
        ("folder", "is a folder: -f sqlite writes one database file"),
        ("text", "not an SQLite database"),
        ("foreign", "an SQLite database, but not an annotator archive"),
    ],
)
def test_usage_errors(tmp_path, run_cli, prepare, message):
    target = tmp_path / "archive.db"
    if prepare == "folder":
        target.mkdir()
    elif prepare == "text":
        target.write_text("hello, I am not a database\n" * 100)
    elif prepare == "foreign":
        with sqlite3.connect(target) as connection:
            connection.execute("CREATE TABLE notes (text)")
    out = ["-o", target] if prepare else []
    code, stdout, err = run_cli(SEED_PAGE, "-f", "sqlite", *out)
    assert code == 2 and message in err and stdout == ""
    assert len(err.strip().splitlines()) == 1


def test_the_same_batch_gives_the_same_file_with_one_or_two_workers(tmp_path, run_cli, monkeypatch):
    from annotator.exporters.sqlite import sink

    monkeypatch.setattr(sink, "COMMIT_EVERY", 2)  # several groups in a small batch
    pages = sorted(CORPUS_HTML.glob("*.html.gz"))[:3]
    files = []
    for jobs in ("1", "2"):
        database = tmp_path / f"jobs{jobs}.db"
        args = (SEED_PAGE, *pages, "-f", "sqlite", "-o", database, "--no-timestamp", "--jobs", jobs)
        assert run_cli(*args)[0] == 0
        assert not database.with_name(f"jobs{jobs}.db-wal").exists()
        files.append(database.read_bytes())
    assert files[0] == files[1]
    assert _rows(tmp_path / "jobs1.db", "SELECT count(*) FROM documents") == [(4,)]


def test_a_full_database_fails_one_article_and_keeps_the_others(tmp_path, corpus_sets, monkeypatch):
    from annotator.errors import AnnotatorError
    from annotator.exporters.sqlite import sink

    monkeypatch.setattr(sink, "COMMIT_EVERY", 5)
    database = tmp_path / "full.db"
    archive = sink.ArchiveSink(database, {})
    sets = [AnnotationSet.from_dict(s) for s in corpus_sets[:40]]
    stored, failed = [], []
    for number, annotation_set in enumerate(sets):
        if number == 12:  # the disk fills up
            pages = archive.connection.execute("PRAGMA page_count").fetchone()[0]
            archive.connection.execute(f"PRAGMA max_page_count = {pages + 3}")
        try:
            archive.add(annotation_set.document.source, "x", annotation_set)
            stored.append(annotation_set.document.id)
        except AnnotatorError as exc:
            assert str(exc).startswith(
                f"{annotation_set.document.source}: cannot store in {database}"
            )
            assert "database or disk is full" in str(exc)
            lost = re.search(r"the (\d+) articles stored since the last commit were lost", str(exc))
            if lost:
                del stored[len(stored) - int(lost[1]) :]
            failed.append(annotation_set.document.id)
        if len(failed) == 3:
            archive.connection.execute("PRAGMA max_page_count = 1073741823")  # space again
    archive.close(None)
    assert failed and len(stored) + len(failed) < len(sets) + 1
    assert sorted(row[0] for row in _rows(database, "SELECT id FROM documents")) == sorted(stored)
    assert _rows(database, "PRAGMA integrity_check") == [("ok",)]
    ids = sorted(stored)
    marks = ",".join("?" * len(ids))
    annotations = _rows(
        database, f"SELECT count(*) FROM annotations WHERE document_id IN ({marks})", *ids
    )
    expected = sum(len(s["annotations"]) for s in corpus_sets if s["document"]["id"] in set(ids))
    assert (
        annotations == [(expected,)]
        and _rows(database, "SELECT count(*) FROM annotations") == annotations
    )


def test_an_article_that_cannot_be_stored_leaves_no_rows_and_the_group_goes_on(
    tmp_path, corpus_sets
):
    from annotator.errors import AnnotatorError
    from annotator.exporters.sqlite import sink

    database = tmp_path / "archive.db"
    archive = sink.ArchiveSink(database, {})
    sets = [AnnotationSet.from_dict(s) for s in corpus_sets[:4]]
    broken = AnnotationSet.from_dict(corpus_sets[4])
    broken.annotations[1].id = broken.annotations[0].id  # two annotations, one id
    for annotation_set in [*sets[:2], broken, *sets[2:]]:
        try:
            archive.add(annotation_set.document.source, "x", annotation_set)
        except AnnotatorError as exc:
            assert annotation_set is broken and "UNIQUE constraint failed" in str(exc)
            assert "lost" not in str(exc)
    archive.close(None)
    stored = sorted(row[0] for row in _rows(database, "SELECT id FROM documents"))
    assert stored == sorted(s.document.id for s in sets)
    assert _rows(
        database, "SELECT count(*) FROM annotations WHERE document_id = ?", broken.document.id
    ) == [(0,)]
    assert _rows(database, "SELECT count(*) FROM annotations") == [
        (sum(len(s.annotations) for s in sets),)
    ]


def test_a_database_that_cannot_be_opened_is_one_line_and_nothing_else(tmp_path, run_cli):
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the database's folder should be")
    code, stdout, err = run_cli(SEED_PAGE, "-f", "sqlite", "-o", blocker / "archive.db")
    assert code == 1 and stdout == ""
    assert err.startswith(f"annotate: cannot open {blocker / 'archive.db'}: ")
    assert len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
