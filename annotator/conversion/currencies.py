"""Currency facts that conversion and the money reader share: ISO 4217 minor units."""

from __future__ import annotations

# ISO 4217 minor units that differ from 2.
MINOR_UNITS = {
    **dict.fromkeys("JPY KRW CLP ISK VND PYG UGX XOF XAF KMF GNF RWF VUV XPF BIF DJF".split(), 0),
    **dict.fromkeys("KWD BHD OMR JOD IQD LYD TND".split(), 3),
}


def minor_unit(currency: str) -> int:
    """The ISO 4217 exponent of `currency`: 2 for most, 0 for JPY/KRW…, 3 for KWD/BHD…."""
    return MINOR_UNITS.get(currency.upper(), 2)
