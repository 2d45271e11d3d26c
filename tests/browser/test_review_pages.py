"""Review pages in headless Chromium: highlights, side panel, tooltips, no script from the text,
no console error, no request. The pages are written by `annotate IN -o OUT -f html`."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from annotator.exporters.html.escape import code_points_safe
from annotator.model import Annotation, AnnotationSet

from . import chromium

PIECES = """
const text = document.getElementById("text");
return Array.from(text.querySelectorAll("mark")).map((mark) => {
  const before = document.createRange();
  before.setStart(text, 0);
  before.setEndBefore(mark);
  const style = getComputedStyle(mark);
  return {a: mark.dataset.a, id: mark.id, type: mark.dataset.type, more: mark.classList.contains("more"),
          start: before.toString().length, text: mark.textContent,
          background: style.backgroundColor, underline: style.textDecorationStyle};
});
"""
PANEL = """
return Array.from(document.querySelectorAll("#panel .group")).map((group) => ({
  type: group.dataset.type,
  count: group.querySelector(".count").textContent,
  entries: Array.from(group.querySelectorAll("li.entry")).map((entry) => entry.id),
  filter: document.querySelector("#show-" + group.dataset.type).parentElement.querySelector(".n").textContent,
}));
"""
TIP_STATE = """
function tipState() {
  const tip = document.getElementById("tip");
  const box = document.activeElement.getBoundingClientRect();
  return {hidden: tip.hidden, a: tip.dataset.a || null, text: tip.textContent,
          active: document.activeElement.id,
          inView: box.top >= 0 && box.bottom <= window.innerHeight};
}
"""
TIP = TIP_STATE + "return tipState();"
# Click every entry of the panel in turn (the page's own click handler runs) and report.
CHOOSE_ALL = (
    TIP_STATE
    + """
return Array.from(document.querySelectorAll("#panel li.entry a.go")).map((link) => {
  link.click();
  return Object.assign({entry: link.dataset.a}, tipState());
});
"""
)
TRANSPARENT = "rgba(0, 0, 0, 0)"


def utf16(text: str) -> int:
    """The length of `text` in UTF-16 code units, as the DOM counts it."""
    return len(text.encode("utf-16-le")) // 2


def open_page(driver, path) -> None:
    """Load a page after emptying the logs, so the checks see this page's messages only."""
    chromium.console_messages(driver)
    chromium.network_requests(driver)
    driver.get(path.as_uri())


def assert_quiet(driver, path) -> None:
    """No console error or warning, and no request but the page file itself."""
    problems = [m for m in chromium.console_messages(driver) if m["level"] in ("SEVERE", "WARNING")]
    assert problems == []
    assert set(chromium.network_requests(driver)) <= {path.as_uri()}


def assert_each_annotation_highlighted_once(driver, annotation_set: AnnotationSet) -> None:
    """Every annotation's pieces, in text order, cover exactly its words at its offsets."""
    document_text = code_points_safe(annotation_set.document.text)
    assert driver.execute_script("return document.getElementById('text').textContent") == (
        document_text
    )
    pieces = defaultdict(list)
    for piece in driver.execute_script(PIECES):
        pieces[piece["a"]].append(piece)
    assert sorted(pieces) == sorted(a.id for a in annotation_set.annotations)
    for annotation in annotation_set.annotations:
        found = sorted(pieces[annotation.id], key=lambda p: p["start"])
        assert [p["id"] for p in found] == [f"a-{annotation.id}"] + [""] * (len(found) - 1)
        assert [p["more"] for p in found] == [False] + [True] * (len(found) - 1)
        assert found[0]["start"] == utf16(document_text[: annotation.start])
        position = found[0]["start"]
        for piece in found:  # the pieces follow one another with no gap and no overlap
            assert piece["start"] == position
            position += utf16(piece["text"])
        assert "".join(p["text"] for p in found) == code_points_safe(annotation.text)
        assert all(p["background"] != TRANSPARENT for p in found)
    styles = {p["type"]: p["underline"] for group in pieces.values() for p in group}
    assert len(set(styles.values())) == len(styles)  # a non-colour cue tells each type apart


def assert_panel_counts(driver, annotation_set: AnnotationSet) -> None:
    """The side panel lists every annotation once, grouped by type, with the right counts."""
    counts = Counter(a.type for a in annotation_set.annotations)
    groups = driver.execute_script(PANEL)
    assert {g["type"]: int(g["count"]) for g in groups} == dict(counts)
    assert {g["type"]: int(g["filter"]) for g in groups} == dict(counts)
    for group in groups:
        expected = [a for a in annotation_set.annotations if a.type == group["type"]]
        assert sorted(group["entries"]) == sorted(f"e-{a.id}" for a in expected)
    assert driver.execute_script("return document.querySelector('#panel .total').textContent") == (
        str(len(annotation_set.annotations))
    )


def expected_values(annotation: Annotation, annotation_set: AnnotationSet) -> list[str]:
    """What the tooltip of `annotation` must say, read straight from the set."""
    fields = annotation.fields
    wanted = [annotation.type, annotation.id]
    if annotation.type == "date":
        wanted += [str(fields[k]) for k in ("value", "granularity", "mod") if fields.get(k)]
        anchor = fields.get("anchor")
        if anchor:
            wanted.append("publication date" if anchor == "published" else anchor)
    elif annotation.type == "quote":
        wanted += [str(fields[k]) for k in ("speaker", "cue", "kind") if fields.get(k)]
    elif annotation.type == "agency":
        wanted += [str(fields[k]) for k in ("name", "country", "kind", "parent") if fields.get(k)]
    elif annotation.type == "money":
        if fields.get("amount") is not None:
            wanted.append(f"{Decimal(fields['amount']):,f}")
        wanted.append(fields["currency"])
        for conversion in fields.get("conversions") or ():
            if conversion.get("amount") is None:
                wanted.append(conversion["reason"])
            else:
                wanted += [f"{Decimal(conversion['amount']):,f} {conversion['currency']}"]
                wanted += [conversion["rate"], conversion["rate_date"], conversion["source"]]
    for check in annotation_set.checks:
        if annotation.id in (check.get("annotations") or ()):
            wanted += [check["type"], check["message"]]
    return wanted


def assert_chosen(tip: dict, annotation: Annotation, annotation_set: AnnotationSet) -> None:
    """The highlight of `annotation` has the focus, is in view, and its tooltip has its values."""
    assert tip["active"] == f"a-{annotation.id}"
    assert tip["inView"]
    assert not tip["hidden"] and tip["a"] == annotation.id
    for value in expected_values(annotation, annotation_set):
        assert value in tip["text"], (annotation.id, value)


def choose_every_entry(driver, annotation_set: AnnotationSet) -> None:
    """Choosing each panel entry focuses its highlight, scrolls to it and shows its tooltip.

    Three entries are clicked by the WebDriver (real pointer clicks); all of them are
    then clicked in one script, in panel order, to keep the test quick on busy pages.
    """
    annotations = annotation_set.annotations
    for annotation in (annotations[0], annotations[len(annotations) // 2], annotations[-1]):
        driver.find_element(By.CSS_SELECTOR, f"#e-{annotation.id} a.go").click()
        assert_chosen(driver.execute_script(TIP), annotation, annotation_set)
    chosen = driver.execute_script(CHOOSE_ALL)
    assert sorted(tip["entry"] for tip in chosen) == sorted(a.id for a in annotations)
    by_id = annotation_set.by_id()
    for tip in chosen:
        assert_chosen(tip, by_id[tip["entry"]], annotation_set)


@pytest.mark.parametrize("name", ["seed", "busy", "probe"])
def test_review_page_in_chromium(browser, review_batch, artifacts, name):
    out, sets = review_batch
    annotation_set = sets[name]
    page = out / f"{name}.html"
    open_page(browser, page)
    assert browser.execute_script("return document.documentElement.className") == "js"
    assert browser.title == f"Review: {annotation_set.document.headline}"
    assert_each_annotation_highlighted_once(browser, annotation_set)
    assert_panel_counts(browser, annotation_set)
    browser.save_screenshot(str(artifacts / f"review-{name}.png"))
    choose_every_entry(browser, annotation_set)
    browser.save_screenshot(str(artifacts / f"review-{name}-tooltip.png"))
    browser.execute_script("window.scrollTo(0, 0)")  # the header, and a tooltip near the top
    first = browser.find_element(By.ID, f"a-{annotation_set.annotations[0].id}")
    ActionChains(browser).move_to_element(first).perform()
    assert browser.execute_script(TIP)["a"] == annotation_set.annotations[0].id
    browser.save_screenshot(str(artifacts / f"review-{name}-hover.png"))
    assert_quiet(browser, page)


def test_seed_page_header_shows_the_article_facts(browser, review_batch):
    out, sets = review_batch
    document = sets["seed"].document
    open_page(browser, out / "seed.html")
    header = browser.find_element(By.CSS_SELECTOR, "header.masthead").text
    assert document.headline in header
    for value in (document.published, document.publisher, "agencies, dates, money, quotes"):
        assert value in header
    assert "annotator 0.1.0" in header and str(out / "seed.html") not in header
    link = browser.find_element(By.CSS_SELECTOR, ".back a")
    assert link.get_attribute("href") == (out / "index.html").as_uri()


def test_hover_shows_the_innermost_annotation(browser, review_batch):
    out, sets = review_batch
    open_page(browser, out / "probe.html")
    annotation_set = sets["probe"]
    quote = next(a for a in annotation_set.annotations if a.type == "quote")
    inner = next(
        a
        for a in annotation_set.annotations
        if a.type == "date" and quote.start <= a.start and a.end <= quote.end
    )
    actions = ActionChains(browser)
    actions.move_to_element(browser.find_element(By.ID, f"a-{inner.id}")).perform()
    tip = browser.execute_script(TIP)
    assert tip["a"] == inner.id and inner.fields["value"] in tip["text"]
    actions.move_to_element(browser.find_element(By.ID, "a-" + quote.id)).perform()
    assert browser.execute_script(TIP)["a"] == quote.id
    browser.find_element(By.TAG_NAME, "h1").click()  # away from the text
    actions.move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    assert browser.execute_script(TIP)["hidden"]
    assert_quiet(browser, out / "probe.html")


def test_probe_page_runs_no_script_from_the_article(browser, review_batch, artifacts):
    out, sets = review_batch
    document = sets["probe"].document
    page = out / "probe.html"
    open_page(browser, page)
    for mark in browser.find_elements(By.CSS_SELECTOR, "#text mark"):
        ActionChains(browser).move_to_element(mark).perform()  # any onmouseover would fire
    state = browser.execute_script(
        """return {xss: window.__xss === undefined ? null : window.__xss, title: document.title,
                   images: document.images.length, scripts: document.scripts.length,
                   handlers: Array.from(document.querySelectorAll("*")).flatMap((e) =>
                     Array.from(e.attributes).map((a) => a.name)).filter((n) => n.startsWith("on")),
                   links: Array.from(document.querySelectorAll("a[href]")).map((a) => a.href),
                   text: document.getElementById("text").textContent,
                   header: document.querySelector("header").textContent};"""
    )
    assert state["xss"] is None and "pwned" not in state["title"].split("'")[-1]
    assert state["title"] == f"Review: {document.headline}"
    assert state["images"] == 0 and state["scripts"] == 1 and state["handlers"] == []
    assert not [link for link in state["links"] if link.lower().startswith("javascript:")]
    assert "<script>window.__xss=1</script>" in state["text"]
    assert "<img src=x onerror=alert(1)>" in state["text"]
    assert document.publisher in state["header"] and document.url in state["header"]
    browser.save_screenshot(str(artifacts / "review-probe-after-hover.png"))
    assert_quiet(browser, page)


def test_discrepancy_check_is_a_warning_on_both_amounts(browser, review_batch):
    out, sets = review_batch
    (check,) = sets["probe"].checks
    open_page(browser, out / "probe.html")
    for identifier in check["annotations"]:
        browser.find_element(By.CSS_SELECTOR, f"#e-{identifier} a.go").click()
        warning = browser.find_element(By.CSS_SELECTOR, "#tip .warn")
        assert "equivalence-discrepancy" in warning.text and check["message"] in warning.text
    assert check["message"] in browser.find_element(By.CSS_SELECTOR, "header .checks").text


def test_filters_hide_a_type(browser, review_batch):
    out, sets = review_batch
    open_page(browser, out / "busy.html")
    browser.find_element(By.ID, "show-quote").click()
    styles = {p["a"]: p["background"] for p in browser.execute_script(PIECES)}
    for annotation in sets["busy"].annotations:
        hidden = annotation.type == "quote"
        assert (styles[annotation.id] == TRANSPARENT) == hidden
    assert not browser.find_element(By.CSS_SELECTOR, "#group-quote ol").is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, "#group-date ol").is_displayed()


@pytest.mark.parametrize("name", ["seed", "probe"])
def test_page_works_without_javascript(browser_without_scripts, review_batch, artifacts, name):
    driver = browser_without_scripts
    out, sets = review_batch
    annotation_set = sets[name]
    page = out / f"{name}.html"
    open_page(driver, page)
    assert driver.execute_script("return document.documentElement.className") == ""
    assert_each_annotation_highlighted_once(driver, annotation_set)
    assert_panel_counts(driver, annotation_set)
    first = annotation_set.annotations[-1]
    facts = driver.find_element(By.ID, f"d-{first.id}")
    assert facts.is_displayed()  # each entry's details are plain, visible HTML
    for value in expected_values(first, annotation_set)[2:]:
        assert value in facts.text
    mark = driver.find_element(By.ID, f"a-{first.id}")
    assert first.id in mark.get_attribute("title")  # the browser's own tooltip on hover
    driver.find_element(By.CSS_SELECTOR, f"#e-{first.id} a.go").click()
    assert driver.current_url.endswith(f"#a-{first.id}")
    assert mark.value_of_css_property("outline-style") == "solid"  # :target
    driver.find_element(By.ID, f"show-{first.type}").click()
    assert mark.value_of_css_property("background-color") == TRANSPARENT
    driver.save_screenshot(str(artifacts / f"review-{name}-no-script.png"))
    assert_quiet(driver, page)


def test_readme_screenshot_of_the_seed_page(browser, tmp_path, artifacts):
    """The picture in the README: the seed page as `annotate SEED -f html` writes it,
    with the tooltip of its first agency. Copy tests/artifacts/readme-review-page.png
    to docs/review-page.png when the page's look changes."""
    from conftest import ROOT, SEED_PAGE

    import annotator
    from annotator.exporters.html.page import render_page

    source = SEED_PAGE.relative_to(ROOT).as_posix()
    built_in = ("agencies", "dates", "money", "quotes")  # not a plugin another test loaded
    seed = annotator.annotate_html(
        SEED_PAGE.read_bytes(), source, timestamp=False, annotators=built_in
    )
    page = tmp_path / "seed.html"
    page.write_text(render_page(seed), encoding="utf-8")
    open_page(browser, page)
    ActionChains(browser).move_to_element(browser.find_element(By.ID, "a-agency-1")).perform()
    tip = browser.execute_script(TIP)
    assert tip["a"] == "agency-1" and "Ministry of Public Security" in tip["text"]
    browser.save_screenshot(str(artifacts / "readme-review-page.png"))
    assert_quiet(browser, page)
