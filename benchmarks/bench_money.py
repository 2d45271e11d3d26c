"""Speed of the `money` annotator over the benchmark's 181 ground-truth article bodies.

Two figures, on one core: `annotate()` alone (finding amounts) in MB/s, and
`annotate()` plus `link()` (ECB conversions to USD and EUR at one publication
date, after the rates are loaded once) per document. Documents cycle through
the corpus until `--mb` megabytes of UTF-8 text have been processed; the
one-off cost of loading the bundled ECB history is reported separately.

    python benchmarks/bench_money.py [--corpus DIR] [--mb 8] [--published 2019-11-18]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from annotator.annotators.money import MoneyAnnotator
from annotator.model import AnnotationSet, Document
from annotator.pipeline import Context, Options
from annotator.plugins import registry
from annotator.rates import ecb_table

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
            number = len(documents)
            documents.append(Document(str(number), "bench", text, published=published))
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

    documents = workload(bodies(args.corpus), args.published, args.mb)
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    annotator = MoneyAnnotator()
    context = Context(options=Options(), registry=registry())

    start = time.perf_counter()
    ecb_table()
    load_seconds = time.perf_counter() - start
    list(annotator.annotate(documents[0], context))  # warm-up: regex compilation

    start = time.perf_counter()
    found = [list(annotator.annotate(document, context)) for document in documents]
    find_seconds = time.perf_counter() - start

    start = time.perf_counter()
    for document, marks in zip(documents, found, strict=True):
        for annotation in marks:
            annotation.annotator = annotator.name
        annotator.link(AnnotationSet(document=document, annotations=marks), context)
    link_seconds = time.perf_counter() - start

    amounts = sum(len(a) for a in found)
    print(f"{len(documents)} documents, {size / 1e6:.1f} MB, {amounts} amounts")
    print(f"ECB history load (once per process): {load_seconds * 1000:.0f} ms")
    print(f"annotate: {size / 1e6 / find_seconds:.2f} MB/s ({find_seconds:.2f} s)")
    print(
        f"link (conversions USD, EUR): {link_seconds / len(documents) * 1e6:.0f} µs/document"
        f" ({link_seconds:.2f} s)"
    )


if __name__ == "__main__":
    main()
