"""Regenerate the exporters' golden files in fixtures/expected/ — run on purpose only.

    /tmp/venv/bin/python tests/regenerate_expected.py

The input is the hand-written annotation set of the seed article,
fixtures/expected/seed.annotations.json (fixed, so the golden files do not move
when the annotators change). Each exporter writes seed.<format> next to it with
default options. Review `git diff fixtures/expected` before committing.
"""

from __future__ import annotations

from pathlib import Path

import annotator
from annotator.plugins import registry

EXPECTED = Path(__file__).resolve().parents[1] / "fixtures" / "expected"
SEED = EXPECTED / "seed.annotations.json"
GOLDEN = {
    "json": "seed.json",
    "jsonl": "seed.jsonl",
    "jsonld": "seed.jsonld",
    "xml": "seed.xml",
    "nitf": "seed.nitf.xml",
    "csv": "seed.csv",
    "html": "seed.html",
    "text": "seed.txt",
}


def render(name: str) -> str:
    """The output of exporter `name` for the seed annotation set."""
    import io

    stream = io.StringIO(newline="")
    registry().exporters[name].write([annotator.load(str(SEED))], stream, {})
    return stream.getvalue()


def main() -> None:
    """Write every golden file."""
    for name, filename in GOLDEN.items():
        (EXPECTED / filename).write_bytes(render(name).encode("utf-8"))
        print(f"wrote {EXPECTED / filename}")


if __name__ == "__main__":
    main()
