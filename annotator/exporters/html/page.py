"""One article's review page: header, the text with its annotations highlighted, the side panel.

Everything a reviewer needs is plain HTML (highlights, the grouped list with each
annotation's facts, type filters that work through CSS); the inline script only adds the
tooltip on hover and focus and moves the focus to the highlight an entry names.
"""

from __future__ import annotations

from collections import defaultdict

from ...model import Annotation, AnnotationSet, Document
from . import csp, details, escape, legend, marks
from .assets import asset
from .summary import meta_tag, row_of

EXCERPT = 90


def render_page(annotation_set: AnnotationSet, index_href: str | None = None) -> str:
    """The complete, self-contained review page of one annotation set.

    `index_href`, when given, is the relative link back to the batch index.
    """
    document = annotation_set.document
    annotations = sorted(annotation_set.annotations, key=lambda a: (a.start, -a.end))
    types = legend.ordered(a.type for a in annotations)
    context = details.Context(annotation_set)
    found = {id(a): details.facts(a, context) for a in annotations}
    style, filters, script = asset("page.css"), legend.filter_rules(types), asset("page.js")
    title = document.headline or document.source
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        csp.meta_tag([script], [style, filters]),
        '\n<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        meta_tag(row_of(annotation_set)),
        f"\n<title>Review: {escape.text(title)}</title>\n",
        f"<style>{style}</style>\n<style>{filters}</style>\n</head>\n<body>\n",
        '<a class="skip" href="#panel">Skip to the list of annotations</a>\n',
        _header(annotation_set, index_href),
        '<main class="review">\n',
        _article(document, annotations, found),
        _panel(annotations, types, found),
        "</main>\n",
        '<div id="tip" class="tip" role="tooltip" hidden></div>\n',
        f"<script>{script}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _fact(label: str, value: str | None, html_value: str | None = None, wide: bool = False) -> str:
    if not value and not html_value:
        return ""
    shown = html_value if html_value is not None else escape.text(value)
    css = ' class="wide"' if wide else ""
    return f"<div{css}><dt>{escape.text(label)}</dt><dd>{shown}</dd></div>\n"


def _url(url: str | None) -> str | None:
    target = escape.link_target(url)
    if target is None:
        return None
    return f'<a href="{escape.attribute(target)}" rel="noreferrer noopener">{escape.text(url)}</a>'


def _annotators(provenance: dict) -> str:
    names = ", ".join(str(n) for n in provenance.get("annotators") or ()) or "none"
    generator = provenance.get("generator")
    return f"{names} ({generator})" if generator else names


def _header(annotation_set: AnnotationSet, index_href: str | None) -> str:
    document = annotation_set.document
    provenance = annotation_set.provenance
    back = (
        f'<p class="back"><a href="{escape.attribute(index_href)}">All articles</a></p>\n'
        if index_href
        else ""
    )
    headline = document.headline or "(no headline)"
    rows = [
        _fact("Published", document.published or "unknown"),
        _fact("Modified", document.modified),
        _fact("Publisher", document.publisher or "unknown"),
        _fact("Section", document.section),
        _fact("Authors", ", ".join(document.authors)),
        _fact("Dateline", document.dateline),
        _fact("URL", document.url or "unknown", _url(document.url)),
        _fact("Language", document.language or "unknown"),
        _fact("Annotators", _annotators(provenance)),
        _fact("Annotated", provenance.get("created")),
        _fact("Read from", document.source, wide=True),
        _fact("Document id", document.id, wide=True),
    ]
    return (
        f'<header class="masthead">\n{back}<h1>{escape.text(headline)}</h1>\n'
        f'<dl class="about">\n{"".join(rows)}</dl>\n{_set_checks(annotation_set)}</header>\n'
    )


def _set_checks(annotation_set: AnnotationSet) -> str:
    if not annotation_set.checks:
        return ""
    items = "".join(
        f"<li><strong>{escape.text(check.get('type', 'check'))}</strong>: "
        f"{escape.text(check.get('message', ''))}</li>\n"
        for check in annotation_set.checks
    )
    return f'<section class="checks" aria-label="Checks"><h2>Checks</h2>\n<ul>\n{items}</ul>\n</section>\n'


def _article(
    document: Document, annotations: list[Annotation], found: dict[int, list[details.Fact]]
) -> str:
    titles = {id(a): escape.attribute(details.as_lines(a, found[id(a)])) for a in annotations}

    def open_tag(annotation: Annotation, first: bool) -> str:
        name = legend.token(annotation.type)
        classes = f"{legend.style_class(annotation.type)} k-{name}"
        identifier = escape.attribute(annotation.id)
        common = f'data-a="{identifier}" data-type="{name}" title="{titles[id(annotation)]}"'
        if not first:
            return f'<mark class="{classes} more" {common}>'
        return (
            f'<mark class="{classes}" id="a-{identifier}" tabindex="0" '
            f'aria-describedby="d-{identifier}" {common}>'
        )

    language = f' lang="{escape.attribute(document.language)}"' if document.language else ""
    body = marks.highlighted(escape.code_points_safe(document.text), annotations, open_tag)
    return (
        f'<article class="text" aria-label="Article text"><div class="body" id="text" dir="auto"{language}>'
        f"{body}</div></article>\n"
    )


def _excerpt(words: str) -> str:
    flat = " ".join(words.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rstrip() + "…"


def facts_list(identifier: str, found: list[details.Fact]) -> str:
    """The `<dl>` of one annotation's facts (warnings marked), as the panel and tooltip show it."""
    items = []
    for fact in found:
        value = escape.text(fact.value)
        if fact.target is not None:
            value = f'<a href="{escape.attribute(escape.fragment("a-" + fact.target))}">{value}</a>'
        css = ' class="warn"' if fact.warning else ""
        label = ("⚠ " if fact.warning else "") + fact.label
        items.append(f"<div{css}><dt>{escape.text(label)}</dt><dd>{value}</dd></div>")
    return f'<dl class="facts" id="d-{escape.attribute(identifier)}">{"".join(items)}</dl>'


def _entry(annotation: Annotation, found: list[details.Fact]) -> str:
    identifier = escape.attribute(annotation.id)
    href = escape.attribute(escape.fragment("a-" + annotation.id))
    warned = " warned" if any(f.warning for f in found) else ""
    return (
        f'<li class="entry{warned}" id="e-{identifier}">'
        f'<a class="go" href="{href}" data-a="{identifier}">{escape.text(_excerpt(annotation.text))}</a>'
        f"{facts_list(annotation.id, found)}</li>\n"
    )


def _panel(
    annotations: list[Annotation], types: list[str], found: dict[int, list[details.Fact]]
) -> str:
    by_type: dict[str, list[Annotation]] = defaultdict(list)
    for annotation in annotations:
        by_type[annotation.type].append(annotation)
    filters = []
    groups = []
    for annotation_type in types:
        name, style = legend.token(annotation_type), legend.style_class(annotation_type)
        count = len(by_type[annotation_type])
        label = escape.text(annotation_type)
        filters.append(
            f'<label class="filter"><input type="checkbox" id="show-{name}" checked> '
            f'<span class="swatch {style}">{label}</span> <span class="n">{count}</span></label>\n'
        )
        entries = "".join(_entry(a, found[id(a)]) for a in by_type[annotation_type])
        groups.append(
            f'<section class="group" id="group-{name}" data-type="{name}">'
            f'<h3><span class="swatch {style}">{label}</span> '
            f'<span class="count">{count}</span></h3>\n<ol>\n{entries}</ol>\n</section>\n'
        )
    empty = '<p class="none">No annotations.</p>\n' if not annotations else ""
    return (
        '<aside class="panel" id="panel" aria-label="Annotations">\n'
        f'<h2>Annotations <span class="total">{len(annotations)}</span></h2>\n{empty}'
        f'<fieldset class="filters"><legend>Show</legend>\n{"".join(filters)}</fieldset>\n'
        f"{''.join(groups)}</aside>\n"
    )
