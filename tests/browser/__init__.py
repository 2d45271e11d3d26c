"""Browser tests: the review pages in headless Chromium (a package, so its conftest keeps its own name)."""
