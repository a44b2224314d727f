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

        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import published

        from .translation_state import StaleTranslation, forget_index, on_published

        published.connect(on_published, dispatch_uid="curriculum.translation_state")
        for signal in (post_save, post_delete):
            signal.connect(forget_index, sender=StaleTranslation, dispatch_uid=f"curriculum.stale_index.{id(signal)}")
