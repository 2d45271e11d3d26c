"""The review pages of a batch with `-o OUT`: OUT/<name>.html per article and OUT/index.html.

The batch runner hands every annotation set and every failure to this sink in the main
process. Each page is written atomically as it arrives; the index is written (also
atomically) when the batch closes, listing this run's pages, the pages an earlier run
wrote that --skip-existing kept (read back from the pages themselves), and the failures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...batch.inputs import InputItem
from ...batch.outputs import atomic_writer, output_path
from ...errors import AnnotatorError, OutputError
from ...model import AnnotationSet
from .index import natural_key, render_index
from .page import render_page
from .summary import Row, read_row, row_of

INDEX = "index.html"
EXTENSION = ".html"


def page_stem(output_stem: str) -> str:
    """The page name of an input: its output stem, except that OUT/index.html is the index.

    An input named index.html at the top of the batch gets `_index.html` (no input's stem
    starts with `_`, so no other page can take that name).
    """
    return "_index" if output_stem.lower() == "index" else output_stem


class ReviewSink:
    """Writes one review page per article and the index of the whole batch (a BatchSink)."""

    target_is_file = False

    def __init__(self, out: Path) -> None:
        self.out = out
        self.rows: list[Row] = []
        self.kept: dict[str, str] = {}  # page name -> source, for pages --skip-existing kept

    def _page(self, source: str, output_stem: str) -> tuple[Path, str]:
        stem = page_stem(output_stem)
        path = output_path(self.out, InputItem(source, stem), EXTENSION)
        return path, f"{stem}{EXTENSION}"

    def exists(self, source: str, output_stem: str) -> bool:
        """Whether this input's page is already in OUT (it is then listed from that page)."""
        try:
            path, name = self._page(source, output_stem)
        except AnnotatorError:
            return False
        if not path.is_file():
            return False
        self.kept[name] = source
        return True

    def add(self, source: str, output_stem: str, annotation_set: AnnotationSet) -> None:
        """Write this article's page atomically and remember its index row."""
        path, name = self._page(source, output_stem)
        back = "../" * name.count("/") + INDEX
        with atomic_writer(path) as stream:
            stream.write(render_page(annotation_set, index_href=back))
        row = row_of(annotation_set)
        row.source, row.page = source, name
        self.kept.pop(name, None)
        self.rows.append(row)

    def fail(self, source: str, error: str, message: str) -> None:
        """List one failed input in the index, with its error."""
        self.rows.append(Row(source=source, error=error, message=message))

    def close(self, summary: Any) -> None:
        """Write OUT/index.html: every row, ordered by source (numbers in names compared as numbers)."""
        kept = [read_row(self.out / name, name, source) for name, source in self.kept.items()]
        rows = sorted([*self.rows, *kept], key=lambda row: natural_key(row.source))
        target = self.out / INDEX
        try:
            with atomic_writer(target) as stream:
                stream.write(render_index(rows, summary))
        except (OSError, OutputError) as exc:
            reason = exc.cause if isinstance(exc, OutputError) else exc
            raise AnnotatorError(f"cannot write the batch index: {reason}", str(target)) from exc
