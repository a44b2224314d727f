from django.urls import path

from . import pack_views

urlpatterns = [
    path("workshops/<id:pk>/pack.pdf", pack_views.workshop_pack, name="workshop_pack"),
    path("workshops/<id:pk>/answer-key.pdf", pack_views.workshop_answer_key, name="workshop_answer_key"),
    path("workshops/<id:pk>/sign-in-slips.pdf", pack_views.workshop_slips, name="workshop_slips"),
    path("manual/<id:pk>/print.pdf", pack_views.manual_download, name="manual_print"),
]
