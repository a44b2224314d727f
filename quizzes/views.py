"""Taking a quiz one question per screen (each "Next" saves), its results, and "My training".

Views stay thin: rules live in services (writes) and selectors (reads). Nothing that reveals a correct answer,
feedback or explanation is rendered while an attempt is open, nor on a result before the quiz's review setting
allows it (quizzes.review); choices travel as per-attempt tokens, never as ids (quizzes.tokens).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from wagtail.images import get_image_model

from core.translated import in_language, text_language
from curriculum.models import ModulePage

from . import selectors
from .attempts import NOT_YOUR_ATTEMPT, QuizError, attempt_answer, attempt_open, attempt_start, attempt_submit
from .certificate_views import site_manual
from .models import Attempt, Quiz
from .review import answers_hidden_reason


def _question_view(question: dict, answers: dict, image_model) -> dict:
    """What the question screen may show: texts and the choices' opaque tokens only (quizzes.tokens), never
    choice ids, correctness or feedback."""
    chosen = set(answers.get(str(question["id"]), []))
    image = image_model.objects.filter(pk=question["image_id"]).first() if question.get("image_id") else None
    return {
        "id": question["id"],
        "kind": question["kind"],
        "text": in_language(question["text"]),
        "lang": text_language(question["text"]),
        "image": image,
        "choices": [
            {
                "value": choice["token"],
                "text": in_language(choice["text"]),
                "lang": text_language(choice["text"]),
                "checked": choice["id"] in chosen,
            }
            for choice in question["choices"]
        ],
    }


def _attempt_or_404(request, attempt_id: int, *, with_quiz: bool = True):
    attempt = selectors.learner_attempt(learner=request.user, attempt_id=attempt_id, with_quiz=with_quiz)
    if attempt is None:
        raise Http404
    return attempt


def _first_unanswered(attempt) -> int | None:
    for index, question in enumerate(attempt.questions, start=1):
        if str(question["id"]) not in attempt.answers:
            return index
    return None


def _module_url(module: ModulePage, request) -> str:
    return module.get_url(request) or "/"


@never_cache
@login_required
@require_POST
def quiz_start(request: HttpRequest, quiz_id: int) -> HttpResponse:
    # "Continue the quiz" resumes the open attempt with one read; the quiz is only loaded to start a new one.
    attempt = attempt_open(learner=request.user, quiz_id=quiz_id)
    if attempt is None:
        quiz = get_object_or_404(Quiz.objects.select_related("module"), pk=quiz_id)
        try:
            attempt = attempt_start(learner=request.user, quiz=quiz)
        except QuizError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(_module_url(quiz.module, request))
    number = _first_unanswered(attempt)
    # Every question answered: what is left is to check and submit, so "Continue the quiz" opens the review.
    if number is None:
        return redirect("quizzes:review", attempt_id=attempt.pk)
    return redirect("quizzes:question", attempt_id=attempt.pk, number=number)


@never_cache
@login_required
def question(request: HttpRequest, attempt_id: int, number: int) -> HttpResponse:
    attempt = _attempt_or_404(request, attempt_id, with_quiz=False)
    if not attempt.is_open:
        return redirect("quizzes:result", attempt_id=attempt.pk)
    total = len(attempt.questions)
    if not 1 <= number <= total:
        raise Http404
    current = attempt.questions[number - 1]
    if request.method == "POST":
        try:
            attempt = attempt_answer(
                attempt=attempt,
                learner=request.user,
                question_id=request.POST.get("question"),
                choice_tokens=request.POST.getlist("choice"),
            )
        except QuizError as error:
            messages.error(request, str(error))
            return redirect("quizzes:question", attempt_id=attempt.pk, number=number)
        if "previous" in request.POST and number > 1:
            return redirect("quizzes:question", attempt_id=attempt.pk, number=number - 1)
        if number < total and "review" not in request.POST:
            return redirect("quizzes:question", attempt_id=attempt.pk, number=number + 1)
        return redirect("quizzes:review", attempt_id=attempt.pk)
    heading = selectors.quiz_heading(attempt)
    context = {
        "attempt": attempt,
        "module": heading.module,
        "quiz_title": heading.quiz_title,
        "number": number,
        "total": total,
        "answered": len(attempt.answers),
        "question": _question_view(current, attempt.answers, get_image_model()),
    }
    return render(request, "quizzes/question.html", context)


@never_cache
@login_required
@require_GET
def review(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _attempt_or_404(request, attempt_id, with_quiz=False)
    if not attempt.is_open:
        return redirect("quizzes:result", attempt_id=attempt.pk)
    rows = [
        {
            "number": index,
            "text": in_language(question["text"]),
            "lang": text_language(question["text"]),
            "answered": str(question["id"]) in attempt.answers,
        }
        for index, question in enumerate(attempt.questions, start=1)
    ]
    heading = selectors.quiz_heading(attempt)
    context = {
        "attempt": attempt,
        "module": heading.module,
        "quiz_title": heading.quiz_title,
        "rows": rows,
        "unanswered": sum(1 for row in rows if not row["answered"]),
    }
    return render(request, "quizzes/review.html", context)


@never_cache
@login_required
@require_POST
def submit(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """Grade and close the attempt. A second tap (or a retry after a dropped connection) lands on the same
    result; the service reads and locks the attempt itself, so nothing is read twice on this busy path."""
    try:
        attempt_submit(attempt=Attempt(pk=attempt_id), learner=request.user)
    except Attempt.DoesNotExist:
        raise Http404 from None
    except QuizError as error:
        if error.message == NOT_YOUR_ATTEMPT:
            raise Http404 from None
        messages.error(request, str(error))
        return redirect("quizzes:review", attempt_id=attempt_id)
    return redirect("quizzes:result", attempt_id=attempt_id)


def _result_rows(attempt, *, reveal: bool) -> list[dict]:
    """Each question with the learner's own answers and mark; the correct answers, feedback and explanation only
    when `reveal` (the quiz's review setting allows them): otherwise they are not even in the template's context."""
    rows = []
    for index, question in enumerate(attempt.questions, start=1):
        chosen = set(attempt.answers.get(str(question["id"]), []))
        mark = attempt.results.get(str(question["id"]), {})
        choices = []
        for choice in question["choices"]:
            picked = choice["id"] in chosen
            choices.append(
                {
                    "text": in_language(choice["text"]),
                    "lang": text_language(choice["text"]),
                    "picked": picked,
                    "correct": reveal and choice["correct"],
                    "feedback": in_language(choice["feedback"]) if reveal and picked else "",
                }
            )
        rows.append(
            {
                "number": index,
                "text": in_language(question["text"]),
                "lang": text_language(question["text"]),
                "correct": mark.get("correct", False),
                "points": mark.get("points", 0),
                "partial": 0 < mark.get("points", 0) < 1,
                "choices": choices,
                "explanation": in_language(question["explanation"]) if reveal else "",
                "explanation_lang": text_language(question["explanation"]) if reveal else "",
                "answered": bool(chosen),
            }
        )
    return rows


@never_cache
@login_required
@require_GET
def result(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _attempt_or_404(request, attempt_id)
    if attempt.is_open:
        return redirect("quizzes:review", attempt_id=attempt.pk)
    module = attempt.quiz.module
    state = selectors.quiz_state(learner=request.user, module_id=module.pk)
    hidden_reason = answers_hidden_reason(
        policy=attempt.quiz.review,
        passed=state.passed,
        attempts_left=state.attempts_left,
        attempt_open=state.open_attempt is not None,
    )
    manual = site_manual(request)
    next_module = None
    if manual is not None:
        next_module = ModulePage.objects.child_of(manual).live().filter(path__gt=module.path).order_by("path").first()
    context = {
        "attempt": attempt,
        "module": module,
        "quiz_title": in_language(attempt.snapshot.get("title")) or attempt.quiz.title,
        "rows": _result_rows(attempt, reveal=hidden_reason is None),
        "answers_hidden": hidden_reason,
        "state": state,
        "can_retry": not state.passed and (state.attempts_left is None or state.attempts_left > 0),
        "next_module": next_module,
        "certificate": selectors.certificate_for(learner=request.user, manual=manual) if manual else None,
    }
    return render(request, "quizzes/result.html", context)


@never_cache
@login_required
@require_GET
def my_training(request: HttpRequest) -> HttpResponse:
    manual = site_manual(request)
    if manual is None:
        raise Http404
    overview = selectors.training_overview(learner=request.user, manual=manual)
    return render(request, "quizzes/my_training.html", {"manual": manual, **overview})
