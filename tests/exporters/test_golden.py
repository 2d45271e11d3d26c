"""Every exporter's output for the seed article equals its golden file and is valid in its format."""

from __future__ import annotations

import io
import json

import pytest
from pyld import jsonld
from regenerate_expected import GOLDEN
from support import (
    EXPECTED,
    offline_loader,
    parse_xml,
    render,
    seed_set,
    xml_schema,
)

from annotator.exporters.csv import columns, read_rows
from annotator.exporters.jsonld import annotation_iri, article_iri
from annotator.exporters.xml import read_sets

OA = "http://www.w3.org/ns/oa#"
SCHEMA = "http://schema.org/"


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_output_matches_golden_file(name):
    expected = (EXPECTED / GOLDEN[name]).read_bytes().decode("utf-8")
    assert render(name, [seed_set()]) == expected


def test_seed_fixture_is_a_full_set_with_exact_offsets():
    seed = seed_set()
    counts = {}
    for annotation in seed.annotations:
        counts[annotation.type] = counts.get(annotation.type, 0) + 1
        assert seed.document.text[annotation.start : annotation.end] == annotation.text
    assert counts == {"date": 4, "quote": 6, "agency": 6, "money": 2}


def test_standoff_xml_validates_and_reads_back_to_the_same_set():
    text = render("xml", [seed_set()])
    assert xml_schema("annotation-set.xsd").validate(parse_xml(text))
    (restored,) = read_sets(io.BytesIO(text.encode("utf-8")))
    assert restored.to_dict() == seed_set().to_dict()


def test_nitf_validates_and_marks_every_annotation_once():
    text = render("nitf", [seed_set()])
    root = parse_xml(text)
    assert xml_schema("nitf-subset.xsd").validate(root)
    assert root.get("dropped-markup") == "0"
    marked = {e.get("id"): e for e in root.iter("chron", "money", "org", "q")}
    seed = seed_set()
    assert sorted(marked) == sorted(a.id for a in seed.annotations)
    for annotation in seed.annotations:
        assert "".join(marked[annotation.id].itertext()) == annotation.text
    assert marked["date-1"].get("norm") == "2010-12-16"
    assert marked["money-1"].get("unit") == "CNY"
    assert marked["quote-4"].get("quote-source") == "Gu Jian"
    assert root.findtext("body/body.head/hedline/hl1") == seed.document.headline
    paragraphs = ["".join(p.itertext()) for p in root.iter("p")]
    assert "\n\n".join(paragraphs) == seed.document.text


def _quads(text: str) -> list[str]:
    document = json.loads(text)
    nquads = jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": offline_loader}
    )
    return nquads.splitlines()


def test_jsonld_expands_offline_into_the_expected_triples():
    seed = seed_set()
    text = render("jsonld", [seed])
    expanded = jsonld.expand(json.loads(text), {"documentLoader": offline_loader})
    assert expanded
    quads = _quads(text)
    article = f"<{article_iri(seed.document)}>"
    assert f'{article} <{SCHEMA}headline> "Countries join in copyright crackdown" .' in quads
    published = '"2010-12-17T08:37:00+08:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    assert f"{article} <{SCHEMA}datePublished> {published} ." in quads
    targets = [q for q in quads if f"<{OA}hasTarget>" in q]
    assert sorted(q.split()[0] for q in targets) == sorted(
        f"<{annotation_iri(seed.document, a.id)}>" for a in seed.annotations
    )
    starts = sorted(int(q.split('"')[1]) for q in quads if f"<{OA}start>" in q)
    ends = sorted(int(q.split('"')[1]) for q in quads if f"<{OA}end>" in q)
    assert starts == sorted(a.start for a in seed.annotations)
    assert ends == sorted(a.end for a in seed.annotations)


def test_jsonld_bodies_are_typed_with_schema_org():
    seed = seed_set()
    agency = next(a for a in seed.annotations if a.type == "agency")
    agency.fields["ids"] = {"wikidata": "Q999999999"}  # made up: only the sameAs mapping is tested
    quads = _quads(render("jsonld", [seed]))
    joined = "\n".join(quads)
    for kind in ("Quotation", "GovernmentOrganization", "MonetaryAmount", "NewsArticle"):
        assert f"<{SCHEMA}{kind}>" in joined
    assert "<http://www.wikidata.org/entity/Q999999999>" in joined
    assert '"2010-12-16"^^<http://www.w3.org/2001/XMLSchema#date>' in joined
    assert '"2010-09"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>' in joined
    assert '"835000000"^^<http://www.w3.org/2001/XMLSchema#decimal>' in joined


def test_csv_reads_back_into_the_same_annotations():
    seed = seed_set()
    text = render("csv", [seed])
    assert text.startswith(",".join(columns()) + "\r\n")
    rows = list(read_rows(io.StringIO(text, newline="")))
    assert len(rows) == len(seed.annotations)
    for row, annotation in zip(rows, seed.annotations, strict=True):
        assert row["annotation_id"] == annotation.id
        assert (row["type"], row["start"], row["end"]) == (
            annotation.type,
            annotation.start,
            annotation.end,
        )
        assert row["text"] == annotation.text
        assert row["confidence"] == annotation.confidence
        for name, value in annotation.fields.items():
            if name in row:
                assert row[name] == value
        for conversion in annotation.fields.get("conversions", []):
            assert row[f"amount_{conversion['currency']}"] == conversion["amount"]
