"""A memory ceiling on one input's work, so one huge page cannot take the machine down.

The ceiling is an address-space limit (RLIMIT_AS) set, for the time one input takes, to
what the process holds before it plus `--max-memory`: an allocation past it fails with
MemoryError, which gives that input up as OutOfMemory, and the process frees what the
input held and goes on. It is set in the process doing the work (a `--jobs` worker, or
this one for a serial batch) and restored after each input. Where the address space
cannot be read (not Linux) or in a thread other than the main one (Dask's workers), there
is no ceiling, as for --timeout.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import AnnotatorError

MEGABYTE = 1024 * 1024
DEFAULT_MAX_MEMORY = 2048  # megabytes per input; a 20 MB page (--max-bytes) needs ~850


class OutOfMemory(AnnotatorError):
    """An input needed more memory than its ceiling (--max-memory) and was given up."""


def physical_memory() -> int | None:
    """The machine's memory in bytes, or None when the system does not say."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, OSError, ValueError):
        return None


def default_max_memory(workers: int) -> int:
    """The default ceiling in megabytes: DEFAULT_MAX_MEMORY, or less on a machine where the
    workers at that ceiling would take more than half of its memory."""
    memory = physical_memory()
    if memory is None:
        return DEFAULT_MAX_MEMORY
    return max(256, min(DEFAULT_MAX_MEMORY, memory // (2 * max(workers, 1)) // MEGABYTE))


def _address_space() -> int | None:
    """This process's address space in bytes (Linux /proc), or None."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def can_limit_memory() -> bool:
    """Whether a ceiling can be set here: resource limits, /proc, and the main thread."""
    try:
        import resource  # noqa: F401  (absent on Windows)
    except ImportError:
        return False
    main = threading.current_thread() is threading.main_thread()
    return main and _address_space() is not None


@contextmanager
def memory_limit(megabytes: int | None, source: str | None = None) -> Iterator[None]:
    """Run the body with at most `megabytes` more memory than the process holds now
    (None or 0: no ceiling); OutOfMemory naming `source` when it needs more."""
    if not megabytes or megabytes <= 0 or not can_limit_memory():
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = (_address_space() or 0) + megabytes * MEGABYTE
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    except MemoryError:
        raise OutOfMemory(
            f"needed more than {megabytes} MB of memory (--max-memory)", source
        ) from None
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
