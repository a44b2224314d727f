"""Attendance per day, on a phone during the workshop (no JavaScript needed), and scans of the paper sign-in
sheet, opened only by those who see the workshop.
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import scope, services
from .forms import DayModulesForm, ScanForm
from .models import Attendance, AttendanceRule, Participant, SignInScan, WorkshopDay
from .views import ReadOnly, errors_shown, handles_read_only, workshop_in_scope, workshops_required

ATTENDANCE_SAVED = _("Attendance of %(date)s was saved: %(present)s of %(total)s present.")
ATTENDANCE_REPEAT = _("This attendance sheet was already saved; nothing changed.")
MODULES_SAVED = _("The modules taught this day were saved.")
SCAN_SAVED = _("The sign-in sheet was attached.")
# Sent by workshops/static/workshops/queue.js with a sheet from the phone's queue.
QUEUED_HEADER = "X-Queued-Form"


@workshops_required
@handles_read_only
def attendance(request: HttpRequest, pk: int, day_pk: int) -> HttpResponse:
    """One day's roster with a tick box each: what a trainer fills in on a phone during the workshop."""
    workshop = workshop_in_scope(request, pk)
    day = get_object_or_404(WorkshopDay, workshop=workshop, pk=day_pk)
    runs = scope.runs(user=request.user, workshop=workshop)
    if request.method == "POST":
        if not runs:
            raise ReadOnly(workshop)
        answer = _attendance_post(request, day)
        if answer is not None:
            return answer
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
            "modules_form": DayModulesForm(day=day) if workshop.attendance_rule == AttendanceRule.MODULE_DAYS else None,
            "scans": SignInScan.objects.filter(day=day),
        },
    )


def _attendance_post(request: HttpRequest, day: WorkshopDay) -> HttpResponse | None:
    """Save a posted sheet. A sheet the page script sends from its queue (header QUEUED_HEADER) is answered in JSON,
    the outcome's message included, so the phone can drop it from the queue or keep it; a plain form is answered
    with a redirect (saved or repeated) or None (the page is shown again with the error)."""
    queued = request.headers.get(QUEUED_HEADER) == "1"
    try:
        client_id = uuid.UUID(request.POST.get("client_id", ""))
    except ValueError:
        client_id = None
    try:
        present = {int(value) for value in request.POST.getlist("present")}
    except ValueError:
        present = None
    try:
        if present is None:
            raise ValidationError(services.NOT_ON_ROSTER, code="not_on_roster")
        recorded = services.attendance_record(day=day, present=present, actor=request.user, client_id=client_id)
    except ValidationError as error:
        if queued:
            return JsonResponse({"saved": False, "message": " ".join(error.messages)}, status=400)
        errors_shown(request, error)
        return None
    if recorded:
        total = Participant.objects.filter(workshop=day.workshop).count()
        message = ATTENDANCE_SAVED % {"date": date_format(day.date), "present": len(present), "total": total}
    else:
        message = ATTENDANCE_REPEAT
    if queued:
        return JsonResponse({"saved": True, "message": str(message)})
    (messages.success if recorded else messages.info)(request, message)
    return redirect("workshops:attendance", day.workshop_id, day.pk)


@require_POST
@workshops_required
@handles_read_only
def scan_upload(request: HttpRequest, pk: int, day_pk: int) -> HttpResponse:
    workshop = workshop_in_scope(request, pk, change=True)
    day = get_object_or_404(WorkshopDay, workshop=workshop, pk=day_pk)
    form = ScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.scan_upload(day=day, upload=form.cleaned_data["file"], actor=request.user)
        except ValidationError as error:
            errors_shown(request, error)
        else:
            messages.success(request, SCAN_SAVED)
    else:
        for items in form.errors.values():
            for message in items:
                messages.error(request, message)
    return redirect("workshops:attendance", workshop.pk, day.pk)


@require_POST
@workshops_required
@handles_read_only
def day_modules(request: HttpRequest, pk: int, day_pk: int) -> HttpResponse:
    workshop = workshop_in_scope(request, pk, change=True)
    day = get_object_or_404(WorkshopDay, workshop=workshop, pk=day_pk)
    form = DayModulesForm(request.POST, day=day)
    if form.is_valid():
        services.day_modules_set(day=day, modules=form.cleaned_data["modules"], now=None)
        messages.success(request, MODULES_SAVED)
    else:
        for items in form.errors.values():
            for message in items:
                messages.error(request, message)
    return redirect("workshops:attendance", workshop.pk, day.pk)


@workshops_required
def scan_file(request: HttpRequest, pk: int, scan_pk: int) -> FileResponse:
    """A scan, for those who see the workshop only (the file is not under the public media folder)."""
    workshop = workshop_in_scope(request, pk)
    scan = get_object_or_404(SignInScan, day__workshop=workshop, pk=scan_pk)
    try:
        handle = scan.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, content_type=scan.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
