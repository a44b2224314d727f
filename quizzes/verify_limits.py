"""Certificate lookups per network address: unknown codes are counted in the cache so codes cannot be enumerated.

A reader with a genuine certificate types one code, perhaps mistyped once or twice; someone guessing codes misses
nearly every time. QUIZZES_VERIFY_MISS_LIMIT unknown codes per address (IPv6: per /64, which one subscriber holds
whole) in QUIZZES_VERIFY_WINDOW_MINUTES (the window starts at the first miss); past that every lookup from the
address is refused until the window ends, found or not, so the refusals tell a guesser nothing. Only misses count,
so a coordinator checking a pile of real certificates, or a workshop sharing one connection, is not held up.
The cache must be shared by every app server (Redis in production) for the cap to hold across them.
"""

from django.utils.translation import gettext_lazy as _

from core.address_limits import AddressLimit

TOO_MANY_LOOKUPS = _(
    "Too many codes that do not exist were checked from this network. Please try again in %(minutes)s minutes."
)

MISSES = AddressLimit(
    prefix="quizzes:verify-misses",
    limit_setting="QUIZZES_VERIFY_MISS_LIMIT",
    default_limit=10,
    window_setting="QUIZZES_VERIFY_WINDOW_MINUTES",
    default_window_minutes=15,
)
is_limited = MISSES.is_limited
miss_record = MISSES.record


def limited_message() -> str:
    return TOO_MANY_LOOKUPS % {"minutes": MISSES.window_minutes()}
