"""Text messages to learners, in Khmer: a one-time password, and a reminder to finish the training.

They go through core.sms (off unless SMS_BACKEND is set); callers learn whether a message left, so a screen can
say "sent to 012 345 678" or fall back to the printed slip.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import sms

from .models import LearnerProfile

# Khmer travels as UCS-2: 70 characters in one SMS, 67 in each part of a longer one. Both texts stay within 3.
ONE_TIME_PASSWORD_TEXT = _(
    "Child protection training: sign in at %(url)s with %(login)s and the password %(password)s, then choose your own."
)
REMINDER_TEXT = _("%(name)s, your child protection training is waiting for you. Continue at %(url)s")
TEXT_LANGUAGE = "km"  # every learner reads Khmer; not every one reads English


def _site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def one_time_password_text(*, profile: LearnerProfile, password: str) -> str:
    with translation.override(TEXT_LANGUAGE):
        return gettext(ONE_TIME_PASSWORD_TEXT) % {
            "url": _site_url(reverse("learners:sign_in")),
            # The number the text arrives on is the easiest thing to type; it signs in like the username.
            "login": profile.phone_display or profile.user.get_username(),
            "password": password,
        }


def reminder_text(*, profile: LearnerProfile) -> str:
    with translation.override(TEXT_LANGUAGE):
        return gettext(REMINDER_TEXT) % {"name": profile.full_name_km, "url": _site_url(f"/{TEXT_LANGUAGE}/")}


def send_one_time_password(*, profile: LearnerProfile, password: str) -> bool:
    """Text a learner their one-time password; false (nothing sent) without a phone or with texts turned off.

    The caller has already set `password` on the account (and whatever makes it one-time)."""
    if not profile.phone or not sms.is_enabled():
        return False
    return sms.send_text(to=profile.phone, body=one_time_password_text(profile=profile, password=password))
