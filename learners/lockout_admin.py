"""Admin screen "Sign-in locks": who is locked out or slowed down, and unlocking them.

Administrators see and unlock everything: staff accounts, names that have no account, addresses; they can also
turn off a staff member's two-step sign-in (a lost phone). A coordinator sees and unlocks the learners of their
own provinces only; staff accounts are unlocked by administrators, as staff passwords are reset by them.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import groups, lockout, two_factor
from .selectors import is_coordinator, learners_for
from .services import is_privileged, may_change_credentials

UNLOCKED = _("Unlocked: %(who)s.")
NOT_YOURS = _("You can unlock only the learners of your own provinces. An administrator unlocks staff accounts.")
TWO_FACTOR_OFF = _("Two-step sign-in is off for %(who)s. They will be asked to set it up again.")
NO_SUCH_ACCOUNT = _("There is no account with this username.")
SUPERUSER_ONLY = _("Only a superuser can unlock a superuser or turn off their two-step sign-in.")


def is_administrator(user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=groups.ADMINISTRATOR).exists())


def can_use(user) -> bool:
    return user.is_authenticated and (is_administrator(user) or is_coordinator(user))


def _may_unlock(actor, target) -> bool:
    if is_administrator(actor):
        # The same rule as for passwords and e-mail: a superuser's account is a superuser's to touch.
        return may_change_credentials(actor=actor, user=target)
    if is_privileged(target):
        return False
    return learners_for(user=actor).filter(user=target).exists()


def index(request: HttpRequest) -> HttpResponse:
    if not can_use(request.user):
        raise PermissionDenied
    admin = is_administrator(request.user)
    rows = list(lockout.locked_accounts())
    users = get_user_model().objects.in_bulk([row["user"] for row in rows if row["user"]])
    if not admin:
        visible = set(learners_for(user=request.user).filter(user__in=users.keys()).values_list("user_id", flat=True))
        rows = [row for row in rows if row["user"] in visible and not is_privileged(users[row["user"]])]
    for row in rows:
        row["account_user"] = users.get(row["user"])
        row["typed"] = row["account"].split(":", 1)[-1]  # "name:ghost" -> "ghost", as it was typed
    context = {
        "page_title": _("Sign-in locks"),
        "header_icon": "lock",
        "rows": rows,
        "addresses": list(lockout.locked_addresses()) if admin else [],
        "administrator": admin,
        "minutes": lockout.lockout_minutes(),
    }
    return TemplateResponse(request, "learners/admin/signin_locks.html", context)


@require_POST
def unlock(request: HttpRequest) -> HttpResponse:
    if not can_use(request.user):
        raise PermissionDenied
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "")
    if kind == "user":
        target = get_object_or_404(get_user_model(), pk=value if value.isdigit() else 0)
        if not _may_unlock(request.user, target):
            messages.error(request, SUPERUSER_ONLY if is_administrator(request.user) else NOT_YOURS)
            return redirect("learners_signin_locks")
        lockout.unlock(user=target)
        messages.success(request, UNLOCKED % {"who": target.get_username()})
    elif kind in ("name", "address") and is_administrator(request.user):
        try:
            if kind == "name":
                lockout.unlock_key(key=value)
            else:
                lockout.unlock_address(address=value)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, UNLOCKED % {"who": value})
    else:
        raise PermissionDenied
    return redirect("learners_signin_locks")


@require_POST
def two_factor_off(request: HttpRequest) -> HttpResponse:
    if not is_administrator(request.user):
        raise PermissionDenied
    target = get_user_model().objects.filter(username=request.POST.get("username", "").strip()).first()
    if target is None:
        messages.error(request, NO_SUCH_ACCOUNT)
    elif not may_change_credentials(actor=request.user, user=target):
        # Without it, an administrator who is not a superuser could strip a superuser's second factor.
        messages.error(request, SUPERUSER_ONLY)
    else:
        two_factor.device_remove(user=target, actor=request.user)
        messages.success(request, TWO_FACTOR_OFF % {"who": target.get_username()})
    return redirect("learners_signin_locks")


urlpatterns = [
    path("signin-locks/", index, name="learners_signin_locks"),
    path("signin-locks/unlock/", unlock, name="learners_signin_unlock"),
    path("signin-locks/two-factor-off/", two_factor_off, name="learners_two_factor_off"),
]
