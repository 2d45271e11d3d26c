"""The datasette metadata written beside an archive database (titles, descriptions, facets).

`datasette archive.db -m archive.metadata.json` then opens a browsable archive: every
table and view described, facets on type, country, currency, speaker and publisher,
search over article text (documents) and quotes, documents labelled by their headline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...batch.outputs import atomic_writer
from ...model import dumps

TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "title": "Articles",
        "description": "One row per article: its metadata and body text. Search covers "
        "headlines and text.",
        "facets": ["publisher", "language", "section"],
        "sort_desc": "published",
        "label_column": "headline",
        "columns": {
            "id": "Content id: sha256 of the input's bytes",
            "source": "Where the article was read from (file, or WARC file#offset=N)",
            "published": "Publication date-time, ISO 8601, in the publisher's zone",
            "published_source": "Where the publication date was found",
            "authors": "JSON array of names",
            "provenance": "JSON: the annotator version and annotators that made the set",
            "extra": "JSON: document fields without a column of their own",
            "run": "The batch that stored the article",
        },
    },
    "annotations": {
        "title": "Annotations",
        "description": "Every annotation of every article, typed columns per field; "
        "a plugin type's fields are in the JSON column `fields`.",
        "facets": ["type", "annotator"],
        "columns": {
            "id": "The annotation's id in its article (date-1, quote-2 …)",
            "start": "Offset of the first character in the article text",
            "end": "Offset after the last character (exclusive)",
            "amount": "Exact decimal string",
            "ids": "JSON object of external identifiers",
        },
    },
    "quotes": {
        "title": "Quotations",
        "description": "Direct and partial quotations with their speakers. Search covers "
        "quote text and speakers.",
        "facets": ["speaker", "publisher", "kind"],
        "fts_table": "quotes_fts",
        "fts_pk": "rowid",
        "label_column": "text",
    },
    "dates": {
        "title": "Dates",
        "description": "Dates as ISO 8601 / TIMEX3 values; relative ones resolved "
        "against the publication date.",
        "facets": ["granularity", "relative"],
    },
    "agencies": {
        "title": "Government agencies",
        "description": "Named government bodies, with canonical names.",
        "facets": ["name", "country", "kind"],
    },
    "money": {
        "title": "Money",
        "description": "Amounts (as numbers) with their currency; in_xxx columns give the "
        "amount converted at the historical ECB rate of the publication date.",
        "facets": ["currency", "publisher"],
    },
    "conversions": {
        "title": "Conversions",
        "description": "Each money amount converted to each target currency: exact "
        "decimal strings, the rate, its date and source, or why there is none.",
        "facets": ["currency"],
    },
    "checks": {
        "title": "Checks",
        "description": "Problems found in an article's annotations (stated currency pairs "
        "off the historical rate, plugin errors).",
        "facets": ["type"],
    },
    "runs": {
        "title": "Runs",
        "description": "One row per batch: its options and counts.",
    },
    "failures": {
        "title": "Failed inputs",
        "description": "Inputs a batch could not annotate, with the reason.",
        "facets": ["error"],
    },
    "documents_fts": {"hidden": True},
    "quotes_fts": {"hidden": True},
}


def metadata_path(database: Path) -> Path:
    """Where the metadata of `database` goes: archive.db → archive.metadata.json."""
    return database.with_name(f"{database.stem}.metadata.json")


def metadata(database: Path) -> dict[str, Any]:
    """The datasette metadata of `database` (datasette names a database by its file stem)."""
    return {
        "title": f"Annotated news archive: {database.name}",
        "description": "Articles annotated by annotator: dates, quotations, government "
        "agencies and money amounts.",
        "databases": {database.stem: {"tables": TABLES}},
    }


def write_metadata(database: Path) -> Path:
    """Write the metadata file beside `database` atomically; return its path."""
    path = metadata_path(database)
    with atomic_writer(path) as stream:
        stream.write(dumps(metadata(database)))
    return path
