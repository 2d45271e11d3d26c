"""Faults around a batch, through the CLI: a full or read-only output, a failed write,
killed workers, a page over the memory ceiling, file modes.

The full and read-only disks are simulated (tests/batch/fakedisk: every process of the
run, fork server and workers included, writes under OUT as on such a file system), so
the tests need no mount rights; README "Batches at archive scale" shows the same
messages on a real 300 KB tmpfs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, SEED_PAGE, read_json_lines

from annotator.cli import unexpected_error

FAKE_DISK = Path(__file__).parent / "fakedisk"
PROGRESS = re.compile(r"annotate: \d+(?:/\d+)? done, ")
PAGES = sorted((CORPUS / "html").glob("*.html.gz"))
SUMMARY = re.compile(
    r"annotate: (\d+) ok, (\d+) failed, 0 skipped, 0 non-HTML records skipped in [\d.]+ s"
    r" \([\d.]+ articles/s\)(.*)"
)


def annotate(*args: object, disk: str | None = None, umask: int = 0o022, **kwargs):
    """Run `annotate ARGS…` in a fresh process (on a simulated disk `FOLDER:BYTES:ERRNO`);
    its stderr without progress lines."""
    env = dict(os.environ)
    if disk is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(FAKE_DISK), env.get("PYTHONPATH")]))
        env["ANNOTATE_FAKE_DISK"] = disk
    command = [
        sys.executable,
        "-c",
        "import sys; from annotator.cli import main; main(sys.argv[1:])",
    ]
    kwargs.setdefault("stdout", subprocess.PIPE)
    run = subprocess.run(
        command + [str(a) for a in args],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        umask=umask,
        timeout=300,
        **kwargs,
    )
    # Progress lines (every 10 s on a loaded machine) are not what these tests look at.
    lines = run.stderr.splitlines(keepends=True)
    run.stderr = "".join(line for line in lines if not PROGRESS.match(line))
    return run


def _pages(folder: Path, count: int) -> Path:
    folder.mkdir()
    for page in PAGES[:count]:
        shutil.copy(page, folder / page.name)
    return folder


def _no_partial_files(out: Path) -> None:
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]
    for output in out.glob("*.json"):
        json.loads(output.read_text(encoding="utf-8"))  # every output is whole


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_stops_the_batch_with_one_line_and_the_summary(tmp_path, jobs):
    pages = _pages(tmp_path / "in", 8)
    out = tmp_path / "out"
    out.mkdir()
    run = annotate(pages, "-o", out, "--jobs", jobs, disk=f"{out}:40000:ENOSPC")
    assert run.returncode == 1
    *before, stop, summary = run.stderr.splitlines()
    assert stop == f"annotate: cannot write to {out}: no space left on device"
    ok, failed, deaths = SUMMARY.fullmatch(summary).groups()
    assert (int(failed), deaths) == (1, "")
    written = list(out.glob("*.json"))
    if jobs == "1":
        assert int(ok) == len(written) < 8
    else:  # a worker busy when the batch stopped may still write its (whole) output
        assert int(ok) <= len(written) < 8
    assert not [line for line in before if "internal error" in line or "Errno" in line]
    _no_partial_files(out)


def test_failures_jsonl_lines_are_written_whole_or_not_at_all(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(12):  # each fails: "no article body found"
        shutil.copy(FIXTURES / "html" / "empty-body.html", folder / f"empty{number:02}.html")
    out = tmp_path / "out"
    out.mkdir()
    run = annotate(folder, "-o", out, "--jobs", "1", disk=f"{out}:700:ENOSPC")
    assert run.returncode == 1
    failures = read_json_lines(out / "failures.jsonl")  # no line cut short
    written = [
        f"annotate: {folder / f'empty{n:02}.html'}: no article body found" for n in range(12)
    ]
    # Each failure is reported on stderr; the one whose line no longer fits stops the batch.
    assert run.stderr.splitlines() == [
        *written[: len(failures) + 1],
        f"annotate: cannot write to {out}: no space left on device",
        run.stderr.splitlines()[-1],
    ]
    assert 0 < len(failures) < 12
    assert SUMMARY.fullmatch(run.stderr.splitlines()[-1]).group(2) == str(len(failures) + 1)


def test_a_read_only_output_stops_before_any_work(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    run = annotate(SEED_PAGE, PAGES[0], "-o", out, disk=f"{out}:0:EROFS")
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == f"annotate: cannot write to {out}: read-only file system"
    assert SUMMARY.fullmatch(run.stderr.splitlines()[1]).groups()[:2] == ("0", "0")
    assert list(out.iterdir()) == []


def test_standard_output_that_cannot_be_written_stops_the_batch(tmp_path):
    with open("/dev/full", "w") as full:
        run = annotate(SEED_PAGE, PAGES[0], "-f", "jsonl", stdout=full)
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == (
        "annotate: cannot write to standard output: no space left on device"
    )


def test_a_failed_write_is_a_failure_of_that_input_only(tmp_path, run_cli):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(SEED_PAGE, folder / f"{name}.html")
    out = tmp_path / "out"
    (out / "b.json").mkdir(parents=True)  # b's output name is taken by a folder
    code, _out, err = run_cli(folder, "-o", out, "--jobs", "1", "--no-timestamp")
    assert code == 1
    message = f"cannot write {(out / 'b.json').resolve()}: is a directory"
    assert f"annotate: {folder / 'b.html'}: {message}" in err.splitlines()
    assert "annotate: 2 ok, 1 failed" in err
    assert read_json_lines(out / "failures.jsonl") == [
        {"source": str(folder / "b.html"), "error": "OutputError", "message": message}
    ]
    assert sorted(p.name for p in out.glob("*.json")) == ["a.json", "b.json", "c.json"]


@pytest.mark.parametrize(("jobs", "umask", "mode"), [("1", 0o027, 0o640), ("2", 0o002, 0o664)])
def test_outputs_get_the_mode_of_a_new_file_whatever_the_umask(tmp_path, jobs, umask, mode):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_PAGE, folder / "seed.html")
    shutil.copy(SEED_PAGE, folder / "again.html")
    shutil.copy(FIXTURES / "html" / "empty-body.html", folder / "empty.html")
    run = annotate(folder, "-o", tmp_path / "out", "--jobs", jobs, umask=umask)
    assert run.returncode == 1  # empty.html
    modes = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "out").iterdir()}
    assert modes == {"seed.json": mode, "again.json": mode, "failures.jsonl": mode}


KILL_PLUGIN = '''
import os
import signal
from pathlib import Path

from annotator.hookspecs import hookimpl

FLAG = Path({flag!r})


class Killer:
    name = "killer"
    types = ()

    def annotate(self, document, context):
        """Kill this worker on a marked page: once, or every time (no flag file)."""
        if "{mark}" in document.text and not FLAG.exists():
            if {once!r}:
                FLAG.write_text("killed once")
            os.kill(os.getpid(), signal.SIGKILL)
        return []


@hookimpl
def register_annotators(register):
    register(Killer())
'''
MARK = "KILL-THIS-WORKER"


def _killer_batch(tmp_path: Path, once: bool):
    plugin = tmp_path / "killer_plugin.py"
    plugin.write_text(KILL_PLUGIN.format(flag=str(tmp_path / "flag"), mark=MARK, once=once))
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SEED_PAGE.read_bytes()
    for number in range(6):
        (folder / f"page{number}.html").write_bytes(seed)
    marked = seed.replace(b"Cracking down", MARK.encode() + b" Cracking down")
    (folder / "page3.html").write_bytes(marked)
    out = tmp_path / "out"
    return annotate("--plugin", plugin, folder, "-o", out, "--jobs", "2"), out


def test_a_killed_worker_is_counted_and_its_inputs_retried(tmp_path):
    run, out = _killer_batch(tmp_path, once=True)
    assert run.returncode == 0, run.stderr
    (summary,) = run.stderr.splitlines()
    ok, failed, deaths = SUMMARY.fullmatch(summary).groups()
    assert (ok, failed) == ("6", "0")
    retried = re.fullmatch(r"; 1 worker died; (\d) inputs? in flight (?:was|were) retried", deaths)
    assert retried is not None and 1 <= int(retried.group(1)) <= 4
    assert sorted(p.name for p in out.glob("*.json")) == [f"page{n}.json" for n in range(6)]


def test_an_input_that_kills_every_worker_fails_and_the_summary_says_so(tmp_path):
    run, out = _killer_batch(tmp_path, once=False)
    assert run.returncode == 1
    failure, summary = run.stderr.splitlines()
    assert failure == (
        f"annotate: {tmp_path / 'in' / 'page3.html'}: the worker process died on this input"
        " (killed, out of memory, or exited)"
    )
    ok, failed, deaths = SUMMARY.fullmatch(summary).groups()
    assert (ok, failed) == ("5", "1")
    assert re.fullmatch(
        r"; 2 workers died; \d inputs in flight were retried,"
        r" 1 of them killed a worker again and failed \(WorkerDied\)",
        deaths,
    )


def _huge_page(path: Path, elements: int) -> None:
    """A page of `elements` tiny elements: about 9 bytes and 430 bytes of parsed tree each."""
    body = "<i>a</i> " * elements
    path.write_text(f"<html><body><article><h1>Huge</h1><p>{body}</p></article></body></html>")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_over_the_memory_ceiling_is_a_clean_failure(tmp_path, jobs):
    folder = _pages(tmp_path / "in", 2)
    _huge_page(folder / "huge.html", 700_000)  # 6 MB: 300 MB once parsed
    run = annotate(folder, "-o", tmp_path / "out", "--jobs", jobs, "--max-memory", "150")
    assert run.returncode == 1
    failure, summary = run.stderr.splitlines()
    assert failure == (
        f"annotate: {folder / 'huge.html'}: needed more than 150 MB of memory (--max-memory)"
    )
    assert SUMMARY.fullmatch(summary).groups() == ("2", "1", "")
    assert read_json_lines(tmp_path / "out" / "failures.jsonl")[0]["error"] == "OutOfMemory"


def test_export_to_a_read_only_output_names_the_cause(tmp_path, seed_set):
    stored = tmp_path / "seed.json"
    stored.write_text(seed_set.to_json(), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    run = annotate("export", stored, "-f", "xml", "-o", out, disk=f"{out}:0:EROFS")
    assert run.returncode == 1
    assert run.stderr == f"annotate: cannot write {out / 'seed.xml'}: read-only file system\n"


def test_errors_no_command_expected_are_named_by_their_cause():
    denied = PermissionError(13, "Permission denied", "/srv/out/x.json")
    assert unexpected_error(denied) == "/srv/out/x.json: permission denied"
    assert unexpected_error(RecursionError("maximum recursion depth exceeded")) == (
        "gave up: data nested too deeply to process (RecursionError)"
    )
    assert unexpected_error(MemoryError()) == "gave up: out of memory (MemoryError)"
    assert unexpected_error(KeyError("x")) == (
        "internal error: KeyError: 'x' (run with --debug for details)"
    )
