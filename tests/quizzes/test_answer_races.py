"""Answers saved while the same attempt is being submitted: each acknowledged answer is graded, or refused with
ATTEMPT_CLOSED; none is acknowledged and then lost. Runs on SQLite and on PostgreSQL (`make test` runs both).

The first test forces the dangerous interleaving instead of hoping for it: the submission is held between
reading the attempt again inside its transaction and writing it back, while an answer is saved. With the
learner's lock (a row lock on PostgreSQL, the write lock on SQLite) the answer waits and is refused; without
it, it is saved and then overwritten by the stale copy, and the test fails every time.
"""

import threading

import pytest
from django.db import connections

from quizzes.attempts import ATTEMPT_CLOSED, QuizError, attempt_answer, attempt_start, attempt_submit
from quizzes.models import Attempt, AttemptStatus
from tests.quizzes.conftest import make_quiz, make_user
from tests.quizzes.test_concurrency import _restore_migrated_data, run_in_parallel  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HOLD_SECONDS = 1.5  # how long the held submission waits for the answer to get through (it must not)
ROUNDS = 5


def first_choice(question: dict) -> list[int]:
    return [question["choices"][0]["id"]]


def test_an_answer_saved_while_a_submission_is_held_is_refused_not_lost(site_tree, monkeypatch):
    learner = make_user("held")
    attempt = attempt_start(learner=learner, quiz=make_quiz(site_tree.module))
    question = attempt.snapshot["questions"][0]
    closing = threading.Event()
    answered = threading.Event()
    real_save = Attempt.save

    def held_save(self, *args, **kwargs):
        if self.status == AttemptStatus.SUBMITTED and not closing.is_set():
            closing.set()  # the submission has read the attempt again inside its transaction, and now writes
            answered.wait(timeout=HOLD_SECONDS)
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Attempt, "save", held_save)
    outcome = {}

    def submit():
        try:
            attempt_submit(attempt=attempt, learner=learner)
        finally:
            connections.close_all()

    def answer():
        try:
            assert closing.wait(timeout=10)
            attempt_answer(
                attempt=attempt, learner=learner, question_id=question["id"], choice_ids=first_choice(question)
            )
            outcome["saved"] = True
        except QuizError as error:
            outcome["refused"] = error.message
        finally:
            answered.set()
            connections.close_all()

    threads = [threading.Thread(target=submit), threading.Thread(target=answer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    stored = Attempt.objects.get(pk=attempt.pk)
    assert stored.status == AttemptStatus.SUBMITTED
    if outcome.get("saved"):  # acknowledged: it must have been graded
        assert stored.answers.get(str(question["id"])) == first_choice(question), "acknowledged answer lost"
    assert outcome == {"refused": ATTEMPT_CLOSED}


def test_parallel_answer_saves_and_a_submit_lose_no_acknowledged_answer(site_tree):
    quiz = make_quiz(site_tree.module)
    for round_number in range(ROUNDS):
        learner = make_user(f"racer{round_number}")
        attempt = attempt_start(learner=learner, quiz=quiz)
        questions = attempt.snapshot["questions"]

        def act(index, attempt=attempt, learner=learner, questions=questions):
            if index == len(questions):
                return attempt_submit(attempt=attempt, learner=learner).pk
            question = questions[index]
            attempt_answer(
                attempt=attempt, learner=learner, question_id=question["id"], choice_ids=first_choice(question)
            )
            return str(question["id"])

        results = run_in_parallel(act, count=len(questions) + 1)
        stored = Attempt.objects.get(pk=attempt.pk)
        assert stored.status == AttemptStatus.SUBMITTED
        acknowledged = [r for r in results[:-1] if isinstance(r, str)]
        refused = [r for r in results[:-1] if not isinstance(r, str)]
        assert results[-1] == attempt.pk
        assert all(isinstance(r, QuizError) and r.message == ATTEMPT_CLOSED for r in refused), refused
        by_id = {str(q["id"]): q for q in questions}
        for question_id in acknowledged:
            assert stored.answers.get(question_id) == first_choice(by_id[question_id]), (round_number, question_id)
            assert question_id in stored.results
        assert set(stored.answers) == set(acknowledged)
