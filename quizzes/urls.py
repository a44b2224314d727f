"""Learner-facing quiz, progress and certificate pages, under /km/... and /en/..."""

from django.urls import include, path

from . import certificate_views, offline_module_views, offline_views, views

app_name = "quizzes"

# Grouped by their first segment: a manual page's address (the catch-all after these) is tried against each group
# once rather than against every pattern.
training_patterns = [
    path("", views.my_training, name="my_training"),
    path("certificate.pdf", certificate_views.certificate_download, name="certificate"),
    path("quiz/<id:quiz_id>/start/", views.quiz_start, name="start"),
    path("attempt/<id:attempt_id>/question/<id:number>/", views.question, name="question"),
    path("attempt/<id:attempt_id>/review/", views.review, name="review"),
    path("attempt/<id:attempt_id>/submit/", views.submit, name="submit"),
    path("attempt/<id:attempt_id>/result/", views.result, name="result"),
    path("offline/module/<id:module_id>.json", offline_module_views.offline_module, name="offline_module"),
    path("offline/modules.json", offline_module_views.offline_versions, name="offline_versions"),
    path("offline/quiz/<id:quiz_id>/", offline_views.offline_quiz, name="offline_quiz"),
    path("offline/sync/", offline_views.offline_sync, name="offline_sync"),
]

verify_patterns = [
    path("", certificate_views.verify, name="verify_form"),
    path("<str:code>/", certificate_views.verify, name="verify"),
]

urlpatterns = [
    path("training/", include(training_patterns)),
    path("verify/", include(verify_patterns)),
]
