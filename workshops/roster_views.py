"""A workshop's roster: learners found by name or phone, a file (the learner import's dry run), or someone
registered on the spot (the registration checks).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from learners.forms import CoordinatorLearnerForm, ImportUploadForm
from learners.importing import validate
from learners.imports_views import stored_rows, upload_checked
from learners.models import LearnerProfile
from learners.selectors import confirmed_learners, coordinated_provinces, learner_search, learners_for

from . import services
from .forms import RosterSearchForm
from .models import Participant
from .views import errors_shown, handles_read_only, workshop_in_scope, workshops_required

ADDED = _("%(name)s is on the roster.")
REMOVED = _("%(name)s was taken off the roster.")
IMPORTED = _("%(count)s people were registered and put on the roster.")
PREVIEW_EXPIRED = _("Upload the file again: the preview has expired.")
SEARCH_LIMIT = 20
SESSION_KEY = "workshops_import"


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
    workshop = workshop_in_scope(request, pk, change=True)
    if request.method == "POST":
        chosen = request.POST.get("learner", "")
        profile = LearnerProfile.objects.filter(pk=int(chosen)).first() if chosen.isdigit() else None
        allowed = profile is not None and _roster_candidates(request, workshop, "").filter(pk=profile.pk).exists()
        if not allowed:
            raise Http404
        try:
            services.participant_add(workshop=workshop, learner=profile.user, actor=request.user)
        except ValidationError as error:
            errors_shown(request, error)
        else:
            messages.success(request, ADDED % {"name": profile.full_name_km})
        return redirect(f"{request.path}?{urlencode({'q': request.POST.get('q', '')})}")
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
    workshop = workshop_in_scope(request, pk, change=True)
    participant = get_object_or_404(Participant, workshop=workshop, pk=participant_pk)
    name = participant.learner.learner_profile.full_name_km
    services.participant_remove(participant=participant)
    messages.success(request, REMOVED % {"name": name})
    return redirect("workshops:detail", workshop.pk)


@workshops_required
@handles_read_only
def roster_register(request: HttpRequest, pk: int) -> HttpResponse:
    """Register someone on the spot (the registration checks) and put them on the roster."""
    workshop = workshop_in_scope(request, pk, change=True)
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
    workshop = workshop_in_scope(request, pk, change=True)
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
                errors_shown(request, error)
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
