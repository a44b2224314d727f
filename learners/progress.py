"""Each learner's training progress on the coordinators' screens: from the profile's columns, and from the app that
records modules and certificates (quizzes), which registers itself here when it starts.

learners never imports quizzes (imports run quizzes -> learners), so the learner list, its filters and its exports
ask the registered source, a page or a chunk of learners at a time: the cost is a fixed few queries per page,
whatever the page size or the population.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import LearnerProfile


class TrainingStatus(models.TextChoices):
    """Where a learner stands in the course, read from the profile's report columns (quizzes.completion writes
    them in the transaction of the activity)."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


# What the learner list can be narrowed to: a status, holding a certificate, or a refresher due after a significant
# change of a module they completed.
CERTIFICATE = "certificate"
REFRESHER = "refresher"
PROGRESS_CHOICES = [
    *TrainingStatus.choices,
    (CERTIFICATE, _("Holds a certificate")),
    (REFRESHER, _("Needs a refresher")),
]


STATUS_CONDITIONS = {
    TrainingStatus.NOT_STARTED: Q(training_started_at__isnull=True, course_completed_at__isnull=True),
    TrainingStatus.IN_PROGRESS: Q(training_started_at__isnull=False, course_completed_at__isnull=True),
    TrainingStatus.COMPLETED: Q(course_completed_at__isnull=False),
}


def training_status(profile: LearnerProfile) -> TrainingStatus:
    if profile.course_completed_at is not None:
        return TrainingStatus.COMPLETED
    if profile.training_started_at is not None:
        return TrainingStatus.IN_PROGRESS
    return TrainingStatus.NOT_STARTED


@dataclass(frozen=True)
class LearnerProgress:
    """What the list and the exports show beside a learner's status."""

    modules_done: int = 0  # required modules completed
    modules_required: int = 0  # modules the learner's role must complete
    certificate_code: str = ""
    refresher_modules: tuple[int, ...] = ()  # numbers of the completed modules that need a refresher


class ProgressSource(Protocol):
    def certificate_condition(self) -> Q:
        """A condition on LearnerProfile rows: the learner holds a valid certificate (a subquery, no join)."""

    def refresher_condition(self) -> Q:
        """A condition on LearnerProfile rows: a module the learner completed needs a refresher (a subquery)."""

    def progress(self, *, learners: Sequence[LearnerProfile]) -> dict[int, LearnerProgress]:
        """{profile pk: progress} for these learners, in a fixed few queries however many they are."""


_source: ProgressSource | None = None

NO_SOURCE = "No training progress source is registered: is the quizzes app installed?"


def register(source: ProgressSource) -> None:
    """Called once by the app that records progress (QuizzesConfig.ready)."""
    global _source  # noqa: PLW0603 (one registry per process, set at start-up)
    _source = source


def progress_source() -> ProgressSource:
    if _source is None:
        raise ImproperlyConfigured(NO_SOURCE)
    return _source


def progress_filter(queryset, value: str):
    """The learner list narrowed to a status, to certificate holders, or to learners with a refresher due."""
    if value == CERTIFICATE:
        return queryset.filter(progress_source().certificate_condition())
    if value == REFRESHER:
        return queryset.filter(progress_source().refresher_condition())
    if value in STATUS_CONDITIONS:
        return queryset.filter(STATUS_CONDITIONS[value])
    return queryset
