"""The learners' help page: public, in both languages, with the lockout figures the site enforces, and reachable
from every page's footer and from the sign-in page."""

import pytest
from django.test import override_settings
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db

SECTIONS = ["sign-in", "locked-out", "quizzes", "certificates", "offline", "contact"]


@pytest.mark.parametrize(("language", "title"), [("en", "Help for learners"), ("km", "ជំនួយសម្រាប់អ្នកសិក្សា")])
def test_help_page_in_each_language(client, site_tree, language, title):
    response = client.get(f"/{language}/help/")
    assert response.status_code == 200
    assertContains(response, f"<h1>{title}</h1>", html=True)
    for section in SECTIONS:
        assertContains(response, f'id="{section}"')
    assertContains(response, f'href="/{language}/account/sign-in/"')
    assertContains(response, f'href="/{language}/verify/"')


@override_settings(LEARNERS_LOCKOUT_PAIR_FAILURES=7, LEARNERS_LOCKOUT_MINUTES=20)
def test_the_lockout_figures_are_the_enforced_ones(client, site_tree):
    english = "After 7 wrong passwords in a row, signing in from that phone is blocked for 20 minutes."
    khmer = "ក្រោយពីវាយពាក្យសម្ងាត់ខុស 7 ដងជាប់ៗគ្នា ការចូលគណនីពីទូរស័ព្ទនោះត្រូវបានបិទរយៈពេល 20 នាទី។"
    assertContains(client.get("/en/help/"), english)
    assertContains(client.get("/km/help/"), khmer)


@pytest.mark.parametrize("language", ["en", "km"])
def test_linked_from_the_footer_and_the_sign_in_page(client, site_tree, language):
    assertContains(client.get(f"/{language}/"), f'<a href="/{language}/help/">')
    assertContains(client.get(f"/{language}/account/sign-in/"), f'<a href="/{language}/help/#sign-in">')


def test_only_read(client, site_tree):
    assert client.post("/en/help/").status_code == 405
