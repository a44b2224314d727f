"""Write transactions: the SQLite file lock is used only where the platform has fcntl; writes work without it."""

import pytest
from django.db import connection

from quizzes import transactions
from quizzes.attempts import attempt_start, attempt_submit
from quizzes.models import AttemptStatus
from tests.quizzes.conftest import correct_answers

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the file lock is SQLite's only")
def test_a_sqlite_file_database_queues_writers_on_a_lock_file_next_to_it():
    name = str(connection.settings_dict["NAME"])
    assert transactions._lock_path(connection) == f"{name}.write-lock"


def test_without_fcntl_there_is_no_file_lock_and_quizzes_still_work(setup, monkeypatch):
    """As on Windows, where fcntl does not exist: the database's own locking keeps writes correct."""
    monkeypatch.setattr(transactions, "fcntl", None)
    assert transactions._lock_path(connection) is None
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    attempt = attempt_submit(attempt=attempt, learner=setup.learner, answers=correct_answers(attempt))
    assert (attempt.status, attempt.score) == (AttemptStatus.SUBMITTED, 100)
