"""Plain-text articles (.txt, .txt.gz, stdin) and the metadata a caller supplies for them."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest
from conftest import FIXTURES

import annotator
from annotator.errors import InputError, UsageError
from annotator.reading.plain import text_document, text_paragraphs

STORY = (
    "BEIJING - Police cracked 676 cases worth 835 million yuan ($125 million), the Ministry\n"
    "of Public Security said on Thursday.\n"
    "\n"
    '"We need international cooperation," said Gu Jian, deputy director of the bureau.\n'
)


def test_paragraphs_split_on_blank_lines_and_hard_wraps_joined():
    assert text_paragraphs("One\ntwo.\r\n\r\n  Three  four.\n\n\n") == ["One two.", "Three four."]
    assert text_paragraphs("Line one.\nLine two.\n") == ["Line one.", "Line two."]


def test_text_document_reads_the_whole_text_as_the_body():
    doc = text_document(STORY.encode(), "story.txt")
    assert doc.dateline == "BEIJING"
    assert doc.text.startswith("Police cracked 676 cases worth 835 million yuan ($125 million)")
    assert doc.text.count("\n\n") == 1
    assert (doc.language, doc.language_source) == ("en", "detected")
    assert doc.published is None and doc.headline is None


def test_empty_text_is_a_clear_error():
    with pytest.raises(InputError, match="^empty.txt: empty input$"):
        text_document(b" \n\n \n", "empty.txt")


def test_annotate_text_with_a_publication_date():
    result = annotator.annotate_text(STORY, published="2010-12-17", timestamp=False)
    document = result.document
    assert (document.published, document.published_source) == ("2010-12-17", "option")
    dates = {a.text: a.fields["value"] for a in result.annotations if a.type == "date"}
    assert dates["Thursday"] == "2010-12-16"
    yuan = next(a for a in result.annotations if a.text == "835 million yuan")
    assert yuan.fields["conversions"][0]["amount"] is not None
    assert annotator.validate(result.to_dict()) == []


def test_annotate_text_without_a_date_leaves_relative_dates_open():
    result = annotator.annotate_text(STORY, timestamp=False)
    thursday = next(a for a in result.annotations if a.text == "Thursday")
    assert result.document.published is None and thursday.fields["value"] is None


def test_annotate_text_language_url_and_bad_values():
    result = annotator.annotate_text(
        STORY, language="en-GB", url="https://example.com/2010/12/17/x", timestamp=False
    )
    document = result.document
    assert (document.language, document.language_source) == ("en", "option")
    assert document.url == "https://example.com/2010/12/17/x"
    assert (document.published, document.published_source) == ("2010-12-17", "url")
    with pytest.raises(UsageError, match="--published wants an ISO 8601 date"):
        annotator.annotate_text(STORY, published="last Friday")
    with pytest.raises(UsageError, match="--language wants a language code"):
        annotator.annotate_text(STORY, language="English!")


def _story_file(tmp_path, name="story.txt", compress=False):
    path = tmp_path / name
    data = STORY.encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def test_cli_annotates_a_txt_file(run_cli, tmp_path):
    code, out, err = run_cli(_story_file(tmp_path), "--published", "2010-12-17", "--no-timestamp")
    assert code == 0, err
    result = json.loads(out)
    assert result["document"]["published_source"] == "option"
    assert any(
        a["text"] == "Thursday" and a["value"] == "2010-12-16" for a in result["annotations"]
    )


def test_cli_annotates_a_txt_gz_file_to_a_folder(run_cli, tmp_path):
    out_dir = tmp_path / "out"
    code, _, err = run_cli(_story_file(tmp_path, "story.txt.gz", True), "-o", out_dir)
    assert code == 0, err
    result = json.loads((out_dir / "story.json").read_text(encoding="utf-8"))
    assert result["document"]["text"].startswith("Police cracked 676 cases")


def test_cli_reads_text_from_stdin_with_input_format_text(run_cli, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    code, out, err = run_cli("-", "--input-format", "text", "--language", "en", "--no-timestamp")
    assert code == 0, err
    document = json.loads(out)["document"]
    assert document["dateline"] == "BEIJING" and document["language_source"] == "option"


def test_cli_bad_published_or_input_format_is_a_usage_error(run_cli, tmp_path):
    story = _story_file(tmp_path)
    code, out, err = run_cli(story, "--published", "17/12/2010")
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "--published wants an ISO 8601 date" in err
    code, _, err = run_cli(story, "--input-format", "pdf")
    assert code == 2 and "unknown input format 'pdf'" in err


def test_a_page_date_wins_unless_published_override(run_cli):
    page = FIXTURES / "html" / "chinadaily-2020s-jsonld.html"
    code, out, _ = run_cli(page, "--published", "2011-01-01", "--no-timestamp")
    assert code == 0
    assert json.loads(out)["document"]["published"] == "2010-12-17T08:37:00+08:00"
    code, out, _ = run_cli(
        page, "--published", "2011-01-01", "--published-override", "--no-timestamp"
    )
    document = json.loads(out)["document"]
    assert (document["published"], document["published_source"]) == ("2011-01-01", "option")


def test_published_dates_an_undated_page(run_cli):
    page = FIXTURES / "html" / "no-metadata.html"
    code, out, _ = run_cli(page, "--published", "2021-03-04T10:00:00+00:00", "--no-timestamp")
    assert code == 0
    document = json.loads(out)["document"]
    assert (document["published"], document["published_source"]) == (
        "2021-03-04T10:00:00+00:00",
        "option",
    )


def test_folders_do_not_pick_up_text_files(run_cli, tmp_path):
    """notes.txt beside pages is no article; a .txt is read when named or globbed."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.txt").write_text("Remember to check the rates file.")
    (folder / "page.html").write_bytes((FIXTURES / "html" / "no-metadata.html").read_bytes())
    out_dir = tmp_path / "out"
    code, _, err = run_cli(folder, "-o", out_dir)
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["page.json"]
