"""Hand-written edge cases: NITF overlaps, CSV neutralisation and batches, XML-unsafe text, streaming."""

from __future__ import annotations

import csv
import io

import pytest
from support import parse_xml, render, seed_set, xml_schema

from annotator.exporters.csv import read_rows
from annotator.exporters.jsonld import typed_date
from annotator.model import Annotation, AnnotationSet, Document

EXPORTERS = ("csv", "json", "jsonl", "jsonld", "nitf", "xml")


def make_set(text: str, spans: list[tuple[str, int, int, dict]], **document) -> AnnotationSet:
    """A set over `text` with annotations (type, start, end, fields), numbered by type."""
    doc = Document(id="sha256:00", source="edge.html", text=text, **document)
    annotations = [
        Annotation(kind, start, end, text[start:end], 1.0, "test", f"{kind}-{i}", fields)
        for i, (kind, start, end, fields) in enumerate(spans, 1)
    ]
    return AnnotationSet(document=doc, annotations=annotations)


def nitf_root(annotation_set: AnnotationSet):
    root = parse_xml(render("nitf", [annotation_set]))
    assert xml_schema("nitf-subset.xsd").validate(root)
    return root


def test_nitf_nests_contained_spans():
    text = "He said on Monday, 1 May 2010 that it worked."
    outer = text.index("Monday")
    inner = text.index("1 May")
    quote = make_set(
        text,
        [
            ("quote", 0, len(text), {"speaker": "Ann Lee"}),
            ("date", outer, outer + len("Monday, 1 May 2010"), {"value": "2010-05-01"}),
            ("date", inner, inner + len("1 May"), {"value": "2010-05-01"}),
        ],
    )
    root = nitf_root(quote)
    assert root.get("dropped-markup") == "0"
    (q,) = root.iter("q")
    chrons = list(q.iter("chron"))
    assert [c.get("id") for c in chrons] == ["date-2", "date-3"]
    assert "".join(chrons[0].itertext()) == "Monday, 1 May 2010"
    assert "".join(root.find(".//p").itertext()) == text


def test_nitf_drops_the_later_of_two_crossing_spans_and_counts_it():
    text = "the Ministry of Justice Department"
    first = make_set(
        text,
        [("agency", 4, 23, {"name": "A"}), ("agency", 16, 34, {"name": "B"})],
    )
    root = nitf_root(first)
    assert root.get("dropped-markup") == "1"
    assert [o.get("value") for o in root.iter("org")] == ["A"]
    assert "".join(root.find(".//p").itertext()) == text


def test_nitf_splits_a_span_over_paragraphs_keeping_the_id_once():
    text = "First part of it\n\nsecond part."
    root = nitf_root(make_set(text, [("quote", 6, 24, {"speaker": "X"})]))
    parts = list(root.iter("q"))
    assert ["".join(p.itertext()) for p in parts] == ["part of it", "second"]
    assert [p.get("id") for p in parts] == ["quote-1", None]


def test_nitf_writes_one_document_per_set_inside_a_batch_root():
    root = parse_xml(render("nitf", [seed_set(), seed_set(), seed_set()]))
    assert root.tag == "nitf-set" and len(root) == 3
    assert xml_schema("nitf-subset.xsd").validate(root)


@pytest.mark.parametrize("name", ["xml", "nitf"])
def test_xml_outputs_replace_forbidden_characters_and_count_them(name):
    text = "bad\x00 \x1b char\ud800 ]]> \u202eRTL\u202c ok"
    dirty = make_set(text, [("date", 0, 4, {"value": "x\x01"})], headline="h\x0b")
    output = render(name, [dirty])
    root = parse_xml(output)
    counted = root if name == "nitf" else root[0]
    # xml: 3 in the body, 1 in the annotation text, 1 in the value, 1 in the headline;
    # nitf: 3 in the body, 1 in chron/@norm, 1 each in the headline's <title> and <hl1>
    assert counted.get("replaced-characters") == "6"
    assert "]]>" in "".join(root.itertext())
    assert "\u202eRTL\u202c" in output


def test_csv_neutralises_cells_a_spreadsheet_would_run_and_reads_them_back():
    text = "=SUM(A1) +1 -2 @x \tq 'quoted"
    starts = [0, 9, 12, 15, 18, 21]
    ends = [8, 11, 14, 17, 20, 28]
    spans = [("quote", s, e, {"speaker": text[s:e]}) for s, e in zip(starts, ends, strict=True)]
    annotation_set = make_set(text, spans)
    output = render("csv", [annotation_set])
    rows = list(read_rows(io.StringIO(output, newline="")))
    assert [r["text"] for r in rows] == [a.text for a in annotation_set.annotations]
    assert [r["speaker"] for r in rows] == [a.text for a in annotation_set.annotations]
    cells = output.split("\r\n")[1].split(",")
    assert "'=SUM(A1)" in cells
    raw = render("csv", [annotation_set], {"csv_raw": True})
    assert "'=SUM" not in raw
    assert [r["text"] for r in read_rows(io.StringIO(raw, newline=""), raw=True)] == [
        a.text for a in annotation_set.annotations
    ]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "'"])
def test_csv_prefixes_each_formula_start_in_the_raw_cells(start):
    text = f"{start}cmd|x and a safe word"
    spans = [("quote", 0, 6, {"speaker": text[:6]}), ("quote", 11, 22, {"speaker": "safe"})]
    output = render("csv", [make_set(text, spans)])
    header, *rows = csv.reader(io.StringIO(output, newline=""))
    text_column, speaker_column = header.index("text"), header.index("speaker")
    assert [(row[text_column], row[speaker_column]) for row in rows] == [
        (f"'{start}cmd|x", f"'{start}cmd|x"),  # a spreadsheet shows it, never runs it
        ("a safe word", "safe"),
    ]
    raw = render("csv", [make_set(text, spans)], {"csv_raw": True})
    header, *rows = csv.reader(io.StringIO(raw, newline=""))
    assert rows[0][header.index("text")] == f"{start}cmd|x"


def test_csv_reading_back_keeps_raw_cells_and_refuses_ragged_rows():
    assert list(read_rows(io.StringIO(""))) == []  # no header, no rows
    written = "text,start\r\n'=x,3\r\n"
    assert list(read_rows(io.StringIO(written))) == [{"text": "=x", "start": 3}]
    assert list(read_rows(io.StringIO(written), raw=True)) == [{"text": "'=x", "start": 3}]
    with pytest.raises(ValueError):  # a row with a cell missing is not silently shortened
        list(read_rows(io.StringIO("text,start\r\nx\r\n")))


def test_csv_writes_one_header_for_a_batch_and_the_chosen_conversion_columns():
    output = render("csv", [seed_set(), seed_set()], {"convert_to": ["EUR", "GBP"]})
    lines = output.split("\r\n")
    assert lines[0].endswith(",equivalent_of,amount_EUR,amount_GBP")
    assert sum(line.startswith("document_id,") for line in lines) == 1
    rows = list(read_rows(io.StringIO(output, newline="")))
    assert len(rows) == 2 * len(seed_set().annotations)
    money = [r for r in rows if r["type"] == "money"]
    assert money[0]["amount_EUR"] == "94661445.00"
    assert money[0]["amount_GBP"] is None


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        ("2010-12-16", "xsd:date"),
        ("2010-09", "xsd:gYearMonth"),
        ("2011", "xsd:gYear"),
        ("2010-12-17T08:37:00+08:00", "xsd:dateTime"),
    ],
)
def test_jsonld_types_dates_as_their_xml_schema_form(value, datatype):
    assert typed_date(value) == {"@value": value, "@type": datatype}


def test_jsonld_completes_minute_precision_times_and_keeps_other_values_plain():
    assert typed_date("2010-12-17T08:37") == {
        "@value": "2010-12-17T08:37:00",
        "@type": "xsd:dateTime",
    }
    assert typed_date("2011-Q1") == "2011-Q1"
    assert typed_date("2010-W50") == "2010-W50"


class CountingSets:
    """A generator of sets that records how many it has handed out."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.handed = 0

    def __iter__(self):
        for _ in range(self.total):
            self.handed += 1
            yield seed_set()


class WatchingStream(io.StringIO):
    """A stream that records how many sets had been handed out at each write."""

    def __init__(self, sets: CountingSets) -> None:
        super().__init__(newline="")
        self.sets = sets
        self.seen: list[int] = []

    def write(self, text: str) -> int:
        self.seen.append(self.sets.handed)
        return super().write(text)


@pytest.mark.parametrize("name", EXPORTERS)
def test_exporters_write_while_consuming_the_sets(name):
    from annotator.plugins import registry

    sets = CountingSets(5)
    stream = WatchingStream(sets)
    registry().exporters[name].write(iter(sets), stream, {})
    assert sets.handed == 5
    # output for early sets is written before the last set is produced
    assert min(stream.seen) <= 2
    assert any(count < 5 for count in stream.seen[1:])
