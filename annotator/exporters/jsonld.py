"""The `jsonld` exporter: W3C Web Annotations of schema.org NewsArticles, as JSON-LD.

Output is one JSON-LD document whose `@context` is `["http://www.w3.org/ns/anno.jsonld",
{our terms}]`, so a Web Annotation client reads it as it reads any W3C annotation; the
anno context is bundled (schemas/anno.jsonld, served by `offline_document_loader`) and
our own terms (schemas/jsonld-context.json, inline) live under
https://annotator.example/ns# and are described in schemas/annotator-vocabulary.ttl.

The `@graph` holds, per set, the article (`NewsArticle`, `id` its `urn:annotator:`
document IRI) and one `Annotation` per annotation: `motivation` (identifying for
agencies, describing for dates, quotes and money, tagging for plugin types), `creator`
(the annotator plugin) and `generator` (annotator and its version) as `Software`,
`created` when the set has a timestamp, `confidence`, a `body` typed with our type
(`DateMention`, `QuoteMention`, `AgencyMention`, `MoneyMention`, or `Mention` for a
plugin's type, whose fields become properties under our namespace) and schema.org's
(`Quotation`, `GovernmentOrganization`, `MonetaryAmount`), and a `target`: the page URL
when known (else the article IRI) as `source`, with a `TextPositionSelector` and a
`TextQuoteSelector` counting code points into the article body (`articleBody`), as the
annotation set does. Lone surrogates become U+FFFD (offsets unchanged).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, TextIO
from urllib.parse import quote

from ..hookspecs import hookimpl
from ..model import Annotation, AnnotationSet, Document, dumps
from ..timex import span
from .xmltext import unicode_safe

CONTEXT_RESOURCE = "jsonld-context.json"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNO_RESOURCE = "anno.jsonld"
NAMESPACE = "https://annotator.example/ns#"
MOTIVATIONS = {"agency": "identifying", "date": "describing", "quote": "describing"}
MOTIVATIONS["money"] = "describing"  # plugin types: tagging
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


def _schema_text(name: str) -> str:
    return resources.files("annotator").joinpath("schemas", name).read_text("utf-8")


@cache
def context() -> list[Any]:
    """The value of `@context`: the W3C anno context's URL, then our own terms."""
    return [ANNO_CONTEXT, json.loads(_schema_text(CONTEXT_RESOURCE))["@context"]]


@cache
def _anno_context() -> dict[str, Any]:
    return json.loads(_schema_text(ANNO_RESOURCE))


def offline_document_loader(url: str, options: Any = None) -> dict[str, Any]:
    """A pyld document loader that serves the bundled W3C anno context and fetches nothing.

    `jsonld.expand(doc, {"documentLoader": offline_document_loader})`; any other URL is
    an error (a ValueError naming it).
    """
    if url.rstrip("/").replace("https://", "http://", 1) == ANNO_CONTEXT:
        return {"contextUrl": None, "documentUrl": url, "document": _anno_context()}
    raise ValueError(f"not fetched (offline): {url}")


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
            "id": article_iri(document),
            "type": "NewsArticle",
            "identifier": document.id,
            "url": document.url,
            "headline": document.headline,
            "author": [{"type": "Person", "name": name} for name in document.authors],
            "publisher": (
                {"type": "Organization", "name": document.publisher} if document.publisher else None
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
    days = span(fields.get("value"))
    return {
        "type": ["DateMention"],
        "timexValue": typed_date(fields.get("value")),
        "firstDay": days[0].isoformat() if days else None,
        "lastDay": days[1].isoformat() if days else None,
        "granularity": fields.get("granularity"),
        "mod": fields.get("mod"),
        "relative": fields.get("relative"),
        "ambiguous": fields.get("ambiguous"),
        "anchor": refer(fields.get("anchor")),
    }


def _quote_body(annotation: Annotation, organisations: set[str]) -> dict[str, Any]:
    speaker = annotation.fields.get("speaker")
    kind = "Organization" if str(speaker).casefold() in organisations else "Person"
    return {
        "type": ["QuoteMention", "Quotation"],
        "quotedText": annotation.text,
        "spokenBy": {"type": kind, "name": speaker} if speaker else None,
        "speakerMention": annotation.fields.get("speaker_mention"),
        "speakerRole": annotation.fields.get("speaker_role"),
        "cue": annotation.fields.get("cue"),
        "quoteKind": annotation.fields.get("kind"),
    }


def _agency_body(fields: dict[str, Any]) -> dict[str, Any]:
    country = fields.get("country")
    wikidata = (fields.get("ids") or {}).get("wikidata")
    parent = fields.get("parent")
    return {
        "type": ["AgencyMention", "GovernmentOrganization"],
        "name": fields.get("name"),
        "sameAs": f"{WIKIDATA}{wikidata}" if wikidata else None,
        "areaServed": (
            {"type": "Country", "identifier": country}
            if isinstance(country, str) and _COUNTRY_CODE.fullmatch(country)
            else country
        ),
        "agencyKind": fields.get("kind"),
        "parentOrganization": (
            {"type": "GovernmentOrganization", "name": parent} if parent else None
        ),
    }


def _conversion(entry: dict[str, Any]) -> dict[str, Any]:
    return _compact(
        {
            "type": "MonetaryAmount",
            "currency": entry.get("currency"),
            "amount": _decimal(entry.get("amount")),
            "rate": _decimal(entry.get("rate")),
            "rateDate": entry.get("rate_date"),
            "rateSource": entry.get("source"),
            "reason": entry.get("reason"),
        }
    )


def _money_body(fields: dict[str, Any], refer: Any) -> dict[str, Any]:
    conversions = [c for c in fields.get("conversions") or [] if isinstance(c, dict)]
    return {
        "type": ["MoneyMention", "MonetaryAmount"],
        "amount": _decimal(fields.get("amount")),
        "minValue": _decimal(fields.get("amount_min")),
        "maxValue": _decimal(fields.get("amount_max")),
        "currency": fields.get("currency"),
        "mod": fields.get("mod"),
        "equivalentOf": refer(fields.get("equivalent_of")),
        "conversion": [_conversion(c) for c in conversions],
    }


def _plugin_value(value: Any) -> Any:
    """A plugin field's value as JSON-LD: scalars as they are, lists and objects as JSON."""
    if isinstance(value, dict | list):
        return {"@type": "@json", "@value": value}
    return value


def _plugin_body(fields: dict[str, Any]) -> dict[str, Any]:
    """A plugin type's body: each field a property under our namespace (`ann:field`)."""
    node: dict[str, Any] = {"type": ["Mention"]}
    for name in sorted(fields):
        if fields[name] is not None:
            node[f"ann:{quote(name, safe='-_.~')}"] = _plugin_value(fields[name])
    return node


def referrer(annotation_set: AnnotationSet) -> Any:
    """A function turning an annotation id into a reference to its node; other values unchanged."""
    document = annotation_set.document
    known = {a.id for a in annotation_set.annotations}

    def refer(ref: Any) -> Any:
        if isinstance(ref, str) and ref in known:
            return {"id": annotation_iri(document, ref)}
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
        node = _plugin_body(fields)
    return _compact(node)


def selectors(annotation: Annotation, text: str) -> list[dict[str, Any]]:
    """The position and quote selectors of an annotation in `text`."""
    quote_selector = {
        "type": "TextQuoteSelector",
        "exact": annotation.text,
        "prefix": text[max(0, annotation.start - QUOTE_CONTEXT) : annotation.start],
        "suffix": text[annotation.end : annotation.end + QUOTE_CONTEXT],
    }
    position = {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end}
    return [position, _compact(quote_selector)]


def generator(annotation_set: AnnotationSet) -> dict[str, Any]:
    """The software that made the set (provenance `generator`: 'annotator 0.1.0')."""
    name, _, version = str(annotation_set.provenance.get("generator", "annotator")).partition(" ")
    return _compact({"type": "Software", "name": name, "softwareVersion": version or None})


def annotation_node(
    annotation: Annotation, annotation_set: AnnotationSet, refer: Any, organisations: set[str]
) -> dict[str, Any]:
    """The W3C Web Annotation for one annotation of a set."""
    document = annotation_set.document
    return _compact(
        {
            "id": annotation_iri(document, annotation.id),
            "type": "Annotation",
            "motivation": MOTIVATIONS.get(annotation.type, "tagging"),
            "annotationType": annotation.type,
            "creator": {"type": "Software", "name": annotation.annotator},
            "generator": generator(annotation_set),
            "created": annotation_set.provenance.get("created"),
            "confidence": _decimal(annotation.confidence)["@value"],
            "body": body(annotation, refer, organisations),
            "target": {
                "type": "SpecificResource",
                "source": document.url or article_iri(document),
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
        annotation_node(a, annotation_set, refer, organisations) for a in annotation_set.annotations
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
