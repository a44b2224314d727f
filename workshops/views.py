"""Workshop screens (/km/workshops/...): list, create and edit, the roster, attendance per day (a phone during
the workshop, no JavaScript needed), sign-in sheet scans, and paper test scores. Views stay thin: scope comes
from workshops.scope (someone else's workshop is a 404; reading without running it, a 403), writes from services.
"""

import uuid
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from learners.forms import CoordinatorLearnerForm, ImportUploadForm
from learners.importing import validate
from learners.imports_views import stored_rows, upload_checked
from learners.models import LearnerProfile
from learners.selectors import confirmed_learners, coordinated_provinces, learner_search, learners_for

from . import scope, selectors, services
from .forms import AnswersForm, RosterSearchForm, ScanForm, ScoresForm, WorkshopForm
from .models import Attendance, Organisation, Participant, SignInScan, TestKind, Workshop, WorkshopDay

NO_ACCESS = _("You do not have access to workshops.")
ONLY_READ = _("You can see this workshop but not change it: it is run by %(organisation)s.")
SAVED = _("The workshop was saved.")
ATTENDANCE_SAVED = _("Attendance of %(date)s was saved: %(present)s of %(total)s present.")
ATTENDANCE_REPEAT = _("This attendance sheet was already saved; nothing changed.")
ADDED = _("%(name)s is on the roster.")
REMOVED = _("%(name)s was taken off the roster.")
IMPORTED = _("%(count)s people were registered and put on the roster.")
SCAN_SAVED = _("The sign-in sheet was attached.")
SCORES_SAVED = _("%(count)s scores were saved.")
ANSWERS_SAVED = _("The answers of %(name)s were saved: %(score)s%%.")
PREVIEW_EXPIRED = _("Upload the file again: the preview has expired.")
SEARCH_LIMIT = 20
SESSION_KEY = "workshops_import"


def _errors_shown(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def workshops_required(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not scope.may_see_workshops(request.user):
            return render(request, "workshops/forbidden.html", {"message": NO_ACCESS}, status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _workshop(request: HttpRequest, pk: int, *, change: bool = False):
    """The workshop if this user may see it (else 404), and may change it when `change` (else PermissionDenied)."""
    workshop = get_object_or_404(scope.workshops_for(user=request.user), pk=pk)
    if change and not scope.runs(user=request.user, workshop=workshop):
        raise _ReadOnly(workshop)
    return workshop


class _ReadOnly(Exception):
    def __init__(self, workshop):
        self.workshop = workshop


def handles_read_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _ReadOnly as refused:
            message = ONLY_READ % {"organisation": refused.workshop.organisation.name}
            return render(request, "workshops/forbidden.html", {"message": message}, status=403)

    return wrapper


@workshops_required
def workshop_list(request: HttpRequest) -> HttpResponse:
    workshops = scope.workshops_for(user=request.user).order_by("-starts_on", "-pk")
    return render(
        request,
        "workshops/workshop_list.html",
        {"workshops": workshops[:200], "may_create": scope.organisations_run_by(user=request.user).exists()},
    )


@workshops_required
def workshop_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    organisations = scope.organisations_run_by(user=request.user)
    if pk is None:
        if not organisations.exists():
            return render(request, "workshops/forbidden.html", {"message": NO_ACCESS}, status=403)
        workshop = Workshop()
    else:
        try:
            workshop = _workshop(request, pk, change=True)
        except _ReadOnly as refused:
            message = ONLY_READ % {"organisation": refused.workshop.organisation.name}
            return render(request, "workshops/forbidden.html", {"message": message}, status=403)
        # Its own organisation stays on offer (to NGOCRC, or after a trainer left the organisation's staff).
        organisations = Organisation.objects.filter(
            Q(pk__in=organisations.values("pk")) | Q(pk=workshop.organisation_id)
        )
    form = WorkshopForm(request.POST or None, instance=workshop, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        trainers = list(workshop.trainers.all()) if workshop.pk else []
        if request.user not in trainers:
            trainers.append(request.user)
        try:
            workshop = services.workshop_save(
                workshop=form.instance,
                dates=form.dates(),
                modules=form.cleaned_data["modules"],
                trainers=trainers,
                actor=request.user,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, SAVED)
            return redirect("workshops:detail", workshop.pk)
    return render(request, "workshops/workshop_form.html", {"form": form, "workshop": workshop if pk else None})


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, items in error.message_dict.items():
            form.add_error(name if name in form.fields else None, items)
    else:
        form.add_error(None, error.messages)


@workshops_required
def workshop_detail(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _workshop(request, pk)
    return render(
        request,
        "workshops/workshop_detail.html",
        {
            "workshop": workshop,
            "runs": scope.runs(user=request.user, workshop=workshop),
            "days": workshop.days.order_by("date"),
            "roster": selectors.roster(workshop=workshop),
            "gain": selectors.workshop_gain(workshop=workshop),
            "modules": workshop.modules.order_by("path"),
        },
    )


@workshops_required
@handles_read_only
def attendance(request: HttpRequest, pk: int, day_pk: int) -> HttpResponse:
    """One day's roster with a tick box each: what a trainer fills in on a phone during the workshop."""
    workshop = _workshop(request, pk)
    day = get_object_or_404(WorkshopDay, workshop=workshop, pk=day_pk)
    runs = scope.runs(user=request.user, workshop=workshop)
    if request.method == "POST":
        if not runs:
            raise _ReadOnly(workshop)
        try:
            client_id = uuid.UUID(request.POST.get("client_id", ""))
        except ValueError:
            client_id = None
        try:
            present = {int(value) for value in request.POST.getlist("present")}
        except ValueError:
            present = None
        if present is None:
            messages.error(request, services.NOT_ON_ROSTER)
        else:
            try:
                recorded = services.attendance_record(day=day, present=present, actor=request.user, client_id=client_id)
            except ValidationError as error:
                _errors_shown(request, error)
            else:
                if recorded:
                    total = Participant.objects.filter(workshop=workshop).count()
                    messages.success(
                        request, ATTENDANCE_SAVED % {"date": day.date, "present": len(present), "total": total}
                    )
                else:
                    messages.info(request, ATTENDANCE_REPEAT)
                return redirect("workshops:attendance", workshop.pk, day.pk)
    marks = dict(Attendance.objects.filter(day=day).values_list("participant_id", "present"))
    participants = Participant.objects.filter(workshop=workshop).select_related("learner__learner_profile")
    rows = [
        {
            "participant": participant,
            "present": marks.get(participant.pk),
            "profile": participant.learner.learner_profile,
        }
        for participant in participants.order_by("learner__learner_profile__full_name_km", "pk")
    ]
    return render(
        request,
        "workshops/attendance.html",
        {
            "workshop": workshop,
            "day": day,
            "days": workshop.days.order_by("date"),
            "rows": rows,
            "runs": runs,
            "client_id": uuid.uuid4(),
            "entered": bool(marks),
            "scan_form": ScanForm(),
            "scans": SignInScan.objects.filter(day=day),
        },
    )


@require_POST
@workshops_required
@handles_read_only
def scan_upload(request: HttpRequest, pk: int, day_pk: int) -> HttpResponse:
    workshop = _workshop(request, pk, change=True)
    day = get_object_or_404(WorkshopDay, workshop=workshop, pk=day_pk)
    form = ScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.scan_upload(day=day, upload=form.cleaned_data["file"], actor=request.user)
        except ValidationError as error:
            _errors_shown(request, error)
        else:
            messages.success(request, SCAN_SAVED)
    else:
        for items in form.errors.values():
            for message in items:
                messages.error(request, message)
    return redirect("workshops:attendance", workshop.pk, day.pk)


@workshops_required
def scan_file(request: HttpRequest, pk: int, scan_pk: int) -> FileResponse:
    """A scan, for those who see the workshop only (the file is not under the public media folder)."""
    workshop = _workshop(request, pk)
    scan = get_object_or_404(SignInScan, day__workshop=workshop, pk=scan_pk)
    try:
        handle = scan.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, content_type=scan.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _roster_candidates(request: HttpRequest, workshop, text: str):
    """Learners this user may put on the roster: confirmed learners of the workshop's province, and the people
    the user may see anyway (a trainer: those they enrolled); found by name or phone, a few at a time."""
    in_province = confirmed_learners().filter(province=workshop.province).values("pk")
    mine = learners_for(user=request.user).values("pk")
    candidates = LearnerProfile.objects.select_related("user", "province").filter(
        Q(pk__in=in_province) | Q(pk__in=mine)
    )
    on_roster = Participant.objects.filter(workshop=workshop).values("learner_id")
    return learner_search(queryset=candidates, text=text).exclude(user_id__in=on_roster)


@workshops_required
@handles_read_only
def roster_add(request: HttpRequest, pk: int) -> HttpResponse:
    workshop = _workshop(request, pk, change=True)
    if request.method == "POST":
        profile = LearnerProfile.objects.filter(pk=request.POST.get("learner") or 0).first()
        allowed = profile is not None and _roster_candidates(request, workshop, "").filter(pk=profile.pk).exists()
        if not allowed:
            raise Http404
        try:
            services.participant_add(workshop=workshop, learner=profile.user, actor=request.user)
        except ValidationError as error:
            _errors_shown(request, error)
        else:
            messages.success(request, ADDED % {"name": profile.full_name_km})
        return redirect(f"{request.path}?q={request.POST.get('q', '')}")
    form = RosterSearchForm(request.GET or None)
    found = []
    if form.is_valid():
        found = list(
            _roster_candidates(request, workshop, form.cleaned_data["q"]).order_by("full_name_km")[:SEARCH_LIMIT]
        )
    return render(request, "workshops/roster_add.html", {"workshop": workshop, "form": form, "found": found})


@require_POST
@workshops_required
@handles_read_only
def roster_remove(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    workshop = _workshop(request, pk, change=True)
    participant = get_object_or_404(Participant, workshop=workshop, pk=participant_pk)
    name = participant.learner.learner_profile.full_name_km
    services.participant_remove(participant=participant)
    messages.success(request, REMOVED % {"name": name})
    return redirect("workshops:detail", workshop.pk)


@workshops_required
@handles_read_only
def roster_register(request: HttpRequest, pk: int) -> HttpResponse:
    """Register someone on the spot (the registration checks) and put them on the roster."""
    workshop = _workshop(request, pk, change=True)
    provinces = coordinated_provinces(user=request.user)
    form = CoordinatorLearnerForm(
        request.POST or None,
        provinces=provinces,
        place_province=workshop.province,
        initial={"province": workshop.province, "district": workshop.district, "commune": workshop.commune},
    )
    if request.method == "POST" and form.is_valid():
        try:
            registered = services.roster_register(
                workshop=workshop, details=form.details(), actor=request.user, username=form.cleaned_data["username"]
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return render(
                request,
                "learners/coordinate/password_handover.html",
                {"learner": registered.profile, "password": registered.password},
            )
    return render(request, "workshops/roster_register.html", {"workshop": workshop, "form": form})


@workshops_required
@handles_read_only
def roster_import(request: HttpRequest, pk: int) -> HttpResponse:
    """A file of people (the learner import's columns and checks): a dry run first, then all or none."""
    workshop = _workshop(request, pk, change=True)
    key = f"{SESSION_KEY}_{workshop.pk}"
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.POST.get("confirm"):
        stored = request.session.get(key)
        if not stored:
            messages.error(request, PREVIEW_EXPIRED)
            return redirect("workshops:roster_import", workshop.pk)
        rows = stored_rows(stored)
        validate(rows=rows, provinces=coordinated_provinces(user=request.user))
        if not any(row.errors for row in rows):
            try:
                count = services.roster_import(
                    workshop=workshop, rows=rows, actor=request.user, file_name=stored["file_name"]
                )
            except ValidationError as error:
                _errors_shown(request, error)
            else:
                del request.session[key]
                messages.success(request, IMPORTED % {"count": count})
                return redirect("workshops:detail", workshop.pk)
        return _import_preview(request, workshop, rows, stored["file_name"])
    if request.method == "POST" and form.is_valid():
        rows = upload_checked(request, form, session_key=key)
        if rows is not None:
            return _import_preview(request, workshop, rows, form.cleaned_data["file"].name)
    return render(request, "workshops/roster_import.html", {"workshop": workshop, "form": form})


def _import_preview(request, workshop, rows, file_name):
    problems = [row for row in rows if row.errors]
    return render(
        request,
        "workshops/roster_import.html",
        {
            "workshop": workshop,
            "rows": rows,
            "problems": problems,
            "file_name": file_name,
            "ready": not problems,
            "preview": True,
        },
    )


@workshops_required
@handles_read_only
def scores(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Scores (%) of a paper pre- or post-test, one box per participant."""
    if kind not in TestKind.values:
        raise Http404
    workshop = _workshop(request, pk)
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
            raise _ReadOnly(workshop)
        if form.is_valid():
            try:
                count = services.paper_scores_enter(test=test, scores=form.scores(), actor=request.user)
            except ValidationError as error:
                _errors_shown(request, error)
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
    workshop = _workshop(request, pk, change=True)
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
            _errors_shown(request, error)
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
