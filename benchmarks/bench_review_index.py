"""How quick the batch index is with many rows, in headless Chromium.

Writes an index of --rows rows (articles with varied counts, 1 % failed inputs), opens
it in /usr/bin/chromium through /usr/bin/chromedriver (headless, as the browser tests
do) and reports: the Python rendering time and file size, the time from navigation to
the end of the page's load (the script has then paged the table), and the time one
sort by a column, the status filter and one page step take inside the page's
handlers (performance.now() around a synchronous click or change event). Each
interaction is repeated --repeat times (the status filter twice as often, so it ends
where it began); the median and the worst are printed.

    python benchmarks/bench_review_index.py [--rows 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium  # noqa: E402

from annotator.exporters.html.index import render_index  # noqa: E402
from annotator.exporters.html.summary import Row  # noqa: E402

TIMED = """
const [selector, event] = arguments;
const target = document.querySelector(selector);
const started = performance.now();
if (event === "click") { target.click(); } else {
  target.value = target.value === "" ? "failed" : "";
  target.dispatchEvent(new Event("change"));
}
return performance.now() - started;
"""
LOADED = """
const timing = performance.getEntriesByType("navigation")[0];
return [timing.domContentLoadedEventEnd, timing.loadEventEnd];
"""


def rows(count: int) -> list[Row]:
    """`count` index rows: articles with varied counts, every hundredth a failed input."""
    made = []
    for number in range(count):
        source = f"crawl/page-{number:06d}.html"
        if number % 100 == 42:
            made.append(Row(source=source, error="InputError", message="no article body found"))
            continue
        made.append(
            Row(
                source=source,
                page=f"page-{number:06d}.html",
                headline=f"Headline number {number} about a ministry and a budget",
                published=f"20{number % 20:02d}-{number % 12 + 1:02d}-01T08:00:00+00:00",
                publisher=f"Publisher {number % 13}",
                counts={"date": number % 37, "quote": number % 11, "agency": number % 7},
            )
        )
    return made


def timed(driver, selector: str, event: str, repeat: int) -> str:
    """Median and worst milliseconds of one handler, `repeat` times."""
    samples = [driver.execute_script(TIMED, selector, event) for _ in range(repeat)]
    return f"median {statistics.median(samples):.1f} ms, worst {max(samples):.1f} ms"


def main() -> None:
    """Render, open and time the index."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    index_rows = rows(options.rows)
    started = time.perf_counter()
    page = render_index(index_rows)
    rendering = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="bench-index-") as temporary:
        path = Path(temporary) / "index.html"
        path.write_text(page, encoding="utf-8")
        print(
            f"{options.rows} rows: rendered in {rendering * 1000:.0f} ms, "
            f"{path.stat().st_size / 1e6:.1f} MB"
        )
        driver = chromium.start()
        try:
            loads = []
            for _ in range(options.repeat):
                driver.get("about:blank")
                driver.get(path.as_uri())
                loads.append(driver.execute_script(LOADED))
            parsed = [dom for dom, _ready in loads]
            ready = [ready for _dom, ready in loads]
            print(
                f"  open to DOMContentLoaded (the script has run and paged the table): median "
                f"{statistics.median(parsed):.0f} ms; to load end: median "
                f"{statistics.median(ready):.0f} ms, worst {max(ready):.0f} ms"
            )
            print(
                f"  sort by headline: {timed(driver, '#rows thead th:nth-child(2) button', 'click', options.repeat)}"
            )
            print(
                f"  sort by a count: {timed(driver, '#rows thead th:nth-child(5) button', 'click', options.repeat)}"
            )
            print(f"  status filter: {timed(driver, '#status', 'change', options.repeat * 2)}")
            print(f"  next page: {timed(driver, '#next', 'click', options.repeat)}")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
