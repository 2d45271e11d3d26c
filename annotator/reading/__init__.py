"""Page reading: bytes → Document. `encoding` (gzip, charset, binary check), `warc` (WARC/ARC
records), `extract` (the built-in extractor plugin: body and metadata), `metadata`
(headline, dates, authors, publisher from structured data and visible lines), `url_dates`
(a date written in a URL).
"""

from .language import defer_identifier_import

defer_identifier_import()  # before `extract` imports trafilatura, which imports py3langid
