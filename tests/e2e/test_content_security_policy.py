"""Headless Chromium finds no Content-Security-Policy violation on a lesson, the sign-in page or Wagtail's admin."""

import pytest

from tests.factories import SuperuserFactory

from .conftest import launch

PASSWORD = "a-long-admin-password-1"  # noqa: S105 - a test account
# Reports every violation to the page, including those the console leaves out (e.g. from inside frames).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page(playwright):
    """A desktop-sized page with JavaScript on (the admin needs it, and the violations are recorded by a script)."""
    browser = launch(playwright)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    try:
        yield context.new_page()
    finally:
        context.close()
        browser.close()


def visit(page, url: str, console: list[str]) -> list[str]:
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    assert response.headers["content-security-policy"], url
    return page.evaluate("window.__cspViolations") + [message for message in console if "Content Security" in message]


# serialized_rollback: the flush after a transactional test would otherwise remove Wagtail's root page and locale.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_policy_violation_on_the_site_or_in_the_admin(live_server, rich_lesson, browser_page):
    page = browser_page
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    base = live_server.url

    for path in ("/km/first-module/rich/", "/en/first-module/rich/", "/en/account/sign-in/"):
        assert visit(page, base + path, console) == [], path

    SuperuserFactory(username="editor", password=PASSWORD)
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    admin_paths = [
        "/admin/",
        f"/admin/pages/{rich_lesson.pk}/edit/",
        f"/admin/pages/{rich_lesson.get_parent().pk}/",
        "/admin/images/",
        "/admin/documents/multiple/add/",
    ]
    # The coordinators' pages, a staff member's two-step sign-in setup (its QR code is inline SVG) and the
    # rollout reports with their bar charts.
    staff_paths = ["/en/coordinate/", "/km/coordinate/", "/en/account/two-factor/setup/", "/admin/reports/provinces/"]
    for path in admin_paths + staff_paths:
        assert visit(page, base + path, console) == [], path
    assert page.evaluate("document.querySelectorAll('script').length") > 0  # the admin did run its scripts
