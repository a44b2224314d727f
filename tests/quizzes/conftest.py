"""Fixtures for quizzes: a quiz of every question type on the shared test manual, and learners."""

from types import SimpleNamespace

import pytest

from quizzes.models import QuestionKind, Quiz, Scoring
from tests.factories import ChoiceFactory, QuestionFactory, QuizFactory, UserFactory

PASSWORD = "a-long-test-password"

# Texts that must never reach the browser while an attempt is open.
SECRET_FEEDBACK = "FEEDBACK-SECRET"
SECRET_EXPLANATION = "EXPLANATION-SECRET"


def make_quiz(module, *, pass_mark=60, attempts_allowed=0, wait_minutes=0, shuffle=False) -> Quiz:
    """Four questions: single choice, multiple (all or nothing), multiple (partial credit), true/false."""
    quiz = QuizFactory(
        module=module,
        pass_mark=pass_mark,
        attempts_allowed=attempts_allowed,
        wait_minutes=wait_minutes,
        shuffle_questions=shuffle,
        shuffle_choices=shuffle,
    )
    single = [("A trusted adult", True), ("Nobody", False), ("The suspect", False)]
    strict = [("Quiet room", True), ("Own words", True), ("Shouting", False)]
    partial = [("Referral", True), ("Privacy", True), ("Publicity", False), ("Threats", False)]
    true_false = [("True", False), ("False", True)]
    specs = [
        (QuestionKind.SINGLE, Scoring.ALL_OR_NOTHING, "Who should be present?", single),
        (QuestionKind.MULTIPLE, Scoring.ALL_OR_NOTHING, "Which are safe?", strict),
        (QuestionKind.MULTIPLE, Scoring.PARTIAL, "Which help?", partial),
        (QuestionKind.TRUE_FALSE, Scoring.ALL_OR_NOTHING, "Repeat interviews often?", true_false),
    ]
    for index, (kind, scoring, text, choices) in enumerate(specs):
        question = QuestionFactory(
            quiz=quiz,
            kind=kind,
            scoring=scoring,
            text_km=f"សំណួរ {index + 1}",
            text_en=text,
            explanation_km=f"{SECRET_EXPLANATION} km {index}",
            explanation_en=f"{SECRET_EXPLANATION} en {index}",
            sort_order=index,
        )
        for position, (label, correct) in enumerate(choices):
            ChoiceFactory(
                question=question,
                text_km=f"ជម្រើស {label}",
                text_en=label,
                is_correct=correct,
                feedback_km=f"{SECRET_FEEDBACK} km {label}",
                feedback_en=f"{SECRET_FEEDBACK} en {label}",
                sort_order=position,
            )
    return quiz


def correct_answers(attempt) -> dict:
    return {str(q["id"]): [c["id"] for c in q["choices"] if c["correct"]] for q in attempt.snapshot["questions"]}


def wrong_answers(attempt) -> dict:
    return {
        str(q["id"]): [next(c["id"] for c in q["choices"] if not c["correct"])] for q in attempt.snapshot["questions"]
    }


def make_user(username: str, **extra):
    return UserFactory(username=username, password=PASSWORD, **extra)


@pytest.fixture
def quiz(site_tree):
    return make_quiz(site_tree.module)


@pytest.fixture
def learner(db):
    return make_user("learner1", first_name="Sokha", last_name="Chan")


@pytest.fixture
def other_learner(db):
    return make_user("learner2")


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def setup(site_tree, quiz, learner):
    return SimpleNamespace(tree=site_tree, quiz=quiz, learner=learner, module=site_tree.module)
