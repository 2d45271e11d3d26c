"""`annotate DIR -o OUT -f html`: one page per article, OUT/index.html for the batch, failures
listed, pages written atomically, resumable with --skip-existing, identical run to run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import CORPUS, FIXTURES, SEED_PAGE
from lxml import html as lxml_html

EMPTY = FIXTURES / "html" / "empty-body.html"
CORPUS_PAGE = sorted((CORPUS / "html").glob("*.html.gz"))[0]


def inputs(folder: Path) -> Path:
    """A batch: an article named index.html, one in a sub-folder, a corpus page, a failure."""
    folder.mkdir()
    shutil.copy(SEED_PAGE, folder / "index.html")
    (folder / "sub").mkdir()
    shutil.copy(FIXTURES / "html" / "review-probe.html", folder / "sub" / "story.html")
    shutil.copy(CORPUS_PAGE, folder / "page.html.gz")
    shutil.copy(EMPTY, folder / "zz-empty.html")
    return folder


def index_rows(out: Path) -> list[list[str]]:
    """The cells of OUT/index.html's rows, with each row's link (or '') last."""
    tree = lxml_html.parse(str(out / "index.html"))
    rows = []
    for row in tree.xpath("//table[@id='rows']/tbody/tr"):
        links = row.xpath(".//a/@href")
        rows.append([cell.text_content() for cell in row.xpath("td")] + [links[0] if links else ""])
    return rows


def files(out: Path) -> dict[str, bytes]:
    """Every file under OUT by its relative name."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_batch_writes_pages_and_an_index(run_cli, tmp_path):
    folder = inputs(tmp_path / "in")
    out = tmp_path / "out"
    code, _, err = run_cli(folder, "-o", out, "-f", "html", "--no-timestamp", "--jobs", "1")
    assert code == 1 and "zz-empty.html: no article body found" in err
    assert sorted(files(out)) == [
        "_index.html",
        "failures.jsonl",
        "index.html",
        "page.html",
        "sub/story.html",
    ]
    rows = index_rows(out)
    assert [row[0] for row in rows] == ["ok", "ok", "ok", "failed"]
    assert [row[-1] for row in rows] == ["_index.html", "page.html", "sub/story.html", ""]
    assert rows[0][1:4] == [
        "Countries join in copyright crackdown",
        "2010-12-17T08:37:00+08:00",
        "China Daily",
    ]
    assert rows[0][4:8] == ["4", "6", "6", "2"]  # date, quote, agency, money
    assert rows[3][1] == "InputError: no article body found"
    assert rows[3][-2] == str(folder / "zz-empty.html")
    failure = json.loads((out / "failures.jsonl").read_text())
    assert failure["source"] == rows[3][-2]
    story = lxml_html.parse(str(out / "sub" / "story.html"))
    assert story.xpath("//p[@class='back']/a/@href") == ["../index.html"]
    assert lxml_html.parse(str(out / "_index.html")).xpath("//p[@class='back']/a/@href") == [
        "index.html"
    ]


def test_skip_existing_keeps_pages_and_lists_them_from_the_pages(run_cli, tmp_path):
    folder = inputs(tmp_path / "in")
    out = tmp_path / "out"
    run_cli(folder, "-o", out, "-f", "html", "--no-timestamp", "--jobs", "1")
    first_rows = index_rows(out)
    kept = out / "sub" / "story.html"
    kept.write_text(kept.read_text().replace("<h1>", "<h1>KEPT "), encoding="utf-8")
    (out / "page.html").unlink()
    code, _, err = run_cli(folder, "-o", out, "-f", "html", "--skip-existing", "--jobs", "1")
    assert code == 1 and "1 ok, 1 failed, 2 skipped" in err
    assert "<h1>KEPT " in kept.read_text()  # not rewritten
    assert index_rows(out) == first_rows  # kept pages listed with their headline and counts
    assert "2 kept from an earlier run" in lxml_html.parse(str(out / "index.html")).findtext(
        ".//p[@class='totals']"
    )


def test_output_is_identical_run_to_run_and_across_job_counts(run_cli, tmp_path):
    folder = inputs(tmp_path / "in")
    outputs = []
    for name, jobs in (("one", "1"), ("again", "1"), ("two", "2")):
        out = tmp_path / name
        run_cli(folder, "-o", out, "-f", "html", "--no-timestamp", "--jobs", jobs)
        outputs.append(files(out))
    assert outputs[0] == outputs[1] == outputs[2]
    assert not [name for name in outputs[0] if name.endswith(".part")]


def test_export_of_a_stored_set_gives_the_same_page(run_cli, tmp_path):
    code, stored, _ = run_cli(SEED_PAGE, "--no-timestamp")
    assert code == 0
    (tmp_path / "seed.json").write_text(stored, encoding="utf-8")
    code, direct, _ = run_cli(SEED_PAGE, "-f", "html", "--no-timestamp")
    assert code == 0
    code, exported, err = run_cli("export", tmp_path / "seed.json", "-f", "html")
    assert code == 0, err
    assert exported == direct
    tree = lxml_html.document_fromstring(direct.encode("utf-8"))
    assert tree.get_element_by_id("text").text_content() == json.loads(stored)["document"]["text"]
    assert tree.xpath("//p[@class='back']") == []  # a page on its own links to no index


def test_an_index_that_cannot_be_written_is_one_clear_error(run_cli, tmp_path):
    out = tmp_path / "out"
    (out / "index.html").mkdir(parents=True)  # a folder stands where the index goes
    code, _, err = run_cli(SEED_PAGE, "-o", out, "-f", "html", "--jobs", "1")
    assert code == 1
    assert (
        err.strip()
        .splitlines()[-1]
        .startswith(f"annotate: {out / 'index.html'}: cannot write the batch index:")
    )
    assert "Traceback" not in err
    assert (out / "chinadaily-2010-12-17-copyright-crackdown.html").is_file()
    assert not list(out.rglob("*.part"))
