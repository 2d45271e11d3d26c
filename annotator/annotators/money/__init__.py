"""The built-in `money` annotator: amounts and ranges with ISO currencies, conversions, pairs.

`annotate()` finds the amounts (see `match`) and links restatements
with local ids; `link()` adds the conversions at the publication date's rate
and flags restatements whose ratio is more than 5% off that rate (see
`annotator.conversion`). Amounts are exact decimal strings.

Modules: `numbers` (digits in either notation, number words, scales), `units` (ISO codes,
symbols, currency words, ambiguous units), `match` (amounts, ranges and modifiers in
text), `context` (the publisher's country and notation, hints near an amount); this file
builds annotations. Conversion arithmetic lives in `annotator.conversion`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...conversion.convert import decimal_text, link_money
from ...conversion.rates import configured_source
from ...hookspecs import hookimpl
from ...model import Annotation, AnnotationSet, Document
from .context import MoneyContext
from .match import Money, find_money

CONFIDENCE_EXPLICIT = 0.95  # the currency is written out ("€", "yuan", "HK$", "USD")
CONFIDENCE_INFERRED = 0.8  # resolved from context ("$", "¥", "pounds")


def _local_id(index: int) -> str:
    return f"m{index}"


def to_annotation(money: Money, index: int, text: str) -> Annotation:
    """The Annotation of one found amount (local id `m<index>`)."""
    fields: dict[str, Any] = {"currency": money.currency}
    if money.amount is not None:
        fields["amount"] = decimal_text(money.amount)
    else:
        fields["amount_min"] = decimal_text(money.amount_min)
        fields["amount_max"] = decimal_text(money.amount_max)
    if money.mod:
        fields["mod"] = money.mod
    if money.equivalent_of is not None:
        fields["equivalent_of"] = _local_id(money.equivalent_of)
    return Annotation(
        type="money",
        start=money.start,
        end=money.end,
        text=text[money.start : money.end],
        confidence=CONFIDENCE_EXPLICIT if money.explicit else CONFIDENCE_INFERRED,
        id=_local_id(index),
        fields=fields,
    )


class MoneyAnnotator:
    """Marks monetary amounts ("835 million yuan", "$3-5 million", "₹1.5 lakh")."""

    name = "money"
    types = ("money",)

    def annotate(self, document: Document, context: Any) -> Iterator[Annotation]:
        """Yield one money annotation per amount or range in the document's text."""
        found = find_money(MoneyContext.of(document))
        for index, money in enumerate(found):
            yield to_annotation(money, index, document.text)

    def link(self, annotation_set: AnnotationSet, context: Any) -> None:
        """Add conversions (Options.convert_to, rate source) and equivalent_of checks."""
        options = context.options
        source = configured_source(context.rate_source(), options)
        wanted = options.convert_to
        codes = wanted.split(",") if isinstance(wanted, str) else wanted
        targets = tuple(code.strip().upper() for code in codes if code.strip())
        link_money(annotation_set, self.name, targets, source)


@hookimpl
def register_annotators(register: Any) -> None:
    """Register the built-in `money` annotator."""
    register(MoneyAnnotator())
