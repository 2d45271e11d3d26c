"""An exporter with open_batch receives the whole batch in the main process, in input order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED_PAGE

from annotator.batch.runner import RunConfig, run_batch
from annotator.hookspecs import hookimpl
from annotator.pipeline import Options
from annotator.plugins import pm


class ListSink:
    """Records every call in order; one JSON file holds the log at close."""

    target_is_file = True

    def __init__(self, out: Path) -> None:
        self.out = out
        self.calls: list[tuple] = []
        self.present = set(json.loads(out.read_text())["stems"]) if out.exists() else set()

    def exists(self, source: str, output_stem: str) -> bool:
        return output_stem in self.present

    def add(self, source: str, output_stem: str, annotation_set) -> None:
        self.calls.append(("add", output_stem, annotation_set.document.headline))

    def fail(self, source: str, error: str, message: str) -> None:
        self.calls.append(("fail", Path(source).name, error))

    def close(self, summary) -> None:
        stems = sorted(self.present | {c[1] for c in self.calls if c[0] == "add"})
        self.out.write_text(json.dumps({"calls": self.calls, "stems": stems, "ok": summary.ok}))


class ListExporter:
    name = "listsink"
    media_type = "application/json"
    extension = ".list.json"

    def write(self, sets, stream, options) -> None:
        for annotation_set in sets:
            stream.write(annotation_set.document.headline + "\n")

    def open_batch(self, out: Path, options: dict) -> ListSink:
        return ListSink(out)


class Plugin:
    @hookimpl
    def register_exporters(self, register) -> None:
        register(ListExporter())


@pytest.fixture
def sink_plugin():
    pm.register(Plugin(), name="test-listsink")
    try:
        yield
    finally:
        pm.unregister(name="test-listsink")


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.html").write_bytes(SEED_PAGE.read_bytes())
    (folder / "b.html").write_bytes(b"<html><body></body></html>")
    (folder / "c.html").write_bytes(SEED_PAGE.read_bytes().replace(b"copyright", b"patent"))
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_sink_gets_sets_and_failures_in_order(sink_plugin, tmp_path: Path, jobs: int) -> None:
    folder = _inputs(tmp_path / "in")
    target = tmp_path / "archive.list.json"
    config = RunConfig(format="listsink", out=target, jobs=jobs, plugins=())
    summary = run_batch([str(folder)], Options(timestamp=False), config)
    assert (summary.ok, summary.failed) == (2, 1)
    log = json.loads(target.read_text())
    assert [tuple(call[:2]) for call in log["calls"]] == [
        ("add", "a"),
        ("fail", "b.html"),
        ("add", "c"),
    ]
    assert log["ok"] == 2
    failures = (tmp_path / "failures.jsonl").read_text().splitlines()  # beside the one file
    assert [json.loads(line)["source"].endswith("b.html") for line in failures] == [True]


def test_sink_answers_skip_existing(sink_plugin, tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    target = tmp_path / "archive.list.json"
    target.write_text(json.dumps({"calls": [], "stems": ["a"]}))
    config = RunConfig(format="listsink", out=target, jobs=1, skip_existing=True, plugins=())
    summary = run_batch([str(folder)], Options(timestamp=False), config)
    assert (summary.ok, summary.failed, summary.skipped) == (1, 1, 1)
    assert json.loads(target.read_text())["stems"] == ["a", "c"]
