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


class RateSource(Protocol):
    """Historical exchange rates."""

    name: str

    def rate(self, base: str, target: str, day: Any) -> Any:
        """Return the Rate of `base` in `target` on or before `day`, or None when unknown."""
