"""Page reading on pages we were not built on: publication dates, headlines, authors, language.

For the 181 pages of article-extraction-benchmark, the 170 of postlight-parser-fixtures,
the 84 of fundus-recent and the hand-written fixtures/html pages, reads every page as
the pipeline does (reading/extract.py) and reports:

- pages with a publication date, by source (json-ld, meta, time-element, visible, url,
  htmldate), and those without;
- our publication day (the day relative dates and exchange rates use) against the day in
  the page's URL, where it has one, and against htmldate's (find_date, original date,
  run here on every page as a cross-check; the pipeline runs it only when our readers
  find nothing);
- on fundus-recent, against its ground truth (fundus's publisher-specific parsers): title,
  publication day and authors;
- the detected language against fixtures/corpus-languages.json (labelled by hand).

Every disagreement is listed (`--details`). Deterministic: no clock, no network.

    python benchmarks/metadata.py [--details] [--json] [--corpus-root DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_ROOT = ROOT.parent / "shared" / "corpus"
CORPORA = ("article-extraction-benchmark", "postlight-parser-fixtures", "fundus-recent")
LANGUAGES = ROOT / "fixtures" / "corpus-languages.json"
HTMLDATE_LATEST = "2099-12-31"  # htmldate's default latest date is today's: not used here


@dataclass
class Page:
    """What we read on one page, and the references it is compared with."""

    corpus: str
    name: str
    error: str | None = None
    day: str | None = None  # our publication day (model.publication_day)
    source: str | None = None
    url_day: str | None = None
    htmldate_day: str | None = None
    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    language_source: str | None = None
    true_day: str | None = None
    true_title: str | None = None
    true_authors: list[str] = field(default_factory=list)
    true_language: str | None = None


def _pages(corpus_root: Path) -> list[tuple[str, str, Path]]:
    pages = [
        (corpus, path.name.removesuffix(".html.gz"), path)
        for corpus in CORPORA
        for path in sorted((corpus_root / corpus / "html").glob("*.html.gz"))
    ]
    pages += [
        ("fixtures", path.stem, path)
        for path in sorted((ROOT / "fixtures" / "html").glob("*.html"))
    ]
    return pages


def _htmldate_day(data: bytes) -> str | None:
    from htmldate import find_date

    from annotator.reading.encoding import decode_html, gunzip_if_needed

    text, _ = decode_html(gunzip_if_needed(data))
    try:
        return find_date(text, original_date=True, max_date=HTMLDATE_LATEST)
    except Exception:  # htmldate's own failures count as "no date"
        return None


def read_page(corpus: str, name: str, path: Path, truth: dict, languages: dict) -> Page:
    """Read one page as the pipeline does and attach its references."""
    from annotator.errors import AnnotatorError
    from annotator.model import publication_day
    from annotator.reading.extract import extract_document
    from annotator.reading.url_dates import url_date

    data = path.read_bytes()
    page = Page(corpus, name, htmldate_day=_htmldate_day(data))
    expected = truth.get(name, {})
    page.true_day = (expected.get("published") or "")[:10] or None
    page.true_title = expected.get("title")
    page.true_authors = list(expected.get("authors") or [])
    if corpus in languages:
        page.true_language = languages[corpus].get(name, "en")
    try:
        document = extract_document(data, str(path))
    except AnnotatorError as exc:
        page.error = exc.reason if hasattr(exc, "reason") else str(exc)
        return page
    day = publication_day(document.published, document.url)
    url_day = url_date(document.url)
    page.day = day.isoformat() if day else None
    page.url_day = url_day.isoformat() if url_day else None
    page.source = document.published_source
    page.headline = document.headline
    page.authors = document.authors
    page.language = document.language
    page.language_source = document.language_source
    return page


def _same_text(a: str | None, b: str | None) -> bool:
    def key(text: str | None) -> str:
        text = unicodedata.normalize("NFKC", text or "")
        text = re.sub(r"[‘’‚′`]", "'", re.sub(r"[“”„″]", '"', text))
        return " ".join(text.split()).casefold()

    return key(a) == key(b)


def _same_authors(ours: list[str], true: list[str]) -> bool:
    return sorted(map(str.casefold, ours)) == sorted(map(str.casefold, true))


def summarise(pages: list[Page]) -> dict:
    """Counts and disagreements per corpus."""
    report: dict = {}
    for corpus in (*CORPORA, "fixtures"):
        mine = [p for p in pages if p.corpus == corpus]
        read = [p for p in mine if p.error is None]
        dated = [p for p in read if p.day]
        with_url = [p for p in read if p.url_day]
        both = [p for p in read if p.day and p.htmldate_day]
        entry = {
            "pages": len(mine),
            "read": len(read),
            "errors": {p.name: p.error for p in mine if p.error},
            "dated": len(dated),
            "by_source": dict(Counter(p.source for p in dated).most_common()),
            "undated": [p.name for p in read if not p.day],
            "url_day": {
                "pages": len(with_url),
                "agree": sum(p.day == p.url_day for p in with_url),
                "disagree": [
                    (p.name, p.day, p.url_day, p.source) for p in with_url if p.day != p.url_day
                ],
            },
            "htmldate": {
                "dated": sum(bool(p.htmldate_day) for p in read),
                "both": len(both),
                "agree": sum(p.day == p.htmldate_day for p in both),
                "disagree": [
                    (p.name, p.day, p.htmldate_day, p.source, p.url_day)
                    for p in both
                    if p.day != p.htmldate_day
                ],
                "only_htmldate": [p.name for p in read if p.htmldate_day and not p.day],
            },
        }
        truth = [p for p in read if p.true_day or p.true_title]
        if truth:
            entry["ground_truth"] = {
                "pages": len(truth),
                "day": _agreement(truth, lambda p: p.day, lambda p: p.true_day),
                "title": _agreement(
                    truth, lambda p: p.headline, lambda p: p.true_title, _same_text
                ),
                "authors": _agreement(
                    [p for p in truth if p.true_authors],
                    lambda p: p.authors,
                    lambda p: p.true_authors,
                    _same_authors,
                ),
            }
        labelled = [p for p in read if p.true_language]
        if labelled:
            entry["language"] = _agreement(
                labelled, lambda p: p.language, lambda p: p.true_language
            )
            entry["language"]["by_source"] = dict(Counter(p.language_source for p in labelled))
        report[corpus] = entry
    return report


def _agreement(pages, ours, true, same=lambda a, b: a == b) -> dict:
    found = [p for p in pages if ours(p)]
    return {
        "pages": len(pages),
        "found": len(found),
        "agree": sum(bool(same(ours(p), true(p))) for p in found),
        "disagree": [(p.name, ours(p), true(p)) for p in pages if not same(ours(p), true(p))],
    }


def print_report(report: dict, details: bool) -> None:
    """The report as text: one block per corpus, disagreements with --details."""
    for corpus, entry in report.items():
        print(f"== {corpus}: {entry['pages']} pages, {entry['read']} read")
        by_source = ", ".join(f"{k} {v}" for k, v in entry["by_source"].items())
        print(f"  publication date: {entry['dated']} ({by_source}); none: {len(entry['undated'])}")
        url = entry["url_day"]
        print(f"  URL day: {url['pages']} pages have one, ours agrees on {url['agree']}")
        html = entry["htmldate"]
        print(
            f"  htmldate: dates {html['dated']}; both {html['both']}, agree {html['agree']};"
            f" only htmldate {len(html['only_htmldate'])}"
        )
        if "ground_truth" in entry:
            for key, value in entry["ground_truth"].items():
                if isinstance(value, dict):
                    print(
                        f"  ground truth {key}: {value['found']}/{value['pages']} found,"
                        f" {value['agree']} agree"
                    )
        if "language" in entry:
            lang = entry["language"]
            print(f"  language: {lang['agree']}/{lang['pages']} right ({lang['by_source']})")
        if not details:
            continue
        for name, error in entry["errors"].items():
            print(f"    error      {name}: {error}")
        for name in entry["undated"]:
            print(f"    no date    {name}")
        for row in url["disagree"]:
            print(f"    url        {row[0]}: ours {row[1]} ({row[3]}), URL {row[2]}")
        for row in html["disagree"]:
            print(
                f"    htmldate   {row[0]}: ours {row[1]} ({row[3]}), htmldate {row[2]}, URL {row[4]}"
            )
        for name in html["only_htmldate"]:
            print(f"    only htmldate {name}")
        for key, value in entry.get("ground_truth", {}).items():
            if isinstance(value, dict):
                for row in value["disagree"]:
                    print(f"    truth {key:<7} {row[0]}: ours {row[1]!r}, true {row[2]!r}")
        for row in entry.get("language", {}).get("disagree", []):
            print(f"    language   {row[0]}: ours {row[1]}, true {row[2]}")


def main() -> int:
    """Read every page, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-root", type=Path, default=DEFAULT_CORPUS_ROOT)
    parser.add_argument("--details", action="store_true", help="List every disagreement.")
    parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
    args = parser.parse_args()
    truth = json.loads(
        (args.corpus_root / "fundus-recent" / "ground-truth.json").read_text(encoding="utf-8")
    )
    languages = json.loads(LANGUAGES.read_text(encoding="utf-8"))
    pages = [
        read_page(corpus, name, path, truth if corpus == "fundus-recent" else {}, languages)
        for corpus, name, path in _pages(args.corpus_root)
    ]
    report = summarise(pages)
    if args.json:
        print(json.dumps({"report": report, "pages": [asdict(p) for p in pages]}, indent=1))
    else:
        print_report(report, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
