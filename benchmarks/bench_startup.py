"""Start-up time of single `annotate` calls, beside a bare interpreter start.

    python benchmarks/bench_startup.py [--runs 7] [--page PAGE.html]

Times, in fresh processes, `annotate --version`, `annotate --help`, `annotate validate` on
one annotation set, and `annotate` on one page (written to a temporary folder), each
--runs times, and prints the median, min and max in milliseconds. A bare `python -c pass`
is the floor no command can go below. Runs are interleaved (one of each per round) so a
burst of load on a shared machine hits every command alike.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark" / "html"
VALID_SET = ROOT / "fixtures" / "expected" / "seed.annotations.json"


def annotate_command() -> list[str]:
    """The installed `annotate` script beside this interpreter, else the module's main."""
    script = Path(sys.executable).with_name("annotate")
    if script.exists():
        return [str(script)]
    found = shutil.which("annotate")
    if found:
        return [found]
    return [sys.executable, "-c", "from annotator.cli import main; main()"]


def commands(page: Path, out: Path) -> dict[str, list[str]]:
    """Label -> command line of every timed call."""
    annotate = annotate_command()
    return {
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
        "annotate --version": [*annotate, "--version"],
        "annotate --help": [*annotate, "--help"],
        "annotate validate (one set)": [*annotate, "validate", "-q", str(VALID_SET)],
        "annotate one page": [*annotate, str(page), "-o", str(out), "--no-timestamp", "-q"],
    }


def time_once(command: list[str]) -> float:
    """Wall time of one run, in milliseconds; a failing command stops the benchmark."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    """Time every command and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--page", type=Path, default=min(CORPUS.glob("*.html*")))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        timed = commands(args.page, Path(tmp))
        for command in timed.values():
            time_once(command)  # warm the page cache and the .pyc files first
        times: dict[str, list[float]] = {label: [] for label in timed}
        for _ in range(args.runs):
            for label, command in timed.items():
                times[label].append(time_once(command))
    print(f"{'command':30} {'median':>8} {'min':>8} {'max':>8}  (ms, {args.runs} runs)")
    for label, values in times.items():
        print(f"{label:30} {statistics.median(values):8.0f} {min(values):8.0f} {max(values):8.0f}")


if __name__ == "__main__":
    main()
