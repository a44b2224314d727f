"""Coordinators' screens (/km/coordinate/...): learner list with each learner's progress, detail, create, edit,
password, unlock. Decisions on registrations are in decision_views, downloads in export_views.

Every view looks learners up through `selectors.learners_for(user=...)`, so a learner outside the coordinator's
provinces is simply not found (404), whatever link or URL was used.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import lockout, selectors, services
from .account_views import details_initial
from .coordinate_forms import LearnerFilterForm
from .forms import CoordinatorLearnerForm, LearnerDetailsForm
from .models import Confirmation, LearnerProfile
from .progress import LearnerProgress, TrainingStatus, progress_source, training_status

LEARNER_SAVED = _("%(name)s is saved.")
LEARNER_CREATED = _("%(name)s can now sign in with the username %(username)s and the password shown below.")
ENROLMENT_WAITS = _(
    "%(name)s can start learning now; they count in the reports once a coordinator of %(province)s confirms them."
)
UNLOCKED = _("%(name)s can sign in again.")
NO_ACCESS = _("You do not have access to this page.")
PAGE_SIZE = 50


def coordinator_required(permission: str):
    """Signed-in coordinators or trainers holding `learners.<permission>`; others get 403 (anonymous: sign-in).

    Which learners they reach is decided by `selectors.learners_for`: anyone else's learner is a 404."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not (selectors.manages_learners(user) and user.has_perm(f"learners.{permission}")):
                return render(request, "learners/forbidden.html", {"message": NO_ACCESS}, status=403)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def learner_in_scope(request: HttpRequest, pk: int) -> LearnerProfile:
    return get_object_or_404(selectors.learners_for(user=request.user), pk=pk)


def filtered_learners(request: HttpRequest) -> tuple[LearnerFilterForm, QuerySet[LearnerProfile]]:
    """The list's filter form and the learners it selects, within the user's scope. A province outside the scope
    is a 404; other filters that are not the user's to choose make the form invalid, and the list empty."""
    provinces = selectors.coordinated_provinces(user=request.user)
    if request.GET.get("province") and not provinces.filter(code=request.GET["province"]).exists():
        raise Http404  # a province outside the coordinator's scope does not exist for them
    form = LearnerFilterForm(request.GET, provinces=provinces)
    queryset = selectors.learners_for(user=request.user)
    if not form.is_valid():
        return form, queryset.none()
    return form, selectors.learners_filtered(queryset=queryset, filters=form.cleaned_data)


@dataclass(frozen=True)
class ListRow:
    learner: LearnerProfile
    status: TrainingStatus
    progress: LearnerProgress

    @property
    def waiting(self) -> bool:
        return self.learner.confirmation == Confirmation.PENDING


@coordinator_required("view_learnerprofile")
def learner_list(request: HttpRequest) -> HttpResponse:
    form, queryset = filtered_learners(request)
    page = Paginator(queryset.values_list("pk", flat=True), PAGE_SIZE).get_page(request.GET.get("page"))
    learners = selectors.learners_by_ids(ids=list(page))
    found = progress_source().progress(learners=learners)  # a fixed few queries for the whole page
    rows = [
        ListRow(learner, training_status(learner), found.get(learner.pk, LearnerProgress())) for learner in learners
    ]
    query = request.GET.copy()
    query.pop("page", None)
    can_confirm = request.user.has_perm("learners.confirm_learner")
    return render(
        request,
        "learners/coordinate/learner_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "filtered": bool(form.errors) or any(request.GET.get(name) for name in form.fields if name != "q"),
            "can_confirm": can_confirm and any(row.waiting for row in rows),
            "can_add": request.user.has_perm("learners.add_learnerprofile"),
            "can_import": request.user.has_perm("learners.import_learners"),
            "can_export": request.user.has_perm("learners.export_learners"),
        },
    )


@coordinator_required("view_learnerprofile")
def learner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    learner = learner_in_scope(request, pk)
    return render(
        request,
        "learners/coordinate/learner_detail.html",
        {
            "learner": learner,
            "decision": selectors.latest_decision(profile=learner),
            "locked": lockout.account_locked(learner.user),
            "credentials_locked": not services.may_change_credentials(actor=request.user, user=learner.user),
            "staff_notice": services.STAFF_ACCOUNT_NOTICE,
        },
    )


@coordinator_required("add_learnerprofile")
def learner_create(request: HttpRequest) -> HttpResponse:
    provinces = selectors.coordinated_provinces(user=request.user)
    chosen = None
    code = request.POST.get("province") or request.GET.get("province")
    if code:
        chosen = provinces.filter(code=code).first()
    elif provinces.count() == 1:
        chosen = provinces.first()
    form = CoordinatorLearnerForm(
        request.POST or None, provinces=provinces, place_province=chosen, initial={"province": chosen}
    )
    if request.method == "POST" and form.is_valid():
        password = services.handover_password()
        try:
            learner = services.learner_enrol(
                details=form.details(),
                actor=request.user,
                username=form.cleaned_data["username"],
                password=password,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, LEARNER_CREATED % {"name": learner.full_name_km, "username": learner.user.username}
            )
            if not learner.is_confirmed:
                messages.info(request, ENROLMENT_WAITS % {"name": learner.full_name_km, "province": learner.province})
            return render(
                request, "learners/coordinate/password_handover.html", {"learner": learner, "password": password}
            )
    return render(request, "learners/coordinate/learner_form.html", {"form": form, "learner": None})


@coordinator_required("change_learnerprofile")
def learner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    learner = learner_in_scope(request, pk)
    form = LearnerDetailsForm(
        request.POST or None,
        provinces=selectors.coordinated_provinces(user=request.user),
        place_province=learner.province,
        initial=details_initial(learner),
        credentials_locked=not services.may_change_credentials(actor=request.user, user=learner.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.learner_update(profile=learner, details=form.details(), actor=request.user)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, LEARNER_SAVED % {"name": learner.full_name_km})
            return redirect("learners:learner_detail", pk=learner.pk)
    return render(request, "learners/coordinate/learner_form.html", {"form": form, "learner": learner})


@coordinator_required("reset_learner_password")
def learner_password(request: HttpRequest, pk: int) -> HttpResponse:
    learner = learner_in_scope(request, pk)
    if request.method == "POST":
        try:
            password = services.learner_reset_password(profile=learner, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("learners:learner_detail", pk=learner.pk)
        return render(request, "learners/coordinate/password_handover.html", {"learner": learner, "password": password})
    return render(request, "learners/coordinate/password_confirm.html", {"learner": learner})


@require_POST
@coordinator_required("unlock_learner")
def learner_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    learner = learner_in_scope(request, pk)
    try:
        services.learner_unlock(profile=learner, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, UNLOCKED % {"name": learner.full_name_km})
    return redirect("learners:learner_detail", pk=learner.pk)
