"""The demo administrator account (other apps add their own demo accounts)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from .demo import demo_password, register_demo_login

REFUSED = "Demo accounts have a published password: refusing to create them with DEBUG off. Use --force to insist."


def demo_accounts_allowed(*, force: bool) -> bool:
    if settings.DEBUG or force:
        return True
    raise CommandError(REFUSED)


def load_admin(*, stdout, force: bool) -> None:
    demo_accounts_allowed(force=force)
    User = get_user_model()
    if User.objects.filter(username="admin").exists():
        return
    User.objects.create_superuser(username="admin", email="", password=demo_password())
    stdout.write("Created the demo administrator 'admin'.")


register_demo_login("admin", "Administrator (Wagtail admin at /admin/)")
