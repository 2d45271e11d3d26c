"""Progress of a batch people can read: a bar on a terminal, a line every 10 s otherwise.

The total is counted in a background thread while the batch runs (`count_in_background`):
files, folders and globs at once, WARC/ARC records when the archive is small enough to
scan cheaply (see inputs.count_inputs); until then, or when it cannot be known, the
progress shows what is done and the rate without a total or an ETA.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TextIO

from .inputs import count_inputs

LINE_INTERVAL = 10.0  # seconds between two progress lines when stderr is not a terminal


def eta_text(seconds: float) -> str:
    """A remaining time as people say it: 45s, 23m, 2h05m."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m"


class LineProgress:
    """One line every `interval` seconds: `annotate: 12000/50000 done, 27.1/s, eta 23m`."""

    def __init__(
        self,
        stream: TextIO,
        interval: float = LINE_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream, self.interval, self.clock = stream, interval, clock
        self.total: int | None = None
        self.done = 0
        self.started = clock()
        self._last = self.started

    def line(self) -> str:
        """The progress line for what is done now."""
        elapsed = self.clock() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        text = (
            f"annotate: {self.done}/{self.total} done"
            if self.total
            else f"annotate: {self.done} done"
        )
        text += f", {rate:.1f}/s"
        if self.total and rate > 0:
            text += f", eta {eta_text((self.total - self.done) / rate)}"
        return text

    def advance(self) -> None:
        """Count one entry done; print a line when the interval has passed."""
        self.done += 1
        now = self.clock()
        if now - self._last >= self.interval:
            self._last = now
            print(self.line(), file=self.stream, flush=True)

    def close(self) -> None:
        """Nothing to clean up (the summary line follows)."""


class BarProgress:
    """A rich progress bar on the terminal: done/total, rate and ETA."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class RateColumn(ProgressColumn):
            def render(self, task: Any) -> Text:
                return Text(f"{task.speed or 0:.1f}/s")

        self._bar = Progress(
            TextColumn("annotating"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=True,
        )
        self._task = self._bar.add_task("annotating", total=None)
        self._bar.start()

    @property
    def total(self) -> int | None:
        """The number of entries to do, when known."""
        return self._bar.tasks[0].total  # type: ignore[return-value]

    @total.setter
    def total(self, value: int | None) -> None:
        self._bar.update(self._task, total=value)

    def advance(self) -> None:
        """Count one entry done."""
        self._bar.advance(self._task)

    def close(self) -> None:
        """Remove the bar."""
        self._bar.stop()


def make_progress(quiet: bool, stream: TextIO | None = None) -> LineProgress | BarProgress | None:
    """The progress for stderr (or `stream`): a bar on a terminal, lines otherwise, none if quiet."""
    if quiet:
        return None
    stream = stream or sys.stderr
    return BarProgress(stream) if stream.isatty() else LineProgress(stream, LINE_INTERVAL)


def count_in_background(specs: list[str], progress: Any) -> threading.Thread:
    """Count the batch's entries in a daemon thread and set `progress.total` when done."""

    def count() -> None:
        try:
            progress.total = count_inputs(specs)
        except OSError:
            progress.total = None

    thread = threading.Thread(target=count, name="annotate-count", daemon=True)
    thread.start()
    return thread
