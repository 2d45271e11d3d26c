"""One article's line in the batch index, and how a page carries it for later runs.

Each review page holds its own index row in a `<meta name="annotator-row">` element, so
a resumed batch (`--skip-existing`) can list the pages it did not rewrite from the files
themselves, with no side file to go stale.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ...model import AnnotationSet
from . import escape

META_NAME = "annotator-row"
_META = re.compile(rf'<meta name="{META_NAME}" content="([^"]*)">')
HEAD_BYTES = 65536


@dataclass
class Row:
    """An index row: a page written (with its counts per type) or an input that failed."""

    source: str
    page: str | None = None
    headline: str | None = None
    published: str | None = None
    publisher: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    message: str | None = None


def row_of(annotation_set: AnnotationSet) -> Row:
    """The index row of one article (its page name is set by whoever writes the page)."""
    document = annotation_set.document
    return Row(
        source=document.source,
        headline=document.headline,
        published=document.published,
        publisher=document.publisher,
        counts=dict(Counter(a.type for a in annotation_set.annotations)),
    )


def meta_tag(row: Row) -> str:
    """The `<meta>` element carrying `row` inside the article's own page."""
    data = {
        "source": row.source,
        "headline": row.headline,
        "published": row.published,
        "publisher": row.publisher,
        "counts": row.counts,
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f'<meta name="{META_NAME}" content="{escape.attribute(text)}">'


def read_row(page: Path, name: str, source: str) -> Row:
    """The row a page written earlier carries; a bare row naming `source` if it has none."""
    try:
        with open(page, encoding="utf-8", errors="replace") as stream:
            head = stream.read(HEAD_BYTES)
        data = json.loads(html.unescape(_META.search(head)[1]))
        return Row(
            source=str(data.get("source") or source),
            page=name,
            headline=data.get("headline"),
            published=data.get("published"),
            publisher=data.get("publisher"),
            counts={str(k): int(v) for k, v in (data.get("counts") or {}).items()},
        )
    except (OSError, TypeError, ValueError, AttributeError):
        return Row(source=source, page=name)
