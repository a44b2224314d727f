"""Workshops run by member NGOs: organisations, funding projects, rosters, attendance and paper pre/post tests."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")
