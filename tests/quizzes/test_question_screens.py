"""The one-question-per-screen quiz as a learner meets it: where "Continue the quiz" leads, each screen's heading
and progress bar, the instruction said once, and the module page's quiz heading."""

import re

import pytest
from pytest_django.asserts import assertRedirects

from quizzes.models import Attempt, AttemptStatus, QuestionKind

pytestmark = pytest.mark.django_db

CHOOSE_ONE = {"en": "Choose one answer.", "km": "សូមជ្រើសរើសចម្លើយមួយ។"}
CHOOSE_ALL = {"en": "Choose all the answers that are right.", "km": "សូមជ្រើសរើសចម្លើយត្រឹមត្រូវទាំងអស់។"}


def open_attempt(client, quiz, language="en") -> Attempt:
    client.post(f"/{language}/training/quiz/{quiz.pk}/start/")
    return Attempt.objects.get(quiz=quiz, status=AttemptStatus.IN_PROGRESS)


def answer(client, attempt, number: int):
    question = attempt.snapshot["questions"][number - 1]
    client.post(
        f"/en/training/attempt/{attempt.pk}/question/{number}/",
        {"question": question["id"], "choice": [question["choices"][0]["token"]]},
    )


def test_continue_with_every_question_answered_opens_the_review(signed_in, setup):
    attempt = open_attempt(signed_in, setup.quiz)
    for number in range(1, len(attempt.snapshot["questions"]) + 1):
        answer(signed_in, attempt, number)
    response = signed_in.post(f"/en/training/quiz/{setup.quiz.pk}/start/")
    assertRedirects(response, f"/en/training/attempt/{attempt.pk}/review/", fetch_redirect_response=False)


def test_continue_with_a_question_left_opens_that_question(signed_in, setup):
    """The control: an unanswered question, even the last, is where the learner goes on."""
    attempt = open_attempt(signed_in, setup.quiz)
    total = len(attempt.snapshot["questions"])
    for number in range(1, total):
        answer(signed_in, attempt, number)
    response = signed_in.post(f"/en/training/quiz/{setup.quiz.pk}/start/")
    assertRedirects(response, f"/en/training/attempt/{attempt.pk}/question/{total}/", fetch_redirect_response=False)


@pytest.mark.parametrize("language", ["en", "km"])
def test_question_page_has_a_heading_that_names_the_progress_bar(signed_in, setup, language):
    attempt = open_attempt(signed_in, setup.quiz, language)
    html = signed_in.get(f"/{language}/training/attempt/{attempt.pk}/question/2/").content.decode()
    heading = re.search(r'<h1 class="question-number" id="question-number">([^<]+)</h1>', html)
    assert heading, "the question page has no heading"
    assert heading.group(1) == {"en": "Question 2 of 4", "km": "សំណួរទី 2 នៃ 4"}[language]
    assert re.search(r'<progress [^>]*aria-labelledby="question-number"', html)


@pytest.mark.parametrize("language", ["en", "km"])
def test_the_choose_instruction_is_said_once(signed_in, setup, language):
    """A multiple-choice question says "choose all that apply" in its own text; the page adds no second one.
    A single-choice question keeps its hint."""
    attempt = open_attempt(signed_in, setup.quiz, language)
    kinds = [question["kind"] for question in attempt.snapshot["questions"]]
    for number, kind in enumerate(kinds, start=1):
        html = signed_in.get(f"/{language}/training/attempt/{attempt.pk}/question/{number}/").content.decode()
        assert CHOOSE_ALL[language] not in html
        assert (CHOOSE_ONE[language] in html) == (kind != QuestionKind.MULTIPLE)
    one_page = signed_in.get(f"/{language}/training/offline/quiz/{setup.quiz.pk}/").content.decode()
    assert CHOOSE_ALL[language] not in one_page
    assert one_page.count(CHOOSE_ONE[language]) == kinds.count(QuestionKind.SINGLE) + kinds.count(
        QuestionKind.TRUE_FALSE
    )


@pytest.mark.parametrize("language", ["en", "km"])
def test_module_page_quiz_heading_is_the_quizs_title_once(signed_in, setup, language):
    setup.quiz.title_en = "Quiz: Safe interviews"
    setup.quiz.title_km = "តេស្ត៖ ការសម្ភាសដោយសុវត្ថិភាព"
    setup.quiz.save()
    html = signed_in.get(f"/{language}/first-module/").content.decode()
    heading = re.search(r'<h2 id="quiz-heading"[^>]*>([^<]+)</h2>', html).group(1)
    assert heading == {"en": "Quiz: Safe interviews", "km": "តេស្ត៖ ការសម្ភាសដោយសុវត្ថិភាព"}[language]
