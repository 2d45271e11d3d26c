"""Shared test helpers: paths to fixtures and the shared corpus, and a CLI runner."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "article-extraction-benchmark"
GOLD = SHARED / "gold"
SEED_PAGE = FIXTURES / "html" / "chinadaily-2010-12-17-copyright-crackdown.html"


@pytest.fixture
def run_cli(capsys):
    """Run `annotate ARGS…` in-process; return (exit code, stdout, stderr)."""
    from annotator.cli import main

    def invoke(*args: str) -> tuple[int, str, str]:
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


@pytest.fixture(scope="session")
def seed_set():
    """The seed page annotated by the full pipeline (timestamps off)."""
    import annotator

    return annotator.annotate_html(SEED_PAGE.read_bytes(), str(SEED_PAGE), timestamp=False)


def input_folder(tmp_path: Path, count: int, *extras: tuple[Path, str]) -> Path:
    """A folder of the first `count` corpus pages, the empty-body fixture, and (path, name) extras."""
    folder = tmp_path / "in"
    folder.mkdir()
    for page in sorted((CORPUS / "html").glob("*.html.gz"))[:count]:
        shutil.copy(page, folder / page.name)
    shutil.copy(FIXTURES / "html" / "empty-body.html", folder / "empty-body.html")
    for extra, name in extras:
        shutil.copy(extra, folder / name)
    return folder


def read_json(path: Path):
    """Load a JSON file."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def annotate_command(*args: object) -> list[str]:
    """The argv that runs `annotate ARGS…` in a separate process with this interpreter."""
    return [sys.executable, "-c", "from annotator.cli import main; main()", *map(str, args)]


@pytest.fixture(scope="session")
def corpus_sets() -> list[dict]:
    """The JSON sets of the 181 benchmark pages (`annotate CORPUS/html -f jsonl`, run once)."""
    done = subprocess.run(
        annotate_command(CORPUS / "html", "-f", "jsonl", "--no-timestamp", "--jobs", "2"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


def read_json_lines(path: Path) -> list:
    """Load a JSON Lines file (failures.jsonl) as a list."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
