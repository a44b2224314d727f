"""Workshop screens, under /km/workshops/ and /en/workshops/."""

from django.urls import path

from . import attendance_views, paper_test_views, roster_views, views

app_name = "workshops"

urlpatterns = [
    path("", views.workshop_list, name="list"),
    path("new/", views.workshop_edit, name="create"),
    path("<id:pk>/", views.workshop_detail, name="detail"),
    path("<id:pk>/edit/", views.workshop_edit, name="edit"),
    path("<id:pk>/days/<id:day_pk>/", attendance_views.attendance, name="attendance"),
    path("<id:pk>/days/<id:day_pk>/scan/", attendance_views.scan_upload, name="scan_upload"),
    path("<id:pk>/days/<id:day_pk>/modules/", attendance_views.day_modules, name="day_modules"),
    path("<id:pk>/scans/<id:scan_pk>/", attendance_views.scan_file, name="scan_file"),
    path("<id:pk>/roster/add/", roster_views.roster_add, name="roster_add"),
    path("<id:pk>/roster/register/", roster_views.roster_register, name="roster_register"),
    path("<id:pk>/roster/import/", roster_views.roster_import, name="roster_import"),
    path("<id:pk>/roster/<id:participant_pk>/remove/", roster_views.roster_remove, name="roster_remove"),
    path("<id:pk>/tests/<str:kind>/", paper_test_views.scores, name="scores"),
    path("<id:pk>/tests/<str:kind>/<id:participant_pk>/", paper_test_views.answers, name="answers"),
]
