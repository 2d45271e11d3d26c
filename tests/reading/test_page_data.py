"""The `page-data` route (reading/page_data.py): a body the page carries only in its
scripts, read when no other route finds one; a real client-rendered page, and hand-written
pages for its checks (a streamed payload, another story in the scripts, a short string)."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS, read_json

from annotator.errors import InputError
from annotator.reading.extract import extract_document, parse_html
from annotator.reading.page_data import MIN_PAGE_DATA_BODY, page_data_paragraphs

FUNDUS = CORPUS.parent / "fundus-recent"
# A lighthouse story, seven paragraphs of about 165 characters, and an orchard story.
STORY = [
    f"The harbour board voted on day {day} to keep restoring the old stone lighthouse at the"
    " end of the north pier, after engineers found the tower sound and the lamp room dry."
    for day in range(1, 8)
]
OTHER = [
    f"A cider maker in the valley planted row {row} of apple trees of varieties that had"
    " almost vanished after the orchards of the region were grubbed up in the sixties."
    for row in range(1, 8)
]


def _client_rendered(
    paragraphs: list[str], headline: str = "Board votes to keep restoring lighthouse"
) -> str:
    """A page whose visible body is empty and whose body ships in a Next.js-style push."""
    markup = "".join(f"<p class='editor-p'>{p}</p>" for p in paragraphs)
    markup += "<div class='caption'><p>The lighthouse at dusk. Photo: Harbour Gazette</p></div>"
    payload = json.dumps(f"4:T{len(markup)},{markup}").replace("<", "\\u003c")
    return (
        f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>"
        "<div id='root'></div>"
        f"<script>self.__next_f.push([1,{payload}])</script></body></html>"
    )


def test_a_client_rendered_page_gives_the_body_from_its_scripts():
    """A 2026 Korean page (Next.js) whose saved HTML shows no body: every extractor found
    nothing before; the route reads its true body whole."""
    page = FUNDUS / "html" / "kr-HankookIlbo_2026_01_29.html.gz"
    document = extract_document(page.read_bytes(), "x")
    assert document.extraction == "page-data"
    truth = read_json(FUNDUS / "ground-truth.json")["kr-HankookIlbo_2026_01_29"]["articleBody"]
    true_paragraphs = [line for line in truth.split("\n") if line]
    assert document.text.split("\n\n") == true_paragraphs
    assert "연합뉴스" not in document.text  # the photo captions are furniture


def test_a_streamed_payload_is_decoded_and_its_caption_left_out():
    document = extract_document(_client_rendered(STORY).encode(), "x")
    assert document.extraction == "page-data"
    assert document.text.split("\n\n") == STORY


def test_another_story_in_the_scripts_is_not_taken():
    with pytest.raises(InputError, match="no article body found"):
        extract_document(_client_rendered(OTHER).encode(), "x")


def test_a_string_shorter_than_a_body_is_not_taken():
    short = STORY[:2]
    assert sum(map(len, short)) < MIN_PAGE_DATA_BODY
    tree = parse_html(_client_rendered(short), "x")
    assert page_data_paragraphs(tree, "Board votes to keep restoring lighthouse") is None


def test_a_json_state_object_and_an_escaped_string_are_read():
    """Two ways pages keep "</" out of a script: "<\\/p>", and "\\u003c" for "<"."""
    state = json.dumps({"article": {"body": "".join(f"<p>{p}</p>" for p in STORY)}})
    slashed = state.replace("</", "<\\/")
    escaped = state.replace("<", "\\u003c").replace(">", "\\u003e")
    for script in (f"window.__STATE__ = {slashed};", f"window.__STATE__ = {escaped};"):
        page = f"<html><body><script>{script}</script></body></html>"
        assert page_data_paragraphs(parse_html(page, "x"), "Harbour lighthouse") == STORY


def test_a_page_with_a_visible_body_does_not_take_the_route():
    page = FUNDUS / "html" / "kr-HankookIlbo_2026_07_12.html.gz"  # its scripts hold it too
    assert extract_document(page.read_bytes(), "x").extraction != "page-data"
