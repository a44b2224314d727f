"""Browser tests: headless Chromium at phone width, JavaScript off unless a test asks for it (every page must be
usable without it); skipped with a message where Chromium is not installed."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 360, "height": 740}
NO_CHROMIUM = "headless Chromium not installed at /usr/bin/chromium (apt-get install -y chromium)"


@pytest.fixture
def playwright(monkeypatch):
    """Playwright's sync API, for one test. Not shared across tests on purpose: while it runs, the test's code runs
    inside the API's event loop, in another context, where Django's database connection (a context-local) is not the
    one pytest-django prepared (serialized rollback then restores nothing). Django's ORM would also refuse a running
    event loop without the permission below."""
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


def launch(playwright, *, env: dict | None = None):
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, env=env if env is not None else dict(os.environ)
    )


@pytest.fixture
def new_page(playwright):
    """Opens phone-sized pages, each in a fresh context (its own cookies), with JavaScript disabled unless asked;
    one browser for the test, with the machine's fonts unless `env` says otherwise."""
    browsers = {}

    def open_page(*, javascript: bool = False, env: dict | None = None):
        key = tuple(sorted((env or {}).items()))
        if key not in browsers:
            browsers[key] = launch(playwright, env=None if env is None else {**os.environ, **env})
        context = browsers[key].new_context(viewport=VIEWPORT, device_scale_factor=1, java_script_enabled=javascript)
        return context.new_page()

    yield open_page
    for browser in browsers.values():
        browser.close()
