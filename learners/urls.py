"""Learners' account pages (/km/account/...) and coordinators' screens (/km/coordinate/...)."""

from django.urls import include, path

from . import account_views, coordinate_views, decision_views, export_views, imports_views, slip_views

app_name = "learners"

# Grouped by their first segment: a manual page's address (the catch-all after these) is tried against each group
# once rather than against every pattern.
account_patterns = [
    path("sign-in/", account_views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", account_views.SignOutView.as_view(), name="sign_out"),
    path("register/", account_views.register, name="register"),
    path("", account_views.profile, name="profile"),
    path("edit/", account_views.profile_edit, name="profile_edit"),
    path("password/", account_views.password_change, name="password_change"),
    path("password/choose/", account_views.password_choose, name="password_choose"),
]

coordinate_patterns = [
    path("", coordinate_views.learner_list, name="learner_list"),
    path("export.csv", export_views.learners_export, name="learners_export"),
    path("export.xlsx", export_views.learners_export, {"extension": "xlsx"}, name="learners_export_xlsx"),
    path("waiting/", decision_views.waiting, name="waiting"),
    path("confirm/", decision_views.learners_confirm, name="learners_confirm"),
    path("learners/new/", coordinate_views.learner_create, name="learner_create"),
    path("learners/<id:pk>/", coordinate_views.learner_detail, name="learner_detail"),
    path("learners/<id:pk>/edit/", coordinate_views.learner_edit, name="learner_edit"),
    path("learners/<id:pk>/password/", coordinate_views.learner_password, name="learner_password"),
    path("learners/<id:pk>/unlock/", coordinate_views.learner_unlock, name="learner_unlock"),
    path("learners/<id:pk>/export.csv", export_views.learner_export, name="learner_export"),
    path("learners/<id:pk>/confirm/", decision_views.learner_confirm, name="learner_confirm"),
    path("learners/<id:pk>/reject/", decision_views.learner_reject, name="learner_reject"),
    path("learners/<id:pk>/undo-reject/", decision_views.learner_rejection_undo, name="learner_unreject"),
    path("import/", imports_views.import_upload, name="import_upload"),
    path("import/confirm/", imports_views.import_confirm, name="import_confirm"),
    path("import/template.csv", imports_views.import_template, name="import_template"),
    path("slips/", slip_views.sign_in_slips, name="sign_in_slips"),
    path("import/<id:pk>/report.csv", imports_views.import_report, name="import_report"),
]

urlpatterns = [
    path("account/", include(account_patterns)),
    path("coordinate/", include(coordinate_patterns)),
]
