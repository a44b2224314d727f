"""The page editor in the Khmer admin, in headless Chromium at 1280 and 360 px: what the admin's scripts draw
(StreamField blocks and their buttons, the rich-text toolbar, the language switch above the fields) is Khmer too.
The server-rendered screens are counted by tests/core/test_admin_khmer.py; this looks at the page once it runs."""

import os
import re
import shutil
from pathlib import Path

import pytest
from wagtail.users.models import UserProfile

from tests.e2e.test_khmer_lesson import web_font_built  # noqa: F401 (fixture)
from tests.factories import TrainerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-Good-passw0rd"
# Interface text the scripts draw: button titles and labels, placeholders, the language switch.
INTERFACE_TEXT = """() => {
    const texts = [];
    const shown = (element) => element.checkVisibility();
    const labelled = document.querySelectorAll('main [title], main [aria-label], main [placeholder]');
    for (const element of [...labelled].filter(shown)) {
        for (const name of ['title', 'aria-label', 'placeholder']) {
            if (element.getAttribute(name)) texts.push(element.getAttribute(name));
        }
    }
    for (const element of [...document.querySelectorAll('main button, [class*="locale"]')].filter(shown)) {
        texts.push(element.innerText);
    }
    return texts;
}"""
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Data and names: the workflow's name, the fixture's image and document titles, language codes ("KM", "EN", drawn as
# "KMEN" by the switch), proper names, and the header's aria-label "Actions" (in Wagtail's template, no gettext).
ALLOWED = re.compile(r"Two-trainer review|Picture \d+|Recording \d+|Audio|KMEN|\b(?:km|en|KM|EN|Wagtail|URL|Actions)\b")


@pytest.mark.parametrize("width", [1280, 360])
def test_the_editor_drawn_by_its_scripts_is_khmer(
    live_server,
    web_font_built,  # noqa: F811
    rich_lesson,
    playwright,
    tmp_path,
    width,  # noqa: F811
):
    trainer = TrainerFactory(username="sokha", first_name="សុខា")
    profile = UserProfile.get_for_user(trainer)
    profile.preferred_language = "km"
    profile.save()
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
    )
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "sokha")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.goto(f"{live_server.url}/admin/pages/{rich_lesson.pk}/edit/", wait_until="networkidle")
    page.wait_for_selector("[data-contentpath='body_km'] [data-streamfield-child]")
    screenshot = tmp_path / f"admin-km-editor-{width}.png"
    page.screenshot(path=str(screenshot))
    if keep := os.environ.get("KEEP_SCREENSHOTS"):
        shutil.copy(screenshot, Path(keep) / screenshot.name)
    assert screenshot.stat().st_size > 10_000

    texts = page.evaluate(INTERFACE_TEXT)
    english = sorted({word for text in texts for word in LATIN_WORD.findall(ALLOWED.sub(" ", text))})
    assert not english, sorted({text for text in texts if LATIN_WORD.search(ALLOWED.sub(" ", text))})
    # The StreamField's own buttons are there, and in Khmer (from the JavaScript catalogue).
    assert page.locator("[data-contentpath='body_km'] [title='ផ្លាស់ឡើងលើ'], [aria-label='ផ្លាស់ឡើងលើ']").count()
    assert page.locator("[data-contentpath='body_km'] [title='ចម្លងមួយទៀត'], [aria-label='ចម្លងមួយទៀត']").count()
    assert "មើល / កែសម្រួលវាលសម្រាប់" in page.inner_text("body")
    browser.close()
