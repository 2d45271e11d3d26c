"""The publication date of a page, most trusted source first, with the source it came from.

1. `json-ld` — the article object's datePublished;
2. `meta` — well-known publication-date <meta> tags (a machine stamp in either beats a
   date written for people in the other);
3. `time-element` — <time>, itemprop/class "published" elements, byline dates, and
   date attributes (`datetime`, `title`, `content`) of date-like elements, an element
   marked only as an update last; then other <meta> names that say publication (`meta`);
4. `visible` — a date line in the page text, wherever it sits in an element (after a
   <br>, inside a byline): "Updated: 2010-12-17 08:37", "Published March 3, 2015",
   "(China Daily 12/17/2010 page3)", "March 18 at 3:57 PM" (the year from the URL), a
   date alone just after a "By …" line or a lone "Reviewed:", "2019年3月15日公表"; then
   the text of an element classed as a date when it is only a date;
5. `url` — /2019/11/19/, /2019-11-19/, /2019/nov/19/, -20191115/;
6. `htmldate` — htmldate.find_date(original_date=True), only when all of ours found nothing.

`--published` adds a seventh source, `option`, applied by the pipeline (supplied.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from lxml import etree
from lxml import html as lxml_html

from ..model import publication_day
from .datetimes import (
    CJK_DATE,
    MONTH_NAME,
    cjk_datetime,
    iso_datetime,
    numeric_date,
    written_datetime,
    yearless_datetime,
)
from .url_dates import url_date

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
# Other <meta> names that say publication: "article:publicationdate", "og:published_time",
# "cXenseParse:recs:publishtime", "DC.date.created" — never one that says modified.
PUBLISHED_META_NAME = re.compile(r"publi(?:sh|cation)|pub[-_.]?date|created|issued")
NOT_PUBLISHED_META_NAME = re.compile(r"modif|updat|expir|publisher")
# Candidate elements for the `time-element` reader, in one XPath pass: elements whose text
# or date attribute is read (<time>, itemprop/class "publish", byline dates), and date-like
# elements of which only a date attribute is read (their text is often a site's "today"
# bar or "2 hours ago").
TEXT_READ = re.compile(r"pub-date|publish|byline")
# A text that is nothing but a date, a time of day at most: "October 12, 2017", "Monday,
# 18 November 2019", "December 16, 2016, 4:19 PM", "9/21/2016" (one reading only).
DATE_ONLY = re.compile(
    rf"^(?:[A-Z][a-z]+day,?\s+)?(?:(?:{MONTH_NAME}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_NAME}),?\s+"
    r"(?:19|20)\d{2}|\d{1,2}/\d{1,2}/(?:19|20)\d{2})"
    r"(?:(?:,?\s+(?:at\s+)?|\s+[·|•–—-]\s+)\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?$"
)
# A byline: a line starting with "By"; a date-only line just after it is its date.
BYLINE_START = re.compile(r"^by\b", re.IGNORECASE)
BYLINE_REACH = 3  # lines
# A cue alone on its line ('Reviewed:', 'Published:'): the next line is its date.
LONE_CUE = re.compile(r"^(?:published|posted|reviewed|date|released)\s*:?$", re.IGNORECASE)
PUBLISHED_MARK = re.compile(r"ublish|pub-?date|posted|created", re.IGNORECASE)
MODIFIED_MARK = re.compile(r"updat|modif|edited|expir|comment", re.IGNORECASE)
DATE_ATTRIBUTES = ("datetime", "data-pubdate", "content", "title", "data-date")
MAX_TIME_ELEMENTS = 40
# A cue that introduces a date line; "date" only with a colon.
DATE_CUE = re.compile(
    r"(?:^|[|•·—–(]\s*|\s-\s|\s)"
    r"(?P<cue>(?:first\s+)?published|posted|released|issued|(?:last\s+)?updated"
    r"|(?:last\s+)?modified|date(?=\s*:))\b(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
# "on November 14, 2019" as a line of its own: the tail of "Written by <a>NAME</a> on DATE".
ON_DATE_LINE = re.compile(r"^on\s+(?=\S.{4,34}$)")
UPDATE_CUES = ("updated", "modified")
# "(China Daily 12/17/2010 page3)": the print edition a story ran in.
PRINT_CREDIT = re.compile(
    r"\((?:[A-Z][\w.&'’-]*\s+){1,4}(\d{1,2}/\d{1,2}/(?:19|20)\d{2})(?:\s+page\s*\d+)?\)"
)
# A line that is a Japanese or Chinese date, with a cue before or after it at most:
# "2019年4月4日", "2019年3月15日公表" (made public), "最終更新日：2019年4月2日" (last updated).
CJK_CUE = r"(?:最終)?(?:公開|公表|掲載|配信|投稿|発行|更新|作成|登録)(?:日時|日)?"
CJK_DATE_LINE = re.compile(rf"^(?:{CJK_CUE}\s*[：:]?\s*)?{CJK_DATE}\s*(?:{CJK_CUE})?$")
CJK_UPDATE = re.compile(r"更新|修正")
URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:[/_-]|\d{4}|$)")
MAX_LINE = 160
# Visible dates carry no zone; publishers whose local time we know (name → UTC offset).
PUBLISHER_UTC_OFFSETS = {"China Daily": "+08:00", "Xinhua": "+08:00", "Global Times": "+08:00"}
# htmldate must not read the clock (its default latest date is today): a fixed bound.
HTMLDATE_LATEST = "2099-12-31"


@dataclass(frozen=True)
class Published:
    """A publication date (ISO 8601) and the reader that found it."""

    value: str
    source: str


def _first_plausible(sources: list[tuple[str, object]]) -> Published | None:
    """The first (source, value) pair holding a plausible date; a machine stamp in any beats
    a date written for people in an earlier one."""
    for parse in (iso_datetime, written_datetime):
        for source, candidate in sources:
            if isinstance(candidate, str) and candidate.strip():
                value = parse(candidate)
                if value and publication_day(value):
                    return Published(value, source)
    return None


def plausible_date(*candidates: object) -> str | None:
    """The first candidate that is a plausible ISO date (CMS placeholders like 0001-01-01
    skipped), else the first written for people ("01:38:07 PM IST Nov 20, 2019")."""
    found = _first_plausible([("", candidate) for candidate in candidates])
    return found.value if found else None


def structured_date(article: dict, meta: dict[str, str]) -> Published | None:
    """The JSON-LD datePublished or a well-known publication <meta> tag; a stamp in UTC gives
    way to the same moment written in local time by another publication tag ("2016-12-23
    00:47Z" and "Thursday, December 22, 2016, 06:47 PM"): the day the publisher dated it."""
    named = [("meta", meta.get(key)) for key in PUBLISHED_META]
    found = _first_plausible([("json-ld", article.get("datePublished")), *named])
    if found is None or not found.value.endswith("+00:00"):
        return found
    others = [value for _source, value in named if isinstance(value, str)]
    others += [value for key, value in meta.items() if PUBLISHED_META_NAME.search(key)]
    local = next(filter(None, (_local_reading(found.value, other) for other in others)), None)
    return Published(local, found.source) if local else found


LOCAL_OFFSET_HOURS = 14  # the widest gap between UTC and a local clock


def _local_reading(stamp: str, written: str) -> str | None:
    """`written` (a date written for people, with a time and no offset) when it reads the
    UTC `stamp`'s moment in some local time: same minutes, at most 14 hours apart."""
    minute = stamp[14:16]
    if minute.isdigit() and int(minute) and str(int(minute)) not in written:
        return None  # the stamp's minutes are not written there: not worth parsing
    local = written_datetime(written)
    if not local or "T" not in local or local[-6] in "+-" or local.endswith("Z"):
        return None
    try:
        moment = datetime.fromisoformat(stamp[:19])
        wall = datetime.fromisoformat(local[:19])
    except ValueError:
        return None
    gap = abs((wall - moment).total_seconds())
    same_minutes = moment.minute == wall.minute
    return local if same_minutes and 0 < gap <= LOCAL_OFFSET_HOURS * 3600 else None


def other_meta_date(meta: dict[str, str]) -> Published | None:
    """A <meta> tag of another name that says publication ('article:publicationdate',
    'dcsext.articlefirstpublished'); trusted after the page's visible <time> elements."""
    return _first_plausible(
        [
            ("meta", value)
            for key, value in meta.items()
            if PUBLISHED_META_NAME.search(key)
            and not NOT_PUBLISHED_META_NAME.search(key)
            and key not in PUBLISHED_META
        ]
    )


def _element_rank(element: lxml_html.HtmlElement) -> int:
    """0 for an element that says publication ('entry-date published updated' included),
    1 for a plain date element, 2 for one that says only update or modification."""
    marks = " ".join(
        filter(None, (element.get("class"), element.get("itemprop"), element.get("id")))
    )
    if PUBLISHED_MARK.search(marks):
        return 0
    return 2 if MODIFIED_MARK.search(marks) else 1


def _attribute_date(element: lxml_html.HtmlElement) -> str | None:
    """The date a date attribute of `element` states (datetime, title, content…)."""
    for name in DATE_ATTRIBUTES:
        value = element.get(name)
        if value and len(value) <= 60 and re.search(r"\b(?:19|20)\d{2}\b", value):
            parsed = plausible_date(value)
            if parsed:
                return parsed
    return None


def _text_date(element: lxml_html.HtmlElement) -> str | None:
    """The date an element's short text states ('November 18, 2019')."""
    text = " ".join(element.text_content().split())
    if not text or len(text) > 60 or not re.search(r"\b(?:19|20)\d{2}\b", text):
        return None
    parsed = plausible_date(text)
    if parsed:
        return parsed
    written = written_datetime(text, fuzzy=True)
    return written[:10] if written else None  # the day a reader sees (its zone is not known)


def _text_is_read(element: lxml_html.HtmlElement) -> bool:
    """Whether an element's text may state the publication date (not only its attribute)."""
    if element.tag == "time" or "ublish" in (element.get("itemprop") or ""):
        return True
    if TEXT_READ.search(element.get("class") or ""):
        return True
    return any("byline" in (a.get("class") or "") for a in element.iterancestors())


def _time_elements(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """In page order: <time>, <abbr title>, elements whose itemprop holds "ublish", whose
    class holds "pub-date" or "publish", whose class holds "date", "time" or "posted" and
    which carry a title, data-date or content attribute, and "date" elements in a byline.
    (One walk over the elements: an XPath union of these tests costs twice as much.)"""
    found = []
    for element in tree.iter(etree.Element):
        tag = element.tag
        if tag == "time" or (tag == "abbr" and element.get("title") is not None):
            found.append(element)
        elif "ublish" in (element.get("itemprop") or ""):
            found.append(element)
        else:
            marks = element.get("class")
            if marks is None:
                continue
            if "pub-date" in marks or "publish" in marks:
                found.append(element)
            elif ("date" in marks or "time" in marks or "posted" in marks) and any(
                element.get(name) is not None for name in ("title", "data-date", "content")
            ):
                found.append(element)
            elif "date" in marks and any(
                "byline" in (above.get("class") or "") for above in element.iterancestors()
            ):
                found.append(element)
    return found


def _dated(element: lxml_html.HtmlElement) -> bool:
    marks = element.get("class")
    return marks is not None and ("date" in marks or "time" in marks)


def _date_text_elements(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """In page order, the elements whose class holds "date" or "time" and none of whose
    children's does (the innermost of nested date boxes)."""
    return [
        element
        for element in tree.iter(etree.Element)
        if _dated(element) and not any(map(_dated, element.iterchildren(etree.Element)))
    ]


def time_element_date(tree: lxml_html.HtmlElement) -> Published | None:
    """A date in a <time>, a publication-date element or a byline date (attribute or text),
    else in a date attribute of a date-like element ('<abbr title="2015-03-13T21:00+11:00">');
    an element marked as an update only when no other holds a date."""
    candidates = _time_elements(tree)[:MAX_TIME_ELEMENTS]
    readable = [e for e in candidates if _text_is_read(e)]
    attributed = [e for e in candidates if not _text_is_read(e)]
    updates = []
    for elements, read in ((readable, _any_date), (attributed, _attribute_date)):
        for element in sorted(elements, key=_element_rank):  # keeps page order within a rank
            if _element_rank(element) == 2:
                updates.append((element, read))
                continue
            found = read(element)
            if found:
                return Published(found, "time-element")
    for element, read in updates:
        found = read(element)
        if found:
            return Published(found, "time-element")
    return None


def _any_date(element: lxml_html.HtmlElement) -> str | None:
    return _attribute_date(element) or _text_date(element)


def date_element_text(tree: lxml_html.HtmlElement) -> Published | None:
    """The text of an element classed as a date that holds only a date ('<div
    class="press__date">October 12, 2017</div>'); trusted after cued lines, since a site's
    'today' bar looks the same."""
    for element in _date_text_elements(tree)[:MAX_TIME_ELEMENTS]:
        if _element_rank(element) == 2 or _in_other_stories(element):
            continue
        text = " ".join(element.text_content().split())
        if DATE_ONLY.match(text):
            found = written_datetime(CLOCK_SEPARATOR.sub(" ", text))  # "16 Oct 2019 · 11:48 AM"
            if found and publication_day(found):
                return Published(found, "visible")
    return None


CLOCK_SEPARATOR = re.compile(r"\s+[·|•–—-]\s+(?=\d)")
# Boxes of other stories, whose dates are theirs: "Related", "Latest", "More from Metro".
OTHER_STORIES = re.compile(r"related|latest|popular|trending|more|sidebar|recommend", re.I)


def _in_other_stories(element: lxml_html.HtmlElement) -> bool:
    """Whether a date element sits in an aside, a footer or a box of other stories."""
    return any(
        above.tag in ("aside", "footer", "nav") or OTHER_STORIES.search(above.get("class") or "")
        for above in element.iterancestors()
    )


def _url_year(url: str | None) -> int | None:
    match = URL_YEAR.search(url or "")
    return int(match[1]) if match else None


def _cued_dates(line: str, publisher: str | None) -> Iterable[tuple[str, str]]:
    """(cue, ISO date) for each date a cue introduces in `line`, in order."""
    on_date = ON_DATE_LINE.match(line)
    if on_date:
        value = _segment_date(line[on_date.end() :], publisher)
        if value:
            yield "published", value
        return
    cues = list(DATE_CUE.finditer(line))
    for number, cue in enumerate(cues):
        end = cues[number + 1].start() if number + 1 < len(cues) else len(line)
        segment = re.split(r"\s[|•·]\s|\s[-–—]\s(?=[A-Za-z])", line[cue.end() : end])[0].strip()
        value = _segment_date(segment, publisher)
        if value:
            yield cue["cue"].lower(), value


def _segment_date(segment: str, publisher: str | None) -> str | None:
    """The date a cue's segment holds: ISO (with the publisher's zone when known) or written."""
    iso = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?", segment)
    if iso:
        year, month, day, hour, minute = iso.groups()
        stamp = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        if hour:
            offset = PUBLISHER_UTC_OFFSETS.get(publisher or "", "")
            stamp += f"T{int(hour):02d}:{minute}:00{offset}"
        return plausible_date(stamp)
    segment = segment[:60]
    written = written_datetime(segment) or written_datetime(segment, fuzzy=True)
    return written if written and publication_day(written) else None


def _cjk_line_date(line: str) -> str | None:
    """The date of a line that is nothing but a CJK date and a short cue."""
    if len(line) > 40 or "年" not in line or not CJK_DATE_LINE.match(line):
        return None
    found = cjk_datetime(line)
    return found if found and publication_day(found) else None


def visible_line_date(
    lines: Iterable[str], publisher: str | None, url: str | None
) -> Published | None:
    """A date line in the page text: a cued date ('Published …' beats 'Updated …'; a cue
    alone on its line dates the next one), a date alone just after a 'By …' line, a print
    credit '(China Daily 12/17/2010 page3)', 'March 18 at 3:57 PM' in the URL's year, or a
    Japanese/Chinese date line ('2019年3月15日公表'; '…更新' only as an update)."""
    updated = credited = yearless = None
    year = _url_year(url)
    since_byline = BYLINE_REACH + 1
    previous = ""
    for line in lines:
        since_byline += 1
        if len(line) > MAX_LINE:
            previous = ""
            continue
        if BYLINE_START.match(line):
            since_byline = 0
        if (since_byline <= BYLINE_REACH or LONE_CUE.match(previous)) and DATE_ONLY.match(line):
            found = written_datetime(line)
            if found and publication_day(found):
                return Published(found, "visible")
        previous = line
        for cue, value in _cued_dates(line, publisher):
            if not any(cue.endswith(word) for word in UPDATE_CUES):
                return Published(value, "visible")
            updated = updated or value
        if credited is None:
            credit = PRINT_CREDIT.search(line)
            credited = numeric_date(credit[1]) if credit else None
        cjk = _cjk_line_date(line)
        if cjk and not CJK_UPDATE.search(line):
            return Published(cjk, "visible")
        updated = updated or cjk
        if yearless is None and year:
            yearless = yearless_datetime(line, year)
    found = updated or credited or yearless
    return Published(found, "visible") if found else None


def url_published(url: str | None) -> Published | None:
    """The date many sites put in article URLs."""
    day = url_date(url)
    return Published(day.isoformat(), "url") if day else None


def htmldate_published(tree: lxml_html.HtmlElement, url: str | None) -> Published | None:
    """htmldate's reading of the page (its original date, without its extensive search), or
    None.

    The extensive search would date 14 more of the 435 corpus pages, but half of those from
    a bare copyright year (answered as 1 January) or a forum's founding, and it loads
    dateparser's every locale on first use (about 3 s and 40 MB in each new worker);
    measured in benchmarks/metadata.py and the README. An answer of 1 January is dropped
    all the same: it is what htmldate makes of a bare year.
    """
    try:
        from htmldate import find_date
    except ImportError:  # htmldate comes with trafilatura; without it, this reader is skipped
        return None
    try:
        found = find_date(
            tree, original_date=True, extensive_search=False, url=url, max_date=HTMLDATE_LATEST
        )
    except Exception:  # a last resort must never break the page's reading
        return None
    if not found or found.endswith("-01-01") or not publication_day(found):
        return None
    return Published(found, "htmldate")


def publication_date(
    tree: lxml_html.HtmlElement,
    article: dict,
    meta: dict[str, str],
    lines: Callable[[], list[str]],
    publisher: str | None,
    url: str | None,
) -> Published | None:
    """The page's publication date from the most trusted reader that finds one."""
    return (
        structured_date(article, meta)
        or time_element_date(tree)
        or other_meta_date(meta)
        or visible_line_date(lines(), publisher, url)
        or date_element_text(tree)
        or url_published(url)
        or htmldate_published(tree, url)
    )
