"""Speed of each annotator alone over the benchmark's 181 ground-truth article bodies.

Each annotator runs through the pipeline on its own (its `annotate`, then its
`link` if it has one: money conversions included), one document at a time, on
one core, cycling through the corpus until `--mb` megabytes of UTF-8 text have
been processed. Every document gets the same publication date, so relative
dates and conversions are resolved. The gazetteer, read lazily from its on-disk cache, is
decoded whole before timing (as a batch's fork server does), so the figures are the
steady state of a long batch. Prints MB/s, documents/s and annotations.

    python benchmarks/bench_annotators.py [dates quotes agencies money] [--mb 4]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from annotator.annotators.agencies.gazetteer import default_gazetteer
from annotator.model import Document
from annotator.pipeline import Options, annotate_document
from annotator.plugins import registry

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
                Document(
                    id=f"bench-{len(documents)}", source="bench", text=text, published=published
                )
            )
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return documents


def measure(name: str, documents: list[Document]) -> dict[str, float]:
    """Annotate every document with annotator `name` alone; return MB/s, docs/s, annotations."""
    reg = registry()
    options = Options(annotators=(name,), timestamp=False)
    annotate_document(documents[0], options, reg)  # warm-up: patterns, gazetteer, rate tables
    default_gazetteer().warm()  # decoded whole, as a batch's fork server does before forking
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    found = 0
    started = time.perf_counter()
    for document in documents:
        found += len(annotate_document(document, options, reg).annotations)
    elapsed = time.perf_counter() - started
    return {
        "mb_per_s": size / 1e6 / elapsed,
        "docs_per_s": len(documents) / elapsed,
        "annotations": found,
    }


def main() -> None:
    """Run the benchmark for the named annotators (default: every registered one)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="annotators to measure (default: all)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mb", type=float, default=4.0, help="megabytes of text per annotator")
    parser.add_argument("--published", default="2019-11-18T12:00:00-05:00")
    args = parser.parse_args()
    documents = workload(bodies(args.corpus), args.published, args.mb)
    print(f"{len(documents)} documents, {args.mb:g} MB of text, one core")
    for name in args.names or sorted(registry().annotators):
        result = measure(name, documents)
        print(
            f"{name:<10} {result['mb_per_s']:6.2f} MB/s  {result['docs_per_s']:8.1f} docs/s"
            f"  {result['annotations']:>7} annotations"
        )


if __name__ == "__main__":
    main()
