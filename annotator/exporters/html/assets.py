"""The review pages' inline CSS and JavaScript, shipped as package data files in assets/."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def asset(name: str) -> str:
    """The text of assets/`name` (read once per process)."""
    return resources.files(__package__).joinpath("assets", name).read_text("utf-8")
