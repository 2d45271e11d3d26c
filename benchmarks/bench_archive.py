"""Time, peak memory and size of `-f sqlite` and `-f parquet` against `-f json` files.

Runs `annotate FOLDER -f FORMAT -o OUT --no-timestamp` as a separate process, as a user
would, over the 181 pages of article-extraction-benchmark made into --inputs distinct
inputs (each copy carries its number in an HTML comment, so every input has its own
content id and the archive formats store every one rather than keeping one per page).
The formats run back to back in each round, in a rotating order, for --rounds rounds,
since the machine's speed drifts; each archive format's time is compared with the JSON
run of the same round. Time is the whole process, start to exit (closing the database
included), with the CPU time the process tree used beside it (less sensitive than the
wall clock to whatever else the shared machine runs); memory is sampled as in
bench_throughput.py (PSS of the process tree) plus the main process's own RSS, the one
that writes the database.

    python benchmarks/bench_archive.py [--inputs 5000] [--rounds 3] [--jobs 2] [--quick]
                                       [--formats json,sqlite,parquet]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_throughput import DEFAULT_CORPUS, TreeMemory

FORMATS = ("json", "sqlite", "parquet")


class RunSampler(TreeMemory):
    """TreeMemory that also keeps the root process's own RSS and the tree's CPU time.

    CPU time (user + system) is what the annotate process tree used, whatever else the
    shared machine runs: the sum over the live processes of their own times plus those of
    the children they have reaped (the fork server reaps the workers it replaces), taken
    at each sample; its largest value is the run's CPU time, less the last interval's.
    """

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(pid, interval)
        self.peak_main = 0
        self.main_samples: list[int] = []
        self.cpu_seconds = 0.0

    def current(self) -> tuple[int, int]:
        """(RSS, PSS) of the tree; records the root's own RSS and the tree's CPU time."""
        import psutil

        try:
            root = psutil.Process(self.pid)
            tree = (root, *root.children(recursive=True))
            rss = root.memory_info().rss
        except psutil.Error:
            return super().current()
        cpu = 0.0
        for process in tree:
            try:
                times = process.cpu_times()
            except psutil.Error:
                continue
            cpu += times.user + times.system + times.children_user + times.children_system
        self.cpu_seconds = max(self.cpu_seconds, cpu)
        self.main_samples.append(rss)
        self.peak_main = max(self.peak_main, rss)
        return super().current()


def make_distinct_inputs(pages: list[Path], count: int, folder: Path) -> None:
    """`count` gzip pages in `folder`: the corpus pages in turn, each copy made unique."""
    folder.mkdir(parents=True)
    contents = [gzip.decompress(page.read_bytes()) for page in pages]
    for number in range(count):
        index = number % len(pages)
        data = contents[index] + f"\n<!-- copy {number} -->\n".encode()
        target = folder / f"{number:06d}-{pages[index].name}"
        target.write_bytes(gzip.compress(data, compresslevel=6, mtime=0))


def size_of(path: Path) -> int:
    """Bytes on disk of a file, or of every file under a folder."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run(folder: Path, format: str, jobs: int, work: Path) -> dict:
    """One `annotate` run; returns its wall time, summary line, memory and output size."""
    out = work / ("archive.db" if format == "sqlite" else f"out-{format}")
    command = [sys.executable, "-c", "from annotator.cli import main; main()"]
    command += [str(folder), "-f", format, "-o", str(out), "--no-timestamp", "--jobs", str(jobs)]
    started = time.perf_counter()
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as process:
        with RunSampler(process.pid) as memory:
            _output, errors = process.communicate()
    seconds = time.perf_counter() - started
    summary = errors.strip().splitlines()[-1] if errors.strip() else ""
    if process.returncode != 0 or not re.search(r"\d+ ok, 0 failed", summary):
        raise SystemExit(f"annotate -f {format} failed: {errors[-2000:]}")
    size = size_of(out)
    shutil.rmtree(out) if out.is_dir() else out.unlink()
    for leftover in work.glob("*.metadata.json"):
        leftover.unlink()
    (work / "failures.jsonl").unlink(missing_ok=True)
    return {"seconds": seconds, "summary": summary, "memory": memory, "size": size}


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=5000, help="input files (default 5000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the three formats")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of each run (default 2)")
    parser.add_argument("--quick", action="store_true", help="400 inputs, one round")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--formats", default=",".join(FORMATS), help="json first, then the archive formats"
    )
    args = parser.parse_args()
    count, rounds = (400, 1) if args.quick else (args.inputs, args.rounds)
    formats = tuple(name.strip() for name in args.formats.split(",") if name.strip())
    if formats[:1] != ("json",):
        raise SystemExit("--formats: json comes first (the others are compared with it)")
    pages = sorted((args.corpus / "html").glob("*.html.gz"))
    print(
        f"pages: {len(pages)} from {args.corpus}; inputs: {count}; --jobs {args.jobs}; "
        f"rounds: {rounds}; cores: {os.cpu_count()}"
    )
    work = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    results: dict[str, list[dict]] = {name: [] for name in formats}
    try:
        make_distinct_inputs(pages, count, work / "in")
        for round_number in range(rounds):
            shift = round_number % len(formats)
            for format in formats[shift:] + formats[:shift]:
                result = run(work / "in", format, args.jobs, work)
                results[format].append(result)
                memory = result["memory"]
                print(
                    f"round {round_number + 1} -f {format:8s} {result['seconds']:7.1f} s  "
                    f"CPU {memory.cpu_seconds:7.1f} s  "
                    f"tree PSS peak {memory.peak_pss / 1e6:5.0f} MB  "
                    f"main RSS peak {memory.peak_main / 1e6:4.0f} MB  "
                    f"output {result['size'] / 1e6:6.1f} MB  | {result['summary']}",
                    flush=True,
                )
    finally:
        shutil.rmtree(work)
    print("\nper round, against -f json of the same round:")
    for format in formats[1:]:
        for label, measure in (("time", _wall), ("CPU", _cpu)):
            ratios = [
                measure(mine) / measure(json_run)
                for mine, json_run in zip(results[format], results["json"], strict=True)
            ]
            print(
                f"  -f {format:8s} {label:4s} / json: "
                + " ".join(f"{ratio:.3f}" for ratio in ratios)
                + f"  (median {statistics.median(ratios):.3f})"
            )
    print("\nmedians over the rounds:")
    for format in formats:
        runs = results[format]
        seconds = statistics.median(r["seconds"] for r in runs)
        flat = " / ".join(
            f"{statistics.median(r['memory'].at_fraction(f) for r in runs) / 1e6:.0f}"
            for f in (0.1, 0.5, 0.9)
        )
        main_flat = " / ".join(
            f"{statistics.median(_main_at(r['memory'], f) for r in runs) / 1e6:.0f}"
            for f in (0.1, 0.5, 0.9)
        )
        cpu = statistics.median(_cpu(r) for r in runs)
        print(
            f"  -f {format:8s} {seconds:7.1f} s ({count / seconds:.1f} articles/s), "
            f"CPU {cpu:.1f} s ({1000 * cpu / count:.1f} ms/article); "
            f"tree PSS peak {statistics.median(r['memory'].peak_pss for r in runs) / 1e6:.0f} MB "
            f"(at 10/50/90 %: {flat} MB); main RSS peak "
            f"{statistics.median(r['memory'].peak_main for r in runs) / 1e6:.0f} MB "
            f"(at 10/50/90 %: {main_flat} MB); output {runs[0]['size'] / 1e6:.1f} MB"
        )


def _wall(result: dict) -> float:
    return result["seconds"]


def _cpu(result: dict) -> float:
    return result["memory"].cpu_seconds


def _main_at(memory: RunSampler, fraction: float) -> int:
    samples = memory.main_samples
    return samples[min(len(samples) - 1, int(len(samples) * fraction))] if samples else 0


if __name__ == "__main__":
    main()
