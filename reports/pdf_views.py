"""The printable one-page summaries (PDF): the reader's provinces (the nation for national readers) and one province.

Mounted by reports.urls under /admin/reports/. Who sees what is `selectors.report_scope`, as on the report pages:
no scope is "forbidden"; a province outside it is "not found"; a provincial coordinator's "national" summary covers
their provinces only and says so in its title.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from learners.models import Province

from .forms import ReportFilterForm
from .scope import Scope, report_scope
from .summary_pdf import summary_pdf


def _scope(request: HttpRequest) -> Scope:
    scope = report_scope(user=request.user)
    if scope is None:
        raise PermissionDenied
    return scope


def _options(request: HttpRequest) -> dict | None:
    """The same query string as the report page the reader printed from; None when the form refuses it (a PDF of
    unfiltered figures would not say that the filters asked for were left out). A shared PDF ignores the filters."""
    form = ReportFilterForm(request.GET if request.GET else None)
    if form.is_bound and not form.share_value and not form.is_valid():
        return None
    return {"filters": form.filters(), "threshold": form.threshold_value, "share": form.share_value}


def _back_to_page(request: HttpRequest, url: str) -> HttpResponse:
    """The report page with the same query string, where the form says what is wrong."""
    return redirect(f"{url}?{request.GET.urlencode()}")


def _pdf_response(content: bytes, name: str, *, share: bool) -> HttpResponse:
    """A shared copy is named "...-shared.pdf", as the shared CSV and XLSX files are."""
    suffix = "-shared" if share else ""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate().isoformat()}{suffix}.pdf"'
    response["Cache-Control"] = "private, no-store"  # figures about named places, for signed-in coordinators
    return response


def national_summary_pdf(request: HttpRequest) -> HttpResponse:
    scope = _scope(request)
    options = _options(request)
    if options is None:
        return _back_to_page(request, reverse("reports:provinces"))
    content = summary_pdf(scope=scope, **options)
    name = "training-summary" if scope.national else "training-summary-my-provinces"
    return _pdf_response(content, name, share=options["share"])


def province_summary_pdf(request: HttpRequest, code: str) -> HttpResponse:
    scope = _scope(request)
    province = get_object_or_404(Province, code=code)
    if not scope.allows(province.code):
        raise Http404
    options = _options(request)
    if options is None:
        return _back_to_page(request, reverse("reports:province", args=[province.code]))
    content = summary_pdf(scope=scope, province=province, **options)
    name = f"training-summary-{province.code}-{slugify(province.name_en)}"
    return _pdf_response(content, name, share=options["share"])
