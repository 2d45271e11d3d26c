"""The `jsonld` exporter: schema.org NewsArticles annotated with W3C Web Annotations.

Output is one JSON-LD document: the bundled `@context` (schemas/jsonld-context.json,
inline, so nothing is fetched) and an `@graph` holding, for each set, the article
(`NewsArticle`: headline, author, publisher, datePublished, dateModified,
articleBody…) and one `oa:Annotation` per annotation. Each annotation targets
the article through a `TextPositionSelector` (code-point start/end, as in the
annotation set) and a `TextQuoteSelector` (exact text, up to 32 characters of
prefix and suffix). Bodies: `DateMention` with a typed `value` (xsd:date,
gYearMonth, gYear or dateTime; other values such as `2011-Q1` plain),
`Quotation` (text, creator `Person` or `Organization`), `GovernmentOrganization`
(name, sameAs Wikidata, areaServed, parentOrganization) and `MonetaryAmount`
(value, currency, conversions). Other types get a `Mention` body with their
fields as a JSON string. Lone surrogates become U+FFFD (offsets unchanged).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, TextIO

from ..hookspecs import hookimpl
from ..model import Annotation, AnnotationSet, Document, dumps
from .xmltext import unicode_safe

CONTEXT_RESOURCE = "jsonld-context.json"
QUOTE_CONTEXT = 32
WIKIDATA = "http://www.wikidata.org/entity/"
_DATE_TYPES = (
    (
        re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?"),
        "xsd:dateTime",
    ),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "xsd:date"),
    (re.compile(r"\d{4}-\d{2}"), "xsd:gYearMonth"),
    (re.compile(r"\d{4}"), "xsd:gYear"),
)
_MINUTES_ONLY = re.compile(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})((Z|[+-]\d{2}:\d{2})?)")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


@cache
def context() -> dict[str, Any]:
    """The bundled JSON-LD context (the value of `@context`)."""
    text = resources.files("annotator").joinpath("schemas", CONTEXT_RESOURCE).read_text("utf-8")
    return json.loads(text)["@context"]


def article_iri(document: Document) -> str:
    """The IRI naming an article: a URN built from the document id."""
    return f"urn:annotator:document:{document.id}"


def annotation_iri(document: Document, annotation_id: str) -> str:
    """The IRI naming one annotation of an article."""
    return f"{article_iri(document)}#{annotation_id}"


def typed_date(value: Any) -> Any:
    """A date value as a typed literal when it is an XML Schema date form, else plain."""
    if not isinstance(value, str):
        return value
    minutes = _MINUTES_ONLY.fullmatch(value)
    if minutes:
        value = f"{minutes.group(1)}:00{minutes.group(2)}"
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(value):
            return {"@value": value, "@type": datatype}
    return value


def _decimal(value: Any) -> Any:
    if value is None:
        return None
    try:
        text = format(Decimal(str(value)), "f")
    except ArithmeticError:
        return str(value)
    return {"@value": text, "@type": "xsd:decimal"}


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value not in (None, "", [])}


def article_node(document: Document) -> dict[str, Any]:
    """The schema.org NewsArticle for a document."""
    return _compact(
        {
            "@id": article_iri(document),
            "@type": "NewsArticle",
            "identifier": document.id,
            "url": document.url,
            "headline": document.headline,
            "author": [{"@type": "Person", "name": name} for name in document.authors],
            "publisher": (
                {"@type": "Organization", "name": document.publisher}
                if document.publisher
                else None
            ),
            "articleSection": document.section,
            "datePublished": typed_date(document.published),
            "dateModified": typed_date(document.modified),
            "dateline": document.dateline,
            "inLanguage": document.language,
            "articleBody": document.text,
        }
    )


def _organisation_names(annotation_set: AnnotationSet) -> set[str]:
    names = {annotation_set.document.publisher or ""}
    for annotation in annotation_set.annotations:
        if annotation.type == "agency":
            names.update((annotation.text, str(annotation.fields.get("name", ""))))
    return {name.casefold() for name in names if name}


def _date_body(fields: dict[str, Any], refer: Any) -> dict[str, Any]:
    return {
        "@type": "DateMention",
        "value": typed_date(fields.get("value")),
        "granularity": fields.get("granularity"),
        "mod": fields.get("mod"),
        "relative": fields.get("relative"),
        "anchor": refer(fields.get("anchor")),
    }


def _quote_body(annotation: Annotation, organisations: set[str]) -> dict[str, Any]:
    speaker = annotation.fields.get("speaker")
    kind = "Organization" if str(speaker).casefold() in organisations else "Person"
    return {
        "@type": "Quotation",
        "text": annotation.text,
        "creator": {"@type": kind, "name": speaker} if speaker else None,
        "speakerMention": annotation.fields.get("speaker_mention"),
        "cue": annotation.fields.get("cue"),
        "quoteKind": annotation.fields.get("kind"),
    }


def _agency_body(fields: dict[str, Any]) -> dict[str, Any]:
    country = fields.get("country")
    wikidata = (fields.get("ids") or {}).get("wikidata")
    parent = fields.get("parent")
    return {
        "@type": "GovernmentOrganization",
        "name": fields.get("name"),
        "sameAs": f"{WIKIDATA}{wikidata}" if wikidata else None,
        "areaServed": (
            {"@type": "Country", "identifier": country}
            if isinstance(country, str) and _COUNTRY_CODE.fullmatch(country)
            else country
        ),
        "agencyKind": fields.get("kind"),
        "parentOrganization": (
            {"@type": "GovernmentOrganization", "name": parent} if parent else None
        ),
    }


def _conversion(entry: dict[str, Any]) -> dict[str, Any]:
    return _compact(
        {
            "@type": "MonetaryAmount",
            "currency": entry.get("currency"),
            "value": _decimal(entry.get("amount")),
            "rate": _decimal(entry.get("rate")),
            "rateDate": entry.get("rate_date"),
            "rateSource": entry.get("source"),
            "reason": entry.get("reason"),
        }
    )


def _money_body(fields: dict[str, Any], refer: Any) -> dict[str, Any]:
    conversions = [c for c in fields.get("conversions") or [] if isinstance(c, dict)]
    return {
        "@type": "MonetaryAmount",
        "value": _decimal(fields.get("amount")),
        "minValue": _decimal(fields.get("amount_min")),
        "maxValue": _decimal(fields.get("amount_max")),
        "currency": fields.get("currency"),
        "mod": fields.get("mod"),
        "equivalentOf": refer(fields.get("equivalent_of")),
        "conversion": [_conversion(c) for c in conversions],
    }


def referrer(annotation_set: AnnotationSet) -> Any:
    """A function turning an annotation id into a reference to its node; other values unchanged."""
    document = annotation_set.document
    known = {a.id for a in annotation_set.annotations}

    def refer(ref: Any) -> Any:
        if isinstance(ref, str) and ref in known:
            return {"@id": annotation_iri(document, ref)}
        return ref

    return refer


def body(annotation: Annotation, refer: Any, organisations: set[str]) -> dict[str, Any]:
    """The typed body of one annotation; `refer` turns ids into node references."""
    fields = annotation.fields
    if annotation.type == "date":
        node = _date_body(fields, refer)
    elif annotation.type == "quote":
        node = _quote_body(annotation, organisations)
    elif annotation.type == "agency":
        node = _agency_body(fields)
    elif annotation.type == "money":
        node = _money_body(fields, refer)
    else:
        node = {"@type": "Mention", "fields": dumps(fields, indent=None)}
    return _compact(node)


def selectors(annotation: Annotation, text: str) -> list[dict[str, Any]]:
    """The position and quote selectors of an annotation in `text`."""
    quote = {
        "@type": "TextQuoteSelector",
        "exact": annotation.text,
        "prefix": text[max(0, annotation.start - QUOTE_CONTEXT) : annotation.start],
        "suffix": text[annotation.end : annotation.end + QUOTE_CONTEXT],
    }
    position = {"@type": "TextPositionSelector", "start": annotation.start, "end": annotation.end}
    return [position, _compact(quote)]


def annotation_node(
    annotation: Annotation, document: Document, refer: Any, organisations: set[str]
) -> dict[str, Any]:
    """The oa:Annotation for one annotation of `document`."""
    return _compact(
        {
            "@id": annotation_iri(document, annotation.id),
            "@type": "Annotation",
            "annotationType": annotation.type,
            "confidence": _decimal(annotation.confidence)["@value"],
            "annotator": annotation.annotator,
            "body": body(annotation, refer, organisations),
            "target": {
                "@type": "SpecificResource",
                "source": article_iri(document),
                "selector": selectors(annotation, document.text),
            },
        }
    )


def graph_nodes(annotation_set: AnnotationSet) -> list[dict[str, Any]]:
    """The article node followed by one node per annotation."""
    organisations = _organisation_names(annotation_set)
    refer = referrer(annotation_set)
    document = annotation_set.document
    nodes = [article_node(document)]
    nodes.extend(
        annotation_node(a, document, refer, organisations) for a in annotation_set.annotations
    )
    return nodes


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return unicode_safe(value)
    if isinstance(value, dict):
        return {key: _safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_safe(item) for item in value]
    return value


class JsonLdExporter:
    """Every set's article and annotations in one JSON-LD `@graph`, streamed node by node."""

    name = "jsonld"
    media_type = "application/ld+json"
    extension = ".jsonld"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write the inline context, then each set's nodes as the set arrives."""
        stream.write('{\n  "@context": ')
        stream.write(_indented(context(), "\n  "))
        stream.write(',\n  "@graph": [')
        separator = "\n    "
        for annotation_set in sets:
            for node in graph_nodes(annotation_set):
                stream.write(separator)
                stream.write(_indented(_safe(node), "\n    "))
                separator = ",\n    "
        stream.write("\n  ]\n}\n")


def _indented(value: Any, newline: str) -> str:
    return dumps(value).rstrip("\n").replace("\n", newline)


@hookimpl
def register_exporters(register) -> None:
    """Register the jsonld exporter."""
    register(JsonLdExporter())
