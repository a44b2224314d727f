"""Completions per month, nationally and per province, for the rollout reports' trend chart."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, F
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
    moment = "set_completed_at" if filters.modules else "course_completed_at"
    grouped = (
        queryset.filter(completed)
        .order_by()
        .values(month=TruncMonth(moment), area=F("province_id"))
        .annotate(completed=Count("pk"))
    )
    month_list = _month_range(first, last)
    index = {month: position for position, month in enumerate(month_list)}
    national = [0] * len(month_list)
    by_province: dict[str, list[int]] = {}
    for item in grouped:
        month = item["month"]
        month = month.date() if isinstance(month, datetime) else month
        position = index.get(month.replace(day=1))
        if position is None:
            continue
        national[position] += item["completed"]
        by_province.setdefault(item["area"], [0] * len(month_list))[position] += item["completed"]
    return Trend(months=month_list, national=national, by_province=by_province)
