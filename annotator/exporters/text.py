"""The `text` exporter (also `pretty`): a first output a person can read.

For each article: the headline, then its date, publisher, authors and dateline, then its
source; then one line per annotation, grouped by type (dates, quotes, agencies, money,
then plugin types), each with what the tool made of it: a date's normalised value, a
quote's speaker and cue, an agency's canonical name, country and parent, an amount with
its currency and conversions. On a terminal (and unless NO_COLOR is set) headings and
values are coloured; otherwise the text is plain and deterministic.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, TextIO

from ..hookspecs import hookimpl
from ..model import BUILT_IN_TYPES, Annotation, AnnotationSet
from .xmltext import unicode_safe

HEADINGS = {"date": "dates", "quote": "quotes", "agency": "agencies", "money": "money"}
COLOURS = {"date": "36", "quote": "35", "agency": "33", "money": "32"}
TEXT_WIDTH = 60  # longer annotated text is cut with …
ALIGN_WIDTH = 40  # what the tool made of each annotation starts in one column up to this


class Style:
    """ANSI styling, or none at all."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, code: str) -> str:
        """`text` in the SGR style `code` (1 bold, 2 dim, 3x colours) when enabled."""
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled and text else text


def wants_colour(stream: TextIO) -> bool:
    """Colour on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def amount_text(value: Any) -> str:
    """A decimal amount with thousands separators: '835000000' → '835,000,000'."""
    try:
        return format(Decimal(str(value)), ",f")
    except (InvalidOperation, ValueError):
        return str(value)


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"


def describe_date(fields: dict[str, Any]) -> str:
    """'2010-12-16 (day, relative to published)', 'unresolved (ambiguous)'…"""
    value = fields.get("value")
    details = [fields.get("granularity"), fields.get("mod")]
    if fields.get("relative"):
        anchor = fields.get("anchor")
        details.append(f"relative to {anchor}" if anchor else "relative")
    if fields.get("ambiguous"):
        details.append("ambiguous")
    shown = ", ".join(str(d) for d in details if d)
    return f"{value or 'unresolved'}" + (f" ({shown})" if shown else "")


def describe_quote(fields: dict[str, Any]) -> str:
    """'— Meng Qingfeng (said)', with the speaker's role when known."""
    speaker = fields.get("speaker") or "unknown speaker"
    role = fields.get("speaker_role")
    details = [d for d in (fields.get("cue"), fields.get("kind")) if d and d != "direct"]
    return (
        f"— {speaker}"
        + (f", {role}" if role else "")
        + (f" ({', '.join(details)})" if details else "")
    )


def describe_agency(fields: dict[str, Any]) -> str:
    """'Ministry of Public Security (CN, ministry)', with its parent when known."""
    details = [d for d in (fields.get("country"), fields.get("kind")) if d]
    text = str(fields.get("name") or "?") + (f" ({', '.join(details)})" if details else "")
    return text + (f", part of {fields['parent']}" if fields.get("parent") else "")


def describe_money(fields: dict[str, Any]) -> str:
    """'CNY 835,000,000 ≈ USD 125,312,625.00 · EUR 94,661,445.00 (rates of 2010-12-16)'."""
    currency = fields.get("currency", "")
    if fields.get("amount") is not None:
        stated = amount_text(fields["amount"])
    else:
        stated = f"{amount_text(fields.get('amount_min'))}–{amount_text(fields.get('amount_max'))}"
    text = f"{currency} {stated}" + (f" ({fields['mod']})" if fields.get("mod") else "")
    conversions = [c for c in fields.get("conversions") or [] if isinstance(c, dict)]
    converted = [
        f"{c.get('currency')} {amount_text(c['amount'])}"
        for c in conversions
        if c.get("amount") is not None and c.get("currency") != currency
    ]
    if converted:
        days = sorted({str(c.get("rate_date")) for c in conversions if c.get("rate_date")})
        text += " ≈ " + " · ".join(converted)
        text += f" (rates of {', '.join(days)})" if days else ""
    missing = [c for c in conversions if c.get("amount") is None and c.get("reason")]
    if missing:
        text += f"; no {missing[0].get('currency')} rate: {missing[0]['reason']}"
    if fields.get("equivalent_of"):
        text += f"; restates {fields['equivalent_of']}"
    return text


def describe_other(fields: dict[str, Any]) -> str:
    """A plugin type's fields as `key=value` pairs."""
    return ", ".join(f"{key}={value}" for key, value in sorted(fields.items()))


DESCRIBE = {
    "date": describe_date,
    "quote": describe_quote,
    "agency": describe_agency,
    "money": describe_money,
}


def describe(annotation: Annotation) -> str:
    """What the tool made of one annotation, in words."""
    return DESCRIBE.get(annotation.type, describe_other)(annotation.fields)


def _header(annotation_set: AnnotationSet, style: Style) -> list[str]:
    document = annotation_set.document
    facts = [document.published, document.publisher, ", ".join(document.authors)]
    facts.append(document.dateline)
    lines = [style(document.headline or "(no headline)", "1")]
    lines.append(" · ".join(str(f) for f in facts if f) or "(no date, publisher or author)")
    lines.append(style(document.url or document.source, "2"))
    return lines


def _shown(annotation: Annotation) -> str:
    text = _shortened(annotation.text)
    return f"“{text}”" if annotation.type == "quote" else text


def _type_order(kind: str) -> tuple[int, str]:
    return (BUILT_IN_TYPES.index(kind) if kind in BUILT_IN_TYPES else len(BUILT_IN_TYPES), kind)


def report(annotation_set: AnnotationSet, style: Style) -> str:
    """The readable report of one article."""
    lines = _header(annotation_set, style)
    groups: dict[str, list[Annotation]] = {}
    for annotation in annotation_set.annotations:
        groups.setdefault(annotation.type, []).append(annotation)
    if not groups:
        lines += ["", "no annotations"]
    for kind in sorted(groups, key=_type_order):
        items = groups[kind]
        lines += [
            "",
            style(f"{HEADINGS.get(kind, kind)} ({len(items)})", f"1;{COLOURS.get(kind, '34')}"),
        ]
        shown = [_shown(annotation) for annotation in items]
        width = min(max(len(text) for text in shown), ALIGN_WIDTH)
        for text, annotation in zip(shown, items, strict=True):
            value = style(describe(annotation), COLOURS.get(kind, "34"))
            lines.append(f"  {text.ljust(width)}  {value}")
    for check in annotation_set.checks:
        lines.append(style(f"check: {check.get('type')}: {check.get('message')}", "2"))
    return unicode_safe("\n".join(lines)) + "\n"


class TextExporter:
    """Readable reports, one per article, separated by a blank line and a rule."""

    media_type = "text/plain"
    extension = ".txt"

    def __init__(self, name: str = "text") -> None:
        self.name = name

    def write(self, sets: Iterable[AnnotationSet], stream: TextIO, options: dict) -> None:
        """Write each set's report as it arrives."""
        style = Style(wants_colour(stream))
        for index, annotation_set in enumerate(sets):
            if index:
                stream.write("\n" + "─" * 40 + "\n\n")
            stream.write(report(annotation_set, style))


@hookimpl
def register_exporters(register) -> None:
    """Register the text exporter, also as `pretty`."""
    register(TextExporter("text"))
    register(TextExporter("pretty"))
