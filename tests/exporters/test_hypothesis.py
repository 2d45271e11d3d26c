"""Any text — control characters, lone surrogates, `]]>`, RTL marks — gives well-formed output."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import parse_xml, render, xml_schema

from annotator.exporters.csv import read_rows
from annotator.exporters.xml import read_sets
from annotator.exporters.xmltext import unicode_safe, xml_safe
from annotator.model import Annotation, AnnotationSet, Document

TRICKY = ["]]>", "\u202e", "\u200f", "\x00", "\x1b", "\ud800", "\udfff", "\r", "\r\n", "\n\n"]
TRICKY += ["&amp;", "<q>", "'", "=", '"', "\ufffe", "\U0001f600", ",", "\t"]
pieces = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=12),
    st.sampled_from(TRICKY),
)
texts = st.lists(pieces, max_size=8).map("".join)
TYPES = ("date", "quote", "agency", "money", "custom")


@st.composite
def annotation_sets(draw) -> AnnotationSet:
    """A set over arbitrary text with arbitrary (possibly overlapping) spans and field values."""
    text = draw(texts)
    document = Document(
        id="sha256:" + draw(texts),
        source=draw(texts),
        text=text,
        headline=draw(st.none() | texts),
        authors=draw(st.lists(texts, max_size=2)),
        published=draw(st.none() | st.sampled_from(["2010-12-17", "2010-12-17T08:37:00Z"])),
    )
    annotations = []
    for index in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        kind = draw(st.sampled_from(TYPES))
        fields = draw(
            st.dictionaries(
                st.sampled_from(["value", "speaker", "name", "currency", "amount", "parent"]),
                texts,
                max_size=3,
            )
        )
        if draw(st.booleans()):
            fields["conversions"] = [{"currency": "USD", "amount": draw(texts), "rate": "1"}]
        annotations.append(
            Annotation(
                kind, start, end, text[start:end], 0.5, draw(texts), f"{kind}-{index}", fields
            )
        )
    return AnnotationSet(document=document, annotations=annotations)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(annotation_sets(), min_size=1, max_size=2))
def test_xml_exporters_always_give_valid_xml(sets):
    output = render("xml", sets)
    standoff = parse_xml(output)
    assert xml_schema("annotation-set.xsd").validate(standoff)
    restored = list(read_sets(io.BytesIO(output.encode("utf-8"))))
    for before, after in zip(sets, restored, strict=True):
        assert after.document.text == xml_safe(before.document.text)[0]
        assert [(a.start, a.end, a.text) for a in after.annotations] == [
            (a.start, a.end, xml_safe(a.text)[0]) for a in before.annotations
        ]
    nitf = parse_xml(render("nitf", sets))
    assert xml_schema("nitf-subset.xsd").validate(nitf)


@SETTINGS
@given(st.lists(annotation_sets(), min_size=1, max_size=2))
def test_json_exporters_always_give_json(sets):
    for name in ("json", "jsonld"):
        json.loads(render(name, sets))
    lines = render("jsonl", sets).split("\n")[:-1]
    assert [json.loads(line)["document"]["source"] for line in lines] == [
        s.document.source for s in sets
    ]
    render("jsonld", sets).encode("utf-8")


@SETTINGS
@given(st.lists(annotation_sets(), min_size=1, max_size=2))
def test_csv_reads_back_the_same_annotations(sets):
    output = render("csv", sets)
    output.encode("utf-8")
    rows = list(read_rows(io.StringIO(output, newline="")))
    annotations = [a for s in sets for a in s.annotations]
    assert len(rows) == len(annotations)
    for row, annotation in zip(rows, annotations, strict=True):
        assert (row["start"], row["end"], row["type"]) == (
            annotation.start,
            annotation.end,
            annotation.type,
        )
        assert (row["text"] or "") == unicode_safe(annotation.text)
        for name in ("value", "speaker", "name", "currency", "amount", "parent"):
            assert (row[name] or "") == unicode_safe(annotation.fields.get(name) or "")
