"""CSV date columns: `relative` is true/false, never empty, and value_start/value_end give the
ISO days a week, season or quarter value stands for, so spreadsheets can sort by date."""

from __future__ import annotations

import csv
import io

from support import render, seed_set

from annotator.model import Annotation


def _rows(annotations):
    seed = seed_set()
    seed.annotations = annotations
    return list(csv.DictReader(io.StringIO(render("csv", [seed]), newline="")))


def _date(value, **fields):
    text = seed_set().document.text
    return Annotation("date", 0, 8, text[:8], 0.9, "dates", "date-1", {"value": value, **fields})


def test_date_columns_on_the_raw_output():
    rows = _rows(
        [
            _date("2019-W52-WE", granularity="week", relative=True, anchor="published"),
            _date("2010-SU", granularity="season"),
            _date("2011-Q1", granularity="quarter", relative=False),
            _date(None, granularity="day", ambiguous=True),
        ]
    )
    assert [(r["value"], r["value_start"], r["value_end"], r["relative"]) for r in rows] == [
        ("2019-W52-WE", "2019-12-28", "2019-12-29", "true"),
        ("2010-SU", "2010-06-01", "2010-08-31", "false"),
        ("2011-Q1", "2011-01-01", "2011-03-31", "false"),
        ("", "", "", "false"),
    ]
    header = list(rows[0])
    assert header[header.index("value") : header.index("value") + 4] == [
        "value",
        "value_start",
        "value_end",
        "granularity",
    ]


def test_relative_stays_empty_for_other_types():
    seed = seed_set()
    rows = list(csv.DictReader(io.StringIO(render("csv", [seed]), newline="")))
    kinds = {r["type"]: r for r in rows}
    assert kinds["money"]["relative"] == "" and kinds["money"]["value_start"] == ""
    assert kinds["date"]["relative"] in ("true", "false")


def test_pandas_style_sorting_by_start_orders_by_calendar():
    rows = _rows([_date("2020-W01"), _date("2019-WI"), _date("2019-11")])
    ordered = sorted(rows, key=lambda r: r["value_start"])
    assert [r["value"] for r in ordered] == ["2019-11", "2019-WI", "2020-W01"]
