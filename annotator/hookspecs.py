"""Every hook a plugin can implement. Each `register_*` hook receives a `register` callback."""

from __future__ import annotations

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("annotator")
hookimpl = pluggy.HookimplMarker("annotator")


@hookspec
def register_extractors(register: Any) -> None:
    """Call register(extractor) for each Extractor this plugin provides.

    Runs whenever the registry is built. An Extractor has `name` and
    `extract(data: bytes, source: str) -> Document`.
    """


@hookspec
def register_annotators(register: Any) -> None:
    """Call register(annotator) for each Annotator this plugin provides.

    An Annotator has `name`, `types` (the annotation types it makes), an optional
    `schema` (a JSON Schema fragment for a new type) and
    `annotate(document, context) -> Iterable[Annotation]`.
    """


@hookspec
def register_exporters(register: Any) -> None:
    """Call register(exporter) for each Exporter this plugin provides.

    An Exporter has `name`, `media_type`, `extension` and
    `write(sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None`.
    When the output is a file under `-o OUT`, `options["output_path"]` is its final path
    (the stream itself is a temporary file renamed on success), so an exporter can write
    companion files beside it, as brat writes `NAME.txt` beside `NAME.ann`.
    An exporter that writes a whole batch to one destination (a database, an index page)
    also has `open_batch(out: Path, options: dict) -> BatchSink` (see protocols.BatchSink):
    with `-o OUT` the main process then receives every set and failure, in input order.
    """


@hookspec
def register_rate_sources(register: Any) -> None:
    """Call register(rate_source) for each exchange-rate source this plugin provides.

    A RateSource has `name` and `rate(base, target, day) -> Rate | None`.
    """


@hookspec
def register_commands(app: Any) -> None:
    """Add commands to the `annotate` typer app. Runs once when the CLI starts."""
