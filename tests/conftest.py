"""Shared test helpers: paths to fixtures and the shared corpus, and a CLI runner."""

from __future__ import annotations

import json
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


def read_json(path: Path):
    """Load a JSON file."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
