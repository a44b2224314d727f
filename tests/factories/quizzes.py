"""Quizzes, questions and choices (snippets, both languages), and attempts made by the quiz services.

An attempt is started and, given `answers=`, submitted through `quizzes.attempts`, which grade it and record
completion: a test never writes a score or a completion the services would not have written.
"""

import factory
from factory.django import DjangoModelFactory

from quizzes.attempts import attempt_start, attempt_submit
from quizzes.models import Attempt, Choice, Question, QuestionKind, Quiz, Scoring

from .people import UserFactory


class QuizFactory(DjangoModelFactory):
    """A quiz without questions for `module=` (a module page has at most one quiz)."""

    title_km = "សំណួរម៉ូឌុល"
    title_en = "Module quiz"
    title = factory.SelfAttribute("title_km")
    intro_km = "សូមឆ្លើយសំណួរ។"
    intro_en = "Answer the questions."
    pass_mark = 60
    attempts_allowed = 0
    wait_minutes = 0
    shuffle_questions = False
    shuffle_choices = False

    class Meta:
        model = Quiz


class QuestionFactory(DjangoModelFactory):
    quiz = factory.SubFactory(QuizFactory)
    kind = QuestionKind.SINGLE
    scoring = Scoring.ALL_OR_NOTHING
    text_en = factory.Sequence(lambda n: f"Question {n}?")
    text_km = factory.Sequence(lambda n: f"សំណួរ {n}?")
    text = factory.SelfAttribute("text_en")
    explanation_km = ""
    explanation_en = ""
    sort_order = factory.Sequence(int)

    class Meta:
        model = Question


class ChoiceFactory(DjangoModelFactory):
    question = factory.SubFactory(QuestionFactory)
    text_en = factory.Sequence(lambda n: f"Choice {n}")
    text_km = factory.Sequence(lambda n: f"ជម្រើស {n}")
    text = factory.SelfAttribute("text_en")
    is_correct = False
    feedback_km = ""
    feedback_en = ""
    sort_order = factory.Sequence(int)

    class Meta:
        model = Choice


class AttemptFactory(factory.Factory):
    """`attempt_start` for `learner` on `quiz`; with `answers=` (question id -> choice ids, or a function of the
    open attempt, such as tests.quizzes.conftest.correct_answers) also `attempt_submit`."""

    learner = factory.SubFactory(UserFactory)
    quiz = factory.SubFactory(QuizFactory)
    answers = None
    now = None

    class Meta:
        model = Attempt

    @classmethod
    def _create(cls, model_class, *, learner, quiz, answers, now):
        attempt = attempt_start(learner=learner, quiz=quiz, now=now)
        if answers is None:
            return attempt
        if callable(answers):
            answers = answers(attempt)
        return attempt_submit(attempt=attempt, learner=learner, answers=answers, now=now)

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("An attempt exists only once attempt_start has made it: use create().")
