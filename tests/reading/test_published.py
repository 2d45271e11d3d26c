"""The publication date readers, in their order of trust, and the dates pages write."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from annotator.reading.datetimes import (
    cjk_datetime,
    numeric_date,
    written_datetime,
    yearless_datetime,
)
from annotator.reading.extract import extract_document
from annotator.reading.url_dates import url_date

BODY = (
    "<p>The harbour board met on Tuesday to weigh the cost of dredging the channel, which"
    " silted up after the spring floods and now keeps the larger ferries at anchor.</p>" * 3
)


def _read(head: str = "", top: str = "", canonical: str | None = None):
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    page = f"<html><head><title>Harbour dredging</title>{link}{head}</head><body>"
    page += f"<h1>Harbour dredging</h1>{top}<div class='story'>{BODY}</div></body></html>"
    doc = extract_document(page.encode(), "x")
    return doc.published, doc.published_source


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Fri 13 Mar 2015 21:30 AEDT", "2015-03-13T21:30:00+11:00"),  # one zone: its offset
        ("Fri Mar 13 21:30:09 EST 2015", "2015-03-13T21:30:09"),  # EST: US or Australia
        ("18 Nov 2019 16:06 CET", "2019-11-18T16:06:00+01:00"),
        ("Nov. 18, 2019, 6:18 p.m. CST", "2019-11-18T18:18:00"),  # CST: US, China or Cuba
        ("Wed, 20 Nov 2019 13:38:07 GMT+0530", "2019-11-20T13:38:07+05:30"),
        ("12/17/2010", "2010-12-17"),
        ("03/04/2010", None),  # March 4 or April 3: not guessed
    ],
)
def test_zone_names_only_where_they_name_one_offset_and_no_ambiguous_numbers(written, expected):
    assert written_datetime(written) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12/17/2010", "2010-12-17"), ("17.12.2010", "2010-12-17"), ("05/05/2010", "2010-05-05")],
)
def test_numeric_dates_with_one_reading(text, expected):
    assert numeric_date(text) == expected


def test_a_date_without_its_year_takes_the_url_year():
    assert yearless_datetime("March 18 at 3:57 PM", 2015) == "2015-03-18T15:57:00"
    assert yearless_datetime("Updated March 18", 2015) is None


def test_japanese_dates():
    assert cjk_datetime("2019年04月21日 12時00分更新") == "2019-04-21T12:00:00"
    assert cjk_datetime("2019年3月15日公表") == "2019-03-15"


@pytest.mark.parametrize(
    ("top", "published"),
    [
        # the China Daily byline: the date is the text after the <br>
        (
            "<div class='info'>By Wang Jingqiong (China Daily)<br/>Updated: 2010-12-17 08:37</div>",
            "2010-12-17T08:37:00+08:00",
        ),
        (
            "<p class='meta'>By Ann Lee | Published March 3, 2015 | Updated March 4, 2015</p>",
            "2015-03-03",
        ),
        ("<p>Updated: Dec 15, 2016 2:57 PM UTC</p>", "2016-12-15T14:57:00+00:00"),
        ("<div>(China Daily 12/17/2010 page3)</div>", "2010-12-17"),
        ("<p>Written by <a href='/a'>Rachael Link</a> on November 14, 2019</p>", "2019-11-14"),
        (
            "<p class='byline'>By Ellen Nakashima <span>March 18 at 3:57 PM</span></p>",
            "2015-03-18T15:57:00",
        ),  # the year from the URL
        # a date alone just after a 'By' line (abcnews.go.com), a cue alone on its line
        (
            "<div><span>By</span> <span>by JOSH HASKELL</span></div><div>December 16, 2016,"
            " 4:19 PM</div>",
            "2016-12-16T16:19:00",
        ),
        ("<p>Reviewed:</p><p>June 7, 2019</p>", "2019-06-07"),
        ("<p>Posted 3 hours ago</p>", "2015-03-18"),  # nothing visible: the URL's day
    ],
)
def test_visible_date_lines_anywhere_in_an_element(top, published):
    url = "https://example.com/world/2015/03/18/harbour-dredging/"
    if "China Daily" in top:
        url = None
    expected_source = "url" if "hours ago" in top else "visible"
    assert _read(top=top, canonical=url) == (published, expected_source)


def test_a_site_date_bar_is_not_the_publication_date():
    """China Daily's top bar shows the day the page is viewed; the byline's date wins."""
    top = (
        "<div class='top_date'>Thursday, March 5, 2015</div>"
        "<div class='info'>By Wang Jingqiong (China Daily)</div><p>(China Daily 12/17/2010 page3)</p>"
    )
    assert _read(top=top) == ("2010-12-17", "visible")


def test_a_date_line_with_its_clock_before_other_stories_dates():
    """A post date written "Wednesday, 16 Oct 2019 · 11:48 AM MYT" is read; the dates of a
    related-stories list after the article are those stories' own."""
    top = "<span class='post-date'>Wednesday, 16 Oct 2019 &middot; 11:48 AM MYT</span>"
    related = (
        "<div class='related'><ul><li><a href='/a'>Penang LRT consultants</a>"
        "<span class='rel-date'>14 Oct 2019</span></li></ul></div>"
    )
    assert _read(top=top)[0].startswith("2019-10-16")
    assert _read(top=related + top)[0].startswith("2019-10-16")


def test_publication_elements_before_update_elements():
    top = (
        "<time class='updated' datetime='2016-12-19T12:55:03-08:00'>12/19/16</time>"
        "<time class='entry-date published' datetime='2016-12-19T12:55:00-08:00'>12/19/16</time>"
    )
    assert _read(top=top) == ("2016-12-19T12:55:00-08:00", "time-element")


def test_an_update_element_when_it_is_the_only_date():
    top = "<li><time class='updated' datetime='2018-08-13T08:04:08+00:00'>Aug 13</time></li>"
    assert _read(top=top) == ("2018-08-13T08:04:08+00:00", "time-element")


def test_structured_data_before_elements_and_other_meta_names_after_them():
    head = (
        '<meta name="dcsext.articlefirstpublished" content="2019-02-05 16:07">'
        '<meta property="article:published_time" content="2023-08-30T16:45:00+01:00">'
    )
    assert _read(head=head) == ("2023-08-30T16:45:00+01:00", "meta")
    visible = "<time itemprop='datePublished' datetime='2023-08-30T16:45+0100'>30 Aug</time>"
    head = '<meta name="dcsext.articlefirstpublished" content="2019-02-05 16:07">'
    assert _read(head=head, top=visible) == ("2023-08-30T16:45:00+01:00", "time-element")


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.quantamagazine.org/tuft-cells-immune-responses-20191115/", "2019-11-15"),
        ("http://takagi-hiromitsu.jp/diary/20190211.html", "2019-02-11"),
        ("https://example.com/story/id-20191399/", None),  # no 13th month
        ("https://example.com/p/1234567820191115", None),  # digits inside a number
        # a slug's yymmdd after the year and month folders, the digits agreeing
        ("http://news.nationalgeographic.com/energy/2015/08/150803-gender-bias/", "2015-08-03"),
        ("https://example.com/2015/08/160803-title/", None),  # another year: no date
    ],
)
def test_dates_written_as_one_number_in_the_url(url, day):
    found = url_date(url)
    assert (found.isoformat() if found else None) == day


def test_a_meta_tag_written_with_value_instead_of_content_is_read():
    """National Geographic's CMS wrote <meta value="Mon Aug 03 12:45:00 EDT 2015"
    name="article:published_time">; EDT names two zones, so no offset is invented."""
    head = '<meta value="Mon Aug 03 12:45:00 EDT 2015" name="article:published_time">'
    assert _read(head=head) == ("2015-08-03T12:45:00", "meta")


def test_a_utc_stamp_gives_way_to_the_same_moment_in_local_time():
    """al.com: published_time 2016-12-23T00:47:31Z and sailthru.date "Thursday, December 22,
    2016, 06:47 PM" are one moment; the publisher dated it the 22nd."""
    head = (
        '<meta value="2016-12-23T00:47:31Z" name="article:published_time">'
        '<meta name="sailthru.date" value="Thursday, December 22, 2016, 06:47 PM">'
    )
    assert _read(head=head) == ("2016-12-22T18:47:00", "meta")
    alone = '<meta content="2016-12-23T00:47:31Z" property="article:published_time">'
    assert _read(head=alone) == ("2016-12-23T00:47:31+00:00", "meta")


def test_htmldate_only_when_our_readers_find_nothing():
    page = (
        CORPUS / "html" / "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f.html.gz"
    )
    doc = extract_document(page.read_bytes(), page.name)  # the date is in an analytics call
    assert (doc.published, doc.published_source) == ("2019-11-18", "htmldate")


def test_htmldate_reads_no_clock_and_no_bare_year():
    """Its default latest date is today's; ours is fixed, so a page reads the same any day.
    A bare year (a copyright line) comes back from its extensive search as 1 January: dropped."""
    assert _read(top="<div class='info'>2098/05/04</div>") == ("2098-05-04", "htmldate")
    assert _read(top="<p class='copy'>Copyright 2016 Harbour Board</p>") == (None, None)
