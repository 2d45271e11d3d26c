"""The language gate: on a page in a language an annotator does not read, only its
language-independent finds stay, and the set says so in `checks`."""

from __future__ import annotations

from conftest import FIXTURES

import annotator
from annotator.hookspecs import hookimpl
from annotator.languages import LanguageGate, language_gate
from annotator.model import Annotation, Document
from annotator.pipeline import Options, annotate_document
from annotator.plugins import pm

ENGLISH_ONLY = ("quotes", "agencies")


def _annotate(name: str):
    page = (FIXTURES / "html" / name).read_bytes()
    return annotator.annotate_html(page, name, timestamp=False)


def test_a_german_page_keeps_only_iso_dates_and_amounts_with_a_symbol():
    result = _annotate("de-2024-03-14-declared-en.html")
    assert result.document.language == "de"
    found = [(a.type, a.text) for a in result.annotations]
    assert found == [("money", "4,50 €"), ("date", "2024-03-14")]
    money = result.annotations[0]
    assert money.fields["amount"] == "4.5" and money.fields["currency"] == "EUR"
    assert {c["annotator"]: c["message"] for c in result.checks} == {
        "agencies": "agencies: language 'de' not supported",
        "quotes": "quotes: language 'de' not supported",
        "dates": "dates: language 'de' not supported; only ISO 8601 dates marked",
        "money": "money: language 'de' not supported; only amounts with a currency symbol"
        " or code marked",
    }
    assert all(c["type"] == "language-not-supported" for c in result.checks)
    assert annotator.validate(result.to_dict()) == []


def test_a_french_page_marks_no_quote_agency_or_worded_amount():
    result = _annotate("fr-2019-11-18-greve-transports.html")
    assert [(a.type, a.text) for a in result.annotations] == [("money", "1,90 €")]
    assert "« Nous demandons" in result.document.text  # a quotation no English rule reads


def test_english_and_unknown_languages_are_read_as_before():
    for language in ("en", "en-GB", None):
        document = Document(
            id="sha256:" + "0" * 64,
            source="x",
            text='"We will act quickly," said Li Wei, a spokesman for the State Council.',
            language=language,
        )
        result = annotate_document(document, Options(timestamp=False))
        assert {a.type for a in result.annotations} == {"quote", "agency"}
        assert result.checks == []


def test_references_to_dropped_finds_are_removed():
    gate = LanguageGate("money", "de", ("money",))
    worded = Annotation("money", 0, 12, "fünf Dollar", id="m0", fields={"currency": "USD"})
    symbol = Annotation(
        "money", 14, 19, "4,50 €", id="m1", fields={"currency": "EUR", "equivalent_of": "m0"}
    )
    kept = gate.keep([worded, symbol])
    assert kept == [symbol] and "equivalent_of" not in symbol.fields


class SwahiliAnnotator:
    """A third-party annotator that reads Swahili only."""

    name = "wajibu"
    types = ("duty",)
    languages = ("sw",)

    def annotate(self, document, context):
        """No finds: only whether it runs matters here."""
        return []


class Plugin:
    @hookimpl
    def register_annotators(self, register):
        register(SwahiliAnnotator())


def test_a_plugin_says_which_languages_it_reads():
    assert language_gate("wajibu", SwahiliAnnotator(), "sw", built_in=False) is None
    gate = language_gate("wajibu", SwahiliAnnotator(), "en", built_in=False)
    assert gate is not None and not gate.runs
    assert language_gate("mine", object(), "ja", built_in=False) is None  # reads anything
    pm.register(Plugin(), name="test-wajibu")
    try:
        document = Document(id="sha256:" + "0" * 64, source="x", text="Hello.", language="en")
        result = annotate_document(document, Options(annotators=("wajibu",), timestamp=False))
        assert result.checks == [
            {
                "type": "language-not-supported",
                "annotator": "wajibu",
                "message": "wajibu: language 'en' not supported",
            }
        ]
    finally:
        pm.unregister(name="test-wajibu")
