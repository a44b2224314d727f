"""Registrations per network address: a generous cap kept in the cache, so one machine can neither create accounts
nor try phone numbers without end, while a workshop sharing one Wi-Fi connection still registers everyone.

Every registration that reaches the service counts, successful or not (a refused phone number is what someone
probing for accounts would see). LEARNERS_REGISTRATION_ADDRESS_LIMIT attempts per address (IPv6: per /64, which
one subscriber holds whole) in LEARNERS_REGISTRATION_WINDOW_MINUTES; the window starts at the first attempt.
The cache must be shared by every app server (Redis in production) for the cap to hold across them.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

REGISTRATION_LIMITED = _(
    "Too many registrations came from this network. Try again in %(minutes)s minutes, or ask your coordinator or "
    "trainer to enrol you."
)


def address_limit() -> int:
    return getattr(settings, "LEARNERS_REGISTRATION_ADDRESS_LIMIT", 30)


def window_minutes() -> int:
    return getattr(settings, "LEARNERS_REGISTRATION_WINDOW_MINUTES", 60)


def _key(address: str) -> str | None:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return None
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return f"learners:registrations:{parsed.ipv4_mapped}"
        return f"learners:registrations:{ipaddress.ip_network(f'{parsed}/64', strict=False)}"
    return f"learners:registrations:{parsed}"


def is_limited(address: str | None) -> bool:
    key = _key(address) if address else None
    return key is not None and cache.get(key, 0) >= address_limit()


def limited_message() -> str:
    return REGISTRATION_LIMITED % {"minutes": window_minutes()}


def record(address: str | None) -> None:
    key = _key(address) if address else None
    if key is None:
        return
    if not cache.add(key, 1, timeout=window_minutes() * 60):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=window_minutes() * 60)
