"""Whole-pipeline throughput and memory at archive scale, against trafilatura alone.

Runs `annotate FOLDER -o TEMP` (read, extract, every registered annotator, JSON export)
as a separate process over the 181 pages of article-extraction-benchmark repeated to
--inputs files, with --jobs 1 and --jobs 2; times `trafilatura.extract()` alone on the
same pages, with its defaults and with `fast=True`, as the two baselines (before and
after the pipeline runs, since the machine drifts; ratios are to the mean of the two); samples the memory of the annotate process
tree (psutil: PSS and RSS); and, in this process, breaks one pass over the 181 pages
down by stage (extract / each annotator / linking / export).

    python benchmarks/bench_throughput.py [--inputs 5000] [--quick] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark"


class TreeMemory:
    """Peak memory of this process and its descendants, sampled in a thread.

    RSS sums count pages shared between processes (forked workers) once per process;
    PSS sums share them out, so they add up to what the tree really uses.
    """

    def __init__(self, pid: int | None = None, interval: float = 0.25) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.samples: list[int] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def current(self) -> tuple[int, int]:
        """(RSS, PSS) in bytes of the process plus all its descendants ((0, 0) without psutil)."""
        try:
            import psutil

            root = psutil.Process(self.pid)
            tree = (root, *root.children(recursive=True))
        except (ImportError, psutil.Error):
            return 0, 0
        rss = pss = 0
        for process in tree:
            try:
                info = process.memory_full_info()
            except psutil.Error:
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        return rss, pss

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            rss, pss = self.current()
            self.samples.append(pss)
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)

    def __enter__(self) -> TreeMemory:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def at_fraction(self, fraction: float) -> int:
        """The PSS sampled when `fraction` of the run's time had passed."""
        if not self.samples:
            return 0
        return self.samples[min(len(self.samples) - 1, int(len(self.samples) * fraction))]


def rusage_peak_mb() -> float:
    """getrusage peak RSS (MB) of this process (workers are the forkserver's children)."""
    scale = 1024 if sys.platform != "darwin" else 1
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def make_inputs(pages: list[Path], count: int, folder: Path) -> None:
    """`count` page files in `folder`: the corpus pages repeated (hard links when possible)."""
    folder.mkdir(parents=True)
    for number in range(count):
        page = pages[number % len(pages)]
        target = folder / f"{number:06d}-{page.name}"
        try:
            os.link(page, target)
        except OSError:
            shutil.copyfile(page, target)


# The baselines: trafilatura.extract() alone, with its defaults and in its fast mode.
BASELINES = {"trafilatura.extract()": {}, "trafilatura.extract(fast=True)": {"fast": True}}


def baseline(pages: list[bytes], passes: int, **settings: bool) -> tuple[float, float]:
    """Articles per second and per CPU-second of `trafilatura.extract(**settings)`, after
    a warm-up pass.

    `pages` are the stored (gzip) bytes, in memory: trafilatura is timed from the same
    bytes the pipeline starts from, decompression included, file reading not.
    """
    import trafilatura

    for page in pages:  # warm-up: lazily loaded stop lists and models are not timed
        trafilatura.extract(gzip.decompress(page), **settings)
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(passes):
        for page in pages:
            trafilatura.extract(gzip.decompress(page), **settings)
    count = passes * len(pages)
    return count / (time.perf_counter() - started), count / (time.process_time() - cpu)


def baselines(pages: list[bytes], passes: int, when: str) -> dict[str, tuple[float, float]]:
    """Every baseline's articles per second and per CPU-second, printed with `when`."""
    rates = {name: baseline(pages, passes, **settings) for name, settings in BASELINES.items()}
    for name, (rate, cpu_rate) in rates.items():
        print(f"baseline {name} {when}: {rate:.1f} articles/s, {cpu_rate:.1f} per CPU-second")
    return rates


def stage_breakdown(paths: list[Path]) -> dict[str, float]:
    """Seconds per stage over one pass, after an untimed warm-up pass (lazily built tables).

    Stages: read, extract, annotate (every annotator, ids and linking, as the pipeline
    runs them), export (JSON file written); then each annotator timed alone on the same
    documents, as a breakdown of `annotate`.
    """
    from annotator.batch.inputs import InputItem, read_input
    from annotator.errors import AnnotatorError
    from annotator.pipeline import Context, Options, annotate_document, extract, select_annotators
    from annotator.plugins import registry

    options = Options(timestamp=False)
    reg = registry()
    context = Context(options=options, registry=reg)
    exporter = reg.exporters["json"]
    out = Path(tempfile.mkdtemp(prefix="bench-stages-"))

    def timed(stages: dict[str, float], name: str, work, *args):
        clock = time.perf_counter()
        try:
            return work(*args)
        finally:
            stages[name] += time.perf_counter() - clock

    def export(annotation_set, path: Path) -> None:
        buffer = io.StringIO()
        exporter.write([annotation_set], buffer, {})
        (out / f"{path.name}.json").write_text(buffer.getvalue(), encoding="utf-8")

    def annotate_alone(annotator, document) -> None:
        list(annotator.annotate(document, context))

    try:
        for _warm_up_then_timed in range(2):
            stages: dict[str, float] = defaultdict(float)
            documents = []
            for path in paths:
                data = timed(stages, "read", read_input, InputItem(str(path), path.name, path))
                try:
                    document = timed(stages, "extract", extract, data, str(path), options, reg)
                except AnnotatorError:
                    continue
                documents.append(document)
                annotation_set = timed(
                    stages, "annotate", annotate_document, document, options, reg
                )
                timed(stages, "export", export, annotation_set, path)
        for name, annotator in select_annotators(reg, None):
            for document in documents:
                timed(stages, f"  of which {name} alone", annotate_alone, annotator, document)
    finally:
        shutil.rmtree(out)
    return dict(stages)


def run_pipeline(folder: Path, jobs: int) -> tuple[float, float, str, TreeMemory]:
    """Run `annotate FOLDER -o TEMP --jobs N` as a separate process, as a user would.

    Returns its own articles/s figure (from its summary line, so Python start-up is not
    counted), its articles per CPU-second (the CPU time of the finished process and the
    children it waited for, start-up included: with --jobs 1, all of the work; on a machine
    shared with other work it moves less than the wall clock), the summary line, and the
    memory of its process tree.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = Path(tempfile.mkdtemp(prefix=f"bench-jobs{jobs}-"))
    command = [sys.executable, "-c", "from annotator.cli import main; main()"]
    command += [str(folder), "-o", str(out), "--jobs", str(jobs), "--no-timestamp"]
    try:
        with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as process:
            with TreeMemory(process.pid) as memory:
                _output, errors = process.communicate()
    finally:
        shutil.rmtree(out)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = errors.strip().splitlines()[-1]
    match = re.search(r"\(([\d.]+) articles/s\)", summary)
    count = re.search(r"(\d+) ok", summary)
    if match is None or count is None:
        raise SystemExit(f"annotate failed: {errors[-2000:]}")
    return float(match.group(1)), int(count.group(1)) / cpu, summary, memory


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=5000, help="input files (default 5000)")
    parser.add_argument("--quick", action="store_true", help="a smaller run (400 inputs)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    count = 400 if args.quick else args.inputs
    pages = sorted((args.corpus / "html").glob("*.html.gz"))
    raw = [p.read_bytes() for p in pages]

    print(f"pages: {len(pages)} from {args.corpus}; inputs: {count}; cores: {os.cpu_count()}")
    passes = 1 if args.quick else 2
    base_before = baselines(raw, passes, "before the pipeline runs")

    stages = stage_breakdown(pages)
    total = sum(v for k, v in stages.items() if not k.startswith(" "))
    print(
        f"stages, in this process, one warm pass over {len(pages)} pages "
        f"({len(pages) / total:.1f} articles/s):"
    )
    for name, seconds in stages.items():
        print(
            f"  {name:28s} {1000 * seconds / len(pages):8.2f} ms/article  {100 * seconds / total:5.1f} %"
        )

    work = Path(tempfile.mkdtemp(prefix="bench-inputs-"))
    try:
        make_inputs(pages, count, work / "in")
        rates = {}
        runs = []
        for jobs in (1, 2):
            rate, cpu_rate, summary, memory = run_pipeline(work / "in", jobs)
            rates[jobs] = rate
            runs.append((jobs, rate, cpu_rate, summary, memory))
    finally:
        shutil.rmtree(work)
    # The machine's speed drifts over minutes: the baseline is timed on both sides of the
    # pipeline runs, and each ratio is taken against the mean of the two.
    base_after = baselines(raw, passes, "after")
    base = {
        name: [
            (before + after) / 2
            for before, after in zip(base_before[name], base_after[name], strict=True)
        ]
        for name in BASELINES
    }
    for name, (rate, cpu_rate) in base.items():
        print(f"baseline {name}: mean {rate:.1f} articles/s, {cpu_rate:.1f} per CPU-second")
    for jobs, rate, cpu_rate, summary, memory in runs:
        ratios = ", ".join(f"{rate / base[name][0]:.2f}x {name}" for name in BASELINES)
        print(f"pipeline --jobs {jobs}: {rate:.1f} articles/s, {ratios}")
        print(f"  {summary}")
        if jobs == 1:
            ratios = ", ".join(f"{cpu_rate / base[name][1]:.2f}x {name}" for name in BASELINES)
            print(f"  per CPU-second (start-up included): {cpu_rate:.1f} articles, {ratios}")
        print(
            f"  peak memory of the process tree: PSS {memory.peak_pss / 1e6:.0f} MB, "
            f"RSS sum {memory.peak_rss / 1e6:.0f} MB; PSS at 10% / 50% / 90% of the run: "
            + " / ".join(f"{memory.at_fraction(f) / 1e6:.0f}" for f in (0.1, 0.5, 0.9))
            + " MB"
        )
    print(f"--jobs 2 speed-up over --jobs 1: {rates[2] / rates[1]:.2f}x")
    print(f"getrusage peak RSS of this benchmark process: {rusage_peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
