"""annotator plugin: brat standoff export and import.

The `brat` exporter writes the `.ann` of one article: a text-bound line per
annotation (`T3<TAB>money 2622 2638<TAB>835 million yuan`; spans over line
breaks become brat fragments `s e;s e`), then its id, confidence, annotator and
type-specific fields: a value that is one word without spaces as an attribute
(`A7<TAB>currency T3 CNY`), anything else as a note holding JSON
(`#4<TAB>AnnotatorNotes T3<TAB>conversions=[…]`). When the output is a file named
`*.ann` (`-f brat -o OUT`, or a stream opened on such a file), the article text is
written alongside as `*.txt` (brat offsets count code points into it). `annotate brat-import TXT ANN --set ORIGINAL.json` reads a
corrected `.ann` back into an annotation set (`import_brat()`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from annotator.batch.outputs import atomic_writer
from annotator.errors import AnnotatorError
from annotator.hookspecs import hookimpl
from annotator.model import Annotation, AnnotationSet

_WORD = re.compile(r"\S+")
_ENTITY = re.compile(r"(T\d+)\t(\S+) ([\d ;]+)\t?(.*)")
_ATTRIBUTE = re.compile(r"A\d+\t(\S+) (T\d+)(?: (.*))?")
_NOTE = re.compile(r"#\d+\tAnnotatorNotes (T\d+)\t([^=]+)=(.*)")
CORE = ("id", "confidence", "annotator")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) pieces of a span between line breaks (brat cannot span a line break)."""
    pieces = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]+", text[start:end])]
    return pieces or [(start, end)]


def _lines(key: str, name: str, value: Any, counters: dict[str, int]) -> str:
    if isinstance(value, str) and _WORD.fullmatch(value):
        counters["A"] += 1
        return f"A{counters['A']}\t{name} {key} {value}\n"
    counters["#"] += 1
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return f"#{counters['#']}\tAnnotatorNotes {key}\t{name}={encoded}\n"


def to_ann(annotation_set: AnnotationSet) -> str:
    """The brat .ann content of one annotation set."""
    text = annotation_set.document.text
    counters = {"A": 0, "#": 0}
    out = []
    for index, annotation in enumerate(annotation_set.annotations, 1):
        key = f"T{index}"
        pieces = fragments(text, annotation.start, annotation.end)
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        words = " ".join(text[s:e] for s, e in pieces)
        out.append(f"{key}\t{annotation.type} {offsets}\t{words}\n")
        values = {name: getattr(annotation, name) for name in CORE} | annotation.fields
        out.extend(_lines(key, name, value, counters) for name, value in values.items())
    return "".join(out)


@dataclass
class _Entity:
    type: str
    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)


def parse_ann(content: str) -> dict[str, _Entity]:
    """The text-bound annotations of an .ann file with their attributes and notes, by key."""
    entities: dict[str, _Entity] = {}
    for line in content.split("\n"):
        if match := _ENTITY.fullmatch(line):
            numbers = [int(n) for n in re.findall(r"\d+", match.group(3))]
            entities[match.group(1)] = _Entity(match.group(2), min(numbers), max(numbers))
        elif (match := _ATTRIBUTE.fullmatch(line)) and match.group(2) in entities:
            value = match.group(3)
            entities[match.group(2)].values[match.group(1)] = True if value is None else value
        elif (match := _NOTE.fullmatch(line)) and match.group(1) in entities:
            entities[match.group(1)].values[match.group(2)] = json.loads(match.group(3))
    return entities


def _new_id(kind: str, taken: set[str]) -> str:
    number = 1
    while f"{kind}-{number}" in taken:
        number += 1
    taken.add(f"{kind}-{number}")
    return f"{kind}-{number}"


def import_brat(text: str, ann: str, original: AnnotationSet) -> AnnotationSet:
    """The annotation set `original` with its annotations replaced by those of the .ann file."""
    if text != original.document.text:
        raise AnnotatorError("the .txt file is not the text of the original annotation set")
    entities = parse_ann(ann).values()
    taken = {str(e.values["id"]) for e in entities if "id" in e.values}
    annotations = []
    for entity in entities:
        values = dict(entity.values)
        annotations.append(
            Annotation(
                type=entity.type,
                start=entity.start,
                end=entity.end,
                text=text[entity.start : entity.end],
                confidence=float(values.pop("confidence", 1.0)),
                annotator=str(values.pop("annotator", "brat")),
                id=str(values.pop("id", "")) or _new_id(entity.type, taken),
                fields=values,
            )
        )
    annotations.sort(key=lambda a: (a.start, -a.end, a.type))
    return AnnotationSet(
        document=original.document,
        annotations=annotations,
        provenance=dict(original.provenance),
        checks=[],
        schema_version=original.schema_version,
    )


class BratExporter:
    """The brat .ann of one article; the .txt goes next to an .ann file."""

    name = "brat"
    media_type = "text/plain"
    extension = ".ann"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write the .ann of the only set (brat pairs one text with one .ann)."""
        written = 0
        for annotation_set in sets:
            written += 1
            if written > 1:
                raise AnnotatorError("brat writes one article per .ann file; export one set")
            stream.write(to_ann(annotation_set))
            target = options.get("output_path") or getattr(stream, "name", None)
            if isinstance(target, str) and target.endswith(".ann"):
                write_text(annotation_set, Path(target).with_suffix(".txt"))


def write_text(annotation_set: AnnotationSet, path: Path) -> None:
    """Write the article text brat shows, byte for byte (no newline translation), atomically."""
    with atomic_writer(path) as handle:
        handle.write(annotation_set.document.text)


@hookimpl
def register_exporters(register) -> None:
    """Register the brat exporter."""
    register(BratExporter())


@hookimpl
def register_commands(app) -> None:
    """Add `annotate brat-import TXT ANN --set ORIGINAL.json [-o OUT]`."""

    @app.command("brat-import")
    def brat_import(
        txt: Path,
        ann: Path,
        original: Annotated[Path, typer.Option("--set", help="the set the .ann came from")],
        output: Annotated[Path | None, typer.Option("-o", "--output", help="not stdout")] = None,
    ) -> None:
        """Read a corrected brat .ann back into an annotation set (JSON)."""
        import annotator

        text = txt.read_bytes().decode("utf-8")
        result = import_brat(text, ann.read_text(encoding="utf-8"), annotator.load(str(original)))
        if output is None:
            typer.echo(result.to_json(), nl=False)
        else:
            output.write_text(result.to_json(), encoding="utf-8")
