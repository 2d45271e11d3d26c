"""Memory and speed of `annotate validate` and `annotate export` on large JSON Lines files.

    python benchmarks/bench_stored.py [ALL.jsonl] [--sizes 20,200]

Builds JSON Lines files of about each size (in MB) by repeating the sets of ALL.jsonl
(default: the 181 benchmark pages, annotated first with `annotate DIR -f jsonl`), then
runs `annotate validate` and `annotate export -f csv` on each in a child process and
prints wall time, sets per second and the child's peak RSS. JSON Lines are read line by
line, so the peak should not grow with the file's size.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark" / "html"


CHILD = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
    " file=sys.stderr))\n"
    "from annotator.cli import main\n"
    "main(sys.argv[1:])\n"
)


def _run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of `annotate ARGS` in a fresh child process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - started
    return seconds, int(done.stderr.split()[-1]) / 1024


def main() -> None:
    """Build the files, run the commands, print one line per run."""
    parser = argparse.ArgumentParser()
    parser.add_argument("source", nargs="?", type=Path)
    parser.add_argument("--sizes", default="20,200", help="file sizes in MB")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = arguments.source
        if source is None:
            source = Path(folder) / "all.jsonl"
            with open(source, "w", encoding="utf-8") as out:
                subprocess.run(
                    [sys.executable, "-c", CHILD, str(CORPUS), "-f", "jsonl", "-q"],
                    stdout=out,
                    check=False,
                )
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        block = "".join(lines)
        for size in (int(s) for s in arguments.sizes.split(",")):
            copies = max(1, round(size * 1024 * 1024 / len(block.encode())))
            path = Path(folder) / f"{size}mb.jsonl"
            with open(path, "w", encoding="utf-8") as out:
                for _ in range(copies):
                    out.write(block)
            sets = copies * len(lines)
            mb = path.stat().st_size / 1024 / 1024
            for name, args in (
                ("validate", ["validate", "-q", str(path)]),
                ("export csv", ["export", "-q", str(path), "-f", "csv"]),
            ):
                seconds, peak = _run(args)
                print(
                    f"{name:<11} {mb:7.1f} MB {sets:7d} sets  {seconds:7.1f} s "
                    f"{sets / seconds:7.1f} sets/s  peak RSS {peak:6.1f} MB"
                )


if __name__ == "__main__":
    main()
