"""Run one function over a stream of inputs on worker processes or a Dask cluster.

Both engines keep a bounded window of work in flight (memory stays flat however many
inputs there are) and yield results in input order, so a parallel batch writes exactly
what a serial one does. A result is the function's return value, or the exception it
raised. Entries wrapped in `Ready` are passed through in order without being computed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from ..errors import AnnotatorError, UsageError

WINDOW_PER_WORKER = 2
# Workers are replaced (cheap forks of the warmed-up fork server) after about this many
# inputs each, so memory that large pages leave fragmented in a worker does not build up.
# (Not ProcessPoolExecutor's max_tasks_per_child: it can deadlock, CPython gh-115634.)
TASKS_PER_WORKER = 100
_END = object()


@dataclass(frozen=True)
class Ready:
    """An entry whose result is already known: yielded as (value, value) in its turn."""

    value: Any


class WorkerDied(AnnotatorError):
    """The worker process handling an input died (killed, out of memory, os._exit…)."""


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass
class Deaths:
    """Worker processes that died during a batch, and what became of the inputs in flight.

    When a worker dies its pool breaks and every input in flight is rerun alone
    (`retried`); one that kills its worker again fails with WorkerDied (`failed`).
    """

    workers: int = 0
    retried: int = 0
    failed: int = 0

    def line(self) -> str:
        """The summary's words: "1 worker died; 1 input in flight was retried" ('' if none)."""
        if not self.workers:
            return ""
        verb = "was" if self.retried == 1 else "were"
        text = f"{_plural(self.workers, 'worker')} died; {_plural(self.retried, 'input')} in flight {verb} retried"
        if self.failed:
            text += f", {self.failed} of them killed a worker again and failed (WorkerDied)"
        return text


def cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """`jobs`, with 0 (or less) meaning one per core."""
    return jobs if jobs > 0 else cpu_count()


def serial_map(function: Callable[[Any], Any], entries: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
    """(entry, result) for each entry, computed one after the other in this process."""
    for entry in entries:
        if isinstance(entry, Ready):
            yield entry.value, entry.value
            continue
        try:
            yield entry, function(entry)
        except Exception as exc:  # one broken input never stops the others
            yield entry, exc


def _quiet_worker(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    """Worker start-up: leave Ctrl-C to the main process, then run the caller's initializer."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


class _Pool:
    """A process pool that can be replaced when a worker dies."""

    def __init__(self, jobs: int, initializer: Callable[..., None] | None, initargs: tuple):
        self.jobs = jobs
        self.initializer = initializer
        self.initargs = initargs
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        # The fork server starts as `python -c …`, which puts the working folder first on
        # its import path (and Python 3.11 does not restore the parent's): a folder holding
        # another "annotator" would make the workers run other code than this process.
        os.environ["PYTHONSAFEPATH"] = "1"
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["annotator.batch.runner", "annotator.batch.preload"])
        return ProcessPoolExecutor(
            self.jobs,
            mp_context=context,
            initializer=_quiet_worker,
            initargs=(self.initializer, self.initargs),
        )

    def renew(self) -> None:
        """Throw the (broken) pool away and start a fresh one."""
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new()

    def rotate(self) -> None:
        """Start fresh workers for new inputs while the old ones finish what they hold, so
        no core waits for the window to drain (the old processes exit when done)."""
        old, self.executor = self.executor, self._new()
        old.shutdown(wait=False)

    def isolated(self, function: Callable[[Any], Any], entry: Any, deaths: Deaths) -> Any:
        """Run one entry alone, so a worker death is known to be its doing."""
        deaths.retried += 1
        try:
            return self.executor.submit(function, entry).result()
        except BrokenProcessPool:
            deaths.workers += 1
            deaths.failed += 1
            self.renew()
            return WorkerDied(
                "the worker process died on this input (killed, out of memory, or exited)",
                getattr(entry, "source", None),
            )
        except Exception as exc:
            return exc


def _outcome(future: Future) -> Any:
    """The future's value or the exception it holds (BrokenProcessPool is re-raised)."""
    if future.cancelled():  # cancelled by a pool that broke: to be retried
        raise BrokenProcessPool("cancelled when the pool broke")
    error = future.exception()
    if isinstance(error, BrokenProcessPool):
        raise error
    return future.result() if error is None else error


def process_map(
    function: Callable[[Any], Any],
    entries: Iterable[Any],
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
    deaths: Deaths | None = None,
) -> Iterator[tuple[Any, Any]]:
    """(entry, result) in input order, computed by `jobs` worker processes.

    At most WINDOW_PER_WORKER × jobs entries are in flight; the workers are replaced after
    TASKS_PER_WORKER × jobs inputs. When a worker dies the pool
    is recreated and the entries that were in flight are retried once, one at a time:
    the one that kills a worker again is given a WorkerDied result; the others go on.
    `deaths` (when given) counts the deaths and the retries.
    """
    deaths = deaths if deaths is not None else Deaths()
    pool = _Pool(jobs, initializer, initargs)
    source = iter(entries)
    pending: deque[tuple[Any, Future | None]] = deque()
    submitted, exhausted = 0, False
    try:
        while True:
            while not exhausted and len(pending) < WINDOW_PER_WORKER * jobs:
                if submitted >= TASKS_PER_WORKER * jobs:
                    pool.rotate()  # replace the workers without draining the window
                    submitted = 0
                entry = next(source, _END)
                if entry is _END:
                    exhausted = True
                elif isinstance(entry, Ready):
                    pending.append((entry.value, None))
                else:
                    future = _submitted(pool, function, entry)
                    pending.append((entry, future))
                    submitted += 1
                    if future.done() and isinstance(future.exception(), BrokenProcessPool):
                        break  # a worker died while the window filled: recover first
            if not pending:
                if exhausted:
                    return
                continue
            entry, future = pending[0]
            try:
                result = entry if future is None else _outcome(future)
            except BrokenProcessPool:
                deaths.workers += 1
                yield from _recover(pool, function, pending, deaths)
                continue
            pending.popleft()
            yield entry, result
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)


def _submitted(pool: _Pool, function: Callable[[Any], Any], entry: Any) -> Future:
    """The future of `entry` on the pool; when a worker has just died and the pool refuses
    work, a future holding that BrokenProcessPool, so the entry is retried like those that
    were in flight."""
    try:
        return pool.executor.submit(function, entry)
    except BrokenProcessPool as exc:
        refused: Future = Future()
        refused.set_exception(exc)
        return refused


def _recover(
    pool: _Pool,
    function: Callable[[Any], Any],
    pending: deque[tuple[Any, Future | None]],
    deaths: Deaths,
) -> Iterator[tuple[Any, Any]]:
    """After a worker died: keep finished results, rerun the rest alone, in order."""
    in_flight = list(pending)
    pending.clear()
    pool.renew()
    for entry, future in in_flight:
        if future is None:
            yield entry, entry
            continue
        try:
            yield entry, _outcome(future)
        except BrokenProcessPool:
            yield entry, pool.isolated(function, entry, deaths)


def dask_map(
    function: Callable[[Any], Any],
    entries: Iterable[Any],
    scheduler: str | None,
    jobs: int,
) -> Iterator[tuple[Any, Any]]:
    """(entry, result) in input order, computed on a Dask distributed cluster.

    `scheduler` is the address of a running scheduler (tcp://host:8786); None starts a
    local cluster of `jobs` single-threaded worker processes. At most WINDOW_PER_WORKER
    tasks per worker thread are in flight.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(
            "--engine dask needs Dask distributed: pip install 'annotator[dask]'"
        ) from None
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, host="127.0.0.1")
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            threads = sum(client.nthreads().values()) or 1
            yield from _dask_ordered(client, function, entries, WINDOW_PER_WORKER * threads)
    finally:
        if cluster is not None:
            cluster.close()


def _dask_ordered(
    client: Any, function: Callable[[Any], Any], entries: Iterable[Any], window: int
) -> Iterator[tuple[Any, Any]]:
    pending: deque[tuple[Any, Any]] = deque()
    source = iter(entries)
    try:
        while True:
            while len(pending) < window:
                entry = next(source, _END)
                if entry is _END:
                    break
                if isinstance(entry, Ready):
                    pending.append((entry.value, None))
                else:
                    pending.append((entry, client.submit(function, entry, pure=False)))
            if not pending:
                return
            entry, future = pending.popleft()
            if future is None:
                yield entry, entry
                continue
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker, or the task's own exception
                result = _dask_error(exc, entry)
            finally:
                future.release()
            yield entry, result
    finally:
        for _entry, future in pending:
            if future is not None:
                future.cancel()


def _dask_error(exc: Exception, entry: Any) -> Exception:
    if type(exc).__name__ == "KilledWorker":
        return WorkerDied(
            "Dask workers died on this input (killed, out of memory, or exited)",
            getattr(entry, "source", None),
        )
    return exc
