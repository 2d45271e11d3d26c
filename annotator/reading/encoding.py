"""Decode page bytes: gzip, byte-order marks, declared charsets, then a sound fallback."""

from __future__ import annotations

import codecs
import re
import zlib

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""",
    re.IGNORECASE,
)
_MAX_GUNZIP = 200 * 1024 * 1024
_INFLATE_CHUNK = 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
# The last gzip input inflated, with its content. A batch first checks how large a page
# inflates (--max-bytes) and the extractor then needs the content: one slot, compared by
# identity, lets the same bytes object be inflated once.
_last_inflated: tuple[bytes, bytes] | None = None


def inflate_gzip(data: bytes, max_bytes: int) -> bytes | None:
    """The content of gzip `data`, or None when it inflates past `max_bytes` (a gzip bomb).

    Reads every member (`cat a.gz b.gz` makes one stream of two; zero bytes between or
    after members are padding, as gzip(1) allows). Inflates in chunks, so a bomb costs at
    most `max_bytes` of memory. InputError when the data is not valid gzip, ends inside a
    member ("truncated gzip data after N bytes"), or has other data after its last member.
    """
    global _last_inflated
    if _last_inflated is not None and _last_inflated[0] is data:
        content = _last_inflated[1]
        return content if len(content) <= max_bytes else None
    parts: list[bytes] = []
    size, pending = 0, data
    try:
        while pending:
            if not pending.startswith(_GZIP_MAGIC):
                raise InputError(
                    f"{len(pending)} bytes of data that is not gzip after the gzip stream"
                )
            member, pending = _inflate_member(pending, max_bytes - size)
            if member is None:
                return None
            if pending is None:
                raise InputError(f"truncated gzip data after {len(data)} bytes")
            parts.append(member)
            size += len(member)
            pending = pending.lstrip(b"\0")
    except zlib.error as exc:
        raise InputError(f"corrupt gzip data: {exc}") from exc
    content = b"".join(parts)
    _last_inflated = (data, content)
    return content


def _inflate_member(data: bytes, room: int) -> tuple[bytes | None, bytes | None]:
    """(content of the gzip member `data` starts with, the bytes after it): content None
    when it inflates past `room` bytes, the bytes after it None when `data` ends inside
    the member (truncated)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    parts, total, pending = [], 0, data
    while not inflater.eof:
        part = inflater.decompress(pending, _INFLATE_CHUNK)
        pending = inflater.unconsumed_tail
        if not (part or pending or inflater.eof):  # input used up, nothing more comes out
            return b"".join(parts), None
        total += len(part)
        if total > room:
            return None, b""
        parts.append(part)
    return b"".join(parts), inflater.unused_data


def gunzip_if_needed(data: bytes, max_bytes: int = _MAX_GUNZIP) -> bytes:
    """Return `data` decompressed when it is gzip, refusing to inflate past `max_bytes`."""
    if not data.startswith(_GZIP_MAGIC):
        return data
    content = inflate_gzip(data, max_bytes)
    if content is None:
        raise InputError(f"gzip content larger than {max_bytes} bytes")
    return content


def declared_encoding(data: bytes) -> str | None:
    """The charset the page declares in its first 4 KB (meta tag or XML declaration), if valid."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers treat latin-1 and ascii declarations as windows-1252 (WHATWG Encoding standard).
    return "cp1252" if codec in ("iso8859-1", "ascii") else codec


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode page bytes to text; return (text, encoding used). Never raises on bad bytes."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    declared = declared_encoding(data)
    if declared and not declared.startswith(("utf-16", "utf-32")):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        return data.decode(declared, errors="replace"), declared
    return data.decode("cp1252", errors="replace"), "cp1252"


# C0 control characters other than tab, line feed, form feed and carriage return: real
# pages hold next to none, random or binary bytes about one in ten.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_BINARY_SAMPLE = 65536
_BINARY_SHARE = 0.01


# The C0 control bytes bar tab, line feed and carriage return; codecs that map every ASCII
# byte to itself and no byte sequence to a C0 control or a lone surrogate.
_C0_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_ASCII_SAFE = ("utf-8", "cp", "iso8859", "shift_jis", "euc", "gb", "big5", "koi8", "mac")


def control_free(data: bytes, encoding: str) -> bool:
    """Whether text decoded from `data` with `encoding` can hold no C0 control character
    (bar tab, line feed, carriage return) and no lone surrogate: the codec maps ASCII bytes
    to themselves and the bytes hold none (one bytes.translate: several times faster than
    searching the decoded text; UTF-7/16/32 pages always take the search)."""
    return encoding.startswith(_ASCII_SAFE) and len(data.translate(None, _C0_BYTES)) == len(data)


def reject_binary(text: str, source: str | None = None) -> None:
    """InputError when decoded page text is binary data (an image, a PDF, random bytes)."""
    sample = text[:_BINARY_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if sample and controls > _BINARY_SHARE * len(sample):
        share = 100 * controls / len(sample)
        raise InputError(f"binary data, not an HTML page ({share:.0f}% control characters)", source)


REPLACEMENT = "\ufffd"
# Characters XML cannot hold (C0 controls but tab, line feed and carriage return; lone
# surrogates; U+FFFE and U+FFFF): lxml keeps them in the tree from a parsed string, and
# trafilatura's tree building then fails on the whole body. Form feed is HTML white space.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Numeric character references (&#1;, &#x0B, &#xFFFE;) the parser would turn into them.
_REFERENCE = re.compile(r"&#(?:[xX](?P<hex>[0-9a-fA-F]{1,8})|(?P<dec>[0-9]{1,10}));?")


def _code_point(reference: re.Match[str]) -> int:
    digits = reference.group("hex")
    return int(digits, 16) if digits else int(reference.group("dec"))


def _reference_replacement(reference: re.Match[str]) -> str | None:
    """What a numeric reference to a character XML cannot hold becomes; None for others."""
    code = _code_point(reference)
    if code == 0x0C:
        return " "
    if code <= 0x10FFFF and _NOT_XML.match(chr(code)):
        return REPLACEMENT
    return None


def replace_unusable_characters(text: str, controls: bool = True) -> tuple[str, int]:
    """`text` with every character XML cannot hold (written or as a numeric reference)
    replaced by U+FFFD, and form feeds by a space; returns (text, characters replaced by
    U+FFFD). `controls=False` (`control_free` said so) skips the search for written C0
    controls and surrogates; U+FFFE and U+FFFF are still looked for.

    One stray control character must not cost the article: trafilatura drops the whole
    body when the parsed tree holds one.
    """
    replaced = 0

    def reference(match: re.Match[str]) -> str:
        nonlocal replaced
        replacement = _reference_replacement(match)
        replaced += replacement == REPLACEMENT
        return match.group() if replacement is None else replacement

    if "&#" in text:
        text = _REFERENCE.sub(reference, text)
    if not controls and "\ufffe" not in text and "\uffff" not in text:
        return text, replaced
    text, written = _NOT_XML.subn(REPLACEMENT, text.replace("\x0c", " "))
    return text, replaced + written
