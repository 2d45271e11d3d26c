"""The `json` exporter (the annotation set itself) and `jsonl` (one set per line, for batches)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import TextIO

from ..hookspecs import hookimpl
from ..model import AnnotationSet


class JsonExporter:
    """One annotation set as indented JSON; several sets as a JSON array."""

    name = "json"
    media_type = "application/json"
    extension = ".json"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write one set as an object, more than one as an array, streaming set by set."""
        iterator = iter(sets)
        first = next(iterator, None)
        if first is None:
            stream.write("[]\n")
            return
        second = next(iterator, None)
        if second is None:
            stream.write(first.to_json())
            return
        stream.write("[\n")
        stream.write(first.to_json().rstrip("\n"))
        for item in chain([second], iterator):
            stream.write(",\n")
            stream.write(item.to_json().rstrip("\n"))
        stream.write("\n]\n")


class JsonLinesExporter:
    """One compact JSON annotation set per line."""

    name = "jsonl"
    media_type = "application/jsonl"
    extension = ".jsonl"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write each set on its own line as it arrives."""
        for annotation_set in sets:
            stream.write(annotation_set.to_json(indent=None))
            stream.write("\n")


@hookimpl
def register_exporters(register) -> None:
    """Register the json and jsonl exporters."""
    register(JsonExporter())
    register(JsonLinesExporter())
