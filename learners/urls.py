"""Learners' account pages (/km/account/...) and coordinators' screens (/km/coordinate/...)."""

from django.urls import path

from . import account_views, coordinate_views, decision_views, export_views, imports_views, slip_views

app_name = "learners"

urlpatterns = [
    path("account/sign-in/", account_views.SignInView.as_view(), name="sign_in"),
    path("account/sign-out/", account_views.SignOutView.as_view(), name="sign_out"),
    path("account/register/", account_views.register, name="register"),
    path("account/", account_views.profile, name="profile"),
    path("account/edit/", account_views.profile_edit, name="profile_edit"),
    path("account/password/", account_views.password_change, name="password_change"),
    path("account/password/choose/", account_views.password_choose, name="password_choose"),
    path("coordinate/", coordinate_views.learner_list, name="learner_list"),
    path("coordinate/export.csv", export_views.learners_export, name="learners_export"),
    path("coordinate/export.xlsx", export_views.learners_export, {"extension": "xlsx"}, name="learners_export_xlsx"),
    path("coordinate/waiting/", decision_views.waiting, name="waiting"),
    path("coordinate/confirm/", decision_views.learners_confirm, name="learners_confirm"),
    path("coordinate/learners/new/", coordinate_views.learner_create, name="learner_create"),
    path("coordinate/learners/<id:pk>/", coordinate_views.learner_detail, name="learner_detail"),
    path("coordinate/learners/<id:pk>/edit/", coordinate_views.learner_edit, name="learner_edit"),
    path("coordinate/learners/<id:pk>/password/", coordinate_views.learner_password, name="learner_password"),
    path("coordinate/learners/<id:pk>/unlock/", coordinate_views.learner_unlock, name="learner_unlock"),
    path("coordinate/learners/<id:pk>/export.csv", export_views.learner_export, name="learner_export"),
    path("coordinate/learners/<id:pk>/confirm/", decision_views.learner_confirm, name="learner_confirm"),
    path("coordinate/learners/<id:pk>/reject/", decision_views.learner_reject, name="learner_reject"),
    path("coordinate/learners/<id:pk>/undo-reject/", decision_views.learner_rejection_undo, name="learner_unreject"),
    path("coordinate/import/", imports_views.import_upload, name="import_upload"),
    path("coordinate/import/confirm/", imports_views.import_confirm, name="import_confirm"),
    path("coordinate/import/template.csv", imports_views.import_template, name="import_template"),
    path("coordinate/slips/", slip_views.sign_in_slips, name="sign_in_slips"),
    path("coordinate/import/<id:pk>/report.csv", imports_views.import_report, name="import_report"),
]
