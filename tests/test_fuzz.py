"""Fuzzing: any bytes as a page give a valid annotation set or a clean AnnotatorError."""

from __future__ import annotations

import pytest
from conftest import SEED_PAGE
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import annotator
from annotator.validation import validate_data

SEED = SEED_PAGE.read_bytes()
SENTENCES = (
    "The Ministry of Finance said on Thursday it would spend $5 million.",
    '"We will act," said Li Wei, a spokesman for the State Council.',
    "In September 2010, the EPA fined the company 2.3 billion yuan.",
    "Last year the agency doubled its budget to €40m by the end of March 2011.",
)
TAGS = ("p", "div", "article", "span", "b", "script", "table", "td", "h1", "blockquote")


@st.composite
def html_pages(draw) -> bytes:
    """Pages built from tags, news-like sentences, entities and stray markup."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        choice = draw(st.integers(0, 5))
        if choice == 0:
            parts.append(f"<{draw(st.sampled_from(TAGS))}>")
        elif choice == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif choice == 2:
            parts.append(draw(st.sampled_from(SENTENCES)))
        elif choice == 3:
            parts.append(draw(st.text(max_size=30)))
        elif choice == 4:
            parts.append(
                draw(st.sampled_from(("&amp;", "&#0;", "&#x110000;", "<!--", "]]>", "\0")))
            )
        else:
            value = draw(st.text(max_size=12))
            parts.append(f'<meta property="article:published_time" content="{value}">')
    encoding = draw(st.sampled_from(("utf-8", "utf-16", "cp1252", "latin-1")))
    return "".join(parts).encode(encoding, errors="replace")


@st.composite
def damaged_seed(draw) -> bytes:
    """The seed page with a slice of it replaced by random bytes."""
    start = draw(st.integers(0, len(SEED)))
    end = draw(st.integers(start, min(len(SEED), start + 2000)))
    return SEED[:start] + draw(st.binary(max_size=200)) + SEED[end:]


def _check(data: bytes) -> None:
    try:
        annotation_set = annotator.annotate_html(data, "fuzz.html", timestamp=False)
    except annotator.AnnotatorError as exc:
        event(f"clean error: {type(exc).__name__}")
        return
    event("annotated")
    assert validate_data(annotation_set.to_dict()) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=3000), html_pages(), damaged_seed()))
def test_any_bytes_give_a_valid_set_or_a_clean_error(data: bytes) -> None:
    _check(data)


def test_gzip_magic_with_garbage_is_a_clean_error() -> None:
    with pytest.raises(annotator.AnnotatorError):
        annotator.annotate_html(b"\x1f\x8b\x08\x00garbage", "fuzz.html.gz")
