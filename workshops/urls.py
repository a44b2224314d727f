"""Workshop screens, under /km/workshops/ and /en/workshops/."""

from django.urls import path

from . import attendance_views, paper_test_views, roster_views, views

app_name = "workshops"

urlpatterns = [
    path("", views.workshop_list, name="list"),
    path("new/", views.workshop_edit, name="create"),
    path("<int:pk>/", views.workshop_detail, name="detail"),
    path("<int:pk>/edit/", views.workshop_edit, name="edit"),
    path("<int:pk>/days/<int:day_pk>/", attendance_views.attendance, name="attendance"),
    path("<int:pk>/days/<int:day_pk>/scan/", attendance_views.scan_upload, name="scan_upload"),
    path("<int:pk>/days/<int:day_pk>/modules/", attendance_views.day_modules, name="day_modules"),
    path("<int:pk>/scans/<int:scan_pk>/", attendance_views.scan_file, name="scan_file"),
    path("<int:pk>/roster/add/", roster_views.roster_add, name="roster_add"),
    path("<int:pk>/roster/register/", roster_views.roster_register, name="roster_register"),
    path("<int:pk>/roster/import/", roster_views.roster_import, name="roster_import"),
    path("<int:pk>/roster/<int:participant_pk>/remove/", roster_views.roster_remove, name="roster_remove"),
    path("<int:pk>/tests/<str:kind>/", paper_test_views.scores, name="scores"),
    path("<int:pk>/tests/<str:kind>/<int:participant_pk>/", paper_test_views.answers, name="answers"),
]
