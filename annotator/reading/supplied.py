"""Metadata the caller supplies for inputs that lack it: `--published`, `--url`, `--language`.

An archive often knows an article's date from its catalogue when the text does not carry
it. The page's own metadata wins: a supplied date fills `published` only when the input
has none (unless `override`), a URL only when it has none (and its date, when it holds
one, then dates an undated input), a language only when the page declares none.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import UsageError
from ..model import Document, publication_day
from .datetimes import iso_datetime
from .language import normalise_tag
from .url_dates import url_date


def checked_published(value: str | None) -> str | None:
    """`value` as an ISO 8601 date or date-time; UsageError when it is not one."""
    if value is None:
        return None
    parsed = iso_datetime(value) if value.strip()[:4].isdigit() else None
    if not parsed or not publication_day(parsed):
        raise UsageError(
            f"--published wants an ISO 8601 date or date-time (2010-12-17, "
            f"2010-12-17T08:37:00+08:00), got {value!r}"
        )
    return parsed


def checked_language(value: str | None) -> str | None:
    """`value` as a primary language subtag ('en-GB' → 'en'); UsageError when it is not one."""
    if value is None:
        return None
    language = normalise_tag(value)
    if language is None:
        raise UsageError(f"--language wants a language code such as en or de, got {value!r}")
    return language


def with_supplied(
    document: Document,
    published: str | None = None,
    url: str | None = None,
    language: str | None = None,
    override: bool = False,
) -> Document:
    """`document` with the supplied metadata filled in where it lacks it (see the module)."""
    changes: dict[str, str | None] = {}
    if url and not document.url:
        changes["url"] = url
    has_date = document.published is not None
    if published and (override or not has_date):
        changes.update(published=published, published_source="option")
    elif not has_date and "url" in changes and url_date(url):
        changes.update(published=url_date(url).isoformat(), published_source="url")
    if language and document.language_source != "declared":
        changes.update(language=language, language_source="option")
    return replace(document, **changes) if changes else document
