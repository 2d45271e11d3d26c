"""The built-in `text` extractor: a plain-text article (.txt, .txt.gz, stdin) → Document.

The whole text is the body. Paragraphs are separated by blank lines; the lines of one
paragraph (hard-wrapped text) are joined by a space. A text without any blank line has
one paragraph per line. A leading "BEIJING - " opener becomes the dateline, as on pages.
The language is detected from the text; the publication date, URL and language can be
supplied by the caller (`--published`, `--url`, `--language`, see `supplied.py`).
"""

from __future__ import annotations

import hashlib
import re

from ..errors import InputError
from ..model import Document
from .encoding import decode_html, gunzip_if_needed, reject_binary
from .language import article_language

TEXT_SUFFIXES = (".txt", ".txt.gz", ".text")
_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")


def text_paragraphs(text: str) -> list[str]:
    """The paragraphs of a plain text, whitespace inside each collapsed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if _BLANK_LINE.search(text):
        blocks = _BLANK_LINE.split(text)
    else:
        blocks = text.split("\n")
    return [paragraph for paragraph in (" ".join(block.split()) for block in blocks) if paragraph]


def text_document(data: bytes, source: str) -> Document:
    """The Document of plain-text bytes (UTF-8, a BOM's encoding, or cp1252; gzip allowed)."""
    from .extract import split_dateline

    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    text, _encoding = decode_html(gunzip_if_needed(data))
    reject_binary(text, source)
    paragraphs = text_paragraphs(text)
    if not paragraphs:
        raise InputError("empty input", source)
    dateline, paragraphs[0] = split_dateline(paragraphs[0])
    body = "\n\n".join(p for p in paragraphs if p)
    language, language_source = article_language(None, body)
    return Document(
        id=digest,
        source=source,
        text=body,
        dateline=dateline,
        language=language,
        language_source=language_source,
    )


class TextExtractor:
    """Plain text in, the text as the article body out."""

    name = "text"

    def extract(self, data: bytes, source: str) -> Document:
        """Return the Document of the plain text `data` read from `source`."""
        return text_document(data, source)


def is_text_input(name: str) -> bool:
    """Whether a file name says plain text (.txt, .txt.gz, .text)."""
    return name.lower().endswith(TEXT_SUFFIXES)
