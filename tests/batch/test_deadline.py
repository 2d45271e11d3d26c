"""The per-input time limit: a stalling page fails alone, with a clear error; the rest goes on."""

from __future__ import annotations

import json
import signal
import threading
import time

import pytest
from conftest import SEED_PAGE

from annotator.batch.deadline import InputTimeout, time_limit
from annotator.batch.runner import RunConfig, run_batch
from annotator.pipeline import Options

STALL_MARK = "THIS-PAGE-STALLS"
STALL_PLUGIN = f'''
import time
from annotator.hookspecs import hookimpl


class Staller:
    name = "staller"
    types = ("stall",)

    def annotate(self, document, context):
        while "{STALL_MARK}" in document.text:  # a pathological page: never finishes
            time.sleep(0.01)
        return []


@hookimpl
def register_annotators(register):
    register(Staller())
'''


def _busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_work_past_the_limit_is_stopped_with_a_named_error():
    with pytest.raises(InputTimeout) as caught, time_limit(0.05, "slow.html"):
        _busy(5)
    assert caught.value.source == "slow.html"
    assert "gave up after 0.05 s (--timeout)" in str(caught.value)


def test_work_within_the_limit_runs_and_the_previous_handler_comes_back():
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5, "x"):
        _busy(0.01)
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(None):  # no limit at all
        _busy(0.01)


def test_code_that_swallows_the_error_is_hit_again_until_it_gives_up():
    swallowed = 0
    with pytest.raises(InputTimeout), time_limit(0.05):
        for _ in range(2):
            try:
                _busy(5)
            except Exception:  # a library's catch-all fallback
                swallowed += 1
        _busy(5)
    assert swallowed == 2


def test_a_page_that_would_take_trafilatura_many_seconds_is_given_up(tmp_path, run_cli):
    """4 MB of tiny paragraphs: trafilatura alone needs about 17 s for it."""
    page = tmp_path / "tiny-paragraphs.html"
    paragraphs = "".join(f"<p>Line {n} of the list.</p>" for n in range(150_000))
    page.write_text(f"<html><body><article>{paragraphs}</article></body></html>")
    code, _out, err = run_cli(page, "-o", tmp_path / "out", "--timeout", "1", "-j", "1")
    assert code == 1
    assert f"{page}: gave up after 1 s (--timeout)" in err
    assert not list((tmp_path / "out").glob("*.json"))


def test_no_limit_is_attempted_outside_the_main_thread():
    outcome = []

    def run():
        with time_limit(0.01):
            _busy(0.05)
        outcome.append("finished")

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert outcome == ["finished"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_stalling_page_fails_alone_and_the_batch_goes_on(tmp_path, jobs):
    plugin = tmp_path / "stall_plugin.py"
    plugin.write_text(STALL_PLUGIN, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SEED_PAGE.read_bytes()
    for number in range(4):
        (folder / f"page{number}.html").write_bytes(seed)
    stalling = seed.replace(b"Cracking down", STALL_MARK.encode() + b" Cracking down")
    (folder / "page1.html").write_bytes(stalling)
    out = tmp_path / "out"
    config = RunConfig(out=out, jobs=jobs, timeout=1.0, plugins=(str(plugin),))
    summary = run_batch([str(folder)], Options(timestamp=False), config)
    assert (summary.ok, summary.failed) == (3, 1)
    assert sorted(p.name for p in out.glob("*.json")) == ["page0.json", "page2.json", "page3.json"]
    (failure,) = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert failure["source"].endswith("page1.html")
    assert failure["error"] == "InputTimeout"
    assert failure["message"] == "gave up after 1 s (--timeout)"
