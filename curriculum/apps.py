"""The manual: Wagtail pages for the manual, its modules and their lessons."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Manual")

    def ready(self):
        from core.demo import register_demo_loader

        from .demo.loader import load_manual

        register_demo_loader("manual", load_manual, order=20)
