"""Helpers for testing a plugin: run one annotator as the pipeline does and check the result.

    from annotator.testing import annotate_text

    result = annotate_text(PercentAnnotator(), "Prices rose 4.5% in May.")
    assert [a.text for a in result.annotations] == ["4.5%"]

The annotator is registered as a plugin for the call only, runs through the real pipeline
(offsets checked, ids assigned, its `link` step, provenance), and the set is validated
against the schemas, including the annotator's own schema fragment. Any problem (the
annotator raised, gave bad offsets or an invalid annotation, or the set is invalid) is an
AssertionError that says what went wrong, so a plugin's tests need no other set-up.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from .hookspecs import hookimpl
from .model import AnnotationSet, Document
from .pipeline import Options, annotate_document, extract
from .plugins import pm, registry


class _TemporaryPlugin:
    """Registers one annotator object."""

    def __init__(self, annotator: Any) -> None:
        self.annotator = annotator

    @hookimpl
    def register_annotators(self, register: Any) -> None:
        """Register the annotator under test."""
        register(self.annotator)


def document_for(text: str, **fields: Any) -> Document:
    """A Document holding `text` (id: its SHA-256), with any other fields given
    (published="2020-05-01", url=…, language="en"…)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    values = {"id": f"sha256:{digest}", "source": "test", "text": text, **fields}
    return Document(**values)


def run_annotator(annotator: Any, document: Document, **options: Any) -> AnnotationSet:
    """Run `annotator` alone over `document` through the pipeline; check and return the set.

    `options` are pipeline.Options fields (convert_to=("USD",), rate_source="csv"…).
    AssertionError when the annotator failed or the set is not valid.
    """
    from .validation import validate_data

    plugin = _TemporaryPlugin(annotator)
    name = f"annotator.testing:{annotator.name}"
    pm.register(plugin, name=name)
    try:
        settings = {"timestamp": False, **options, "annotators": (annotator.name,)}
        result = annotate_document(document, Options(**settings), registry())
        problems = [check["message"] for check in result.checks if check["type"] == "plugin-error"]
        problems += [str(issue) for issue in validate_data(result.to_dict())]
    finally:
        pm.unregister(plugin)
    if problems:
        raise AssertionError(f"annotator {annotator.name}: " + "; ".join(problems))
    return result


def annotate_text(annotator: Any, text: str, **document_fields: Any) -> AnnotationSet:
    """Run `annotator` over a document holding `text` (see document_for) and check the set."""
    return run_annotator(annotator, document_for(text, **document_fields))


def annotate_page(annotator: Any, page: bytes | str | Path) -> AnnotationSet:
    """Run `annotator` over an HTML page (bytes, or a file's path) as `annotate PAGE` would:
    the built-in extractor reads it, then only this annotator runs; the set is checked."""
    if isinstance(page, bytes):
        data, source = page, "page.html"
    else:
        data, source = Path(page).read_bytes(), str(page)
    return run_annotator(annotator, extract(data, source))
