"""Speed of the `agencies` annotator alone over the benchmark's 181 ground-truth bodies.

Builds the gazetteer once (timed separately), then annotates every body `--repeat` times
and prints the throughput in MB/s of UTF-8 text, with the number of mentions found.

    python benchmarks/bench_agencies.py [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from annotator.annotators.agencies import AgenciesAnnotator
from annotator.annotators.gazetteer import default_gazetteer
from annotator.model import Document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark"


def bodies(corpus: Path) -> list[str]:
    """The article bodies of the corpus's ground-truth.json, in key order."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    return [truth[key].get("articleBody") or "" for key in sorted(truth)]


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    texts = bodies(args.corpus)
    documents = [Document(id=str(i), source=str(i), text=t) for i, t in enumerate(texts)]
    size = sum(len(t.encode("utf-8")) for t in texts)

    began = time.perf_counter()
    gazetteer = default_gazetteer()
    build = time.perf_counter() - began
    annotator = AgenciesAnnotator(gazetteer)

    found = 0
    best = float("inf")
    for _ in range(args.repeat):
        began = time.perf_counter()
        found = sum(len(annotator.annotate(d, None)) for d in documents)
        best = min(best, time.perf_counter() - began)

    print(f"gazetteer: {len(gazetteer.entries)} entries, built in {build:.3f} s")
    print(f"bodies: {len(texts)}, {size / 1e6:.3f} MB, {found} agency mentions")
    print(f"best of {args.repeat}: {best:.3f} s = {size / 1e6 / best:.2f} MB/s")


if __name__ == "__main__":
    main()
