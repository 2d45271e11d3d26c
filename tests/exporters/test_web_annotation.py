"""`-f jsonld` is W3C Web Annotation JSON: read offline by pyld with the bundled anno
context, and conforming to the SHACL shapes of schemas/web-annotation-shapes.ttl (pySHACL)
for every fixture and 50 corpus pages."""

from __future__ import annotations

import json
from functools import cache

import pyshacl
import pytest
import rdflib
from conftest import CORPUS, FIXTURES, ROOT
from pyld import jsonld
from support import render, seed_set

import annotator
from annotator.exporters.jsonld import ANNO_CONTEXT, NAMESPACE, offline_document_loader
from annotator.model import Annotation

OA = "http://www.w3.org/ns/oa#"


def to_graph(text: str) -> rdflib.Graph:
    """The RDF of a JSON-LD text, through pyld (offline) and rdflib."""
    nquads = jsonld.to_rdf(
        json.loads(text),
        {"format": "application/n-quads", "documentLoader": offline_document_loader},
    )
    return rdflib.Graph().parse(data=nquads, format="nt")  # default graph only


@cache
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "schemas" / "web-annotation-shapes.ttl")


def violations(text: str) -> str:
    """The SHACL report's text when the output breaks a rule, else ''."""
    conforms, _graph, report = pyshacl.validate(to_graph(text), shacl_graph=shapes())
    return "" if conforms else report


def fixture_sets() -> list:
    """Every fixture: the annotation-set files and the HTML pages that have an article."""
    sets = [
        annotator.load(str(p)) for p in sorted((FIXTURES / "annotations" / "valid").glob("*.json"))
    ]
    sets.append(seed_set())
    for page in sorted((FIXTURES / "html").glob("*.html")):
        try:
            sets.append(annotator.annotate_html(page.read_bytes(), str(page), timestamp=False))
        except annotator.AnnotatorError:
            assert page.name == "empty-body.html"
    return sets


def test_every_fixture_conforms():
    sets = fixture_sets()
    assert len(sets) >= 10
    for annotation_set in sets:  # one by one: several fixtures describe the same document
        text = render("jsonld", [annotation_set])
        assert violations(text) == "", annotation_set.document.source
        kind = rdflib.URIRef(f"{OA}Annotation")
        assert len(set(to_graph(text).subjects(rdflib.RDF.type, kind))) == len(
            annotation_set.annotations
        )


def test_fifty_corpus_pages_conform():
    pages = sorted((CORPUS / "html").glob("*.html.gz"))[:50]
    sets = [annotator.annotate_html(p.read_bytes(), str(p), timestamp=False) for p in pages]
    text = render("jsonld", sets)
    assert violations(text) == ""
    assert sum(len(s.annotations) for s in sets) > 400


def test_w3c_serialisation():
    seed = seed_set()
    seed.document.url = "https://www.chinadaily.com.cn/china/2010-12/17/content_11719207.htm"
    seed.provenance["created"] = "2026-12-06T10:00:00Z"
    document = json.loads(render("jsonld", [seed]))
    assert document["@context"][0] == ANNO_CONTEXT
    article, *annotations = document["@graph"]
    assert article["id"] == f"urn:annotator:document:{seed.document.id}"
    assert article["type"] == "NewsArticle" and article["dateline"] == "BEIJING"
    assert "@id" not in json.dumps(annotations) and '@type": "Annotation' not in json.dumps(
        annotations
    )
    motivations = {a["annotationType"]: a["motivation"] for a in annotations}
    assert motivations == {
        "agency": "identifying",
        "date": "describing",
        "quote": "describing",
        "money": "describing",
    }
    first = annotations[0]
    assert first["type"] == "Annotation"
    assert first["creator"] == {"type": "Software", "name": "agencies"}
    assert first["generator"] == {
        "type": "Software",
        "name": "annotator",
        "softwareVersion": "0.1.0",
    }
    assert first["created"] == "2026-12-06T10:00:00Z"
    assert first["target"]["source"] == seed.document.url
    assert [s["type"] for s in first["target"]["selector"]] == [
        "TextPositionSelector",
        "TextQuoteSelector",
    ]
    assert first["body"]["type"] == ["AgencyMention", "GovernmentOrganization"]
    seed.provenance.pop("created")
    seed.document.url = None
    plain = json.loads(render("jsonld", [seed]))["@graph"][1]
    assert "created" not in plain
    assert plain["target"]["source"] == f"urn:annotator:document:{seed.document.id}"


def test_triples_use_standard_terms():
    seed = seed_set()
    seed.provenance["created"] = "2026-12-06T10:00:00Z"
    graph = to_graph(render("jsonld", [seed]))
    predicates = {str(p) for p in graph.predicates()}
    for term in (
        f"{OA}motivatedBy",
        f"{OA}hasBody",
        f"{OA}hasTarget",
        f"{OA}hasSource",
        "http://purl.org/dc/terms/creator",
        "http://purl.org/dc/terms/created",
        "http://www.w3.org/ns/activitystreams#generator",
        "http://schema.org/dateline",
        f"{NAMESPACE}timexValue",
        f"{NAMESPACE}firstDay",
    ):
        assert term in predicates, term
    assert not any("urn:annotator:vocab" in p for p in predicates)


def test_plugin_fields_are_real_properties():
    seed = seed_set()
    text = seed.document.text
    seed.annotations = [
        Annotation(
            "mood",
            0,
            8,
            text[:8],
            1,
            "moods",
            "mood-1",
            {"mood": "calm", "scores": [1, 2], "odd key": 3},
        )
    ]
    text_out = render("jsonld", [seed])
    assert violations(text_out) == ""
    graph = to_graph(text_out)
    body = next(graph.objects(None, rdflib.URIRef(f"{OA}hasBody")))
    values = {str(p): o for p, o in graph.predicate_objects(body)}
    assert str(values[f"{NAMESPACE}mood"]) == "calm"
    assert json.loads(str(values[f"{NAMESPACE}scores"])) == [1, 2]
    assert int(values[f"{NAMESPACE}odd%20key"]) == 3
    motivation = next(graph.objects(None, rdflib.URIRef(f"{OA}motivatedBy")))
    assert str(motivation) == f"{OA}tagging"


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda n: n["target"]["selector"][1].update(exact="Friday"), "is not the article text"),
        (
            lambda n: n["target"]["selector"][0].update(
                start=n["target"]["selector"][0]["start"] + 1
            ),
            "is not the article text",
        ),
        (lambda n: n.pop("motivation"), "motivatedBy"),
        (lambda n: n.update(motivation="bookmarking"), "motivatedBy"),
        (lambda n: n["body"].update(type=["Quotation"]), "not typed with one of our types"),
        (lambda n: n["target"]["selector"].pop(1), "hasSelector"),
        (
            lambda n: n["target"].update(source="https://elsewhere.example/"),
            "no article of the graph",
        ),
    ],
)
def test_the_shapes_catch_broken_annotations(damage, expected):
    document = json.loads(render("jsonld", [seed_set()]))
    damage(document["@graph"][2])
    report = violations(json.dumps(document))
    assert expected in report


def test_nothing_is_fetched():
    with pytest.raises(ValueError, match="not fetched"):
        offline_document_loader("https://schema.org/")
    assert offline_document_loader(ANNO_CONTEXT)["document"]["@context"]["oa"] == OA
