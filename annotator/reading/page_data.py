"""The `page-data` route: an article body a page carries only inside its scripts.

Client-rendered pages (Next.js's streamed payload, its `__NEXT_DATA__`, an app's initial
state object) ship the body as HTML in a string of a script and draw it in the browser,
so the saved page shows no body at all. When no other route finds one, the string
literals of the page's scripts that hold paragraph markup are decoded, each is read as
the `article` route reads an <article> (furniture, captions and link lists left out),
and the one whose paragraphs hold the most text is the body, when that is at least
MIN_PAGE_DATA_BODY characters (a related story's teaser, a caption, is not) and holds
MIN_HEADLINE_SHARE of the headline's words (scripts also carry other stories whole, and
newsletter forms). The share was set on the benchmark's eight pages whose scripts hold
such strings: the five bodies of their own page hold 0.64-1.0 of its headline's words,
the two other stories and the form 0.13-0.27 (the eighth, a 6 % excerpt, holds none).
"""

from __future__ import annotations

import json
import re

from lxml import etree
from lxml import html as lxml_html

from .routes import MIN_ARTICLE_BODY, body_lines

MIN_PAGE_DATA_BODY = MIN_ARTICLE_BODY
# A JavaScript or JSON string literal in double quotes (escapes kept for json.loads).
STRING_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
# Paragraph markup inside a literal: "<p>", "<p class=…>", or its \u003c escape.
PARAGRAPH_MARKUP = re.compile(r"(?:<|\\u003[cC])p[\s>\\]")
JSON_LD = "application/ld+json"
MIN_HEADLINE_SHARE = 0.6
HEADLINE_WORD = re.compile(r"\w{3,}")


def _markup_strings(script: str) -> list[str]:
    """The decoded string literals of a script's text that hold paragraph markup."""
    found = []
    for match in STRING_LITERAL.finditer(script):
        literal = match.group(1)
        if not PARAGRAPH_MARKUP.search(literal):
            continue
        try:
            found.append(json.loads(f'"{literal}"'))
        except ValueError:  # a JavaScript escape JSON does not know (\x3c, \'): not data
            continue
    return found


def _paragraphs(markup: str) -> list[str]:
    """The body paragraphs of an HTML fragment, read as the `article` route reads."""
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    return body_lines(root)


def _tells_the_headline(paragraphs: list[str], headline: str | None) -> bool:
    """Whether `paragraphs` hold MIN_HEADLINE_SHARE of the headline's words of three
    letters or more, anywhere in a word (inflected forms count); True with no headline."""
    words = HEADLINE_WORD.findall((headline or "").lower())
    if not words:
        return True
    text = " ".join(paragraphs).lower()
    return sum(word in text for word in words) >= MIN_HEADLINE_SHARE * len(words)


def page_data_paragraphs(tree: lxml_html.HtmlElement, headline: str | None) -> list[str] | None:
    """The body paragraphs a page holds only in its scripts' data, or None when no
    script string reads as an article body of MIN_PAGE_DATA_BODY characters or more that
    tells of `headline`. `tree` must still hold the page's <script> elements."""
    best: list[str] = []
    for script in tree.iter("script"):
        if script.get("type") == JSON_LD or not script.text or "p" not in script.text:
            continue
        for markup in _markup_strings(script.text):
            paragraphs = _paragraphs(markup)
            if sum(map(len, paragraphs)) > sum(map(len, best)):
                best = paragraphs
    if sum(map(len, best)) < MIN_PAGE_DATA_BODY or not _tells_the_headline(best, headline):
        return None
    return best
