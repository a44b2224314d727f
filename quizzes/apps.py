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
        from .demo.significant_change import load_significant_change
        from .learner_progress import CourseProgress

        progress.register(CourseProgress())  # the coordinators' learner list and exports show it

        # After the manual (20): quizzes hang on modules. The demo learners' attempts come from devdata (45).
        register_demo_loader("quizzes", load_quizzes, order=40)
        # After the learners' activity (45) and workshops (47): a change that asks those who completed for a refresher.
        register_demo_loader("a significant change of the manual", load_significant_change, order=48)
