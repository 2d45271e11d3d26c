"""Headless Debian Chromium through Selenium: the browser the review-page tests look with.

The browser is the system's (`apt-get install chromium chromium-driver`, which `.ci/run`
does when it is missing); nothing is downloaded. Each driver starts with a fresh profile
and with every background service that could reach the network turned off, and records
console messages and network events so a test can assert there were none.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
)
WINDOW = (1280, 1000)


def start(javascript: bool = True, profile: str | None = None):
    """A new headless Chromium session (JavaScript off when `javascript` is False)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        raise RuntimeError(
            f"{', '.join(missing)} missing: apt-get install -y chromium chromium-driver"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile or tempfile.mkdtemp(prefix='chromium-')}")
    options.add_argument(f"--window-size={WINDOW[0]},{WINDOW[1]}")
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.get("about:blank")  # leave the start page, whose own requests are not the pages'
    console_messages(driver)
    network_requests(driver)
    return driver


def console_messages(driver) -> list[dict]:
    """The console messages logged since the last call (level, message)."""
    return driver.get_log("browser")


def network_requests(driver) -> list[str]:
    """The URLs of every request the browser started since the last call."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls
