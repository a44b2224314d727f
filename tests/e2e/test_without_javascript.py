"""With JavaScript disabled, as on a phone that blocks it: a learner signs in, reads a lesson and takes the module's
quiz to its result; a coordinator signs in and reads the coverage report."""

import re

import pytest

from tests.factories import PASSWORD, LearnerFactory, ProvincialCoordinatorFactory
from tests.places import make_places
from tests.quizzes.conftest import make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The right answers of make_quiz's four questions, by the English end of their Khmer labels ("ជម្រើស Quiet room").
RIGHT_ANSWERS = [["A trusted adult"], ["Quiet room", "Own words"], ["Referral", "Privacy"], ["False"]]


def sign_in(page, base: str, username: str, next_path: str) -> None:
    page.goto(f"{base}/km/account/sign-in/?next={next_path}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")  # the header holds the search form too
    page.wait_for_url(base + next_path)


def test_a_learner_reads_a_lesson_and_takes_the_quiz_to_the_result(live_server, site_tree, new_page):
    places = make_places()
    quiz = make_quiz(site_tree.module)
    LearnerFactory(province=places.kampot, username="officer")
    page, base = new_page(), live_server.url

    sign_in(page, base, "officer", "/km/first-module/lesson-1/")
    assert page.inner_text("h1") == "មេរៀនទី1 ស្ត្រី"
    assert "ព្រះរាជាណាចក្រ" in page.inner_text("main")

    page.goto(f"{base}/km/first-module/")
    page.click(".quiz-panel form button[type=submit]")
    page.wait_for_url(re.compile(r"/training/attempt/\d+/question/1/$"))
    for number, answers in enumerate(RIGHT_ANSWERS, start=1):
        for answer in answers:
            page.check(f"label.choice:has(span:text-matches('{answer}$')) input")
        page.click("button[name=next]")
        page.wait_for_url(re.compile(rf"/training/attempt/\d+/(question/{number + 1}|review)/$"))
    assert page.url.endswith("/review/"), page.url
    page.click("form[action$='/submit/'] button[type=submit]")
    page.wait_for_url(re.compile(r"/training/attempt/\d+/result/$"))
    assert page.inner_text("h1") == "លទ្ធផលរបស់អ្នក"
    assert page.inner_text(".score").startswith("100%")
    assert page.locator(".score.status-done").count() == 1
    assert quiz.attempts.get().score == 100


def test_a_coordinator_reads_the_coverage_report(live_server, new_page):
    places = make_places()
    ProvincialCoordinatorFactory(username="kampot-coordinator", provinces=[places.kampot])
    LearnerFactory(province=places.kampot, username="officer")
    page, base = new_page(), live_server.url

    sign_in(page, base, "kampot-coordinator", "/admin/reports/provinces/")
    assert page.title() == "Training coverage by province - Wagtail"  # the admin speaks the staff's language
    table = page.inner_text("table.report-table")
    assert "Kampot" in table
    assert "Takeo" not in table  # only their own province
