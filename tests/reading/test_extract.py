"""Extraction on real pages: the seed fixture, edge-case pages, the gold pages, the whole corpus."""

from __future__ import annotations

import gzip

import pytest
from conftest import CORPUS, FIXTURES, GOLD, SEED_PAGE, read_json

from annotator.errors import InputError
from annotator.reading.datetimes import written_datetime
from annotator.reading.encoding import declared_encoding, decode_html
from annotator.reading.extract import extract_document, split_dateline


def test_seed_document_metadata_and_body():
    doc = extract_document(SEED_PAGE.read_bytes(), "seed")
    assert doc.headline == "Countries join in copyright crackdown"
    assert doc.authors == ["Wang Jingqiong"]
    assert doc.publisher == "China Daily"
    assert doc.section == "Government and Policy"
    assert doc.dateline == "BEIJING"
    assert doc.published == "2010-12-17T08:37:00+08:00"
    assert doc.text.startswith("Cracking down on copyright infringement")
    assert doc.text.endswith("detained 1,586 suspects.")
    assert "Related readings" not in doc.text
    assert "Shutting windows on Web piracy" not in doc.text
    assert "Large Medium Small" not in doc.text
    assert doc.text.count("\n\n") == 13  # 14 paragraphs joined by blank lines


def test_document_id_is_sha256_of_raw_bytes():
    data = SEED_PAGE.read_bytes()
    import hashlib

    assert extract_document(data, "x").id == "sha256:" + hashlib.sha256(data).hexdigest()


def test_jsonld_page_metadata():
    doc = extract_document((FIXTURES / "html" / "jsonld-article.html").read_bytes(), "x")
    assert doc.headline == "Ancient seeds sprout after 2,000 years in London lab"
    assert doc.authors == ["Jane Holloway", "Samuel Okafor"]
    assert doc.publisher == "The Daily Example"
    assert doc.published == "2019-11-18T16:06:51-05:00"
    assert doc.modified == "2019-11-19T09:12:30-05:00"
    assert doc.section == "Science"
    assert doc.language == "en"
    assert (
        doc.url == "https://www.dailyexample.com/science/2019/11/18/ancient-seeds-sprout-london-lab"
    )
    assert doc.dateline == "LONDON"
    assert doc.text.startswith("LONDON (AP) — Scientists")


def test_no_metadata_page_gives_nulls_not_guesses():
    doc = extract_document((FIXTURES / "html" / "no-metadata.html").read_bytes(), "x")
    assert doc.headline == "Harbor Town Votes to Restore Its Old Lighthouse"
    assert doc.published is None and doc.authors == [] and doc.url is None
    assert len(doc.text) > 300


def test_broken_markup_still_extracts():
    doc = extract_document((FIXTURES / "html" / "broken-markup.html").read_bytes(), "x")
    assert doc.headline == "River Authority Opens New Flood Barrier"
    assert doc.published == "2021-03-04T10:00:00+00:00"
    assert "flood barrier" in doc.text


def test_latin1_page_decodes_accents():
    raw = (FIXTURES / "html" / "latin1.html").read_bytes()
    assert declared_encoding(raw) == "cp1252"
    doc = extract_document(raw, "x")
    assert "Saint-Émilion" in doc.headline and "£450,000" in doc.text and "é" in doc.text


def test_undeclared_cp1252_falls_back_soundly():
    raw = (FIXTURES / "html" / "cp1252-undeclared.html").read_bytes()
    text, encoding = decode_html(raw)
    assert encoding == "cp1252"
    assert "“" in text and "€" in text


def test_utf8_bom_wins():
    text, encoding = decode_html(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>")
    assert text == "<p>café</p>" and encoding == "utf-8-sig"


def test_empty_body_is_a_clear_error():
    with pytest.raises(InputError, match="no article body found"):
        extract_document((FIXTURES / "html" / "empty-body.html").read_bytes(), "empty.html")


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("BEIJING - Cracking down", "BEIJING", "Cracking down"),
        ("SAN FRANCISCO (AP) — Pacific Gas", "SAN FRANCISCO", "SAN FRANCISCO (AP) — Pacific Gas"),
        (
            "WASHINGTON, Nov 20 (Reuters) - The U.S.",
            "WASHINGTON",
            "WASHINGTON, Nov 20 (Reuters) - The U.S.",
        ),
        ("The BBC - a broadcaster - said", None, "The BBC - a broadcaster - said"),
        ("Cracking down - on", None, "Cracking down - on"),
    ],
)
def test_split_dateline(paragraph, dateline, rest):
    assert split_dateline(paragraph) == (dateline, rest)


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.gold.json")), ids=lambda p: p.name[:12])
def test_gold_pages_headline_date_and_body(gold_path):
    gold = read_json(gold_path)
    page = GOLD.parent / "corpus" / gold["source"]
    doc = extract_document(page.read_bytes(), str(page))
    expected = gold["document"]
    assert doc.headline == expected["headline"]
    assert doc.published[:10] == expected["published_date"]
    assert doc.text.startswith(expected["body_starts"])
    for excluded in expected["body_excludes"]:
        assert excluded not in doc.text


def test_every_corpus_page_gives_a_body():
    pages = sorted((CORPUS / "html").glob("*.html.gz"))
    assert len(pages) == 181
    for page in pages:
        doc = extract_document(page.read_bytes(), str(page))
        assert doc.text.strip(), page.name
        assert gzip.decompress(page.read_bytes())  # the raw input really is gzip


def test_placeholder_dates_skipped_and_url_date_used():
    page = (
        b'<html><head><script type="application/ld+json">{"@type": "NewsArticle",'
        b' "datePublished": "0001-01-01T00:00:00Z", "headline": "Teachers rally"}</script>'
        b'<link rel="canonical" href="https://example.com/story/news/2019/11/19/teachers-rally/1/">'
        b"</head><body><h1>Teachers rally</h1>"
        + b"<p>Several thousand teachers wearing red surrounded the Statehouse to call for better pay.</p>"
        * 4
        + b"</body></html>"
    )
    doc = extract_document(page, "x")
    assert doc.published == "2019-11-19"
    assert doc.modified is None


@pytest.mark.parametrize(
    ("path", "published"),
    [
        ("truth-o-meter/article/2019/nov/18/guide-to-tariffs/", "2019-11-18"),
        ("world/2019/Nov/5/story", "2019-11-05"),
        ("news/2019-11-19-teachers-rally", "2019-11-19"),
        ("news/2019/13/01/not-a-date", None),
    ],
)
def test_publication_date_from_the_url_with_month_numbers_or_names(path, published):
    page = (
        f'<html><head><link rel="canonical" href="https://example.com/{path}"></head><body>'.encode()
        + b"<p>Several thousand teachers wearing red surrounded the Statehouse to call for better pay.</p>"
        * 4
        + b"</body></html>"
    )
    assert extract_document(page, "x").published == published


PARAGRAPH = (
    "The harbour board met on Tuesday to weigh the cost of dredging the channel, which"
    " silted up after the spring floods and now keeps the larger ferries at anchor offshore."
)


def _page(body: str) -> bytes:
    return f"<html><head><title>T</title></head><body>{body}</body></html>".encode()


def test_text_around_dropped_page_furniture_is_kept():
    """Scripts, navigation and buttons go before trafilatura runs; the text after them stays."""
    body = "".join(
        f"<p>{PARAGRAPH} Part {n}.<script>var x = {n};</script> Tail {n} stays.</p>"
        for n in range(4)
    )
    doc = extract_document(
        _page(f"<nav><a href='/'>Home</a></nav>{body}<button>Share</button>"), "x"
    )
    assert all(f"Part {n}. Tail {n} stays." in doc.text for n in range(4))
    assert "Home" not in doc.text and "Share" not in doc.text and "var x" not in doc.text


def test_one_article_element_is_the_body_and_the_newsletter_box_beside_it_is_left():
    """A real page whose newsletter sign-up sits next to its single <article>."""
    page = (
        CORPUS / "html" / "08f793762792bd252c75fb57544cdf506ffcc04785136cb87503f02364b82b56.html.gz"
    )
    doc = extract_document(page.read_bytes(), "x")
    assert doc.text.startswith("The Steelers spent Monday trying to distance themselves")
    assert "Pick Six Newsletter" not in doc.text
    assert "big stories + fun stuff" not in doc.text


def test_an_article_element_too_short_to_be_the_body_is_not_relied_on():
    body = "".join(f"<p>{PARAGRAPH} Item {n}.</p>" for n in range(5))
    doc = extract_document(
        _page(f"<article><p>Share this story.</p></article><div>{body}</div>"), "x"
    )
    assert all(f"Item {n}." in doc.text for n in range(5))


def test_control_characters_next_to_a_dropped_element_give_a_clean_answer():
    """Found by the fuzz test: lxml refuses to re-set a tail holding control characters."""
    with pytest.raises(InputError):
        extract_document(b"\x00<script></script>\x01", "x")


def test_binary_data_is_refused_with_a_clear_reason():
    """An image or random bytes saved as .html is not decoded into a garbage 'article'."""
    png_like = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    with pytest.raises(
        InputError, match=r"^img\.html: binary data, not an HTML page \(\d+% control"
    ):
        extract_document(png_like, "img.html")


def test_a_few_stray_control_bytes_in_a_real_page_are_tolerated():
    page = SEED_PAGE.read_bytes()
    middle = len(page) // 2
    doc = extract_document(page[:middle] + b"\x01\x02\x03" + page[middle:], "seed")
    assert "copyright" in doc.text.lower()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Wed, 20 Nov 2019 13:38:07 +0530", "2019-11-20T13:38:07+05:30"),
        ("01:38:07 PM IST Nov 20, 2019", "2019-11-20T13:38:07"),  # IST: India, Israel or Ireland
        ("November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00"),
        ("20 Nov 2019 08:02 GMT", "2019-11-20T08:02:00+00:00"),
        ("Monday, November 18, 2019", "2019-11-18"),
        ("Fri 6:45 PM, Feb 16, 2018", "2018-02-16T18:45:00"),
        ("November 2019", None),  # no day
        ("Updated 3 hours ago", None),
    ],
)
def test_dates_written_for_people(written, expected):
    assert written_datetime(written) == expected


@pytest.mark.parametrize(
    ("page", "published"),
    [
        # JSON-LD datePublished written as "01:38:07 PM IST Nov 20, 2019"
        ("65408257dbe4b41f71a35ade24e30243265095fc1d4988a35b9a6ca52f2b4eab", "2019-11-20T13:38:07"),
        # no metadata: the byline's <span class="datetime">Monday, November 18, 2019</span>
        ("c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4", "2019-11-18"),
        # article:published_time "November 19, 2019, 07:47 PM EST"
        ("291a8bf33ee49074f33dcff37544ac40506cae450db83b6cb63f02b9920b51c2", "2019-11-19T19:47:00"),
    ],
)
def test_publication_date_written_for_people(page, published):
    doc = extract_document((CORPUS / "html" / f"{page}.html.gz").read_bytes(), page)
    assert doc.published == published


def test_a_byline_date_alone_near_the_top_is_not_body_text():
    page = "c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4"
    doc = extract_document((CORPUS / "html" / f"{page}.html.gz").read_bytes(), page)
    assert "Monday, November 18, 2019" not in doc.text
    assert "Earlier this month, NASA announced" in doc.text


BODY = (
    "The harbour board voted on Tuesday to restore the old stone lighthouse at the end of the"
    " north pier, ending a dispute that had divided the town for more than a decade."
)


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        # update and publication stamps standing alone, anywhere in the body
        ("Updated at 1:23 p.m.", True),
        ("- Published: 22:04, 22 Apr 2024", True),
        ("Updated on September 19 at 3:15 p.m. EDT", True),
        ("Last updated Monday, March 4, 2019", True),
        ("Updated: the board said 3 keepers had left", False),  # a sentence, not a stamp
        ("Posted by the harbour master", False),
        # widget headings, whole lines only
        ("Most read in Football", True),
        ("MORE ABOUT", True),
        ("Read More", True),
        ("EXPLORE MORE ON THE TOPICS IN THIS STORY", True),
        ("Most read stories say the lighthouse will reopen in May.", False),
    ],
)
def test_stamp_and_widget_lines_inside_a_body_are_dropped(line, dropped):
    paragraphs = [BODY, line, BODY.replace("Tuesday", "Wednesday")]
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    doc = extract_document((html + "</article></body></html>").encode(), "x")
    assert (line not in doc.text) is dropped


def test_a_registration_wall_closing_a_body_is_dropped():
    wall = [
        "Create a FREE account to continue reading",
        "Registration is a free and easy way to support our journalism.",
        "Join our community where you can: comment on stories; sign up to newsletters.",
        "Thank you for registering",
        "Please refresh the page or navigate to another page on the site to be logged in",
    ]
    paragraphs = [BODY, BODY.replace("Tuesday", "Wednesday"), *wall]
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    doc = extract_document((html + "</article></body></html>").encode(), "x")
    assert doc.text.split("\n\n") == paragraphs[:2]


def test_utf8_bytes_parse_to_the_same_tree_as_the_decoded_text():
    """parse_html reads a UTF-8 page's bytes instead of its text (faster): same tree, on
    every UTF-8 page of the three corpora and on pages written to test the edges."""
    from lxml import etree

    from annotator.reading.extract import parse_html

    pages = [gzip.decompress(path.read_bytes()) for path in sorted(CORPUS.parent.glob("*/html/*"))]
    pages += [
        "<p>caf\u00e9 \u201cquoted\u201d \U0001f600 &#8217; &amp;</p>".encode(),
        b"<?xml version='1.0' encoding='utf-8'?><html><body>na\xc3\xafve</body></html>",
        b"<html><head><meta charset='utf-8'></head><body>\xe2\x80\x94 dash</body></html>",
    ]
    compared = 0
    for raw in pages:
        text, encoding = decode_html(raw)
        if encoding != "utf-8":
            continue
        from_text = etree.tostring(parse_html(text, "x"), encoding="unicode")
        assert etree.tostring(parse_html(text, "x", raw), encoding="unicode") == from_text
        compared += 1
    assert compared > 400
