"""`annotate` over every page of postlight-parser-fixtures (170 pages, 2016–2019, ~150 sites)
and fundus-recent (84 pages, 16 countries, 2023–2026): each page gives a valid set or a
clean one-line error, never a traceback; pages in other languages get their language and
no English-only rule fires on them."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, SHARED

from annotator.languages import INDEPENDENT

CORPORA = ("postlight-parser-fixtures", "fundus-recent")
# Pages with no article in their HTML: a video page, subreddit pages, a page whose text is
# a picture, and a Korean page whose body is in a script's JSON. Counted in the README.
NO_ARTICLE = {
    "phpspot.org",
    "www.reddit.com--external-image",
    "www.youtube.com",
    "kr-HankookIlbo_2026_01_29",
}
ENGLISH_ONLY_TYPES = ("quote", "agency")


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    """Every page of both corpora through the CLI, validated, into one folder per corpus."""
    from annotator.cli import main

    results = {}
    for corpus in CORPORA:
        out = tmp_path_factory.mktemp(corpus)
        pages = SHARED / "corpus" / corpus / "html"
        try:
            main([str(pages), "-o", str(out), "--no-timestamp", "--validate", "--jobs", "2"])
            code = 0
        except SystemExit as exc:
            code = exc.code
        results[corpus] = (code, out, sorted(pages.glob("*.html.gz")))
    return results


def _failures(out):
    path = out / "failures.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [json.loads(line) for line in lines]


def _name(source: str) -> str:
    return source.rsplit("/", 1)[-1].removesuffix(".html.gz")


def test_every_page_gives_a_valid_set_or_a_clean_error(corpus_run, capsys):
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    for corpus, (code, out, pages) in corpus_run.items():
        failures = _failures(out)
        written = sorted(p.stem for p in out.glob("*.json"))
        assert len(written) + len(failures) == len(pages), corpus
        assert code == (1 if failures else 0)
        for failure in failures:
            assert failure["error"] == "InputError", failure
            assert "\n" not in failure["message"]
            assert _name(failure["source"]) in NO_ARTICLE, failure
        for path in out.glob("*.json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            assert data["document"]["text"].strip(), path.name  # --validate checked the rest


def test_pages_in_other_languages_get_their_language_and_no_english_rule(corpus_run):
    labels = json.loads((FIXTURES / "corpus-languages.json").read_text(encoding="utf-8"))
    seen = set()
    for corpus, (_code, out, _pages) in corpus_run.items():
        for path in sorted(out.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            expected = labels[corpus].get(path.stem, "en")
            assert data["document"]["language"] == expected, path.name
            if expected == "en":
                continue
            seen.add(expected)
            for annotation in data["annotations"]:
                kind = annotation["type"]
                assert kind not in ENGLISH_ONLY_TYPES, (path.name, annotation["text"])
                assert INDEPENDENT[kind][0](_annotation(annotation)), (path.name, annotation)
            checked = {c["annotator"] for c in data.get("checks", [])}
            assert {"quotes", "agencies", "dates", "money"} <= checked, path.name
    assert {"ja", "ko", "de", "fr", "zu", "xh", "sw", "is", "id", "vi", "ar", "hi"} <= seen


def _annotation(data: dict):
    from annotator.model import Annotation

    return Annotation.from_dict(data)
