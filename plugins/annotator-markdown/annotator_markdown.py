"""annotator plugin: the `markdown` exporter, a readable report per article.

Each article gives a level-1 heading (its headline), a metadata table, then one
section per annotation type with a table of its annotations (quotes list their
speakers). Articles in a batch are separated by a horizontal rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from annotator.exporters.xmltext import unicode_safe
from annotator.hookspecs import hookimpl
from annotator.model import Annotation, AnnotationSet

METADATA = ("source", "url", "publisher", "section", "published", "modified", "dateline", "id")
# type → (section title, [(column title, field)])
SECTIONS = {
    "date": ("Dates", [("Value", "value"), ("Granularity", "granularity"), ("Mod", "mod")]),
    "quote": ("Quotes", [("Speaker", "speaker"), ("Mention", "speaker_mention"), ("Cue", "cue")]),
    "agency": ("Agencies", [("Name", "name"), ("Country", "country"), ("Parent", "parent")]),
    "money": (
        "Money",
        [("Amount", "amount"), ("Currency", "currency"), ("Converted", "conversions")],
    ),
}


def cell(value: Any) -> str:
    """A value as a one-line Markdown table cell (pipes escaped, line breaks as spaces)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_conversion(v) if isinstance(v, dict) else cell(v) for v in value)
    text = unicode_safe(str(value))
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(text.split())


def _conversion(entry: dict[str, Any]) -> str:
    if entry.get("amount") is None:
        return f"{entry.get('currency')}: n/a"
    return f"{entry.get('currency')} {entry.get('amount')}"


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(cell(v) for v in row) + " |" for row in rows)
    return lines


def _section(kind: str, annotations: list[Annotation]) -> list[str]:
    title, columns = SECTIONS.get(kind, (kind.capitalize(), []))
    header = ["Id", "Text", *(name for name, _ in columns), "Offsets"]
    rows = [
        [a.id, a.text, *(a.fields.get(f) for _, f in columns), f"{a.start}–{a.end}"]
        for a in annotations
    ]
    return [f"## {cell(title)} ({len(annotations)})", "", *_table(header, rows), ""]


def report(annotation_set: AnnotationSet) -> str:
    """The Markdown report of one annotation set."""
    document = annotation_set.document
    lines = [f"# {cell(document.headline) or 'Untitled article'}", ""]
    metadata = [["authors", ", ".join(document.authors)]]
    metadata += [[name, getattr(document, name)] for name in METADATA]
    lines += _table(["Field", "Value"], [row for row in metadata if row[1]]) + [""]
    kinds = list(SECTIONS) + sorted({a.type for a in annotation_set.annotations} - set(SECTIONS))
    for kind in kinds:
        found = [a for a in annotation_set.annotations if a.type == kind]
        if found:
            lines += _section(kind, found)
    if not annotation_set.annotations:
        lines += ["No annotations.", ""]
    return "\n".join(lines)


class MarkdownExporter:
    """A human-readable Markdown report per article."""

    name = "markdown"
    media_type = "text/markdown"
    extension = ".md"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write each set's report as it arrives, separated by horizontal rules."""
        for index, annotation_set in enumerate(sets):
            if index:
                stream.write("\n---\n\n")
            stream.write(report(annotation_set))


@hookimpl
def register_exporters(register) -> None:
    """Register the markdown exporter."""
    register(MarkdownExporter())
