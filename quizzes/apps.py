"""Quizzes, reading progress, module and course completion, and certificates."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes and progress")

    def ready(self):
        from core.demo import register_demo_loader

        from .demo.loader import load_quizzes

        # After the manual (20) and the learners (30): quizzes hang on modules, attempts on learners.
        register_demo_loader("quizzes and progress", load_quizzes, order=40)
