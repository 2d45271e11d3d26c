"""Page reading: bytes → Document. `encoding` (gzip, charset, binary check), `warc` (WARC/ARC
records), `extract` (the built-in extractor plugin: body and metadata), `metadata`
(headline, dates, authors, publisher from structured data and visible lines), `url_dates`
(a date written in a URL).
"""
