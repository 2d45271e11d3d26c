"""Direct extraction routes: the article body read straight from the page, before trafilatura.

Two routes are tried in order, each only when its own check passes:

- `json-ld`: the schema.org `articleBody` the page states, when it is long enough and
  agrees with the visible page (most of its 4-word shingles occur in the page's text:
  a body the reader cannot see, or a teaser cut short, is not taken);
- `article`: the paragraphs, headings and list items of the page's single `<article>`
  element, page furniture (figures, captions, asides, share and related boxes…) and
  lists of links left out, when they hold enough text and most of the element's text.

When neither check passes the caller runs trafilatura (`trafilatura-fast`, then
`trafilatura-full`). The thresholds were chosen on the article-extraction-benchmark
(README, "Article extraction") and fixed before any other corpus was scored.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from lxml import etree
from lxml import html as lxml_html

from ..model import EXTRACTION_ROUTES
from .metadata import clean

# The routes, in the order they are tried; the value of document.extraction.
ROUTES = EXTRACTION_ROUTES

MIN_JSON_LD_BODY = 1000  # characters: shorter bodies are mostly teasers cut at 500
MIN_JSON_LD_AGREEMENT = 0.9  # share of the body's 4-word shingles found in the page text
MIN_ARTICLE_BODY = 1000  # characters of paragraphs in the <article>
MIN_ARTICLE_COVERAGE = 0.5  # share of the <article>'s text those paragraphs hold
MAX_LINK_SHARE = 0.5  # a paragraph or list whose text is mostly links is navigation
SHINGLE = 4
LINE_BREAK = "\x00"  # stands for <br> while text is gathered: no parsed text holds NUL
LOOSE = ""  # the tag of a Block of loose text (no element of its own)
MIN_PROSE_WORDS = 8  # loose text between blocks is kept only as sentences this long
MIN_OWN_WORDS = 6  # a prose paragraph mostly made of links keeps this many words of its own
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")

WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]+>")
FURNITURE = frozenset(
    ("figure", "figcaption", "aside", "nav", "footer", "form", "button", "header", "address")
)
FURNITURE_CLASS = re.compile(
    r"related|share|social|newsletter|promo|advert|caption|byline|author|comment|subscribe"
    r"|sign-?up|tags|recommend|read-?more|breadcrumb|sidebar|footer|credit|toolbar"
    r"|trending|most-?(?:read|popular|viewed)|carousel|swiper",
    re.IGNORECASE,
)
# Class names that mark the element holding an article's body ("article-body",
# "story__body", "entry-content", "post-content", "articleBody"…); the XPath finds the
# candidates in C, the pattern decides.
BODY_CLASS = re.compile(
    r"(?:^|[\s_-])(?:article[-_]?body|story[-_]?body|entry[-_]?content|post[-_]?content"
    r"|article[-_]?content|body[-_]?text|article__body|story[-_]?content|content[-_]?body"
    r"|article[-_]?text|story[-_]?text|rich[-_]?text)(?:$|[\s_-])",
    re.IGNORECASE,
)
EMBEDDED_POST_XPATH = (
    ".//blockquote[contains(@class, 'twitter') or contains(@class, 'instagram')"
    " or contains(@class, 'tiktok') or contains(@class, 'facebook')]"
)
HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
PARAGRAPHS = frozenset(("p", "blockquote", "pre", *HEADINGS))
LISTS = frozenset(("ul", "ol"))
# Blocks inside a list item: an item holding them is walked, not taken whole.
NESTED_BLOCKS = frozenset(("p", "div", "figure", "ul", "ol", "table"))
# Elements read as part of the text around them (a run of loose text is one paragraph).
INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span"
    " strike strong sub sup time tt u var wbr br".split()
)


def shingles(text: str) -> set[tuple[str, ...]]:
    """The 4-word shingles of `text` (words: runs of \\w characters)."""
    words = WORD.findall(text)
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _plain_body(article_body: str) -> str:
    """A JSON-LD articleBody as plain text: markup, if any, read as text; character
    references decoded (twice at most: some sites escape them twice)."""
    if "<" in article_body and TAG.search(article_body):
        article_body = TAG.sub(" ", article_body)
    for _ in range(2):
        if "&" not in article_body:
            break
        article_body = html.unescape(article_body)
    return article_body


def _words(text: str) -> str:
    """The words of `text`, one space between them and around them (for word-bounded search)."""
    return f" {' '.join(WORD.findall(text))} "


def json_ld_paragraphs(article_body: str | None, tree: lxml_html.HtmlElement) -> list[str] | None:
    """The page's own paragraphs that make up its JSON-LD `articleBody`, when they show it.

    The publisher's articleBody says what the article is; the page's paragraphs (their
    breaks, headings and quotation marks) are what is kept: those whose 4-word shingles
    are at least half the body's, and short ones whose words occur in it. The check: the
    body holds MIN_JSON_LD_BODY characters and the kept paragraphs show at least
    MIN_JSON_LD_AGREEMENT of its shingles (a body the page does not show, or shows only in
    part behind a paywall, fails it). None when the check fails.
    """
    if not article_body or len(article_body) < MIN_JSON_LD_BODY:
        return None
    body = _plain_body(article_body)
    wanted = shingles(body)
    if len(" ".join(body.split())) < MIN_JSON_LD_BODY or not wanted:
        return None
    words = _words(body)
    root = tree.find("body")
    kept: list[str] = []
    shown: set[tuple[str, ...]] = set()
    for block in _blocks(tree if root is None else root, []):
        for line in block.lines:
            found = shingles(line)
            if found:
                if 2 * len(found & wanted) < len(found) or found <= shown:
                    continue
            elif _words(line) not in words:
                continue
            kept.append(line)
            shown |= found
    if len(shown & wanted) < MIN_JSON_LD_AGREEMENT * len(wanted):
        return None
    return kept


def _is_furniture(element: lxml_html.HtmlElement) -> bool:
    if element.tag in FURNITURE:
        return True
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(marks.strip()) and FURNITURE_CLASS.search(marks) is not None


def _link_length(element: lxml_html.HtmlElement) -> int:
    return sum(len(clean(link.text_content()) or "") for link in element.iter("a"))


def _link_share(element: lxml_html.HtmlElement, text_length: int) -> float:
    return _link_length(element) / text_length if text_length else 1.0


def _text_parts(element: lxml_html.HtmlElement, parts: list[str]) -> None:
    """Append the element's text in reading order to `parts`, LINE_BREAK for each <br>."""
    if element.tag == "br":
        parts.append(LINE_BREAK)
    elif element.text and isinstance(element.tag, str):
        parts.append(element.text)
    for child in element:
        _text_parts(child, parts)
        if child.tail:
            parts.append(child.tail)


def _split_lines(parts: list[str]) -> list[str]:
    """Text parts joined, cut into lines at <br> (not at the newlines of the page's source),
    whitespace collapsed, empty lines dropped."""
    return [line for line in (clean(part) for part in "".join(parts).split(LINE_BREAK)) if line]


def _is_prose(line: str) -> bool:
    """A line of running text: eight words or more, ending as a sentence ends."""
    return len(line.split()) >= MIN_PROSE_WORDS and SENTENCE_END.search(line) is not None


def _starts_with_link(item: lxml_html.HtmlElement) -> bool:
    """Whether the first text of a list item is a link's (a headline linking elsewhere)."""
    for text in item.xpath(".//text()[normalize-space()]"):
        return any(ancestor.tag == "a" for ancestor in text.getparent().iterancestors("a")) or (
            text.getparent().tag == "a" and not text.is_tail
        )
    return False


def _is_link_list(element: lxml_html.HtmlElement) -> bool:
    """A list of links: mostly link text, or every item (two or more) led by a link."""
    text_length = len(clean(element.text_content()) or "")
    if _link_share(element, text_length) > MAX_LINK_SHARE:
        return True
    items = [item for item in element if item.tag == "li"]
    return len(items) >= 2 and all(_starts_with_link(item) for item in items)


def _holds_blocks(element: lxml_html.HtmlElement) -> bool:
    return any(block.tag in NESTED_BLOCKS for block in element.iterdescendants())


class Block(NamedTuple):
    """A paragraph-like piece of a page: its tag (LOOSE for text between blocks), its
    lines (cut at <br>) and the share of its text that is link text."""

    tag: str
    lines: list[str]
    link_share: float


def _element_block(element: lxml_html.HtmlElement) -> Block:
    parts: list[str] = []
    _text_parts(element, parts)
    lines = _split_lines(parts)
    if lines and element.tag == "li":  # marked as trafilatura marks list items
        lines[0] = f"- {lines[0]}"
    return Block(element.tag, lines, _link_share(element, sum(map(len, lines))))


def _blocks(container: lxml_html.HtmlElement, out: list[Block]) -> list[Block]:
    """Append to `out` the paragraph-like pieces of `container` in reading order: its
    paragraphs, headings and list items, and the sentences of loose text (with its inline
    elements) between them, tagged LOOSE; furniture, link lists and tables left out.
    Returns `out`."""
    loose: list[str] = [container.text or ""]
    links = 0

    def end_loose_text() -> None:
        nonlocal links
        lines = [line for line in _split_lines(loose) if _is_prose(line)]
        if lines:
            out.append(Block(LOOSE, lines, links / sum(map(len, lines))))
        loose.clear()
        links = 0

    for child in container:
        if not isinstance(child.tag, str) or (child.tag in INLINE and not _is_furniture(child)):
            if isinstance(child.tag, str):
                _text_parts(child, loose)
                links += _link_length(child)
        else:
            end_loose_text()
            if _is_furniture(child) or child.tag in INLINE or child.tag == "table":
                pass
            elif child.tag in PARAGRAPHS and not (
                child.tag == "blockquote" and _holds_blocks(child)
            ):
                out.append(_element_block(child))
            elif child.tag in LISTS:
                if not _is_link_list(child):
                    for item in child:
                        if item.tag != "li" or _is_furniture(item):
                            continue
                        if _holds_blocks(item):
                            _blocks(item, out)
                        else:
                            out.append(_element_block(item))
            else:
                _blocks(child, out)
        loose.append(child.tail or "")
    end_loose_text()
    return out


def _linked_sentence(block: Block) -> bool:
    """A paragraph of running text whose words are mostly links to other stories ("After
    <a>Miyazaki won on Monday</a>, it was <a>Boulter</a> who got the ball rolling …"):
    one prose line with about MIN_OWN_WORDS words or more outside the links (its word
    count times the share of its characters not in links; "Read more: <a>headline.</a>"
    has about two)."""
    if block.tag != "p" or len(block.lines) != 1 or not _is_prose(block.lines[0]):
        return False
    return len(block.lines[0].split()) * (1 - block.link_share) >= MIN_OWN_WORDS


def _body_lines(blocks: list[Block]) -> list[str]:
    """The lines of `blocks` that are body text: link-heavy blocks and the subtitles
    before the first paragraph left out."""
    paragraphs: list[str] = []
    for block in blocks:
        if not paragraphs and block.tag in HEADINGS and not _is_prose(" ".join(block.lines)):
            continue  # the title block's subtitle, not the body (a lead set as one is prose)
        if block.link_share <= MAX_LINK_SHARE or _linked_sentence(block):
            paragraphs.extend(block.lines)
    return paragraphs


def body_lines(container: lxml_html.HtmlElement) -> list[str]:
    """The body text lines of `container`, read as the `article` route reads its element
    (furniture, link lists, tables and leading subtitles left out; loose sentences kept)."""
    return _body_lines(_blocks(container, []))


def article_paragraphs(tree: lxml_html.HtmlElement) -> list[str] | None:
    """The paragraphs of the page's single <article> element, when they are the body.

    Taken when the page has exactly one <article> and its paragraphs pass the element
    check (`_element_paragraphs`). None when either fails.
    """
    articles = list(tree.iter("article"))
    return _element_paragraphs(articles[0]) if len(articles) == 1 else None


def body_element_paragraphs(tree: lxml_html.HtmlElement) -> list[str] | None:
    """The paragraphs of the page's single article-body element, when they are the body.

    The element is marked `itemprop="articleBody"` or by a class naming an article's,
    story's, entry's or post's body or content (BODY_CLASS); taken when the page has
    exactly one such element outside another, holding no embedded social-media post (whose
    credit line, "— Name (@handle) November 1, 2019", trafilatura keeps and this reading
    would not), and its paragraphs pass the element check (`_element_paragraphs`). None
    when any fails.
    """
    marked = [element for element in tree.iter(etree.Element) if _marked_as_body(element)]
    if not marked:
        return None
    among = set(marked)
    outer = [element for element in marked if not any(a in among for a in element.iterancestors())]
    if len(outer) != 1 or outer[0].xpath(EMBEDDED_POST_XPATH):
        return None
    return _element_paragraphs(outer[0])


def _marked_as_body(element: lxml_html.HtmlElement) -> bool:
    """Whether `element` is marked as an article's body (itemprop or BODY_CLASS); the
    substring tests spare the pattern most class names (a Python walk of the tree with
    them is faster than libxml2's XPath over every element)."""
    names = element.get("class")
    if names and ("ody" in names or "ontent" in names or "ext" in names):
        if BODY_CLASS.search(names):
            return True
    return element.get("itemprop") == "articleBody"


def _element_paragraphs(element: lxml_html.HtmlElement) -> list[str] | None:
    """The paragraphs of `element` when they are the body: it holds no table and no sentence
    outside its paragraphs, and its paragraphs (furniture, link lists and the subtitles
    before the first paragraph left out) hold MIN_ARTICLE_BODY characters or more and at
    least MIN_ARTICLE_COVERAGE of the element's text (else text sits in elements this
    route does not read). None when the check fails."""
    if element.find(".//table") is not None:  # trafilatura renders tables; this route does not
        return None
    blocks = _blocks(element, [])
    if any(block.tag == LOOSE for block in blocks):  # sentences outside paragraphs
        return None
    paragraphs = _body_lines(blocks)
    held = sum(map(len, paragraphs))
    if held < MIN_ARTICLE_BODY:
        return None
    total = len(clean(element.text_content()) or "")
    if held < MIN_ARTICLE_COVERAGE * total:
        return None
    return paragraphs
