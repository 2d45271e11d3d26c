"""Restatement checks through the CLI: a pair is flagged when its stated ratio is more than
5 % off the historical rate, measured relatively, for currencies near and far from parity."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from annotator.conversion.rates import EcbSource

DAY = date(2019, 5, 2)
MILLION, BILLION = Decimal(10) ** 6, Decimal(10) ** 9
# (original amount, its text, currency, restating currency, how the restatement is written
# and its scale); yen and won are far from parity with the dollar and with each other.
PAIRS = [
    (835 * MILLION, "835 million yuan", "CNY", "USD", "${} million", MILLION),
    (BILLION, "1 billion yen", "JPY", "USD", "${} million", MILLION),
    (MILLION, "$1 million", "USD", "KRW", "₩{} billion", BILLION),
    (10 * BILLION, "₩10 billion", "KRW", "JPY", "{} million yen", MILLION),
]
OFF = {"4% above": Decimal("1.04"), "4% below": Decimal("0.96")}
FLAGGED = {"6% above": Decimal("1.06"), "6% below": Decimal("0.94")}


def _restated(amount: Decimal, pair: tuple, factor: Decimal) -> str:
    """The restatement of `amount` at `factor` times the ECB rate, to 4 digits."""
    _amount, _text, base, target, form, scale = pair
    rate = EcbSource().rate(base, target, DAY).value
    return form.format(f"{amount * rate * factor / scale:.4g}")


def _page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<html><head><meta property="article:published_time" content="2019-05-02">'
        f"<title>Deals</title></head><body><article><h1>Deals</h1>{body}</article></body></html>"
    ).encode()


@pytest.mark.parametrize("base_index", range(len(PAIRS)))
def test_restatements_4_percent_off_pass_and_6_percent_off_are_flagged(
    tmp_path, run_cli, base_index
):
    amount, original = PAIRS[base_index][:2]
    cases = {**OFF, **FLAGGED}
    restated = {name: _restated(amount, PAIRS[base_index], f) for name, f in cases.items()}
    paragraphs = [
        f"In the deal called {name}, the buyer paid {original} ({restated[name]}) for the assets,"
        " the regulator said in a statement on Thursday."
        for name in cases
    ]
    page = tmp_path / "deals.html"
    page.write_bytes(_page(paragraphs))
    code, out, err = run_cli(page, "--annotators", "money", "--no-timestamp")
    assert code == 0, err
    result = json.loads(out)
    money = {a["id"]: a for a in result["annotations"]}
    pairs = [
        (money[a["equivalent_of"]]["text"], a["text"])
        for a in money.values()
        if "equivalent_of" in a
    ]
    assert pairs == [(original, restated[name]) for name in cases]  # every pair is linked
    flagged = [
        money[check["annotations"][1]]["text"]
        for check in result.get("checks", [])
        if check["type"] == "equivalence-discrepancy"
    ]
    assert flagged == [restated[name] for name in FLAGGED]


def test_the_issue_pair_12_percent_off_is_flagged_with_its_ratio(tmp_path, run_cli):
    page = tmp_path / "yuan.html"
    paragraph = (
        "The fund holds 835 million yuan ($140 million), its manager said on Thursday at a"
        " news conference in Beijing, adding that more would follow next year."
    )
    page.write_bytes(_page([paragraph]))
    code, out, err = run_cli(page, "--annotators", "money", "--no-timestamp")
    assert code == 0, err
    (check,) = json.loads(out)["checks"]
    assert check == {
        "type": "equivalence-discrepancy",
        "annotations": ["money-1", "money-2"],
        "stated_ratio": "0.167664670659",
        "historical_rate": "0.148487577475",
        "message": "'$140 million' restates '835 million yuan' at 0.167665 USD/CNY, but the ECB"
        " rate on 2019-05-02 was 0.148487577475 (more than 5% off)",
    }
