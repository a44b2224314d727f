"""Report pages, mounted under /admin/reports/ by wagtail_hooks (so Wagtail's admin sign-in guards them)."""

from django.urls import path

from . import pdf_views, views

app_name = "reports"

urlpatterns = [
    path("provinces/", views.ProvincesView.as_view(), name="provinces"),
    path("provinces/summary.pdf", pdf_views.national_summary_pdf, name="national_summary"),
    path("provinces/<str:code>/", views.ProvinceView.as_view(), name="province"),
    path("provinces/<str:code>/summary.pdf", pdf_views.province_summary_pdf, name="province_summary"),
    path("provinces/<str:code>/<str:district>/", views.DistrictView.as_view(), name="district"),
    path("modules/", views.ModulesView.as_view(), name="modules"),
    path("trend/", views.TrendView.as_view(), name="trend"),
]
