"""After signing in: a coordinator lands on the coordinator page, a learner where they were going (in the language
they signed in with); the header's Sign in link brings them back to the page they were reading."""

import re

import pytest

from learners.landing import in_language

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, username, *, language="km", next_url=None):
    data = {"username": username, "password": PASSWORD}
    if next_url is not None:
        data["next"] = next_url
    return client.post(f"/{language}/account/sign-in/", data)


def language_switch_links(response) -> dict[str, str]:
    nav = re.search(r'<nav class="lang-switch" aria-label="[^"]*">.*?</nav>', response.content.decode(), re.S).group(0)
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)"[^>]*hreflang="([^"]+)"', nav)}


@pytest.mark.parametrize("next_url", [None, "", "/km/", "/en/", "https://evil.example/km/account/"])
def test_a_coordinator_going_nowhere_in_particular_lands_on_the_coordinator_page(client, people, next_url):
    response = sign_in(client, "kampot-coordinator", next_url=next_url)
    assert response.status_code == 302
    assert response["Location"] == "/km/coordinate/"


def test_a_coordinator_going_somewhere_goes_there(client, people):
    assert sign_in(client, "ngocrc", next_url="/km/account/")["Location"] == "/km/account/"


@pytest.mark.parametrize("next_url", [None, "/km/", "//evil.example/"])
def test_a_learner_going_nowhere_in_particular_lands_on_the_home_page(client, people, next_url):
    assert sign_in(client, "officer", language="en", next_url=next_url)["Location"] == "/en/"


def test_a_learner_lands_where_they_were_going(client, people):
    response = sign_in(client, "officer", next_url="/km/first-module/lesson-2/?page=2")
    assert response["Location"] == "/km/first-module/lesson-2/?page=2"


def test_next_is_kept_across_the_language_switch_and_followed_in_the_new_language(client, people):
    khmer = client.get("/km/account/sign-in/?next=/km/first-module/lesson-2/")
    assert 'name="next" value="/km/first-module/lesson-2/"' in khmer.content.decode()
    switch = language_switch_links(khmer)["en"]
    assert switch == "/en/account/sign-in/?next=/km/first-module/lesson-2/"

    english = client.get(switch)
    assert english.status_code == 200
    # The form already carries it in English, so the learner lands on the English page.
    assert 'name="next" value="/en/first-module/lesson-2/"' in english.content.decode()
    response = sign_in(client, "officer", language="en", next_url="/km/first-module/lesson-2/")
    assert response["Location"] == "/en/first-module/lesson-2/"


def test_a_signed_in_visitor_of_the_sign_in_page_is_sent_on_by_the_same_rule(client, people):
    client.force_login(people.kampot_coordinator)
    assert client.get("/en/account/sign-in/")["Location"] == "/en/coordinate/"
    client.force_login(people.kampot_learner.user)
    assert client.get("/en/account/sign-in/?next=/km/account/")["Location"] == "/en/account/"


def test_the_header_sign_in_link_comes_back_to_the_page(client, people):
    html = client.get("/en/account/register/?province=07").content.decode()
    assert 'href="/en/account/sign-in/?next=' not in html  # not from registration
    html = client.get("/en/offline/").content.decode()
    assert 'href="/en/account/sign-in/?next=/en/offline/"' in html
    sign_in_page = client.get("/en/account/sign-in/?next=/en/offline/").content.decode()
    assert "?next=%2Fen%2Faccount%2Fsign-in" not in sign_in_page  # never back to the sign-in page itself


@pytest.mark.parametrize(
    ("url", "language", "expected"),
    [
        ("/km/first-module/", "en", "/en/first-module/"),
        ("/en/account/?a=1", "km", "/km/account/?a=1"),
        ("/km/", "en", "/en/"),
        ("/km", "en", "/en/"),
        ("/en/x/", "en", "/en/x/"),
        ("/documents/1/", "en", "/documents/1/"),  # outside the language prefixes
    ],
)
def test_in_language(url, language, expected):
    assert in_language(url, language) == expected
