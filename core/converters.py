"""The `<id:...>` path converter: a database id in a URL, bounded so an out-of-range number is a 404 at routing.

Django's `<int:...>` accepts any number of digits; a number past the widest id column (64-bit signed, the
project's BigAutoField) then reaches the database, where each backend and lookup fails its own way. Registered
once by core's AppConfig; every URLconf of the project uses `<id:...>` for ids and positions, never `<int:...>`.
"""

from django.urls import register_converter

ID_MAX = 2**63 - 1


class BoundedIdConverter:
    """A positive whole number no larger than ID_MAX; anything else does not match (so the URL is a 404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 0 < number <= ID_MAX:
            raise ValueError(value)  # Django's signal for "this path does not match"
        return number

    def to_url(self, value) -> str:
        number = int(value)
        if not 0 < number <= ID_MAX:
            raise ValueError(value)  # reverse() then fails with NoReverseMatch instead of building a dead link
        return str(number)


def register() -> None:
    register_converter(BoundedIdConverter, "id")
