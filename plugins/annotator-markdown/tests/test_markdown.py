"""The markdown exporter, loaded through its installed entry point, on the seed annotation set."""

from __future__ import annotations

import io
from pathlib import Path

import annotator
from annotator.model import Annotation, AnnotationSet, Document
from annotator.plugins import registry

SEED = Path(__file__).resolve().parents[3] / "fixtures" / "expected" / "seed.annotations.json"


def render(sets) -> str:
    stream = io.StringIO()
    registry().exporters["markdown"].write(sets, stream, {})
    return stream.getvalue()


def test_plugin_is_registered_from_its_entry_point():
    assert registry().owners[("exporters", "markdown")] == "markdown"


def test_report_has_headline_metadata_and_one_table_per_type():
    seed = annotator.load(str(SEED))
    text = render([seed])
    assert text.startswith("# Countries join in copyright crackdown\n")
    assert "| authors | Wang Jingqiong |" in text
    for title, count in (("Dates", 4), ("Quotes", 6), ("Agencies", 6), ("Money", 2)):
        assert f"## {title} ({count})" in text
    assert "| quote-4 | People wonder why" in text
    assert "| Gu Jian | Gu | said |" in text
    assert (
        "| money-1 | 835 million yuan | 835000000 | CNY | USD 125312625.00; EUR 94661445.00 | 2622–2638 |"
        in text
    )


def test_cells_escape_pipes_and_line_breaks_and_batches_are_separated():
    text = "a | b\n\nc"
    document = Document(id="sha256:1", source="x", text=text, headline="H|x")
    odd = AnnotationSet(document, [Annotation("custom", 0, len(text), text, 1.0, "t", "custom-1")])
    output = render([odd, odd])
    assert "# H\\|x" in output
    assert "| custom-1 | a \\| b c | 0–8 |" in output
    assert output.count("\n---\n") == 1
