"""The one-page quiz a phone keeps for taking offline: every question once, nothing that gives an answer away,
tokens of the learner's own, and a plain form POST (no JavaScript) that records and shows the result."""

import re
import uuid

import pytest
from django.test import Client
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from quizzes.attempts import NO_ATTEMPTS_LEFT, QUIZ_NOT_AVAILABLE, QUIZ_NOT_READY, attempt_start, attempt_submit
from quizzes.models import Attempt, AttemptStatus, QuestionOutcome
from quizzes.offline import QUIZ_CHANGED, quiz_version
from tests.factories import QuizFactory
from tests.quizzes.conftest import SECRET_EXPLANATION, SECRET_FEEDBACK, make_quiz
from tests.quizzes.sync_drill import QUIZ_URL, offline_page, tokens_for
from tests.quizzes.test_review import MARKERS

pytestmark = pytest.mark.django_db

# Anything that would give an answer away: the review's markers and the words of a choice's correctness.
LEAKS = [*MARKERS, "data-correct", '"correct"']


def url(quiz, language="en"):
    return QUIZ_URL.format(language=language, quiz_id=quiz.pk)


def content_answers(quiz, pick) -> dict[str, list[int]]:
    """question id -> choice ids, `pick` choosing among (choice, is_correct) of each question."""
    answers = {}
    for question in quiz.questions.order_by("sort_order"):
        choices = list(question.choices.order_by("sort_order"))
        answers[str(question.pk)] = sorted(choice.pk for choice in pick(choices))
    return answers


def right(choices):
    return [choice for choice in choices if choice.is_correct]


def first_wrong(choices):
    return [next(choice for choice in choices if not choice.is_correct)]


def form_data(page, learner, quiz, answers, **extra) -> dict:
    data = {"attempt": page.attempt, "version": page.version, "submit": "1", **extra}
    for question_id, tokens in tokens_for(
        learner=learner, quiz_id=quiz.pk, version=page.version, answers=answers
    ).items():
        data[f"q{question_id}"] = tokens
    return data


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_page_holds_every_question_once_each_under_its_own_heading(signed_in, setup, language):
    page = offline_page(signed_in, setup.quiz.pk, language)
    html = page.html
    questions = list(setup.quiz.questions.all())
    assert html.count('class="quiz-question"') == len(questions) == 4
    assert html.count('class="question-heading"') == 4
    heading = "Question 2 of 4" if language == "en" else "សំណួរទី 2 នៃ 4"
    assert heading in html
    for question in questions:
        assert html.count(f'data-question="{question.pk}"') == 1
        assert html.count(getattr(question, f"text_{language}")) == 1
        assert len(page.tokens[str(question.pk)]) == question.choices.count()
    form = re.search(r'<form method="post" class="quiz-form" id="offline-quiz"[^>]*>', html).group(0)
    assert f'data-quiz="{setup.quiz.pk}"' in form
    assert f'data-learner="{setup.learner.pk}"' in form
    assert f'data-module="{setup.module.pk}"' in form
    assert f'data-version="{page.version}"' in form
    assert f'action="/{language}/training/offline/quiz/{setup.quiz.pk}/"' in form
    uuid.UUID(page.attempt)
    assert 'type="radio"' in html and 'type="checkbox"' in html
    assert 'name="csrfmiddlewaretoken"' in html


@pytest.mark.parametrize("language", ["km", "en"])
def test_nothing_that_gives_an_answer_away_is_on_the_page_or_in_its_context(signed_in, setup, language):
    response = signed_in.get(url(setup.quiz, language))
    html = response.content.decode()
    for leak in LEAKS:
        assert leak not in html, f"{leak!r} is on the offline quiz page"
    # Nor handed to the template: a later template change could not show what it never gets.
    for name in ("questions", "quiz_title", "version", "refusal", "ticked"):
        text = repr(response.context[name])
        for secret in (SECRET_FEEDBACK, SECRET_EXPLANATION, "'correct'", "feedback", "explanation"):
            assert secret not in text, f"{secret!r} in the context's {name}"


def test_tokens_are_the_learners_own_stable_and_not_choice_ids(signed_in, setup, other_learner):
    mine = offline_page(signed_in, setup.quiz.pk)
    again = offline_page(signed_in, setup.quiz.pk)
    other = Client()
    other.force_login(other_learner)
    theirs = offline_page(other, setup.quiz.pk)
    assert mine.version == theirs.version == quiz_version_of(setup.quiz)
    assert set(map(frozenset, mine.tokens.values())) == set(map(frozenset, again.tokens.values()))
    assert mine.attempt != again.attempt  # a fresh attempt id each time the page is served
    all_mine = {token for tokens in mine.tokens.values() for token in tokens}
    all_theirs = {token for tokens in theirs.tokens.values() for token in tokens}
    assert not all_mine & all_theirs
    choice_ids = {str(pk) for pk in setup.quiz.questions.values_list("choices__pk", flat=True)}
    assert not all_mine & choice_ids


def quiz_version_of(quiz):
    from quizzes.attempts import quiz_content_snapshot

    return quiz_version(quiz_content_snapshot(quiz=quiz))


def test_anonymous_readers_are_sent_to_sign_in_and_an_unknown_quiz_is_not_found(signed_in, setup):
    response = Client().get(url(setup.quiz))
    assert response.status_code == 302 and "next=" in response["Location"]
    assert signed_in.get("/en/training/offline/quiz/999999/").status_code == 404


def test_the_page_is_never_cached(signed_in, setup):
    response = signed_in.get(url(setup.quiz))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_form_post_records_the_attempt_and_shows_its_result(signed_in, setup):
    page = offline_page(signed_in, setup.quiz.pk, "en")
    answers = content_answers(setup.quiz, right)
    data = form_data(page, setup.learner, setup.quiz, answers)
    response = signed_in.post(url(setup.quiz), data)
    attempt = Attempt.objects.get(learner=setup.learner)
    assertRedirects(response, f"/en/training/attempt/{attempt.pk}/result/", fetch_redirect_response=False)
    assert (attempt.status, attempt.score, attempt.passed) == (AttemptStatus.SUBMITTED, 100, True)
    assert attempt.answers == answers
    assert str(attempt.client_id) == page.attempt
    assert QuestionOutcome.objects.filter(attempt=attempt).count() == 4
    # Tapped twice, or the script sent it before the form did: the same result, one attempt.
    again = signed_in.post(url(setup.quiz), data)
    assert again["Location"] == response["Location"]
    assert Attempt.objects.filter(learner=setup.learner).count() == 1
    assertContains(signed_in.get(response["Location"]), "<strong>100%</strong>", html=False)


def test_a_refused_post_shows_the_page_again_with_the_message_and_the_choices_still_ticked(signed_in, setup):
    page = offline_page(signed_in, setup.quiz.pk, "en")
    answers = content_answers(setup.quiz, right)
    single = str(setup.quiz.questions.get(kind="single").pk)
    answers[single] = sorted(setup.quiz.questions.get(pk=single).choices.values_list("pk", flat=True))[:2]
    data = form_data(page, setup.learner, setup.quiz, answers)
    response = signed_in.post(url(setup.quiz), data)
    assert response.status_code == 200
    assertContains(response, "Choose only one answer for this question.")
    html = response.content.decode()
    for tokens in tokens_for(
        learner=setup.learner, quiz_id=setup.quiz.pk, version=page.version, answers=answers
    ).values():
        for token in tokens:
            assert f'value="{token}" checked' in html
    assert html.count(" checked") == sum(len(ids) for ids in answers.values())
    assert f'name="attempt" value="{page.attempt}"' in html  # nothing recorded: the same attempt, sent again
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("language", ["km", "en"])
def test_a_post_against_a_changed_quiz_is_refused_in_the_readers_language(signed_in, setup, language):
    page = offline_page(signed_in, setup.quiz.pk, language)
    data = form_data(page, setup.learner, setup.quiz, content_answers(setup.quiz, right))
    question = setup.quiz.questions.first()
    question.text_en = question.text_en + " (edited)"
    question.save()
    response = signed_in.post(url(setup.quiz, language), data)
    assert response.status_code == 200
    with translation.override(language):
        assertContains(response, str(QUIZ_CHANGED))
    if language == "km":
        assertNotContains(response, "This quiz was changed")
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("attempt_field", ["", "not-a-uuid"])
def test_a_post_without_a_readable_attempt_id_records_nothing(signed_in, setup, attempt_field):
    page = offline_page(signed_in, setup.quiz.pk, "en")
    data = form_data(page, setup.learner, setup.quiz, content_answers(setup.quiz, right), attempt=attempt_field)
    response = signed_in.post(url(setup.quiz), data)
    assert response.status_code == 200
    assertContains(response, 'class="message error"')
    assert not Attempt.objects.exists()


def test_no_form_when_every_attempt_is_used(signed_in, site_tree, learner):
    quiz = make_quiz(site_tree.module, attempts_allowed=1)
    attempt = attempt_start(learner=learner, quiz=quiz)
    attempt_submit(attempt=attempt, learner=learner, answers={})
    response = signed_in.get(url(quiz))
    assertContains(response, str(NO_ATTEMPTS_LEFT) % {"allowed": 1})
    assertNotContains(response, 'id="offline-quiz"')
    assertContains(response, "0 attempts left")


def test_no_form_while_the_wait_between_attempts_runs(signed_in, site_tree, learner):
    quiz = make_quiz(site_tree.module, wait_minutes=30)
    attempt = attempt_start(learner=learner, quiz=quiz)
    attempt_submit(attempt=attempt, learner=learner, answers={})
    response = signed_in.get(url(quiz))
    assertContains(response, "You can try this quiz again in 30 minutes.")
    assertNotContains(response, 'id="offline-quiz"')


def test_no_form_for_a_quiz_without_questions_or_in_an_unpublished_module(signed_in, site_tree):
    empty = QuizFactory(module=site_tree.empty_module)
    response = signed_in.get(url(empty))
    assertContains(response, str(QUIZ_NOT_READY))
    assertNotContains(response, 'id="offline-quiz"')
    quiz = make_quiz(site_tree.module)
    site_tree.module.unpublish()
    response = signed_in.get(url(quiz))
    assertContains(response, str(QUIZ_NOT_AVAILABLE))
    assertNotContains(response, 'id="offline-quiz"')


def test_a_learner_may_take_it_while_an_attempt_is_open_on_the_server(signed_in, setup):
    """The open attempt stays open; the offline one is recorded beside it (one open attempt is the rule)."""
    open_attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    page = offline_page(signed_in, setup.quiz.pk, "en")
    response = signed_in.post(url(setup.quiz), form_data(page, setup.learner, setup.quiz, {}))
    assert response.status_code == 302
    open_attempt.refresh_from_db()
    assert open_attempt.status == AttemptStatus.IN_PROGRESS
    assert Attempt.objects.filter(learner=setup.learner, status=AttemptStatus.SUBMITTED).get().number == 2
