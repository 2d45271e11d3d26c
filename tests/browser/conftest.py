"""Browser fixtures: one headless Chromium with scripts on, one with them off, and the
review pages of the seed article, a busy corpus page and the XSS probe page, written by
the CLI (`annotate IN -o OUT -f html`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, ROOT, SEED_PAGE

import annotator
from annotator.cli import main

from . import chromium

ARTIFACTS = ROOT / "tests" / "artifacts"
BUSY_PAGE = (
    CORPUS / "html" / "c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4.html.gz"
)
PROBE_PAGE = FIXTURES / "html" / "review-probe.html"
# page name in the batch → the input it is made from
INPUTS = {"seed.html": SEED_PAGE, "busy.html.gz": BUSY_PAGE, "probe.html": PROBE_PAGE}
FAILING = FIXTURES / "html" / "empty-body.html"  # no article body: the batch lists it as failed


def annotate(*args: object) -> int:
    """Run the `annotate` CLI in this process; return its exit code."""
    try:
        main([str(a) for a in args])
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 1
    return 0


@pytest.fixture(scope="session")
def annotate_cli():
    """The `annotate` CLI run in this process: annotate_cli(*args) -> exit code."""
    return annotate


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium with JavaScript on (one session for the whole test run)."""
    driver = chromium.start()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def browser_without_scripts():
    """Headless Chromium with JavaScript turned off."""
    driver = chromium.start(javascript=False)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def review_batch(tmp_path_factory):
    """(OUT, {name: AnnotationSet}): the seed, busy and probe pages written by the CLI,
    with one input that fails. The sets to compare with come from the same pipeline here.
    """
    inputs = tmp_path_factory.mktemp("review-in")
    sets = {}
    for file_name, page in INPUTS.items():
        shutil.copy(page, inputs / file_name)
        name = file_name.split(".")[0]
        data = (inputs / file_name).read_bytes()
        sets[name] = annotator.annotate_html(data, str(inputs / file_name), timestamp=False)
    shutil.copy(FAILING, inputs / "empty.html")
    out = tmp_path_factory.mktemp("review-out")
    assert annotate(inputs, "-o", out, "-f", "html", "--no-timestamp", "--jobs", "1") == 1
    return out, sets


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """tests/artifacts/, where the browser tests leave screenshots (ignored by git)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
