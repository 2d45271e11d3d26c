"""Places that more than one annotator reads: countries (names, adjectives) and regions.

The agencies annotator uses them as prefixes of body names ("Japan's Finance Ministry") and
to infer a body's country; the money annotator finds the publisher's country in its name
("Lesotho Times", "The Namibian"). One JSON file, `places.json`, loaded once per process.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

PLACES_FILE = Path(__file__).parent / "places.json"


@lru_cache(maxsize=1)
def places_data() -> dict[str, Any]:
    """The places file: {"countries": {code: {"names": […], "adjectives": […]}}, "regions": …}."""
    with open(PLACES_FILE, encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def _country_words() -> tuple[re.Pattern[str], dict[str, str]]:
    words: dict[str, str] = {}
    for code, spec in places_data()["countries"].items():
        for word in [*spec.get("names", []), *spec.get("adjectives", [])]:
            if len(word) > 3 and not word.isupper():  # "US", "UK", "PRC" are too short to trust
                words.setdefault(word.lower(), code)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w.])", re.IGNORECASE), words


def country_named_in(name: str | None) -> str | None:
    """The one country a name mentions ("Lesotho Times" → LS, "The Namibian" → NA), else None."""
    if not name:
        return None
    pattern, words = _country_words()
    found = {words[match.group().lower()] for match in pattern.finditer(name)}
    return found.pop() if len(found) == 1 else None
