"""annotator: dates, quotations, government agencies and money amounts in news articles."""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import AnnotatorError  # noqa: E402
from .model import Annotation, AnnotationSet, Document  # noqa: E402


def annotate_html(data: bytes, source: str = "-", **options) -> AnnotationSet:
    """Extract and annotate one HTML page given as bytes; options as in pipeline.Options."""
    from .pipeline import Options, annotate_bytes

    return annotate_bytes(data, source, Options(**options))


def annotate_text(
    text: str,
    published: str | None = None,
    language: str | None = None,
    url: str | None = None,
    source: str = "-",
    **options,
) -> AnnotationSet:
    """Annotate a plain-text article (text held in a database, a .txt file's contents).

    `published` (ISO 8601), `language` and `url` supply the metadata plain text lacks;
    without `language` it is detected from the text. Other options as in pipeline.Options.
    """
    from .pipeline import Options, annotate_bytes

    settings = Options(
        input_format="text", published=published, language=language, url=url, **options
    )
    return annotate_bytes(text.encode("utf-8"), source, settings)


def load(path: str) -> AnnotationSet:
    """Read an annotation-set JSON file (strict JSON: see annotator/stored/decode.py)."""
    from pathlib import Path

    from .errors import InputError
    from .stored.decode import BadJson, loads

    try:
        return AnnotationSet.from_dict(loads(Path(path).read_bytes().decode("utf-8-sig")))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    except (BadJson, UnicodeDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not an annotation set: {exc}", str(path)) from None


def validate(data: dict, source: str | None = None) -> list:
    """Validate an annotation-set (or gold) dict; return the list of errors (empty when valid)."""
    from .validation import validate_data

    return validate_data(data, source)


__all__ = [
    "Annotation",
    "AnnotationSet",
    "AnnotatorError",
    "Document",
    "annotate_html",
    "annotate_text",
    "load",
    "validate",
    "__version__",
]
