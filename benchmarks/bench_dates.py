"""Speed of the `dates` annotator alone over the benchmark's 181 ground-truth article bodies.

The bodies are annotated one document at a time (as the pipeline does), cycling
through the corpus until `--mb` megabytes of UTF-8 text have been processed, on
one core. Every document gets the same publication date so relative expressions
are resolved (the resolution is part of the cost). Prints MB/s and dates found.

    python benchmarks/bench_dates.py [--corpus DIR] [--mb 8] [--published 2019-11-18]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from annotator.annotators.dates import DatesAnnotator
from annotator.model import Document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark"


def bodies(corpus: Path) -> list[str]:
    """The non-empty article bodies of the corpus's ground-truth.json, in key order."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    return [truth[key]["articleBody"] for key in sorted(truth) if truth[key].get("articleBody")]


def workload(texts: list[str], published: str, megabytes: float) -> list[Document]:
    """Documents cycling through `texts` until they hold `megabytes` MB of UTF-8 text."""
    documents: list[Document] = []
    size, target = 0, megabytes * 1_000_000
    while size < target:
        for text in texts:
            documents.append(
                Document(id=str(len(documents)), source="bench", text=text, published=published)
            )
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return documents


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mb", type=float, default=8.0, help="megabytes of text to annotate")
    parser.add_argument("--published", default="2019-11-18T12:00:00-05:00")
    args = parser.parse_args()

    texts = bodies(args.corpus)
    documents = workload(texts, args.published, args.mb)
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    annotator = DatesAnnotator()
    annotator.annotate(documents[0], None)  # warm-up: regex compilation, imports

    start = time.perf_counter()
    found = sum(len(list(annotator.annotate(document, None))) for document in documents)
    elapsed = time.perf_counter() - start

    print(f"corpus: {len(texts)} bodies; workload: {len(documents)} documents, {size / 1e6:.2f} MB")
    print(f"dates found: {found} ({found / len(documents):.1f} per document)")
    print(f"time: {elapsed:.2f} s  throughput: {size / 1e6 / elapsed:.2f} MB/s (one core)")


if __name__ == "__main__":
    main()
