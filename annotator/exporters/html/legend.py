"""The annotation types a page shows: their order, their CSS class and the filter rules.

The four built-in types have their own colour and underline style (assets/page.css);
a plugin's type gets the neutral "other" style. Type names follow the schema's pattern
(`^[a-z][a-z0-9_-]*$`); anything else is reduced to it, so a type never reaches CSS or
an id unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

KNOWN = ("date", "quote", "agency", "money")
_NOT_TOKEN = re.compile(r"[^a-z0-9_-]+")


@lru_cache(maxsize=256)
def token(annotation_type: str) -> str:
    """The CSS-safe name of a type ("date" stays "date")."""
    cleaned = _NOT_TOKEN.sub("-", annotation_type.lower()).strip("-_")
    return cleaned if cleaned[:1].isalpha() else f"x{cleaned}"


def ordered(types: Iterable[str]) -> list[str]:
    """The distinct types, built-in ones first in their usual order, then the others sorted."""
    distinct = set(types)
    return [t for t in KNOWN if t in distinct] + sorted(distinct - set(KNOWN))


def style_class(annotation_type: str) -> str:
    """The colour-and-underline class of a type: its own for a built-in type, else `t-other`."""
    return f"t-{annotation_type}" if annotation_type in KNOWN else "t-other"


def filter_rules(types: Iterable[str]) -> str:
    """CSS hiding each type's highlights and list when its "show" box is unticked (no script)."""
    rules = []
    for annotation_type in types:
        name = token(annotation_type)
        hidden = f"body:has(#show-{name}:not(:checked))"
        rules.append(f"{hidden} mark.k-{name}{{background:none;text-decoration:none}}")
        rules.append(f"{hidden} #group-{name} ol{{display:none}}")
    return "\n".join(rules) + "\n"
