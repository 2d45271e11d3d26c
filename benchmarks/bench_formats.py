"""What `-f html` (review pages + index) costs a batch, against `-f json`, back to back.

Runs `annotate FOLDER -o TEMP --no-timestamp --jobs N -f json` and `… -f html` as separate
processes over the 181 pages of article-extraction-benchmark (or --repeat copies of them),
alternating which format goes first in each round (json, html, then html, json…) so the
machine's drift falls on both. Reports each run's wall time and the CPU time of the
process tree (psutil), the median of each, and the ratio html / json per round and overall.
On a shared machine the CPU time is the steadier figure: other people's work stretches
the wall time of whichever run it falls on.
Then, in this process, times what each format does per article once the set exists: the
json export and atomic write a worker does, against the pickle round trip to the main
process, the page rendering, its atomic write and the index the html sink does.

    python benchmarks/bench_formats.py [--rounds 4] [--jobs 1,2] [--repeat 1] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark"
ANNOTATE = Path(sys.executable).with_name("annotate")


def input_folder(corpus: Path, repeat: int, work: Path) -> Path:
    """The corpus pages, `repeat` times each (copies under distinct names)."""
    folder = work / "in"
    folder.mkdir()
    pages = sorted((corpus / "html").glob("*.html*"))
    for copy in range(repeat):
        for page in pages:
            shutil.copy(page, folder / f"{copy:02d}-{page.name}")
    return folder


class TreeCPU:
    """CPU seconds (user + system) of a process and all its descendants, sampled in a thread.

    Workers of a pool are grandchildren that nobody may wait for, so the kernel's
    RUSAGE_CHILDREN misses them; each process's last sample is kept instead (a process
    that exits loses at most one sampling interval of CPU).
    """

    def __init__(self, process: subprocess.Popen, interval: float = 0.05) -> None:
        self.process = process
        self.interval = interval
        self.seen: dict[tuple[int, float], float] = {}

    def sample(self) -> None:
        """Record the CPU time so far of every process in the tree."""
        try:
            root = psutil.Process(self.process.pid)
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            return
        for member in tree:
            try:
                with member.oneshot():
                    times = member.cpu_times()
                    key = (member.pid, member.create_time())
            except psutil.Error:
                continue
            self.seen[key] = times.user + times.system

    def wait(self) -> float:
        """Sample until the process ends; return the tree's CPU seconds."""
        while self.process.poll() is None:
            self.sample()
            time.sleep(self.interval)
        return sum(self.seen.values())


def run(folder: Path, out: Path, format: str, jobs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree) of one `annotate FOLDER -o OUT` run."""
    shutil.rmtree(out, ignore_errors=True)
    command = [str(ANNOTATE), str(folder), "-o", str(out), "-f", format, "--no-timestamp"]
    with tempfile.TemporaryFile("w+") as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, "--jobs", str(jobs)], stdout=subprocess.DEVNULL, stderr=errors
        )
        cpu = TreeCPU(process).wait()
        wall = time.perf_counter() - started
        if process.returncode not in (0, 1):
            errors.seek(0)
            raise SystemExit(f"annotate failed: {errors.read()}")
    return wall, cpu


def batch_rounds(folder: Path, work: Path, jobs: int, rounds: int) -> None:
    """Alternate json and html runs; print each pair and the medians."""
    times: dict[str, list[tuple[float, float]]] = {"json": [], "html": []}
    ratios = []
    for round_number in range(rounds):
        order = ("json", "html") if round_number % 2 == 0 else ("html", "json")
        for format in order:
            times[format].append(run(folder, work / f"out-{format}", format, jobs))
        json_wall, html_wall = times["json"][-1][0], times["html"][-1][0]
        ratios.append(html_wall / json_wall)
        print(
            f"  --jobs {jobs} round {round_number + 1} ({order[0]} first): json {json_wall:.2f} s, "
            f"html {html_wall:.2f} s, html/json {ratios[-1]:.3f}"
        )
    for format in ("json", "html"):
        walls = [wall for wall, _cpu in times[format]]
        cpus = [cpu for _wall, cpu in times[format]]
        print(
            f"  --jobs {jobs} {format}: median wall {statistics.median(walls):.2f} s "
            f"(min {min(walls):.2f}), median CPU {statistics.median(cpus):.2f} s"
        )
    cpu_ratio = statistics.median(c for _w, c in times["html"]) / statistics.median(
        c for _w, c in times["json"]
    )
    print(
        f"  --jobs {jobs}: html/json wall, median of rounds {statistics.median(ratios):.3f} "
        f"(range {min(ratios):.3f}-{max(ratios):.3f}); CPU {cpu_ratio:.3f}"
    )


def _best(passes: int, work: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(passes):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def export_step(corpus: Path, passes: int = 5) -> None:
    """Time, in this process, what each format does per article after annotating it.

    json: the worker exports the set and writes OUT/<name>.json atomically. html: the
    set is pickled to the main process and back (as the pool sends it), the sink renders
    the page and writes it atomically, and the index is written at the end.
    """
    import annotator
    from annotator.batch.inputs import InputItem
    from annotator.batch.outputs import atomic_writer, output_path
    from annotator.exporters.html import HtmlExporter
    from annotator.exporters.json import JsonExporter

    pages = sorted((corpus / "html").glob("*.html*"))
    sets = []
    started = time.perf_counter()
    for page in pages:
        try:
            sets.append(annotator.annotate_html(page.read_bytes(), str(page), timestamp=False))
        except annotator.errors.AnnotatorError:
            continue
    pipeline = (time.perf_counter() - started) / len(sets)
    with tempfile.TemporaryDirectory(prefix="bench-export-") as temporary:
        out = Path(temporary)

        def json_files() -> None:
            for number, annotation_set in enumerate(sets):
                item = InputItem(annotation_set.document.source, f"a{number}")
                with atomic_writer(output_path(out / "json", item, ".json")) as stream:
                    JsonExporter().write([annotation_set], stream, {})

        def html_pages() -> None:
            sink = HtmlExporter().open_batch(out / "html", {})
            for number, annotation_set in enumerate(sets):
                received = pickle.loads(pickle.dumps(annotation_set))
                sink.add(annotation_set.document.source, f"a{number}", received)
            sink.close(None)

        json_time = _best(passes, json_files) / len(sets)
        html_time = _best(passes, html_pages) / len(sets)
    print(
        f"  whole pipeline (read, extract, annotate), first pass: {pipeline * 1000:.1f} ms per article"
    )
    print(
        f"  json: export + atomic write: {json_time * 1000:.2f} ms per article (best of {passes})"
    )
    print(
        f"  html: pickle round trip + page + atomic write, index at close: "
        f"{html_time * 1000:.2f} ms per article (best of {passes})"
    )
    print(
        f"  html - json = {(html_time - json_time) * 1000:.2f} ms per article, "
        f"{(html_time - json_time) / (pipeline + json_time) * 100:.1f} % of a json batch's work"
    )


def main() -> None:
    """Parse options, run the batches, then the export step alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-formats-") as temporary:
        work = Path(temporary)
        folder = input_folder(options.corpus, options.repeat, work)
        count = sum(1 for _ in folder.iterdir())
        print(f"{count} inputs, {options.rounds} rounds per job count")
        for jobs in (int(j) for j in options.jobs.split(",")):
            batch_rounds(folder, work, jobs, options.rounds)
    print("export step alone:")
    export_step(options.corpus)


if __name__ == "__main__":
    main()
