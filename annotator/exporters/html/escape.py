"""Escape any text for an HTML page so the browser's DOM holds exactly that text, as text.

`text()` is for element content, `attribute()` for a double-quoted attribute value. Both
make markup characters inert (`<script>` shows as the eight characters it is) and keep
code-point offsets: lone surrogates (which UTF-8 cannot encode) and NUL (which the HTML
parser drops) become U+FFFD one for one, and a carriage return, which the parser would
fold into the next line feed, is written as a character reference.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_UNSAFE_CODE_POINT = re.compile("[\x00\ud800-\udfff]")
LINKABLE_SCHEMES = ("http", "https")


def code_points_safe(value: str) -> str:
    """`value` with NUL and lone surrogates replaced by U+FFFD (same length, same offsets)."""
    if value.isascii() and "\x00" not in value:
        return value
    return _UNSAFE_CODE_POINT.sub("\ufffd", value)


def text(value: object) -> str:
    """`value` as HTML element content: shown as written, never parsed as markup."""
    # Chained str.replace is several times quicker than str.translate with a table.
    escaped = code_points_safe(str(value)).replace("&", "&amp;")
    return escaped.replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def attribute(value: object) -> str:
    """`value` as the content of a double-quoted HTML attribute."""
    return text(value).replace('"', "&quot;").replace("'", "&#39;")


def fragment(identifier: str) -> str:
    """A URL fragment (`#…`) pointing at the element whose id is `identifier`."""
    return "#" + quote(code_points_safe(identifier), safe="-._~:@!$&'()*+,;=")


def link_target(url: str | None) -> str | None:
    """`url` when it is safe to put in a link (http or https with a host), else None.

    A `javascript:`, `data:` or `vbscript:` URL, or anything unparseable, is shown as text only.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in LINKABLE_SCHEMES or not parts.netloc:
        return None
    return url.strip()
