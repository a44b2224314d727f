"""Grading, attempt limits, resuming, idempotent submission, snapshots and tampered input (quizzes.attempts,
quizzes.grading)."""

from datetime import timedelta
from fractions import Fraction

import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from quizzes import attempts
from quizzes.attempts import (
    ATTEMPT_CLOSED,
    CHOOSE_ONE,
    NO_ATTEMPTS_LEFT,
    NOT_YOUR_ATTEMPT,
    QUIZ_NOT_READY,
    UNKNOWN_CHOICE,
    UNKNOWN_QUESTION,
    WAIT_BEFORE_RETRY,
    QuizError,
    attempt_answer,
    attempt_start,
    attempt_submit,
)
from quizzes.grading import grade, is_passed, score_percent
from quizzes.models import Attempt, AttemptStatus, Choice, Question, QuestionKind
from tests.quizzes.conftest import correct_answers, make_quiz, wrong_answers

pytestmark = pytest.mark.django_db


def questions_by_kind(attempt) -> dict:
    return {(q["kind"], q["scoring"]): q for q in attempt.snapshot["questions"]}


def test_all_correct_answers_score_100_and_pass(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    attempt = attempt_submit(attempt=attempt, learner=setup.learner, answers=correct_answers(attempt))
    assert (attempt.score, attempt.passed, attempt.status) == (100, True, AttemptStatus.SUBMITTED)
    assert all(mark["correct"] for mark in attempt.results.values())


def test_all_wrong_answers_score_0_and_fail(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    attempt = attempt_submit(attempt=attempt, learner=setup.learner, answers=wrong_answers(attempt))
    assert (attempt.score, attempt.passed) == (0, False)


def test_unanswered_questions_count_as_wrong(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    attempt = attempt_submit(attempt=attempt, learner=setup.learner)
    assert attempt.score == 0 and attempt.passed is False


def test_partial_credit_counts_each_right_choice_minus_wrong_ones(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    partial = questions_by_kind(attempt)[("multiple", "partial")]
    right = [c["id"] for c in partial["choices"] if c["correct"]]
    wrong = [c["id"] for c in partial["choices"] if not c["correct"]]
    snapshot = attempt.snapshot
    qid = str(partial["id"])
    assert grade(snapshot=snapshot, answers={qid: right[:1]})[0][qid]["points"] == 0.5
    assert grade(snapshot=snapshot, answers={qid: right})[0][qid]["points"] == 1.0
    assert grade(snapshot=snapshot, answers={qid: [*right[:1], wrong[0]]})[0][qid]["points"] == 0.0
    assert grade(snapshot=snapshot, answers={qid: [*right, wrong[0]]})[0][qid]["points"] == 0.5


def test_all_or_nothing_multiple_select_gives_no_credit_for_half(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    strict = questions_by_kind(attempt)[("multiple", "all")]
    right = [c["id"] for c in strict["choices"] if c["correct"]]
    qid = str(strict["id"])
    assert grade(snapshot=attempt.snapshot, answers={qid: right[:1]})[0][qid]["points"] == 0.0


def test_score_is_floored_and_pass_is_exact(setup):
    """3.5 of 4 questions is 87.5%: shown as 87, and a pass mark of 88 is not reached."""
    setup.quiz.pass_mark = 88
    setup.quiz.save()
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    answers = correct_answers(attempt)
    partial = questions_by_kind(attempt)[("multiple", "partial")]
    answers[str(partial["id"])] = answers[str(partial["id"])][:1]
    attempt = attempt_submit(attempt=attempt, learner=setup.learner, answers=answers)
    assert (attempt.score, attempt.passed) == (87, False)


def test_start_resumes_the_open_attempt_with_its_saved_answers(setup):
    first = attempt_start(learner=setup.learner, quiz=setup.quiz)
    question = first.snapshot["questions"][0]
    attempt_answer(
        attempt=first, learner=setup.learner, question_id=question["id"], choice_ids=[question["choices"][0]["id"]]
    )
    again = attempt_start(learner=setup.learner, quiz=setup.quiz)
    assert again.pk == first.pk
    assert again.answers == {str(question["id"]): [question["choices"][0]["id"]]}
    assert Attempt.objects.count() == 1


def test_answering_with_no_choice_clears_the_answer(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    question = attempt.snapshot["questions"][0]
    attempt_answer(
        attempt=attempt, learner=setup.learner, question_id=question["id"], choice_ids=[question["choices"][0]["id"]]
    )
    attempt = attempt_answer(attempt=attempt, learner=setup.learner, question_id=question["id"], choice_ids=[])
    assert attempt.answers == {}


def test_attempt_limit_is_enforced(site_tree, learner):
    quiz = make_quiz(site_tree.module, attempts_allowed=2)
    for number in (1, 2):
        attempt = attempt_start(learner=learner, quiz=quiz)
        assert attempt.number == number
        attempt_submit(attempt=attempt, learner=learner)
    with pytest.raises(QuizError) as error:
        attempt_start(learner=learner, quiz=quiz)
    assert error.value.message == NO_ATTEMPTS_LEFT
    assert str(error.value) == str(NO_ATTEMPTS_LEFT) % {"allowed": 2}
    assert Attempt.objects.filter(learner=learner).count() == 2


def test_waiting_time_between_attempts(site_tree, learner):
    quiz = make_quiz(site_tree.module, wait_minutes=30)
    now = timezone.now()
    attempt = attempt_start(learner=learner, quiz=quiz, now=now)
    attempt_submit(attempt=attempt, learner=learner, now=now)
    with pytest.raises(QuizError) as error:
        attempt_start(learner=learner, quiz=quiz, now=now + timedelta(minutes=10))
    assert error.value.message == WAIT_BEFORE_RETRY
    assert error.value.params == {"minutes": 21}
    assert attempt_start(learner=learner, quiz=quiz, now=now + timedelta(minutes=31)).number == 2


def test_submitting_twice_records_once_and_returns_the_same_result(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    first = attempt_submit(attempt=attempt, learner=setup.learner, answers=correct_answers(attempt))
    second = attempt_submit(attempt=attempt, learner=setup.learner, answers=wrong_answers(attempt))
    assert (second.pk, second.score, second.passed, second.submitted_at) == (
        first.pk,
        first.score,
        first.passed,
        first.submitted_at,
    )
    assert Attempt.objects.get().score == 100


def test_editing_the_quiz_never_changes_past_or_open_attempts(setup):
    """History does not move: correctness flipped, a question deleted and a new one added after the attempt began."""
    done = attempt_start(learner=setup.learner, quiz=setup.quiz)
    done = attempt_submit(attempt=done, learner=setup.learner, answers=correct_answers(done))
    open_attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    answers = correct_answers(open_attempt)

    Choice.objects.filter(question__quiz=setup.quiz).update(is_correct=False)
    Question.objects.filter(quiz=setup.quiz, kind=QuestionKind.TRUE_FALSE).delete()
    new = Question.objects.create(quiz=setup.quiz, kind=QuestionKind.SINGLE, text="New", text_en="New", sort_order=9)
    Choice.objects.create(question=new, text="x", text_en="x", is_correct=True)
    setup.quiz.pass_mark = 100
    setup.quiz.save()

    open_attempt = attempt_submit(attempt=open_attempt, learner=setup.learner, answers=answers)
    done.refresh_from_db()
    assert (done.score, done.passed) == (100, True)
    assert (open_attempt.score, open_attempt.passed, open_attempt.pass_mark) == (100, True, 60)
    assert len(open_attempt.snapshot["questions"]) == 4


@pytest.mark.parametrize("shuffle", [False, True])
def test_snapshot_keeps_every_question_and_choice(site_tree, learner, shuffle):
    quiz = make_quiz(site_tree.module, shuffle=shuffle)
    attempt = attempt_start(learner=learner, quiz=quiz)
    ids = {q["id"] for q in attempt.snapshot["questions"]}
    assert ids == set(quiz.questions.values_list("pk", flat=True))
    for question in attempt.snapshot["questions"]:
        assert {c["id"] for c in question["choices"]} == set(
            Choice.objects.filter(question_id=question["id"]).values_list("pk", flat=True)
        )


def test_quiz_without_valid_questions_cannot_start(setup):
    Choice.objects.filter(question__quiz=setup.quiz).update(is_correct=False)
    with pytest.raises(QuizError) as error:
        attempt_start(learner=setup.learner, quiz=setup.quiz)
    assert error.value.message == QUIZ_NOT_READY
    assert not Attempt.objects.exists()


# Tampered input: a clear error, nothing recorded


def test_choice_from_another_question_is_refused(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    first, second = attempt.snapshot["questions"][:2]
    with pytest.raises(QuizError) as error:
        attempt_answer(
            attempt=attempt, learner=setup.learner, question_id=first["id"], choice_ids=[second["choices"][0]["id"]]
        )
    assert error.value.message == UNKNOWN_CHOICE
    attempt.refresh_from_db()
    assert attempt.answers == {}


@pytest.mark.parametrize("choice", ["999999", "abc", None, "1.5"])
def test_unknown_or_malformed_choice_is_refused(setup, choice):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    question = attempt.snapshot["questions"][0]
    with pytest.raises(QuizError) as error:
        attempt_answer(attempt=attempt, learner=setup.learner, question_id=question["id"], choice_ids=[choice])
    assert error.value.message == UNKNOWN_CHOICE


def test_question_from_another_quiz_is_refused(setup, site_tree):
    other = make_quiz(site_tree.empty_module)
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    foreign = other.questions.first()
    with pytest.raises(QuizError) as error:
        attempt_answer(
            attempt=attempt, learner=setup.learner, question_id=foreign.pk, choice_ids=[foreign.choices.first().pk]
        )
    assert error.value.message == UNKNOWN_QUESTION
    with pytest.raises(QuizError):
        attempt_submit(attempt=attempt, learner=setup.learner, answers={str(foreign.pk): [foreign.choices.first().pk]})
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.answers == {}


def test_two_answers_to_a_single_choice_question_are_refused(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    single = questions_by_kind(attempt)[("single", "all")]
    with pytest.raises(QuizError) as error:
        attempt_answer(
            attempt=attempt,
            learner=setup.learner,
            question_id=single["id"],
            choice_ids=[c["id"] for c in single["choices"]],
        )
    assert error.value.message == CHOOSE_ONE


def test_answer_after_submission_is_refused(setup):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    attempt_submit(attempt=attempt, learner=setup.learner)
    question = attempt.snapshot["questions"][0]
    with pytest.raises(QuizError) as error:
        attempt_answer(
            attempt=attempt,
            learner=setup.learner,
            question_id=question["id"],
            choice_ids=[question["choices"][0]["id"]],
        )
    assert error.value.message == ATTEMPT_CLOSED


def test_another_learner_cannot_answer_or_submit(setup, other_learner):
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    question = attempt.snapshot["questions"][0]
    for action in (
        lambda: attempt_answer(attempt=attempt, learner=other_learner, question_id=question["id"], choice_ids=[]),
        lambda: attempt_submit(attempt=attempt, learner=other_learner),
    ):
        with pytest.raises(QuizError) as error:
            action()
        assert error.value.message == NOT_YOUR_ATTEMPT
    attempt.refresh_from_db()
    assert attempt.is_open


def test_submitting_saves_the_attempt_through_the_orm_so_its_signals_fire(setup):
    """Receivers on Attempt (audit, caches) see every submission, as they would any other save, told which
    columns closing wrote (the snapshot is not written again)."""
    seen = []

    def receiver(sender, instance, created, update_fields, **kwargs):
        seen.append((instance.pk, instance.status, instance.score, created, update_fields))

    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    post_save.connect(receiver, sender=Attempt)
    try:
        attempt_submit(attempt=attempt, learner=setup.learner, answers=correct_answers(attempt))
    finally:
        post_save.disconnect(receiver, sender=Attempt)
    closing = frozenset({"answers", "results", "score", "passed", "status", "submitted_at"})
    assert seen == [(attempt.pk, AttemptStatus.SUBMITTED, 100, False, closing)]


def test_a_submission_reads_the_snapshot_once_and_does_not_write_it_again(setup):
    """The attempt's snapshot is read once (before the lock; inside it only status and answers are read again),
    and only the closing columns are written back."""
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    with CaptureQueriesContext(connection) as queries:
        attempt_submit(attempt=attempt, learner=setup.learner, answers=wrong_answers(attempt))
    statements = [q["sql"] for q in queries.captured_queries]
    reads = [sql for sql in statements if sql.startswith("SELECT") and '"quizzes_attempt"."snapshot"' in sql]
    updates = [sql for sql in statements if sql.startswith('UPDATE "quizzes_attempt"')]
    assert len(reads) == 1, statements
    assert len(updates) == 1, statements
    assert '"snapshot"' not in updates[0]
    assert Attempt.objects.get(pk=attempt.pk).snapshot == attempt.snapshot


@pytest.mark.parametrize(
    ("fraction", "pass_mark", "score", "passed"),
    [
        (Fraction(7, 10), 70, 70, True),
        (Fraction(2, 3), 67, 66, False),  # 66.7%: floored, and not a pass at 67
        (Fraction(2, 3), 66, 66, True),
        (Fraction(0), 1, 0, False),
        (Fraction(1), 100, 100, True),
    ],
)
def test_score_is_floored_and_the_pass_is_decided_on_the_exact_fraction(fraction, pass_mark, score, passed):
    assert (score_percent(fraction), is_passed(score=fraction, pass_mark=pass_mark)) == (score, passed)


def test_a_percent_is_refused_where_the_fraction_is_expected():
    with pytest.raises(TypeError, match="is_passed takes the Fraction grade"):
        is_passed(score=50, pass_mark=70)


def test_an_answer_saved_after_the_submission_first_read_the_attempt_is_graded(setup, monkeypatch):
    """The submission grades before taking the lock; an answer saved in between is graded, not overwritten."""
    attempt = attempt_start(learner=setup.learner, quiz=setup.quiz)
    question = attempt.snapshot["questions"][0]
    right = [choice["id"] for choice in question["choices"] if choice["correct"]]
    real_lock = attempts.lock_learner

    def lock_after_an_answer(learner):
        monkeypatch.setattr(attempts, "lock_learner", real_lock)
        attempt_answer(attempt=attempt, learner=learner, question_id=question["id"], choice_ids=right)
        real_lock(learner)

    monkeypatch.setattr(attempts, "lock_learner", lock_after_an_answer)
    submitted = attempt_submit(attempt=attempt, learner=setup.learner)
    stored = Attempt.objects.get(pk=attempt.pk)
    assert (stored.answers, stored.score) == ({str(question["id"]): right}, submitted.score)
    assert stored.results[str(question["id"])]["correct"] is True
