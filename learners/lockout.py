"""Brute-force protection for every sign-in form: lock an (account, address) pair, throttle an address, slow an
account under attack from many addresses without locking its owner out.

Failures are rows in the database (not a per-process cache), so limits hold across app servers. Over a window of
LEARNERS_LOCKOUT_MINUTES:

- one account from one address: LEARNERS_LOCKOUT_PAIR_FAILURES failures lock that pair (others at other addresses,
  and the owner elsewhere, are not affected);
- one address, any accounts: LEARNERS_LOCKOUT_ADDRESS_FAILURES failures lock the address (higher: a police post
  or a workshop shares one address);
- one account, any addresses: past LEARNERS_LOCKOUT_ACCOUNT_FAILURES failures, each further try must wait a delay
  that doubles with every failure, unless the browser has signed in to that account before (a signed cookie),
  so an attack from many addresses slows to a crawl while the owner's phone still gets in.

An account that does not exist is counted by what was typed, exactly as a real one is: the answers (messages,
limits, timing) never tell whether a name or phone number has an account. A lock lifts when its failures age out
of the window, or when an administrator or a coordinator (within their provinces) unlocks it.
"""

import ipaddress
import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import SignInFailure
from .phone import looks_like_phone, normalise_phone

LOCKED_OUT = _(
    "Too many failed attempts. Sign-in is blocked for %(minutes)s minutes. "
    "A coordinator can unlock your account sooner."
)
SLOWED_DOWN = ngettext_lazy(
    "There have been many failed attempts to sign in to this account. Wait %(seconds)d second, then try again.",
    "There have been many failed attempts to sign in to this account. Wait %(seconds)d seconds, then try again.",
    "seconds",
)

TRUSTED_BROWSER_COOKIE = "signin_browser"
_COOKIE_SALT = "learners.lockout.trusted-browser"
_COOKIE_MAX_ACCOUNTS = 5  # a family or a police post may share one phone


def lockout_minutes() -> int:
    return settings.LEARNERS_LOCKOUT_MINUTES


def client_address(request) -> str | None:
    """The address the request came from.

    Behind N trusted proxies (LEARNERS_TRUSTED_PROXY_COUNT = N), REMOTE_ADDR is the last proxy, shared by all
    users: the client is then the N-th address from the right of X-Forwarded-For (the part the proxies added,
    which a client cannot forge). Without proxies (the default), REMOTE_ADDR itself, whatever the header says.
    """
    if request is None:
        return None
    proxies = getattr(settings, "LEARNERS_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return _valid_address(forwarded[-proxies])
    return _valid_address(request.META.get("REMOTE_ADDR", ""))


def _valid_address(candidate: str) -> str | None:
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def account_key(*, user, identifier: str) -> str:
    """What failures are counted against: the account when it exists, otherwise what was typed (normalised the
    way a real account would be found), so a made-up name locks exactly as a real one does."""
    if user is not None:
        return f"user:{user.pk}"
    text = (identifier or "").strip()
    if looks_like_phone(text):
        return f"phone:{normalise_phone(text)}"
    return f"name:{text.casefold()}"[:150]


@dataclass(frozen=True)
class Refusal:
    """Why a sign-in is refused before the password is even checked; message() is what the form shows."""

    locked: bool
    wait_seconds: int = 0

    def message(self) -> str:
        if self.locked:
            return LOCKED_OUT % {"minutes": lockout_minutes()}
        return SLOWED_DOWN % {"seconds": self.wait_seconds}


def locked_message() -> str:
    return Refusal(locked=True).message()


def _recent():
    return SignInFailure.objects.filter(created_at__gte=timezone.now() - timedelta(minutes=lockout_minutes()))


def refusal(*, key: str, request) -> Refusal | None:
    """None when this attempt may go on to the password check."""
    address = client_address(request)
    recent = _recent()
    if address and recent.filter(account=key, address=address).count() >= settings.LEARNERS_LOCKOUT_PAIR_FAILURES:
        return Refusal(locked=True)
    if address and recent.filter(address=address).count() >= settings.LEARNERS_LOCKOUT_ADDRESS_FAILURES:
        return Refusal(locked=True)
    if key in trusted_keys(request):
        return None
    account_failures = recent.filter(account=key).order_by("-created_at")
    count = account_failures.count()
    over = count - settings.LEARNERS_LOCKOUT_ACCOUNT_FAILURES
    if over < 0:
        return None
    delay = min(2**over, settings.LEARNERS_LOCKOUT_MAX_DELAY_SECONDS)
    last = account_failures.values_list("created_at", flat=True).first()
    wait = (last + timedelta(seconds=delay) - timezone.now()).total_seconds()
    return Refusal(locked=False, wait_seconds=math.ceil(wait)) if wait > 0 else None


def account_locked(user) -> bool:
    """Whether the account has enough recent failures to be locked somewhere: what a coordinator's screen shows."""
    return locked_accounts().filter(account=f"user:{user.pk}").exists()


def locked_accounts():
    """Account keys with enough recent failures to lock them from one address, for the unlock screen."""
    return (
        _recent()
        .values("account", "user")
        .annotate(failures=Count("id"), last_failure=Max("created_at"), addresses=Count("address", distinct=True))
        .filter(failures__gte=settings.LEARNERS_LOCKOUT_PAIR_FAILURES)
        .order_by("-last_failure")
    )


def locked_addresses():
    return (
        _recent()
        .exclude(address=None)
        .values("address")
        .annotate(failures=Count("id"), last_failure=Max("created_at"))
        .filter(failures__gte=settings.LEARNERS_LOCKOUT_ADDRESS_FAILURES)
        .order_by("-last_failure")
    )


@transaction.atomic
def record_failure(*, key: str, user, request) -> None:
    failure = SignInFailure(account=key, user=user, address=client_address(request))
    failure.full_clean()
    failure.save()
    # Old rows no longer count; prune them now and then so the table stays small.
    SignInFailure.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()


@transaction.atomic
def unlock(*, user) -> int:
    """Forget the account's failures from every address (an administrator's or coordinator's unlock)."""
    deleted, _detail = SignInFailure.objects.filter(account=f"user:{user.pk}").delete()
    return deleted


@transaction.atomic
def unlock_key(*, key: str) -> int:
    """Forget failures counted against what was typed for an account that does not exist (administrators)."""
    deleted, _detail = SignInFailure.objects.filter(account=key).delete()
    return deleted


@transaction.atomic
def unlock_address(*, address: str) -> int:
    if _valid_address(address) is None:
        raise ValidationError(_("Enter a valid IPv4 or IPv6 address."), code="invalid")
    deleted, _detail = SignInFailure.objects.filter(address=address).delete()
    return deleted


def trusted_keys(request) -> list[str]:
    """Accounts that have signed in from this browser before (its signed cookie); [] when absent or forged."""
    raw = request.COOKIES.get(TRUSTED_BROWSER_COOKIE) if request is not None else None
    if not raw:
        return []
    try:
        keys = signing.loads(raw, salt=_COOKIE_SALT, max_age=timedelta(days=180))
    except signing.BadSignature:
        return []
    return [key for key in keys if isinstance(key, str)] if isinstance(keys, list) else []


def trusted_cookie_value(request, user) -> str:
    key = f"user:{user.pk}"
    keys = [key] + [other for other in trusted_keys(request) if other != key]
    return signing.dumps(keys[:_COOKIE_MAX_ACCOUNTS], salt=_COOKIE_SALT)


@receiver(user_login_failed)
def _on_login_failed(sender, credentials, request=None, **kwargs):
    if request is not None and getattr(request, "_signin_refusal", None) is not None:
        return  # refused before the password check: not a new guess at the password
    attempt = getattr(request, "_signin_attempt", None)
    if attempt is None:  # a form that did not go through our backend
        from .selectors import user_by_login

        identifier = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username") or ""
        user = user_by_login(identifier=identifier)
        attempt = (account_key(user=user, identifier=identifier), user)
    record_failure(key=attempt[0], user=attempt[1], request=request)


@receiver(user_logged_in)
def _on_logged_in(sender, request, user, **kwargs):
    """The owner's own typos from this address are forgotten; failures from elsewhere keep counting (an attacker's
    guesses must not be wiped by the owner signing in). The browser is remembered for the slow-down."""
    if request is None:
        return
    SignInFailure.objects.filter(account=f"user:{user.pk}", address=client_address(request)).delete()
    request._signin_trusted_cookie = trusted_cookie_value(request, user)
