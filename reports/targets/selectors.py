"""Which targets and target changes a user reaches: those of their provinces, decided here on the server.

A provincial coordinator reaches only their provinces' targets; national coordinators and administrators reach
all; everyone else none.
"""

from django.db.models import QuerySet

from learners.models import Province
from learners.selectors import sees_all_provinces

from ..models import Target, TargetChange
from ..scope import report_scope


def target_provinces(user) -> QuerySet[Province]:
    """The provinces whose targets this user may see and set: those of their report scope (all for national
    coordinators, their own for provincial ones, none for anyone else).

    Unlike `learners.selectors.coordinated_provinces`, trainers get none: they run workshops, not the rollout plan.
    """
    scope = report_scope(user=user)
    if scope is None:
        return Province.objects.none()
    if scope.national:
        return Province.objects.all()
    return Province.objects.filter(code__in=scope.provinces)


def targets_for(user) -> QuerySet[Target]:
    queryset = Target.objects.select_related("province", "district", "commune", "updated_by")
    if sees_all_provinces(user):
        return queryset
    return queryset.filter(province__in=target_provinces(user))


def target_changes_for(user) -> QuerySet[TargetChange]:
    queryset = TargetChange.objects.select_related("province", "district", "commune", "changed_by")
    if sees_all_provinces(user):
        return queryset
    return queryset.filter(province__in=target_provinces(user))
