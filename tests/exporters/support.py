"""Shared helpers for the exporter tests: the fixed seed set, rendering, offline JSON-LD, schemas."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

import annotator
from annotator.model import AnnotationSet
from annotator.plugins import registry

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "fixtures" / "expected"
SEED = EXPECTED / "seed.annotations.json"
SCHEMAS = ROOT / "schemas"


def seed_set() -> AnnotationSet:
    """A fresh copy of the hand-written seed annotation set."""
    return annotator.load(str(SEED))


def render(name: str, sets: Iterable[AnnotationSet], options: dict | None = None) -> str:
    """What the registered exporter `name` writes for `sets`."""
    stream = io.StringIO(newline="")
    registry().exporters[name].write(sets, stream, options or {})
    return stream.getvalue()


def offline_loader(url, options=None):
    """A pyld document loader that serves only the bundled W3C anno context, never fetching."""
    from annotator.exporters.jsonld import offline_document_loader

    try:
        return offline_document_loader(url, options)
    except ValueError:
        raise AssertionError(f"JSON-LD processing tried to fetch {url}") from None


def xml_schema(filename: str) -> etree.XMLSchema:
    """A compiled XSD from schemas/."""
    return etree.XMLSchema(etree.parse(str(SCHEMAS / filename)))


def parse_xml(text: str):
    """Parse exporter output (a str with an encoding declaration) as the UTF-8 bytes it becomes."""
    return etree.fromstring(text.encode("utf-8"))
