"""The batch index in headless Chromium: one row per page and per failed input, sortable,
filterable and paged, for the 181 benchmark pages and for 10,000 rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from annotator.exporters.html.index import render_index
from annotator.exporters.html.summary import Row

from . import chromium

BENCHMARK_PAGES = 181
ROWS = """
return Array.from(document.querySelectorAll("#rows tbody tr"))
  .filter((row) => row.getClientRects().length > 0)
  .map((row) => Array.from(row.cells).map((cell) => cell.textContent));
"""  # the cells of the rows shown
COLUMNS = (
    "return Array.from(document.querySelectorAll('#rows thead th')).map((th) => th.textContent);"
)


def open_index(driver, path: Path) -> None:
    """Load an index after emptying the logs."""
    chromium.console_messages(driver)
    chromium.network_requests(driver)
    driver.get(path.as_uri())


def assert_quiet(driver, *paths: Path) -> None:
    """No console error or warning; no request but the files opened."""
    problems = [m for m in chromium.console_messages(driver) if m["level"] in ("SEVERE", "WARNING")]
    assert problems == []
    assert set(chromium.network_requests(driver)) <= {p.as_uri() for p in paths}


def position(driver) -> str:
    """The pager's "rows a–b of n" line."""
    return driver.find_element(By.ID, "position").text


def sort_by(driver, heading: str) -> None:
    """Click the header button of the column named `heading`."""
    for cell in driver.find_elements(By.CSS_SELECTOR, "#rows thead th"):
        if cell.text.strip().rstrip(" ▲▼") == heading:
            cell.find_element(By.TAG_NAME, "button").click()
            return
    raise AssertionError(f"no column {heading}")


@pytest.fixture(scope="module")
def benchmark_batch(tmp_path_factory, annotate_cli):
    """OUT of `annotate <the 181 benchmark pages> -o OUT -f html`."""
    from conftest import CORPUS

    out = tmp_path_factory.mktemp("benchmark-review")
    assert annotate_cli(CORPUS / "html", "-o", out, "-f", "html", "--no-timestamp") == 0
    return out


def test_benchmark_batch_index_lists_181_pages(browser, benchmark_batch, artifacts):
    out = benchmark_batch
    pages = sorted(p for p in out.rglob("*.html") if p.name != "index.html")
    assert len(pages) == BENCHMARK_PAGES
    index = out / "index.html"
    open_index(browser, index)
    assert position(browser) == f"rows 1–100 of {BENCHMARK_PAGES}"
    assert len(browser.execute_script(ROWS)) == 100
    Select(browser.find_element(By.ID, "size")).select_by_visible_text("500")
    rows = browser.execute_script(ROWS)
    assert len(rows) == BENCHMARK_PAGES and {row[0] for row in rows} == {"ok"}
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#rows a")]
    assert sorted(links) == sorted(p.as_uri() for p in pages)
    sort_by(browser, "Headline")
    headlines = [row[1] for row in browser.execute_script(ROWS)]
    assert headlines == sorted(headlines, key=str.lower)
    sort_by(browser, "Headline")
    assert [row[1] for row in browser.execute_script(ROWS)] == headlines[::-1]
    browser.save_screenshot(str(artifacts / "review-index-181.png"))
    first = browser.find_element(By.CSS_SELECTOR, "#rows tbody a")
    target, headline = first.get_attribute("href"), first.text
    first.click()
    assert browser.current_url == target and browser.title == f"Review: {headline}"
    assert_quiet(browser, index, Path(target.removeprefix("file://")))


def test_benchmark_index_rows_are_plain_html(browser_without_scripts, benchmark_batch):
    open_index(browser_without_scripts, benchmark_batch / "index.html")
    assert len(browser_without_scripts.execute_script(ROWS)) == BENCHMARK_PAGES
    assert not browser_without_scripts.find_element(By.ID, "controls").is_displayed()
    assert_quiet(browser_without_scripts, benchmark_batch / "index.html")


def test_index_lists_failures_with_their_error(browser, review_batch):
    out, sets = review_batch
    index = out / "index.html"
    open_index(browser, index)
    rows = browser.execute_script(ROWS)
    failure = json.loads((out / "failures.jsonl").read_text())
    assert [row[0] for row in rows] == ["ok", "failed", "ok", "ok"]  # busy, empty, probe, seed
    failed = rows[1]
    assert failed[1] == f"{failure['error']}: {failure['message']}"
    assert failed[-1] == failure["source"]
    columns = browser.execute_script(COLUMNS)
    for row in rows:
        if row[0] == "ok":
            name = Path(row[-1]).name.split(".")[0]
            counts = dict(zip(columns[4:-1], map(int, row[4:-1]), strict=True))
            document = sets[name].document
            shown = [document.headline, document.published, document.publisher]
            assert row[1:4] == [value or "" for value in shown]
            assert counts == {t: sum(a.type == t for a in sets[name].annotations) for t in counts}
    Select(browser.find_element(By.ID, "status")).select_by_value("failed")
    assert [row[0] for row in browser.execute_script(ROWS)] == ["failed"]
    assert position(browser) == "rows 1–1 of 1 (filtered from 4)"
    assert_quiet(browser, index)


def ten_thousand_rows() -> list[Row]:
    """9,900 article rows with varied counts and 100 failed inputs."""
    rows = []
    for number in range(10_000):
        source = f"crawl/page-{number:05d}.html"
        if number % 100 == 42:
            rows.append(Row(source=source, error="InputError", message=f"no body {number}"))
            continue
        counts = {
            "date": number % 37,
            "quote": number % 11,
            "agency": number % 7,
            "money": number % 5,
        }
        rows.append(
            Row(
                source=source,
                page=f"page-{number:05d}.html",
                headline=f"Headline {number:05d} <b>bold</b>",
                published=f"20{number % 20:02d}-01-01",
                publisher=f"Publisher {number % 13}",
                counts=counts,
            )
        )
    return rows


def test_index_of_ten_thousand_rows_pages_sorts_and_filters(browser, tmp_path, artifacts):
    index = tmp_path / "index.html"
    index.write_text(render_index(ten_thousand_rows()), encoding="utf-8")
    open_index(browser, index)
    assert position(browser) == "rows 1–100 of 10000"
    assert len(browser.execute_script(ROWS)) == 100
    browser.find_element(By.ID, "next").click()
    assert position(browser) == "rows 101–200 of 10000"
    assert browser.execute_script(ROWS)[0][-1] == "crawl/page-00100.html"
    sort_by(browser, "date")
    sort_by(browser, "date")  # descending
    top = browser.execute_script(ROWS)
    assert [int(row[4]) for row in top] == [36] * 100
    assert position(browser) == "rows 1–100 of 10000"
    Select(browser.find_element(By.ID, "status")).select_by_value("failed")
    assert position(browser) == "rows 1–100 of 100 (filtered from 10000)"
    assert {row[0] for row in browser.execute_script(ROWS)} == {"failed"}
    Select(browser.find_element(By.ID, "status")).select_by_value("")
    browser.find_element(By.ID, "query").send_keys("page-004")  # pages 00400 to 00499
    _wait_for(browser, lambda: position(browser) == "rows 1–100 of 100 (filtered from 10000)")
    filtered = browser.execute_script(ROWS)
    assert {row[-1][:14] for row in filtered} == {"crawl/page-004"}
    assert "Headline 00400 <b>bold</b>" in [row[1] for row in filtered]
    assert [row[0] for row in filtered].count("failed") == 1  # page-00442
    browser.save_screenshot(str(artifacts / "review-index-10000.png"))
    assert_quiet(browser, index)


def _wait_for(driver, condition, seconds: float = 5.0) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, seconds).until(lambda _driver: condition())
