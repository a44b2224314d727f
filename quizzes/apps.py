"""Quizzes, reading progress, module and course completion, and certificates."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes and progress")

    def ready(self):
        from core.demo import register_demo_loader
        from learners import progress

        from . import receivers  # noqa: F401  (connects the certificate on a learner's confirmation)
        from .demo.loader import load_quizzes
        from .learner_progress import CourseProgress

        progress.register(CourseProgress())  # the coordinators' learner list and exports show it

        # After the manual (20): quizzes hang on modules. The demo learners' attempts come from devdata (45).
        register_demo_loader("quizzes", load_quizzes, order=40)
