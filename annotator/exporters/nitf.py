"""The `nitf` exporter: NITF 3.6-style XML of the article with inline annotation markup.

One set gives one `<nitf>` document; several give `<nitf-set>` wrapping one
`<nitf>` per article (schemas/nitf-subset.xsd describes what is written). The
body text is split into `<p>` at blank lines, and annotated spans are marked:
dates as `<chron norm="2010-12-16">`, money as `<money unit="CNY">`, agencies as
`<org value="canonical name">`, quotes as `<q quote-source="speaker">`; each
element's `id` is the annotation id. Other annotation types are not marked.
A span running over several paragraphs is marked in each (the id on the first
part only). Overlapping spans nest when one contains the other; when they
cross, the earlier (or longer) one is kept and the other's markup dropped. The
root's `dropped-markup` attribute counts the dropped spans and
`replaced-characters` the characters XML 1.0 forbids, replaced by U+FFFD.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from lxml import etree

from ..hookspecs import hookimpl
from ..model import Annotation, AnnotationSet, Document
from .xmltext import XmlCleaner

NITF_VERSION = "-//IPTC//DTD NITF 3.6//EN"
PARAGRAPH_BREAK = "\n\n"
BLOCK_ELEMENTS = {
    "nitf",
    "head",
    "docdata",
    "body",
    "body.head",
    "hedline",
    "dateline",
    "body.content",
}
# annotation type → (element, attribute, field giving the attribute's value)
MARKUP = {
    "date": ("chron", "norm", "value"),
    "money": ("money", "unit", "currency"),
    "agency": ("org", "value", "name"),
    "quote": ("q", "quote-source", "speaker"),
}


@dataclass
class Span:
    """A piece of an annotation inside one paragraph, and the spans nested in it."""

    start: int
    end: int
    annotation: Annotation | None = None
    first: bool = True
    children: list[Span] = field(default_factory=list)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) offsets of the non-empty paragraphs of `text` (split at blank lines)."""
    position = 0
    while position <= len(text):
        found = text.find(PARAGRAPH_BREAK, position)
        end = len(text) if found < 0 else found
        if text[position:end].strip():
            yield position, end
        if found < 0:
            return
        position = found + len(PARAGRAPH_BREAK)


def nest(root: Span, pieces: list[Span]) -> int:
    """Nest `pieces` (sorted by start, longest first) under `root`; return how many crossed."""
    dropped = 0
    stack = [root]
    for piece in pieces:
        while len(stack) > 1 and stack[-1].end <= piece.start:
            stack.pop()
        if piece.end > stack[-1].end:
            dropped += 1
            continue
        stack[-1].children.append(piece)
        stack.append(piece)
    return dropped


def _pieces(annotations: list[Annotation], start: int, end: int) -> list[Span]:
    pieces = []
    for annotation in annotations:
        low, high = max(annotation.start, start), min(annotation.end, end)
        empty_inside = annotation.start == annotation.end and start <= annotation.start <= end
        if low < high or empty_inside:
            pieces.append(Span(low, high, annotation, first=annotation.start >= start))
    return pieces


class _Writer:
    """Builds one article's <nitf> element, counting replaced characters and dropped markup."""

    def __init__(self, annotation_set: AnnotationSet) -> None:
        self.set = annotation_set
        self.clean = XmlCleaner()
        self.dropped = 0

    def text(self, element: Any, value: str) -> None:
        element.text = self.clean(value)

    def build(self) -> Any:
        document = self.set.document
        root = etree.Element("nitf", version=NITF_VERSION)
        root.append(self.head(document))
        body = etree.SubElement(root, "body")
        body.append(self.body_head(document))
        body.append(self.body_content(document.text))
        root.set("replaced-characters", str(self.clean.replaced))
        root.set("dropped-markup", str(self.dropped))
        return root

    def head(self, document: Document) -> Any:
        head = etree.Element("head")
        if document.headline is not None:
            self.text(etree.SubElement(head, "title"), document.headline)
        docdata = etree.SubElement(head, "docdata")
        etree.SubElement(docdata, "doc-id", {"id-string": self.clean(document.id)})
        if document.published:
            etree.SubElement(docdata, "date.issue", norm=self.clean(document.published))
        if document.modified:
            etree.SubElement(docdata, "date.release", norm=self.clean(document.modified))
        if document.publisher or document.section:
            pubdata = etree.SubElement(head, "pubdata", type="web")
            if document.publisher:
                pubdata.set("name", self.clean(document.publisher))
            if document.section:
                pubdata.set("position.section", self.clean(document.section))
        return head

    def body_head(self, document: Document) -> Any:
        body_head = etree.Element("body.head")
        hedline = etree.SubElement(body_head, "hedline")
        self.text(etree.SubElement(hedline, "hl1"), document.headline or "")
        if document.authors:
            byline = etree.SubElement(body_head, "byline")
            byline.text = "By "
            for index, author in enumerate(document.authors):
                person = etree.SubElement(byline, "person")
                self.text(person, author)
                if index < len(document.authors) - 1:
                    person.tail = ", "
        if document.dateline:
            dateline = etree.SubElement(body_head, "dateline")
            self.text(etree.SubElement(dateline, "location"), document.dateline)
        return body_head

    def body_content(self, text: str) -> Any:
        content = etree.Element("body.content")
        marked = [a for a in self.set.annotations if a.type in MARKUP]
        for start, end in paragraphs(text):
            pieces = _pieces(marked, start, end)
            pieces.sort(key=lambda p: (p.start, -p.end))
            root = Span(start, end)
            self.dropped += nest(root, pieces)
            paragraph = etree.SubElement(content, "p")
            self.fill(paragraph, root, text)
        return content

    def fill(self, element: Any, span: Span, text: str) -> None:
        """Write span's text into element, with one child element per nested span."""
        first_stop = span.children[0].start if span.children else span.end
        element.text = self.clean(text[span.start : first_stop])
        stops = [child.start for child in span.children[1:]] + [span.end]
        for child, stop in zip(span.children, stops, strict=False):
            child_element = self.inline(child)
            element.append(child_element)
            self.fill(child_element, child, text)
            child_element.tail = self.clean(text[child.end : stop])

    def inline(self, span: Span) -> Any:
        annotation = span.annotation
        tag, attribute, source = MARKUP[annotation.type]
        element = etree.Element(tag)
        if span.first:
            element.set("id", self.clean(annotation.id))
        value = annotation.fields.get(source)
        if value is not None:
            element.set(attribute, self.clean(value))
        return element


def nitf_element(annotation_set: AnnotationSet) -> Any:
    """The <nitf> element of one annotation set."""
    return _Writer(annotation_set).build()


class NitfExporter:
    """NITF 3.6-style XML with inline date, money, organisation and quotation markup."""

    name = "nitf"
    media_type = "application/xml"
    extension = ".nitf.xml"

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write one <nitf> document, or a <nitf-set> of them when there are several sets."""
        iterator = iter(sets)
        first = next(iterator, None)
        second = next(iterator, None)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if first is not None and second is None:
            stream.write(_serialise(first))
            return
        stream.write("<nitf-set>\n")
        for annotation_set in _present(first, second, iterator):
            stream.write(_serialise(annotation_set))
        stream.write("</nitf-set>\n")


def _present(*heads_then_rest: Any) -> Iterator[AnnotationSet]:
    *heads, rest = heads_then_rest
    yield from (head for head in heads if head is not None)
    yield from rest


def _serialise(annotation_set: AnnotationSet) -> str:
    element = nitf_element(annotation_set)
    _layout(element)
    return etree.tostring(element, encoding="unicode") + "\n"


def _layout(element: Any, depth: int = 0) -> None:
    """Indent the block elements only: inline content keeps its exact text."""
    children = list(element)
    if element.tag not in BLOCK_ELEMENTS or not children:
        return
    inner = "\n" + "  " * (depth + 1)
    element.text = inner
    for child in children:
        child.tail = inner
        _layout(child, depth + 1)
    children[-1].tail = "\n" + "  " * depth


@hookimpl
def register_exporters(register) -> None:
    """Register the nitf exporter."""
    register(NitfExporter())
