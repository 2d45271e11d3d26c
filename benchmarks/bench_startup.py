"""Start-up time of single `annotate` calls, beside a bare interpreter start.

    python benchmarks/bench_startup.py [--runs 7] [--page PAGE.html] [--code DIR …]

Times, in fresh processes, `annotate --version`, `annotate --help`, `annotate validate` on
one annotation set, and `annotate` on one page (written to a temporary folder: --page,
the benchmark's first page by default, and a page where all four annotators find
something, so the exchange-rate table is read too), each
--runs times, and prints the median, min and max in milliseconds. A bare `python -c pass`
is the floor no command can go below. Runs are interleaved (one of each per round) so a
burst of load on a shared machine hits every command alike.

`--code DIR` (repeatable) times the annotator whose package is in DIR (a checkout or a copy
of another version, run with this interpreter and its installed dependencies) instead of
the installed one; with several, each command runs once per DIR in every round, so a
before/after comparison is made back to back. The first round only warms the page cache,
the compiled `.pyc` files (written even when PYTHONDONTWRITEBYTECODE is set, as an
ordinary installation has them) and the gazetteer cache; it is not timed.
"""

from __future__ import annotations

import argparse
import os
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
# A page on which all four annotators find something (money: the ECB table is read).
FULL_PAGE = CORPUS / "9ebb3af65694a953005df5bd3869b2cefc263e1dea0471e3ef361c66a264cdd3.html.gz"


def annotate_command(code: Path | None = None) -> list[str]:
    """The `annotate` of the package in `code`, else the installed script beside this
    interpreter, else the module's main."""
    if code is not None:
        run = (
            f"import sys; sys.path.insert(0, {str(code)!r}); from annotator.cli import main; main()"
        )
        return [sys.executable, "-c", run]
    script = Path(sys.executable).with_name("annotate")
    if script.exists():
        return [str(script)]
    found = shutil.which("annotate")
    if found:
        return [found]
    return [sys.executable, "-c", "from annotator.cli import main; main()"]


def commands(page: Path, out: Path, code: Path | None = None) -> dict[str, list[str]]:
    """Label -> command line of every timed call."""
    annotate = annotate_command(code)
    return {
        "annotate --version": [*annotate, "--version"],
        "annotate --help": [*annotate, "--help"],
        "annotate validate (one set)": [*annotate, "validate", "-q", str(VALID_SET)],
        "annotate one page": [*annotate, str(page), "-o", str(out), "--no-timestamp", "-q"],
        "annotate one page, four types": [
            *annotate,
            str(FULL_PAGE),
            "-o",
            str(out),
            "--no-timestamp",
            "-q",
        ],
    }


def time_once(command: list[str], env: dict[str, str] | None = None) -> float:
    """Wall time of one run, in milliseconds; a failing command stops the benchmark."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    """Time every command and print one line each (one column per --code)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--page", type=Path, default=min(CORPUS.glob("*.html*")))
    parser.add_argument("--code", type=Path, action="append", help="package folder to time")
    args = parser.parse_args()
    codes: list[Path | None] = [c.resolve() for c in args.code] if args.code else [None]
    names = [str(c) if c else "installed" for c in codes]
    warm_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        timed: dict[tuple[str, str], list[str]] = {
            ("python -c pass (floor)", name): [sys.executable, "-c", "pass"] for name in names
        }
        for code, name in zip(codes, names, strict=True):
            out = Path(tmp) / str(len(timed))
            for label, command in commands(args.page, out, code).items():
                timed[label, name] = command
        for command in timed.values():
            time_once(command, warm_env)
        times: dict[tuple[str, str], list[float]] = {key: [] for key in timed}
        for _ in range(args.runs):
            for key, command in timed.items():
                times[key].append(time_once(command))
    for number, name in enumerate(names, start=1):
        print(f"[{number}] {name}")
    print(f"{'command (ms: median [min-max], ' + str(args.runs) + ' runs)':44}", end="")
    print("".join(f"{'[' + str(n) + ']':>18}" for n in range(1, len(names) + 1)))
    for label in dict.fromkeys(label for label, _ in timed):
        cells = []
        for name in names:
            values = times[label, name]
            cells.append(f"{statistics.median(values):.0f} [{min(values):.0f}-{max(values):.0f}]")
        print(f"{label:44}" + "".join(f"{cell:>18}" for cell in cells))


if __name__ == "__main__":
    main()
