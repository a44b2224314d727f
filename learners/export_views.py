"""Coordinators' downloads: one learner's data, and the filtered learner list with each learner's progress (CSV or
XLSX, through core.exports, which makes every cell safe).

The list is read in chunks, each with its progress looked up in a fixed few queries, and written as it is read, so
a province's (or the country's) file costs the same memory as a page.
"""

from collections.abc import Iterator
from itertools import islice

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from core.exports import csv_response, xlsx_response

from .coordinate_views import coordinator_required, filtered_learners, learner_in_scope
from .models import LearnerProfile
from .progress import LearnerProgress, progress_source, training_status

CHUNK = 500

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
    ("status", _("Training")),
    ("modules_done", _("Required modules completed")),
    ("modules_required", _("Required modules")),
    ("last_active_on", _("Last active on")),
    ("certificate", _("Certificate code")),
    ("refresher_modules", _("Modules needing a refresher")),
]


def header() -> list[str]:
    return [str(label) for _name, label in EXPORT_COLUMNS]


def export_row(learner: LearnerProfile, progress: LearnerProgress) -> list:
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
        str(training_status(learner).label),
        progress.modules_done,
        progress.modules_required,
        learner.training_active_on.isoformat() if learner.training_active_on else "",
        progress.certificate_code,
        ", ".join(str(number) for number in progress.refresher_modules),
    ]


def export_rows(learners: Iterator[LearnerProfile]) -> Iterator[list]:
    """Rows as the learners are read, CHUNK at a time with their progress."""
    source = progress_source()
    while chunk := list(islice(learners, CHUNK)):
        found = source.progress(learners=chunk)
        for learner in chunk:
            yield export_row(learner, found.get(learner.pk, LearnerProgress()))


@coordinator_required("export_learners")
def learner_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything the platform holds about one learner (for the learner's own request, or a handover)."""
    learner = learner_in_scope(request, pk)
    return csv_response(f"learner-{learner.pk}.csv", header(), export_rows(iter([learner])))


@coordinator_required("export_learners")
def learners_export(request: HttpRequest, extension: str = "csv") -> HttpResponse:
    """The list as filtered on the screen (same scope, filters and order), every page of it."""
    _form, queryset = filtered_learners(request)
    province = request.GET.get("province") or "all"
    rows = export_rows(queryset.iterator(chunk_size=CHUNK))
    if extension == "xlsx":
        return xlsx_response(f"learners-{province}.xlsx", header(), rows, title=_("Learners"))
    return csv_response(f"learners-{province}.csv", header(), rows)
