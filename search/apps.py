"""Search in the manual: an index of what readers may see, in both languages, with Khmer cut into words."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.demo import register_demo_loader

        from . import signals  # noqa: F401
        from .demo import load_search_index

        register_demo_loader("search index", load_search_index, order=25)
