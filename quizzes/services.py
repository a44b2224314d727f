"""Writes: starting, answering and submitting attempts, grading, reading progress, completion and certificates.

Every write runs in one transaction that first locks the learner's account row (SELECT ... FOR UPDATE on
PostgreSQL; SQLite's IMMEDIATE transactions already let one writer in at a time), so concurrent starts and
submits by the same learner queue up instead of racing; the database constraints are the last line.
"""

import functools
import random
import secrets
from datetime import datetime, timedelta
from fractions import Fraction

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.rows import fetch_one, select_columns
from curriculum.models import LessonPage, ManualPage, ModulePage

from .forms import question_problem
from .models import (
    Attempt,
    AttemptStatus,
    Certificate,
    LessonView,
    ModuleCompletion,
    QuestionKind,
    QuestionOutcome,
    Quiz,
    Scoring,
    TrainingSummary,
)
from .report_columns import activity_note, activity_statement, course_completed_note
from .selectors import learner_holder, required_modules
from .transactions import Statement, run, write_transaction

QUIZ_NOT_READY = _("This quiz has no questions yet. Please try again later.")
QUIZ_NOT_AVAILABLE = _("This quiz is not available.")
NO_ATTEMPTS_LEFT = _("You have used all %(allowed)s attempts at this quiz.")
WAIT_BEFORE_RETRY = _("You can try this quiz again in %(minutes)s minutes.")
ATTEMPT_CLOSED = _("This attempt has already been submitted.")
NOT_YOUR_ATTEMPT = _("This attempt belongs to someone else.")
UNKNOWN_QUESTION = _("That question is not part of this quiz.")
UNKNOWN_CHOICE = _("That answer is not one of this question's choices.")
CHOOSE_ONE = _("Choose only one answer for this question.")

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are typed from paper


class QuizError(Exception):
    """A rule the learner can understand was broken; `message` is safe to show them."""

    def __init__(self, message, **params):
        self.message = message
        self.params = params
        super().__init__(str(message) % params if params else str(message))

    def __str__(self):
        return str(self.message) % self.params if self.params else str(self.message)


def _lock_learner(learner) -> None:
    """Queue this learner's writes behind each other. SQLite needs no row lock: its IMMEDIATE transactions
    already admit one writer at a time, so the query is skipped there."""
    if connection.features.has_select_for_update:
        list(get_user_model().objects.select_for_update().filter(pk=learner.pk).values_list("pk", flat=True))


def _bilingual(obj, field: str) -> dict:
    return {"km": getattr(obj, f"{field}_km", "") or "", "en": getattr(obj, f"{field}_en", "") or ""}


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
                "text": _bilingual(choice, "text"),
                "correct": bool(choice.is_correct),
                "feedback": _bilingual(choice, "feedback"),
            }
            for choice in sorted(question.choices.all(), key=lambda c: (c.sort_order or 0, c.pk))
        ]
        if question_problem(kind=question.kind, choices=[c["correct"] for c in choices]):
            continue  # a half-written question is left out rather than graded wrongly
        questions.append(
            {
                "id": question.pk,
                "kind": question.kind,
                "scoring": question.scoring,
                "text": _bilingual(question, "text"),
                "explanation": _bilingual(question, "explanation"),
                "image_id": question.image_id,
                "choices": choices,
            }
        )
    return {
        "pass_mark": quiz.pass_mark,
        "title": _bilingual(quiz, "title"),
        "shuffle_questions": quiz.shuffle_questions,
        "shuffle_choices": quiz.shuffle_choices,
        "questions": questions,
    }


def snapshot_arranged(content: dict, *, rng: random.Random | None = None) -> dict:
    """A copy of a content snapshot in the order one attempt shows it (shuffled if the quiz says so)."""
    rng = rng or random.Random(secrets.randbits(64))  # noqa: S311  (display order, not a secret)
    questions = [{**question, "choices": list(question["choices"])} for question in content["questions"]]
    if content["shuffle_choices"]:
        for question in questions:
            if question["kind"] != QuestionKind.TRUE_FALSE:
                rng.shuffle(question["choices"])
    if content["shuffle_questions"]:
        rng.shuffle(questions)
    return {"pass_mark": content["pass_mark"], "title": content["title"], "questions": questions}


@write_transaction()
def attempt_start(*, learner, quiz: Quiz, now: datetime | None = None, rng: random.Random | None = None) -> Attempt:
    """The learner's open attempt at `quiz` if there is one (resume), otherwise a new one within the limits."""
    now = now or timezone.now()
    _lock_learner(learner)
    attempts = Attempt.objects.filter(learner=learner, quiz=quiz)
    open_attempt = attempts.filter(status=AttemptStatus.IN_PROGRESS).first()
    if open_attempt is not None:
        return open_attempt
    if not quiz.module.live:
        raise QuizError(QUIZ_NOT_AVAILABLE)
    used = attempts.count()
    if quiz.attempts_allowed and used >= quiz.attempts_allowed:
        raise QuizError(NO_ATTEMPTS_LEFT, allowed=quiz.attempts_allowed)
    if quiz.wait_minutes and used:
        last = attempts.exclude(submitted_at=None).order_by("-submitted_at").values_list("submitted_at", flat=True)
        last_submitted = last.first()
        if last_submitted is not None:
            ready_at = last_submitted + timedelta(minutes=quiz.wait_minutes)
            if now < ready_at:
                minutes = max(1, int((ready_at - now).total_seconds() // 60) + 1)
                raise QuizError(WAIT_BEFORE_RETRY, minutes=minutes)
    snapshot = quiz_snapshot(quiz=quiz, rng=rng)
    if not snapshot["questions"]:
        raise QuizError(QUIZ_NOT_READY)
    number = (attempts.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    attempt = Attempt(learner=learner, quiz=quiz, number=number, started_at=now, snapshot=snapshot)
    # The unique and check constraints are enforced by the database on save (and caught just below).
    attempt.full_clean(exclude=["learner", "quiz"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            attempt.save()
            activity_record(learner=learner, now=now)
    except IntegrityError:
        # Another request started one between our read and write (only possible without row locks).
        existing = attempts.filter(status=AttemptStatus.IN_PROGRESS).first()
        if existing is None:
            raise
        return existing
    return attempt


def _question(attempt: Attempt, question_id) -> dict:
    for question in attempt.questions:
        if str(question["id"]) == str(question_id):
            return question
    raise QuizError(UNKNOWN_QUESTION)


def _clean_choices(question: dict, choice_ids) -> list[int]:
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
    if question["kind"] != QuestionKind.MULTIPLE and len(chosen) > 1:
        raise QuizError(CHOOSE_ONE)
    return sorted(chosen)


def _locked_open_attempt(*, attempt: Attempt, learner) -> Attempt:
    _lock_learner(learner)
    locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if locked.learner_id != learner.pk:
        raise QuizError(NOT_YOUR_ATTEMPT)
    return locked


@write_transaction()
def attempt_answer(*, attempt: Attempt, learner, question_id, choice_ids) -> Attempt:
    """Save (or clear, with no choices) the answer to one question of an open attempt."""
    locked = _locked_open_attempt(attempt=attempt, learner=learner)
    if not locked.is_open:
        raise QuizError(ATTEMPT_CLOSED)
    question = _question(locked, question_id)
    chosen = _clean_choices(question, choice_ids)
    answers = dict(locked.answers)
    if chosen:
        answers[str(question["id"])] = chosen
    else:
        answers.pop(str(question["id"]), None)
    locked.answers = answers
    locked.save(update_fields=["answers"])
    return locked


def grade(*, snapshot: dict, answers: dict) -> tuple[dict, Fraction]:
    """Per-question marks and the fraction of the total earned, from the snapshot alone."""
    results = {}
    earned = Fraction(0)
    questions = snapshot["questions"]
    for question in questions:
        chosen = set(answers.get(str(question["id"]), []))
        correct = {choice["id"] for choice in question["choices"] if choice["correct"]}
        if question["kind"] == QuestionKind.MULTIPLE and question["scoring"] == Scoring.PARTIAL:
            wrong = len(chosen - correct)
            points = max(Fraction(0), Fraction(len(chosen & correct) - wrong, len(correct)))
        else:
            points = Fraction(1 if chosen == correct else 0)
        earned += points
        results[str(question["id"])] = {"points": float(points), "correct": chosen == correct}
    total = Fraction(earned, len(questions)) if questions else Fraction(0)
    return results, total


def attempt_submit(*, attempt: Attempt, learner, answers: dict | None = None, now: datetime | None = None) -> Attempt:
    """Grade and close an open attempt; submitting a closed one again returns it unchanged (double tap, retry).

    Reading, grading and validating happen before the write transaction, and so does compiling its statements
    (see quizzes.transactions): on SQLite every other writer waits while this one holds the write lock, so the
    lock is held only to run them. The attempt's UPDATE is conditional (only while the attempt is still open):
    of two racing submits exactly one updates the row; the other finds it submitted and returns the stored result.
    """
    now = now or timezone.now()
    current = _attempt_with_module(attempt_id=attempt.pk)
    if current.learner_id != learner.pk:
        raise QuizError(NOT_YOUR_ATTEMPT)
    if not current.is_open:
        return current
    merged = dict(current.answers)
    for question_id, choice_ids in (answers or {}).items():
        question = _question(current, question_id)
        chosen = _clean_choices(question, choice_ids)
        if chosen:
            merged[str(question["id"])] = chosen
    results, fraction = grade(snapshot=current.snapshot, answers=merged)
    current.answers = merged
    current.results = results
    current.score = int(fraction * 100)  # floor: 69.9% is shown as 69%
    current.passed = fraction * 100 >= current.pass_mark
    current.status = AttemptStatus.SUBMITTED
    current.submitted_at = now
    # Field values are checked here; the constraints (graded when submitted, score range, one open attempt)
    # are the database's, enforced on the write.
    current.full_clean(exclude=["learner", "quiz", "snapshot"], validate_unique=False, validate_constraints=False)
    place = (current.module_path, current.module_depth)
    close, outcomes, activity, unread = _submit_statements(attempt=current, learner=learner, now=now, place=place)
    noted = activity_statement(learner_id=learner.pk, now=now)
    with write_transaction():
        _lock_learner(learner)
        updated, _row = run(close)
        if not updated:
            return Attempt.objects.get(pk=current.pk)  # submitted meanwhile by the other tap
        if outcomes:
            run(outcomes)
        if not run(activity)[0]:
            _activity_start(learner=learner, now=now)  # no summary row yet
        run(noted)
        # Completion needs every live lesson read; most passing submissions end at this one prepared query.
        if unread is not None and run(unread)[1] is None:
            module_completion_refresh(learner=learner, module_id=current.module_id, now=now, place=place)
    return current


@functools.cache
def _attempt_with_module_sql(vendor: str) -> str:
    """Built once per process and database vendor: names come from the models' _meta, never from input."""
    q = connection.ops.quote_name

    def name(model, field: str) -> str:
        return f"{q(model._meta.db_table)}.{q(model._meta.get_field(field).column)}"

    columns = select_columns(Attempt)
    return (
        f"SELECT {columns}, {name(Quiz, 'module')} AS module_id, {name(Page, 'path')} AS module_path,"  # noqa: S608
        f" {name(Page, 'depth')} AS module_depth FROM {q(Attempt._meta.db_table)}"
        f" INNER JOIN {q(Quiz._meta.db_table)} ON {name(Quiz, 'id')} = {name(Attempt, 'quiz')}"
        f" INNER JOIN {q(Page._meta.db_table)} ON {name(Page, 'id')} = {name(Quiz, 'module')}"
        f" WHERE {name(Attempt, 'id')} = %s"
    )


def _attempt_with_module(*, attempt_id: int) -> Attempt:
    """The attempt, annotated with its module's id, path and depth, in one ready-made SELECT: what
    `Attempt.objects.annotate(module_id=F("quiz__module_id"), ...).get(pk=...)` reads, without the ORM building
    the query on every submission (the same reason as `_submit_statements`). Raises Attempt.DoesNotExist."""
    found = fetch_one(
        Attempt,
        _attempt_with_module_sql(connection.vendor),
        [attempt_id],
        extra=("module_id", "module_path", "module_depth"),
    )
    if found is None:
        raise Attempt.DoesNotExist
    return found


CLOSING_FIELDS = ("answers", "results", "score", "passed", "status", "submitted_at")
OUTCOME_COLUMNS = ("attempt", "quiz", "question_id", "correct")


@functools.cache
def _submit_sql(vendor: str, outcome_rows: int) -> tuple[str, str, str, str]:
    """The SQL text of `_submit_statements`, built once per process, database vendor and number of questions.
    Every name comes from the models' _meta, never from input; values are parameters (S608)."""
    q = connection.ops.quote_name

    def table(model) -> str:
        return q(model._meta.db_table)

    def column(model, name: str) -> str:
        return q(model._meta.get_field(name).column)

    def qualified(model, name: str) -> str:
        return f"{table(model)}.{column(model, name)}"

    assignments = ", ".join(f"{column(Attempt, f)} = %s" for f in CLOSING_FIELDS)
    close = (
        f"UPDATE {table(Attempt)} SET {assignments} WHERE {column(Attempt, 'id')} = %s"  # noqa: S608
        f" AND {column(Attempt, 'status')} = %s"
    )
    names = ", ".join(column(QuestionOutcome, f) for f in OUTCOME_COLUMNS)
    placeholders = ", ".join([f"({', '.join(['%s'] * len(OUTCOME_COLUMNS))})"] * outcome_rows)
    outcomes = f"INSERT INTO {table(QuestionOutcome)} ({names}) VALUES {placeholders}"  # noqa: S608
    activity = (
        f"UPDATE {table(TrainingSummary)} SET {column(TrainingSummary, 'last_active_at')} = %s"  # noqa: S608
        f" WHERE {column(TrainingSummary, 'learner')} = %s"
    )
    page_id, path, depth, live = (qualified(Page, name) for name in ("id", "path", "depth", "live"))
    unread = (
        f"SELECT 1 FROM {table(Page)} INNER JOIN {table(LessonPage)} ON {qualified(LessonPage, 'page_ptr')} = {page_id}"  # noqa: S608
        f" WHERE {path} LIKE %s AND {depth} = %s AND {live} = %s"
        f" AND NOT EXISTS (SELECT 1 FROM {table(LessonView)} WHERE {qualified(LessonView, 'learner')} = %s"
        f" AND {qualified(LessonView, 'lesson')} = {page_id}) LIMIT 1"
    )
    return close, outcomes, activity, unread


def _submit_statements(*, attempt: Attempt, learner, now: datetime, place: tuple[str, int]) -> tuple:
    """The statements a submission runs inside the write lock, prepared before it: what
    `filter(pk=..., status=open).update(...)`, `QuestionOutcome.objects.bulk_create(...)`,
    `activity_record(...)` and `_unread_lessons(...).exists()` run, as plain SQL. The ORM would spend about
    2 ms of CPU building them while every other writer waits (quizzes.transactions). Values go through each
    field's own `get_db_prep_save`, so SQLite and PostgreSQL both work.
    """

    def value(model, name: str, raw):
        return model._meta.get_field(name).get_db_prep_save(raw, connection)

    rows = [(o.attempt_id, o.quiz_id, o.question_id, o.correct) for o in question_outcomes(attempt=attempt)]
    close_sql, outcomes_sql, activity_sql, unread_sql = _submit_sql(connection.vendor, len(rows))
    close = Statement(
        close_sql,
        (
            *(value(Attempt, f, getattr(attempt, f)) for f in CLOSING_FIELDS),
            attempt.pk,
            AttemptStatus.IN_PROGRESS.value,
        ),
    )
    outcomes = rows and Statement(outcomes_sql, tuple(item for row in rows for item in row))
    activity = Statement(activity_sql, (value(TrainingSummary, "last_active_at", now), learner.pk))
    unread = None
    if attempt.passed:
        path, depth = place
        # Wagtail paths are made of [0-9A-Z] only, so the prefix needs no LIKE escaping.
        unread = Statement(unread_sql, (f"{path}%", depth + 1, True, learner.pk))
    return close, outcomes, activity, unread


def question_outcomes(*, attempt: Attempt) -> list[QuestionOutcome]:
    """One row per graded question of a submitted attempt (unsaved), from its marks."""
    return [
        QuestionOutcome(attempt_id=attempt.pk, quiz_id=attempt.quiz_id, question_id=int(key), correct=mark["correct"])
        for key, mark in attempt.results.items()
    ]


def activity_record(*, learner, now: datetime) -> None:
    """Note reading or quiz activity on the learner's summary row (creating it on the first activity) and on
    their profile's report columns (quizzes.report_columns).

    Called inside the caller's write transaction: two UPDATEs (the second writes once a day at most), plus one
    INSERT the very first time.
    """
    if not TrainingSummary.objects.filter(learner_id=learner.pk).update(last_active_at=now):
        _activity_start(learner=learner, now=now)
    activity_note(learner_id=learner.pk, now=now)


def _activity_start(*, learner, now: datetime) -> None:
    TrainingSummary.objects.bulk_create(
        [TrainingSummary(learner_id=learner.pk, started_at=now, last_active_at=now)], ignore_conflicts=True
    )


def lesson_view_record(*, learner, lesson_id: int, module_id: int, now: datetime | None = None) -> bool:
    """Record the first time a learner opens a lesson; True when this view was new.

    Re-reading costs one indexed read and no write, so it is cheap on every signed-in lesson view.
    """
    if LessonView.objects.filter(learner=learner, lesson_id=lesson_id).exists():
        return False
    now = now or timezone.now()
    with write_transaction():
        _lock_learner(learner)
        created = LessonView.objects.bulk_create(
            [LessonView(learner=learner, lesson_id=lesson_id, module_id=module_id, viewed_at=now)],
            ignore_conflicts=True,
        )
        if not created or not LessonView.objects.filter(learner=learner, lesson_id=lesson_id, viewed_at=now).exists():
            return False
        activity_record(learner=learner, now=now)
        module_completion_refresh(learner=learner, module_id=module_id, now=now)
    return True


def module_completion_refresh(
    *, learner, module_id: int, now: datetime | None = None, place: tuple[str, int] | None = None
) -> ModuleCompletion | None:
    """The one place that decides a module is completed: every live lesson read and the quiz passed.

    Called inside the caller's transaction (which holds the learner's lock), after a passing submission or
    a first lesson view. `place` is the module page's (path, depth) when the caller has it. Cheap checks
    come first, since most calls end early (a lesson not read yet: one query). A completion, once recorded,
    stays: editing the module later never takes it away.
    """
    place = place or Page.objects.filter(pk=module_id).values_list("path", "depth").first()
    if place is None:
        return None
    path, depth = place
    lessons = LessonPage.objects.filter(path__startswith=path, depth=depth + 1, live=True)
    if _unread_lessons(learner=learner, module_id=module_id, place=place).exists():
        return None
    if ModuleCompletion.objects.filter(learner=learner, module_id=module_id).exists():
        return None
    lesson_ids = set(lessons.values_list("pk", flat=True))
    best = None
    quiz_id = Quiz.objects.filter(module_id=module_id).values_list("pk", flat=True).first()
    if quiz_id is not None:
        best = (
            Attempt.objects.filter(learner=learner, quiz_id=quiz_id, status=AttemptStatus.SUBMITTED, passed=True)
            .order_by("-score", "submitted_at")
            .first()
        )
        if best is None:
            return None
    elif not lesson_ids:
        return None
    module = ModulePage.objects.get(pk=module_id)
    completion = ModuleCompletion(
        learner=learner,
        module=module,
        completed_at=now or timezone.now(),
        attempt=best,
        score=best.score if best else None,
        lesson_ids=sorted(lesson_ids),
        module_title=_bilingual(module, "title"),
    )
    # Foreign keys and the one-per-learner-and-module constraint are the database's to enforce (and cost
    # a query each here); the field values are checked.
    completion.full_clean(exclude=["learner", "module", "attempt"], validate_constraints=False)
    completion.save()
    manual = ManualPage.objects.filter(path=path[: -Page.steplen]).first()
    _summary_refresh(learner=learner, manual=manual, now=completion.completed_at)
    return completion


def _unread_lessons(*, learner, module_id: int, place: tuple[str, int]):
    """The module's live lessons the learner has not opened yet (a queryset)."""
    path, depth = place
    read = LessonView.objects.filter(learner=learner, module_id=module_id).values("lesson_id")
    return LessonPage.objects.filter(path__startswith=path, depth=depth + 1, live=True).exclude(pk__in=read)


def _summary_refresh(*, learner, manual: ManualPage | None, now: datetime) -> None:
    completions = ModuleCompletion.objects.filter(learner=learner)
    summary, _created = TrainingSummary.objects.get_or_create(
        learner=learner, defaults={"started_at": now, "last_active_at": now}
    )
    summary.modules_completed = completions.count()
    summary.last_completed_at = now
    if manual is not None and summary.course_completed_at is None:
        certificate = certificate_issue_if_complete(learner=learner, manual=manual, now=now)
        if certificate is not None:
            summary.course_completed_at = certificate.issued_at
            course_completed_note(learner_id=learner.pk, at=certificate.issued_at)
    summary.save()


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def certificate_issue_if_complete(*, learner, manual: ManualPage, now: datetime | None = None) -> Certificate | None:
    """Issue the course certificate once every required module is completed (and only once)."""
    existing = Certificate.objects.filter(learner=learner, manual=manual).first()
    if existing is not None:
        return existing
    modules = required_modules(manual=manual)
    if not modules:
        return None
    completions = {
        c.module_id: c for c in ModuleCompletion.objects.filter(learner=learner, module__in=[m.pk for m in modules])
    }
    if any(module.pk not in completions for module in modules):
        return None
    now = now or timezone.now()
    last = max(c.completed_at for c in completions.values())
    certificate = Certificate(
        learner=learner,
        manual=manual,
        code=_new_code(),
        issued_at=now,
        completed_on=timezone.localdate(last),
        holder=learner_holder(learner=learner),
        modules=[
            {
                "number": module.number,
                "title": _bilingual(module, "title"),
                "completed_on": timezone.localdate(completions[module.pk].completed_at).isoformat(),
            }
            for module in modules
        ],
    )
    certificate.full_clean()
    certificate.save()
    return certificate
