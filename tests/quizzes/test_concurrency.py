"""Parallel requests (threads, each with its own database connection) never exceed limits or record twice.

Runs on SQLite (IMMEDIATE transactions) and on PostgreSQL (row locks) alike: `make test` runs both.
"""

import threading

import pytest
from django.db import connections
from django.test import Client

from learners.models import Province
from quizzes.attempts import NO_ATTEMPTS_LEFT, attempt_start, attempt_submit
from quizzes.models import Attempt, AttemptStatus, ModuleCompletion, QuestionTally, QuizTally
from quizzes.tallies import tallies_as_computed, tallies_as_kept, tallies_fold
from tests.factories import LearnerProfileFactory
from tests.quizzes.conftest import correct_answers, make_quiz, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 6


def run_in_parallel(target, count=THREADS) -> list:
    """Call target(index) from `count` threads released together; return results (or exceptions) by index."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def worker(index):
        try:
            barrier.wait(timeout=10)
            results[index] = target(index)
        except Exception as error:  # noqa: BLE001  (the test inspects what each thread got)
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results


@pytest.fixture(scope="module", autouse=True)
def _restore_migrated_data(django_db_blocker):
    """Transactional tests end by emptying every table; tests that run after them (pytest-django orders
    tests without a database marker last) expect what migrations created (root page, locales, provinces)."""
    yield
    with django_db_blocker.unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture
def shared(site_tree):
    return site_tree


def test_concurrent_starts_create_one_attempt(shared):
    learner = make_user("racer")
    quiz = make_quiz(shared.module)
    results = run_in_parallel(lambda i: attempt_start(learner=learner, quiz=quiz).pk)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert len(set(results)) == 1
    assert Attempt.objects.filter(learner=learner).count() == 1


def test_with_the_one_allowed_attempt_used_no_racing_start_gets_through(shared):
    """One attempt allowed and used: every racing start is refused (an off-by-one would let the first through)."""
    learner = make_user("limited")
    quiz = make_quiz(shared.module, attempts_allowed=1)
    attempt_submit(attempt=attempt_start(learner=learner, quiz=quiz), learner=learner)
    results = run_in_parallel(lambda _index: attempt_start(learner=learner, quiz=quiz))
    assert [getattr(r, "message", r) for r in results] == [NO_ATTEMPTS_LEFT] * THREADS
    assert Attempt.objects.filter(learner=learner).count() == 1


def test_racing_start_and_submit_use_the_last_attempt_once(shared):
    """Two attempts allowed, one used: exactly one racer gets attempt 2; the others resume it or are refused."""
    learner = make_user("racing")
    quiz = make_quiz(shared.module, attempts_allowed=2)
    attempt_submit(attempt=attempt_start(learner=learner, quiz=quiz), learner=learner)

    def start_and_submit(_index):
        attempt = attempt_start(learner=learner, quiz=quiz)
        attempt_submit(attempt=attempt, learner=learner)
        return attempt.number

    results = run_in_parallel(start_and_submit)
    assert {getattr(r, "message", r) for r in results} <= {2, NO_ATTEMPTS_LEFT}, results
    assert 2 in results
    assert sorted(Attempt.objects.filter(learner=learner).values_list("number", flat=True)) == [1, 2]


def test_parallel_submit_requests_record_once_and_show_the_same_result(shared):
    learner = make_user("doubletap")
    quiz = make_quiz(shared.module)
    attempt = attempt_start(learner=learner, quiz=quiz)
    for question_id, choice_ids in correct_answers(attempt).items():
        attempt.answers[question_id] = choice_ids
    attempt.save()
    url = f"/en/training/attempt/{attempt.pk}/submit/"

    def submit(_index):
        client = Client()
        client.force_login(learner)
        response = client.post(url)
        return response.status_code, response["Location"]

    results = run_in_parallel(submit)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert set(results) == {(302, f"/en/training/attempt/{attempt.pk}/result/")}
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (AttemptStatus.SUBMITTED, 100)
    assert Attempt.objects.filter(learner=learner).count() == 1


def test_parallel_lesson_views_and_submit_complete_the_module_once(shared):
    learner = make_user("reader")
    quiz = make_quiz(shared.module)
    attempt = attempt_start(learner=learner, quiz=quiz)
    answers = correct_answers(attempt)
    paths = [f"/en/first-module/{lesson.slug}/" for lesson in shared.lessons]

    def act(index):
        client = Client()
        client.force_login(learner)
        if index < len(paths):
            return client.get(paths[index]).status_code
        attempt_submit(attempt=attempt, learner=learner, answers=answers)
        return 200

    results = run_in_parallel(act, count=len(paths) + 2)
    assert results == [200] * (len(paths) + 2), results
    assert ModuleCompletion.objects.filter(learner=learner, module=shared.module).count() == 1


def test_submissions_racing_a_fold_are_each_counted_once(shared):
    """A fold runs while learners of one group submit: each submission is folded by it or by the next one, never
    twice, never lost (each learner's first attempt at the quiz counts one learner who tried)."""
    quiz = make_quiz(shared.module)
    learners = [make_user(f"group{i}") for i in range(THREADS - 1)]
    for learner in learners:
        LearnerProfileFactory(user=learner, province=Province.objects.get(pk="07"))
    started = [attempt_start(learner=learner, quiz=quiz) for learner in learners]

    def submit_or_fold(index):
        if index == THREADS - 1:
            return tallies_fold()
        attempt = started[index]
        return attempt_submit(attempt=attempt, learner=learners[index], answers=correct_answers(attempt))

    results = run_in_parallel(submit_or_fold)
    assert all(isinstance(result, Attempt) for result in results[:-1]), results
    tallies_fold()
    tally = QuizTally.objects.get(quiz=quiz)
    assert (tally.tried, tally.passed, tally.submitted) == (THREADS - 1,) * 3
    assert set(QuestionTally.objects.values_list("answered", flat=True)) == {THREADS - 1}
    assert tallies_as_kept() == tallies_as_computed()
