"""Target import screens in the admin: upload -> dry run of every row -> save all or nothing -> the list."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.exports import csv_response
from core.roles import Role
from learners.importing import ImportFileError

from .. import target_import
from ..models import Target
from ..target_import import RowAction, TargetRow
from .forms import TargetUploadForm
from .selectors import target_provinces

SESSION_KEY = "reports_target_import"
IMPORTED = _("Targets imported from %(file)s: %(created)s new, %(changed)s changed, %(unchanged)s unchanged.")
PREVIEW_EXPIRED = _("Upload the file again: the preview has expired.")


def _check_permission(request: HttpRequest) -> None:
    user = request.user
    if not (user.has_perm("reports.add_target") and user.has_perm("reports.change_target")):
        raise PermissionDenied
    if not target_provinces(user).exists():
        raise PermissionDenied


class _ImportView(WagtailAdminTemplateMixin, View):
    header_icon = "upload"
    page_title = _("Import training targets")
    template_name = "reports/admin/target_import.html"

    def dispatch(self, request, *args, **kwargs):
        _check_permission(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("targets:index"), "label": capfirst(Target._meta.verbose_name_plural)},
            {"url": "", "label": self.get_page_title()},
        ]

    def render_upload(self, form) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form, stage="upload"))

    def render_preview(self, *, rows: list[TargetRow], file_name: str, form=None) -> HttpResponse:
        problems = [row for row in rows if row.errors]
        counts = {action: sum(1 for row in rows if not row.errors and row.action == action) for action in _ACTIONS}
        return self.render_to_response(
            self.get_context_data(
                form=form or TargetUploadForm(),
                stage="preview",
                rows=rows,
                problems=problems,
                warned=sum(1 for row in rows if row.warnings),
                counts=counts,
                file_name=file_name,
                ready=not problems,
            )
        )

    def validate(self, rows: list[TargetRow]) -> list[TargetRow]:
        return target_import.validate(rows=rows, provinces=target_provinces(self.request.user))


_ACTIONS = (RowAction.CREATE, RowAction.CHANGE, RowAction.UNCHANGED)


class TargetImportView(_ImportView):
    def get(self, request, *args, **kwargs):
        return self.render_upload(TargetUploadForm())

    def post(self, request, *args, **kwargs):
        form = TargetUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_upload(form)
        upload = form.cleaned_data["file"]
        try:
            rows = target_import.read_rows(name=upload.name, content=upload.read())
        except ImportFileError as error:
            form.add_error("file", error.messages)
            return self.render_upload(form)
        self.validate(rows)
        # The dry run keeps the rows (plain text, small) until the coordinator confirms; nothing is written yet.
        request.session[SESSION_KEY] = {
            "file_name": upload.name,
            "rows": [{"line": row.line, "values": row.values} for row in rows],
        }
        return self.render_preview(rows=rows, file_name=upload.name)


class TargetImportConfirmView(_ImportView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        stored = request.session.get(SESSION_KEY)
        if not stored:
            messages.error(request, PREVIEW_EXPIRED)
            return redirect("targets:import")
        file_name = stored["file_name"]
        rows = [TargetRow(line=item["line"], values=item["values"]) for item in stored["rows"]]
        # Check again: targets or the coordinator's provinces may have changed since the preview.
        self.validate(rows)
        if any(row.errors for row in rows):
            return self.render_preview(rows=rows, file_name=file_name)
        try:
            counts = target_import.import_rows(rows=rows, user=request.user, file_name=file_name)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return self.render_preview(rows=rows, file_name=file_name)
        del request.session[SESSION_KEY]
        messages.success(
            request,
            IMPORTED
            % {
                "file": file_name,
                "created": counts[RowAction.CREATE],
                "changed": counts[RowAction.CHANGE],
                "unchanged": counts[RowAction.UNCHANGED],
            },
        )
        return redirect("targets:index")


def import_template(request: HttpRequest) -> HttpResponse:
    """A CSV (with BOM, so Excel shows Khmer) with bilingual headings and example rows in the user's provinces,
    each written a different accepted way: codes, Khmer and English names, role codes and labels."""
    _check_permission(request)
    province = target_provinces(request.user).order_by("code").first()
    district = province.districts.order_by("code").first()
    commune = district.communes.order_by("code").first() if district else None
    with translation.override("km"):
        police_km = str(Role.POLICE_OFFICER.label)
    with translation.override("en"):
        council_en = str(Role.COMMUNE_COUNCIL.label)
    rows = [
        [province.code, "", "", Role.POLICE_OFFICER.value, "120"],
        [province.name_km, "", "", Role.CCWC_FOCAL_POINT.value, "25"],
    ]
    if district is not None:
        rows.append([province.name_en, district.code, "", police_km, "40"])
    if commune is not None:
        rows.append([province.code, "", commune.code, council_en, "5"])
    return csv_response("training-targets-template.csv", target_import.template_header(), rows)
