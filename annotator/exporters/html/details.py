"""What a reviewer is told about one annotation: its fields as labelled facts, warnings first.

The same facts fill the tooltip, the side panel's entry and the highlight's plain-text
title, so the three never disagree. Each type's own fields come in a reading order
(a date's value, granularity, mod and anchor; a quotation's speaker, cue and kind; an
agency's canonical name, country, kind and parent; an amount, its currency and each
conversion with its rate, rate date and source); any other field follows as written.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ...model import Annotation, AnnotationSet

FIELD_ORDER = {
    "date": ("value", "granularity", "mod", "anchor"),
    "quote": ("speaker", "speaker_mention", "speaker_role", "cue", "kind"),
    "agency": ("name", "country", "kind", "parent", "ids"),
    "money": ("amount", "currency", "mod", "conversions", "equivalent_of"),
}
# Fields shown through another one (a range through `amount`, `relative` through `anchor`).
FOLDED = {"date": ("relative",), "money": ("amount_min", "amount_max")}


@dataclass(frozen=True)
class Fact:
    """One labelled line about an annotation; `target` is the id of an annotation it names."""

    label: str
    value: str
    target: str | None = None
    warning: bool = False


class Context:
    """What facts about one annotation may refer to: the set's other annotations and checks."""

    def __init__(self, annotation_set: AnnotationSet) -> None:
        self.published = annotation_set.document.published
        self.by_id = annotation_set.by_id()
        self.checks: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for check in annotation_set.checks:
            for identifier in check.get("annotations") or ():
                self.checks[str(identifier)].append(check)

    def reference(self, label: str, identifier: Any) -> Fact:
        """A fact naming another annotation of the set by its id and words (a link to it)."""
        other = self.by_id.get(str(identifier))
        if other is None:
            return Fact(label, plain(identifier))
        return Fact(label, f"{other.id} “{_short(other.text)}”", target=other.id)


def _short(words: str, limit: int = 60) -> str:
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def plain(value: Any) -> str:
    """A field value as a reviewer reads it: text as is, anything else as compact JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))


def grouped(number: Any) -> str:
    """A decimal string with thousands separators ("835000000" → "835,000,000"), else as is."""
    try:
        value = Decimal(str(number))
    except InvalidOperation:
        return plain(number)
    if not value.is_finite():
        return plain(number)
    return format(value, ",f")


def _date_facts(fields: dict[str, Any], name: str, context: Context) -> Iterator[Fact]:
    value = fields.get(name)
    if name == "value" and value is None:
        if fields.get("ambiguous"):
            yield Fact("value", "ambiguous: two readings, the page's locale is unknown")
        return
    if name == "anchor" and value is not None:
        if value == "published":
            yield Fact("anchor", f"the publication date ({context.published or 'unknown'})")
            return
        yield context.reference("anchor", value)
        return
    if value is not None:
        yield Fact(name, plain(value))


def _conversion(entry: Any) -> Fact:
    if not isinstance(entry, dict):
        return Fact("conversion", plain(entry))
    currency = entry.get("currency", "?")
    if entry.get("amount") is None:
        return Fact("conversion", f"{currency}: no figure ({entry.get('reason') or 'no rate'})")
    rate = f"rate {entry.get('rate')} on {entry.get('rate_date')}"
    source = f", {entry['source']}" if entry.get("source") else ""
    return Fact("conversion", f"{grouped(entry['amount'])} {currency} ({rate}{source})")


def _money_facts(fields: dict[str, Any], name: str, context: Context) -> Iterator[Fact]:
    value = fields.get(name)
    if name == "amount":
        if value is not None:
            yield Fact("amount", grouped(value))
        elif fields.get("amount_min") is not None or fields.get("amount_max") is not None:
            low, high = fields.get("amount_min"), fields.get("amount_max")
            yield Fact("amount", f"{grouped(low)} – {grouped(high)}")
    elif name == "conversions":
        for entry in value or ():
            yield _conversion(entry)
    elif name == "equivalent_of" and value is not None:
        yield context.reference("restates", value)
    elif value is not None:
        yield Fact(name, plain(value))


def _field_facts(annotation: Annotation, context: Context) -> Iterator[Fact]:
    fields = annotation.fields
    order = FIELD_ORDER.get(annotation.type, ())
    for name in order:
        if annotation.type == "date":
            yield from _date_facts(fields, name, context)
        elif annotation.type == "money":
            yield from _money_facts(fields, name, context)
        elif name == "ids" and isinstance(fields.get(name), dict):
            for scheme, identifier in sorted(fields[name].items()):
                yield Fact(scheme, plain(identifier))
        elif fields.get(name) is not None:
            yield Fact(name, plain(fields[name]))
    shown = set(order) | set(FOLDED.get(annotation.type, ())) | {"ambiguous"}
    for name in sorted(fields):
        if name not in shown and fields[name] is not None:
            yield Fact(name, plain(fields[name]))


def facts(annotation: Annotation, context: Context) -> list[Fact]:
    """Everything shown about `annotation`: checks as warnings, its fields, then provenance."""
    warnings = [
        Fact(str(check.get("type", "check")), str(check.get("message", "")), warning=True)
        for check in context.checks.get(annotation.id, ())
    ]
    provenance = Fact("found by", f"{annotation.annotator}, confidence {annotation.confidence:g}")
    return [*warnings, *_field_facts(annotation, context), provenance]


def as_lines(annotation: Annotation, found: list[Fact]) -> str:
    """The facts as plain text lines, headed by the type and id (a highlight's title)."""
    lines = [f"{annotation.type} {annotation.id}"]
    for fact in found:
        mark = "⚠ " if fact.warning else ""
        lines.append(f"{mark}{fact.label}: {fact.value}")
    return "\n".join(lines)
