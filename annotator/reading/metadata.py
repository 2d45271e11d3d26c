"""Article metadata from a parsed page: schema.org JSON-LD, OpenGraph, <meta> tags, visible text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from dateutil import parser as dateutil_parser
from lxml import html as lxml_html

from ..model import publication_day
from .url_dates import url_date

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
PUBLISHED_META = (
    "article:published_time",
    "datepublished",
    "og:article:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "article.published",
    "article:published",
    "publication_date",
)
MODIFIED_META = (
    "article:modified_time",
    "article:modified",
    "datemodified",
    "og:updated_time",
    "dcterms.modified",
)
AUTHOR_META = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator")
VISIBLE_DATE = re.compile(
    r"(?:Updated|Published|Posted|Date)\s*:?\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^\s*By\s+([^()\n|]{3,80}?)\s*(?:\(([^()]{2,60})\))?\s*$")
# Visible dates carry no zone; publishers whose local time we know (name → UTC offset).
PUBLISHER_UTC_OFFSETS = {"China Daily": "+08:00", "Xinhua": "+08:00", "Global Times": "+08:00"}


@dataclass
class Metadata:
    """Metadata fields found on a page; any may be None."""

    url: str | None = None
    headline: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    section: str | None = None
    published: str | None = None
    modified: str | None = None
    language: str | None = None


def clean(text: object) -> str | None:
    """Collapse whitespace; return None for empty or non-string values."""
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())
    return text or None


def iso_datetime(value: str | None) -> str | None:
    """Normalise a date or date-time string to ISO 8601, keeping its zone; None if unparseable."""
    value = clean(value)
    if not value:
        return None
    candidate = value.replace("Z", "+00:00").replace(" ", "T", 1)
    candidate = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", candidate)
    candidate = re.sub(r"\.\d+(?=[+-]|$)", "", candidate)
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        return "-".join(match.groups()) if match else None
    if len(candidate) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DAY_OR_HOUR = re.compile(r"\b\d{1,2}\b")
_TIME = re.compile(r"\d:\d\d")
_OFFSET = re.compile(r"\s([+-])(\d\d):?(\d\d)$")
_UTC = re.compile(r"\s(?:GMT|UTC|UT|Z)$")


def written_datetime(value: str, fuzzy: bool = False) -> str | None:
    """A date written for people, in ISO 8601: "Wed, 20 Nov 2019 13:38:07 +0530" (with its
    offset), "November 19, 2019, 07:47 PM EST", "Monday, November 18, 2019". Zone names are
    dropped, never guessed (IST names three zones). None without a year and a day."""
    if not _YEAR.search(value) or not _DAY_OR_HOUR.search(_YEAR.sub("", value)):
        return None
    try:
        parsed = dateutil_parser.parse(
            value, fuzzy=fuzzy, ignoretz=True, default=datetime(1900, 1, 1)
        )
    except (ValueError, OverflowError):
        return None
    if parsed.year <= 1900:
        return None
    if not _TIME.search(value):
        return parsed.date().isoformat()
    offset = _OFFSET.search(value)
    zone = f"{offset[1]}{offset[2]}:{offset[3]}" if offset else ""
    if _UTC.search(value):
        zone = "+00:00"
    return parsed.isoformat() + zone


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


def _article_object(objects: list[dict]) -> dict:
    ranked = sorted(
        (o for o in objects if _types(o) & ARTICLE_TYPES),
        key=lambda o: ("webpage" in _types(o), "headline" not in o),
    )
    return ranked[0] if ranked else {}


def _meta_values(tree: lxml_html.HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = clean(meta.get("content"))
        if not content:
            continue
        keys = [meta.get("property"), meta.get("name"), *(meta.get("itemprop") or "").split()]
        for key in filter(None, keys):
            values.setdefault(key.strip().lower(), content)
    return values


def _first_date(*candidates: object) -> str | None:
    """The first candidate that is a plausible ISO date (CMS placeholders like 0001-01-01
    skipped), else the first written for people ("01:38:07 PM IST Nov 20, 2019")."""
    for parse in (iso_datetime, written_datetime):
        for candidate in candidates:
            text = clean(candidate)
            value = parse(text) if text else None
            if value and publication_day(value):
                return value
    return None


def _visible_line_date(lines: list[str], publisher: str | None) -> str | None:
    """'Updated: 2010-12-17 08:37' in the page text; the zone only when the publisher's is known."""
    for line in lines:
        match = VISIBLE_DATE.search(line)
        if match:
            year, month, day, hour, minute = match.groups()
            stamp = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
            if hour:
                offset = PUBLISHER_UTC_OFFSETS.get(publisher or "", "")
                stamp += f"T{int(hour):02d}:{minute}:00{offset}"
            return _first_date(stamp)
    return None


def _url_date(url: str | None) -> str | None:
    """The date many sites put in article URLs: /2019/11/19/, /2019-11-19/ or /2019/nov/19/."""
    day = url_date(url)
    return day.isoformat() if day else None


def _visible_publication_date(tree: lxml_html.HtmlElement) -> str | None:
    """A date written for readers in a <time>, a publication-date element or a date element of
    the byline ('November 18, 2019')."""
    candidates = tree.xpath(
        '//time | //*[contains(@itemprop, "ublish")] | //*[contains(@class, "pub-date") or contains(@class, "publish")]'
        ' | //*[contains(@class, "byline")]//*[contains(@class, "date")]'
    )
    for element in candidates[:20]:
        for text in (element.get("datetime"), element.get("data-pubdate"), element.text_content()):
            text = clean(text)
            if not text or len(text) > 60 or not re.search(r"\b(19|20)\d{2}\b", text):
                continue
            parsed = _first_date(text)
            if parsed:
                return parsed
            written = written_datetime(text, fuzzy=True)
            if written:
                return written[:10]  # the day a reader sees (its time zone is not known)
    return None


def _first(*candidates: str | None) -> str | None:
    return next((c for c in candidates if c), None)


def _strip_site_suffix(title: str | None, site: str | None) -> str | None:
    if not title:
        return None
    parts = re.split(r"\s+[|\-–—:]\s+", title)
    if len(parts) > 1 and (
        site is None or site.lower() in parts[-1].lower() or len(parts[-1]) < 30
    ):
        return clean(" - ".join(parts[:-1])) if len(parts) > 2 else parts[0]
    return title


def _headline(tree, article: dict, meta: dict[str, str], publisher: str | None) -> str | None:
    titles = [
        clean(article.get("headline")),
        meta.get("og:title"),
        meta.get("twitter:title"),
        clean(tree.findtext(".//title")),
    ]
    titles = [t for t in titles if t]
    for h1 in tree.iter("h1"):
        text = clean(h1.text_content())
        if text and any(t.lower().startswith(text.lower()) for t in titles):
            return text
    for title in titles:
        stripped = _strip_site_suffix(title, publisher)
        if stripped:
            return stripped
    h1 = tree.find(".//h1")
    return clean(h1.text_content()) if h1 is not None else None


def _visible_lines(tree: lxml_html.HtmlElement, limit: int = 400) -> list[str]:
    lines = []
    for element in tree.iter("p", "div", "span", "td", "li", "a", "font", "em", "strong", "b"):
        text = clean(element.text)
        if text:
            lines.append(text)
        if len(lines) >= limit:
            break
    return lines


def _mentions_crumb(page: str) -> bool:
    """Whether a breadcrumb trail may be there: 'crumb' in any usual capitalisation."""
    return "rumb" in page or "RUMB" in page


def _breadcrumb_section(tree: lxml_html.HtmlElement) -> str | None:
    for element in tree.xpath(
        '//*[contains(translate(@class, "BREADCRUMB", "breadcrumb"), "crumb")'
        ' or contains(translate(@id, "BREADCRUMB", "breadcrumb"), "crumb")]'
    ):
        parts = [p for p in re.split(r"\s*[>»/]\s*", element.text_content()) if clean(p)]
        if len(parts) >= 2:
            return clean(parts[-1])
    return None


def _byline(lines: list[str]) -> tuple[str | None, str | None]:
    """(author, organisation) from the first 'By NAME (ORG)' line, else (None, None)."""
    for line in lines:
        match = BYLINE.match(line)
        if match:
            return clean(match.group(1)), clean(match.group(2))
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
    authors = [re.sub(r"^By\s+", "", a, flags=re.IGNORECASE) for a in authors]

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

    published = (
        _first_date(article.get("datePublished"), *map(meta.get, PUBLISHED_META))
        or _visible_publication_date(tree)
        or _visible_line_date(lines(), publisher)
        or _url_date(url)
    )
    modified = _first_date(article.get("dateModified"), *map(meta.get, MODIFIED_META))

    language = _first(
        clean(article.get("inLanguage")) if isinstance(article.get("inLanguage"), str) else None,
        clean(tree.get("lang")),
        meta.get("content-language"),
        meta.get("og:locale"),
    )
    section = article.get("articleSection")
    section = section[0] if isinstance(section, list) and section else section
    return Metadata(
        url=url,
        headline=_headline(tree, article, meta, publisher),
        authors=authors,
        publisher=publisher,
        section=_first(clean(section), meta.get("article:section"))
        or (_breadcrumb_section(tree) if page is None or _mentions_crumb(page) else None),
        published=published,
        modified=modified,
        language=language.replace("_", "-").split("-")[0].lower() if language else None,
    )
