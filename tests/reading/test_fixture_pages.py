"""The hand-written pages of issue 19: headline, publication date (and its source), body.

Every page here broke the page reading before: China Daily layouts whose date sits after a
<br> or in a print credit, a date only in a meta tag or an attribute, a one-sentence brief,
an opinion page titled 'Opinion | …', pages in French and in German (declared 'en').
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import FIXTURES

import annotator
from annotator.reading.extract import extract_document

HTML = FIXTURES / "html"
CHINA_DAILY = {
    "chinadaily-2010-12-17-copyright-crackdown.html": ("2010-12-17T08:37:00+08:00", "visible"),
    "chinadaily-2010-byline-br.html": ("2010-12-17T08:37:00+08:00", "visible"),
    "chinadaily-2015-print-credit.html": ("2010-12-17", "visible"),
    "chinadaily-2020s-jsonld.html": ("2010-12-17T08:37:00+08:00", "json-ld"),
}
SEED_START = "Cracking down on copyright infringement needs more cooperation"
SEED_END = (
    "police cracked 676 cases worth 835 million yuan ($125 million) and detained 1,586 suspects."
)


def _document(name: str):
    return extract_document((HTML / name).read_bytes(), name)


@pytest.mark.parametrize("name", sorted(CHINA_DAILY))
def test_china_daily_layouts_give_headline_date_and_body(name):
    doc = _document(name)
    published, source = CHINA_DAILY[name]
    assert doc.headline == "Countries join in copyright crackdown"
    assert (doc.published, doc.published_source) == (published, source)
    assert doc.authors == ["Wang Jingqiong"] and doc.publisher == "China Daily"
    assert doc.dateline == "BEIJING"
    assert doc.text.startswith(SEED_START) and doc.text.endswith(SEED_END)
    assert "page3" not in doc.text and "Related" not in doc.text
    assert doc.language == "en"


@pytest.mark.parametrize("name", sorted(CHINA_DAILY))
def test_china_daily_layouts_resolve_thursday_and_convert_the_yuan(name):
    result = annotator.annotate_html((HTML / name).read_bytes(), name, timestamp=False)
    dates = {a.text: a.fields["value"] for a in result.annotations if a.type == "date"}
    assert dates["Thursday"] == "2010-12-16"
    yuan = next(a for a in result.annotations if a.text == "835 million yuan")
    usd = next(c for c in yuan.fields["conversions"] if c["currency"] == "USD")
    assert abs(Decimal(usd["amount"]) / Decimal(125_000_000) - 1) < Decimal("0.02")


def test_a_date_in_a_publication_meta_and_a_title_attribute():
    """The issue's Australian page: <meta name="article:publicationdate" content="Fri Mar 13
    21:30:09 EST 2015"> and title="2015-03-13T21:00:00+11:00" on the byline's timestamp."""
    doc = _document("au-2015-03-13-date-in-meta-and-title-attribute.html")
    assert doc.headline == "Storm cuts power to 40,000 homes across south-east Queensland"
    assert (doc.published, doc.published_source) == ("2015-03-13T21:00:00+11:00", "time-element")
    assert doc.text.startswith("Thousands of households remain without electricity")
    assert doc.text.endswith("more storms could develop on Saturday afternoon west of the ranges.")


def test_the_publication_meta_alone_is_read_without_guessing_what_est_means():
    page = (HTML / "au-2015-03-13-date-in-meta-and-title-attribute.html").read_bytes()
    page = page.replace(b' title="2015-03-13T21:00:00+11:00"', b"")
    doc = extract_document(page, "x")
    assert (doc.published, doc.published_source) == ("2015-03-13T21:30:09", "meta")


def test_a_date_only_in_an_abbr_title_attribute():
    doc = _document("hatom-date-in-abbr-attribute.html")
    assert doc.headline == "County approves new bridge over Mill Creek"
    assert (doc.published, doc.published_source) == ("2016-05-04T09:30:00-04:00", "time-element")
    assert doc.text.startswith("The county board of supervisors voted 4-1 on Tuesday night")


def test_a_one_sentence_brief_is_its_own_body():
    doc = _document("brief-one-paragraph.html")
    assert doc.headline == "Two men arrested over $5m fraud"
    assert doc.published == "2019-11-22T10:15:00+00:00"
    assert doc.text == (
        "The Metropolitan Police said on Thursday it had arrested two men over a $5 million fraud."
    )


def test_a_brief_is_not_glued_to_its_kicker_headline_and_byline():
    """trafilatura's recall pass returns 'Crime Two men arrested … By Chronicle Reporter 22
    November 2019 The Metropolitan Police said …' as one paragraph: it adds no sentence."""
    page = (HTML / "brief-one-paragraph.html").read_bytes()
    page = page.replace(b'story__byline"><time', b'story__byline">By Chronicle Reporter <time')
    doc = extract_document(page, "x")
    assert doc.text.startswith("The Metropolitan Police said on Thursday")
    assert doc.authors == ["Chronicle Reporter"]


def test_an_opinion_page_titled_with_its_section_gets_its_headline():
    doc = _document("opinion-section-prefixed-title.html")
    assert doc.headline == "The city needs a bus network, not another tunnel"
    assert doc.section == "Opinion"
    assert doc.published == "2021-06-09T05:00:00-04:00"
    assert doc.text.startswith("The transportation committee voted on Tuesday")


def test_a_french_page():
    doc = _document("fr-2019-11-18-greve-transports.html")
    assert doc.headline == "Grève du 5 décembre : la RATP prévoit un trafic « très perturbé »"
    assert (doc.published, doc.published_source) == ("2019-11-18T16:06:00+01:00", "json-ld")
    assert (doc.language, doc.language_source) == ("fr", "declared")
    assert doc.text.startswith("La RATP a présenté lundi ses prévisions")


def test_a_german_page_declared_english_by_its_template():
    doc = _document("de-2024-03-14-declared-en.html")
    assert doc.headline == "Stadtbad wird saniert: Wiedereröffnung im Herbst 2025"
    assert (doc.published, doc.published_source) == ("2024-03-14T09:30:00+01:00", "meta")
    assert (doc.language, doc.language_source) == ("de", "detected")
    assert doc.text.startswith("Das Stadtbad an der Lindenallee bleibt ab Montag geschlossen.")
    assert doc.text.endswith("(Stand: 2024-03-14)")
