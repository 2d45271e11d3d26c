"""Speed of the `quotes` annotator alone over the benchmark's 181 ground-truth article bodies.

The bodies are annotated one document at a time (as the pipeline does), cycling
through the corpus until `--mb` megabytes of UTF-8 text have been processed, on
one core. Prints MB/s, documents per second and quotations found.

    python benchmarks/bench_quotes.py [--corpus DIR] [--mb 4]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from annotator.annotators.quotes import QuotesAnnotator
from annotator.model import Document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark"


def bodies(corpus: Path) -> list[str]:
    """The non-empty article bodies of the corpus's ground-truth.json, in key order."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    return [truth[key]["articleBody"] for key in sorted(truth) if truth[key].get("articleBody")]


def workload(texts: list[str], megabytes: float) -> list[Document]:
    """Documents cycling through `texts` until they hold `megabytes` MB of UTF-8 text."""
    documents: list[Document] = []
    size, target = 0, megabytes * 1_000_000
    while size < target:
        for text in texts:
            documents.append(Document(id=str(len(documents)), source="bench", text=text))
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return documents


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mb", type=float, default=4.0, help="megabytes of text to annotate")
    args = parser.parse_args()

    documents = workload(bodies(args.corpus), args.mb)
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    annotator = QuotesAnnotator()
    list(annotator.annotate(documents[0], None))  # warm-up: regex compilation, imports

    start = time.perf_counter()
    found = sum(len(list(annotator.annotate(d, None))) for d in documents)
    elapsed = time.perf_counter() - start
    print(
        f"quotes: {size / 1e6:.2f} MB in {len(documents)} documents, {elapsed:.2f} s, "
        f"{size / 1e6 / elapsed:.2f} MB/s, {len(documents) / elapsed:.0f} docs/s, {found} quotes"
    )


if __name__ == "__main__":
    main()
