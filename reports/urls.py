"""Report pages, mounted under /admin/reports/ by wagtail_hooks (so Wagtail's admin sign-in guards them)."""

from django.urls import path

from . import area_views, pdf_views, views, workshop_views
from .still_to_finish_views import StillToFinishView, still_to_finish_pdf_view

app_name = "reports"

urlpatterns = [
    path("provinces/", area_views.ProvincesView.as_view(), name="provinces"),
    path("provinces/summary.pdf", pdf_views.national_summary_pdf, name="national_summary"),
    path("provinces/<str:code>/", area_views.ProvinceView.as_view(), name="province"),
    path("provinces/<str:code>/summary.pdf", pdf_views.province_summary_pdf, name="province_summary"),
    # Before the district page's pattern, which would take "still-to-finish" for a district code.
    path("provinces/<str:code>/still-to-finish/", StillToFinishView.as_view(), name="still_to_finish_province"),
    path("provinces/<str:code>/still-to-finish.pdf", still_to_finish_pdf_view, name="still_to_finish_province_pdf"),
    path("provinces/<str:code>/<str:district>/", area_views.DistrictView.as_view(), name="district"),
    path(
        "provinces/<str:code>/<str:district>/still-to-finish/",
        StillToFinishView.as_view(),
        name="still_to_finish_district",
    ),
    path(
        "provinces/<str:code>/<str:district>/still-to-finish.pdf",
        still_to_finish_pdf_view,
        name="still_to_finish_district_pdf",
    ),
    path(
        "provinces/<str:code>/<str:district>/<str:commune>/still-to-finish/",
        StillToFinishView.as_view(),
        name="still_to_finish_commune",
    ),
    path(
        "provinces/<str:code>/<str:district>/<str:commune>/still-to-finish.pdf",
        still_to_finish_pdf_view,
        name="still_to_finish_commune_pdf",
    ),
    path("still-to-finish/", StillToFinishView.as_view(), name="still_to_finish"),
    path("modules/", views.ModulesView.as_view(), name="modules"),
    path("trend/", views.TrendView.as_view(), name="trend"),
    path("workshops/", workshop_views.workshops_report, name="workshops"),
    path("workshops/donor-summary.<str:fmt>", workshop_views.donor_summary_download, name="donor_summary"),
]
