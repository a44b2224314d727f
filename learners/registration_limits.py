"""Registrations per network address: a generous cap kept in the cache, so one machine can neither create accounts
nor try phone numbers without end, while a workshop sharing one Wi-Fi connection still registers everyone.

Every registration that reaches the service counts, successful or not (a refused phone number is what someone
probing for accounts would see). LEARNERS_REGISTRATION_ADDRESS_LIMIT attempts per address (IPv6: per /64, which
one subscriber holds whole) in LEARNERS_REGISTRATION_WINDOW_MINUTES; the window starts at the first attempt.
The cache must be shared by every app server (Redis in production) for the cap to hold across them.
"""

from django.utils.translation import gettext_lazy as _

from core.address_limits import AddressLimit

REGISTRATION_LIMITED = _(
    "Too many registrations came from this network. Try again in %(minutes)s minutes, or ask your coordinator or "
    "trainer to enrol you."
)

REGISTRATIONS = AddressLimit(
    prefix="learners:registrations",
    limit_setting="LEARNERS_REGISTRATION_ADDRESS_LIMIT",
    default_limit=30,
    window_setting="LEARNERS_REGISTRATION_WINDOW_MINUTES",
    default_window_minutes=60,
)
is_limited = REGISTRATIONS.is_limited
record = REGISTRATIONS.record


def limited_message() -> str:
    return REGISTRATION_LIMITED % {"minutes": REGISTRATIONS.window_minutes()}
