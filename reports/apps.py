from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = _("Rollout reports")

    def ready(self):
        from core.demo import register_demo_loader

        from .demo.targets import load_targets

        register_demo_loader("training targets", load_targets, order=50)
