"""What "attended" means for a workshop's participant (pure functions, so tests and reports decide as the site does)."""

from collections.abc import Collection, Mapping
from datetime import date

from .models import AttendanceRule


def modules_attended(
    *,
    rule: str,
    min_days: int | None,
    days: Mapping[date, Collection[int]],
    present: Collection[date],
    modules: Collection[int],
) -> set[int]:
    """The modules (ids) of `modules` whose sessions a participant attended, under the workshop's `rule`.

    `days`: each day of the workshop with the modules taught that day; `present`: the days they were marked
    present. A workshop without days has no sessions to attend. Under "the days covering each module", a module
    no day names is covered by every day.
    """
    present = set(present) & set(days)
    if not days:
        return set()
    if rule == AttendanceRule.ALL_DAYS:
        return set(modules) if present == set(days) else set()
    if rule == AttendanceRule.AT_LEAST:
        return set(modules) if len(present) >= max(min_days or len(days), 1) else set()
    attended = set()
    for module in modules:
        covering = {day for day, taught in days.items() if module in taught} or set(days)
        if covering <= present:
            attended.add(module)
    return attended
