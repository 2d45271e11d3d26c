"""Article metadata from a parsed page: schema.org JSON-LD, OpenGraph, <meta> tags, visible text."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from .headline import choose_headline
from .published import plausible_date, publication_date

ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "liveblogposting",
    "socialmediaposting",
    "webpage",
}
MODIFIED_META = (
    "article:modified_time",
    "article:modified",
    "datemodified",
    "og:updated_time",
    "dcterms.modified",
)
AUTHOR_META = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator")
BYLINE = re.compile(r"^\s*By\s+([^()\n|]{3,80}?)\s*(?:\(([^()]{2,60})\))?\s*$")
AUTHOR_LIST = re.compile(r"\s(?:and|&)\s|,.*,")  # 'A and B', 'A, B, C'
AUTHOR_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+")
BYLINE_TAIL = re.compile(r"[\s·•|,–—-]+$")  # "By Jo Bloggs ·" before a <time>
MAX_H1S = 5
VISIBLE_LINES = 600
INVISIBLE = frozenset(("script", "style", "noscript", "template", "option"))


@dataclass
class Metadata:
    """Metadata fields found on a page; any may be None."""

    url: str | None = None
    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    section: str | None = None
    published: str | None = None
    published_source: str | None = None
    modified: str | None = None
    declared_language: str | None = None
    article_body: str | None = None  # the JSON-LD articleBody, as stated (routes.py checks it)


def clean(text: object) -> str | None:
    """Collapse whitespace; return None for empty or non-string values."""
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())
    return text or None


def _json_ld_objects(tree: lxml_html.HtmlElement) -> list[dict]:
    objects: list[dict] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or ""):
            continue
        try:
            data = json.loads(script.text_content().strip() or "null", strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return objects


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _names(value: object) -> list[str]:
    """Names from a JSON-LD person/organisation value (string, object, or list of either)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = clean(item.get("name")) if isinstance(item, dict) else clean(item)
        if name and not name.startswith("http"):
            names.append(name)
    return names


def _article_body(article: dict, objects: list[dict]) -> str | None:
    """The article's JSON-LD articleBody, else the longest any object states."""
    body = article.get("articleBody")
    if isinstance(body, str) and body.strip():
        return body
    bodies = [o["articleBody"] for o in objects if isinstance(o.get("articleBody"), str)]
    return max(bodies, key=len) if bodies else None


def _article_object(objects: list[dict]) -> dict:
    ranked = sorted(
        (o for o in objects if _types(o) & ARTICLE_TYPES),
        key=lambda o: ("webpage" in _types(o), "headline" not in o),
    )
    return ranked[0] if ranked else {}


def _meta_values(tree: lxml_html.HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = clean(meta.get("content") or meta.get("value"))  # some CMSs write value=
        if not content:
            continue
        keys = [meta.get("property"), meta.get("name"), *(meta.get("itemprop") or "").split()]
        for key in filter(None, keys):
            values.setdefault(key.strip().lower(), content)
    return values


def _first(*candidates: str | None) -> str | None:
    return next((c for c in candidates if c), None)


def _headline(
    tree: lxml_html.HtmlElement, article: dict, meta: dict[str, str], sites: list[str], section
) -> str | None:
    titles = [
        clean(article.get("headline")),
        meta.get("og:title"),
        meta.get("twitter:title"),
        clean(tree.findtext(".//title")),
    ]
    # a title escaped twice by its CMS shows '&#8217;' once parsed
    titles = [html.unescape(t) if t and "&" in t else t for t in titles]
    h1s = [text for text in (clean(h1.text_content()) for h1 in tree.iter("h1")) if text]
    return choose_headline(
        [t for t in titles if t], h1s[:MAX_H1S], sites, [section] if section else []
    )


def _site_label(url: str | None) -> str | None:
    """The site's name in its host: 'vortexcannon' for https://www.vortexcannon.org/…"""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
    if len(labels) < 2:
        return None
    # the label before the public suffix ('co.uk', 'com.au' count as one suffix)
    suffix = 2 if len(labels) > 2 and len(labels[-2]) <= 3 and len(labels[-1]) == 2 else 1
    label = labels[-1 - suffix]
    return label if len(label) >= 3 else None


def _visible_lines(tree: lxml_html.HtmlElement, limit: int = VISIBLE_LINES) -> list[str]:
    """The first `limit` non-empty text nodes of the page body (text after a <br> and inside
    bylines too), whitespace collapsed; script and style contents left out."""
    body = tree.find("body")
    lines: list[str] = []
    for element in (body if body is not None else tree).iter():
        text = element.text
        if text and not text.isspace() and element.tag not in INVISIBLE:
            lines.append(" ".join(text.split()))
        tail = element.tail
        if tail and not tail.isspace():
            lines.append(" ".join(tail.split()))
        if len(lines) >= limit:
            break
    return lines[:limit]


def _mentions_crumb(page: str) -> bool:
    """Whether a breadcrumb trail may be there: 'crumb' in any usual capitalisation."""
    return "rumb" in page or "RUMB" in page


def _breadcrumb_section(tree: lxml_html.HtmlElement) -> str | None:
    for element in tree.iter(etree.Element):
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if "crumb" not in marks.lower():
            continue
        parts = [p for p in re.split(r"\s*[>»/]\s*", element.text_content()) if clean(p)]
        if len(parts) >= 2:
            return clean(parts[-1])
    return None


def _split_names(author: str) -> list[str]:
    """'A, B and C' → three names; 'Brazil, Rachel' (a citation's 'Surname, Given') stays one."""
    if not AUTHOR_LIST.search(author):
        return [author]
    return [name.strip() for name in AUTHOR_SEPARATOR.split(author) if name.strip()]


def _byline(lines: list[str]) -> tuple[str | None, str | None]:
    """(author, organisation) from the first 'By NAME (ORG)' line, else (None, None)."""
    for line in lines:
        match = BYLINE.match(line)
        if match:
            return clean(BYLINE_TAIL.sub("", match.group(1))), clean(match.group(2))
    return None, None


def extract_metadata(tree: lxml_html.HtmlElement, page: str | None = None) -> Metadata:
    """Read every metadata field the page gives, most reliable source first.

    `page` (the decoded page text) lets element searches be skipped when their
    markers do not occur in the page at all.
    """
    objects = _json_ld_objects(tree)
    article = _article_object(objects)
    meta = _meta_values(tree)

    @cache
    def lines() -> list[str]:
        return _visible_lines(tree)

    publisher = _first(
        (_names(article.get("publisher")) or [None])[0],
        meta.get("og:site_name"),
        meta.get("application-name"),
    )
    authors = _names(article.get("author"))
    if not authors:
        for key in AUTHOR_META:
            if key in meta and not meta[key].startswith("http"):
                authors = [meta[key]]
                break
    if not authors or not publisher:
        byline_author, byline_org = _byline(lines())
        publisher = publisher or byline_org
        if not authors and byline_author:
            authors = [a.strip() for a in re.split(r",\s*|\s+and\s+", byline_author) if a.strip()]
    authors = [
        name
        for author in authors
        for name in _split_names(re.sub(r"^By\s+", "", author, flags=re.IGNORECASE))
    ]

    canonical = next(
        (
            link.get("href")
            for link in tree.iter("link")
            if link.get("rel") == "canonical" and link.get("href")
        ),
        None,
    )
    url = _first(canonical.strip() if canonical else None, meta.get("og:url"))
    if not url and isinstance(article.get("url"), str):
        url = article["url"]

    found = publication_date(tree, article, meta, lines, publisher, url)
    modified = plausible_date(article.get("dateModified"), *map(meta.get, MODIFIED_META))
    declared = _first(
        clean(article.get("inLanguage")) if isinstance(article.get("inLanguage"), str) else None,
        clean(tree.get("lang")),
        meta.get("content-language"),
        meta.get("og:locale"),
    )
    section = article.get("articleSection")
    section = section[0] if isinstance(section, list) and section else section
    section = _first(clean(section), meta.get("article:section")) or (
        _breadcrumb_section(tree) if page is None or _mentions_crumb(page) else None
    )
    sites = [name for name in (publisher, meta.get("og:site_name"), _site_label(url)) if name]
    return Metadata(
        url=url,
        headline=_headline(tree, article, meta, sites, section),
        authors=authors,
        publisher=publisher,
        section=section,
        published=found.value if found else None,
        published_source=found.source if found else None,
        modified=modified,
        declared_language=declared,
        article_body=_article_body(article, objects),
    )
