"""The coverage report pages: the provinces of the reader's scope, a province's districts and a district's communes,
each with its map or drill-down, "still needs training", and links from its counts to the people behind them.

Mounted by reports.urls under /admin/reports/; what every report page shares is `views.RolloutReportView`.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.translated import in_language
from learners.models import District, Province

from . import sharing
from .area_rows import AreaReport
from .area_table import area_export_rows, area_table
from .areas import commune_report, district_report, province_report
from .charts import legend, province_tiles
from .named_lists import CountLinks, names_shown, still_to_finish_link, still_to_finish_url
from .summary_pdf import needs_none
from .table_cells import ReportTable
from .views import RolloutReportView


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
        below = report.needing_training(threshold=threshold)
        needing = [  # a hidden place's rank and coverage would give its count away
            row for row in below if not self._suppression.hides_completion(row)
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
            # when nobody is listed: never "no place is below" beside a page total that is (as the PDF says it)
            needs_none=in_language(needs_none(report=report, below=below, hide=self._suppression, threshold=threshold)),
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
