"""Writes: setting and removing training targets, each change recorded in the target history."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import Target, TargetChange, TargetChangeSource


def _record(*, target: Target, before, after, user, now, source: str, file_name: str = "") -> TargetChange:
    return TargetChange.objects.create(
        target=target if after is not None else None,
        province_id=target.province_id,
        district_id=target.district_id,
        commune_id=target.commune_id,
        role=target.role,
        people_before=before,
        people_after=after,
        changed_by=user,
        changed_at=now,
        source=source,
        file_name=file_name,
    )


@transaction.atomic
def target_save(
    *,
    target: Target,
    user,
    source: str = TargetChangeSource.ADMIN,
    file_name: str = "",
    now: datetime | None = None,
) -> Target:
    """Create or update a target (validated) and record the change; saving the same number records nothing."""
    now = now or timezone.now()
    target.full_clean()
    before = None
    if target.pk:
        before = Target.objects.select_for_update().filter(pk=target.pk).values_list("people", flat=True).first()
    if before == target.people and target.pk:
        return target
    target.updated_by = user
    target.save()
    _record(target=target, before=before, after=target.people, user=user, now=now, source=source, file_name=file_name)
    return target


@transaction.atomic
def target_delete(*, target: Target, user, now: datetime | None = None) -> None:
    """Remove a target; the history keeps what it was and who removed it."""
    now = now or timezone.now()
    _record(target=target, before=target.people, after=None, user=user, now=now, source=TargetChangeSource.ADMIN)
    target.delete()
