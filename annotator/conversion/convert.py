"""Money conversions at the publication date's rate, and equivalent_of discrepancy checks.

Documented choices:
- The rate is the source's last rate on or before the publication date's own
  calendar date ("2010-12-17T08:37+08:00" → 2010-12-17), as the rate source
  defines it; `rate_date` reports the fixing day actually used.
- Converting to the amount's own currency gives rate "1" at the publication
  date (so every target in --convert-to has one entry); with no publication
  date every entry, that one included, has `amount: null` and a reason.
- A range converts both ends (`amount_min`/`amount_max`) and has no `amount`:
  a midpoint is not a figure the text states.
- Amounts are multiplied by the reported `rate` (12 significant digits) and
  rounded half-up to the target's ISO 4217 minor unit only at output.
- A pair linked by `equivalent_of` is flagged when its stated ratio is more
  than 5% off the historical rate; ranges are compared by their midpoints.
- The arithmetic is exact for every amount the money reader gives (at most 10**18, 28
  digits): products are taken at PRECISION digits. A conversion whose result no decimal
  can hold (a rates file with an absurd rate) gets `amount: null` and a reason; it never
  touches another amount's conversions.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from ..model import Annotation, AnnotationSet, publication_day
from .currencies import minor_unit
from .rates import RATE_DIGITS, Rate, round_significant

TOLERANCE = Decimal("0.05")
PRECISION = 60  # digits: an amount's 28 and a rate's 12 multiply exactly


def decimal_text(value: Decimal) -> str:
    """A plain decimal string without exponent or trailing zeros ("835000000", "0.5")."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def round_to_minor_unit(amount: Decimal, currency: str) -> Decimal:
    """Round half-up to the currency's ISO 4217 minor unit (2 decimals, 0 for JPY, 3 for KWD)."""
    return amount.quantize(Decimal(1).scaleb(-minor_unit(currency)), rounding=ROUND_HALF_UP)


def _amounts(fields: dict[str, Any]) -> dict[str, Decimal]:
    """The amounts to convert: `amount`, or a range's two ends."""
    if fields.get("amount") is not None:
        return {"amount": Decimal(fields["amount"])}
    return {
        "amount_min": Decimal(fields["amount_min"]),
        "amount_max": Decimal(fields["amount_max"]),
    }


def _comparable(fields: dict[str, Any]) -> Decimal:
    """One figure for ratio checks: the amount, or a range's midpoint."""
    amounts = _amounts(fields)
    return amounts.get("amount", (amounts.get("amount_min", 0) + amounts.get("amount_max", 0)) / 2)


def source_label(source: Any) -> str:
    """A rate source's long name for `source` fields (its `label`, else its `name`)."""
    return getattr(source, "label", None) or source.name


def source_short(source: Any) -> str:
    """A rate source's short name for reasons ("ECB"; its `short`, else its `name`)."""
    return getattr(source, "short", None) or source.name


def no_rate(target: str, reason: str) -> dict[str, Any]:
    """A conversion entry for a target that has no rate: amount null and why."""
    return {"currency": target, "amount": None, "reason": reason}


def convert_fields(
    fields: dict[str, Any], targets: tuple[str, ...], day: date | None, source: Any
) -> list[dict[str, Any]]:
    """One conversion entry per target currency for a money annotation's fields."""
    currency = fields["currency"]
    amounts = _amounts(fields)
    entries = []
    for target in targets:
        if day is None:
            entries.append(no_rate(target, "no publication date"))
            continue
        if target == currency:
            rate: Rate | None = Rate(currency, target, Decimal(1), day, source_label(source))
        else:
            rate = source.rate(currency, target, day)
        if rate is None:
            missing = _missing_currency(source, currency, target, day)
            entries.append(
                no_rate(target, f"no {source_short(source)} rate for {missing} on {day}")
            )
            continue
        entries.append(_converted(amounts, rate, target))
    return entries


def _converted(amounts: dict[str, Decimal], rate: Rate, target: str) -> dict[str, Any]:
    """The conversion entry of `amounts` at `rate`, exact, rounded to the target's minor unit."""
    entry: dict[str, Any] = {"currency": target}
    try:
        with localcontext(prec=PRECISION):
            for key, amount in amounts.items():
                entry[key] = decimal_text(round_to_minor_unit(amount * rate.value, target))
    except ArithmeticError:  # InvalidOperation/Overflow: no decimal of PRECISION digits holds it
        return no_rate(target, f"converted amount out of range at rate {decimal_text(rate.value)}")
    entry.update(rate=decimal_text(rate.value), rate_date=str(rate.day), source=rate.source)
    return entry


def _missing_currency(source: Any, base: str, target: str, day: date) -> str:
    """Which side of a missing pair has no rate (the base when neither or both can tell)."""
    if base != "EUR" and source.rate(base, "EUR", day) is None:
        return base
    if target != "EUR" and source.rate(target, "EUR", day) is None:
        return target
    return f"{base}/{target}"


def discrepancy(
    first: Annotation, second: Annotation, day: date | None, source: Any
) -> dict[str, Any] | None:
    """The check for `second` (equivalent_of `first`) when its stated ratio is >5% off the rate."""
    base, target = first.fields["currency"], second.fields["currency"]
    first_amount = _comparable(first.fields)
    second_amount = _comparable(second.fields)
    if day is None or base == target or not first_amount:
        return None
    rate = source.rate(base, target, day)
    if rate is None:
        return None
    stated = second_amount / first_amount
    if abs(stated / rate.value - 1) <= TOLERANCE:
        return None
    return {
        "type": "equivalence-discrepancy",
        "annotations": [first.id, second.id],
        "stated_ratio": decimal_text(round_significant(stated, RATE_DIGITS)),
        "historical_rate": decimal_text(rate.value),
        "message": (
            f"{second.text!r} restates {first.text!r} at {decimal_text(round_significant(stated, 6))}"
            f" {target}/{base}, but the {source_short(source)} rate on {rate.day} was"
            f" {decimal_text(rate.value)} (more than 5% off)"
        ),
    }


def link_money(
    annotation_set: AnnotationSet,
    annotator_name: str,
    targets: tuple[str, ...],
    source: Any,
) -> None:
    """Add conversions to `annotator_name`'s money annotations and check equivalent_of pairs."""
    document = annotation_set.document
    day = publication_day(document.published, document.url)
    by_id = annotation_set.by_id()
    for annotation in annotation_set.annotations:
        if annotation.type != "money" or annotation.annotator != annotator_name:
            continue
        annotation.fields["conversions"] = convert_fields(annotation.fields, targets, day, source)
        first = by_id.get(annotation.fields.get("equivalent_of", ""))
        if first is not None and first.type == "money":
            check = discrepancy(first, annotation, day, source)
            if check is not None:
                annotation_set.checks.append(check)
