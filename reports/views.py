"""The rollout report pages in the Wagtail admin ("Reports" menu), each with CSV and XLSX exports of its tables.

Who sees what is decided once per request by `scope.report_scope`: national coordinators every province,
provincial coordinators theirs (other provinces are "not found"), everyone else no access.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.exports import csv_response, xlsx_response
from curriculum.models import ModulePage
from learners.models import District, Province

from . import sharing
from .area_rows import AreaReport
from .area_table import area_export_rows, area_table, shared_title
from .areas import commune_report, district_report, province_report
from .charts import legend, province_tiles, trend_bars
from .forms import ReportFilterForm
from .module_stats import module_report
from .module_tables import module_table, question_table
from .named_lists import CountLinks, names_shown, still_to_finish_link, still_to_finish_url
from .scope import report_scope
from .table_cells import ReportTable, bilingual_headings
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
            return xlsx_response(filename, header, rows, headers=headings)
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


class AreaReportView(RolloutReportView):
    """A coverage table for one level (provinces, a province's districts or a district's communes)."""

    template_name = "reports/area_report.html"

    def report(self) -> AreaReport:
        raise NotImplementedError

    def child_url(self, row) -> str | None:
        return None

    def parents(self) -> dict:
        """The places above this page (`sharing.area_suppression`'s province and district)."""
        return {}

    def table(self) -> ReportTable:
        if not hasattr(self, "_table"):
            self._report = self.report()
            self._suppression = (
                sharing.area_suppression(scope=self.scope, filters=self.filters, report=self._report, **self.parents())
                if self.share
                else sharing.NOTHING_HIDDEN
            )
            self._table = area_table(
                self._report,
                breakdown=self.form.breakdown_value,
                share=self.share,
                sort=self.request.GET.get("sort", ""),
                suppression=self._suppression,
            )
        return self._table

    def export_table(self):
        return area_export_rows(self.table())

    def get_context_data(self, **kwargs):
        table = self.table()
        report = self._report
        threshold = self.form.threshold_value
        context = super().get_context_data(**kwargs)
        query = context["query"]
        needing = [  # a hidden place's rank and coverage would give its count away
            row for row in report.needing_training(threshold=threshold) if not self._suppression.hides_completion(row)
        ]
        rows, total_cells = table.rows, table.total
        names = names_shown(user=self.request.user, share=self.share)
        if names:  # each count links to the learner list of the people it counts
            links = CountLinks(
                level=report.level, parent=self.list_place(), filters=self.filters, breakdown=self.form.breakdown_value
            )
            rows, total_cells = links.linked(table)
        context.update(
            report=report,
            table=table,
            rows=[(row, cells, self._with_query(self.child_url(row), query)) for row, cells in rows],
            total_cells=total_cells,
            threshold=threshold,
            needing=needing,
            # each with the list of its people still to finish
            needing_finish=[
                (row, still_to_finish_link(parent=self.list_place(), row=row, filters=self.filters) if names else None)
                for row in needing
            ],
            without_target=report.without_target(),
            sort=self.request.GET.get("sort", ""),
            summary_pdf=self.summary_pdf_url(),
            still_to_finish_url=still_to_finish_url(place=self.list_place(), filters=self.filters) if names else None,
        )
        return context

    def list_place(self) -> dict[str, str]:
        """This page's place as the learner list's parameters, from the province down ({}: the reader's scope)."""
        return {}

    @staticmethod
    def _with_query(url: str | None, query: str) -> str | None:
        if not url:
            return None
        return f"{url}?{query}" if query else url

    def summary_pdf_url(self) -> str | None:
        return None


class ProvincesView(AreaReportView):
    page_title = _("Training coverage by province")
    export_name = "provinces"

    def report(self):
        return province_report(scope=self.scope, filters=self.filters)

    def child_url(self, row):
        return reverse("reports:province", args=[row.code]) if row.code else None

    def summary_pdf_url(self):
        return reverse("reports:national_summary")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = context["query"]
        context.update(
            tiles=province_tiles(
                self._report,
                link=lambda code: self._with_query(reverse("reports:province", args=[code]), query),
                share=self.share,
                suppression=self._suppression,
            ),
            legend=legend(self.share),
        )
        return context


class ProvinceView(AreaReportView):
    """Drill-down: the districts of one province."""

    def dispatch(self, request, *args, **kwargs):
        self.province = get_object_or_404(Province, code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def report(self):
        if not self.scope.allows(self.province.code):
            raise Http404
        return district_report(scope=self.scope, filters=self.filters, province=self.province)

    def get_page_title(self):
        return _("Training coverage in %(place)s") % {"place": self.province.name}

    def parents(self):
        return {"province": self.province}

    def list_place(self):
        return {"province": self.province.code}

    def get_breadcrumbs_items(self):
        return [
            *WagtailAdminTemplateMixin.get_breadcrumbs_items(self),
            {"url": reverse("reports:provinces"), "label": _("Provinces")},
            {"url": "", "label": self.province.name},
        ]

    def child_url(self, row):
        if not row.code or not row.has_children:
            return None
        return reverse("reports:district", args=[self.province.code, row.code])

    def summary_pdf_url(self):
        return reverse("reports:province_summary", args=[self.province.code])

    @property
    def export_name(self):  # the place's code tells downloaded files apart
        return f"districts-{self.province.code}"


class DistrictView(AreaReportView):
    """Drill-down: the communes of one district."""

    def dispatch(self, request, *args, **kwargs):
        self.district = get_object_or_404(
            District.objects.select_related("province"), code=kwargs["district"], province_id=kwargs["code"]
        )
        return super().dispatch(request, *args, **kwargs)

    def report(self):
        if not self.scope.allows(self.district.province_id):
            raise Http404
        return commune_report(scope=self.scope, filters=self.filters, district=self.district)

    def get_page_title(self):
        return _("Training coverage in %(place)s") % {"place": self.district.name}

    def parents(self):
        return {"province": self.district.province, "district": self.district}

    def list_place(self):
        return {"province": self.district.province_id, "district": self.district.code}

    def get_breadcrumbs_items(self):
        province = self.district.province
        return [
            *WagtailAdminTemplateMixin.get_breadcrumbs_items(self),
            {"url": reverse("reports:provinces"), "label": _("Provinces")},
            {"url": reverse("reports:province", args=[province.code]), "label": province.name},
            {"url": "", "label": self.district.name},
        ]

    @property
    def export_name(self):
        return f"communes-{self.district.code}"


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
