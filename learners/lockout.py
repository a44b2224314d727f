"""Brute-force protection for every sign-in form: too many failures lock the account and the address for a while.

Failures are rows in the database (not a per-process cache), so the lock holds across app servers. An account
locks after LEARNERS_LOCKOUT_ACCOUNT_FAILURES failures in LEARNERS_LOCKOUT_MINUTES; an address after
LEARNERS_LOCKOUT_ADDRESS_FAILURES (higher: a police post or a workshop shares one address). A coordinator can
unlock an account; otherwise the lock ends when the failures age out of the window.
"""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import SignInFailure

LOCKED_OUT = _(
    "Too many failed attempts. Sign-in is blocked for %(minutes)s minutes. "
    "A coordinator can unlock your account sooner."
)


def lockout_minutes() -> int:
    return getattr(settings, "LEARNERS_LOCKOUT_MINUTES", 15)


def account_limit() -> int:
    return getattr(settings, "LEARNERS_LOCKOUT_ACCOUNT_FAILURES", 5)


def address_limit() -> int:
    return getattr(settings, "LEARNERS_LOCKOUT_ADDRESS_FAILURES", 20)


def client_address(request) -> str | None:
    """The address the request came from.

    Behind N trusted proxies (LEARNERS_TRUSTED_PROXY_COUNT = N), REMOTE_ADDR is the last proxy, shared by all
    users: the client is then the N-th address from the right of X-Forwarded-For (the part the proxies added,
    which a client cannot forge). Without proxies, REMOTE_ADDR itself.
    """
    if request is None:
        return None
    proxies = getattr(settings, "LEARNERS_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                return None
    return request.META.get("REMOTE_ADDR") or None


def _recent():
    return SignInFailure.objects.filter(created_at__gte=timezone.now() - timedelta(minutes=lockout_minutes()))


def account_locked(user) -> bool:
    return user is not None and _recent().filter(user=user).count() >= account_limit()


def address_locked(address: str | None) -> bool:
    return bool(address) and _recent().filter(address=address).count() >= address_limit()


def is_locked(*, user, request) -> bool:
    return account_locked(user) or address_locked(client_address(request))


def locked_message() -> str:
    return LOCKED_OUT % {"minutes": lockout_minutes()}


def record_failure(*, user, request) -> None:
    SignInFailure.objects.create(user=user, address=client_address(request))
    # Old rows no longer count; prune them now and then so the table stays small.
    SignInFailure.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()


def unlock(*, user) -> int:
    """Forget the account's failures (a coordinator's unlock, or a successful sign-in)."""
    deleted, _detail = SignInFailure.objects.filter(user=user).delete()
    return deleted


def user_for_identifier(identifier: str):
    """The account a sign-in form meant: by username, or by phone number."""
    from .selectors import user_by_login

    return user_by_login(identifier=identifier)


@receiver(user_login_failed)
def _on_login_failed(sender, credentials, request=None, **kwargs):
    if request is not None and getattr(request, "_signin_locked", False):
        return  # refused because already locked: not a new guess at the password
    identifier = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username") or ""
    record_failure(user=user_for_identifier(identifier), request=request)


@receiver(user_logged_in)
def _on_logged_in(sender, request, user, **kwargs):
    unlock(user=user)
