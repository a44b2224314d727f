"""Counting events per network address in the shared cache, for caps such as registrations or certificate look-ups.

An IPv6 address counts per /64 (one subscriber holds the whole block) and an IPv4-mapped one as its IPv4 address,
so a phone cannot escape a cap by rotating addresses inside its own block. The window starts at the first event.
The cache must be shared by every app server (Redis in production) for a cap to hold across them.
"""

import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class AddressLimit:
    """At most `limit` events per address in `window_minutes`, both overridable by the named settings."""

    prefix: str
    limit_setting: str
    default_limit: int
    window_setting: str
    default_window_minutes: int

    def limit(self) -> int:
        return getattr(settings, self.limit_setting, self.default_limit)

    def window_minutes(self) -> int:
        return getattr(settings, self.window_setting, self.default_window_minutes)

    def key(self, address: str | None) -> str | None:
        try:
            parsed = ipaddress.ip_address(address or "")
        except ValueError:
            return None
        if parsed.version == 6:
            if parsed.ipv4_mapped is not None:
                return f"{self.prefix}:{parsed.ipv4_mapped}"
            return f"{self.prefix}:{ipaddress.ip_network(f'{parsed}/64', strict=False)}"
        return f"{self.prefix}:{parsed}"

    def is_limited(self, address: str | None) -> bool:
        key = self.key(address)
        return key is not None and cache.get(key, 0) >= self.limit()

    def record(self, address: str | None) -> None:
        key = self.key(address)
        if key is None:
            return
        timeout = self.window_minutes() * 60
        if not cache.add(key, 1, timeout=timeout):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, timeout=timeout)
