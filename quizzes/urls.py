"""Learner-facing quiz, progress and certificate pages, under /km/... and /en/..."""

from django.urls import path

from . import certificate_views, offline_module_views, offline_views, views

app_name = "quizzes"

urlpatterns = [
    path("training/", views.my_training, name="my_training"),
    path("training/certificate.pdf", certificate_views.certificate_download, name="certificate"),
    path("training/quiz/<id:quiz_id>/start/", views.quiz_start, name="start"),
    path("training/attempt/<id:attempt_id>/question/<id:number>/", views.question, name="question"),
    path("training/attempt/<id:attempt_id>/review/", views.review, name="review"),
    path("training/attempt/<id:attempt_id>/submit/", views.submit, name="submit"),
    path("training/attempt/<id:attempt_id>/result/", views.result, name="result"),
    path("training/offline/module/<id:module_id>.json", offline_module_views.offline_module, name="offline_module"),
    path("training/offline/modules.json", offline_module_views.offline_versions, name="offline_versions"),
    path("training/offline/quiz/<id:quiz_id>/", offline_views.offline_quiz, name="offline_quiz"),
    path("training/offline/sync/", offline_views.offline_sync, name="offline_sync"),
    path("verify/", certificate_views.verify, name="verify_form"),
    path("verify/<str:code>/", certificate_views.verify, name="verify"),
]
