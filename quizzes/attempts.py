"""Attempts at a quiz: the snapshot one is taken against, starting (or resuming), saving answers, submitting.

Each write runs in a write transaction that first locks the learner (quizzes.transactions) and reads what it
changes after that, so concurrent requests of one learner queue up and each sees what the previous one wrote: an
answer saved while the quiz is being submitted is either graded or refused with ATTEMPT_CLOSED, never lost. The
database constraints (quizzes.models) are the last line.
"""

import random
import secrets
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .completion import activity_is_new, activity_record, bilingual, module_completion_refresh
from .grading import grade, is_passed, score_percent
from .kinds import QuestionKind
from .models import Attempt, AttemptStatus, QuestionOutcome, Quiz
from .refresher import attempts_counted
from .tokens import choice_ids_for_tokens, questions_with_choice_tokens
from .transactions import lock_learner, write_transaction

QUIZ_NOT_READY = _("This quiz has no questions yet. Please try again later.")
QUIZ_NOT_AVAILABLE = _("This quiz is not available.")
NO_ATTEMPTS_LEFT = _("You have used all %(allowed)s attempts at this quiz.")
WAIT_BEFORE_RETRY = _("You can try this quiz again in %(minutes)s minutes.")
ATTEMPT_CLOSED = _("This attempt has already been submitted.")
NOT_YOUR_ATTEMPT = _("This attempt belongs to someone else.")
UNKNOWN_QUESTION = _("That question is not part of this quiz.")
UNKNOWN_CHOICE = _("That answer is not one of this question's choices.")
CHOOSE_ONE = _("Choose only one answer for this question.")

CLOSING_FIELDS = ("answers", "results", "score", "passed", "status", "submitted_at")


class QuizError(Exception):
    """A rule the learner can understand was broken; `message` is safe to show them. Final: asking again with the
    same answers gets the same refusal."""

    def __init__(self, message, **params):
        self.message = message
        self.params = params
        super().__init__(str(message) % params if params else str(message))

    def __str__(self):
        return str(self.message) % self.params if self.params else str(self.message)


class QuizRetryLater(QuizError):
    """A refusal that only holds for now (the wait between attempts): the same answers may be accepted later, so a
    phone keeps an attempt refused this way and sends it again (quizzes.offline)."""


def quiz_snapshot(*, quiz: Quiz, rng: random.Random | None = None) -> dict:
    """Everything grading and display need, copied from the quiz as it is now, in the order it will be shown."""
    return snapshot_arranged(quiz_content_snapshot(quiz=quiz), rng=rng)


def quiz_content_snapshot(*, quiz: Quiz) -> dict:
    """The quiz's gradable questions and choices in authoring order (one read of questions and choices)."""
    questions = []
    for question in quiz.questions.prefetch_related("choices").order_by("sort_order", "pk"):
        choices = [
            {
                "id": choice.pk,
                "text": bilingual(choice, "text"),
                "correct": bool(choice.is_correct),
                "feedback": bilingual(choice, "feedback"),
            }
            for choice in sorted(question.choices.all(), key=lambda c: (c.sort_order or 0, c.pk))
        ]
        if QuestionKind(question.kind).choices_problem([c["correct"] for c in choices]):
            continue  # a half-written question is left out rather than graded wrongly
        questions.append(
            {
                "id": question.pk,
                "kind": question.kind,
                "scoring": question.scoring,
                "text": bilingual(question, "text"),
                "explanation": bilingual(question, "explanation"),
                "image_id": question.image_id,
                "choices": choices,
            }
        )
    return {
        "pass_mark": quiz.pass_mark,
        "title": bilingual(quiz, "title"),
        "shuffle_questions": quiz.shuffle_questions,
        "shuffle_choices": quiz.shuffle_choices,
        "questions": questions,
    }


def snapshot_arranged(content: dict, *, rng: random.Random | None = None) -> dict:
    """A copy of a content snapshot in the order one attempt shows it (shuffled if the quiz says so), each choice
    with its opaque token (quizzes.tokens)."""
    tokens_rng = rng  # a seeded generator gives repeatable tokens; without one they come from `secrets`
    rng = rng or random.Random(secrets.randbits(64))  # noqa: S311  (display order, not a secret)
    questions = [{**question, "choices": list(question["choices"])} for question in content["questions"]]
    if content["shuffle_choices"]:
        for question in questions:
            if question["kind"] != QuestionKind.TRUE_FALSE:
                rng.shuffle(question["choices"])
    if content["shuffle_questions"]:
        rng.shuffle(questions)
    # Drawn after shuffling, so a seeded generator still gives the orders it gave before choices had tokens.
    questions = questions_with_choice_tokens(questions, rng=tokens_rng)
    return {"pass_mark": content["pass_mark"], "title": content["title"], "questions": questions}


def attempt_limits_check(*, quiz: Quiz, attempts, now: datetime) -> None:
    """Raise the reason `quiz` admits no new attempt now, if any: it or its module is not live (a quiz never
    published is a draft awaiting review), every attempt allowed is used, or the wait after the last submission is
    not over (QuizRetryLater). `attempts` are the learner's at this quiz (a queryset), read after the learner's
    lock when a write follows. While the learner's completion of the module needs a refresher, only the attempts
    started since the change count, for the allowance and for the wait (quizzes.refresher.attempts_counted)."""
    if not quiz.live or not quiz.module.live:
        raise QuizError(QUIZ_NOT_AVAILABLE)
    attempts = attempts_counted(attempts, module_id=quiz.module_id)
    used = attempts.count()
    if quiz.attempts_allowed and used >= quiz.attempts_allowed:
        raise QuizError(NO_ATTEMPTS_LEFT, allowed=quiz.attempts_allowed)
    if quiz.wait_minutes and used:
        last_submitted = attempts.exclude(submitted_at=None).order_by("-submitted_at")
        last_submitted = last_submitted.values_list("submitted_at", flat=True).first()
        if last_submitted is not None:
            ready_at = last_submitted + timedelta(minutes=quiz.wait_minutes)
            if now < ready_at:
                minutes = max(1, int((ready_at - now).total_seconds() // 60) + 1)
                raise QuizRetryLater(WAIT_BEFORE_RETRY, minutes=minutes)


def attempt_open(*, learner, quiz_id: int) -> Attempt | None:
    """The learner's open attempt at the quiz, if there is one: a read without the learner's lock (resuming writes
    nothing). The constraint `attempt_one_in_progress` keeps at most one open per learner and quiz, so get() (no
    ORDER BY to build: 0.44 ms against 0.68 ms for first(), measured)."""
    try:
        return Attempt.objects.get(learner_id=learner.pk, quiz_id=quiz_id, status=AttemptStatus.IN_PROGRESS)
    except Attempt.DoesNotExist:
        return None


def attempt_start(*, learner, quiz: Quiz, now: datetime | None = None, rng: random.Random | None = None) -> Attempt:
    """The learner's open attempt at `quiz` if there is one (resume), otherwise a new one within the limits."""
    now = now or timezone.now()
    with write_transaction():
        lock_learner(learner)
        attempts = Attempt.objects.filter(learner=learner, quiz=quiz)
        open_attempt = attempt_open(learner=learner, quiz_id=quiz.pk)
        if open_attempt is not None:
            return open_attempt
        attempt_limits_check(quiz=quiz, attempts=attempts, now=now)
        snapshot = quiz_snapshot(quiz=quiz, rng=rng)
        if not snapshot["questions"]:
            raise QuizError(QUIZ_NOT_READY)
        number = (attempts.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        attempt = Attempt(
            learner=learner,
            quiz=quiz,
            number=number,
            started_at=now,
            snapshot=snapshot,
            quiz_revision_id=quiz.live_revision_id,
        )
        # The unique and check constraints are the database's, enforced on save (and caught just below).
        attempt.full_clean(exclude=["learner", "quiz"], validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                attempt.save()
        except IntegrityError:
            # Only reachable if a write bypassed the learner lock; the constraints keep one attempt open.
            existing = attempts.filter(status=AttemptStatus.IN_PROGRESS).first()
            if existing is None:
                raise
            return existing
        activity_record(learner=learner, now=now)
    return attempt


def _question(attempt: Attempt, question_id) -> dict:
    for question in attempt.questions:
        if str(question["id"]) == str(question_id):
            return question
    raise QuizError(UNKNOWN_QUESTION)


def choices_cleaned(question: dict, choice_ids) -> list[int]:
    """The distinct choice ids picked for a snapshot question, sorted; refused if one is not its choice, or if a
    one-answer question got more than one."""
    valid = {choice["id"] for choice in question["choices"]}
    chosen = []
    for raw in choice_ids or []:
        try:
            choice_id = int(raw)
        except (TypeError, ValueError):
            raise QuizError(UNKNOWN_CHOICE) from None
        if choice_id not in valid:
            raise QuizError(UNKNOWN_CHOICE)
        if choice_id not in chosen:
            chosen.append(choice_id)
    if QuestionKind(question["kind"]).one_answer and len(chosen) > 1:
        raise QuizError(CHOOSE_ONE)
    return sorted(chosen)


def _own_attempt(*, attempt_id: int, learner) -> Attempt:
    """The attempt as stored now, with its quiz; read after `lock_learner`, so nothing of this learner's
    changes it until the transaction ends."""
    current = Attempt.objects.select_related("quiz").get(pk=attempt_id)
    if current.learner_id != learner.pk:
        raise QuizError(NOT_YOUR_ATTEMPT)
    return current


def attempt_answer(
    *, attempt: Attempt, learner, question_id, choice_ids: list | None = None, choice_tokens: list | None = None
) -> Attempt:
    """Save (or clear, with no choices) the answer to one question of an open attempt, given as choice ids or as
    the tokens the question page shows (mapped back against the attempt's own snapshot)."""
    with write_transaction():
        lock_learner(learner)
        current = _own_attempt(attempt_id=attempt.pk, learner=learner)
        if not current.is_open:
            raise QuizError(ATTEMPT_CLOSED)
        question = _question(current, question_id)
        if choice_tokens is not None:
            choice_ids = choice_ids_for_tokens(question, choice_tokens)
            if choice_ids is None:
                raise QuizError(UNKNOWN_CHOICE)
        chosen = choices_cleaned(question, choice_ids)
        answers = dict(current.answers)
        if chosen:
            answers[str(question["id"])] = chosen
        else:
            answers.pop(str(question["id"]), None)
        current.answers = answers
        current.save(update_fields=["answers"])
    return current


def attempt_graded(attempt: Attempt, *, answers: dict, now: datetime) -> Attempt:
    """`attempt` closed with `answers` graded from its snapshot (not saved; the values it sets are checked)."""
    results, fraction = grade(snapshot=attempt.snapshot, answers=answers)
    attempt.answers = answers
    attempt.results = results
    attempt.score = score_percent(fraction)
    attempt.passed = is_passed(score=fraction, pass_mark=attempt.pass_mark)
    attempt.status = AttemptStatus.SUBMITTED
    attempt.submitted_at = now
    # The constraints (graded when submitted, score range, one open attempt) are the database's, on the write.
    # Only the closing fields are checked: the others are unchanged and, read with only(), not even loaded.
    unchanged = [field.name for field in Attempt._meta.concrete_fields if field.name not in CLOSING_FIELDS]
    attempt.full_clean(exclude=unchanged, validate_unique=False, validate_constraints=False)
    return attempt


def _closing_read(*, attempt_id: int, learner) -> Attempt:
    """The attempt with only the columns closing it needs (one query), and what the rest of the submission
    needs: its module's id and place in the page tree, and the learner's last active day."""
    current = (
        Attempt.objects.only("learner_id", "quiz_id", "status", "snapshot", "answers")
        .annotate(
            module_id=F("quiz__module_id"),
            module_path=F("quiz__module__path"),
            module_depth=F("quiz__module__depth"),
            active_on=F("learner__learner_profile__training_active_on"),
        )
        .get(pk=attempt_id)
    )
    if current.learner_id != learner.pk:
        raise QuizError(NOT_YOUR_ATTEMPT)
    return current


def attempt_submit(*, attempt: Attempt, learner, answers: dict | None = None, now: datetime | None = None) -> Attempt:
    """Grade and close an open attempt; submitting a closed one again returns it unchanged (double tap, retry).

    `answers` (question id -> choice ids) are added to those saved screen by screen before grading. The attempt
    (its snapshot, the largest value) is read and graded before the learner's lock is taken, since on SQLite
    every other writer waits while one holds it. Inside the lock only its status and saved answers are read
    again: if an answer was saved in between, the attempt is graded again on what is stored, so an acknowledged
    answer is never dropped; if it was submitted in between (the other tap of a double tap), the stored result
    is returned.
    """
    now = now or timezone.now()
    current = _closing_read(attempt_id=attempt.pk, learner=learner)
    if not current.is_open:
        return _own_attempt(attempt_id=current.pk, learner=learner)
    posted = {}
    for question_id, choice_ids in (answers or {}).items():
        question = _question(current, question_id)
        chosen = choices_cleaned(question, choice_ids)
        if chosen:
            posted[str(question["id"])] = chosen
    first_read = current.answers
    attempt_graded(current, answers={**first_read, **posted}, now=now)
    with write_transaction():
        lock_learner(learner)
        status, saved = Attempt.objects.filter(pk=current.pk).values_list("status", "answers").get()
        if status != AttemptStatus.IN_PROGRESS:
            return _own_attempt(attempt_id=current.pk, learner=learner)
        if saved != first_read:
            attempt_graded(current, answers={**saved, **posted}, now=now)
        place = (current.module_path, current.module_depth)
        attempt_close_writes(
            current, learner=learner, now=now, module_id=current.module_id, place=place, active_on=current.active_on
        )
    return current


def attempt_close_writes(
    attempt: Attempt, *, learner, now: datetime, module_id: int, place: tuple[str, int], active_on: date | None
) -> None:
    """Store a graded attempt and what closing it changes, inside the caller's write transaction (learner locked):
    the attempt, one outcome per question, the learner's activity, and the module's completion when it passed.

    An open attempt writes only its closing columns (its snapshot, the largest value, is not written again); one
    made already closed (sent from a phone, quizzes.offline) has no row yet and is inserted whole. `place` is the
    module page's (path, depth); `active_on` the learner's last active day as read earlier (None if unknown).
    """
    if attempt.pk is None:
        attempt.save(force_insert=True)
    else:
        attempt.save(update_fields=CLOSING_FIELDS)
    QuestionOutcome.objects.bulk_create(question_outcomes(attempt=attempt))
    if activity_is_new(active_on=active_on, now=now):
        activity_record(learner=learner, now=now)
    if attempt.passed:
        module_completion_refresh(learner=learner, module_id=module_id, now=now, place=place)


def question_outcomes(*, attempt: Attempt) -> list[QuestionOutcome]:
    """One row per graded question of a submitted attempt (unsaved), from its marks."""
    return [
        QuestionOutcome(attempt_id=attempt.pk, quiz_id=attempt.quiz_id, question_id=int(key), correct=mark["correct"])
        for key, mark in attempt.results.items()
    ]
