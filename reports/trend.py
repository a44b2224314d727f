"""Completions per month, nationally and per province, for the rollout reports' trend chart."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .filters import Filters
from .progress import learners_in_scope, with_progress
from .scope import Scope


@dataclass
class Trend:
    months: list[date]
    national: list[int]
    by_province: dict[str, list[int]]

    @property
    def peak(self) -> int:
        return max(self.national, default=0)


def _month_range(first: date, last: date) -> list[date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def completion_trend(*, scope: Scope, filters: Filters, today: date | None = None, months: int = 24) -> Trend:
    """Completions per month (course, or the chosen module set), nationally and per province; the date range
    if one is chosen, otherwise the last `months` months."""
    today = today or timezone.localdate()
    last = filters.end or today
    if filters.start:
        first = filters.start
    else:
        index = last.year * 12 + last.month - 1 - (months - 1)
        first = date(index // 12, index % 12 + 1, 1)
    bounded = Filters(filters.roles, filters.genders, first, last, filters.modules)
    queryset, _started, completed = with_progress(learners_in_scope(scope=scope, filters=bounded), bounded)
    month_list = _month_range(first, last)
    national = [0] * len(month_list)
    by_province: dict[str, list[int]] = {}
    counts = _set_counts if filters.modules else _course_counts
    for position, area, count in counts(queryset.filter(completed), bounded, month_list):
        national[position] += count
        by_province.setdefault(area, [0] * len(month_list))[position] += count
    return Trend(months=month_list, national=national, by_province=by_province)


def _course_counts(queryset: QuerySet, filters: Filters, months: list[date]) -> list[tuple[int, str, int]]:
    """(month's position, province, completions) from one count per month and province: plain comparisons of the
    profile's indexed completion time with each month's bounds (SQLite would otherwise call a Python function per
    learner to truncate each time to its month in the site's time zone)."""
    zone = timezone.get_current_timezone()
    _low, high = filters.bounds()
    edges = [datetime.combine(month, time.min, tzinfo=zone) for month in months] + [high]
    per_month = {
        f"month_{position}": Count(
            "pk", filter=Q(course_completed_at__gte=edges[position], course_completed_at__lt=edges[position + 1])
        )
        for position in range(len(months))
    }
    rows = queryset.order_by().values(area=F("province_id")).annotate(**per_month)
    return [(position, row["area"], row[f"month_{position}"]) for row in rows for position in range(len(months))]


def _set_counts(queryset: QuerySet, filters: Filters, months: list[date]) -> list[tuple[int, str, int]]:
    """The same for a module set, whose completion time (the last of the set) is worked out per learner by a
    subquery: truncated to its month once per learner rather than compared once per month."""
    index = {month: position for position, month in enumerate(months)}
    grouped = (
        queryset.order_by()
        .values(month=TruncMonth("set_completed_at"), area=F("province_id"))
        .annotate(completed=Count("pk"))
    )
    found = []
    for item in grouped:
        month = item["month"]
        month = month.date() if isinstance(month, datetime) else month
        position = index.get(month.replace(day=1))
        if position is not None:
            found.append((position, item["area"], item["completed"]))
    return found
