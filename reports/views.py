"""The rollout report pages in the Wagtail admin ("Reports" menu), each with CSV and XLSX exports of its tables: what
they share, and the module and trend pages (the coverage pages are in area_views).

Who sees what is decided once per request by `scope.report_scope`: national coordinators every province,
provincial coordinators theirs (other provinces are "not found"), everyone else no access.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.exports import csv_response, xlsx_response
from curriculum.models import ModulePage
from learners.models import Province

from . import sharing
from .area_table import shared_title
from .areas import province_report
from .charts import trend_bars
from .forms import ReportFilterForm
from .module_stats import module_report
from .module_tables import module_table, question_table
from .scope import report_scope
from .table_cells import bilingual_headings
from .trend import completion_trend
from .trend_table import trend_table

EXPORT_FORMATS = ("csv", "xlsx")


class RolloutReportView(WagtailAdminTemplateMixin, TemplateView):
    """What every report page shares: scope, the filter form, and `?export=csv|xlsx` of the page's table.

    Not Wagtail's `ReportView` (a paginated list of one queryset): these pages show tables aggregated in SQL."""

    header_icon = "table"
    export_name = "report"

    def dispatch(self, request, *args, **kwargs):
        self.scope = report_scope(user=request.user)
        if self.scope is None:
            raise PermissionDenied
        self.form = ReportFilterForm(request.GET if request.GET else None)
        self.filters = self.form.filters()
        self.share = self.form.share_value
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        # A file made from filters the form refused would be the unfiltered table with nothing to say so: the page
        # is shown instead, with the form's messages. Shared files ignore the filters, so they are always made.
        if export in EXPORT_FORMATS and (self.share or self.form.is_valid()):
            return self.export(export)
        return super().get(request, *args, **kwargs)

    def export_table(self) -> tuple[list[str], list[list]]:
        raise NotImplementedError

    def export(self, extension: str) -> HttpResponse:
        header, rows = self.export_table()
        stamp = timezone.localdate().isoformat()
        suffix = "-shared" if self.share else ""
        filename = f"{self.export_name}-{stamp}{suffix}.{extension}"
        if self.share:  # a shared file says so on its first row, with the period it covers, in both languages
            period = " / ".join(dict.fromkeys(self.form.shared_period().values()))
            header, headings = [*shared_title(), period], [header]
        else:
            headings = []
        if extension == "xlsx":
            return xlsx_response(filename, header, rows, headers=headings, title=self.get_page_title())
        return csv_response(filename, header, rows, headers=headings)

    def query_without(self, *names: str) -> str:
        """The current query string minus some parameters (for sort links and export links)."""
        query = self.request.GET.copy()
        for name in names:
            query.pop(name, None)
        return query.urlencode()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.query_without("export")
        context.update(
            form=self.form,
            filters=self.filters,
            share=self.share,
            shared_period=self.form.shared_period() if self.share else None,
            national=self.scope.national,
            query=query,
            sort_query=self.query_without("export", "sort"),
            export_csv=f"?{query}&export=csv" if query else "?export=csv",
            export_xlsx=f"?{query}&export=xlsx" if query else "?export=xlsx",
            report_links=self.report_links(),
        )
        return context

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def report_links(self) -> list[tuple[str, str]]:
        return [
            (reverse("reports:provinces"), _("Provinces")),
            (reverse("reports:modules"), _("Modules")),
            (reverse("reports:trend"), _("Trend")),
        ]


class ModulesView(RolloutReportView):
    page_title = _("Modules and quizzes")
    template_name = "reports/modules_report.html"
    export_name = "modules"

    def rows(self):
        if not hasattr(self, "_rows"):
            modules = list(ModulePage.objects.live().order_by("path"))
            if self.filters.modules:
                modules = [module for module in modules if module.pk in self.filters.modules]
            self._rows = module_report(scope=self.scope, filters=self.filters, modules=modules)
        return self._rows

    def export_table(self):
        if self.request.GET.get("table") == "questions":
            table = question_table(self.rows(), share=self.share)
        else:
            table = module_table(self.rows(), share=self.share)
        return bilingual_headings(table), [[cell.value for cell in cells] for _row, cells in table.rows]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.rows()
        context.update(
            table=module_table(rows, share=self.share),
            questions=question_table(rows, share=self.share),
            modules=rows,
            export_questions_csv=f"{context['export_csv']}&table=questions",
            export_questions_xlsx=f"{context['export_xlsx']}&table=questions",
        )
        return context


class TrendView(RolloutReportView):
    page_title = _("Completions per month")
    template_name = "reports/trend_report.html"
    export_name = "trend"

    def trend(self):
        if not hasattr(self, "_trend"):
            self._trend = completion_trend(scope=self.scope, filters=self.filters)
            provinces = Province.objects.order_by("code")
            if self.scope.provinces is not None:
                provinces = provinces.filter(code__in=self.scope.provinces)
            self._provinces = list(provinces)
        return self._trend

    def suppression(self) -> sharing.TrendSuppression | None:
        """When sharing, the months to hide, protected with the provinces' completed counts they add up to."""
        if not self.share:
            return None
        if not hasattr(self, "_suppression"):
            report = province_report(scope=self.scope, filters=self.filters)
            pages = sharing.coverage_pages(scope=self.scope, filters=self.filters, report=report)
            self._suppression = sharing.trend_suppression(
                scope=self.scope, filters=self.filters, pages=pages, trend=self.trend()
            )
        return self._suppression

    def table(self):
        trend = self.trend()
        return trend_table(trend, provinces=self._provinces, share=self.share, suppression=self.suppression())

    def export_table(self):
        table = self.table()
        return bilingual_headings(table), [[cell.value for cell in cells] for _row, cells in table.rows]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trend = self.trend()
        bars = trend_bars(trend, share=self.share, suppression=self.suppression())
        context.update(trend=trend, bars=bars, table=self.table())
        return context
