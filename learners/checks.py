"""System check: a site with DEBUG off refuses to run while a staff account still has the demo password.

Tagged "database", so Django runs it where a database is at hand: `migrate` (every deployment's first step)
and `check --database default`; a plain `check --deploy` at build time, without a database, skips it. Each
account costs one password hash (about a third of a second on a 2-core machine), so only active staff accounts
are tried.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import Error, Tags, register
from django.db.models import Q

from core.demo import demo_password

from . import groups

DEMO_PASSWORD_IN_USE = "learners.E001"  # noqa: S105 - a check id, not a password


def staff_accounts():
    staff_groups = [name for name in groups.GROUP_LABELS if name != groups.LEARNER]
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(is_staff=True) | Q(groups__name__in=staff_groups))
        .distinct()
        .order_by("username")
    )


@register(Tags.security, Tags.database)
def demo_password_unused(app_configs=None, databases=None, **kwargs):
    if settings.DEBUG or not databases:
        return []
    password = demo_password()
    found = [user.get_username() for user in staff_accounts() if user.check_password(password)]
    if not found:
        return []
    return [
        Error(
            f"Staff accounts still use the demo password: {', '.join(found)}.",
            hint="Give each of them a password of their own (manage.py changepassword USERNAME) or deactivate them.",
            id=DEMO_PASSWORD_IN_USE,
        )
    ]
