"""Quizzes taken on a phone without a connection: the version and choice tokens of the one-page quiz, and recording
the attempts (and lessons read) a phone sends when it is back online, once however often they arrive.

The phone keeps the quiz page and the learner's answers under an attempt id it made up (a UUID), and sends them
later, perhaps twice, in another order, or after an upload cut halfway. The server grades: an attempt is recorded
with the same rules and closing writes as one taken screen by screen (quizzes.attempts), once per learner and id
(the database's `attempt_client_id_unique` constraint is the last line).
"""

import json
import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from curriculum.models import LessonPage, ModulePage

from .attempts import (
    QUIZ_NOT_AVAILABLE,
    QUIZ_NOT_READY,
    UNKNOWN_CHOICE,
    UNKNOWN_QUESTION,
    QuizError,
    attempt_close_writes,
    attempt_graded,
    attempt_limits_check,
    choices_cleaned,
    quiz_content_snapshot,
    snapshot_arranged,
)
from .completion import lesson_view_record
from .models import Attempt, Quiz
from .transactions import lock_learner, write_transaction

logger = logging.getLogger(__name__)

QUIZ_CHANGED = _(
    "This quiz was changed while your answers waited on this phone, so they cannot be marked. "
    "Please take the quiz again."
)

TOKEN_SALT = "quizzes.offline"  # noqa: S105  (a namespace for salted_hmac; the key is SECRET_KEY)
VERSION_SALT = "quizzes.offline.version"


def quiz_version(content: dict) -> str:
    """Twelve hex digits that change whenever anything the quiz shows or grades changes (its content snapshot,
    quizzes.attempts.quiz_content_snapshot), so answers kept on a phone are only marked against the questions
    they were given for.

    Keyed with the site's secret rather than a plain hash: the snapshot holds which choices are right, and a plain
    hash could be matched by trying every combination of right answers against the texts the page shows.
    """
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return salted_hmac(VERSION_SALT, encoded, algorithm="sha256").hexdigest()[:12]


def choice_token(*, learner_pk: int, quiz_pk: int, version: str, choice_id: int) -> str:
    """What the one-page quiz shows and sends for a choice instead of its id (as quizzes.tokens does screen by
    screen).

    A phone keeps the page before any attempt exists on the server, so the token cannot be stored with an attempt:
    it is derived, keyed with the site's secret, from the learner, the quiz version and the choice. It stays the
    same for one learner and version (a page kept for days still sends answers the server understands), differs
    for every other learner (a page passed around is of no use), and tells nothing about the choice or its place.
    """
    message = f"{learner_pk}:{quiz_pk}:{version}:{choice_id}"
    return salted_hmac(TOKEN_SALT, message, algorithm="sha256").hexdigest()[:12]


def offline_questions(*, content: dict, learner_pk: int, quiz_pk: int, version: str) -> list[dict]:
    """The questions as the one-page quiz shows them (shuffled if the quiz says so): id, kind, text, image and each
    choice's text and token. Nothing else leaves here: no choice ids, correctness, feedback or explanation."""
    arranged = snapshot_arranged(content)
    return [
        {
            "id": question["id"],
            "kind": question["kind"],
            "text": question["text"],
            "image_id": question.get("image_id"),
            "choices": [
                {
                    "token": choice_token(
                        learner_pk=learner_pk, quiz_pk=quiz_pk, version=version, choice_id=choice["id"]
                    ),
                    "text": choice["text"],
                }
                for choice in question["choices"]
            ],
        }
        for question in arranged["questions"]
    ]


def answers_from_tokens(
    *, content: dict, learner_pk: int, quiz_pk: int, version: str, answers: dict
) -> dict[str, list[int]]:
    """The learner's answers as question id -> choice ids, from the tokens the page sent (question id -> tokens),
    checked as answers given screen by screen are (quizzes.attempts.choices_cleaned). A question left empty is
    left out, as an unanswered one is."""
    questions = {str(question["id"]): question for question in content["questions"]}
    cleaned = {}
    for question_id, tokens in answers.items():
        question = questions.get(str(question_id))
        if question is None:
            raise QuizError(UNKNOWN_QUESTION)
        if not isinstance(tokens, list):
            raise QuizError(UNKNOWN_CHOICE)
        by_token = {
            choice_token(learner_pk=learner_pk, quiz_pk=quiz_pk, version=version, choice_id=choice["id"]): choice["id"]
            for choice in question["choices"]
        }
        choice_ids = []
        for token in tokens:
            if not isinstance(token, str) or token not in by_token:
                raise QuizError(UNKNOWN_CHOICE)
            choice_ids.append(by_token[token])
        chosen = choices_cleaned(question, choice_ids)
        if chosen:
            cleaned[str(question["id"])] = chosen
    return cleaned


def offline_attempt_record(
    *,
    learner,
    client_id: uuid.UUID,
    quiz_id: int,
    version: str,
    answers: dict[str, list[str]],
    now: datetime | None = None,
) -> Attempt:
    """Record and grade an attempt taken on a phone; sending it again returns the attempt first recorded.

    A phone only sends finished attempts, so the first answers recorded under an id win, even if a later copy
    differs. Refusals are QuizError (final: the phone shows the message and drops the attempt) or QuizRetryLater
    (the wait between attempts is not over: the phone keeps it and sends it again). An attempt left open on the
    server at the same quiz stays as it is: this one is inserted already submitted.

    The quiz is read, its version compared and the answers graded before the learner's lock is taken (on SQLite
    every other writer waits while one holds it); the grading stands even if the quiz changes meanwhile, since it
    is against the very questions the learner was given. Inside the lock: the repeat check again, the limits, the
    attempt's number, and the writes.
    """
    now = now or timezone.now()
    existing = Attempt.objects.filter(learner=learner, client_id=client_id).first()
    if existing is not None:
        return existing
    quiz = Quiz.objects.live().select_related("module").filter(pk=quiz_id).first()
    if quiz is None or not quiz.module.live:
        raise QuizError(QUIZ_NOT_AVAILABLE)
    content = quiz_content_snapshot(quiz=quiz)
    if version != quiz_version(content):
        raise QuizError(QUIZ_CHANGED)
    if not content["questions"]:
        raise QuizError(QUIZ_NOT_READY)
    chosen = answers_from_tokens(
        content=content, learner_pk=learner.pk, quiz_pk=quiz.pk, version=version, answers=answers
    )
    attempt = Attempt(
        learner=learner,
        quiz=quiz,
        started_at=now,
        client_id=client_id,
        snapshot=snapshot_arranged(content),  # with tokens of its own, like every attempt
        quiz_revision_id=quiz.live_revision_id,
    )
    attempt_graded(attempt, answers=chosen, now=now)
    with write_transaction():
        lock_learner(learner)
        existing = Attempt.objects.filter(learner=learner, client_id=client_id).first()
        if existing is not None:
            return existing  # the other copy of a double send got the lock first
        attempts = Attempt.objects.filter(learner=learner, quiz=quiz)
        attempt_limits_check(quiz=quiz, attempts=attempts, now=now)
        attempt.number = (attempts.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        attempt.full_clean(exclude=["learner", "quiz"], validate_unique=False, validate_constraints=False)
        place = (quiz.module.path, quiz.module.depth)
        try:
            # A savepoint: if the insert breaks a constraint, the transaction is still usable for the read below.
            with transaction.atomic():
                attempt_close_writes(
                    attempt, learner=learner, now=now, module_id=quiz.module_id, place=place, active_on=None
                )
        except IntegrityError:
            # Only reachable if a write bypassed the learner lock; the constraint keeps one row per phone id.
            existing = Attempt.objects.filter(learner=learner, client_id=client_id).first()
            if existing is None:
                raise
            return existing
    return attempt


@dataclass(frozen=True)
class OfflineLesson:
    lesson_id: int
    module_id: int


def offline_lessons(
    *, lesson_ids: Iterable[int], accepts: Callable[[PageViewRestriction], bool]
) -> list[OfflineLesson]:
    """Of the lessons a phone says were read offline, those that count: live lesson pages in a module, not behind
    a view restriction of the page or an ancestor that `accepts` (the request's check, as Wagtail serves a page)
    refuses. Unknown, unpublished and restricted ones are left out. Four queries, however many lessons."""
    lessons = list(LessonPage.objects.live().filter(pk__in=set(lesson_ids)).values_list("pk", "path"))
    if not lessons:
        return []
    step = Page.steplen

    def lineage(path: str) -> list[str]:
        return [path[:end] for end in range(step, len(path) + 1, step)]

    paths = {ancestor for _pk, path in lessons for ancestor in lineage(path)}
    restrictions = PageViewRestriction.objects.filter(page__path__in=paths).select_related("page")
    refused = {restriction.page.path for restriction in restrictions if not accepts(restriction)}
    parents = {path[:-step] for _pk, path in lessons}
    modules = dict(ModulePage.objects.filter(path__in=parents).values_list("path", "pk"))
    kept = []
    for pk, path in sorted(lessons):
        module_id = modules.get(path[:-step])
        if module_id is not None and refused.isdisjoint(lineage(path)):
            kept.append(OfflineLesson(lesson_id=pk, module_id=module_id))
    return kept


def offline_lessons_record(*, learner, lessons: list[OfflineLesson], now: datetime | None = None) -> int:
    """Record lessons read offline (each once: quizzes.completion.lesson_view_record, which also completes a
    module whose quiz is already passed). Returns how many now count as read, new or not."""
    for lesson in lessons:
        lesson_view_record(learner=learner, lesson_id=lesson.lesson_id, module_id=lesson.module_id, now=now)
    return len(lessons)
