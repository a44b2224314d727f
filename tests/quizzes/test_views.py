"""Taking a quiz over HTTP: nothing revealed before submission, resume, tampered requests, results, access.

Choices travel as the attempt's opaque tokens (quizzes.tokens); what a result reveals is tests/quizzes/test_review.py.
"""

import importlib
import re

import pytest
from django.apps import apps
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from quizzes.attempts import attempt_start, attempt_submit
from quizzes.models import Attempt, AttemptStatus
from quizzes.review import ReviewPolicy
from tests.quizzes.conftest import SECRET_EXPLANATION, SECRET_FEEDBACK, correct_answers, make_quiz

pytestmark = pytest.mark.django_db

# Words and markers that would give an answer away while an attempt is open.
LEAKS = [SECRET_FEEDBACK, SECRET_EXPLANATION, "is-correct", "correct answer", "data-correct", '"correct"']


def start(client, quiz, language="en"):
    response = client.post(f"/{language}/training/quiz/{quiz.pk}/start/")
    assert response.status_code == 302, response
    return response, Attempt.objects.filter(quiz=quiz, status=AttemptStatus.IN_PROGRESS).latest("pk")


def tokens(question: dict, choice_ids) -> list[str]:
    """What the question page sends for these choices: their tokens in this attempt."""
    return [choice["token"] for choice in question["choices"] if choice["id"] in choice_ids]


def assert_no_leak(response):
    html = response.content.decode()
    for leak in LEAKS:
        assert leak not in html, f"{leak!r} reached the browser at {response.request['PATH_INFO']}"


@pytest.mark.parametrize("language", ["km", "en"])
def test_no_answer_feedback_or_explanation_reaches_the_browser_before_submission(signed_in, setup, language):
    """Walk an open attempt the way a learner does and scan every response; the result page is the control."""
    responses = []
    response, attempt = start(signed_in, setup.quiz, language)
    responses.append(signed_in.get(response["Location"]))
    total = len(attempt.snapshot["questions"])
    for number, question in enumerate(attempt.snapshot["questions"], start=1):
        url = f"/{language}/training/attempt/{attempt.pk}/question/{number}/"
        page = signed_in.get(url)
        assert page.status_code == 200
        responses.append(page)
        # Only the attempt's tokens, never choice ids (ids and their order tell how the quiz was written).
        sent = re.findall(r'name="choice" value="([^"]*)"', page.content.decode())
        assert sent == [choice["token"] for choice in question["choices"]]
        assert not {str(choice["id"]) for choice in question["choices"]} & set(sent)
        posted = signed_in.post(
            url, {"question": question["id"], "choice": [question["choices"][0]["token"]]}, follow=True
        )
        responses.append(posted)
    responses.append(signed_in.get(f"/{language}/training/attempt/{attempt.pk}/review/"))
    responses.append(signed_in.get(f"/{language}/first-module/"))
    responses.append(signed_in.get(f"/{language}/training/"))
    responses.append(signed_in.get(f"/{language}/"))
    responses.append(signed_in.get(f"/{language}/training/attempt/{attempt.pk}/result/", follow=True))
    responses.append(signed_in.get(f"/{language}/training/offline/quiz/{setup.quiz.pk}/"))  # the one-page quiz
    assert responses[-1].content.decode().count('class="quiz-question"') == total
    assert len(responses) == 2 * total + 7
    for page in responses:
        assert page.status_code == 200
        assert_no_leak(page)

    # The result of a failed attempt with retries left (the default review setting) reveals nothing either.
    result = signed_in.post(f"/{language}/training/attempt/{attempt.pk}/submit/", follow=True)
    assert result.status_code == 200 and result.redirect_chain[-1][0].endswith("/result/")
    assert_no_leak(result)


def test_each_next_saves_the_answer_and_start_resumes_at_the_first_unanswered(signed_in, setup):
    response, attempt = start(signed_in, setup.quiz)
    assertRedirects(response, f"/en/training/attempt/{attempt.pk}/question/1/", fetch_redirect_response=False)
    first = attempt.snapshot["questions"][0]
    choice = first["choices"][1]
    response = signed_in.post(response["Location"], {"question": first["id"], "choice": choice["token"]})
    assertRedirects(response, f"/en/training/attempt/{attempt.pk}/question/2/", fetch_redirect_response=False)
    attempt.refresh_from_db()
    assert attempt.answers == {str(first["id"]): [choice["id"]]}

    # Closing the browser and coming back: the same attempt, at question 2, with answer 1 still ticked.
    response, again = start(signed_in, setup.quiz)
    assert again.pk == attempt.pk
    assertRedirects(response, f"/en/training/attempt/{attempt.pk}/question/2/", fetch_redirect_response=False)
    page = signed_in.get(f"/en/training/attempt/{attempt.pk}/question/1/")
    assert re.search(rf'value="{choice["token"]}" checked', page.content.decode())


def test_previous_saves_and_goes_back(signed_in, setup):
    _response, attempt = start(signed_in, setup.quiz)
    second = attempt.snapshot["questions"][1]
    url = f"/en/training/attempt/{attempt.pk}/question/2/"
    response = signed_in.post(url, {"question": second["id"], "choice": second["choices"][0]["token"], "previous": "1"})
    assertRedirects(response, f"/en/training/attempt/{attempt.pk}/question/1/", fetch_redirect_response=False)
    attempt.refresh_from_db()
    assert str(second["id"]) in attempt.answers


def test_last_question_leads_to_review_then_submit_shows_the_result(signed_in, setup):
    _response, attempt = start(signed_in, setup.quiz)
    answers = correct_answers(attempt)
    total = len(attempt.snapshot["questions"])
    for number, question in enumerate(attempt.snapshot["questions"], start=1):
        response = signed_in.post(
            f"/en/training/attempt/{attempt.pk}/question/{number}/",
            {"question": question["id"], "choice": tokens(question, answers[str(question["id"])])},
        )
    assertRedirects(response, f"/en/training/attempt/{attempt.pk}/review/", fetch_redirect_response=False)
    assert number == total
    review = signed_in.get(f"/en/training/attempt/{attempt.pk}/review/")
    assertNotContains(review, "not answered")
    response = signed_in.post(f"/en/training/attempt/{attempt.pk}/submit/")
    assertRedirects(response, f"/en/training/attempt/{attempt.pk}/result/", fetch_redirect_response=False)
    result = signed_in.get(response["Location"])
    assertContains(result, "<strong>100%</strong> · Passed", html=False)


def test_double_submit_shows_the_same_result_and_records_once(signed_in, setup):
    _response, attempt = start(signed_in, setup.quiz)
    url = f"/en/training/attempt/{attempt.pk}/submit/"
    first = signed_in.post(url)
    second = signed_in.post(url)
    assert first["Location"] == second["Location"] == f"/en/training/attempt/{attempt.pk}/result/"
    assert Attempt.objects.filter(learner=setup.learner).count() == 1
    assert Attempt.objects.get().status == AttemptStatus.SUBMITTED


def test_result_is_in_the_learners_language(signed_in, setup):
    setup.quiz.review = ReviewPolicy.EVERY_ATTEMPT
    setup.quiz.save()
    _response, attempt = start(signed_in, setup.quiz)
    signed_in.post(f"/km/training/attempt/{attempt.pk}/submit/")
    km = signed_in.get(f"/km/training/attempt/{attempt.pk}/result/")
    en = signed_in.get(f"/en/training/attempt/{attempt.pk}/result/")
    assertContains(km, f"{SECRET_EXPLANATION} km 0")
    assertNotContains(km, f"{SECRET_EXPLANATION} en 0")
    assertContains(en, f"{SECRET_EXPLANATION} en 0")


# Tampered requests: a clear message, nothing wrong recorded, never a 500


def test_choice_of_another_question_posted_is_refused_with_a_message(signed_in, setup):
    _response, attempt = start(signed_in, setup.quiz)
    first, second = attempt.snapshot["questions"][:2]
    url = f"/en/training/attempt/{attempt.pk}/question/1/"
    response = signed_in.post(url, {"question": first["id"], "choice": second["choices"][0]["token"]}, follow=True)
    assertContains(response, "That answer is not one of this question&#x27;s choices.")
    attempt.refresh_from_db()
    assert attempt.answers == {}


@pytest.mark.parametrize(
    "data",
    [
        {"question": "999999", "choice": "1"},
        {"question": "not-a-number", "choice": "x"},
        {"choice": "1"},
        {"question": "", "choice": ""},
    ],
)
def test_unknown_or_malformed_ids_are_refused_without_error(signed_in, setup, data):
    _response, attempt = start(signed_in, setup.quiz)
    response = signed_in.post(f"/en/training/attempt/{attempt.pk}/question/1/", data, follow=True)
    assert response.status_code == 200
    assertContains(response, 'class="message error"')
    attempt.refresh_from_db()
    assert attempt.answers == {}


def test_question_of_another_quiz_is_refused(signed_in, setup, site_tree):
    other = make_quiz(site_tree.empty_module)
    foreign = other.questions.first()
    _response, attempt = start(signed_in, setup.quiz)
    response = signed_in.post(
        f"/en/training/attempt/{attempt.pk}/question/1/",
        {"question": foreign.pk, "choice": foreign.choices.first().pk},
        follow=True,
    )
    assertContains(response, "That question is not part of this quiz.")
    attempt.refresh_from_db()
    assert attempt.answers == {}


def test_another_learners_attempt_is_not_found(setup, other_learner):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    client = Client()
    client.force_login(other_learner)
    question = attempt.snapshot["questions"][0]
    base = f"/en/training/attempt/{attempt.pk}"
    assert client.get(f"{base}/question/1/").status_code == 404
    assert client.post(f"{base}/question/1/", {"question": question["id"]}).status_code == 404
    assert client.get(f"{base}/review/").status_code == 404
    assert client.post(f"{base}/submit/").status_code == 404
    assert client.get(f"{base}/result/").status_code == 404
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.answers == {}


def test_start_after_the_limit_explains_why(signed_in, site_tree, learner):
    quiz = make_quiz(site_tree.module, attempts_allowed=1)
    attempt_submit(attempt=attempt_start(learner=learner, quiz=quiz), learner=learner)
    response = signed_in.post(f"/en/training/quiz/{quiz.pk}/start/", follow=True)
    assertContains(response, "You have used all 1 attempts at this quiz.")
    assert Attempt.objects.filter(learner=learner).count() == 1


def test_answer_after_submit_goes_to_the_result_and_changes_nothing(signed_in, setup):
    _response, attempt = start(signed_in, setup.quiz)
    signed_in.post(f"/en/training/attempt/{attempt.pk}/submit/")
    question = attempt.snapshot["questions"][0]
    response = signed_in.post(
        f"/en/training/attempt/{attempt.pk}/question/1/",
        {"question": question["id"], "choice": question["choices"][0]["id"]},
    )
    assertRedirects(response, f"/en/training/attempt/{attempt.pk}/result/", fetch_redirect_response=False)
    attempt.refresh_from_db()
    assert attempt.answers == {} and attempt.score == 0


@pytest.mark.parametrize("number", [0, 5, 99])
def test_question_number_out_of_range_is_not_found(signed_in, setup, number):
    _response, attempt = start(signed_in, setup.quiz)
    assert signed_in.get(f"/en/training/attempt/{attempt.pk}/question/{number}/").status_code == 404


def test_unknown_quiz_and_wrong_methods(signed_in, setup):
    assert signed_in.post("/en/training/quiz/999999/start/").status_code == 404
    assert signed_in.get(f"/en/training/quiz/{setup.quiz.pk}/start/").status_code == 405
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    assert signed_in.get(f"/en/training/attempt/{attempt.pk}/submit/").status_code == 405


@pytest.mark.parametrize(
    "path",
    [
        "/en/training/",
        "/en/training/certificate.pdf",
        "/en/training/attempt/1/review/",
        "/en/training/attempt/1/result/",
    ],
)
def test_training_pages_need_sign_in(client, setup, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_anonymous_start_records_nothing(client, setup):
    response = client.post(f"/en/training/quiz/{setup.quiz.pk}/start/")
    assert response.status_code == 302
    assert not Attempt.objects.exists()


def test_an_attempt_open_at_upgrade_gets_tokens_and_can_be_answered(signed_in, setup):
    """The 0007 migration gives choices of attempts opened before tokens existed their tokens."""
    _response, attempt = start(signed_in, setup.quiz)
    snapshot = attempt.snapshot
    for question in snapshot["questions"]:
        for choice in question["choices"]:
            del choice["token"]
    Attempt.objects.filter(pk=attempt.pk).update(snapshot=snapshot)
    importlib.import_module("quizzes.migrations.0007_quiz_review").tokens_for_open_attempts(apps, None)
    attempt.refresh_from_db()
    first = attempt.snapshot["questions"][0]
    values = [choice.get("token") for choice in first["choices"]]
    assert all(values) and len(set(values)) == len(values)
    url = f"/en/training/attempt/{attempt.pk}/question/1/"
    assert signed_in.post(url, {"question": first["id"], "choice": values[0]}).status_code == 302
    attempt.refresh_from_db()
    assert attempt.answers == {str(first["id"]): [first["choices"][0]["id"]]}


def test_question_and_review_screens_name_the_module_without_reading_the_page_tables(signed_in, setup):
    """The module's title and address are kept until the manual changes: a question screen reads the session, the
    account and the attempt, and a module renamed and published shows at once, in each language."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _response, attempt = start(signed_in, setup.quiz)
    for language in ("en", "km"):
        signed_in.get(f"/{language}/training/attempt/{attempt.pk}/question/1/")
    with CaptureQueriesContext(connection) as queries:
        page = signed_in.get(f"/en/training/attempt/{attempt.pk}/question/1/")
        review = signed_in.get(f"/en/training/attempt/{attempt.pk}/review/")
    tables = " ".join(query["sql"] for query in queries)
    assert "wagtailcore_page" not in tables and "quizzes_quiz" not in tables
    module = setup.module
    for response in (page, review):
        assertContains(response, f'<a href="/en/first-module/">{module.title_en}</a>')
    khmer = signed_in.get(f"/km/training/attempt/{attempt.pk}/question/1/")
    assertContains(khmer, f'<a href="/km/first-module/">{module.title_km}</a>')

    module.title_en, module.title_km = "Renamed module", "ម៉ូឌុលប្ដូរឈ្មោះ"
    module.save_revision().publish()
    assertContains(signed_in.get(f"/en/training/attempt/{attempt.pk}/question/1/"), ">Renamed module</a>")
    assertContains(signed_in.get(f"/km/training/attempt/{attempt.pk}/review/"), ">ម៉ូឌុលប្ដូរឈ្មោះ</a>")
