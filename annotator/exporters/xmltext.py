"""Make any text safe to write: XML 1.0 characters only, and encodable as UTF-8.

XML 1.0 allows #x9, #xA, #xD, #x20-#xD7FF, #xE000-#xFFFD and #x10000-#x10FFFF.
Every other code point (C0 controls, lone surrogates, U+FFFE, U+FFFF) is
replaced by U+FFFD, one for one, so code-point offsets into the cleaned text
are those of the original text. Text outside XML (JSON, CSV, Markdown) only
needs lone surrogates replaced, which UTF-8 cannot encode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REPLACEMENT = "\ufffd"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def xml_safe(text: str) -> tuple[str, int]:
    """Return `text` with every character XML 1.0 forbids replaced by U+FFFD, and their count."""
    return _NOT_XML.subn(REPLACEMENT, text)


def unicode_safe(text: str) -> str:
    """Return `text` with lone surrogates (not encodable as UTF-8) replaced by U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, text)


@dataclass
class XmlCleaner:
    """Cleans strings for XML and counts, across calls, how many characters it replaced."""

    replaced: int = 0

    def __call__(self, value: object) -> str:
        """Return str(value) made XML-safe, adding the replacements to `self.replaced`."""
        text, count = xml_safe(str(value))
        self.replaced += count
        return text
