"""The data model: lossless to_dict()/from_dict(), deterministic JSON, ids and references."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

from annotator.model import Annotation, AnnotationSet, Document, publication_day
from annotator.pipeline import annotate_document


def test_round_trip_is_lossless_for_every_valid_fixture():
    for path in sorted((FIXTURES / "annotations" / "valid").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert AnnotationSet.from_dict(data).to_dict() == data, path.name


def test_seed_set_round_trips_and_serialises_deterministically(seed_set):
    data = seed_set.to_dict()
    again = AnnotationSet.from_dict(json.loads(seed_set.to_json()))
    assert again.to_dict() == data
    assert again.to_json() == seed_set.to_json()
    text = seed_set.to_json()
    assert list(json.loads(text)) == sorted(json.loads(text))  # keys sorted


def test_ids_numbered_per_type_in_text_order_and_references_rewritten():
    class Pairs:
        name = "pairs"
        types = ("money",)

        def annotate(self, document, context):
            first = Annotation(
                "money", 0, 2, "$5", fields={"amount": "5", "currency": "USD"}, id="a"
            )
            second = Annotation(
                "money",
                4,
                6,
                "£4",
                fields={"amount": "4", "currency": "GBP", "equivalent_of": "a"},
                id="b",
            )
            return [second, first]

    from annotator.pipeline import Options
    from annotator.plugins import Registry

    document = Document(id="sha256:" + "0" * 64, source="t", text="$5 (£4)")
    reg = Registry(annotators={"pairs": Pairs()})
    result = annotate_document(document, Options(timestamp=False), reg)
    assert [(a.id, a.text) for a in result.annotations] == [("money-1", "$5"), ("money-2", "£4")]
    assert result.annotations[1].fields["equivalent_of"] == "money-1"


def test_bad_offsets_from_a_plugin_are_reported_not_kept():
    class Liar:
        name = "liar"
        types = ("x",)

        def annotate(self, document, context):
            yield Annotation("x", 0, 3, "nope")

    from annotator.pipeline import Options
    from annotator.plugins import Registry

    document = Document(id="sha256:" + "0" * 64, source="t", text="abcdef")
    result = annotate_document(
        document, Options(timestamp=False), Registry(annotators={"liar": Liar()})
    )
    assert result.annotations == []
    assert (
        result.checks[0]["type"] == "plugin-error"
        and "not text[0:3]" in result.checks[0]["message"]
    )


def test_publication_day_as_written():
    assert str(publication_day("2010-12-17T08:37:00+08:00")) == "2010-12-17"
    assert publication_day("2019-02-30") is None
    assert publication_day("0001-01-01T00:00:00Z") is None
    assert publication_day(None) is None


@pytest.mark.parametrize(
    ("published", "url", "day"),
    [
        # a UTC stamp of a US evening: the URL keeps the publisher's own day
        ("2019-11-20T01:50:59+00:00", "https://www.latimes.com/story/2019-11-19/x", "2019-11-19"),
        ("2019-11-19T04:58:46Z", "https://techcrunch.com/2019/11/18/x/", "2019-11-18"),
        # a stamp with its own zone, or a URL that agrees, or none: the stamp's day
        ("2019-11-20T01:50:59-05:00", "https://www.latimes.com/story/2019-11-19/x", "2019-11-20"),
        ("2019-11-20T01:50:59+00:00", "https://example.com/2019/11/20/x", "2019-11-20"),
        ("2019-11-20T01:50:59+00:00", None, "2019-11-20"),
        ("2019-11-20", "https://www.latimes.com/story/2019-11-19/x", "2019-11-20"),
    ],
)
def test_publication_day_of_a_utc_stamp_follows_the_url(published, url, day):
    assert publication_day(published, url).isoformat() == day
