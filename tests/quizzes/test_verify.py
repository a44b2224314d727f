"""Certificates go to confirmed learners only (a pending learner's comes on confirmation), and /verify/ checks a
code typed from paper: a GET form, forgiving about case, spaces and dashes, rate limited per network address."""

import re

import pytest
from django.test import Client
from django.test.utils import override_settings
from pytest_django.asserts import assertContains, assertNotContains

from learners.confirmation import learner_confirm, learner_reject
from learners.models import Confirmation, LearnerProfile, Source
from quizzes.attempts import attempt_start, attempt_submit
from quizzes.completion import lesson_view_record
from quizzes.models import Certificate
from quizzes.selectors import normalise_code
from quizzes.verify_limits import TOO_MANY_LOOKUPS
from tests.factories import LearnerFactory, LearnerProfileFactory, ProvincialCoordinatorFactory
from tests.quizzes.conftest import correct_answers

pytestmark = pytest.mark.django_db

CODE = "ABCD-2345-WXYZ"


def complete_the_course(tree, quiz, user):
    tree.empty_module.unpublish()  # the fixture's second module has nothing to complete
    for lesson in tree.lessons:
        lesson_view_record(learner=user, lesson_id=lesson.pk, module_id=tree.module.pk)
    attempt = attempt_start(learner=user, quiz=quiz)
    attempt_submit(attempt=attempt, learner=user, answers=correct_answers(attempt))


@pytest.fixture
def pending(site_tree, quiz):
    """A self-registered learner, waiting for confirmation, who has completed the course."""
    profile = LearnerFactory(source=Source.SELF_REGISTERED, province__code="07")
    assert profile.confirmation == Confirmation.PENDING
    complete_the_course(site_tree, quiz, profile.user)
    return profile


@pytest.fixture
def certificate(setup):
    LearnerProfileFactory(user=setup.learner, full_name_km="សុខ ស្រីពេជ្រ", province__code="07")
    complete_the_course(setup.tree, setup.quiz, setup.learner)
    Certificate.objects.filter(learner=setup.learner).update(code=CODE)
    return Certificate.objects.get(learner=setup.learner)


# Who gets a certificate


def test_a_learner_waiting_for_confirmation_gets_no_certificate(pending):
    assert not Certificate.objects.exists()
    client = Client()
    client.force_login(pending.user)
    assert client.get("/en/training/certificate.pdf").status_code == 404
    assertNotContains(client.get("/en/training/"), "Download your certificate")


def test_confirmation_issues_the_certificate_earned_while_waiting(pending):
    learner_confirm(profile=pending, actor=ProvincialCoordinatorFactory(provinces=[pending.province]))
    certificate = Certificate.objects.get(learner=pending.user)
    assert certificate.holder["role"] == "police_officer"
    assert certificate.holder["province_en"] == pending.province.name_en
    pending.refresh_from_db()
    completed = certificate.completed_on
    assert pending.course_completed_at is not None and pending.course_completed_at.date() <= completed
    assert Client().get(f"/en/verify/{certificate.code}/").status_code == 200


def test_confirming_through_the_coordinators_screen_issues_it_too(pending):
    coordinator = ProvincialCoordinatorFactory(provinces=[pending.province])
    client = Client()
    client.force_login(coordinator)
    response = client.post(f"/en/coordinate/learners/{pending.pk}/confirm/")
    assert response.status_code == 302
    assert LearnerProfile.objects.get(pk=pending.pk).confirmation == Confirmation.CONFIRMED
    assert Certificate.objects.filter(learner=pending.user).count() == 1


def test_a_rejected_learner_never_gets_one(pending):
    learner_reject(
        profile=pending, actor=ProvincialCoordinatorFactory(provinces=[pending.province]), reason="Not an officer."
    )
    assert not Certificate.objects.exists()


def test_an_account_without_a_learner_profile_gets_none(setup):
    complete_the_course(setup.tree, setup.quiz, setup.learner)
    assert not Certificate.objects.exists()


def test_a_certificate_issued_to_a_learner_not_confirmed_is_neither_genuine_nor_downloadable(certificate, setup):
    """One issued before the rule (or whose holder's claim was later found untrue) stands no more."""
    LearnerProfile.objects.filter(user=setup.learner).update(confirmation=Confirmation.REJECTED)
    response = Client().get(f"/en/verify/{CODE}/")
    assertContains(response, f"No certificate has the code {CODE}", status_code=404)
    client = Client()
    client.force_login(setup.learner)
    assert client.get("/en/training/certificate.pdf").status_code == 404


# The form


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_verify_page_has_a_form_that_works_without_javascript(client, db, language):
    response = client.get(f"/{language}/verify/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'method="get"' in html and f'action="/{language}/verify/"' in html
    assert 'name="code"' in html
    # The only scripts are the site's own offline enhancement, loaded from files; nothing inline drives the form.
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html))


@pytest.mark.parametrize(
    "typed", ["abcd 2345 wxyz", "ABCD2345WXYZ", " abcd–2345—wxyz ", "ABCD-២៣៤៥-WXYZ", "ＡＢＣＤ-2345-WXYZ"]
)
def test_a_code_typed_from_paper_is_found(client, certificate, typed):
    response = client.get("/en/verify/", {"code": typed})
    assert response.status_code == 200
    assertContains(response, "This certificate is genuine.")
    assertContains(response, "សុខ ស្រីពេជ្រ")


def test_normalise_code():
    assert normalise_code(" abcd-2345 wxyz") == CODE
    assert normalise_code("ABCD") == "ABCD"


def test_an_unknown_code_gets_a_clear_message(client, db):
    response = client.get("/en/verify/", {"code": "zzzz-zzzz-zzzz"})
    assertContains(
        response, "No certificate has the code ZZZZ-ZZZZ-ZZZZ. Check the code and try again.", status_code=404
    )
    assertContains(response, 'name="code"', status_code=404)  # the form again, to correct it


def test_the_khmer_page_says_it_in_khmer(client, db):
    response = client.get("/km/verify/", {"code": "zzzz-zzzz-zzzz"})
    assertNotContains(response, "No certificate has the code", status_code=404)
    assertContains(response, "ZZZZ-ZZZZ-ZZZZ", status_code=404)


# Rate limit


@override_settings(QUIZZES_VERIFY_MISS_LIMIT=3, QUIZZES_VERIFY_WINDOW_MINUTES=15)
def test_unknown_codes_are_limited_per_address_then_every_lookup_is_refused(certificate):
    guesser = Client(REMOTE_ADDR="203.0.113.7")
    for index in range(3):
        assert guesser.get("/en/verify/", {"code": f"AAAA-AAAA-AAA{index + 2}"}).status_code == 404
    limited = guesser.get(f"/en/verify/{CODE}/")  # even a real code: the refusal must tell a guesser nothing
    message = str(TOO_MANY_LOOKUPS) % {"minutes": 15}
    assertContains(limited, message.replace("'", "&#x27;"), status_code=429)
    assertNotContains(limited, "សុខ ស្រីពេជ្រ", status_code=429)
    assert Client(REMOTE_ADDR="203.0.113.8").get(f"/en/verify/{CODE}/").status_code == 200


@override_settings(QUIZZES_VERIFY_MISS_LIMIT=3)
def test_genuine_codes_do_not_count_towards_the_limit(certificate):
    checker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(10):
        assert checker.get(f"/en/verify/{CODE}/").status_code == 200


@override_settings(QUIZZES_VERIFY_MISS_LIMIT=2)
def test_ipv6_addresses_are_limited_per_64(db):
    first = Client(REMOTE_ADDR="2001:db8:1:2::10")
    neighbour = Client(REMOTE_ADDR="2001:db8:1:2::99")
    assert first.get("/en/verify/", {"code": "AAAA-AAAA-AAA2"}).status_code == 404
    assert neighbour.get("/en/verify/", {"code": "AAAA-AAAA-AAA3"}).status_code == 404
    assert first.get("/en/verify/", {"code": "AAAA-AAAA-AAA4"}).status_code == 429
