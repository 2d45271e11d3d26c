"""Parallel batches: same output as serial, plugins in workers, worker deaths, the Dask engine."""

from __future__ import annotations

import operator
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, SEED_PAGE, input_folder

from annotator.batch import pool as parallel
from annotator.batch.pool import Ready, WorkerDied, process_map, resolve_jobs, serial_map
from annotator.batch.runner import RunConfig, run_batch
from annotator.errors import UsageError
from annotator.pipeline import Options
from annotator.plugins import pm

OPTIONS = Options(timestamp=False)
PAGES = sorted((CORPUS / "html").glob("*.html.gz"))
KILLER_MARK = "THIS-PAGE-KILLS-ITS-WORKER"

PROBE_PLUGIN = f'''
import os
from annotator.hookspecs import hookimpl
from annotator.model import Annotation


class Probe:
    name = "probe"
    types = ("probe",)

    def annotate(self, document, context):
        if "{KILLER_MARK}" in document.text:
            os._exit(7)
        yield Annotation("probe", 0, 1, document.text[:1], 1.0)


@hookimpl
def register_annotators(register):
    register(Probe())
'''


def _snapshot(out):
    """Every file under `out` (relative name → bytes)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def test_process_map_keeps_input_order_and_returns_exceptions():
    entries = ["3", "x", Ready("skip"), *map(str, range(30))]
    results = list(process_map(int, entries, jobs=2))
    assert [entry for entry, _ in results] == entries[:2] + ["skip"] + entries[3:]
    assert isinstance(results[1][1], ValueError)
    assert results[2][1] == "skip"
    assert [r for _e, r in results[3:]] == list(range(30))
    assert [r for _e, r in serial_map(operator.neg, [1, Ready(5), 2])] == [-1, 5, -2]


def worker_pid(_entry: object) -> int:
    """The id of the process that ran this entry."""
    return os.getpid()


def test_workers_are_replaced_after_their_share_of_inputs(monkeypatch):
    monkeypatch.setattr(parallel, "TASKS_PER_WORKER", 3)
    results = list(process_map(worker_pid, range(24), jobs=2))
    assert [entry for entry, _pid in results] == list(range(24))
    assert len({pid for _entry, pid in results}) >= 24 // (3 * 2)
    assert os.getpid() not in {pid for _entry, pid in results}


def die_on_seven(entry: int) -> int:
    """Twice the entry; the worker dies on 7."""
    if entry == 7:
        os._exit(3)
    return entry * 2


def test_a_worker_death_while_workers_rotate_fails_only_its_input(monkeypatch):
    """Workers are replaced every 6 inputs without draining the window; a death among
    old and new workers still costs only the input that caused it, and order holds."""
    monkeypatch.setattr(parallel, "TASKS_PER_WORKER", 3)
    results = list(process_map(die_on_seven, range(20), jobs=2))
    assert [entry for entry, _ in results] == list(range(20))
    assert isinstance(results[7][1], WorkerDied)
    assert [r for e, r in results if e != 7] == [e * 2 for e in range(20) if e != 7]


def test_jobs_zero_means_one_per_core():
    assert resolve_jobs(0) >= 1
    assert resolve_jobs(3) == 3


def test_parallel_batch_writes_exactly_what_a_serial_one_does(tmp_path):
    folder = input_folder(tmp_path, 10, (FIXTURES / "warc" / "sample.warc.gz", "crawl.warc.gz"))
    serial = run_batch([str(folder)], OPTIONS, RunConfig(out=tmp_path / "one", jobs=1))
    parallel = run_batch([str(folder)], OPTIONS, RunConfig(out=tmp_path / "two", jobs=2))
    assert (serial.ok, serial.failed, serial.non_html) == (13, 1, 6)
    assert (parallel.ok, parallel.failed, parallel.non_html) == (13, 1, 6)
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "two")


def test_parallel_stdout_stream_is_in_input_order(tmp_path, run_cli):
    folder = input_folder(tmp_path, 4, (FIXTURES / "warc" / "sample.warc.gz", "crawl.warc.gz"))
    code_one, out_one, _ = run_cli(str(folder), "-f", "jsonl", "-j", "1", "--no-timestamp")
    code_two, out_two, _ = run_cli(str(folder), "-f", "jsonl", "-j", "2", "--no-timestamp")
    assert code_one == code_two == 1  # empty-body.html fails in both
    assert out_one == out_two and len(out_one.splitlines()) == 7


def test_plugins_load_in_workers_and_a_dying_worker_fails_only_its_input(tmp_path):
    plugin = tmp_path / "probe_plugin.py"
    plugin.write_text(PROBE_PLUGIN, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SEED_PAGE.read_bytes()
    for number in range(6):
        (folder / f"page{number}.html").write_bytes(seed)
    killer = seed.replace(b"Cracking down", KILLER_MARK.encode() + b" Cracking down")
    (folder / "page3.html").write_bytes(killer)
    out = tmp_path / "out"
    config = RunConfig(out=out, jobs=2, plugins=(str(plugin),))
    summary = run_batch([str(folder)], OPTIONS, config)
    assert (summary.ok, summary.failed) == (5, 1)
    assert sorted(p.name for p in out.glob("*.json")) == [f"page{n}.json" for n in (0, 1, 2, 4, 5)]
    assert '"type": "probe"' in (out / "page5.json").read_text(encoding="utf-8")
    failures = (out / "failures.jsonl").read_text(encoding="utf-8")
    assert "page3.html" in failures and "WorkerDied" in failures
    assert pm.get_plugin(str(plugin)) is None  # loaded in the workers only


def test_dask_engine_on_a_loopback_cluster_matches_serial(tmp_path):
    import distributed

    folder = input_folder(tmp_path, 3, (FIXTURES / "warc" / "sample.warc.gz", "crawl.warc.gz"))
    run_batch([str(folder)], OPTIONS, RunConfig(out=tmp_path / "one", jobs=1))
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        config = RunConfig(
            out=tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address
        )
        summary = run_batch([str(folder)], OPTIONS, config)
    assert (summary.ok, summary.failed, summary.non_html) == (6, 1, 6)
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "dask")


def test_dask_engine_without_dask_installed_is_a_clear_usage_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    config = RunConfig(out=tmp_path, engine="dask", scheduler="tcp://127.0.0.1:1")
    with pytest.raises(UsageError, match=r"pip install 'annotator\[dask\]'"):
        run_batch([str(SEED_PAGE)], OPTIONS, config)


def test_unknown_engine_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="unknown engine"):
        run_batch([str(SEED_PAGE)], OPTIONS, RunConfig(out=tmp_path, engine="spark"))


def test_worker_died_is_an_annotator_error_naming_the_input():
    error = WorkerDied("the worker process died", "crawl.warc.gz#offset=12")
    assert str(error) == "crawl.warc.gz#offset=12: the worker process died"


def test_a_pool_that_breaks_while_the_window_fills_retries_the_refused_input(monkeypatch):
    """Regression (a CI run under load): a worker died while inputs were still being
    submitted, so `submit` itself raised BrokenProcessPool and the batch stopped with an
    internal error. The refused input now waits in the window and is retried like the
    ones in flight."""
    calls = {"count": 0}
    real_submit = parallel.ProcessPoolExecutor.submit

    def refuse_the_third(self, function, *args, **kwargs):
        calls["count"] += 1
        if calls["count"] == 3:
            raise parallel.BrokenProcessPool("A child process terminated abruptly")
        return real_submit(self, function, *args, **kwargs)

    monkeypatch.setattr(parallel.ProcessPoolExecutor, "submit", refuse_the_third)
    deaths = parallel.Deaths()
    results = list(process_map(operator.neg, range(8), jobs=2, deaths=deaths))
    assert results == [(n, -n) for n in range(8)]
    assert deaths.workers == 1 and deaths.failed == 0


WHERE_PROBE = """
import sys


def where(_entry):
    return sys.modules["annotator"].__file__
"""
RUN_PROBE = """
import annotator
import probe
from annotator.batch.pool import process_map

if __name__ == "__main__":
    print(annotator.__file__)
    for _entry, result in process_map(probe.where, range(2), jobs=2):
        print(result)
"""


def test_workers_import_the_package_their_process_runs_whatever_the_folder(tmp_path):
    """A working folder holding another "annotator" package is not what the workers run:
    the fork server they come from would otherwise put that folder first on its path."""
    fake = tmp_path / "elsewhere" / "annotator"
    (fake / "batch").mkdir(parents=True)
    for name in ("__init__.py", "batch/__init__.py", "batch/runner.py", "batch/preload.py"):
        (fake / name).write_text("")
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    (scripts / "probe.py").write_text(WHERE_PROBE)
    (scripts / "run.py").write_text(RUN_PROBE)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONSAFEPATH", "PYTHONPATH")}
    done = subprocess.run(
        [sys.executable, str(scripts / "run.py")],
        cwd=fake.parent,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    parent, *workers = done.stdout.split()
    assert not Path(parent).is_relative_to(fake)
    assert workers == [parent, parent]
