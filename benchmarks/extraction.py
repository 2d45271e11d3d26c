"""Body-extraction quality and speed on the article-extraction-benchmark and fundus-recent.

Scores our extractor, `trafilatura.extract` with its defaults and with `fast=True`, in
one run, with the benchmark's metric (4-word shingles of \\w+ tokens, per-page TP/FP/FN
normalised to sum to 1, precision and recall averaged over pages, F1 from the two means),
on each corpus given (default: ../shared/corpus/article-extraction-benchmark, where our
route thresholds were chosen, and ../shared/corpus/fundus-recent, where they were not).
For our extractor it also counts the pages each route took (document.extraction). On a
corpus with pages in several languages, the scores of its English pages (the language of
the true body, as reading/language.py detects it) are printed too.

    python benchmarks/extraction.py [--corpus DIR ...] [--passes 3]
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpus"
DEFAULT_CORPORA = (CORPORA / "article-extraction-benchmark", CORPORA / "fundus-recent")
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
    """(page id, raw gzip bytes, true body) for every page of a corpus with a ground truth."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        raw = (corpus / "html" / f"{page_id}.html.gz").read_bytes()
        pages.append((page_id, raw, item["articleBody"]))
    return pages


def english_pages(pages: list[tuple[str, bytes, str]]) -> set[str]:
    """The ids of the pages whose true body is in English."""
    from annotator.reading.language import article_language

    return {page_id for page_id, _raw, true in pages if article_language(None, true)[0] == "en"}


def timed_bodies(extract: Callable[[bytes], str], pages, passes: int) -> tuple[list[str], float]:
    """The bodies `extract` gives, and its pages/second (best of `passes` timed passes
    after one untimed warm-up pass: imports and lazily built tables are not timed)."""
    bodies = [extract(raw) or "" for _page_id, raw, _true in pages]
    timings = []
    for _ in range(passes):
        started = time.perf_counter()
        for _page_id, raw, _true in pages:
            extract(raw)
        timings.append(time.perf_counter() - started)
    return bodies, len(pages) / min(timings)


def measure(name: str, extract, pages, passes: int, subset: set[str]) -> dict[str, float]:
    """Quality and speed of `extract(raw_bytes) -> body` on `pages`; printed on one line
    (and on a second for the pages in `subset`, when it is a strict subset)."""
    bodies, speed = timed_bodies(extract, pages, passes)
    counts = {
        page_id: page_counts(true, body)
        for (page_id, _raw, true), body in zip(pages, bodies, strict=True)
    }
    empty = sum(not body.strip() for body in bodies)
    result = scores(list(counts.values())) | {"pages_per_second": speed, "empty": empty}
    print(
        f"  {name:<26} F1 {result['f1']:.4f}  P {result['precision']:.4f}"
        f"  R {result['recall']:.4f}  {speed:6.1f} pages/s  empty bodies: {empty}"
    )
    if subset and len(subset) < len(pages):
        english = scores([counts[page_id] for page_id in sorted(subset)])
        result["f1_english"] = english["f1"]
        print(
            f"  {'':<26} F1 {english['f1']:.4f}  P {english['precision']:.4f}"
            f"  R {english['recall']:.4f}  on its {len(subset)} English pages"
        )
    return result


def main() -> int:
    """Print body F1 and speed per corpus for ours, trafilatura defaults and fast=True."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", help="repeatable")
    parser.add_argument("--passes", type=int, default=3, help="timed passes (best is kept)")
    args = parser.parse_args()
    import trafilatura

    from annotator.errors import AnnotatorError
    from annotator.reading.extract import extract_document

    routes: Counter = Counter()

    def ours(raw: bytes) -> str:
        try:
            document = extract_document(raw, "bench")
        except AnnotatorError:
            return ""
        routes[getattr(document, "extraction", None) or "unrecorded"] += 1
        return document.text

    def defaults(raw: bytes) -> str:
        return trafilatura.extract(gzip.decompress(raw)) or ""

    def fast(raw: bytes) -> str:
        return trafilatura.extract(gzip.decompress(raw), fast=True) or ""

    print(f"one core; speed = best of {args.passes} passes after a warm-up pass")
    ok = True
    for corpus in args.corpus or DEFAULT_CORPORA:
        pages = load_corpus(corpus)
        subset = english_pages(pages)
        print(f"{corpus.name}: {len(pages)} pages ({len(subset)} in English)")
        routes.clear()
        result = measure("annotator", ours, pages, args.passes, subset)
        taken = {route: count // (args.passes + 1) for route, count in sorted(routes.items())}
        print(f"  {'':<26} routes: " + ", ".join(f"{r} {n}" for r, n in taken.items()))
        measure("trafilatura.extract", defaults, pages, args.passes, subset)
        measure("trafilatura fast=True", fast, pages, args.passes, subset)
        ok = ok and result["empty"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
