"""A Khmer lesson in headless Chromium at phone width: real Khmer glyphs, no sideways scrolling, a screenshot.

Run twice: with the machine's fonts, and with every Khmer system font hidden from Chromium (as on a fresh CI
machine or a phone without one), where the page must fall back to our self-hosted subset of Noto Sans Khmer.
"""

import os
import re
import shutil
import struct
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from fontTools.ttLib import TTCollection, TTFont
from wagtail.models import Page

from core.fonts import WEB_FONT_NAME
from tests.e2e.conftest import VIEWPORT
from tests.factories import LessonPageFactory, ManualPageFactory, ModulePageFactory, make_site_root, text_block

# No spaces: every character is Khmer, so every glyph must come from a Khmer font.
STACKED_KHMER = "ស្ត្រីនិងកុមារត្រូវបានការពារដោយព្រះរាជាណាចក្រកម្ពុជា។"
LONG_KHMER = "ប៉ូលីសត្រូវស្ដាប់កុមារដោយអត់ធ្មត់ និងពន្យល់ជាពាក្យសាមញ្ញ។ " * 12
KHMER_FONT_FAMILY = "Noto Sans Khmer"
KHMER_CHARACTER = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")
# Regular and bold Khmer: the lesson text, its title and the site's name in the header (at phone width a Khmer
# page's language switch shows only the link to English).
KHMER_ELEMENTS = ["#stacked", "h1", ".site-name"]
FONT_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}

pytestmark = pytest.mark.browser


def has_khmer(path: Path) -> bool:
    try:
        fonts = TTCollection(path, lazy=True).fonts if path.suffix in {".ttc", ".otc"} else [TTFont(path, lazy=True)]
        return any(0x1780 in (font.getBestCmap() or {}) for font in fonts)
    except Exception:  # noqa: BLE001 - an unreadable font file is simply left out
        return True


@pytest.fixture(scope="module")
def fontconfig_without_khmer(tmp_path_factory) -> Path:
    """A fontconfig file exposing the machine's fonts minus every font that can draw Khmer."""
    root = tmp_path_factory.mktemp("fonts-without-khmer")
    fonts = root / "fonts"
    fonts.mkdir()
    for directory in FONT_DIRS:
        for path in directory.rglob("*") if directory.exists() else []:
            if path.suffix.lower() in FONT_SUFFIXES and not has_khmer(path):
                link = fonts / f"{len(list(fonts.iterdir()))}-{path.name}"
                link.symlink_to(path)
    config = root / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"<dir>{fonts}</dir>\n<cachedir>{root / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="module")
def web_font_built():
    """The live server serves the subset font from VAR_DIR/fonts (quick when it is already up to date)."""
    call_command("build_fonts")
    assert (Path(settings.VAR_DIR) / "fonts" / WEB_FONT_NAME).exists()


@pytest.fixture
def khmer_lesson():
    """Committed, so the live server's thread sees it (the test is transactional, see its mark)."""
    manual = ManualPageFactory(parent=Page.get_first_root_node())
    make_site_root(manual)
    module = ModulePageFactory(parent=manual, number=1, slug="module")
    return LessonPageFactory(
        parent=module,
        slug="khmer",
        title_km="ស្ត្រី និងកុមារ",
        body_km=[text_block(f'<p id="stacked">{STACKED_KHMER}</p><p>{LONG_KHMER}</p>')],
    )


@pytest.fixture
def browser_page(request, new_page):
    """A page with JavaScript off: fonts must load and Khmer must shape without any script."""
    if request.param == "no Khmer system font":
        return new_page(env={"FONTCONFIG_FILE": str(request.getfixturevalue("fontconfig_without_khmer"))})
    return new_page()


def platform_fonts(page, selector: str) -> list[dict]:
    """What Chromium really drew the element's text with (family, web font or not, number of glyphs)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    document = cdp.send("DOM.getDocument", {"depth": -1})
    node = cdp.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector})
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]


def assert_drawn_with_khmer_font(page, selector: str, *, web_font_only: bool) -> None:
    """Every Khmer glyph of the element comes from Noto Sans Khmer; other fonts draw at most its non-Khmer characters.

    A Khmer run drawn by a font without Khmer (a "Last Resort" or math font) shows boxes instead of letters.
    """
    text = page.eval_on_selector(selector, "element => element.textContent").strip()
    assert KHMER_CHARACTER.search(text), f"{selector} has no Khmer text: {text!r}"
    non_khmer_characters = len(KHMER_CHARACTER.sub("", text))
    fonts = platform_fonts(page, selector)
    khmer = [font for font in fonts if font["familyName"] == KHMER_FONT_FAMILY]
    others = [font for font in fonts if font["familyName"] != KHMER_FONT_FAMILY]
    assert khmer, f"{selector} ({text!r}) was drawn without any Khmer font: {fonts}"
    assert sum(font["glyphCount"] for font in others) <= non_khmer_characters, f"{selector} ({text!r}): {fonts}"
    if web_font_only:
        assert all(font["isCustomFont"] for font in khmer), f"{selector}: expected our web font, got {fonts}"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


# serialized_rollback: the flush after a transactional test would otherwise remove Wagtail's root page and locale.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("browser_page", ["system fonts", "no Khmer system font"], indirect=True)
def test_khmer_lesson_renders_with_a_khmer_font_at_phone_width(
    live_server, web_font_built, khmer_lesson, browser_page, tmp_path, request
):
    page = browser_page
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    response = page.goto(f"{live_server.url}/km/module/khmer/", wait_until="networkidle")
    assert response.status == 200
    page.evaluate("document.fonts.ready.then(() => true)")

    # The screenshot comes first, so it is there to look at when a check below fails.
    screenshot = tmp_path / "khmer-lesson.png"
    page.screenshot(path=str(screenshot), full_page=True)
    width, height = png_size(screenshot)
    assert width == VIEWPORT["width"]
    assert height >= VIEWPORT["height"]
    assert screenshot.stat().st_size > 10_000  # a page of text, not a blank image
    keep = os.environ.get("SCREENSHOT_DIR")
    if keep:  # e.g. SCREENSHOT_DIR=/tmp to look at it
        shutil.copy(screenshot, Path(keep) / f"khmer-lesson-{request.node.callspec.id.replace(' ', '-')}.png")

    assert page.evaluate("document.documentElement.lang") == "km"
    assert page.evaluate("document.querySelector('#stacked').closest('[lang]').lang") == "km"

    web_font_only = request.node.callspec.id == "no Khmer system font"
    for selector in KHMER_ELEMENTS:
        assert_drawn_with_khmer_font(page, selector, web_font_only=web_font_only)
    if web_font_only:
        assert any(url.endswith(f"/static/fonts/{WEB_FONT_NAME}") for url in requested), requested

    assert all(url.startswith(live_server.url) for url in requested), requested  # nothing from elsewhere
    assert page.evaluate("document.scrollingElement.scrollWidth") <= VIEWPORT["width"]
