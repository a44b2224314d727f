"""One language rule for every path without a language prefix: Khmer, unless the reader chose English (the
language cookie, set by reading a page under /en/); the browser's Accept-Language never decides."""

import pytest
from django.conf import settings
from pytest_django.asserts import assertRedirects

pytestmark = pytest.mark.django_db

UNPREFIXED = ["/", "/first-module/", "/first-module/lesson-1/", "/training/", "/account/sign-in/", "/help/"]
COOKIE = settings.LANGUAGE_COOKIE_NAME


@pytest.mark.parametrize("path", UNPREFIXED)
@pytest.mark.parametrize("accept", ["en", "en-US,en;q=0.9", "km", ""])
def test_khmer_first_whatever_the_browser_asks(client, site_tree, path, accept):
    assertRedirects(client.get(path, HTTP_ACCEPT_LANGUAGE=accept), f"/km{path}", fetch_redirect_response=False)


@pytest.mark.parametrize("path", UNPREFIXED)
def test_the_readers_choice_of_english_is_kept(client, site_tree, path):
    client.cookies[COOKIE] = "en"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="km")
    assertRedirects(response, f"/en{path}", fetch_redirect_response=False)


@pytest.mark.parametrize("path", UNPREFIXED)
def test_an_unknown_cookie_means_khmer(client, site_tree, path):
    client.cookies[COOKIE] = "fr"
    assertRedirects(client.get(path, HTTP_ACCEPT_LANGUAGE="en"), f"/km{path}", fetch_redirect_response=False)


def test_reading_in_english_remembers_the_choice_and_khmer_undoes_it(client, site_tree):
    assert COOKIE not in client.get("/km/").cookies  # Khmer is the default: nothing to remember
    response = client.get("/en/first-module/")
    assert response.cookies[COOKIE].value == "en"
    assert response.cookies[COOKIE]["max-age"] >= 30 * 24 * 60 * 60
    assertRedirects(client.get("/first-module/lesson-1/"), "/en/first-module/lesson-1/", fetch_redirect_response=False)
    assert COOKIE not in client.get("/en/").cookies  # already chosen: not sent again
    assert client.get("/km/").cookies[COOKIE].value == "km"
    assertRedirects(client.get("/"), "/km/", fetch_redirect_response=False)


def test_only_pages_that_were_read_set_the_choice(client, site_tree):
    """Not a 404, not a download, not a form's answer: only a page the reader actually read."""
    assert COOKIE not in client.get("/en/no-such-page/").cookies
    assert COOKIE not in client.get("/en/manifest.webmanifest").cookies
    assert COOKIE not in client.post("/en/account/sign-in/", {"username": "x", "password": "y"}).cookies


def test_the_admin_keeps_the_staffs_browser_language(client, site_tree):
    """Staff are not readers: before they sign in (no admin language of their own yet), the admin follows their
    browser, as Wagtail does."""
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
