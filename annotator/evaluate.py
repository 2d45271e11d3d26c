"""Scoring against gold sets, exactly as ANNOTATION_SPEC.md section 3 says.

A prediction matches a gold annotation of the same type, each used once:
date — equal value and overlapping texts; money — equal amount (or range) and currency;
agency — texts contain one another (≥ 60 % length) after normalising, or equal name;
quote — same speaker (the gold's last name inside the predicted one is enough) and
texts ≥ 80 % alike without punctuation and case. The pairing is a maximum matching.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from .errors import AnnotatorError, InputError

TYPES = ("date", "quote", "agency", "money")
_WORD = re.compile(r"\w+")


def _fold(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def _strip_punctuation(text: str | None) -> str:
    kept = "".join(ch for ch in _fold(text) if not unicodedata.category(ch).startswith("P"))
    return " ".join(kept.split())


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


def texts_overlap(a: str, b: str) -> bool:
    """True when one text contains the other or they share a word (case-folded)."""
    a, b = _fold(a), _fold(b)
    return a in b or b in a or bool(set(_WORD.findall(a)) & set(_WORD.findall(b)))


def date_mismatch(gold: dict, pred: dict) -> str | None:
    """Why a predicted date does not match a gold one (None when it does)."""
    if gold.get("value") != pred.get("value"):
        return f"value {pred.get('value')!r} != gold {gold.get('value')!r}"
    if not texts_overlap(gold.get("text", ""), pred.get("text", "")):
        return "texts do not overlap"
    return None


def money_mismatch(gold: dict, pred: dict) -> str | None:
    """Why a predicted money amount does not match a gold one (None when it does)."""
    if (gold.get("currency") or "").upper() != (pred.get("currency") or "").upper():
        return f"currency {pred.get('currency')!r} != gold {gold.get('currency')!r}"
    keys = ("amount",) if gold.get("amount") is not None else ("amount_min", "amount_max")
    for key in keys:
        expected, got = _decimal(gold.get(key)), _decimal(pred.get(key))
        if expected is None or got is None or expected != got:
            return f"{key} {pred.get(key)!r} != gold {gold.get(key)!r}"
    return None


def normalise_agency_text(text: str) -> str:
    """Case-fold, drop punctuation and a leading 'the' (the agency rule's normal form)."""
    text = _strip_punctuation(text)
    return text[4:] if text.startswith("the ") else text


def agency_mismatch(gold: dict, pred: dict) -> str | None:
    """Why a predicted agency does not match a gold one (None when it does)."""
    if gold.get("name") and _fold(gold.get("name")) == _fold(pred.get("name")):
        return None
    a, b = normalise_agency_text(gold.get("text", "")), normalise_agency_text(pred.get("text", ""))
    shorter, longer = sorted((a, b), key=len)
    if shorter and shorter in longer and len(shorter) >= 0.6 * len(longer):
        return None
    return f"name {pred.get('name')!r} != gold {gold.get('name')!r} and texts differ"


def speaker_matches(gold_speaker: str | None, predicted: str | None) -> bool:
    """Same speaker after case-folding, or the gold's last name inside the predicted speaker."""
    gold, pred = _strip_punctuation(gold_speaker), _strip_punctuation(predicted)
    if not gold or not pred:
        return False
    if gold == pred:
        return True
    last = gold.split()[-1]
    return last in pred.split()


def text_similarity(a: str, b: str) -> float:
    """Similarity of two texts (0..1) after removing punctuation and case."""
    return SequenceMatcher(
        None, _strip_punctuation(a), _strip_punctuation(b), autojunk=False
    ).ratio()


def quote_mismatch(gold: dict, pred: dict) -> str | None:
    """Why a predicted quote does not match a gold one (None when it does)."""
    similarity = text_similarity(gold.get("text", ""), pred.get("text", ""))
    if similarity < 0.8:
        return f"texts {similarity:.0%} alike (< 80%)"
    if not speaker_matches(gold.get("speaker"), pred.get("speaker")):
        return f"speaker {pred.get('speaker')!r} != gold {gold.get('speaker')!r}"
    return None


MISMATCH: dict[str, Callable[[dict, dict], str | None]] = {
    "date": date_mismatch,
    "money": money_mismatch,
    "agency": agency_mismatch,
    "quote": quote_mismatch,
}


def match(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of gold and predicted annotations; returns index pairs."""
    edges = [
        [j for j, p in enumerate(predicted) if p.get("type") == g.get("type") and _matches(g, p)]
        for g in gold
    ]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _matches(gold: dict, pred: dict) -> bool:
    check = MISMATCH.get(gold.get("type", ""))
    if check is None:
        return _fold(gold.get("text")) == _fold(pred.get("text"))
    return check(gold, pred) is None


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted and nothing expected."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """Counts and scores (rounded to 4 places) as a plain dict."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    """Per-type and overall (micro) counts, plus every miss and false alarm."""

    by_type: dict[str, Counts] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    pages: int = 0

    @property
    def overall(self) -> Counts:
        """Micro-averaged counts over every type."""
        total = Counts()
        for counts in self.by_type.values():
            total.tp += counts.tp
            total.fp += counts.fp
            total.fn += counts.fn
        return total

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """JSON form: pages, per-type and overall scores, and optionally the details."""
        data: dict[str, Any] = {
            "pages": self.pages,
            "types": {t: c.to_dict() for t, c in sorted(self.by_type.items())},
            "overall": self.overall.to_dict(),
        }
        if details:
            data["misses"] = self.misses
            data["false_alarms"] = self.false_alarms
        return data


def _explain(page: str, item: dict, others: list[dict], item_is_gold: bool) -> dict:
    """A miss or false alarm with the reason the nearest overlapping candidate failed."""
    compare = MISMATCH.get(item["type"], lambda gold, pred: "no match")
    reasons = [
        compare(item, other) if item_is_gold else compare(other, item)
        for other in others
        if other.get("type") == item["type"]
        and texts_overlap(item.get("text", ""), other.get("text", ""))
    ]
    reason = next((r for r in reasons if r), "no overlapping annotation of this type")
    keys = ("value", "speaker", "name", "amount", "amount_min", "amount_max", "currency")
    fields = {k: item[k] for k in keys if item.get(k) is not None}
    return {
        "page": page,
        "type": item["type"],
        "text": item.get("text", ""),
        **fields,
        "why": reason,
    }


def score_page(
    report: Report, page: str, gold: list[dict], predicted: list[dict], types: Iterable[str] = TYPES
) -> None:
    """Add one page's matches, misses and false alarms to `report`."""
    wanted = set(types)
    gold = [g for g in gold if g.get("type") in wanted]
    predicted = [p for p in predicted if p.get("type") in wanted]
    pairs = match(gold, predicted)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    report.pages += 1
    for kind in wanted:
        report.by_type.setdefault(kind, Counts())
    for i in matched_gold:
        report.by_type[gold[i]["type"]].tp += 1
    unmatched_gold = [g for i, g in enumerate(gold) if i not in matched_gold]
    unmatched_pred = [p for j, p in enumerate(predicted) if j not in matched_pred]
    for item in unmatched_gold:
        report.by_type[item["type"]].fn += 1
        report.misses.append(_explain(page, item, unmatched_pred, item_is_gold=True))
    for item in unmatched_pred:
        report.by_type[item["type"]].fp += 1
        report.false_alarms.append(_explain(page, item, unmatched_gold, item_is_gold=False))


def gold_files(gold_dir: Path) -> list[Path]:
    """Every NAME.gold.json in `gold_dir`, sorted; InputError when there is none."""
    files = sorted(Path(gold_dir).glob("*.gold.json"))
    if not files:
        raise InputError("no *.gold.json files", str(gold_dir))
    return files


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read JSON: {exc}", str(path)) from exc


def predictions_for(
    gold_path: Path, gold: dict, pred_dir: Path | None, corpus_dir: Path, annotate
) -> list[dict]:
    """The predicted annotations for one gold page: read from `pred_dir`, or annotate the page."""
    name = gold_path.name.removesuffix(".gold.json")
    if pred_dir is not None:
        return _read_json(Path(pred_dir) / f"{name}.json").get("annotations", [])
    page = corpus_dir / gold["source"]
    try:
        data = page.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read page {page}: {exc.strerror}", str(gold_path)) from exc
    return [a.to_dict() for a in annotate(data, str(page)).annotations]


def evaluate(
    gold_dir: Path,
    pred_dir: Path | None = None,
    corpus_dir: Path | None = None,
    annotate=None,
    types: Iterable[str] = TYPES,
) -> Report:
    """Score predictions (annotated now, or read from `pred_dir`) against every gold file.

    `corpus_dir` defaults to `gold_dir/../corpus`; `annotate(bytes, source)` returns an
    AnnotationSet and defaults to the full pipeline.
    """
    gold_dir = Path(gold_dir)
    corpus_dir = Path(corpus_dir) if corpus_dir else gold_dir.parent / "corpus"
    if annotate is None:
        from .pipeline import Options, annotate_bytes

        def annotate(data: bytes, source: str):
            return annotate_bytes(data, source, Options(timestamp=False))

    report = Report()
    types = tuple(types)
    for path in gold_files(gold_dir):
        gold = _read_json(path)
        try:
            predicted = predictions_for(path, gold, pred_dir, corpus_dir, annotate)
        except AnnotatorError as exc:
            raise exc.with_source(str(path)) from None
        score_page(
            report,
            path.name.removesuffix(".gold.json"),
            gold.get("annotations", []),
            predicted,
            types,
        )
    return report
