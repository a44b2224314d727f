"""Authoring quizzes in the Wagtail admin: nested questions and choices, both languages, validation."""

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import escape

from quizzes.attempts import attempt_start
from quizzes.forms import NEEDS_A_CORRECT_CHOICE, SINGLE_NEEDS_ONE_CORRECT, TRUE_FALSE_SHAPE
from quizzes.models import Choice, Question, Quiz
from quizzes.wagtail_hooks import MODULE_IN_USE, QUIZ_TAKEN
from tests.quizzes.conftest import make_quiz

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/quizzes/quiz/add/"


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("boss", password="a-long-test-password")
    client.force_login(user)
    return client


def formset(prefix: str, forms: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(forms)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, form in enumerate(forms):
        for key, value in form.items():
            data[f"{prefix}-{index}-{key}"] = value
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
        data[f"{prefix}-{index}-id"] = ""
        data[f"{prefix}-{index}-DELETE"] = ""
    return data


def question(index: int, kind: str, choices: list[tuple[str, bool]], scoring="all") -> dict:
    prefix = f"questions-{index}"
    data = {
        f"{prefix}-kind": kind,
        f"{prefix}-scoring": scoring,
        f"{prefix}-text_km": f"សំណួរ {index}",
        f"{prefix}-text_en": f"Question {index}",
        f"{prefix}-explanation_km": "ការពន្យល់",
        f"{prefix}-explanation_en": "Explanation",
        f"{prefix}-image": "",
    }
    data.update(
        formset(
            f"{prefix}-choices",
            [
                {
                    "text_km": f"ជម្រើស {label}",
                    "text_en": label,
                    "is_correct": "on" if correct else "",
                    "feedback_km": "មតិ",
                    "feedback_en": "Feedback",
                }
                for label, correct in choices
            ],
        )
    )
    return data


def quiz_form(module, questions: list[dict]) -> dict:
    data = {
        "module": str(module.pk),
        "title_km": "សំណួរ",
        "title_en": "Quiz",
        "intro_km": "",
        "intro_en": "",
        "pass_mark": "70",
        "attempts_allowed": "0",
        "wait_minutes": "0",
        "review": "finished",
        "questions-TOTAL_FORMS": str(len(questions)),
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
    }
    for index, item in enumerate(questions):
        data.update(item)
        data[f"questions-{index}-ORDER"] = str(index + 1)
        data[f"questions-{index}-id"] = ""
        data[f"questions-{index}-DELETE"] = ""
    return data


def test_add_view_shows_khmer_and_english_fields_for_quiz_questions_and_choices(admin_client, site_tree):
    response = admin_client.get(ADD_URL)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("title_km", "title_en", "questions-0-text_km", "questions-0-text_en", "questions-0-choices-0-text_km"):
        assert f'name="{name}"' in html, name
    for name in ("questions-0-choices-0-feedback_en", "questions-0-explanation_km"):
        assert f'name="{name}"' in html, name


def test_a_quiz_with_nested_questions_and_choices_is_saved(admin_client, site_tree):
    data = quiz_form(
        site_tree.module,
        [
            question(0, "single", [("A", True), ("B", False)]),
            question(1, "multiple", [("A", True), ("B", True), ("C", False)], scoring="partial"),
            question(2, "true_false", [("True", True), ("False", False)]),
        ],
    )
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = Quiz.objects.get()
    assert (quiz.module_id, quiz.title_km, quiz.title_en) == (site_tree.module.pk, "សំណួរ", "Quiz")
    questions = list(quiz.questions.order_by("sort_order"))
    assert [q.kind for q in questions] == ["single", "multiple", "true_false"]
    assert questions[1].scoring == "partial"
    assert [c.text_en for c in questions[1].choices.order_by("sort_order")] == ["A", "B", "C"]
    assert Choice.objects.filter(question__quiz=quiz, is_correct=True).count() == 4


@pytest.mark.parametrize(
    ("kind", "choices", "message"),
    [
        ("single", [("A", True), ("B", True)], SINGLE_NEEDS_ONE_CORRECT),
        ("single", [("A", False), ("B", False)], NEEDS_A_CORRECT_CHOICE),
        ("multiple", [("A", False), ("B", False)], NEEDS_A_CORRECT_CHOICE),
        ("true_false", [("True", True), ("False", False), ("Maybe", False)], TRUE_FALSE_SHAPE),
        ("true_false", [("True", True), ("False", True)], TRUE_FALSE_SHAPE),
    ],
)
def test_invalid_questions_are_refused_with_a_message(admin_client, site_tree, kind, choices, message):
    response = admin_client.post(ADD_URL, quiz_form(site_tree.module, [question(0, kind, choices)]))
    assert response.status_code == 200
    assert str(message) in response.content.decode()
    assert not Quiz.objects.exists() and not Question.objects.exists()


def test_edit_view_loads_an_existing_quiz(admin_client, site_tree):
    quiz = make_quiz(site_tree.module)
    response = admin_client.get(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/")
    assert response.status_code == 200
    assert "Repeat interviews often?" in response.content.decode()


def test_listing_shows_quizzes(admin_client, site_tree):
    make_quiz(site_tree.module)
    response = admin_client.get("/admin/snippets/quizzes/quiz/")
    assert response.status_code == 200
    assert "សំណួរម៉ូឌុល" in response.content.decode() or "Module quiz" in response.content.decode()


def test_a_taken_quiz_cannot_be_deleted_and_says_why(admin_client, setup):
    attempt_start(learner=setup.learner, quiz=setup.quiz)
    response = admin_client.post(f"/admin/snippets/quizzes/quiz/delete/{setup.quiz.pk}/", follow=True)
    assert response.status_code == 200
    assert str(QUIZ_TAKEN) in response.content.decode()
    assert Quiz.objects.filter(pk=setup.quiz.pk).exists()


def test_a_quiz_nobody_took_can_be_deleted(admin_client, setup):
    response = admin_client.post(f"/admin/snippets/quizzes/quiz/delete/{setup.quiz.pk}/")
    assert response.status_code == 302
    assert not Quiz.objects.exists()


def test_a_module_with_a_quiz_cannot_be_deleted_and_says_why(admin_client, setup):
    response = admin_client.post(f"/admin/pages/{setup.module.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert escape(str(MODULE_IN_USE)) in response.content.decode()
    assert Quiz.objects.filter(module=setup.module).exists()
