"""Hostile page inputs through the CLI: stray control characters, damaged gzip, absurd amounts.

Each test builds its input from a real corpus page (or a small hand-written article) and
runs `annotate` on it; see tests/batch/test_faults.py for faults of the output side.
"""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from conftest import CORPUS, read_json
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import annotator

# A New York Times page whose body trafilatura dropped whole for one control character.
NYT_PAGE = (
    CORPUS / "html" / "702d1da63b8e064cb70617620e45c2d116b4912c9bc9d518dcf5ce54bb8057ed.html.gz"
)
STRAY_CHARACTERS = ("\x01", "\x08", "\x0b", "\x0e", "\x1b", "\x1f", "&#1;", "&#x1B;", "&#xFFFE;")


def _paragraph_position(raw: bytes, text: str, which: float = 0.5) -> int | None:
    """A byte offset inside the raw page, 20 characters into a body paragraph that stands
    there as plain element text: the first such from fraction `which` of the body on."""
    paragraphs = [p for p in text.split("\n\n") if len(p) > 60]
    first = int(which * (len(paragraphs) - 1)) if paragraphs else 0
    for paragraph in paragraphs[first:] + paragraphs[:first]:
        start = raw.find(b">" + paragraph[:40].encode("utf-8"))
        if start >= 0:
            return start + 1 + len(paragraph[:20].encode("utf-8"))
    return None


def _insert(raw: bytes, position: int, character: str) -> bytes:
    return raw[:position] + character.encode("ascii") + raw[position:]


@pytest.fixture(scope="module")
def nyt_page() -> tuple[bytes, str]:
    """The NYT page's HTML and its clean body text."""
    raw = gzip.decompress(NYT_PAGE.read_bytes())
    return raw, annotator.annotate_html(raw, "nyt.html", timestamp=False).document.text


def test_one_stray_control_character_keeps_the_article(tmp_path, run_cli, nyt_page):
    raw, clean_text = nyt_page
    position = _paragraph_position(raw, clean_text)
    for number, character in enumerate(STRAY_CHARACTERS):
        (tmp_path / f"page{number}.html").write_bytes(_insert(raw, position, character))
    code, _out, err = run_cli(tmp_path, "-o", tmp_path / "out", "--no-timestamp", "--jobs", "1")
    assert code == 0, err
    assert f"{len(STRAY_CHARACTERS)} ok, 0 failed" in err
    for number in range(len(STRAY_CHARACTERS)):
        result = read_json(tmp_path / "out" / f"page{number}.json")
        text = result["document"]["text"]
        assert text.count("\ufffd") == 1
        assert text.replace("\ufffd", "") == clean_text
        assert result["checks"][0] == {
            "type": "replaced-characters",
            "message": "1 character no text may hold (control characters, U+FFFE, U+FFFF)"
            " replaced by U+FFFD before parsing",
        }


def test_binary_pages_are_still_rejected(tmp_path, run_cli):
    noise = random.Random(7).randbytes(20_000)
    (tmp_path / "noise.html").write_bytes(b"<html><body><p>" + noise + b"</p></body></html>")
    code, _out, err = run_cli(tmp_path / "noise.html", "-o", tmp_path / "out")
    assert code == 1
    assert "noise.html: binary data, not an HTML page" in err


CORPUS_PAGES = sorted((CORPUS / "html").glob("*.html.gz"))[:60]
_CLEAN: dict[Path, tuple[bytes, str] | None] = {}


def _clean(page: Path) -> tuple[bytes, str] | None:
    """The page's HTML and body text, or None when the page gives no article anyway."""
    if page not in _CLEAN:
        raw = gzip.decompress(page.read_bytes())
        try:
            text = annotator.annotate_html(raw, str(page), timestamp=False).document.text
        except annotator.AnnotatorError:
            _CLEAN[page] = None
        else:
            _CLEAN[page] = (raw, text)
    return _CLEAN[page]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(CORPUS_PAGES),
    st.floats(0, 1),
    st.sampled_from(
        [chr(c) for c in (*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20))]
        + ["&#1;", "&#x0b;", "&#31;", "&#xFFFE;", "&#xffff;", "&#0;"]
    ),
)
def test_a_random_control_character_in_a_corpus_page_never_loses_the_article(
    page: Path, where: float, character: str
) -> None:
    clean = _clean(page)
    assume(clean is not None)  # pages that give no article anyway
    raw, text = clean
    position = _paragraph_position(raw, text, where)
    assume(position is not None)  # every paragraph holds markup or entities in the page
    damaged = annotator.annotate_html(_insert(raw, position, character), str(page), timestamp=False)
    assert damaged.document.text.replace("\ufffd", "") == text
    assert damaged.checks[0]["type"] == "replaced-characters"
    assert damaged.checks[0]["message"].startswith("1 character ")
