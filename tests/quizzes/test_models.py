"""Invariants the database itself enforces, whatever code writes the rows."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from quizzes.attempts import attempt_start, attempt_submit
from quizzes.models import Attempt, AttemptStatus, ModuleCompletion

pytestmark = pytest.mark.django_db


def raw_attempt(setup, **fields) -> Attempt:
    values = {
        "learner": setup.learner,
        "quiz": setup.quiz,
        "number": 1,
        "started_at": timezone.now(),
        "snapshot": {"pass_mark": 60, "questions": []},
    }
    values.update(fields)
    return Attempt(**values)


def assert_refused(instance):
    with pytest.raises(IntegrityError), transaction.atomic():
        instance.save()


def test_two_attempts_in_progress_are_refused(setup):
    raw_attempt(setup, number=1).save()
    assert_refused(raw_attempt(setup, number=2))


def test_attempt_numbers_are_unique_per_learner_and_quiz(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    attempt_submit(attempt=attempt, learner=setup.learner)
    assert_refused(raw_attempt(setup, number=1))


@pytest.mark.parametrize("score", [101, 250])
def test_score_outside_0_to_100_is_refused(setup, score):
    now = timezone.now()
    assert_refused(raw_attempt(setup, status=AttemptStatus.SUBMITTED, score=score, passed=True, submitted_at=now))


def test_a_submitted_attempt_must_be_graded(setup):
    assert_refused(raw_attempt(setup, status=AttemptStatus.SUBMITTED))


def test_an_open_attempt_cannot_carry_a_score(setup):
    assert_refused(raw_attempt(setup, score=50, passed=False))


def test_one_completion_per_learner_and_module(setup):
    ModuleCompletion.objects.create(learner=setup.learner, module=setup.module, completed_at=timezone.now())
    assert_refused(ModuleCompletion(learner=setup.learner, module=setup.module, completed_at=timezone.now()))


def test_pass_mark_between_1_and_100(setup):
    setup.quiz.pass_mark = 101
    with pytest.raises(IntegrityError), transaction.atomic():
        setup.quiz.save()
