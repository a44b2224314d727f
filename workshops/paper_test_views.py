"""Paper pre- and post-tests: scores per participant, or answers question by question (item analysis)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from . import scope, selectors, services
from .forms import AnswersForm, ScoresForm
from .models import Participant, TestKind
from .views import ReadOnly, errors_shown, handles_read_only, workshop_in_scope, workshops_required

SCORES_SAVED = _("%(count)s scores were saved.")
ANSWERS_SAVED = _("The answers of %(name)s were saved: %(score)s%%.")


@workshops_required
@handles_read_only
def scores(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Scores (%) of a paper pre- or post-test, one box per participant."""
    if kind not in TestKind.values:
        raise Http404
    workshop = workshop_in_scope(request, pk)
    runs = scope.runs(user=request.user, workshop=workshop)
    test = services.paper_test(workshop=workshop, kind=kind) if runs else workshop.paper_tests.filter(kind=kind).first()
    participants = list(
        Participant.objects.filter(workshop=workshop)
        .select_related("learner__learner_profile")
        .order_by("learner__learner_profile__full_name_km", "pk")
    )
    current = dict(test.scores.values_list("participant_id", "score")) if test else {}
    initial = {f"score_{pk}": score for pk, score in current.items()}
    form = ScoresForm(request.POST or None, participants=participants, initial=initial)
    if request.method == "POST":
        if not runs:
            raise ReadOnly(workshop)
        if form.is_valid():
            try:
                count = services.paper_scores_enter(test=test, scores=form.scores(), actor=request.user)
            except ValidationError as error:
                errors_shown(request, error)
            else:
                messages.success(request, SCORES_SAVED % {"count": count})
                return redirect("workshops:scores", workshop.pk, kind)
    return render(
        request,
        "workshops/scores.html",
        {
            "workshop": workshop,
            "test": test,
            "kind_label": TestKind(kind).label,
            "form": form,
            "runs": runs,
            "questions": services.test_questions(test=test) if test else [],
            "items": selectors.item_analysis(workshop=workshop, kind=kind),
        },
    )


@workshops_required
@handles_read_only
def answers(request: HttpRequest, pk: int, kind: str, participant_pk: int) -> HttpResponse:
    """One participant's paper test entered question by question (for item analysis)."""
    if kind not in TestKind.values:
        raise Http404
    workshop = workshop_in_scope(request, pk, change=True)
    participant = get_object_or_404(
        Participant.objects.select_related("learner__learner_profile"), workshop=workshop, pk=participant_pk
    )
    test = services.paper_test(workshop=workshop, kind=kind)
    questions = services.test_questions(test=test)
    entered = {}
    row = test.scores.filter(participant=participant).first()
    if row is not None:
        entered = {f"q_{pk}": correct for pk, correct in row.answers.values_list("question_id", "correct")}
    form = AnswersForm(request.POST or None, questions=questions, initial=entered)
    if request.method == "POST" and form.is_valid():
        try:
            score = services.paper_answers_enter(
                test=test, participant=participant, correct=form.correct(), actor=request.user
            )
        except ValidationError as error:
            errors_shown(request, error)
        else:
            name = participant.learner.learner_profile.full_name_km
            messages.success(request, ANSWERS_SAVED % {"name": name, "score": score.score})
            return redirect("workshops:scores", workshop.pk, kind)
    return render(
        request,
        "workshops/answers.html",
        {
            "workshop": workshop,
            "participant": participant,
            "kind": kind,
            "kind_label": TestKind(kind).label,
            "form": form,
            "questions": questions,
        },
    )
