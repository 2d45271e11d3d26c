"""Hostile page inputs through the CLI: stray control characters, damaged gzip, absurd amounts.

Each test builds its input from a real corpus page (or a small hand-written article) and
runs `annotate` on it; see tests/batch/test_faults.py for faults of the output side.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import random
from pathlib import Path

import pytest
from conftest import CORPUS, read_json, read_json_lines
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import annotator
from annotator.reading.encoding import gunzip_if_needed

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


def _members(data: bytes, cuts: list[int]) -> bytes:
    """`data` gzipped as one member per piece between the cut points (as `cat a.gz b.gz`)."""
    bounds = [0, *sorted(cuts), len(data)]
    return b"".join(gzip.compress(data[a:b], mtime=0) for a, b in itertools.pairwise(bounds))


def test_a_multi_member_gzip_page_is_read_to_its_end(tmp_path, run_cli, nyt_page):
    raw, clean_text = nyt_page
    # The second member starts inside the body: reading one member loses its second half.
    middle = _paragraph_position(raw, clean_text, 0.5)
    (tmp_path / "members.html.gz").write_bytes(_members(raw, [middle]))
    (tmp_path / "single.html.gz").write_bytes(gzip.compress(raw, mtime=0))
    code, _out, err = run_cli(tmp_path, "-o", tmp_path / "out", "--no-timestamp", "--jobs", "1")
    assert code == 0, err
    members = read_json(tmp_path / "out" / "members.json")
    single = read_json(tmp_path / "out" / "single.json")
    assert members["document"]["text"] == single["document"]["text"] == clean_text
    assert members["annotations"] == single["annotations"]


def test_a_truncated_gzip_page_is_an_error_naming_the_file(tmp_path, run_cli, nyt_page):
    raw, _text = nyt_page
    whole = gzip.compress(raw, mtime=0)
    half = whole[: len(whole) // 2]
    (tmp_path / "half.html.gz").write_bytes(half)
    (tmp_path / "ok.html.gz").write_bytes(whole)
    code, _out, err = run_cli(tmp_path, "-o", tmp_path / "out", "--jobs", "1")
    assert code == 1
    message = f"truncated gzip data after {len(half)} bytes"
    assert f"annotate: {tmp_path / 'half.html.gz'}: {message}\n" in err
    assert "1 ok, 1 failed" in err
    assert read_json_lines(tmp_path / "out" / "failures.jsonl") == [
        {
            "source": str(tmp_path / "half.html.gz"),
            "error": "InputError",
            "message": message,
        }
    ]
    assert not (tmp_path / "out" / "half.json").exists()


def test_data_after_the_last_gzip_member_is_an_error(tmp_path, run_cli, nyt_page):
    raw, _text = nyt_page
    (tmp_path / "tail.html.gz").write_bytes(gzip.compress(raw) + b"\0\0\0garbage")
    (tmp_path / "padded.html.gz").write_bytes(gzip.compress(raw) + b"\0" * 512)
    code, _out, err = run_cli(tmp_path, "-o", tmp_path / "out", "--jobs", "1")
    assert code == 1
    assert "tail.html.gz: 7 bytes of data that is not gzip after the gzip stream" in err
    assert (tmp_path / "out" / "padded.json").exists()  # zero padding is allowed, as gzip(1)


GZIP_PAGES = sorted((CORPUS / "html").glob("*.html.gz"))[:40]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(GZIP_PAGES), st.lists(st.floats(0, 1), min_size=1, max_size=4))
def test_a_corpus_page_split_into_gzip_members_inflates_whole(page: Path, fractions) -> None:
    raw = gzip.decompress(page.read_bytes())
    data = _members(raw, [int(f * len(raw)) for f in fractions])
    assert gunzip_if_needed(data) == raw


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(GZIP_PAGES), st.floats(0, 1))
def test_a_corpus_gzip_page_cut_anywhere_is_a_truncation_error(page: Path, where: float) -> None:
    data = page.read_bytes()
    cut = 2 + int(where * (len(data) - 3))  # keeps the magic bytes, loses at least one byte
    with pytest.raises(annotator.AnnotatorError, match=f"truncated gzip data after {cut} bytes"):
        annotator.annotate_html(data[:cut], str(page), timestamp=False)


def _warc(path: Path, records: list[tuple[str, bytes, list[tuple[str, str]] | None]]) -> None:
    """A WARC of response records (uri, block or payload, HTTP headers or None for a block
    that is the page itself, typed text/html)."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, body, headers in records:
            if headers is None:
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), warc_content_type="text/html"
                )
            else:
                http = StatusAndHeaders("200 OK", headers, "HTTP/1.1")
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=http
                )
            writer.write_record(record)


def test_warc_payloads_in_several_gzip_members_or_truncated(tmp_path, run_cli, nyt_page):
    raw, clean_text = nyt_page
    encoded = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    middle = _paragraph_position(raw, clean_text, 0.5)
    truncated = gzip.compress(raw, mtime=0)[:5000]
    _warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://example.org/members", _members(raw, [middle]), encoded),
            ("https://example.org/cut", truncated, encoded),
        ],
    )
    code, _out, err = run_cli(tmp_path / "crawl.warc.gz", "-o", tmp_path / "out", "--jobs", "1")
    assert code == 1
    (whole,) = (tmp_path / "out" / "crawl").glob("*.json")
    assert read_json(whole)["document"]["text"] == clean_text
    (failure,) = read_json_lines(tmp_path / "out" / "failures.jsonl")
    assert failure["message"] == "truncated gzip data after 5000 bytes"
    assert failure["source"].startswith(f"{tmp_path / 'crawl.warc.gz'}#offset=")


def test_warc_html_responses_with_other_uri_schemes_are_articles(tmp_path, run_cli, nyt_page):
    raw, clean_text = nyt_page
    _warc(
        tmp_path / "crawl.warc.gz",
        [
            ("urn:example:page", raw, [("Content-Type", "text/html; charset=utf-8")]),
            ("file:///archive/page.html", raw, None),
            ("ftp://example.org/page.html", raw, None),
            ("urn:example:image", b"GIF89a", [("Content-Type", "image/gif")]),
        ],
    )
    code, _out, err = run_cli(tmp_path / "crawl.warc.gz", "-o", tmp_path / "out", "--jobs", "1")
    assert code == 0, err
    assert "3 ok, 0 failed, 0 skipped, 1 non-HTML records skipped" in err
    outputs = [read_json(p) for p in sorted((tmp_path / "out" / "crawl").glob("*.json"))]
    assert [o["document"]["text"] == clean_text for o in outputs] == [True, True, True]


def _article(*paragraphs: str, published: str = "2019-05-02") -> bytes:
    """A small news page whose body is `paragraphs`."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<html><head><meta property="article:published_time" content="{published}">'
        f"<title>Claims</title></head><body><article><h1>Claims</h1>{body}</article></body></html>"
    ).encode()


CLAIMS = (
    "A claim of $99999999999999999999999 trillion was thrown out by the court on Monday,"
    f" and another of ${'9' * 400} was thrown out as well by every judge who read it.",
    "The ministry said it spent $9 on stamps and 835 million yuan on the new bridge,"
    " which the local press reported at length over the following weeks.",
)


def test_a_huge_amount_never_costs_the_other_amounts_their_conversions(tmp_path, run_cli):
    (tmp_path / "claims.html").write_bytes(_article(*CLAIMS))
    code, out, err = run_cli(tmp_path / "claims.html", "--no-timestamp")
    assert code == 0, err
    result = json.loads(out)
    assert "checks" not in result  # no plugin-error
    money = [a for a in result["annotations"] if a["type"] == "money"]
    assert [(m["text"], m["amount"]) for m in money] == [
        ("$9", "9"),
        ("835 million yuan", "835000000"),
    ]
    assert money[0]["conversions"][1] == {
        "currency": "EUR",
        "amount": "8.03",
        "rate": "0.891901534071",
        "rate_date": "2019-05-02",
        "source": "ECB euro reference rates",
    }
    assert money[1]["conversions"][0]["amount"] == "123987127.19"


def test_amounts_up_to_a_quintillion_are_read_exactly(tmp_path, run_cli):
    (tmp_path / "big.html").write_bytes(
        _article(
            "The central bank printed $100 trillion of notes, then $1,000,000,000,000,000,000 of"
            " debt was written off, and $1,000,000,000,000,000,001 was claimed by a creditor.",
            "Officials said the sum of $1.234567890123456789012345678 was owed by each of the"
            " parties, and $1.2345678901234567890123456789 by the bank, the court heard today.",
        )
    )
    code, out, err = run_cli(tmp_path / "big.html", "--no-timestamp", "--convert-to", "USD")
    assert code == 0, err
    money = [a for a in json.loads(out)["annotations"] if a["type"] == "money"]
    assert [(m["text"], m["amount"]) for m in money] == [
        ("$100 trillion", "100000000000000"),
        ("$1,000,000,000,000,000,000", "1000000000000000000"),  # 10**18: the largest read
        ("$1.234567890123456789012345678", "1.234567890123456789012345678"),  # 28 digits
    ]
    assert money[1]["conversions"] == [
        {
            "currency": "USD",
            "amount": "1000000000000000000",
            "rate": "1",
            "rate_date": "2019-05-02",
            "source": "ECB euro reference rates",
        }
    ]


def test_a_conversion_no_decimal_can_hold_is_null_with_a_reason(tmp_path, run_cli):
    rates = tmp_path / "rates.csv"
    rates.write_text("date,currency,per_EUR\n2019-05-02,USD,1.12\n2019-05-02,GBP,1E+70\n")
    (tmp_path / "claims.html").write_bytes(_article(*CLAIMS))
    code, out, err = run_cli(
        tmp_path / "claims.html", "--no-timestamp", "--rates", rates, "--convert-to", "GBP,EUR"
    )
    assert code == 0, err
    dollars = next(a for a in json.loads(out)["annotations"] if a["text"] == "$9")
    assert dollars["conversions"] == [
        {
            "currency": "GBP",
            "amount": None,
            "reason": "converted amount out of range at rate 8928571428570000000000000000000000"
            "000000000000000000000000000000000000",
        },
        {
            "currency": "EUR",
            "amount": "8.04",
            "rate": "0.892857142857",
            "rate_date": "2019-05-02",
            "source": "rates file rates.csv",
        },
    ]
