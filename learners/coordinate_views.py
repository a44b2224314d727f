"""Coordinators' screens (/km/coordinate/...): learner list, detail, create, edit, confirm, unlock, exports.

Every view looks learners up through `selectors.learners_for(user=...)`, so a learner outside the coordinator's
provinces is simply not found (404), whatever link or URL was used.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.exports import csv_response, xlsx_response

from . import lockout, selectors, services
from .account_views import details_initial
from .forms import CoordinatorLearnerForm, LearnerDetailsForm, LearnerSearchForm
from .models import LearnerProfile

LEARNER_SAVED = _("%(name)s is saved.")
LEARNER_CREATED = _("%(name)s can now sign in with the username %(username)s and the password shown below.")
ENROLMENT_WAITS = _(
    "%(name)s can start learning now; they count in the reports once a coordinator of %(province)s confirms them."
)
CONFIRMED = _("%(name)s is confirmed.")
REJECTED = _("%(name)s is rejected: they can still read the manual, but are not counted in reports.")
UNLOCKED = _("%(name)s can sign in again.")
NO_ACCESS = _("You do not have access to this page.")

EXPORT_COLUMNS = [
    ("username", _("Username")),
    ("full_name_km", _("Full name in Khmer")),
    ("full_name_latin", _("Name in Latin letters")),
    ("gender", _("Gender")),
    ("role", _("Role")),
    ("province", _("Province")),
    ("district", _("District")),
    ("commune", _("Commune")),
    ("unit", _("Unit or organisation")),
    ("phone", _("Phone number")),
    ("email", _("E-mail")),
    ("confirmation", _("Confirmation")),
    ("created_at", _("Created at")),
]


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


def _learner(request: HttpRequest, pk: int) -> LearnerProfile:
    return get_object_or_404(selectors.learners_for(user=request.user), pk=pk)


def _filtered(request: HttpRequest):
    provinces = selectors.coordinated_provinces(user=request.user)
    form = LearnerSearchForm(request.GET or None, provinces=provinces)
    queryset = selectors.learners_for(user=request.user)
    if request.GET.get("province") and not provinces.filter(code=request.GET["province"]).exists():
        raise Http404  # a province outside the coordinator's scope does not exist for them
    if form.is_valid():
        data = form.cleaned_data
        queryset = selectors.learner_search(queryset=queryset, text=data["q"])
        if data["province"]:
            queryset = queryset.filter(province=data["province"])
        if data["confirmation"]:
            queryset = queryset.filter(confirmation=data["confirmation"])
    return form, queryset


@coordinator_required("view_learnerprofile")
def learner_list(request: HttpRequest) -> HttpResponse:
    form, queryset = _filtered(request)
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "learners/coordinate/learner_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "waiting": selectors.learners_waiting(user=request.user).count(),
            "can_add": request.user.has_perm("learners.add_learnerprofile"),
            "can_import": request.user.has_perm("learners.import_learners"),
            "can_export": request.user.has_perm("learners.export_learners"),
        },
    )


@coordinator_required("view_learnerprofile")
def learner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    learner = _learner(request, pk)
    return render(
        request,
        "learners/coordinate/learner_detail.html",
        {
            "learner": learner,
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
    learner = _learner(request, pk)
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
    learner = _learner(request, pk)
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
    learner = _learner(request, pk)
    try:
        services.learner_unlock(profile=learner, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, UNLOCKED % {"name": learner.full_name_km})
    return redirect("learners:learner_detail", pk=learner.pk)


def _next_or(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@require_POST
@coordinator_required("confirm_learner")
def learner_decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    learner = _learner(request, pk)
    service, message = {
        "confirm": (services.learner_confirm, CONFIRMED),
        "reject": (services.learner_reject, REJECTED),
    }[decision]
    try:
        service(profile=learner, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, message % {"name": learner.full_name_km})
    return redirect(_next_or(request, reverse("learners:waiting")))


@coordinator_required("confirm_learner")
def waiting(request: HttpRequest) -> HttpResponse:
    learners = selectors.learners_waiting(user=request.user)
    return render(request, "learners/coordinate/waiting.html", {"learners": learners[:200], "total": learners.count()})


def export_row(learner: LearnerProfile) -> list[str]:
    return [
        learner.user.username,
        learner.full_name_km,
        learner.full_name_latin,
        learner.get_gender_display(),
        learner.get_role_display(),
        learner.province.name,
        learner.district.name if learner.district else "",
        learner.commune.name if learner.commune else "",
        learner.unit,
        learner.phone_display,
        learner.user.email,
        learner.get_confirmation_display(),
        learner.created_at.strftime("%Y-%m-%d"),
    ]


@coordinator_required("export_learners")
def learner_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything the platform holds about one learner (for the learner's own request, or a handover)."""
    learner = _learner(request, pk)
    header = [str(label) for _name, label in EXPORT_COLUMNS]
    return csv_response(f"learner-{learner.pk}.csv", header, [export_row(learner)])


@coordinator_required("export_learners")
def learners_export(request: HttpRequest, extension: str = "csv") -> HttpResponse:
    _form, queryset = _filtered(request)
    province = request.GET.get("province") or "all"
    header = [str(label) for _name, label in EXPORT_COLUMNS]
    rows = (export_row(learner) for learner in queryset.iterator(chunk_size=500))
    if extension == "xlsx":
        return xlsx_response(f"learners-{province}.xlsx", header, rows)
    return csv_response(f"learners-{province}.csv", header, rows)
