"""Body-extraction quality and speed on ../shared/corpus/article-extraction-benchmark.

Scores our extractor and plain `trafilatura.extract` with the benchmark's metric
(4-word shingles of \\w+ tokens, per-page TP/FP/FN normalised to sum to 1,
precision and recall averaged over pages, F1 from the two means).

    python benchmarks/extraction.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark"
TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter:
    """Count the `size`-token shingles of `text` (a text shorter than `size` is one shingle)."""
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))


def page_counts(true: str, predicted: str) -> tuple[float, float, float]:
    """True positives, false positives, false negatives of shingles, normalised to sum 1."""
    gold, pred = shingles(true), shingles(predicted)
    gold.pop((), None)
    pred.pop((), None)
    tp = sum((gold & pred).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision and recall over pages, and F1 of the two means."""

    def ratio(hit: float, miss: float, other: float) -> float:
        if miss == other == 0:
            return 1.0
        return hit / (hit + miss) if hit + miss else 0.0

    precision = statistics.mean(ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall),
    }


def load_corpus(corpus: Path) -> list[tuple[str, bytes, str]]:
    """(page id, raw gzip bytes, true body) for every page of the benchmark."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        raw = (corpus / "html" / f"{page_id}.html.gz").read_bytes()
        pages.append((page_id, raw, item["articleBody"]))
    return pages


def measure(name: str, extract, pages, passes: int = 3) -> dict[str, float]:
    """Run `extract(raw_bytes) -> body` over the pages; return quality and pages/second.

    One untimed warm-up pass (imports, lazily built tables) comes first; the speed is
    the best of `passes` timed passes, since this machine's other load adds noise.
    """
    bodies = [extract(raw) or "" for _page_id, raw, _true in pages]
    timings = []
    for _ in range(passes):
        started = time.perf_counter()
        for _page_id, raw, _true in pages:
            extract(raw)
        timings.append(time.perf_counter() - started)
    counts = [
        page_counts(true, body) for (_page_id, _raw, true), body in zip(pages, bodies, strict=True)
    ]
    empty = sum(not body.strip() for body in bodies)
    result = scores(counts) | {"pages_per_second": len(pages) / min(timings), "empty": empty}
    print(
        f"{name:<22} F1 {result['f1']:.4f}  P {result['precision']:.4f}  R {result['recall']:.4f}"
        f"  {result['pages_per_second']:6.1f} pages/s  empty bodies: {empty}"
    )
    return result


def main() -> int:
    """Print body F1 and speed for annotator's extractor and for plain trafilatura."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    import trafilatura

    from annotator.errors import AnnotatorError
    from annotator.reading.extract import extract_document

    def ours(raw: bytes) -> str:
        try:
            return extract_document(raw, "bench").text
        except AnnotatorError:
            return ""

    def plain(raw: bytes) -> str:
        return trafilatura.extract(gzip.decompress(raw)) or ""

    pages = load_corpus(args.corpus)
    print(f"{len(pages)} pages, one core, speed = best of 3 passes after a warm-up pass")
    results = {"annotator": measure("annotator", ours, pages)}
    results["trafilatura.extract"] = measure("trafilatura.extract", plain, pages)
    return 0 if results["annotator"]["f1"] >= 0.95 and results["annotator"]["empty"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
