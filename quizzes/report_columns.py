"""Keeps the rollout-report columns of a learner's profile (first activity, last active day, course completed)
in step with their training record, in the same transaction as the write that changes it.

The reports count 100,000 learners per province from one index of the profile table; reading these three facts
from the training summary instead would join every learner's row of a second table (see reports.selectors).
"""

import functools
from datetime import datetime

from django.db import connection
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from learners.models import LearnerProfile

from .models import TrainingSummary
from .transactions import Statement


@functools.cache
def _activity_sql(vendor: str) -> str:
    """Built once per process and database vendor; names come from _meta, never from input (S608)."""
    q = connection.ops.quote_name
    table = q(LearnerProfile._meta.db_table)
    started, active, user = (
        q(LearnerProfile._meta.get_field(name).column) for name in ("training_started_at", "training_active_on", "user")
    )
    return (
        f"UPDATE {table} SET {active} = %s, {started} = COALESCE({started}, %s)"  # noqa: S608
        f" WHERE {user} = %s AND ({active} IS NULL OR {active} < %s)"
    )


def activity_statement(*, learner_id: int, now: datetime) -> Statement:
    """The UPDATE noting activity on `now`'s day: it writes only on a learner's first activity of the day,
    so a learner answering quiz after quiz costs one index lookup, not a row write, after the first."""
    today = timezone.localdate(now)
    prepare = LearnerProfile._meta.get_field
    day = prepare("training_active_on").get_db_prep_save(today, connection)
    return Statement(
        _activity_sql(connection.vendor),
        (day, prepare("training_started_at").get_db_prep_save(now, connection), learner_id, day),
    )


def activity_note(*, learner_id: int, now: datetime) -> None:
    """Note activity through the ORM (lesson views, starts): the same effect as `activity_statement`."""

    today = timezone.localdate(now)
    LearnerProfile.objects.filter(Q(training_active_on__isnull=True) | Q(training_active_on__lt=today)).filter(
        user_id=learner_id
    ).update(training_active_on=today, training_started_at=Coalesce(F("training_started_at"), Value(now)))


def course_completed_note(*, learner_id: int, at: datetime) -> None:
    LearnerProfile.objects.filter(user_id=learner_id).update(course_completed_at=at)


def copy_from_summaries(*, learner_ids) -> int:
    """Set the columns from the training summaries of these learners (after bulk loads, such as the demo's)."""
    summaries = TrainingSummary.objects.filter(learner_id__in=list(learner_ids))
    by_learner = {summary.learner_id: summary for summary in summaries}
    profiles = list(LearnerProfile.objects.filter(user_id__in=by_learner))
    for profile in profiles:
        summary = by_learner[profile.user_id]
        profile.training_started_at = summary.started_at
        profile.training_active_on = timezone.localdate(summary.last_active_at) if summary.last_active_at else None
        profile.course_completed_at = summary.course_completed_at
    return LearnerProfile.objects.bulk_update(
        profiles, ["training_started_at", "training_active_on", "course_completed_at"], batch_size=1000
    )
