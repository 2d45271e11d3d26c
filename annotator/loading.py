"""Data built once per process (gazetteer, exchange-rate tables) with the garbage collector
paused while it is built.

Building a large table allocates hundreds of thousands of objects that all live on; each
allocation burst would otherwise trigger full collections that find nothing to free. The
result is cached like `functools.lru_cache`, so worker processes forked after a warm-up
inherit it already built.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T", bound=Callable[..., Any])


@contextmanager
def collector_paused():
    """Pause the garbage collector for the block (restored as it was, even on error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def built_once(maxsize: int = 1) -> Callable[[T], T]:
    """Decorator: cache the function's result (as lru_cache(maxsize)), build it with the
    garbage collector paused, then move it (and all that lives at that moment) to the
    collector's permanent generation, which full collections do not traverse."""

    def decorate(func: T) -> T:
        @functools.wraps(func)
        def build(*args: Any, **kwargs: Any) -> Any:
            with collector_paused():
                built = func(*args, **kwargs)
            gc.freeze()  # it lives as long as the process: full collections need not walk it
            return built

        return functools.lru_cache(maxsize=maxsize)(build)  # type: ignore[return-value]

    return decorate
