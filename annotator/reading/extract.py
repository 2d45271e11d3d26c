"""The built-in `html` extractor plugin: page bytes → Document (metadata + clean body text)."""

from __future__ import annotations

import hashlib
import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError
from ..hookspecs import hookimpl
from ..model import Document
from .encoding import (
    control_free,
    decode_html,
    gunzip_if_needed,
    reject_binary,
    replace_unusable_characters,
)
from .language import article_language
from .metadata import BYLINE, Metadata, clean, extract_metadata
from .page_data import page_data_paragraphs
from .published import PRINT_CREDIT
from .routes import article_paragraphs, body_element_paragraphs, json_ld_paragraphs

# "BEIJING - ", "SAN FRANCISCO (AP) — ", "LONDON, Nov 20 (Reuters) - "
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?)"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?P<credit>\([A-Za-z .&-]{2,30}\))?\s*[-–—]+\s+(?=\S)"
)
CHROME_LINE = re.compile(
    r"^(?:Large\s+Medium\s+Small|Related readings?:?|Share(?: this)?:?|Print|E-?mail|Comments?"
    r"|Advertisement|(?:Story )?continues? (?:reading )?below(?: advertisement)?|Up next"
    r"|Breaking news|Read more|More about|Explore more(?: (?:on|about) [\w' -]{1,40})?"
    r"|Most (?:read|popular|viewed|shared)(?: in [\w&' -]{1,30})?)$",
    re.IGNORECASE,
)
TRAILING_CHROME = re.compile(
    r"^(?:Follow|Read more|Read the full|Sign up|Subscribe|Click here|Like us|Copyright|©"
    r"|All rights reserved|Log in|Enjoying our|Access the most recent|Explore the latest"
    r"|Already a subscriber|Create an account|Create a free account|Registration is"
    r"|Thank you for registering|Please refresh the page|Already registered|Join our community)\b",
    re.IGNORECASE,
)
# A notice about the reader's browser opening the page text ("Thank you for visiting … You
# are using a browser version with limited support for CSS …"), often broken over lines.
BROWSER_NOTICE = re.compile(
    r"^(?:Thank you for visiting|You are using a browser|Your browser|Please enable JavaScript)",
    re.IGNORECASE,
)
BROWSER_WORDS = re.compile(r"browser|JavaScript|Internet Explorer|\bCSS\b|compatibility mode")
# A byline date standing alone as a paragraph: "Monday, November 18, 2019", "Nov. 18, 2019,
# 6:18 p.m. EST", "18 November 2019" (a list item's too: "- 18 Nov 2019, 19:09"). Page furniture near the top of a body, never prose.
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE_ONLY_LINE = re.compile(
    r"^(?:- )?(?:(?:Updated|Published|Posted):?\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH_NAME}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_NAME}),?\s+\d{{4}}"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?$"
)
# A publication or update stamp standing alone, anywhere in a body: "Updated at 1:23
# p.m.", "- Published: 22:04, 22 Apr 2024", "Updated on September 19 at 3:15 p.m. EDT".
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*,?"
_STAMP_WORD = rf"(?:[\d:./,-]*\d[\d:./,-]*|{_MONTH_NAME},?|{_WEEKDAY}|at|on|[AaPp]\.?[Mm]\.?|(?-i:[A-Z]{{2,4}}))"
STAMP_LINE = re.compile(
    r"^(?:- )?(?:Last )?(?:Published|Updated|Posted|Modified)(?: (?:on|at))?:?"
    rf"(?: {_STAMP_WORD}){{1,8}}$",
    re.IGNORECASE,
)
REPEAT_LENGTH = 150  # a paragraph this long that repeats an earlier one word for word is a copy
HEADER_ZONE = 6  # paragraphs at the top of a body where a lone date is a byline's
# "Updated: 2010-12-17 08:37" leading a body: the byline block's date line.
CUED_DATE_LINE = re.compile(
    r"(?:- )?(?:Updated|Published|Posted|Date)\s*:?\s*\d{4}-\d{1,2}-\d{1,2}", re.IGNORECASE
)
# A real sentence: eight words or more, at least three in lower case (no menu or title),
# ending with a full stop, question or exclamation mark (a closing quote may follow); or,
# in scripts written without spaces, 15 characters ending in 。！？.
MIN_SENTENCE_WORDS = 8
MIN_LOWER_WORDS = 3
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
CJK_SENTENCE = re.compile(r"[^\s]{15,}[。！？][」』]?$")
# Where a short article's paragraphs sit when trafilatura returns nothing.
MAIN_PARAGRAPHS_XPATH = (
    "//article//p | //main//p | //*[@itemprop='articleBody']//p | //*[@role='main']//p"
)
EXTRACTION_ATTEMPTS = (
    {"fast": True, "favor_precision": True, "include_tables": True},
    {"favor_precision": True, "include_tables": True},
    {"favor_precision": True, "include_tables": False},
    {"favor_recall": True, "include_tables": False},
)
MIN_FAST_BODY = 500
# A fast pass holding under this share of the sentence paragraphs in containers that share a
# class name with its own probably stopped where the body breaks (an advert between two text
# blocks of one article): the full passes run.
MIN_FAST_SHARE = 0.5
# Elements trafilatura's fast pass always deletes (its MANUALLY_CLEANED list, minus the ones
# it treats specially: form, figure, math). Dropping them before the call spares its XPath
# pruning a third of the tree. JSON-LD scripts stay: trafilatura reads them to spot forums.
ALWAYS_DISCARDED = (
    "aside",
    "audio",
    "button",
    "canvas",
    "embed",
    "footer",
    "head",
    "iframe",
    "map",
    "menu",
    "nav",
    "noscript",
    "object",
    "picture",
    "script",
    "select",
    "style",
    "svg",
    "textarea",
    "video",
)
POPUP_MARKERS = ("rollover", "hovercard", "tooltip", "popover")
_PARSER_SETTINGS = {
    "no_network": True,
    "remove_comments": True,
    "remove_pis": True,
    "default_doctype": False,
}
_PARSER = etree.HTMLParser(**_PARSER_SETTINGS)
_UTF8_PARSER = etree.HTMLParser(**_PARSER_SETTINGS, encoding="utf-8")
# Every element an HtmlElement, chosen in C: lxml.html's own lookup calls back into Python
# for each element proxy (about a tenth of the extraction time) only to pick form classes.
for _parser in (_PARSER, _UTF8_PARSER):
    _parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse_html(text: str, source: str, utf8: bytes | None = None) -> lxml_html.HtmlElement:
    """Parse page text with a network-free lxml parser; InputError when it is not HTML at all.

    `utf8`, the page's bytes when they are `text` written in UTF-8 (no byte-order mark), is
    parsed instead: libxml2 reads UTF-8 about a quarter faster than a Python string, into
    the same tree (checked on every UTF-8 page of the corpora).
    """
    if _XML_DECLARATION.match(text):
        text, utf8 = _XML_DECLARATION.sub("", text, count=1), None
    if not text.strip():
        raise InputError("empty input", source)
    try:
        if utf8 is not None:
            tree = lxml_html.document_fromstring(utf8, parser=_UTF8_PARSER)
        else:
            tree = lxml_html.document_fromstring(text, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        if exc.code == etree.ErrorTypes.ERR_NO_MEMORY:  # libxml2's way to say MemoryError
            raise MemoryError(f"libxml2 ran out of memory parsing {source}") from None
        raise InputError(f"not parseable as HTML: {exc}", source) from exc
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"not parseable as HTML: {exc}", source) from exc
    if tree is None:
        raise InputError("not parseable as HTML", source)
    return tree


def _trafilatura_paragraphs(tree: lxml_html.HtmlElement, **settings: bool) -> list[str]:
    text = trafilatura.extract(
        tree, include_comments=False, deduplicate=False, with_metadata=False, **settings
    )
    return [p for p in (clean(line) for line in (text or "").split("\n")) if p]


def _is_layout_table(paragraphs: list[str]) -> bool:
    """True when trafilatura rendered a table-based page layout as one huge table row."""
    return any(p.startswith("|") and len(p.split()) > 80 for p in paragraphs)


def _direct_paragraphs(
    tree: lxml_html.HtmlElement, metadata: Metadata
) -> tuple[list[str], str] | None:
    """The body by a direct route (routes.py), with the route's name; None when no check passes."""
    paragraphs = json_ld_paragraphs(metadata.article_body, tree)
    if paragraphs:
        return paragraphs, "json-ld"
    paragraphs = article_paragraphs(tree)
    if paragraphs:
        return paragraphs, "article"
    paragraphs = body_element_paragraphs(tree)
    if paragraphs:
        return paragraphs, "body-element"
    return None


def _body_paragraphs(
    tree: lxml_html.HtmlElement, text: str, source: str, metadata: Metadata
) -> tuple[list[str], str]:
    """Body paragraphs and the route that found them: a direct route (routes.py) when its
    check passes, else trafilatura, a fast pass first, then fuller passes on a fresh parse.

    The fast pass skips trafilatura's fallback extractors; when it yields under
    MIN_FAST_BODY characters, or under MIN_FAST_SHARE of the page's sentence paragraphs, it
    probably missed (part of) the body, and the full pass (with fallbacks) runs. Measured on the 181-page benchmark (README): body F1 0.969 at
    ~45 pages/s, against 0.967 at ~31 pages/s for the full pass alone. When no pass
    finds article-length text, the first short result that holds a sentence is returned
    (a one-paragraph brief), else [].
    """
    _drop_discarded_elements(tree)
    direct = _direct_paragraphs(tree, metadata)
    if direct:
        return direct
    prose = _Prose(tree)  # read before the fast pass narrows the tree
    short: tuple[list[str], str] = ([], "trafilatura-full")
    for number, settings in enumerate(EXTRACTION_ATTEMPTS):
        page = tree if number == 0 else parse_html(text, source)
        if number == 0:  # on a smaller tree, the popup search below is cheaper
            _narrow_to_article(page)
        _remove_popups(page, text)
        paragraphs = _trafilatura_paragraphs(page, **settings)
        if _is_layout_table(paragraphs):
            continue
        route = "trafilatura-fast" if number == 0 else "trafilatura-full"
        found = sum(map(len, paragraphs))
        if _is_article_text(paragraphs) and (
            number > 0 or found >= max(MIN_FAST_BODY, MIN_FAST_SHARE * prose.around(paragraphs))
        ):
            return (paragraphs, route) if _adds_a_sentence(paragraphs, short[0]) else short
        if not short[0] and _has_sentence(paragraphs):
            short = (paragraphs, route)
    return short


class _Prose:
    """The page's sentence paragraphs (<p> texts that read as sentences), each with the class
    names of its container: text blocks of one article split by an advert share one."""

    def __init__(self, tree: lxml_html.HtmlElement) -> None:
        self.classes_of: dict[str, frozenset[str]] = {}
        self.blocks: list[tuple[frozenset[str], int]] = []
        for element in tree.iter("p"):
            text = clean(element.text_content())
            parent = element.getparent()
            if not text or parent is None or not is_sentence(text):
                continue
            classes = frozenset((parent.get("class") or "").split())
            self.classes_of[text] = classes
            self.blocks.append((classes, len(text)))

    def around(self, paragraphs: list[str]) -> int:
        """Characters of sentence paragraphs in containers sharing a class name with those
        holding `paragraphs` (0 when their containers have none)."""
        classes = frozenset().union(*(self.classes_of.get(p, ()) for p in paragraphs))
        return sum(length for names, length in self.blocks if names & classes)


def _adds_a_sentence(paragraphs: list[str], short: list[str]) -> bool:
    """Whether `paragraphs` hold a real sentence beyond the short result `short` (a fuller
    pass that only glues the kicker, headline and byline to a brief's one sentence adds none)."""
    if not short:
        return True
    rest = "\n".join(paragraphs)
    for paragraph in short:
        rest = rest.replace(paragraph, "\n")
    return any(is_sentence(part.strip()) for part in rest.split("\n"))


def is_sentence(paragraph: str) -> bool:
    """Whether a paragraph is (or ends with) a real sentence, not a menu, label or title."""
    words = paragraph.split()
    if len(words) < MIN_SENTENCE_WORDS:
        return bool(CJK_SENTENCE.search(paragraph))
    lower = sum(1 for word in words if word[:1].islower())
    return lower >= MIN_LOWER_WORDS and SENTENCE_END.search(paragraph) is not None


def _has_sentence(paragraphs: list[str]) -> bool:
    return any(is_sentence(p) for p in paragraphs)


def _main_paragraphs(text: str, source: str) -> list[str]:
    """The <p> texts of the page's <article> or main element, for a page too short for
    trafilatura to take as an article."""
    tree = parse_html(text, source)
    _drop_discarded_elements(tree)
    seen: set[int] = set()
    paragraphs = []
    for element in tree.xpath(MAIN_PARAGRAPHS_XPATH):
        if id(element) in seen:
            continue
        seen.add(id(element))
        paragraph = clean(element.text_content())
        if paragraph:
            paragraphs.append(paragraph)
    return list(dict.fromkeys(paragraphs))


def _is_article_text(paragraphs: list[str]) -> bool:
    """Enough running text (150+ characters in lines of 40+): menus alone are not articles."""
    return sum(len(p) for p in paragraphs if len(p) >= 40) >= 150


def _without_browser_notice(paragraphs: list[str]) -> list[str]:
    """`paragraphs` without a browser notice opening them (its lines up to the last of the
    first four that speaks of browsers, scripts or styles)."""
    if not paragraphs or not BROWSER_NOTICE.match(paragraphs[0]):
        return paragraphs
    last = max(i for i, p in enumerate(paragraphs[:4]) if BROWSER_WORDS.search(p) or i == 0)
    return paragraphs[last + 1 :]


def _drop_chrome(paragraphs: list[str], metadata: Metadata) -> list[str]:
    """Remove lines around the body that repeat the headline, byline, or page widgets, and
    second copies of long paragraphs."""
    kept = []
    headline = (metadata.headline or "").lower()
    paragraphs = _without_browser_notice(paragraphs)
    seen: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        if len(paragraph) >= REPEAT_LENGTH and paragraph in seen:
            continue  # a page that shows the same block twice (a desktop and a mobile copy)
        seen.add(paragraph)
        leading = index < 4 and not kept
        if (
            CHROME_LINE.match(paragraph)
            or (index < HEADER_ZONE and DATE_ONLY_LINE.match(paragraph))
            or (STAMP_LINE.match(paragraph) and any(c.isdigit() for c in paragraph))
        ):
            continue
        if leading and (
            paragraph.lower() == headline
            or BYLINE.match(paragraph)
            or CUED_DATE_LINE.match(paragraph)
            or paragraph == metadata.section
        ):
            continue
        kept.append(paragraph)
    while kept and (
        (TRAILING_CHROME.match(kept[-1]) and len(kept[-1].split()) < 30)
        or PRINT_CREDIT.fullmatch(kept[-1])
    ):
        kept.pop()
    return kept


def _drop(element: lxml_html.HtmlElement) -> None:
    """Delete `element` and its subtree, its tail text joined to what came before."""
    if element.getparent() is None:
        return
    try:
        element.drop_tree()
    except ValueError:  # a tail with control characters lxml will not set again: drop it too
        element.tail = None
        element.drop_tree()


def _drop_discarded_elements(tree: lxml_html.HtmlElement) -> None:
    """Delete, tail text kept, the elements trafilatura would delete anyway.

    Kept: JSON-LD scripts, and any element holding an h1 (trafilatura's raw-tree pruning
    asks whether a container holds one before the deletion happens).
    """
    doomed = [
        element
        for element in tree.iter(*ALWAYS_DISCARDED)
        if element.get("type") != "application/ld+json" and element.find(".//h1") is None
    ]
    for element in doomed:
        _drop(element)


def _narrow_to_article(tree: lxml_html.HtmlElement) -> None:
    """Keep only the page's one <article> element, when it has one holding enough text.

    trafilatura looks for an <article> first anyway; its pruning then scans the whole
    page, which this spares it. Should the article element hold less of the body than
    the fast pass needs (MIN_FAST_BODY), the full passes run on a fresh, whole parse.
    """
    articles = list(tree.iter("article"))
    body = tree.find("body")
    if len(articles) != 1 or body is None or next(articles[0].iterancestors("body"), None) is None:
        return
    article = articles[0]
    if len(article.text_content()) < MIN_FAST_BODY:
        return
    article.tail = None
    article.getparent().remove(article)
    for child in list(body):  # one by one: slice assignment leaks the removed nodes
        body.remove(child)
    body.text = None
    body.append(article)


def _remove_popups(tree: lxml_html.HtmlElement, page: str) -> None:
    """Drop the pop-up cards sites nest inside the text (a person's bio card after their
    name): elements classed "hovercard", "tooltip", "popover", or "rollover" and "block"."""
    # The class tests are case-sensitive, so a plain substring test is an exact gate.
    if not any(marker in page for marker in POPUP_MARKERS):
        return
    for element in [e for e in tree.iter(etree.Element) if _is_popup(e.get("class") or "")]:
        _drop(element)


def _is_popup(marks: str) -> bool:
    return (
        ("rollover" in marks and "block" in marks)
        or "hovercard" in marks
        or "tooltip" in marks
        or "popover" in marks
    )


def split_dateline(first_paragraph: str) -> tuple[str | None, str]:
    """Return (dateline, paragraph). A bare 'CITY - ' opener is removed from the paragraph;
    one with a wire credit ('LONDON (AP) — ') stays, being part of the lead sentence."""
    match = DATELINE.match(first_paragraph)
    if not match or len(match.group("place")) < 3:
        return None, first_paragraph
    place = match.group("place").rstrip(",")
    if match.group("credit"):
        return place, first_paragraph
    return place, first_paragraph[match.end() :]


def _article_paragraphs(
    tree: lxml_html.HtmlElement, text: str, source: str, metadata: Metadata
) -> tuple[list[str], str]:
    """The body's paragraphs and the route taken (model.EXTRACTION_ROUTES): a direct route's
    or trafilatura's, else the page's article/main paragraphs (when trafilatura finds no
    sentence at all: counted as `trafilatura-full`, the path they end); else a body the
    page holds only in its scripts (`page-data`, reading/page_data.py); for a short text,
    only its real sentences (a one-paragraph brief); InputError 'no article body found'
    when there is none."""
    found, route = _body_paragraphs(tree, text, source, metadata)
    paragraphs = _drop_chrome(found, metadata)
    if _is_article_text(paragraphs):
        return paragraphs, route
    if not _has_sentence(paragraphs):
        paragraphs = _drop_chrome(_main_paragraphs(text, source), metadata)
        route = "trafilatura-full"
        if _is_article_text(paragraphs):
            return paragraphs, route
    in_scripts = page_data_paragraphs(parse_html(text, source), metadata.headline)
    if in_scripts:
        return _drop_chrome(in_scripts, metadata), "page-data"
    sentences = [p for p in paragraphs if is_sentence(p)]
    if not sentences:
        raise InputError("no article body found", source)
    return sentences, route


def extract_document(data: bytes, source: str) -> Document:
    """Turn raw page bytes (HTML, or gzip-compressed HTML) into a Document."""
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    raw = gunzip_if_needed(data)
    text, encoding = decode_html(raw)
    controls = not control_free(raw, encoding)
    if controls:
        reject_binary(text, source)
    decoded = text
    text, replaced = replace_unusable_characters(text, controls)
    tree = parse_html(text, source, raw if encoding == "utf-8" and text == decoded else None)
    metadata = extract_metadata(tree, text)
    paragraphs, route = _article_paragraphs(tree, text, source, metadata)
    dateline, paragraphs[0] = split_dateline(paragraphs[0])
    body = "\n\n".join(p for p in paragraphs if p)
    language, language_source = article_language(metadata.declared_language, body)
    return Document(
        id=digest,
        source=source,
        url=metadata.url,
        headline=metadata.headline,
        authors=metadata.authors,
        publisher=metadata.publisher,
        section=metadata.section,
        published=metadata.published,
        published_source=metadata.published_source,
        modified=metadata.modified,
        dateline=dateline,
        language=language,
        language_source=language_source,
        extraction=route,
        text=body,
        checks=[replaced_characters_check(replaced)] if replaced else [],
    )


def replaced_characters_check(count: int) -> dict[str, str]:
    """The check saying how many characters of the page were replaced by U+FFFD."""
    noun = "character" if count == 1 else "characters"
    return {
        "type": "replaced-characters",
        "message": f"{count} {noun} no text may hold (control characters, U+FFFE, U+FFFF)"
        " replaced by U+FFFD before parsing",
    }


class HtmlExtractor:
    """The default extractor: lxml + trafilatura for the body, our own metadata handling."""

    name = "html"

    def extract(self, data: bytes, source: str) -> Document:
        """Return the Document of the page `data` read from `source`."""
        return extract_document(data, source)


@hookimpl
def register_extractors(register) -> None:
    """Register the built-in extractors: HTML pages, and plain text (`reading/plain.py`)."""
    from .plain import TextExtractor

    register(HtmlExtractor())
    register(TextExtractor())
