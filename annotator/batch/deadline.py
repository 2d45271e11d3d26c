"""A time limit on one input's work, so one pathological page cannot stall a batch.

The limit is a real-time timer (SIGALRM) whose handler raises InputTimeout in the code
that is running: the work stops at its next Python instruction (a single long call into
lxml's C code finishes first). Code that swallows every exception (trafilatura has such
fallbacks) is hit again each REPEAT seconds until the work gives up. Signals reach only a
process's main thread, so the limit applies in this process and in pool workers, and not
in Dask's worker threads.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import AnnotatorError

DEFAULT_TIMEOUT = 120.0
REPEAT = 0.5


class InputTimeout(AnnotatorError):
    """An input took longer than the time limit (--timeout) and was given up."""


def can_time_out() -> bool:
    """Whether a limit can be enforced here: SIGALRM exists and this is the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, source: str | None = None) -> Iterator[None]:
    """Raise InputTimeout in the body when it runs longer than `seconds` (None or 0: no limit)."""
    if not seconds or seconds <= 0 or not can_time_out():
        yield
        return

    def give_up(_signum: int, _frame: object) -> None:
        raise InputTimeout(f"gave up after {seconds:g} s (--timeout)", source)

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
