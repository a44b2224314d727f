"""Writes generated activity with the ORM's bulk_create, one transaction per batch of learners."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, fields

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from learners.models import LearnerProfile
from quizzes.attempts import question_outcomes
from quizzes.models import Attempt, Certificate, LessonView, ModuleCompletion, QuestionOutcome
from quizzes.tallies import tallies_fold

from .activity import Activity, Progress

# The profile's copy of the training record, which the rollout reports read.
PROGRESS_FIELDS = ("training_started_at", "training_active_on", "course_completed_at")


def progress_fields(progress: Progress) -> dict:
    """The profile's training columns for this record, as the completion service keeps them."""
    active = progress.last_active_at
    return {
        "training_started_at": progress.started_at,
        "training_active_on": timezone.localdate(active) if active else None,
        "course_completed_at": progress.course_completed_at,
    }


@contextlib.contextmanager
def _dates_as_given(model, *names: str):
    """Let bulk_create write these auto_now / auto_now_add fields as given: a generated learner registered on
    the story's day, not the moment of writing (a second pass with bulk_update costs a sixth of the run).
    Only this single-threaded command writes while the flags are off; they are put back even on error."""
    fields = [model._meta.get_field(name) for name in names]
    saved = [(field.auto_now, field.auto_now_add) for field in fields]
    try:
        for field in fields:
            field.auto_now = field.auto_now_add = False
        yield
    finally:
        for field, (auto_now, auto_now_add) in zip(fields, saved, strict=True):
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _progress_set(profile: LearnerProfile, progress: Progress) -> None:
    for name, value in progress_fields(progress).items():
        setattr(profile, name, value)


@dataclass
class Counts:
    learners: int = 0
    lesson_views: int = 0
    attempts: int = 0
    attempts_in_progress: int = 0
    answers: int = 0
    completions: int = 0
    started: int = 0  # learners with any activity (a training record)
    certificates: int = 0
    targets: int = 0

    @property
    def rows(self) -> int:
        """Rows written so far (an account and a profile per new learner; group memberships not counted)."""
        return (
            2 * self.learners + self.lesson_views + self.attempts + self.answers + self.completions + self.certificates
        )

    def add(self, other: Counts) -> None:
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def write_activity(
    batch: list[Activity], *, profiles: list[LearnerProfile] | None = None, group_id: int | None = None
) -> Counts:
    """Write a batch's activity (and, for new learners, their accounts and `profiles` first), in one transaction.

    Attempts are saved before the rows that point at them, so bulk_create fills in their ids; a new learner's
    account likewise before their profile and activity (and their membership of group `group_id`). Existing
    profiles get their training columns updated.
    """
    counts = Counts()
    with transaction.atomic():
        if profiles is not None:
            User = get_user_model()
            User.objects.bulk_create([activity.learner for activity in batch])
            if group_id is not None:
                User.groups.through.objects.bulk_create(
                    [User.groups.through(user_id=activity.learner.pk, group_id=group_id) for activity in batch]
                )
            for profile, activity in zip(profiles, batch, strict=True):
                _progress_set(profile, activity.progress)
            with _dates_as_given(LearnerProfile, "created_at", "updated_at"):
                LearnerProfile.objects.bulk_create(profiles)
            counts.learners = len(profiles)
        else:
            learners = {activity.learner.pk: activity for activity in batch}
            existing = list(LearnerProfile.objects.filter(user_id__in=learners))
            for profile in existing:
                _progress_set(profile, learners[profile.user_id].progress)
            LearnerProfile.objects.bulk_update(existing, PROGRESS_FIELDS)
        views = LessonView.objects.bulk_create([view for activity in batch for view in activity.views])
        attempts = Attempt.objects.bulk_create([attempt for activity in batch for attempt in activity.attempts])
        outcomes = QuestionOutcome.objects.bulk_create(
            [outcome for attempt in attempts if not attempt.is_open for outcome in question_outcomes(attempt=attempt)]
        )
        completions = ModuleCompletion.objects.bulk_create([c for activity in batch for c in activity.completions])
        certificates = Certificate.objects.bulk_create([a.certificate for a in batch if a.certificate is not None])
        tallies_fold()
    counts.lesson_views, counts.attempts, counts.answers = len(views), len(attempts), len(outcomes)
    counts.attempts_in_progress = sum(1 for attempt in attempts if attempt.is_open)
    counts.completions, counts.certificates = len(completions), len(certificates)
    counts.started = sum(1 for activity in batch if activity.progress.started_at is not None)
    return counts
