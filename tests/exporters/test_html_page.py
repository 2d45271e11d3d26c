"""The html exporter's page: text kept exactly, markup from the article inert, marks nested or
split correctly, facts per type, and a Content-Security-Policy matching the inline code."""

from __future__ import annotations

import base64
import copy
import hashlib
import re

import pytest
from lxml import html as lxml_html
from support import render, seed_set

from annotator.exporters.html import escape, marks
from annotator.exporters.html.details import Context, facts
from annotator.exporters.html.page import render_page
from annotator.model import Annotation, AnnotationSet, Document

DOCUMENT_ID = "sha256:" + "0" * 64


def parse(page: str):
    """The page as an lxml tree."""
    return lxml_html.document_fromstring(page.encode("utf-8"))


def make_set(text: str, *annotations: Annotation, **document: str) -> AnnotationSet:
    """A set over `text` with these annotations and document fields."""
    values = {"headline": "Probe", "published": "2010-12-17T08:37:00+08:00", **document}
    return AnnotationSet(
        Document(id=DOCUMENT_ID, source="probe.html", text=text, **values),
        list(annotations),
        {"generator": "annotator 0.1.0", "annotators": ["probe"]},
    )


def span(identifier: str, text: str, start: int, end: int, kind: str = "date", **fields):
    """An annotation of `text[start:end]`."""
    return Annotation(kind, start, end, text[start:end], 0.9, "probe", identifier, fields)


def test_text_escaping_keeps_markup_inert_and_offsets_whole():
    assert escape.text("<script>alert(1)</script> & co") == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    )
    assert escape.text("a\r\nb\x00c\ud800d") == "a&#13;\nb\ufffdc\ufffdd"
    assert escape.attribute('x" onerror="alert(1)') == "x&quot; onerror=&quot;alert(1)"
    assert escape.attribute("it's") == "it&#39;s"


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("http://www.chinadaily.com.cn/a.htm", True),
        ("HTTPS://example.org/x?y=1", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("http:///no-host", False),
        ("//example.org/protocol-relative", False),
        ("http://[::1", False),
        (None, False),
    ],
)
def test_only_http_urls_become_links(url, linked):
    assert (escape.link_target(url) is not None) == linked


def _tag(annotation: Annotation, first: bool) -> str:
    return f"<mark {annotation.id}{'' if first else '+'}>"


def test_nested_annotations_nest():
    text = "said on Thursday in Beijing"
    quote = span("q", text, 0, 27, "quote")
    date = span("d", text, 8, 16)
    assert marks.highlighted(text, [date, quote], _tag) == (
        "<mark q>said on <mark d>Thursday</mark> in Beijing</mark>"
    )


def test_crossing_annotations_split_into_pieces():
    text = "abcdefghij"
    first, second = span("a", text, 0, 6), span("b", text, 3, 9)
    assert marks.highlighted(text, [second, first], _tag) == (
        "<mark a>abc<mark b>def</mark></mark><mark b+>ghi</mark>j"
    )
    third = span("c", text, 1, 8)  # crosses the first, contains nothing, is inside neither
    assert marks.highlighted(text, [first, second, third], _tag) == (
        "<mark a>a<mark c>bc<mark b>def</mark></mark></mark><mark c+><mark b+>gh</mark></mark>"
        "<mark b+>i</mark>j"
    )


def test_same_start_puts_the_longer_outside_and_empty_spans_stay():
    text = "835 million yuan"
    assert marks.highlighted(
        text, [span("s", text, 0, 3), span("l", text, 0, 16), span("e", text, 4, 4)], _tag
    ) == ("<mark l><mark s>835</mark> <mark e></mark>million yuan</mark>")


def test_page_text_is_the_document_text_with_every_annotation_marked():
    seed = seed_set()
    tree = parse(render_page(seed))
    body = tree.get_element_by_id("text")
    assert body.text_content() == seed.document.text
    for annotation in seed.annotations:
        mark = tree.get_element_by_id(f"a-{annotation.id}")
        assert mark.text_content() == annotation.text
        assert mark.get("data-type") == annotation.type and mark.get("tabindex") == "0"
        assert annotation.id in mark.get("title")
    assert len(body.findall(".//mark")) == len(seed.annotations)


def test_control_characters_and_lone_surrogates_keep_their_offsets():
    text = "A\r\nline\x00 with \ud83d and 😀 on Thursday."
    start = text.index("Thursday")
    annotation_set = make_set(text, span("date-1", text, start, start + 8, value="2010-12-16"))
    page = render_page(annotation_set)
    page.encode("utf-8")  # writable as UTF-8
    tree = parse(page)
    assert tree.get_element_by_id("text").text_content() == escape.code_points_safe(text)
    assert tree.get_element_by_id("a-date-1").text_content() == "Thursday"


def test_markup_in_every_field_is_shown_as_text():
    payload = "<script>window.__xss=1</script><img src=x onerror=alert(1)>"
    text = f"He said “{payload}” on Thursday."
    start = text.index("<script>")
    quote = span("quote-1", text, start, start + len(payload), "quote", speaker=payload, cue="said")
    annotation_set = make_set(
        text, quote, headline=payload, publisher=payload, url="javascript:alert(1)"
    )
    annotation_set.document.authors = [payload]
    annotation_set.checks = [{"type": "probe", "message": payload, "annotations": ["quote-1"]}]
    tree = parse(render_page(annotation_set))
    assert tree.xpath("//img") == [] and len(tree.xpath("//script")) == 1
    assert not [a for e in tree.iter() for a in e.attrib if a.startswith("on")]
    assert [h for h in tree.xpath("//a/@href") if not h.startswith("#")] == []
    assert tree.findtext(".//h1") == payload and tree.findtext(".//title") == f"Review: {payload}"
    assert payload in tree.get_element_by_id("d-quote-1").text_content()


def test_csp_allows_exactly_the_inline_script_and_styles():
    page = render(name="html", sets=[seed_set()])
    tree = parse(page)
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"

    def hashes(elements) -> set[str]:
        return {
            "'sha256-" + base64.b64encode(hashlib.sha256(e.encode()).digest()).decode() + "'"
            for e in elements
        }

    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert set(directives["script-src"].split()) == hashes(scripts) and len(scripts) == 1
    assert set(directives["style-src"].split()) == hashes(styles) and len(styles) == 2
    assert page.index("Content-Security-Policy") < page.index("<style>")


def test_page_fetches_nothing():
    page = render(name="html", sets=[seed_set()])
    tree = parse(page)
    assert tree.xpath("//*[@src] | //link | //iframe | //object | //embed | //img") == []
    assert not re.search(r"url\(|@import|@font-face|https?://(?!www\.chinadaily)", page)


def test_facts_per_type():
    seed = seed_set()
    context = Context(seed)
    by_id = seed.by_id()

    def shown(identifier: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for fact in facts(by_id[identifier], context):
            found.setdefault(fact.label, []).append(fact.value)
        return found

    date = shown("date-1")
    assert date["value"] == ["2010-12-16"] and date["granularity"] == ["day"]
    assert date["anchor"] == ["the publication date (2010-12-17T08:37:00+08:00)"]
    quote = shown("quote-1")
    assert quote["speaker"] == ["Meng Qingfeng"] and quote["cue"] == ["said"]
    assert quote["kind"] == ["direct"] and quote["speaker_mention"] == ["he"]
    agency = shown("agency-2")
    assert agency["name"] == ["Economic Crime Investigation Department"]
    assert agency["parent"] == ["Ministry of Public Security"] and agency["country"] == ["CN"]
    money = shown("money-2")
    assert money["amount"] == ["125,000,000"] and money["currency"] == ["USD"]
    assert money["restates"] == ["money-1 “835 million yuan”"]
    assert (
        money["conversion"][1]
        == "94,425,125.00 EUR (rate 0.755401 on 2010-12-16, ECB euro reference rates)"
    )


def test_range_ambiguity_warnings_and_plugin_types():
    text = "About 3-5 million yuan on 04/05/2010; a widget."
    money = span("money-1", text, 0, 22, "money", amount_min="3000000", amount_max="5000000")
    money.fields.update(
        currency="CNY",
        mod="APPROX",
        conversions=[
            {"currency": "USD", "amount": None, "reason": "no ECB rate for CNY on 1998-01-02"}
        ],
    )
    date = span("date-1", text, 26, 36, value=None, ambiguous=True, granularity="day")
    widget = span("widget-1", text, 40, 46, "widget", colour="blue", parts=["a", "b"])
    annotation_set = make_set(text, money, date, widget)
    annotation_set.checks = [
        {"type": "x-check", "message": "looks odd", "annotations": ["money-1"]}
    ]
    context = Context(annotation_set)
    money_facts = {f.label: f for f in facts(money, context)}
    assert money_facts["amount"].value == "3,000,000 – 5,000,000"
    assert money_facts["conversion"].value == "USD: no figure (no ECB rate for CNY on 1998-01-02)"
    assert money_facts["x-check"].warning and money_facts["x-check"].value == "looks odd"
    assert facts(money, context)[0].label == "x-check"  # warnings come first
    date_facts = {f.label: f.value for f in facts(date, context)}
    assert date_facts["value"].startswith("ambiguous")
    widget_facts = {f.label: f.value for f in facts(widget, context)}
    assert widget_facts["colour"] == "blue" and widget_facts["parts"] == '["a", "b"]'
    tree = parse(render_page(annotation_set))
    assert tree.get_element_by_id("a-widget-1").get("class") == "t-other k-widget"
    assert tree.get_element_by_id("group-widget").xpath(".//*[@class='count']")[0].text == "1"


def test_several_sets_give_one_page_each():
    seed, other = seed_set(), copy.deepcopy(seed_set())
    other.document.headline = "Second"
    stream = render(name="html", sets=[seed, other])
    pages = stream.split("<!DOCTYPE html>")[1:]
    assert [parse(p).findtext(".//h1") for p in pages] == [seed.document.headline, "Second"]
