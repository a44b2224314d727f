"""Staff second factor (authenticator-app codes, TOTP, through django-otp) and staff session lifetime.

Who must use it is a setting (LEARNERS_TWO_FACTOR_REQUIRED_GROUPS; superusers count as administrators); any other
staff member may choose to. A session signed in with a password alone reaches the admin and the coordinators'
screens only after a code (security_middleware). Staff sessions end after LEARNERS_STAFF_SESSION_IDLE_SECONDS
without activity; learners keep Django's long sessions.
"""

import base64
import binascii
import math
import time

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_otp import login as otp_login
from django_otp import user_has_device, verify_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from . import groups
from .selectors import manages_learners

WRONG_CODE = _("That code is not right. Type the 6 digits your authenticator app shows now.")
TOO_MANY_CODES = ngettext_lazy(
    "Too many wrong codes. Wait %(seconds)d second, then try again.",
    "Too many wrong codes. Wait %(seconds)d seconds, then try again.",
    "seconds",
)
ALREADY_SET_UP = _("Two-step sign-in is already on for this account. Enter a code from your app to change it.")
SETUP_EXPIRED = _("The setup has expired. Scan the new QR code and try again.")

SETUP_KEY_SESSION = "two_factor_setup_key"
STAFF_SESSION = "staff_session"
STAFF_SEEN_SESSION = "staff_seen"
# A staff session's expiry moves forward with activity, saved at most this often (a session write per request
# would cost a database write on every admin page).
SLIDE_EVERY_SECONDS = 5 * 60


def is_staff_member(user) -> bool:
    """Anyone who can reach personal data or the admin: administrators, coordinators, trainers, admin users."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or manages_learners(user) or user.has_perm("wagtailadmin.access_admin")


def is_required(user) -> bool:
    required = set(settings.LEARNERS_TWO_FACTOR_REQUIRED_GROUPS)
    if not required or not user.is_authenticated:
        return False
    if user.is_superuser and groups.ADMINISTRATOR in required:
        return True
    return user.groups.filter(name__in=required).exists()


def has_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def new_secret() -> str:
    """A fresh secret (hex, as django-otp stores it): 20 random bytes, the size RFC 4226 recommends."""
    return random_hex(20)


def secret_text(secret_hex: str) -> str:
    """The secret as people type it into an authenticator app: base32 in groups of four."""
    text = base64.b32encode(binascii.unhexlify(secret_hex)).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def config_url(*, user, secret_hex: str) -> str:
    return TOTPDevice(user=user, key=secret_hex).config_url


def qr_svg(data: str) -> str:
    """The QR code as inline SVG, drawn on the server (no script, no third-party service)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, border=2, box_size=8)
    return image.to_string(encoding="unicode")


def _matching_step(*, secret_hex: str, token: str) -> int | None:
    """The time step a code belongs to (now, or one step either side for phone clocks), or None."""
    token = (token or "").replace(" ", "")
    if not (token.isdigit() and len(token) == 6):
        return None
    totp = TOTP(binascii.unhexlify(secret_hex), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time()
    if totp.verify(int(token), tolerance=1):
        return totp.t()
    return None


@transaction.atomic
def device_confirm(*, user, secret_hex: str, token: str, name: str = "authenticator") -> TOTPDevice:
    """Turn two-step sign-in on (or replace the app): only once a code from the app proves it holds the secret.

    The device is created confirmed, in one step, so a setup abandoned half-way leaves nothing behind. The code
    just used is marked as used, so it cannot be replayed to verify a session.
    """
    step = _matching_step(secret_hex=secret_hex, token=token)
    if step is None:
        raise ValidationError({"token": WRONG_CODE}, code="wrong_code")
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice(user=user, name=name, key=secret_hex, confirmed=True, last_t=step)
    device.full_clean()
    device.save()
    return device


@transaction.atomic
def setup_finish(*, request, secret_hex: str, token: str) -> TOTPDevice:
    """The setup page's last step: the device is saved and this session counts as verified by it."""
    device = device_confirm(user=request.user, secret_hex=secret_hex, token=token)
    request.session.pop(SETUP_KEY_SESSION, None)
    request.session.cycle_key()
    otp_login(request, device)
    return device


def session_verify(*, request, token: str) -> TOTPDevice:
    """Mark this signed-in session as verified by a code from the user's app.

    Not one transaction: django-otp records a wrong code (its throttle) in its own, which an error raised here
    must not roll back.
    """
    device = totp_device(request.user)
    if device is None:
        raise ValidationError({"token": WRONG_CODE}, code="no_device")
    allowed, detail = device.verify_is_allowed()
    if not allowed:
        raise ValidationError({"token": TOO_MANY_CODES % {"seconds": _seconds_until(detail)}}, code="throttled")
    verified = verify_token(request.user, device.persistent_id, (token or "").replace(" ", ""))
    if verified is None:
        raise ValidationError({"token": WRONG_CODE}, code="wrong_code")
    # A new session key once the second factor is in, as Django does after a password.
    request.session.cycle_key()
    otp_login(request, verified)
    return verified


def _seconds_until(detail) -> int:
    until = (detail or {}).get("locked_until")
    if until is None:
        return 1
    return max(1, math.ceil((until - timezone.now()).total_seconds()))


@transaction.atomic
def device_remove(*, user, actor) -> int:
    """An administrator turns someone's two-step sign-in off (a lost phone); they set it up again next time."""
    if not (actor.is_superuser or actor.groups.filter(name=groups.ADMINISTRATOR).exists()):
        raise ValidationError(_("Only an administrator can turn off someone's two-step sign-in."), code="forbidden")
    deleted, _detail = TOTPDevice.objects.filter(user=user).delete()
    return deleted


def staff_session_mark(request) -> None:
    """A staff session: expires after a working day without activity (the middleware moves the expiry on)."""
    request.session[STAFF_SESSION] = True
    request.session[STAFF_SEEN_SESSION] = int(time.time())
    request.session.set_expiry(settings.LEARNERS_STAFF_SESSION_IDLE_SECONDS)


def staff_session_keep(request) -> None:
    """After each staff request: keep the idle expiry (Wagtail's "remember me" sets its own at sign-in) and move
    it forward with activity."""
    session = request.session
    idle = settings.LEARNERS_STAFF_SESSION_IDLE_SECONDS
    now = int(time.time())
    if session.get("_session_expiry") != idle or now - session.get(STAFF_SEEN_SESSION, 0) >= SLIDE_EVERY_SECONDS:
        session[STAFF_SEEN_SESSION] = now
        session.set_expiry(idle)


@receiver(user_logged_in)
def _on_logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session") and is_staff_member(user):
        staff_session_mark(request)
