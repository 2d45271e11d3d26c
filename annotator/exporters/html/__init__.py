"""The `html` exporter: review pages showing each article with its annotations in place.

`annotate PAGE -f html > page.html` writes one self-contained page (inline CSS and
script allowed by a hash-based Content-Security-Policy, no request of any kind);
several sets on one stream give one page after another. With `-o OUT` every article
gets OUT/<name>.html and the batch gets OUT/index.html (see sink.ReviewSink).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ...hookspecs import hookimpl
from ...model import AnnotationSet
from .page import render_page
from .sink import ReviewSink


class HtmlExporter:
    """Review pages: the article with its annotations highlighted, details and a side panel."""

    name = "html"
    media_type = "text/html"
    extension = ".html"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write one complete review page per set, as each set arrives."""
        for annotation_set in sets:
            stream.write(render_page(annotation_set))

    def open_batch(self, out: Path, options: dict) -> ReviewSink:
        """The sink writing OUT/<name>.html per article and OUT/index.html at the end."""
        return ReviewSink(out)


@hookimpl
def register_exporters(register) -> None:
    """Register the html exporter."""
    register(HtmlExporter())
