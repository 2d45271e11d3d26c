"""`-f text` (or `pretty`): headline, date, source, then one line per annotation by type."""

from __future__ import annotations

import io

from conftest import SEED_PAGE
from support import render, seed_set

from annotator.model import Annotation


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_report_reads_as_the_issue_asks():
    lines = render("text", [seed_set()]).splitlines()
    assert lines[:3] == [
        "Countries join in copyright crackdown",
        "2010-12-17T08:37:00+08:00 · China Daily · Wang Jingqiong · BEIJING",
        "fixtures/html/chinadaily-2010-12-17-copyright-crackdown.html",
    ]
    headings = [line for line in lines if line and not line.startswith(" ")][3:]
    assert headings == ["dates (4)", "quotes (6)", "agencies (6)", "money (2)"]
    assert "  Thursday               2010-12-16 (day, relative to published)" in lines
    assert any(line.endswith("— Gu Jian (said)") for line in lines)
    assert (
        "  US ministry of justice                    U.S. Department of Justice (US, department)"
        in lines
    )
    assert "  $125 million      USD 125,000,000 ≈ EUR 94,425,125.00 (rates of 2010-12-16);" in (
        "\n".join(lines)
    )
    assert "\x1b[" not in "\n".join(lines)


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from annotator.plugins import registry

    stream = Terminal()
    registry().exporters["pretty"].write([seed_set()], stream, {})
    coloured = stream.getvalue()
    assert coloured.startswith("\x1b[1mCountries join in copyright crackdown\x1b[0m\n")
    assert "\x1b[1;36mdates (4)\x1b[0m" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    registry().exporters["text"].write([seed_set()], plain, {})
    assert plain.getvalue() == render("text", [seed_set()])


def test_unresolved_dates_ranges_plugin_types_and_several_sets():
    seed = seed_set()
    text = seed.document.text
    seed.annotations = [
        Annotation(
            "date",
            0,
            8,
            text[0:8],
            0.5,
            "dates",
            "date-1",
            {"value": None, "granularity": "day", "ambiguous": True},
        ),
        Annotation(
            "money",
            9,
            13,
            text[9:13],
            1,
            "money",
            "money-1",
            {"currency": "EUR", "amount_min": "1000", "amount_max": "2500.5", "mod": "APPROX"},
        ),
        Annotation("mood", 14, 20, text[14:20], 1, "moods", "mood-1", {"mood": "calm", "score": 3}),
    ]
    report = render("text", [seed, seed_set()])
    assert "  Cracking  unresolved (day, ambiguous)" in report
    assert "EUR 1,000–2,500.5 (APPROX)" in report
    assert "mood (1)\n" in report and "mood=calm, score=3" in report
    assert report.count("Countries join in copyright crackdown") == 2
    assert "\n" + "─" * 40 + "\n" in report


def test_first_command_of_the_readme_shows_it(run_cli):
    code, out, err = run_cli(SEED_PAGE, "-f", "text")
    assert code == 0, err
    assert out.startswith("Countries join in copyright crackdown\n2010-12-17T08:37:00+08:00 · ")
    assert "\nquotes (" in out and "\nmoney (" in out
