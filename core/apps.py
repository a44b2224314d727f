"""Shared foundations: base templates, language switch, Khmer text helpers."""

from django.apps import AppConfig
from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from .converters import register as register_converters
        from .demo import register_demo_loader
        from .demo_accounts import load_admin
        from .page_cache import connect as connect_page_cache

        register_converters()  # before any URLconf is read: they use <id:...>
        register_demo_loader("admin account", load_admin, order=10)
        connect_page_cache()  # kept pages are left behind when what they show changes
        setting_changed.connect(forget_template_fragments, dispatch_uid="core.forget_template_fragments")


def forget_template_fragments(**_kwargs) -> None:
    """base.html's fragments (settings.TEMPLATE_FRAGMENTS) hold static file names, addresses and translations made
    under the settings of the moment: a changed setting (tests override them) must not meet an older fragment."""
    alias = getattr(settings, "TEMPLATE_FRAGMENTS", None)
    if alias in settings.CACHES:
        caches[alias].clear()
