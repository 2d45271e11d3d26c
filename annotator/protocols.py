"""The small protocols registered objects follow; plugins need no base class."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, TextIO

from .model import Annotation, AnnotationSet, Document


class Extractor(Protocol):
    """Turns raw page bytes into a Document."""

    name: str

    def extract(self, data: bytes, source: str) -> Document:
        """Return the Document of the page `data` read from `source`."""


class Annotator(Protocol):
    """Finds annotations of one or more types in a Document's text."""

    name: str
    types: tuple[str, ...]

    def annotate(self, document: Document, context: Any) -> Iterable[Annotation]:
        """Yield annotations with exact offsets into `document.text`."""


class Exporter(Protocol):
    """Writes annotation sets in one format to a text stream."""

    name: str
    media_type: str
    extension: str

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write every set of `sets` to `stream`, consuming the iterable once."""


class BatchSink(Protocol):
    """Receives a whole batch in the main process, for one destination (a database, an index).

    An exporter that offers `open_batch(out: Path, options: dict) -> BatchSink` is used this
    way when the batch has `-o OUT`: workers send each annotation set back, and the main
    process (the only writer) hands it to `add`, in input order. A sink whose OUT is one
    file (a database) sets `target_is_file = True`: failures.jsonl then goes beside it.
    """

    target_is_file: bool

    def exists(self, source: str, output_stem: str) -> bool:
        """Whether this input's result is already at the destination (--skip-existing)."""

    def add(self, source: str, output_stem: str, annotation_set: AnnotationSet) -> None:
        """Store one article's set; `output_stem` is its safe relative name under OUT."""

    def fail(self, source: str, error: str, message: str) -> None:
        """Record one input that failed (its error class and one-line message)."""

    def close(self, summary: Any) -> None:
        """Finish the destination (indices, metadata files, commit) with the batch's Summary."""


class RateSource(Protocol):
    """Historical exchange rates."""

    name: str

    def rate(self, base: str, target: str, day: Any) -> Any:
        """Return the Rate of `base` in `target` on or before `day`, or None when unknown."""
