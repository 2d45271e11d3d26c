"""The article's language: declared and checked against the text, else detected."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, SHARED

from annotator.errors import InputError
from annotator.reading.extract import extract_document
from annotator.reading.language import article_language, detect_language, normalise_tag

ENGLISH = (
    "The Metropolitan Police said on Thursday that it had arrested two men in connection with"
    " a fraud worth five million dollars, and that the investigation into the scheme was going on."
)
GERMAN = (
    "Der Stadtrat hat am Mittwoch beschlossen, das Gebäude aus den sechziger Jahren für rund"
    " fünf Millionen Euro zu sanieren. Die Wiedereröffnung ist für den Herbst geplant."
)
JAPANESE = (
    "政府は十七日、新たな著作権保護の方針を発表した。警察当局は国際的な協力を強化するとしている。"
)


@pytest.mark.parametrize(
    ("tag", "primary"),
    [
        ("en-US", "en"),
        ("en_GB", "en"),
        ("kr", "ko"),
        ("jp", "ja"),
        ("eng", "en"),
        ("DE", "de"),
        ("x", None),
        ("", None),
        (None, None),
        ("123", None),
    ],
)
def test_declared_tags_normalised(tag, primary):
    assert normalise_tag(tag) == primary


@pytest.mark.parametrize(
    ("declared", "text", "expected"),
    [
        ("en", ENGLISH, ("en", "declared")),
        ("en-GB", ENGLISH, ("en", "declared")),
        ("de", GERMAN, ("de", "declared")),
        (None, ENGLISH, ("en", "detected")),
        (None, GERMAN, ("de", "detected")),
        (None, JAPANESE, ("ja", "detected")),
        ("en", GERMAN, ("de", "detected")),  # a template's 'en' over German text
        ("de", ENGLISH, ("en", "detected")),
        ("en", JAPANESE, ("ja", "detected")),
        (
            "kr",
            "대통령은 국민 통합을 강조하며 지역 갈등을 넘어서야 한다고 말했다. 정부는 다음 주 새로운 정책을 발표할 예정이다.",
            ("ko", "declared"),
        ),
        (None, "Short.", (None, None)),  # too little text to say
        ("fr", "OK.", ("fr", "declared")),
    ],
)
def test_article_language(declared, text, expected):
    assert article_language(declared, text) == expected


def test_short_english_is_not_taken_for_another_language():
    found = detect_language("Kenya Airways CEO Allan Kilavuka resigns after two years")
    assert found is None or found[0] == "en" or found[1] < 0.9


def test_fixture_pages_in_french_and_german():
    fr = extract_document(
        (FIXTURES / "html" / "fr-2019-11-18-greve-transports.html").read_bytes(), "fr"
    )
    de = extract_document((FIXTURES / "html" / "de-2024-03-14-declared-en.html").read_bytes(), "de")
    assert (fr.language, fr.language_source) == ("fr", "declared")
    assert (de.language, de.language_source) == ("de", "detected")


def test_every_fundus_page_gets_its_language():
    """84 pages from 16 countries; 24 not in English (Japanese, Korean, isiZulu, isiXhosa,
    Swahili, Icelandic…), 6 of which declare 'en' and one 'kr'."""
    labels = json.loads((FIXTURES / "corpus-languages.json").read_text(encoding="utf-8"))
    expected = labels["fundus-recent"]
    folder = SHARED / "corpus" / "fundus-recent" / "html"
    wrong = []
    for page in sorted(folder.glob("*.html.gz")):
        name = page.name.removesuffix(".html.gz")
        try:
            doc = extract_document(page.read_bytes(), name)
        except InputError:  # the one page without an article body (tested elsewhere)
            continue
        if doc.language != expected.get(name, "en"):
            wrong.append((name, doc.language, expected.get(name, "en")))
    assert wrong == []
