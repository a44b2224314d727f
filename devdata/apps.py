"""The development-data app: installed by the dev and test settings only, never in production."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevdataConfig(AppConfig):
    name = "devdata"
    verbose_name = _("Development data")

    def ready(self):
        from core.demo import register_demo_loader

        from .demo import load_activity

        # After the demo learners (30) and quizzes (40), before the targets (50) that read coverage.
        register_demo_loader("learners' reading and attempts", load_activity, order=45)
        from .workshops import load_workshops

        register_demo_loader("workshops", load_workshops, order=47)
