"""The brat plugin: export, the .txt alongside, and the round trip through `brat-import`."""

from __future__ import annotations

import json
from pathlib import Path

import annotator_brat
import typer
from typer.testing import CliRunner

import annotator
from annotator.model import Annotation, AnnotationSet, Document
from annotator.plugins import registry

SEED = Path(__file__).resolve().parents[3] / "fixtures" / "expected" / "seed.annotations.json"


def seed() -> AnnotationSet:
    return annotator.load(str(SEED))


def export(annotation_set: AnnotationSet, folder: Path) -> Path:
    path = folder / "seed.ann"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        registry().exporters["brat"].write([annotation_set], stream, {})
    return path


def cli_app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """A stand-in for the annotate app."""

    annotator_brat.register_commands(app)
    return app


def test_exporter_writes_ann_and_text_alongside(tmp_path):
    ann = export(seed(), tmp_path)
    text = (tmp_path / "seed.txt").read_bytes().decode("utf-8")
    assert text == seed().document.text
    lines = ann.read_text(encoding="utf-8").split("\n")
    assert "T1\tagency 154 181\tMinistry of Public Security" in lines
    assert "A1\tid T1 agency-1" in lines
    assert any(line.endswith('speaker="Gu Jian"') for line in lines)


def test_round_trip_through_the_command_gives_the_same_annotations(tmp_path):
    ann = export(seed(), tmp_path)
    out = tmp_path / "back.json"
    result = CliRunner().invoke(
        cli_app(),
        ["brat-import", str(tmp_path / "seed.txt"), str(ann), "--set", str(SEED), "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    restored = json.loads(out.read_text(encoding="utf-8"))
    assert restored == seed().to_dict()


def test_corrections_in_brat_are_imported(tmp_path):
    ann = export(seed(), tmp_path)
    text = seed().document.text
    start = text.index("Operation Sword")
    edited = ann.read_text(encoding="utf-8").replace("A1\tid T1 agency-1\n", "")
    edited += f"T99\tcustom {start} {start + 15}\tOperation Sword\nA999\tcampaign T99\n"
    restored = annotator_brat.import_brat(text, edited, seed())
    by_text = {a.text: a for a in restored.annotations}
    assert by_text["Operation Sword"].fields == {"campaign": True}
    assert by_text["Operation Sword"].id == "custom-1"
    assert by_text["Ministry of Public Security"].id == "agency-1"  # the first free id
    assert len(restored.annotations) == len(seed().annotations) + 1


def test_spans_over_line_breaks_become_fragments_and_come_back():
    text = "He said: “first\n\nsecond” today."
    start, end = text.index("first"), text.index("”")
    document = Document(id="sha256:2", source="x", text=text)
    quote = Annotation(
        "quote", start, end, text[start:end], 0.5, "quotes", "quote-1", {"speaker": "He"}
    )
    original = AnnotationSet(document, [quote])
    ann = annotator_brat.to_ann(original)
    assert ann.startswith(f"T1\tquote {start} {start + 5};{start + 7} {end}\tfirst second\n")
    assert annotator_brat.import_brat(text, ann, original).to_dict() == original.to_dict()


def test_round_trip_of_the_tools_own_output_through_the_annotate_cli(tmp_path, capsys):
    from conftest import SEED_PAGE

    from annotator.cli import main

    def annotate(*args) -> tuple[int, str]:
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            return exc.code, capsys.readouterr().out
        raise AssertionError("main() always exits")

    page = tmp_path / "seed.html"
    page.write_bytes(SEED_PAGE.read_bytes())
    assert annotate(page, "-o", tmp_path / "json", "--no-timestamp")[0] == 0
    assert annotate(page, "-f", "brat", "-o", tmp_path / "brat", "--no-timestamp")[0] == 0
    assert sorted(p.name for p in (tmp_path / "brat").iterdir()) == ["seed.ann", "seed.txt"]
    stored = tmp_path / "json" / "seed.json"
    code, out = annotate(
        "brat-import",
        tmp_path / "brat" / "seed.txt",
        tmp_path / "brat" / "seed.ann",
        "--set",
        stored,
    )
    assert code == 0
    assert out == stored.read_text(encoding="utf-8")
    # `annotate export -f brat -o` writes the pair too
    assert annotate("export", stored, "-f", "brat", "-o", tmp_path / "again")[0] == 0
    assert (tmp_path / "again" / "seed.txt").read_bytes() == (
        tmp_path / "brat" / "seed.txt"
    ).read_bytes()
