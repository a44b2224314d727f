"""Coordinators' decisions on registrations (/km/coordinate/...): the waiting list, confirm one or a selection,
reject with a reason (asked on a page of its own, which is the confirmation step), and undo a rejection.

Learners are looked up through `selectors.learners_for(user=...)`, so another province's learner is a 404; a
selection is checked row by row by the service, on the server.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import confirmation, selectors
from .coordinate_forms import RejectForm
from .coordinate_views import coordinator_required, learner_in_scope
from .models import Confirmation

CONFIRMED = _("%(name)s is confirmed.")
REJECTED = _("%(name)s is rejected: they can still read the manual, but are not counted in reports.")
REOPENED = _("The rejection of %(name)s is undone: they are waiting for confirmation again.")
BAD_SELECTION = _("The selection could not be read. Choose the people again.")


def _next_or(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


def _error(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@require_POST
@coordinator_required("confirm_learner")
def learner_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    learner = learner_in_scope(request, pk)
    try:
        confirmation.learner_confirm(profile=learner, actor=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, CONFIRMED % {"name": learner.full_name_km})
    return redirect(_next_or(request, reverse("learners:waiting")))


@require_POST
@coordinator_required("confirm_learner")
def learners_confirm(request: HttpRequest) -> HttpResponse:
    """Confirm the learners ticked on the list or the waiting page (all or nothing, see the service)."""
    back = _next_or(request, reverse("learners:waiting"))
    try:
        ids = [int(value) for value in request.POST.getlist("learner")]
    except ValueError:
        messages.error(request, BAD_SELECTION)
        return redirect(back)
    try:
        result = confirmation.learners_confirm(ids=ids, actor=request.user)
    except ValidationError as error:
        _error(request, error)
    except PermissionDenied as refusal:
        messages.error(request, str(refusal))
    else:
        if result.confirmed:
            count = len(result.confirmed)
            messages.success(
                request,
                ngettext("%(count)s person is confirmed.", "%(count)s people are confirmed.", count) % {"count": count},
            )
        if result.not_waiting:
            count = len(result.not_waiting)
            messages.info(
                request,
                ngettext(
                    "%(count)s person was already decided and is left as it was.",
                    "%(count)s people were already decided and are left as they were.",
                    count,
                )
                % {"count": count},
            )
    return redirect(back)


@coordinator_required("confirm_learner")
def learner_reject(request: HttpRequest, pk: int) -> HttpResponse:
    """A page that asks why, and says what a rejection does, before anything is changed."""
    learner = learner_in_scope(request, pk)
    if learner.confirmation != Confirmation.PENDING:
        messages.error(request, confirmation.NOT_WAITING)  # decided meanwhile, perhaps by someone else
        return redirect("learners:learner_detail", pk=learner.pk)
    form = RejectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            confirmation.learner_reject(profile=learner, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                _error(request, error)
                return redirect("learners:learner_detail", pk=learner.pk)
        else:
            messages.success(request, REJECTED % {"name": learner.full_name_km})
            # The learner's page says who rejected them and why, with the button that undoes it.
            return redirect("learners:learner_detail", pk=learner.pk)
    return render(
        request,
        "learners/coordinate/reject.html",
        {"learner": learner, "form": form, "back": _next_or(request, reverse("learners:waiting"))},
    )


@require_POST
@coordinator_required("confirm_learner")
def learner_rejection_undo(request: HttpRequest, pk: int) -> HttpResponse:
    learner = learner_in_scope(request, pk)
    try:
        confirmation.learner_rejection_undo(profile=learner, actor=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, REOPENED % {"name": learner.full_name_km})
    return redirect("learners:learner_detail", pk=learner.pk)


@coordinator_required("confirm_learner")
def waiting(request: HttpRequest) -> HttpResponse:
    learners = selectors.learners_waiting(user=request.user)
    return render(
        request,
        "learners/coordinate/waiting.html",
        {"learners": learners[: confirmation.BULK_MAX], "total": learners.count()},
    )
