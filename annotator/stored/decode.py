"""Strict JSON decoding for stored annotation sets: what we read back, we can write again.

Python's `json` accepts things no exporter can write back: `NaN` and `Infinity`, numbers
too large for a float, duplicate keys (the last one silently wins), escaped lone
surrogates (`"\\ud800"`, which no UTF-8 output can hold) and nesting deep enough to
exhaust the interpreter's stack. Each is refused here with one `BadJson` naming the
problem (and, where it can be known, its JSON pointer), so a file that validates can
always be exported.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

# An annotation set nests about six levels deep (set, annotations, one annotation,
# conversions, one conversion); a plugin's fields may add a few. Far deeper data is an
# attack or an accident, and would exhaust the stack of the schema checker.
MAX_DEPTH = 64
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_WHITESPACE = " \t\r\n"


class BadJson(ValueError):
    """Text that is not JSON we accept; `pointer` says where when it is known."""

    def __init__(self, reason: str, pointer: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.pointer = pointer


def _constant(name: str) -> Any:
    raise BadJson(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise BadJson(f"number {text[:40]} is too large")
    return value


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise BadJson(f"duplicate key {key!r} in one object")
            seen.add(key)
    return data


DECODER = json.JSONDecoder(object_pairs_hook=_unique, parse_constant=_constant, parse_float=_finite)


def _pointer(path: list[Any]) -> str:
    return "".join(f"/{str(p).replace('~', '~0').replace('/', '~1')}" for p in path)


def check_tree(data: Any, may_hold_surrogates: bool = True) -> None:
    """BadJson when `data` nests deeper than MAX_DEPTH or holds a lone surrogate.

    Walks without recursion; `may_hold_surrogates` False (the source text had no
    surrogate escape) skips the string checks.
    """
    stack: list[tuple[Any, list[Any]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            items = value.items()
        elif isinstance(value, list):
            items = enumerate(value)
        else:
            if may_hold_surrogates and isinstance(value, str) and _LONE_SURROGATE.search(value):
                raise BadJson("lone surrogate in a string (not encodable as UTF-8)", _pointer(path))
            continue
        if len(path) >= MAX_DEPTH:
            raise BadJson(f"nested more than {MAX_DEPTH} levels deep", _pointer(path))
        for key, item in items:
            if may_hold_surrogates and isinstance(key, str) and _LONE_SURROGATE.search(key):
                raise BadJson("lone surrogate in a key (not encodable as UTF-8)", _pointer(path))
            stack.append((item, [*path, key]))


def _failure(exc: Exception) -> BadJson:
    if isinstance(exc, BadJson):
        return exc
    if isinstance(exc, RecursionError):
        return BadJson(f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(exc, json.JSONDecodeError):
        where = (
            f"line {exc.lineno}, column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        )
        return BadJson(f"not valid JSON: {exc.msg.removesuffix(' at')} ({where})")
    return BadJson(f"not valid JSON: {exc}")  # e.g. an integer of more than 4300 digits


def loads(text: str) -> Any:
    """Decode one JSON document strictly (see the module's docstring); BadJson otherwise."""
    value, end = raw_decode(text, len(text) - len(text.lstrip(_WHITESPACE)))
    if text[end:].strip(_WHITESPACE):
        raise BadJson("not valid JSON: extra data after the first value")
    return value


def raw_decode(text: str, index: int) -> tuple[Any, int]:
    """Decode the JSON value starting at `index` strictly; return it and where it ends."""
    try:
        value, end = DECODER.raw_decode(text, index)
    except Exception as exc:  # JSONDecodeError, BadJson, RecursionError, ValueError
        raise _failure(exc) from None
    check_tree(value, _SURROGATE_ESCAPE.search(text, index, end) is not None)
    return value, end
