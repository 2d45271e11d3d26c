"""The batch index: one row per article page and one per failed input, sortable and filterable.

Every row is plain HTML, so the table reads without a script; the inline script adds
sorting by any column, a text filter, a status filter and pages of rows, which keeps
a 10,000-row index quick (only one page of rows is in the document at a time).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from . import csp, escape, legend
from .assets import asset
from .summary import Row

_DIGITS = re.compile(r"(\d+)")
# Runs before the table is parsed: with scripts on, the CSS lays out only the first page of
# rows while a long table loads (the main script then pages it); with scripts off, all rows.
EARLY_SCRIPT = 'document.documentElement.classList.add("js");'


def natural_key(source: str) -> list[Any]:
    """Sort key putting `page2` before `page10` and `#offset=900` before `#offset=1200`."""
    return [int(part) if part.isdigit() else part.casefold() for part in _DIGITS.split(source)]


def _row(row: Row, types: list[str]) -> str:
    source = f'<td class="src">{escape.text(row.source)}</td>'
    if row.error is not None:
        blanks = '<td class="n"></td>' * len(types)
        return (
            f'<tr class="failed"><td>failed</td><td class="error"><strong>'
            f"{escape.text(row.error)}</strong>: {escape.text(row.message or '')}</td>"
            f"<td></td><td></td>{blanks}{source}</tr>\n"
        )
    headline = escape.text(row.headline or "(no headline)")
    if row.page is not None:
        headline = f'<a href="{escape.attribute(quote(row.page))}">{headline}</a>'
    counts = "".join(f'<td class="n">{row.counts.get(t, 0)}</td>' for t in types)
    return (
        f'<tr class="ok"><td>ok</td><td>{headline}</td>'
        f"<td>{escape.text(row.published or '')}</td><td>{escape.text(row.publisher or '')}</td>"
        f"{counts}{source}</tr>\n"
    )


def _totals(rows: list[Row], summary: Any) -> str:
    pages = sum(row.error is None for row in rows)
    failed = len(rows) - pages
    parts = [
        f"{pages} article{'s' if pages != 1 else ''}",
        f"{failed} failed input{'s' if failed != 1 else ''}",
    ]
    kept = getattr(summary, "skipped", 0)
    if kept:
        parts.append(f"{kept} kept from an earlier run")
    non_html = getattr(summary, "non_html", 0)
    if non_html:
        parts.append(f"{non_html} non-HTML archive records skipped")
    return " · ".join(parts)


def render_index(rows: Iterable[Row], summary: Any = None) -> str:
    """The index page of `rows` (in the order given); `summary` is the batch's Summary, if any."""
    rows = list(rows)
    types = legend.ordered(t for row in rows for t in row.counts)
    style, script = asset("index.css"), asset("index.js")
    heads = "".join(
        f'<th scope="col" data-kind="num" class="n"><span class="swatch '
        f'{legend.style_class(t)}">{escape.text(t)}</span></th>'
        for t in types
    )
    body = "".join(_row(row, types) for row in rows)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"{csp.meta_tag([EARLY_SCRIPT, script], [style])}\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>Annotated articles</title>\n<style>{style}</style>\n"
        f"<script>{EARLY_SCRIPT}</script>\n</head>\n<body>\n"
        '<header class="masthead"><h1>Annotated articles</h1>\n'
        f'<p class="totals">{escape.text(_totals(rows, summary))}</p></header>\n'
        '<main>\n<div class="controls" id="controls" hidden>\n'
        '<label>Filter <input type="search" id="query" placeholder="headline, publisher, source, error"></label>\n'
        '<label>Show <select id="status"><option value="">all rows</option>'
        '<option value="ok">articles</option><option value="failed">failed inputs</option></select></label>\n'
        '<label>Rows per page <select id="size"><option>50</option><option selected>100</option>'
        "<option>500</option></select></label>\n"
        '<span class="pager"><button type="button" id="previous">Previous</button> '
        '<span id="position" aria-live="polite"></span> '
        '<button type="button" id="next">Next</button></span>\n</div>\n'
        '<table id="rows">\n<thead><tr><th scope="col">Status</th><th scope="col">Headline</th>'
        f'<th scope="col">Published</th><th scope="col">Publisher</th>{heads}'
        f'<th scope="col">Source</th></tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n</main>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )
