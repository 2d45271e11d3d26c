"""Progress people can read: done/total counted while the batch runs, rate, ETA; a line
every 10 s when stderr is not a terminal, nothing with --quiet."""

from __future__ import annotations

import io
import re

import pytest
from conftest import FIXTURES

from annotator.batch import progress as progress_module
from annotator.batch.inputs import count_inputs, expand_inputs
from annotator.batch.progress import LineProgress, eta_text

# Until the background count ends (a few ms here) a line has no total and no ETA.
LINE = re.compile(r"annotate: \d+(/\d+)? done, \d+\.\d/s(, eta \d+s)?")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0s"), (44.6, "45s"), (60, "1m"), (1380, "23m"), (7500, "2h05m")]
)
def test_eta_as_people_say_it(seconds, text):
    assert eta_text(seconds) == text


def test_one_line_per_interval_with_rate_and_eta():
    clock, stream = Clock(), io.StringIO()
    progress = LineProgress(stream, interval=10, clock=clock)
    progress.total = 50000
    for _ in range(11999):
        clock.now += 0.0369
        progress.advance()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 44  # 443 s of work, one line each 10 s
    clock.now += 10
    progress.advance()
    assert progress.line() == "annotate: 12000/50000 done, 26.5/s, eta 24m"
    progress.total = None
    assert progress.line() == "annotate: 12000 done, 26.5/s"


def test_total_counts_files_folders_and_archive_records(tmp_path):
    specs = [str(FIXTURES / "html"), str(FIXTURES / "warc"), str(FIXTURES / "html" / "latin1.html")]
    assert count_inputs(specs) == len(list(expand_inputs(specs)))
    assert count_inputs(specs) > len(list((FIXTURES / "html").iterdir())) + 2
    assert count_inputs(specs, cheap_archive_bytes=10) is None
    assert count_inputs([str(tmp_path / "missing.html"), "-"]) == 2


def test_lines_when_stderr_is_not_a_terminal(run_cli, monkeypatch, tmp_path):
    monkeypatch.setattr(progress_module, "LINE_INTERVAL", 0)
    code, _, err = run_cli(FIXTURES / "html", "-o", tmp_path / "out")
    assert code == 1  # empty-body.html
    lines = [line for line in err.splitlines() if " done, " in line]
    total = len(list((FIXTURES / "html").glob("*.html")))
    assert [LINE.fullmatch(line) is not None for line in lines] == [True] * total
    assert lines[-1].startswith(f"annotate: {total}/{total} done, ")
    code, _, err = run_cli(FIXTURES / "html", "-o", tmp_path / "out", "-q")
    assert " done, " not in err and "ok," not in err
