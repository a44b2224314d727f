"""Bulk enrolment screens: upload -> dry-run preview of every row -> import all or nothing -> report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.exports import csv_response

from . import selectors
from .coordinate_views import coordinator_required
from .export_views import export_rows, header
from .forms import ImportUploadForm
from .importing import COLUMNS, ImportFileError, ImportRow, import_rows, read_upload, validate
from .models import ImportBatch

SESSION_KEY = "learners_import"
IMPORTED = _("%(count)s learners were imported. Download the report below.")
NOTHING_TO_IMPORT = _("Upload the file again: the preview has expired.")


def _preview(request: HttpRequest, *, rows: list[ImportRow], file_name: str, form=None) -> HttpResponse:
    problems = [row for row in rows if row.errors]
    return render(
        request,
        "learners/coordinate/import_preview.html",
        {
            "form": form or ImportUploadForm(),
            "rows": rows,
            "problems": problems,
            "warned": sum(1 for row in rows if row.warnings),
            "file_name": file_name,
            "ready": not problems,
        },
    )


def upload_checked(request: HttpRequest, form: ImportUploadForm, *, session_key: str) -> list[ImportRow] | None:
    """The dry run of a valid upload form's file: its rows, checked (nothing written) and kept in the session under
    `session_key` until confirmed; None, with the file's problem on the form, when it cannot be read. Workshops'
    rosters import through it too."""
    upload = form.cleaned_data["file"]
    try:
        rows = read_upload(name=upload.name, content=upload.read())
    except ImportFileError as error:
        form.add_error("file", error.messages)
        return None
    validate(rows=rows, provinces=selectors.coordinated_provinces(user=request.user))
    # The dry run keeps the rows (plain text, a few hundred KB at most) until the coordinator confirms.
    request.session[session_key] = {
        "file_name": upload.name,
        "rows": [{"line": row.line, "values": row.values} for row in rows],
    }
    return rows


def stored_rows(stored: dict) -> list[ImportRow]:
    """The rows an upload kept in the session (`upload_checked`), to check again and import."""
    return [ImportRow(line=item["line"], values=item["values"]) for item in stored["rows"]]


@coordinator_required("import_learners")
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        rows = upload_checked(request, form, session_key=SESSION_KEY)
        if rows is not None:
            return _preview(request, rows=rows, file_name=form.cleaned_data["file"].name)
    return render(request, "learners/coordinate/import_upload.html", {"form": form})


@require_POST
@coordinator_required("import_learners")
def import_confirm(request: HttpRequest) -> HttpResponse:
    stored = request.session.get(SESSION_KEY)
    if not stored:
        messages.error(request, NOTHING_TO_IMPORT)
        return redirect("learners:import_upload")
    rows = stored_rows(stored)
    # Check again: the database may have changed since the preview (someone took a phone number).
    validate(rows=rows, provinces=selectors.coordinated_provinces(user=request.user))
    if any(row.errors for row in rows):
        return _preview(request, rows=rows, file_name=stored["file_name"])
    try:
        batch = import_rows(rows=rows, actor=request.user, file_name=stored["file_name"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _preview(request, rows=rows, file_name=stored["file_name"])
    del request.session[SESSION_KEY]
    messages.success(request, IMPORTED % {"count": batch.row_count})
    return render(request, "learners/coordinate/import_done.html", {"batch": batch})


@coordinator_required("import_learners")
def import_report(request: HttpRequest, pk: int) -> HttpResponse:
    """What one import created; only the learners this coordinator may see are listed."""
    batches = ImportBatch.objects.all()
    if not selectors.sees_all_provinces(request.user):
        batches = batches.filter(created_by=request.user)
    batch = get_object_or_404(batches, pk=pk)
    learners = selectors.learners_for(user=request.user).filter(import_batch=batch)
    return csv_response(f"import-{batch.pk}-report.csv", header(), export_rows(learners.iterator()))


# One filled-in row shows every accepted way of writing a value (code or name, Khmer or English, a role as people
# write it); its district and commune are in the gazetteer that comes with the project.
EXAMPLE_ROW = [
    "សុខ ចន្ថា",
    "Sok Chantha",
    "female",
    "ប៉ូលីស",
    "07",
    "អង្គរជ័យ",
    "070101",
    "ស្នងការដ្ឋាននគរបាលខេត្តកំពត",
    "012 000 001",
    "",
    "",
]


@coordinator_required("import_learners")
def import_template(request: HttpRequest) -> HttpResponse:
    """An example file with the expected columns, to fill in with a spreadsheet program."""
    return csv_response("learners-template.csv", list(COLUMNS), [EXAMPLE_ROW])
