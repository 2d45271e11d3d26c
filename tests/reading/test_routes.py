"""Direct extraction routes (reading/routes.py): real corpus pages that take each route,
and hand-written pages for each check (a JSON-LD body the page does not show, a table, a
sentence outside the paragraphs, furniture and link lists)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import CORPUS, FIXTURES, ROOT, read_json
from lxml import etree

from annotator.model import AnnotationSet
from annotator.reading.extract import extract_document, parse_html
from annotator.reading.plain import text_document
from annotator.reading.routes import (
    MIN_ARTICLE_BODY,
    ROUTES,
    article_paragraphs,
    body_element_paragraphs,
    json_ld_paragraphs,
)

TRUTH = read_json(CORPUS / "ground-truth.json")
SCHEMAS = ROOT / "schemas"
# One benchmark page per route, each a page the route's check was made for.
ROUTE_PAGES = {
    # LA Times: its articleBody is the body the page shows, paragraph for paragraph
    "json-ld": "098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2",
    # Barron's: one <article>, its paragraphs the whole body
    "article": "f8ff621a0b9b7646cc0d57d37416feabba2bf78ef5dd0bfc5b080f9f97bbe584",
    # Sputnik: no <article>; one element marked itemprop="articleBody" holds the body
    "body-element": "1f765c48780665e89cc3af1f7c9af47876e9fae9b5be4a936b0649e10f5e3198",
    # Business Insider: no <article>, and its articleBody fails the json-ld check
    "trafilatura-fast": "fde930b01859de8311c6a14f8aa8c72be0659b551367803deb6736cf3526cf2e",
    # The Space Review: the fast pass finds too little, the full pass the body
    "trafilatura-full": "c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4",
}

# Two articles of seven paragraphs each (about 1,200 characters), on unrelated subjects.
HARBOUR = [
    "The harbour board voted on Tuesday to restore the old stone lighthouse at the end of"
    " the north pier, ending a dispute that had divided the town for more than a decade.",
    "Members agreed to spend the money set aside for a new car park on repairs to the"
    " tower, whose lamp room has been closed to visitors since a storm cracked its glass.",
    "Fishermen had argued for years that the light still guided boats past the sandbar at"
    " night, even though a modern beacon now stands on the headland to the south.",
    "Engineers will start by replacing the iron railings and the wooden stairs, then"
    " rebuild the gallery that once let keepers walk around the lantern to clean it.",
    "The work is expected to take two summers, because the pier can only be reached by"
    " lorries at low tide and the board does not want to close the harbour to boats.",
    "Local schools have asked whether pupils can visit the site while it is being"
    " repaired, and the contractor has promised to open the lower floor on two weekends.",
    "The last keeper, who left the tower when the light was automated in 1968, is expected"
    " to switch the restored lamp on at a ceremony planned for the autumn after next.",
]
ORCHARD = [
    "A cider maker in the valley has planted four hundred apple trees of varieties that"
    " had almost vanished from the region after the orchards were grubbed up in the sixties.",
    "The trees were grafted from cuttings kept alive by a retired teacher, who spent thirty"
    " years collecting them from old gardens, hedgerows and the edges of abandoned farms.",
    "Some of the apples are so sour that nobody would eat them raw, but they give a dry"
    " and sharp cider that the family says tastes the way their grandparents remembered.",
    "The first harvest will be small, and the bottles will be sold only at the farm gate"
    " and at the weekly market in the square, where the family has kept a stall for years.",
    "A university team is sequencing the trees to learn how the varieties are related and"
    " whether any of them resist the scab that forces most growers to spray every spring.",
    "The teacher, now in his eighties, said he had never expected to taste the fruit of"
    " trees he had only ever seen as single branches in pots along his kitchen windowsill.",
    "Neighbouring farms have asked for cuttings of their own, and the family plans to open"
    " a small nursery next winter so that the old varieties spread through the valley again.",
]


def _page(paragraphs: list[str], article_body: str | None = None, extra: str = "") -> bytes:
    """A news page: one <article> holding `paragraphs` (and `extra` markup), optionally a
    JSON-LD NewsArticle stating `article_body`."""
    json_ld = ""
    if article_body is not None:
        data = {"@type": "NewsArticle", "headline": "Harbour news", "articleBody": article_body}
        json_ld = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html lang='en'><head><title>Harbour news</title>{json_ld}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>Harbour news</h1>{body}{extra}</article>"
        "<footer>© The Harbour Gazette</footer></body></html>"
    ).encode()


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


@pytest.mark.parametrize("route", ROUTE_PAGES)
def test_a_real_page_takes_each_route_and_gives_its_body(route):
    page_id = ROUTE_PAGES[route]
    document = extract_document((CORPUS / "html" / f"{page_id}.html.gz").read_bytes(), "x")
    assert document.extraction == route
    true_paragraphs = [line for line in TRUTH[page_id]["articleBody"].split("\n") if line]
    found = [paragraph for paragraph in true_paragraphs if paragraph in document.text]
    assert len(found) >= 0.9 * len(true_paragraphs)  # the true body's paragraphs, nearly all


def test_the_article_route_reads_the_body_trafilatura_missed():
    """Regression: on this Barron's page the old path returned only the reprint notice."""
    page_id = ROUTE_PAGES["article"]
    document = extract_document((CORPUS / "html" / f"{page_id}.html.gz").read_bytes(), "x")
    assert "djreprints" not in document.text
    paragraphs = _paragraphs(document.text)
    # the company name, a link on its own source line, stays inside its paragraph
    assert paragraphs[0].startswith(
        "Shares of construction goods giant Home Depot are dropping in premarket trading"
    )
    assert paragraphs[-1].endswith(
        "outpacing the Dow Jones Industrial Average and S&P 500 over the same span."
    )
    assert len(paragraphs) == len([p for p in TRUTH[page_id]["articleBody"].split("\n") if p])


def test_a_body_split_by_an_advert_is_read_whole():
    """Regression: on this 2009 LA Times page an advert splits the article into two text
    blocks whose containers share a class name; the fast pass read only the first four
    paragraphs, so the full pass runs."""
    page = CORPUS.parent / "postlight-parser-fixtures" / "html" / "www.latimes.com--old.html.gz"
    document = extract_document(page.read_bytes(), "x")
    assert document.extraction == "trafilatura-full"
    assert "A vote could come as early as Nov. 4." in document.text  # end of the first block
    assert "said Seth Greenstein, an association consultant" in document.text  # of the second


def test_a_block_the_page_shows_twice_is_read_once():
    """Regression: this 2016 NYT interactive feature holds its donor stories twice (two layouts);
    each long paragraph is kept once, in its first place."""
    page = CORPUS.parent / "postlight-parser-fixtures" / "html" / "www.nytimes.com--feature.html.gz"
    paragraphs = _paragraphs(extract_document(page.read_bytes(), "x").text)
    long_ones = [p for p in paragraphs if len(p) >= 150]
    assert long_ones and len(long_ones) == len(set(long_ones))
    assert any("Antiques Roadshow" in p for p in long_ones)


def test_a_json_ld_body_the_page_shows_gives_the_pages_own_paragraphs():
    # stated as one block of text with straight quotes; the page has six paragraphs
    document = extract_document(_page(HARBOUR, article_body=" ".join(HARBOUR)), "x")
    assert document.extraction == "json-ld"
    assert _paragraphs(document.text) == HARBOUR


def test_a_json_ld_body_that_disagrees_with_the_page_is_rejected():
    document = extract_document(_page(HARBOUR, article_body=" ".join(ORCHARD)), "x")
    assert document.extraction == "article"  # the next route's check passes
    assert _paragraphs(document.text) == HARBOUR
    assert "cider" not in document.text
    tree = parse_html(_page(HARBOUR).decode(), "x")
    assert json_ld_paragraphs(" ".join(ORCHARD), tree) is None


def test_a_json_ld_body_shown_only_in_part_is_rejected():
    """A paywalled page: the full body in JSON-LD, two paragraphs of it on the page."""
    tree = parse_html(_page(HARBOUR[:2]).decode(), "x")
    assert json_ld_paragraphs(" ".join(HARBOUR), tree) is None


def test_a_short_json_ld_teaser_is_not_a_body():
    tree = parse_html(_page(HARBOUR).decode(), "x")
    assert json_ld_paragraphs(HARBOUR[0], tree) is None


def test_the_article_route_leaves_furniture_and_link_lists_out():
    extra = (
        "<figure><img src='a.jpg'><figcaption>The lighthouse in 1910, before the storm"
        " cracked the lantern's glass and closed the gallery.</figcaption></figure>"
        "<div class='share-tools'><p>Share this story with your friends on every network"
        " you use today.</p></div>"
        "<h3>Related</h3><ul><li><a href='/a'>Pier reopens after repairs</a> and more</li>"
        "<li><a href='/b'>Board elects a new chair</a> on Monday</li></ul>"
        "<p><a href='/sub'>Subscribe to the Harbour Gazette newsletter today</a></p>"
    )
    paragraphs = article_paragraphs(parse_html(_page(HARBOUR, extra=extra).decode(), "x"))
    assert paragraphs == [*HARBOUR, "Related"]


def test_the_article_route_keeps_list_items_marked_as_trafilatura_marks_them():
    extra = "<ul><li>First, the railings.</li><li>Then the stairs.</li></ul>"
    paragraphs = article_paragraphs(parse_html(_page(HARBOUR, extra=extra).decode(), "x"))
    assert paragraphs[-2:] == ["- First, the railings.", "- Then the stairs."]


@pytest.mark.parametrize(
    "extra",
    [
        "<table><tr><td>Cost</td><td>£2m</td></tr></table>",
        "<div>The board will meet again in March to approve the contractor's final plans.</div>",
    ],
    ids=["table", "sentence-outside-paragraphs"],
)
def test_the_article_route_declines_what_it_cannot_read(extra):
    tree = parse_html(_page(HARBOUR, extra=extra).decode(), "x")
    assert article_paragraphs(tree) is None
    assert article_paragraphs(parse_html(_page(HARBOUR).decode(), "x")) == HARBOUR


def test_an_article_too_short_or_not_alone_is_not_taken():
    short = HARBOUR[:2]
    assert sum(map(len, short)) < MIN_ARTICLE_BODY
    assert article_paragraphs(parse_html(_page(short).decode(), "x")) is None
    two = _page(HARBOUR).replace(b"<footer>", b"<article><p>Another story.</p></article><footer>")
    assert article_paragraphs(parse_html(two.decode(), "x")) is None


def test_every_corpus_set_records_its_route(corpus_sets):
    routes = Counter(s["document"]["extraction"] for s in corpus_sets)
    assert set(routes) <= set(ROUTES)
    # each route taken but the last resort, a body found only in the scripts' data
    assert len(corpus_sets) == 181 and set(routes) == set(ROUTES) - {"page-data"}


def test_extraction_is_in_the_json_and_xml_outputs_and_they_validate(run_cli, tmp_path):
    page = CORPUS / "html" / f"{ROUTE_PAGES['json-ld']}.html.gz"
    code, out, err = run_cli(page, "--no-timestamp")
    assert code == 0, err
    assert json.loads(out)["document"]["extraction"] == "json-ld"
    saved = tmp_path / "set.json"
    saved.write_text(out, encoding="utf-8")
    code, _out, err = run_cli("validate", saved)
    assert code == 0, err
    code, out, err = run_cli(page, "--no-timestamp", "-f", "xml")
    assert code == 0, err
    root = etree.fromstring(out.encode())
    assert root.find("annotation-set/document").get("extraction") == "json-ld"
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "annotation-set.xsd")))
    assert schema.validate(root), schema.error_log


def test_a_set_stored_without_extraction_validates_and_re_exports_unchanged(run_cli, tmp_path):
    stored = read_json(FIXTURES / "annotations" / "valid" / "minimal.json")
    assert "extraction" not in stored["document"]
    assert AnnotationSet.from_dict(stored).to_dict() == stored
    code, _out, err = run_cli("validate", FIXTURES / "annotations" / "valid" / "minimal.json")
    assert code == 0, err


def test_the_schema_names_the_routes_and_rejects_others(run_cli, tmp_path):
    schema = read_json(SCHEMAS / "annotation-set.schema.json")
    field = schema["$defs"]["document"]["properties"]["extraction"]
    assert field["enum"] == [*ROUTES, None]
    stored = read_json(FIXTURES / "annotations" / "valid" / "minimal.json")
    stored["document"]["extraction"] = "readability"
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(stored), encoding="utf-8")
    code, out, err = run_cli("validate", wrong)
    assert code == 1 and "/document/extraction" in out + err


def test_plain_text_has_no_extraction_route():
    document = text_document(" ".join(HARBOUR).encode(), "x.txt")
    assert document.extraction is None
    assert "extraction" not in document.to_dict()


def test_a_sentence_made_mostly_of_links_is_body_and_a_read_more_link_is_not():
    """Regression: an iNews sports report's second paragraph links most of its words to
    other stories; it is still the story ("After <a>X won on Monday</a>, it was <a>Y</a>
    who …"). A "Read more:" line that is all headline link stays out."""
    linked = (
        "<p>After <a href='/a'>the harbour board voted against the plan on Monday</a>, it"
        " was <a href='/b'>the mayor</a> who got the repairs moving on Tuesday"
        " <a href='/c'>with a grant from the heritage fund</a>.</p>"
    )
    read_more = "<p>Read more: <a href='/d'>Lighthouse keepers remember the storm of 1968.</a></p>"
    tree = parse_html(_page(HARBOUR, extra=linked + read_more).decode(), "x")
    paragraphs = article_paragraphs(tree)
    assert paragraphs[-1].startswith("After the harbour board voted against the plan on Monday")
    assert not any("Lighthouse keepers remember" in p for p in paragraphs)


def _body_element_page(paragraphs: list[str], marks: list[str]) -> str:
    """A page with no <article>: a <div> per entry of `marks` (its attributes), the first
    holding `paragraphs`, the others one short paragraph."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    divs = f"<div {marks[0]}>{body}</div>" + "".join(
        f"<div {mark}><p>Another story in brief.</p></div>" for mark in marks[1:]
    )
    return f"<html><body><nav><a href='/'>Home</a></nav><main>{divs}</main></body></html>"


@pytest.mark.parametrize(
    "mark",
    [
        'class="article-body"',
        'class="article__body"',
        'class="entry-content post"',
        'itemprop="articleBody"',
        'class="ArticleBody-articleBody"',
    ],
)
def test_the_one_element_marked_as_the_body_is_read(mark):
    tree = parse_html(_body_element_page(HARBOUR, [mark]), "x")
    assert body_element_paragraphs(tree) == HARBOUR


def test_two_body_elements_or_a_short_one_are_not_taken():
    two = _body_element_page(HARBOUR, ['class="article-body"', 'class="article-body"'])
    assert body_element_paragraphs(parse_html(two, "x")) is None
    short = _body_element_page(HARBOUR[:2], ['class="article-body"'])
    assert body_element_paragraphs(parse_html(short, "x")) is None
    nested = (
        _body_element_page(HARBOUR, ['class="article-body"'])
        .replace("<p>The harbour", "<div class='body-text'><p>The harbour", 1)
        .replace("</div>", "</div></div>", 1)
    )
    assert body_element_paragraphs(parse_html(nested, "x")) == HARBOUR  # the outer one
    unmarked = _body_element_page(HARBOUR, ['class="sidebar"'])
    assert body_element_paragraphs(parse_html(unmarked, "x")) is None
