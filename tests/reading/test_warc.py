"""WARC/ARC input: which records are articles, reading a record back, and batches over crawls."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from conftest import CORPUS, FIXTURES, SEED_PAGE
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from annotator.batch.inputs import InputItem, expand_inputs
from annotator.batch.runner import RunConfig, process_item, run_batch
from annotator.errors import InputError
from annotator.pipeline import Options, annotate_bytes
from annotator.reading.warc import HtmlRecord, SkippedRecord, read_record, scan_archive

SAMPLE_WARC = FIXTURES / "warc" / "sample.warc.gz"
SAMPLE_ARC = FIXTURES / "warc" / "sample.arc"
SEED_URL = "http://www.chinadaily.com.cn/china/2010-12/17/content_11719853.htm"
FIRST_GOLD = (
    CORPUS / "html" / "156770d676ce79905198e1c8407f81e5ecfb617d9aa44712718707eb7e3b8e38.html.gz"
)
OPTIONS = Options(timestamp=False)


def _html_records(path):
    return [r for r in scan_archive(path) if isinstance(r, HtmlRecord)]


def _write_warc(path, pages, gzip_records=True):
    """A WARC of HTML responses (url, body) written with warcio."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip_records)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


def test_scan_keeps_html_responses_and_resources_and_says_why_others_are_skipped():
    records = list(scan_archive(SAMPLE_WARC))
    html = [r for r in records if isinstance(r, HtmlRecord)]
    skipped = {r.reason for r in records if isinstance(r, SkippedRecord)}
    assert [r.url for r in html] == [
        SEED_URL,
        "https://example.org/first-gold-page",
        "https://example.org/second-gold-page",
    ]
    assert skipped == {
        "warcinfo record",
        "request record",
        "HTTP status 404",
        "content type image/png",
        "metadata record",
        "revisit record",
    }
    assert [r.offset for r in records] == sorted(r.offset for r in records)


def test_read_record_returns_the_http_payload_with_content_encoding_undone():
    seed, first, _second = _html_records(SAMPLE_WARC)
    assert read_record(SAMPLE_WARC, seed.offset, 10**6, "x") == SEED_PAGE.read_bytes()
    assert read_record(SAMPLE_WARC, first.offset, 10**6, "x") == gzip.decompress(
        FIRST_GOLD.read_bytes()
    )


def test_a_record_over_the_size_limit_is_refused():
    seed = _html_records(SAMPLE_WARC)[0]
    with pytest.raises(InputError, match="larger than the maximum of 1000 bytes"):
        read_record(SAMPLE_WARC, seed.offset, 1000, "sample.warc.gz#offset=1")


def test_warc_record_document_has_target_uri_and_record_source():
    seed = _html_records(SAMPLE_WARC)[0]
    item = InputItem(f"{SAMPLE_WARC}#offset={seed.offset}", "s", SAMPLE_WARC, seed.offset, seed.url)
    annotation_set = process_item(item, OPTIONS, 10**6)
    direct = annotate_bytes(SEED_PAGE.read_bytes(), "seed", OPTIONS)
    assert annotation_set.document.url == SEED_URL
    assert annotation_set.document.source.endswith(f"sample.warc.gz#offset={seed.offset}")
    assert annotation_set.document.text == direct.document.text
    assert annotation_set.document.id == direct.document.id
    assert [a.to_dict() for a in annotation_set.annotations] == [
        a.to_dict() for a in direct.annotations
    ]


def test_arc_files_are_read_too():
    records = list(scan_archive(SAMPLE_ARC))
    (page,) = [r for r in records if isinstance(r, HtmlRecord)]
    assert page.url == SEED_URL
    assert read_record(SAMPLE_ARC, page.offset, 10**6, "x") == SEED_PAGE.read_bytes()
    assert "content type image/png" in {r.reason for r in records if isinstance(r, SkippedRecord)}


def test_uncompressed_warc_and_output_names(tmp_path):
    path = tmp_path / "crawl.warc"
    _write_warc(
        path, [("https://a.example/1", b"<p>one</p>"), ("https://a.example/2", b"<p>2</p>")]
    )
    items = [e for e in expand_inputs([str(path)]) if isinstance(e, InputItem)]
    assert [i.output_stem for i in items] == [f"crawl/{i.offset}" for i in items]
    assert [read_record(path, i.offset, 100, i.source) for i in items] == [
        b"<p>one</p>",
        b"<p>2</p>",
    ]


def test_single_member_gzip_warc_gives_a_clear_error_not_a_crash(tmp_path):
    plain = tmp_path / "plain.warc"
    pages = [("https://a.example/1", b"<p>1</p>"), ("https://a.example/2", b"<p>2</p>")]
    _write_warc(plain, pages, gzip_records=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    errors = [e for e in expand_inputs([str(whole)]) if isinstance(e, InputError)]
    assert len(errors) == 1
    assert "warcio recompress" in str(errors[0]) and str(whole) in str(errors[0])


def test_truncated_archive_keeps_the_records_before_the_damage(tmp_path):
    data = SAMPLE_WARC.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[: len(data) // 2])
    items = [e for e in expand_inputs([str(broken)]) if isinstance(e, InputItem)]
    assert [i.url for i in items][:2] == [SEED_URL, "https://example.org/first-gold-page"]
    assert process_item(items[0], OPTIONS, 10**6).document.url == SEED_URL
    with pytest.raises(InputError, match="truncated record"):
        read_record(broken, items[-1].offset, 10**6, items[-1].source)


def test_batch_over_a_folder_of_archives_counts_skipped_records(tmp_path, capsys):
    out = tmp_path / "out"
    summary = run_batch([str(FIXTURES / "warc")], OPTIONS, RunConfig(out=out, jobs=1))
    assert (summary.ok, summary.failed, summary.non_html) == (4, 0, 8)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    offsets = sorted(f"sample/{r.offset}.json" for r in _html_records(SAMPLE_WARC))
    assert set(offsets) <= set(written) and len(written) == 4
    first = json.loads((out / offsets[0]).read_text(encoding="utf-8"))
    assert first["document"]["source"].startswith(str(FIXTURES / "warc"))
    assert "8 non-HTML records skipped" in capsys.readouterr().err
