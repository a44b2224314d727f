"""Workshop screens (/km/workshops/): list, create and edit, and a workshop's page. Scope comes from
workshops.scope (someone else's workshop is a 404; reading without running it, a 403), writes from services;
attendance, the roster and paper tests have their own modules of views.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from . import scope, selectors, services
from .forms import WorkshopForm
from .models import Organisation, Workshop

NO_ACCESS = _("You do not have access to workshops.")
ONLY_READ = _("You can see this workshop but not change it: it is run by %(organisation)s.")
SAVED = _("The workshop was saved.")


def errors_shown(request: HttpRequest, error: ValidationError) -> None:
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


def workshop_in_scope(request: HttpRequest, pk: int, *, change: bool = False):
    """The workshop if this user may see it (else 404), and may change it when `change` (else PermissionDenied)."""
    workshop = get_object_or_404(scope.workshops_for(user=request.user), pk=pk)
    if change and not scope.runs(user=request.user, workshop=workshop):
        raise ReadOnly(workshop)
    return workshop


class ReadOnly(Exception):
    def __init__(self, workshop):
        self.workshop = workshop


def handles_read_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ReadOnly as refused:
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
            workshop = workshop_in_scope(request, pk, change=True)
        except ReadOnly as refused:
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
    workshop = workshop_in_scope(request, pk)
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
