"""What a result reveals, by the quiz's review setting: the learner's own answers, score and which questions were
wrong always; the correct answers, explanations and feedback only when the setting allows, never while another
attempt is open (a blank attempt's review copied into the next one would score 100%)."""

import pytest
from pytest_django.asserts import assertContains

from quizzes.attempts import attempt_start, attempt_submit
from quizzes.review import (
    ANSWERS_AFTER_FINISHING,
    ANSWERS_HIDDEN_WHILE_OPEN,
    ANSWERS_NEVER_SHOWN,
    ReviewPolicy,
    answers_hidden_reason,
)
from tests.quizzes.conftest import SECRET_EXPLANATION, SECRET_FEEDBACK, correct_answers, make_quiz, wrong_answers

pytestmark = pytest.mark.django_db

# Anything that gives an answer away: texts only the review shows, the markers of a correct choice.
MARKERS = [SECRET_FEEDBACK, SECRET_EXPLANATION, "is-correct", "correct answer", "<strong>· ចម្លើយត្រឹមត្រូវ"]


def assert_reveals_nothing(response):
    html = response.content.decode()
    for marker in MARKERS:
        assert marker not in html, f"{marker!r} shown at {response.request['PATH_INFO']}"


def assert_reveals(response, language="en"):
    html = response.content.decode()
    assert f"{SECRET_EXPLANATION} {language}" in html
    assert f"{SECRET_FEEDBACK} {language}" in html
    assert "is-correct" in html


def submit(learner, quiz, answers):
    attempt = attempt_start(learner=learner, quiz=quiz)
    return attempt_submit(attempt=attempt, learner=learner, answers=answers(attempt))


def quiz_with(site_tree, policy, **settings):
    quiz = make_quiz(site_tree.module, **settings)
    quiz.review = policy
    quiz.save()
    return quiz


def result(client, attempt, language="en"):
    response = client.get(f"/{language}/training/attempt/{attempt.pk}/result/")
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("language", ["km", "en"])
def test_default_setting_a_failed_attempt_with_retries_left_shows_own_answers_score_and_marks_only(
    signed_in, site_tree, learner, language
):
    quiz = quiz_with(site_tree, ReviewPolicy.WHEN_FINISHED, attempts_allowed=3)
    attempt = submit(learner, quiz, wrong_answers)
    response = result(signed_in, attempt, language)
    assert_reveals_nothing(response)
    assertContains(response, "<strong>0%</strong>", html=False)
    assertContains(response, "is-picked", count=4)  # the learner's own answers, one per question
    assertContains(response, 'class="result wrong"', count=4)  # which questions were wrong
    if language == "en":
        assertContains(response, str(ANSWERS_AFTER_FINISHING))


def test_default_setting_reveals_after_the_last_attempt(signed_in, site_tree, learner):
    quiz = quiz_with(site_tree, ReviewPolicy.WHEN_FINISHED, attempts_allowed=2)
    first = submit(learner, quiz, wrong_answers)
    assert_reveals_nothing(result(signed_in, first))
    last = submit(learner, quiz, wrong_answers)
    assert_reveals(result(signed_in, last))
    assert_reveals(result(signed_in, first))  # every attempt of a finished quiz


def test_default_setting_reveals_after_passing(signed_in, site_tree, learner):
    quiz = quiz_with(site_tree, ReviewPolicy.WHEN_FINISHED)
    failed = submit(learner, quiz, wrong_answers)
    assert_reveals_nothing(result(signed_in, failed))
    passed = submit(learner, quiz, correct_answers)
    assert_reveals(result(signed_in, passed))


def test_every_attempt_reveals_at_once_but_not_while_the_next_attempt_is_open(signed_in, site_tree, learner):
    quiz = quiz_with(site_tree, ReviewPolicy.EVERY_ATTEMPT)
    attempt = submit(learner, quiz, wrong_answers)
    assert_reveals(result(signed_in, attempt))
    attempt_start(learner=learner, quiz=quiz)
    response = result(signed_in, attempt)
    assert_reveals_nothing(response)
    assertContains(response, str(ANSWERS_HIDDEN_WHILE_OPEN))
    assertContains(response, "Continue the quiz")


def test_never_reveals_even_after_passing_and_the_last_attempt(signed_in, site_tree, learner):
    quiz = quiz_with(site_tree, ReviewPolicy.NEVER, attempts_allowed=1)
    attempt = submit(learner, quiz, correct_answers)
    response = result(signed_in, attempt)
    assert_reveals_nothing(response)
    assertContains(response, str(ANSWERS_NEVER_SHOWN))
    assertContains(response, 'class="result right"', count=4)


def test_a_passed_quiz_retaken_hides_the_answers_while_the_retake_is_open(signed_in, site_tree, learner):
    quiz = quiz_with(site_tree, ReviewPolicy.WHEN_FINISHED)
    passed = submit(learner, quiz, correct_answers)
    assert_reveals(result(signed_in, passed))
    attempt_start(learner=learner, quiz=quiz)
    assert_reveals_nothing(result(signed_in, passed))


@pytest.mark.parametrize("language", ["km", "en"])
def test_no_page_of_an_open_attempt_or_of_a_result_with_retries_left_reveals_anything(
    signed_in, site_tree, learner, language
):
    """Every page a learner can reach while retries are left and the next attempt is open, in both languages."""
    quiz = quiz_with(site_tree, ReviewPolicy.WHEN_FINISHED, attempts_allowed=3)
    failed = submit(learner, quiz, wrong_answers)
    pages = [f"/{language}/training/attempt/{failed.pk}/result/"]
    started = signed_in.post(f"/{language}/training/quiz/{quiz.pk}/start/")
    assert started.status_code == 302
    attempt = learner.quiz_attempts.get(status="in_progress")
    total = len(attempt.snapshot["questions"])
    pages += [f"/{language}/training/attempt/{attempt.pk}/question/{n}/" for n in range(1, total + 1)]
    pages += [
        f"/{language}/training/attempt/{attempt.pk}/review/",
        f"/{language}/training/attempt/{failed.pk}/result/",
        f"/{language}/first-module/",
        f"/{language}/training/",
        f"/{language}/",
    ]
    for path in pages:
        response = signed_in.get(path)
        assert response.status_code == 200, path
        assert_reveals_nothing(response)


def test_feedback_and_explanations_are_not_in_the_context_when_hidden(signed_in, site_tree, learner):
    """Hidden means absent from what the template receives, so no template change can leak it."""
    quiz = quiz_with(site_tree, ReviewPolicy.NEVER)
    attempt = submit(learner, quiz, wrong_answers)
    rows = result(signed_in, attempt).context["rows"]
    assert all(row["explanation"] == "" for row in rows)
    assert all(not choice["correct"] and choice["feedback"] == "" for row in rows for choice in row["choices"])


def test_the_review_rule():
    finished, every, never = ReviewPolicy.WHEN_FINISHED, ReviewPolicy.EVERY_ATTEMPT, ReviewPolicy.NEVER
    assert answers_hidden_reason(policy=finished, passed=False, attempts_left=2, attempt_open=False) == (
        ANSWERS_AFTER_FINISHING
    )
    assert answers_hidden_reason(policy=finished, passed=False, attempts_left=None, attempt_open=False) == (
        ANSWERS_AFTER_FINISHING
    )
    assert answers_hidden_reason(policy=finished, passed=True, attempts_left=None, attempt_open=False) is None
    assert answers_hidden_reason(policy=finished, passed=False, attempts_left=0, attempt_open=False) is None
    assert answers_hidden_reason(policy=every, passed=False, attempts_left=5, attempt_open=False) is None
    assert answers_hidden_reason(policy=every, passed=True, attempts_left=5, attempt_open=True) == (
        ANSWERS_HIDDEN_WHILE_OPEN
    )
    assert answers_hidden_reason(policy=never, passed=True, attempts_left=0, attempt_open=False) == ANSWERS_NEVER_SHOWN
    assert answers_hidden_reason(policy="unknown", passed=True, attempts_left=0, attempt_open=False) == (
        ANSWERS_NEVER_SHOWN
    )


def test_the_admin_edits_the_review_setting(admin_client, site_tree):
    quiz = quiz_with(site_tree, ReviewPolicy.WHEN_FINISHED)
    response = admin_client.get(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/")
    assertContains(response, 'name="review"')
    assertContains(response, 'value="finished" selected')
    # Labelled in the editor's language (Khmer by default): the field's label and the default choice
    assertContains(response, "បង្ហាញចម្លើយត្រឹមត្រូវ និងការពន្យល់")
    assertContains(response, "បន្ទាប់ពីជាប់ ឬបន្ទាប់ពីការសាកចុងក្រោយ")
