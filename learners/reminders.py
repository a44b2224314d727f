"""Reminders to finish the training, sent by text to confirmed learners who have not completed the course.

Read from the profile's progress columns (written by the quizzes completion service), so choosing who to remind
is one query whatever the population. Each learner gets at most one reminder in a chosen number of days.
"""

from datetime import date, datetime

from django.db import transaction
from django.db.models import F, Q, QuerySet

from core import sms

from . import selectors, texts
from .models import LearnerProfile, Province
from .models.reminders import TextReminder


def reminder_candidates(
    *, provinces: QuerySet[Province] | None, inactive_since: date, reminded_since: datetime
) -> QuerySet[LearnerProfile]:
    """Confirmed learners in `provinces` (all when None) with a phone who have not finished, were not active on or
    after `inactive_since`, and got no reminder since `reminded_since`; those who waited longest come first."""
    queryset = (
        selectors.confirmed_learners()
        .filter(course_completed_at__isnull=True)
        .exclude(phone="")
        .filter(Q(training_active_on__isnull=True) | Q(training_active_on__lt=inactive_since))
        .exclude(pk__in=TextReminder.objects.filter(sent_at__gte=reminded_since).values("profile"))
    )
    if provinces is not None:
        queryset = queryset.filter(province__in=provinces)
    # Never started first, then the longest idle (the same order on SQLite and PostgreSQL).
    return queryset.select_related("province").order_by(
        F("training_active_on").asc(nulls_first=True), "created_at", "pk"
    )


@transaction.atomic
def reminder_send(*, profile: LearnerProfile, now: datetime, backend: sms.BaseBackend) -> bool:
    """Text one reminder and record it; nothing is recorded when it did not leave (an error rolls the record back)."""
    body = texts.reminder_text(profile=profile)
    reminder = TextReminder(profile=profile, phone=profile.phone, sent_at=now)
    reminder.full_clean()
    reminder.save()
    if not sms.send_text(to=profile.phone, body=body, backend=backend):
        transaction.set_rollback(True)
        return False
    return True
