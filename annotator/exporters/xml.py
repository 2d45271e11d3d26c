"""The `xml` exporter: a standoff XML form of annotation sets (schemas/annotation-set.xsd).

::

    <annotation-sets>
      <annotation-set schema-version="1.0" replaced-characters="0">
        <document id="sha256:…" source="…" url="…" published="…" published-source="visible"
                  modified="…" language="en" language-source="detected" extraction="article">
          <headline>…</headline> <author>…</author>* <publisher>…</publisher>
          <section>…</section> <dateline>…</dateline> <text>the body</text>
        </document>
        <annotations>
          <annotation id="date-1" type="date" start="154" end="162" confidence="0.95" annotator="dates">
            <text>Thursday</text>
            <field name="value">2010-12-16</field>
            <field name="relative" type="boolean">true</field>
            <field name="conversions" type="list"><item type="object"><field name="currency">USD</field>…</item></field>
          </annotation>
        </annotations>
        <checks><check type="object">…</check></checks>
        <provenance type="object"><field name="generator">…</field>…</provenance>
      </annotation-set>
    </annotation-sets>

Type-specific fields are `<field name=…>` elements whose `type` (string when
absent, integer, number, boolean, null, list, object) says how to read them
back, so `read_sets()` recovers the sets. Offsets (`start`, `end`) are those of
the original text, in code points. Characters XML 1.0 forbids (control
characters, lone surrogates, U+FFFE/U+FFFF) are replaced one for one by U+FFFD
and counted in `replaced-characters`, so the offsets also hold in the written text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, TextIO

from lxml import etree

from ..hookspecs import hookimpl
from ..model import Annotation, AnnotationSet, Document
from .xmltext import XmlCleaner

ROOT = "annotation-sets"
DOCUMENT_ATTRIBUTES = (
    "id",
    "source",
    "url",
    "published",
    "published_source",
    "modified",
    "language",
    "language_source",
    "extraction",
)


def _attribute(name: str) -> str:
    """The XML attribute of a document field: 'published_source' → 'published-source'."""
    return name.replace("_", "-")


DOCUMENT_ELEMENTS = ("headline", "publisher", "section", "dateline", "text")


def _typed_element(tag: str, value: Any, clean: XmlCleaner, name: str | None = None):
    element = etree.Element(tag)
    if name is not None:
        element.set("name", clean(name))
    if value is None:
        element.set("type", "null")
    elif isinstance(value, bool):
        element.set("type", "boolean")
        element.text = "true" if value else "false"
    elif isinstance(value, int):
        element.set("type", "integer")
        element.text = str(value)
    elif isinstance(value, float):
        element.set("type", "number")
        element.text = repr(value)
    elif isinstance(value, list):
        element.set("type", "list")
        element.extend(_typed_element("item", item, clean) for item in value)
    elif isinstance(value, dict):
        element.set("type", "object")
        element.extend(_typed_element("field", v, clean, k) for k, v in value.items())
    else:
        element.text = clean(value)
    return element


def _text_element(tag: str, value: str, clean: XmlCleaner):
    element = etree.Element(tag)
    element.text = clean(value)
    return element


def document_element(document: Document, clean: XmlCleaner):
    """The <document> element: metadata as attributes and elements, then the body text."""
    element = etree.Element("document")
    for name in DOCUMENT_ATTRIBUTES:
        value = getattr(document, name)
        if value is not None:
            element.set(_attribute(name), clean(value))
    for name in DOCUMENT_ELEMENTS:
        value = getattr(document, name)
        if value is not None:
            element.append(_text_element(name, value, clean))
        if name == "headline":
            element.extend(_text_element("author", a, clean) for a in document.authors)
    return element


def annotation_element(annotation: Annotation, clean: XmlCleaner):
    """The <annotation> element: core fields as attributes, text and fields as children."""
    element = etree.Element("annotation")
    element.set("id", clean(annotation.id))
    element.set("type", clean(annotation.type))
    element.set("start", str(annotation.start))
    element.set("end", str(annotation.end))
    element.set("confidence", repr(float(annotation.confidence)))
    element.set("annotator", clean(annotation.annotator))
    element.append(_text_element("text", annotation.text, clean))
    element.extend(_typed_element("field", v, clean, k) for k, v in annotation.fields.items())
    return element


def set_element(annotation_set: AnnotationSet):
    """The <annotation-set> element of one set, with its replaced-characters count."""
    clean = XmlCleaner()
    element = etree.Element("annotation-set")
    element.set("schema-version", clean(annotation_set.schema_version))
    element.append(document_element(annotation_set.document, clean))
    annotations = etree.SubElement(element, "annotations")
    annotations.extend(annotation_element(a, clean) for a in annotation_set.annotations)
    if annotation_set.checks:
        checks = etree.SubElement(element, "checks")
        checks.extend(_typed_element("check", c, clean) for c in annotation_set.checks)
    element.append(_typed_element("provenance", annotation_set.provenance, clean))
    element.set("replaced-characters", str(clean.replaced))
    return element


class XmlExporter:
    """Standoff XML: one <annotation-set> per set inside an <annotation-sets> root."""

    name = "xml"
    media_type = "application/xml"
    extension = ".xml"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write the root, then each set's element as the set arrives."""
        stream.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<{ROOT}>\n')
        for annotation_set in sets:
            stream.write(
                etree.tostring(set_element(annotation_set), encoding="unicode", pretty_print=True)
            )
        stream.write(f"</{ROOT}>\n")


def _value(element) -> Any:
    kind = element.get("type", "string")
    text = element.text or ""
    if kind == "null":
        return None
    if kind == "boolean":
        return text == "true"
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "list":
        return [_value(item) for item in element.iterchildren("item")]
    if kind == "object":
        return {field.get("name"): _value(field) for field in element.iterchildren("field")}
    return text


def _document(element) -> Document:
    values: dict[str, Any] = {name: element.get(_attribute(name)) for name in DOCUMENT_ATTRIBUTES}
    for name in DOCUMENT_ELEMENTS:
        values[name] = element.findtext(name)
    values["text"] = values["text"] or ""
    values["authors"] = [a.text or "" for a in element.iterchildren("author")]
    return Document(**values)


def _annotation(element) -> Annotation:
    return Annotation(
        id=element.get("id"),
        type=element.get("type"),
        start=int(element.get("start")),
        end=int(element.get("end")),
        confidence=float(element.get("confidence")),
        annotator=element.get("annotator"),
        text=element.findtext("text") or "",
        fields={f.get("name"): _value(f) for f in element.iterchildren("field")},
    )


def read_sets(source: BinaryIO | str) -> Iterator[AnnotationSet]:
    """Read the annotation sets back from standoff XML (a path or a binary stream)."""
    for element in etree.parse(source).getroot().iterchildren("annotation-set"):
        checks = element.find("checks")
        yield AnnotationSet(
            document=_document(element.find("document")),
            annotations=[_annotation(a) for a in element.find("annotations")],
            provenance=_value(element.find("provenance")),
            checks=[_value(c) for c in checks] if checks is not None else [],
            schema_version=element.get("schema-version"),
        )


@hookimpl
def register_exporters(register) -> None:
    """Register the xml exporter."""
    register(XmlExporter())
