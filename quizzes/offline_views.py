"""The one-page quiz a phone keeps for taking offline, and the endpoint that receives what the phone kept.

The one-page quiz works without JavaScript too (it posts like any form). The sync endpoint speaks JSON only: an
anonymous caller gets a 401 with a message, never the sign-in page, since a script and not a reader asks. The
rules are quizzes.offline's; these views read requests and write responses.
"""

import json
import logging
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.images import get_image_model

from core.converters import ID_MAX
from core.translated import in_language, text_language

from . import selectors
from .attempts import QUIZ_NOT_READY, QuizError, QuizRetryLater, attempt_limits_check, quiz_content_snapshot
from .completion import bilingual
from .models import Attempt, Quiz
from .offline import offline_attempt_record, offline_lessons, offline_lessons_record, offline_questions, quiz_version

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
MAX_ATTEMPTS = 50
MAX_LESSONS = 500

SIGN_IN_TO_SEND = _("Sign in to send the answers saved on this phone.")
OTHER_ACCOUNT = _("These answers were saved on this phone by another account. Sign in as that person to send them.")
BODY_TOO_LARGE = _("Too much was sent at once. Your answers stay on this phone.")
TOO_MANY_ITEMS = _(
    "At most %(attempts)s quizzes and %(lessons)s lessons can be sent at once. Your answers stay on this phone."
)
BODY_UNREADABLE = _("What this phone sent could not be read. Your answers stay on this phone.")
ATTEMPT_UNREADABLE = _("These saved answers could not be read, so they cannot be marked. Please take the quiz again.")
SERVER_BUSY = _("The server is busy. Your answers stay on this phone and will be sent again.")
ANSWERS_SENT = _("Your answers to %(quiz)s were sent: %(score)s%%.")


# The one-page quiz.


def _page_questions(questions: list[dict]) -> list[dict]:
    """The questions in the reader's language, with their pictures (one query for all of them)."""
    image_ids = {question["image_id"] for question in questions if question["image_id"]}
    images = get_image_model().objects.in_bulk(image_ids) if image_ids else {}
    return [
        {
            "id": question["id"],
            "kind": question["kind"],
            "text": in_language(question["text"]),
            "lang": text_language(question["text"]),
            "image": images.get(question["image_id"]),
            "choices": [
                {"value": choice["token"], "text": in_language(choice["text"]), "lang": text_language(choice["text"])}
                for choice in question["choices"]
            ],
        }
        for question in questions
    ]


def _refusal(*, learner, quiz: Quiz, content: dict) -> str | None:
    """Why the learner cannot take this quiz now (the messages starting an attempt gives), or None."""
    if not content["questions"]:
        return str(QUIZ_NOT_READY)
    try:
        attempts = Attempt.objects.filter(learner=learner, quiz=quiz)
        attempt_limits_check(quiz=quiz, attempts=attempts, now=timezone.now())
    except QuizError as error:
        return str(error)
    return None


def _posted_answers(post) -> dict[str, list[str]]:
    """`q<question id>` fields as question id -> tokens."""
    return {name[1:]: post.getlist(name) for name in post if name.startswith("q") and name[1:].isdigit()}


def _posted_attempt_id(post) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(post.get("attempt", "")))
    except ValueError:
        return None


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def offline_quiz(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The whole quiz on one page, for this learner. A POST (no JavaScript, or the script failed) records the
    attempt as the sync endpoint does and shows the result; a refusal shows the page again, answers still ticked."""
    quiz = get_object_or_404(Quiz.objects.live().select_related("module"), pk=quiz_id)
    content = quiz_content_snapshot(quiz=quiz)
    version = quiz_version(content)
    attempt_id = uuid.uuid4()
    ticked: set[str] = set()
    refused = None
    if request.method == "POST":
        posted_id = _posted_attempt_id(request.POST)
        answers = _posted_answers(request.POST)
        try:
            if posted_id is None:
                raise QuizError(ATTEMPT_UNREADABLE)
            attempt = offline_attempt_record(
                learner=request.user,
                client_id=posted_id,
                quiz_id=quiz.pk,
                version=str(request.POST.get("version", "")),
                answers=answers,
            )
        except QuizError as error:
            refused = str(error)
            messages.error(request, refused)
            attempt_id = posted_id or attempt_id  # nothing was recorded: the same attempt may be sent again
            ticked = {token for tokens in answers.values() for token in tokens}
        else:
            return redirect("quizzes:result", attempt_id=attempt.pk)
    refusal = _refusal(learner=request.user, quiz=quiz, content=content)
    questions = []
    if refusal is None:
        questions = _page_questions(
            offline_questions(content=content, learner_pk=request.user.pk, quiz_pk=quiz.pk, version=version)
        )
    state = selectors.quiz_state(learner=request.user, module_id=quiz.module_id)
    context = {
        "quiz": quiz,
        "module": quiz.module,
        "quiz_title": in_language(bilingual(quiz, "title")) or quiz.title,
        "version": version,
        "attempt_id": attempt_id,
        "questions": questions,
        "question_total": len(content["questions"]),
        "ticked": ticked,
        "attempts_left": state.attempts_left,
        "refusal": None if refusal == refused else refusal,  # said once: the message already says it
    }
    return render(request, "quizzes/offline_quiz.html", context)


# Sync.


class BadBody(Exception):
    """The request body is not what a phone sends: a 400 with `message`."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


def _id(value) -> int | None:
    """A database id from JSON: a whole number in the id columns' range (not a bool, not a string)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= ID_MAX:
        return value
    return None


def _sync_body(request: HttpRequest) -> dict:
    """The parsed body, checked for size and shape (the attempts themselves are checked one by one)."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        raise BadBody(BODY_TOO_LARGE)  # refused before the body is read
    try:
        body = request.body
    except RequestDataTooBig:
        raise BadBody(BODY_TOO_LARGE) from None
    if len(body) > MAX_BODY_BYTES:
        raise BadBody(BODY_TOO_LARGE)
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise BadBody(BODY_UNREADABLE) from None
    if not isinstance(data, dict):
        raise BadBody(BODY_UNREADABLE)
    attempts, lessons = data.get("attempts", []), data.get("lessons", [])
    if _id(data.get("learner")) is None or not isinstance(attempts, list) or not isinstance(lessons, list):
        raise BadBody(BODY_UNREADABLE)
    if len(attempts) > MAX_ATTEMPTS or len(lessons) > MAX_LESSONS:
        raise BadBody(TOO_MANY_ITEMS % {"attempts": MAX_ATTEMPTS, "lessons": MAX_LESSONS})
    return data


def _attempt_entry(entry) -> tuple[str | None, dict | None]:
    """(the id as sent, the checked fields) of one attempt in the body; the fields are None if unreadable."""
    if not isinstance(entry, dict):
        return None, None
    sent_id = entry.get("id") if isinstance(entry.get("id"), str) else None
    answers = entry.get("answers", {})
    try:
        client_id = uuid.UUID(sent_id or "")
    except ValueError:
        return sent_id, None
    quiz_id, version = _id(entry.get("quiz")), entry.get("version")
    if quiz_id is None or not isinstance(version, str) or not isinstance(answers, dict):
        return sent_id, None
    return sent_id, {"client_id": client_id, "quiz_id": quiz_id, "version": version, "answers": answers}


def _quiz_titles(entries: list[dict | None]) -> dict[int, str]:
    ids = {fields["quiz_id"] for fields in entries if fields}
    quizzes = Quiz.objects.filter(pk__in=ids).only("pk", "title", "title_km", "title_en")
    return {quiz.pk: in_language(bilingual(quiz, "title")) or quiz.title for quiz in quizzes}


def _attempt_result(request: HttpRequest, sent_id: str | None, fields: dict | None, titles: dict) -> dict:
    """Record one attempt (its own transaction) and say what became of it, in the reader's language."""
    if fields is None:
        return {"id": sent_id, "status": "rejected", "message": str(ATTEMPT_UNREADABLE)}
    title = titles.get(fields["quiz_id"], "")
    try:
        attempt = offline_attempt_record(learner=request.user, **fields)
    except QuizRetryLater as error:
        return {"id": sent_id, "status": "later", "message": str(error), "quiz_title": title}
    except QuizError as error:
        return {"id": sent_id, "status": "rejected", "message": str(error), "quiz_title": title}
    except DatabaseError:
        # Kept on the phone and sent again; a lost answer is worse than a retry.
        logger.exception("Recording an offline attempt failed")
        return {"id": sent_id, "status": "later", "message": str(SERVER_BUSY), "quiz_title": title}
    title = in_language(attempt.snapshot.get("title")) or title
    return {
        "id": sent_id,
        "status": "graded",
        "attempt": attempt.pk,
        "result_url": reverse("quizzes:result", kwargs={"attempt_id": attempt.pk}),
        "score": attempt.score,
        "passed": attempt.passed,
        "quiz_title": title,
        "message": str(ANSWERS_SENT) % {"quiz": title, "score": attempt.score},
    }


def _lesson_ids(lessons: list) -> list[int]:
    ids = (_id(entry.get("lesson")) if isinstance(entry, dict) else None for entry in lessons)
    return [lesson_id for lesson_id in ids if lesson_id is not None]


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def offline_sync(request: HttpRequest) -> HttpResponse:
    """GET: who is signed in and a CSRF token for the POST. POST: a phone's kept attempts and lessons read,
    each attempt recorded in its own transaction; the results in the order sent."""
    if not request.user.is_authenticated:
        return _private(JsonResponse({"signed_in": False, "message": str(SIGN_IN_TO_SEND)}, status=401))
    if request.method == "GET":
        return _private(JsonResponse({"learner": request.user.pk, "csrf": get_token(request)}))
    try:
        data = _sync_body(request)
    except BadBody as error:
        return _private(JsonResponse({"message": str(error.message)}, status=400))
    if data["learner"] != request.user.pk:
        return _private(JsonResponse({"message": str(OTHER_ACCOUNT)}, status=409))
    # Lessons first: a quiz passed in the same batch then completes its module at once.
    lessons = offline_lessons(lesson_ids=_lesson_ids(data["lessons"]), accepts=lambda r: r.accept_request(request))
    recorded = offline_lessons_record(learner=request.user, lessons=lessons)
    entries = [_attempt_entry(entry) for entry in data["attempts"]]
    titles = _quiz_titles([fields for _sent, fields in entries])
    results = [_attempt_result(request, sent_id, fields, titles) for sent_id, fields in entries]
    return _private(JsonResponse({"attempts": results, "lessons": {"recorded": recorded}}))
