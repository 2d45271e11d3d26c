"""The gold scorer: each matching rule of ANNOTATION_SPEC.md section 3, with near-misses."""

from __future__ import annotations

import json

import pytest
from conftest import GOLD

from annotator.evaluate import Report, match, score_page


def matches(gold: dict, pred: dict) -> bool:
    return match([gold], [pred]) == [(0, 0)]


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (
            {"type": "date", "text": "Thursday", "value": "2010-12-16"},
            {"type": "date", "text": "on Thursday", "value": "2010-12-16"},
            True,
        ),
        (
            {"type": "date", "text": "Monday night", "value": "2019-11-18"},
            {"type": "date", "text": "Monday", "value": "2019-11-18"},
            True,
        ),
        (
            {"type": "date", "text": "Thursday", "value": "2010-12-16"},
            {"type": "date", "text": "Thursday", "value": "2010-12-23"},
            False,
        ),
        (
            {"type": "date", "text": "Thursday", "value": "2010-12-16"},
            {"type": "date", "text": "Dec. 16", "value": "2010-12-16"},
            False,
        ),
        (
            {"type": "money", "text": "$5", "amount": "5", "currency": "USD"},
            {"type": "money", "text": "$5.00", "amount": "5.00", "currency": "USD"},
            True,
        ),
        (
            {"type": "money", "text": "$5", "amount": "5", "currency": "USD"},
            {"type": "money", "text": "$5", "amount": "5", "currency": "CAD"},
            False,
        ),
        (
            {"type": "money", "text": "$5", "amount": "5", "currency": "USD"},
            {"type": "money", "text": "$5", "amount": "50", "currency": "USD"},
            False,
        ),
        (
            {
                "type": "money",
                "text": "$3-5 million",
                "amount_min": "3000000",
                "amount_max": "5000000",
                "currency": "USD",
            },
            {
                "type": "money",
                "text": "$3-5 million",
                "amount_min": "3e6",
                "amount_max": "5000000",
                "currency": "USD",
            },
            True,
        ),
        (
            {
                "type": "money",
                "text": "$3-5 million",
                "amount_min": "3000000",
                "amount_max": "5000000",
                "currency": "USD",
            },
            {"type": "money", "text": "$3-5 million", "amount": "5000000", "currency": "USD"},
            False,
        ),
        (
            {
                "type": "agency",
                "text": "the Ministry of Public Security",
                "name": "Ministry of Public Security",
            },
            {"type": "agency", "text": "Ministry of Public Security", "name": "MPS"},
            True,
        ),
        (
            {
                "type": "agency",
                "text": "Chinese CDC",
                "name": "Chinese Center for Disease Control and Prevention",
            },
            {
                "type": "agency",
                "text": "CDC",
                "name": "chinese center for disease control and prevention",
            },
            True,
        ),
        (
            {
                "type": "agency",
                "text": "US Department of Homeland Security",
                "name": "U.S. Department of Homeland Security",
            },
            {"type": "agency", "text": "Homeland Security", "name": "Homeland Security"},
            False,
        ),
        (
            {
                "type": "agency",
                "text": "U.S. Department of Justice",
                "name": "U.S. Department of Justice",
            },
            {"type": "agency", "text": "US Department of Justice", "name": "Department of Justice"},
            True,
        ),
        (
            {"type": "quote", "text": "We need international cooperation,", "speaker": "Gu Jian"},
            {"type": "quote", "text": "We need international cooperation", "speaker": "gu jian"},
            True,
        ),
        (
            {"type": "quote", "text": "It makes for better theater,", "speaker": "Phil Levy"},
            {"type": "quote", "text": "It makes for better theater", "speaker": "Levy"},
            True,
        ),
        (
            {"type": "quote", "text": "It makes for better theater,", "speaker": "Phil Levy"},
            {"type": "quote", "text": "It makes for better theater", "speaker": "Phil"},
            False,
        ),
        (
            {
                "type": "quote",
                "text": "We need international cooperation for gathering evidence",
                "speaker": "Gu Jian",
            },
            {"type": "quote", "text": "We need international cooperation", "speaker": "Gu Jian"},
            False,
        ),
        (
            {"type": "quote", "text": "We need it", "speaker": "Gu Jian"},
            {"type": "date", "text": "We need it", "value": None},
            False,
        ),
    ],
)
def test_matching_rules(gold, pred, expected):
    assert matches(gold, pred) is expected


def test_each_prediction_is_used_once_and_matching_is_maximal():
    gold = [
        {"type": "date", "text": "Monday", "value": "2019-11-18"},
        {"type": "date", "text": "Monday night", "value": "2019-11-18"},
    ]
    pred = [{"type": "date", "text": "Monday night", "value": "2019-11-18"}]
    report = Report()
    score_page(report, "p", gold, pred)
    counts = report.by_type["date"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 1)
    assert report.misses[0]["why"]


def test_scores_and_details():
    report = Report()
    gold = [{"type": "money", "text": "$5", "amount": "5", "currency": "USD"}]
    pred = [{"type": "money", "text": "$5", "amount": "5", "currency": "CAD"}]
    score_page(report, "page", gold, pred)
    data = report.to_dict(details=True)
    assert data["types"]["money"] == {
        "tp": 0,
        "fp": 1,
        "fn": 1,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert data["misses"][0]["why"] == "currency 'CAD' != gold 'USD'"
    assert data["false_alarms"][0]["page"] == "page"


def test_eval_with_pred_dir_scores_perfectly_on_gold_itself(tmp_path, run_cli):
    for path in GOLD.glob("*.gold.json"):
        gold = json.loads(path.read_text())
        (tmp_path / path.name.replace(".gold.json", ".json")).write_text(json.dumps(gold))
    code, out, _ = run_cli("eval", GOLD, "--pred", tmp_path, "--json", "--min-f1", "overall=1.0")
    report = json.loads(out)
    assert code == 0
    assert report["overall"]["f1"] == 1.0 and report["pages"] == 6


def test_min_f1_floor_fails(tmp_path, run_cli):
    for path in GOLD.glob("*.gold.json"):
        (tmp_path / path.name.replace(".gold.json", ".json")).write_text('{"annotations": []}')
    code, _out, err = run_cli("eval", GOLD, "--pred", tmp_path, "--min-f1", "date=0.5")
    assert code == 1 and "date F1 0.0000 < 0.5" in err


def test_min_f1_bad_value_is_usage_error(run_cli):
    code, _out, err = run_cli("eval", GOLD, "--min-f1", "date=high")
    assert code == 2 and "TYPE=NUMBER" in err
