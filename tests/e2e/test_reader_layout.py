"""What only a browser shows on a reader's phone: the signed-in header in two rows, breadcrumb links a finger can
hit, Khmer never slanted, and a lesson printed with its transcript and without players or navigation."""

import pytest

from tests.factories import LearnerFactory
from tests.factories.people import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TAP_TARGET = 44  # px: WCAG 2.5.5 and the platforms' own guidelines


def sign_in(page, base: str, username: str, language: str) -> None:
    page.goto(f"{base}/{language}/account/sign-in/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")  # the header holds the search form too
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_signed_in_header_takes_two_rows_on_a_phone_and_the_search_box_one(
    live_server, site_tree, new_page, language
):
    LearnerFactory(username="officer")
    page, base = new_page(), live_server.url
    sign_in(page, base, "officer", language)
    page.goto(f"{base}/{language}/")
    # Rows of the header's flex line: a box starts a new row when it begins below every box of the row before.
    rows = page.evaluate(
        """() => { let rows = 0, bottom = -1;
            const boxes = [...document.querySelectorAll('.site-header .wrap > :not(.search-box)')]
                .filter(e => e.offsetParent !== null)
                .map(e => e.getBoundingClientRect()).sort((a, b) => a.top - b.top);
            for (const box of boxes) { if (box.top >= bottom) rows += 1; bottom = Math.max(bottom, box.bottom); }
            return rows; }"""
    )
    assert rows <= 2
    # The search box is one full-width row under them, its field and button side by side.
    search = page.locator(".site-header .search-box").bounding_box()
    nav = page.locator(".site-header .account-nav").bounding_box()
    assert search["y"] >= nav["y"] + nav["height"] and search["height"] <= 50, (search, nav)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 165, header
    # Every account link is there and usable, and the offline status line still sits under the header.
    assert page.locator(".account-nav a").count() == 2
    for link in page.locator(".site-header a").all():
        assert link.bounding_box()["height"] >= TAP_TARGET
    assert page.evaluate("document.querySelector('.site-header').nextElementSibling.id") == "net-status"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_breadcrumb_links_are_tap_targets(live_server, site_tree, new_page):
    page, base = new_page(), live_server.url
    page.goto(f"{base}/km/first-module/lesson-1/")
    links = page.locator(".breadcrumb a").all()
    assert len(links) == 2
    for link in links:
        assert link.bounding_box()["height"] >= TAP_TARGET


@pytest.mark.parametrize("language", ["km", "en"])
def test_khmer_quotations_are_not_slanted(live_server, rich_lesson, new_page, language):
    page, base = new_page(), live_server.url
    page.goto(f"{base}/{language}{rich_lesson.url_path[len(rich_lesson.get_site().root_page.url_path) - 1 :]}")
    style = page.eval_on_selector(".legal blockquote", "e => getComputedStyle(e).fontStyle")
    assert style == ("normal" if language == "km" else "italic")
    emphasis = page.evaluate(
        """lang => { const em = document.createElement('em'); em.textContent = 'x'; em.lang = lang;
            document.querySelector('main').append(em); const s = getComputedStyle(em);
            return [s.fontStyle, s.fontWeight]; }""",
        language,
    )
    assert emphasis == (["normal", "700"] if language == "km" else ["italic", "400"])


def test_a_printed_lesson_shows_the_transcript_and_no_player_or_navigation(live_server, rich_lesson, new_page):
    page, base = new_page(), live_server.url
    page.goto(f"{base}/en{rich_lesson.url_path[len(rich_lesson.get_site().root_page.url_path) - 1 :]}")
    assert not page.is_visible("text=Transcript text")  # on screen, folded until asked for
    page.emulate_media(media="print")
    assert page.is_visible("text=Transcript text")
    for hidden in ["audio", ".site-header", ".breadcrumb", ".pager", ".site-footer", ".media .size"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    page.evaluate("document.querySelector('main p').insertAdjacentHTML('beforeend', '<a href=\"/en/help/\">help</a>')")
    after = page.eval_on_selector("main p a", "a => getComputedStyle(a, '::after').content")
    assert after == '" (" attr(href) ")"' or "/en/help/" in after
