"""The workshops report (Reports menu) and the donor summary of one funding project over a period, as PDF, CSV and
XLSX. Who sees what: `scope.report_scope` (no scope: forbidden; a provincial coordinator counts their provinces).
A summary for a donor is shared outside NGOCRC: with "share" ticked, small counts and the cells that would give
them away are hidden (reports.disclosure)."""

from datetime import date

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from core import pdf
from core.exports import csv_response, xlsx_response
from core.fonts import source_font_path
from quizzes.models import CompletionSource
from workshops.models import FundingProject

from .scope import report_scope
from .workshop_exports import summary_lines
from .workshop_figures import (
    CHANNELS,
    Period,
    completions_by_channel,
    donor_summary,
    gain_groups,
    workshop_completions,
    workshop_rows,
    workshops_in,
)

PERIOD_ORDER = _("The period must end on or after the day it starts.")
SUMMARY_FORMATS = ("pdf", "csv", "xlsx")


class PeriodForm(forms.Form):
    project = forms.ModelChoiceField(
        label=_("Funding project"), queryset=FundingProject.objects.select_related("donor"), required=False
    )
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Up to"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    share = forms.BooleanField(label=_("To share outside NGOCRC (hide small counts)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(PERIOD_ORDER)
        return data

    def period(self) -> Period:
        today = timezone.localdate()
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        project = data.get("project")
        start = data.get("start") or (project.starts_on if project else date(today.year, 1, 1))
        end = data.get("end") or (project.ends_on if project else today)
        return Period(start=start, end=end)


GAIN_TITLES = {
    "organisation": gettext_noop("Knowledge gain, by organisation"),
    "province": gettext_noop("Knowledge gain, by province"),
    "role": gettext_noop("Knowledge gain, by role"),
}


def _header() -> dict:
    title = _("Workshops and donors")
    return {
        "header_title": title,
        "page_title": title,
        "header_icon": "group",
        "breadcrumbs_items": [{"url": reverse("wagtailadmin_home"), "label": _("Home")}, {"url": "", "label": title}],
    }


def _scope(request):
    scope = report_scope(user=request.user)
    if scope is None:
        raise PermissionDenied
    return scope


def workshops_report(request):
    scope = _scope(request)
    form = PeriodForm(request.GET or None)
    period = form.period()
    project = form.cleaned_data.get("project") if form.is_bound and form.is_valid() else None
    channels = completions_by_channel(scope=scope, period=period)
    workshops = workshops_in(scope=scope, period=period, project=project)
    context = {
        "form": form,
        "period": period,
        "project": project,
        "national": scope.national,
        "channels": [(CompletionSource(channel).label, channels[channel]) for channel in CHANNELS],
        "by_organisation": workshop_completions(scope=scope, period=period, by="organisation"),
        "by_project": workshop_completions(scope=scope, period=period, by="project"),
        "rows": workshop_rows(workshops),
        "gains": [(_(GAIN_TITLES[by]), rows) for by, rows in gain_groups(workshops=workshops).items()],
        "query": request.GET.urlencode(),
        **_header(),
    }
    return render(request, "reports/workshops.html", context)


def donor_summary_download(request, fmt: str):
    scope = _scope(request)
    form = PeriodForm(request.GET or None)
    if fmt not in SUMMARY_FORMATS or not form.is_valid() or form.cleaned_data.get("project") is None:
        return render(
            request,
            "reports/workshops.html",
            {"form": form, "national": scope.national, "summary_refused": True, "rows": [], **_header()},
            status=400,
        )
    summary = donor_summary(
        project=form.cleaned_data["project"], period=form.period(), scope=scope, share=form.cleaned_data["share"]
    )
    name = f"donor-summary-{summary.project.pk}-{summary.period.start}-{summary.period.end}"
    if fmt == "pdf":
        html = render_to_string(
            "reports/donor_summary_pdf.html",
            {"summary": summary, "lines": summary_lines(summary), "font_url": source_font_path().resolve().as_uri()},
        )
        response = HttpResponse(
            pdf.write_pdf(pdf.render(html, base_url=str(source_font_path().parent))), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    lines = summary_lines(summary)
    header, rows = lines[0], lines[1:]
    if fmt == "csv":
        return csv_response(f"{name}.csv", header, rows)
    return xlsx_response(f"{name}.xlsx", header, rows, title=_("Donor summary"))
