"""People and places: learners, coordinators and Cambodia's provinces, districts and communes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearnersConfig(AppConfig):
    name = "learners"
    verbose_name = _("Learners and places")

    def ready(self):
        from core.demo import register_demo_loader

        from . import checks, first_password, lockout, notices, two_factor  # noqa: F401  (the system check, sign-in signals)
        from .demo import load_learners

        notices.connect()
        register_demo_loader("learners", load_learners, order=30)
