"""Headless Debian Chromium driven by Playwright, against pytest-django's live server and a real worker."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Playwright's sync API keeps an event loop running in this thread, which makes Django refuse database
    calls ("async context"); the test code is synchronous, so that guard does not apply here."""
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]  # later tests' subprocesses must not inherit it


@pytest.fixture
def page(browser, live_server) -> Iterator:
    """A fresh browser context (no cookies, no localStorage) per test; failures keep a screenshot in var/."""
    cache.clear()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1366, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def concepts(transactional_db) -> None:
    from django.core.management import call_command

    call_command("sync_concepts")


def shot(page, name: str) -> None:
    """Save a documentation screenshot (committed; shown in the README)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
