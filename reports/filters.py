"""What a reader narrowed a rollout report to (roles, genders, dates, modules), and the date condition it implies."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from core.roles import Role


@dataclass(frozen=True)
class Filters:
    """What a reader narrowed the report to. Empty tuples mean "all"; no module set means the whole course."""

    roles: tuple[str, ...] = ()
    genders: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    modules: tuple[int, ...] = ()

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """The date range as aware datetimes in the site's time zone: [start 00:00, the day after end 00:00)."""
        zone = timezone.get_current_timezone()
        low = datetime.combine(self.start, time.min, tzinfo=zone) if self.start else None
        high = datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone) if self.end else None
        return low, high

    def roles_or_all(self) -> tuple[str, ...]:
        return self.roles or tuple(Role.values)


def in_range(lookup: str, filters: Filters) -> Q:
    """`lookup` happened (is not null) within the filters' dates."""
    low, high = filters.bounds()
    condition = Q(**{f"{lookup}__isnull": False})
    if low:
        condition &= Q(**{f"{lookup}__gte": low})
    if high:
        condition &= Q(**{f"{lookup}__lt": high})
    return condition
