"""Plugins: built-ins go through the hooks; a plugin defined in a test is picked up by the CLI."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SEED_PAGE

from annotator.hookspecs import hookimpl
from annotator.model import Annotation
from annotator.plugins import load_plugin, plugin_report, pm, registry


class ShoutAnnotator:
    """Marks every word written in capitals (a test-only annotation type)."""

    name = "shouts"
    types = ("shout",)
    schema = {
        "type": "object",
        "required": ["loudness"],
        "properties": {"loudness": {"type": "integer"}},
    }

    def annotate(self, document, context):
        for match in re.finditer(r"\b[A-Z]{3,}\b", document.text):
            yield Annotation(
                "shout",
                match.start(),
                match.end(),
                match.group(),
                fields={"loudness": len(match.group())},
            )


class CountExporter:
    """Writes one line per set: its source and how many annotations it has."""

    name = "count"
    media_type = "text/plain"
    extension = ".txt"

    def write(self, sets, stream, options):
        for annotation_set in sets:
            stream.write(f"{annotation_set.document.source}\t{len(annotation_set.annotations)}\n")


class BrokenAnnotator:
    """Always raises, to check that the others' annotations survive."""

    name = "broken"
    types = ("broken",)

    def annotate(self, document, context):
        raise RuntimeError("boom")


class SloppyDateAnnotator:
    """Marks the word 'Thursday' as a date whose value breaks the date schema."""

    name = "sloppy-dates"
    types = ("date",)

    def annotate(self, document, context):
        for match in re.finditer(r"\bThursday\b", document.text):
            yield Annotation(
                "date",
                match.start(),
                match.end(),
                match.group(),
                fields={"value": "Thu", "granularity": "day"},
            )


class DanglingAnnotator:
    """Anchors its one annotation to an id nothing has: valid alone, invalid in the set."""

    name = "dangling"
    types = ("shout",)

    def annotate(self, document, context):
        yield Annotation(
            "shout", 0, 1, document.text[:1], fields={"loudness": 1, "anchor": "date-999"}
        )


class TestPlugin:
    @hookimpl
    def register_annotators(self, register):
        register(ShoutAnnotator())
        register(BrokenAnnotator())
        register(SloppyDateAnnotator())
        register(DanglingAnnotator())

    @hookimpl
    def register_exporters(self, register):
        register(CountExporter())


@pytest.fixture
def test_plugin():
    plugin = TestPlugin()
    pm.register(plugin, name="test-plugin")
    try:
        yield plugin
    finally:
        pm.unregister(plugin)


def test_builtins_registered_through_hooks():
    reg = registry()
    assert "html" in reg.extractors
    assert {"json", "jsonl"} <= set(reg.exporters)
    assert reg.owners[("exporters", "json")] == "annotator.exporters.json"


def test_plugin_annotator_and_exporter_used_by_cli(test_plugin, run_cli, tmp_path):
    # The seed article's words in capitals, NATO and UNESCO added to its first paragraph.
    page = tmp_path / "shouting.html"
    page.write_bytes(
        SEED_PAGE.read_bytes().replace(b"Cracking down", b"NATO and UNESCO joined. Cracking down")
    )
    code, out, err = run_cli(page, "--annotators", "shouts", "--no-timestamp")
    assert code == 0, err
    data = json.loads(out)
    shouts = [a for a in data["annotations"] if a["type"] == "shout"]
    assert [(a["id"], a["text"], a["loudness"], a["annotator"]) for a in shouts] == [
        ("shout-1", "NATO", 4, "shouts"),
        ("shout-2", "UNESCO", 6, "shouts"),
    ]
    assert [data["document"]["text"][a["start"] : a["end"]] for a in shouts] == ["NATO", "UNESCO"]
    code, out, _ = run_cli(page, "-f", "count", "--annotators", "shouts")
    assert (code, out) == (0, f"{page}\t2\n")
    saved = tmp_path / "set.json"
    saved.write_text(json.dumps(data))
    assert run_cli("validate", saved)[0] == 0
    data["annotations"].append(dict(shouts[0], id="shout-99", loudness="very"))
    saved.write_text(json.dumps(data))
    code, out, _ = run_cli("validate", saved)
    assert code == 1 and "loudness: 'very' is not of type 'integer'" in out


class KeywordAnnotator:
    """Marks the word 'copyright' (a plugin type with a schema fragment that has an $id)."""

    name = "keywords"
    types = ("keyword",)
    schema = {
        "$id": "https://example.org/annotator/keyword.schema.json",
        "type": "object",
        "required": ["keyword"],
        "properties": {"keyword": {"type": "string"}},
    }

    def annotate(self, document, context):
        for match in re.finditer(r"\bcopyright\b", document.text):
            yield Annotation(
                "keyword", match.start(), match.end(), match.group(), fields={"keyword": "ip"}
            )


class KeywordPlugin:
    __version__ = "0.3"

    @hookimpl
    def register_annotators(self, register):
        register(KeywordAnnotator())


def test_set_records_the_plugin_that_made_it_and_validate_says_when_it_cannot_check(
    run_cli, tmp_path
):
    plugin = KeywordPlugin()
    pm.register(plugin, name="keyword-plugin")
    try:
        code, out, err = run_cli(SEED_PAGE, "--annotators", "keywords,dates", "--no-timestamp")
        assert code == 0, err
        data = json.loads(out)
        assert data["provenance"]["plugins"] == [
            {
                "name": "keyword-plugin",
                "version": "0.3",
                "types": {"keyword": "https://example.org/annotator/keyword.schema.json"},
            }
        ]
        assert [a["text"] for a in data["annotations"] if a["type"] == "keyword"] == [
            "copyright",
            "copyright",
        ]
        saved = tmp_path / "set.json"
        saved.write_text(out)
        code, _, err = run_cli("validate", saved)
        assert code == 0 and "note" not in err
        data["annotations"][0]["keyword"] = 7
        (tmp_path / "bad.json").write_text(json.dumps(data))
        code, out, _ = run_cli("validate", tmp_path / "bad.json")
        assert code == 1 and "/annotations/0/keyword: 7 is not of type 'string'" in out
    finally:
        pm.unregister(plugin)
    code, out, err = run_cli("validate", saved)
    assert code == 0 and out == ""
    note = "type 'keyword' from plugin keyword-plugin 0.3 not checked: plugin not installed"
    assert f"annotate: {saved}: note: {note}" in err
    code, out, _ = run_cli("validate", "--strict", saved)
    assert code == 1 and out == f"{saved}: /: {note} (--strict)\n"


def test_built_in_annotators_record_no_plugin(run_cli):
    built_in = "agencies,dates,money,quotes"  # other tests may leave --plugin modules loaded
    code, out, _ = run_cli(SEED_PAGE, "--annotators", built_in, "--no-timestamp")
    assert code == 0 and "plugins" not in json.loads(out)["provenance"]


def test_raising_plugin_is_reported_and_others_kept(test_plugin, run_cli):
    code, out, _ = run_cli(SEED_PAGE, "--annotators", "broken,shouts", "--no-timestamp")
    assert code == 0
    data = json.loads(out)
    assert data["checks"] == [
        {"type": "plugin-error", "annotator": "broken", "message": "RuntimeError: boom"}
    ]
    assert data["provenance"]["annotators"] == ["broken", "shouts"]


def test_invalid_plugin_annotations_are_dropped_and_reported(test_plugin, run_cli, tmp_path):
    code, out, _ = run_cli(SEED_PAGE, "--annotators", "sloppy-dates,dates")
    assert code == 0
    data = json.loads(out)
    [check] = data["checks"]
    assert check["type"] == "plugin-error" and check["annotator"] == "sloppy-dates"
    assert "invalid date annotation 'Thursday'" in check["message"]
    assert "/value: 'Thu' does not match" in check["message"]
    assert not [a for a in data["annotations"] if a["annotator"] == "sloppy-dates"]
    # the built-in dates annotator's annotations are kept
    assert any(a["text"] == "Thursday" and a["annotator"] == "dates" for a in data["annotations"])
    saved = tmp_path / "set.json"
    saved.write_text(out)
    assert run_cli("validate", saved)[0] == 0


def test_validate_option_fails_an_invalid_set_and_writes_nothing(test_plugin, run_cli, tmp_path):
    out_dir = tmp_path / "out"
    code, _, err = run_cli(SEED_PAGE, "--annotators", "dangling", "--validate", "-o", out_dir)
    assert code == 1
    [line] = [line for line in err.splitlines() if "validation" in line]
    assert line == (
        f"annotate: {SEED_PAGE}: 1 validation error(s): "
        "/annotations/0/anchor: refers to unknown annotation id 'date-999'"
    )
    assert not list(out_dir.glob("*.json"))
    [failure] = [json.loads(x) for x in (out_dir / "failures.jsonl").read_text().splitlines()]
    assert failure["error"] == "ValidationFailed" and failure["source"] == str(SEED_PAGE)
    # without --validate the same set is written, and `annotate validate` catches it
    code, out, _ = run_cli(SEED_PAGE, "--annotators", "dangling")
    assert code == 0
    saved = tmp_path / "set.json"
    saved.write_text(out)
    assert run_cli("validate", saved)[0] == 1


def test_validate_option_passes_the_builtins(run_cli):
    code, out, err = run_cli(SEED_PAGE, "--validate", "--no-timestamp")
    assert code == 0, err
    assert len(json.loads(out)["annotations"]) > 10


def test_plugins_command_lists_origin_and_registrations(test_plugin, run_cli):
    code, out, _ = run_cli("plugins", "--json")
    report = {entry["name"]: entry for entry in json.loads(out)}
    assert code == 0
    assert report["annotator.reading.extract"]["origin"] == "built-in"
    assert report["annotator.reading.extract"]["extractors"] == ["html", "text"]
    assert report["test-plugin"]["annotators"] == ["broken", "dangling", "shouts", "sloppy-dates"]
    assert report["test-plugin"]["exporters"] == ["count"]


def test_plugin_loaded_from_a_path(tmp_path, run_cli):
    source = tmp_path / "upper_exporter.py"
    source.write_text(
        "from annotator.hookspecs import hookimpl\n"
        "class Upper:\n"
        "    name = 'upper'\n    media_type = 'text/plain'\n    extension = '.txt'\n"
        "    def write(self, sets, stream, options):\n"
        "        for s in sets:\n            stream.write((s.document.headline or '').upper() + '\\n')\n"
        "@hookimpl\n"
        "def register_exporters(register):\n    register(Upper())\n"
    )
    try:
        code, out, err = run_cli("--plugin", source, SEED_PAGE, "-f", "upper")
        assert code == 0, err
        assert out == "COUNTRIES JOIN IN COPYRIGHT CRACKDOWN\n"
        assert any(e["origin"] == f"--plugin {source}" for e in plugin_report())
    finally:
        pm.unregister(name=str(source))


def test_plugin_that_fails_to_import_is_one_line_error(tmp_path, run_cli):
    bad = tmp_path / "bad_plugin.py"
    bad.write_text("raise ImportError('needs numpy')\n")
    code, _, err = run_cli("--plugin", bad, SEED_PAGE)
    assert code == 1
    assert err.strip() == f"annotate: cannot load plugin {bad}: ImportError: needs numpy"


def test_load_plugin_by_module_name():
    name = load_plugin("annotator.exporters.json")
    assert name == "annotator.exporters.json"
