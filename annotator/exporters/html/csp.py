"""Content-Security-Policy for a self-contained page: only its own inline script and styles run.

The policy forbids every fetch (`default-src 'none'`) and allows the page's inline
`<script>` and `<style>` elements by the SHA-256 hash of their exact text, so a script or
style that is not byte-for-byte the one written here never runs, and no request leaves.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=64)
def source_hash(source: str) -> str:
    """The CSP hash source (`'sha256-…'`) of an inline script's or style's exact text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: Iterable[str], styles: Iterable[str]) -> str:
    """The policy allowing exactly these inline `scripts` and `styles` and nothing else."""
    script_sources = " ".join(source_hash(s) for s in scripts) or "'none'"
    style_sources = " ".join(source_hash(s) for s in styles) or "'none'"
    return (
        f"default-src 'none'; script-src {script_sources}; style-src {style_sources}; "
        "base-uri 'none'; form-action 'none'"
    )


def meta_tag(scripts: Iterable[str], styles: Iterable[str]) -> str:
    """The `<meta http-equiv="Content-Security-Policy">` element for these inline sources."""
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(scripts, styles)}">'
