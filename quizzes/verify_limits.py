"""Certificate lookups per network address: unknown codes are counted in the cache so codes cannot be enumerated.

A reader with a genuine certificate types one code, perhaps mistyped once or twice; someone guessing codes misses
nearly every time. QUIZZES_VERIFY_MISS_LIMIT unknown codes per address (IPv6: per /64, which one subscriber holds
whole) in QUIZZES_VERIFY_WINDOW_MINUTES (the window starts at the first miss); past that every lookup from the
address is refused until the window ends, found or not, so the refusals tell a guesser nothing. Only misses count,
so a coordinator checking a pile of real certificates, or a workshop sharing one connection, is not held up.
The cache must be shared by every app server (Redis in production) for the cap to hold across them.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

TOO_MANY_LOOKUPS = _(
    "Too many codes that do not exist were checked from this network. Please try again in %(minutes)s minutes."
)


def miss_limit() -> int:
    return getattr(settings, "QUIZZES_VERIFY_MISS_LIMIT", 10)


def window_minutes() -> int:
    return getattr(settings, "QUIZZES_VERIFY_WINDOW_MINUTES", 15)


def _key(address: str | None) -> str | None:
    try:
        parsed = ipaddress.ip_address(address or "")
    except ValueError:
        return None
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return f"quizzes:verify-misses:{parsed.ipv4_mapped}"
        return f"quizzes:verify-misses:{ipaddress.ip_network(f'{parsed}/64', strict=False)}"
    return f"quizzes:verify-misses:{parsed}"


def is_limited(address: str | None) -> bool:
    key = _key(address)
    return key is not None and cache.get(key, 0) >= miss_limit()


def limited_message() -> str:
    return TOO_MANY_LOOKUPS % {"minutes": window_minutes()}


def miss_record(address: str | None) -> None:
    key = _key(address)
    if key is None:
        return
    if not cache.add(key, 1, timeout=window_minutes() * 60):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=window_minutes() * 60)
