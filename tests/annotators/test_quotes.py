"""Tests for the `quotes` annotator: quote marks, attribution, speakers, the seed and the gold set."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from annotator import annotate_html
from annotator.annotators.quotes import QuotesAnnotator, annotate_text
from annotator.annotators.quotes.marks import find_quotes, primary_style
from annotator.annotators.quotes.speakers import NameIndex, split_title
from annotator.evaluate import Report, score_page
from annotator.model import Document
from annotator.plugins import registry
from annotator.reading.extract import extract_document

ROOT = Path(__file__).parents[2]
SHARED = ROOT / ".." / "shared"
SEED = ROOT / "fixtures" / "html" / "chinadaily-2010-12-17-copyright-crackdown.html"
PASSAGES = json.loads(
    (Path(__file__).parents[1] / "data" / "quote_passages.json").read_text("utf-8")
)


def _quotes(text: str) -> list[tuple[str, str, str]]:
    return [(a.text, a.fields["speaker"], a.fields["kind"]) for a in annotate_text(text)]


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_passage(passage: dict) -> None:
    found = _quotes(passage["text"])
    expected = passage["quotes"]
    assert [(t, s) for t, s, _k in found] == [(e[0], e[1]) for e in expected]
    for (_t, _s, kind), wanted in zip(found, expected, strict=True):
        if len(wanted) > 2:
            assert kind == wanted[2]


def test_passage_table_is_broad() -> None:
    traps = [p for p in PASSAGES if not p["quotes"]]
    assert len(PASSAGES) >= 80 and len(traps) >= 15


def test_offsets_and_fields_are_exact() -> None:
    for passage in PASSAGES:
        for annotation in annotate_text(passage["text"]):
            assert passage["text"][annotation.start : annotation.end] == annotation.text
            assert annotation.type == "quote"
            assert annotation.fields["kind"] in ("direct", "partial")
            assert annotation.fields["speaker_mention"] and annotation.fields["cue"]
            assert 0 < annotation.confidence <= 1


def test_seed_article_has_the_six_quotations() -> None:
    document = extract_document(SEED.read_bytes(), str(SEED))
    found = list(QuotesAnnotator().annotate(document, None))
    speakers = [a.fields["speaker"] for a in found]
    assert speakers.count("Meng Qingfeng") == 4 and speakers.count("Gu Jian") == 2
    assert len(found) == 6
    partial = [a for a in found if a.fields["kind"] == "partial"]
    assert [a.text for a in partial] == [
        "isolated investigation and enforcement in the age of globalization won't work"
    ]
    assert partial[0].fields["speaker"] == "Meng Qingfeng"
    assert all("Made in China" != a.text for a in found)
    gu = [a for a in found if a.fields["speaker"] == "Gu Jian"]
    assert gu[0].fields["speaker_role"] == (
        "deputy director of the network security bureau of the ministry"
    )


def test_seed_end_to_end_through_the_pipeline() -> None:
    result = annotate_html(SEED.read_bytes(), str(SEED), timestamp=False)
    quotes = [a for a in result.annotations if a.type == "quote"]
    assert len(quotes) == 6
    assert {a.annotator for a in quotes} == {"quotes"}
    assert "quotes" in registry().annotators


def _gold_pages() -> list[tuple[str, dict]]:
    pages = []
    for path in sorted((SHARED / "gold").glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        pages.append((path.name, gold))
    return pages


def test_gold_quotes_f1_at_least_085() -> None:
    report = Report()
    for name, gold in _gold_pages():
        page = SHARED / "corpus" / gold["source"]
        data = gzip.decompress(page.read_bytes()) if page.suffix == ".gz" else page.read_bytes()
        document = extract_document(data, gold["source"])
        predicted = [a.to_dict() for a in annotate_text(document.text)]
        score_page(report, name, gold["annotations"], predicted, types=("quote",))
    counts = report.by_type["quote"]
    assert counts.tp + counts.fn >= 40
    assert counts.f1 >= 0.85, report.to_dict(details=True)


def test_primary_style_detects_british_single_quotes() -> None:
    assert primary_style("'Yes,' she said. 'No,' he said. \u201cMaybe\u201d") == "single"
    assert primary_style("\u201cYes,\u201d she said, about the 'deal'.") == "double"


def test_apostrophes_never_open_or_close() -> None:
    text = "\u2018It\u2019s the \u201990s\u2019 sound and James\u2019 band,\u2019 said Ian Reid."
    spans = find_quotes(text)
    assert [text[s.start : s.end] for s in spans] == [
        "It\u2019s the \u201990s\u2019 sound and James\u2019 band,"
    ]


def test_unclosed_quote_is_ignored() -> None:
    assert find_quotes("He said \u201cstop.\n\nNothing more.") == []


def test_multi_paragraph_quote_is_one_span() -> None:
    text = "\u201cOne.\n\n\u201cTwo.\n\n\u201cThree,\u201d she said."
    spans = find_quotes(text)
    assert len(spans) == 1 and text[spans[0].start : spans[0].end].endswith("Three,")


def test_titles_become_roles() -> None:
    assert split_title("South Dakota Gov. Kristi Noem") == ("Kristi Noem", "South Dakota Gov.")
    assert split_title("President Trump") == ("Trump", "President")
    assert split_title("Mr. Trump") == ("Trump", None)
    assert split_title("Electoral Commission") == ("Electoral Commission", None)


def test_names_resolve_to_fullest_mention() -> None:
    names = NameIndex("Meng Qingfeng spoke. Later Meng said so. Foreign Secretary Dominic Raab.")
    assert names.resolve("Meng")[0] == "Meng Qingfeng"
    assert names.resolve("Raab") == ("Dominic Raab", "Foreign Secretary")
    assert names.resolve("the Associated Press")[0] == "Associated Press"


def test_annotator_uses_document_text_only() -> None:
    document = Document(id="x", source="x", text="\u201cFine,\u201d said Ana Ruiz.")
    found = list(QuotesAnnotator().annotate(document, None))
    assert [(a.text, a.fields["speaker"], a.fields["cue"]) for a in found] == [
        ("Fine,", "Ana Ruiz", "said")
    ]


def test_a_clause_read_as_a_subject_is_never_what_they_means():
    """Regression (blind23): "They chanted" resolved to a whole clause recorded as a subject,
    "Zelensky is gathering military commanders this weekend …"."""
    from annotator.annotators.quotes.speakers import Antecedents

    antecedents = Antecedents()
    antecedents.add(0, "Financial Times")
    antecedents.add(50, "Zelensky is gathering military commanders this weekend")
    assert antecedents.resolve("they", 100) == "Financial Times"
