"""Bulk loads only: set learners' report columns from training summary rows written alongside them.

Every other write of these columns goes through quizzes.completion, in the transaction of the activity.
"""

from django.utils import timezone

from learners.models import LearnerProfile

from .models import TrainingSummary


def copy_from_summaries(*, learner_ids) -> int:
    """Set the columns from the training summaries of these learners (after bulk loads, such as the demo's).
    A course completion already noted by the certificate service is kept."""
    summaries = TrainingSummary.objects.filter(learner_id__in=list(learner_ids))
    by_learner = {summary.learner_id: summary for summary in summaries}
    profiles = list(LearnerProfile.objects.filter(user_id__in=by_learner))
    for profile in profiles:
        summary = by_learner[profile.user_id]
        profile.training_started_at = summary.started_at
        profile.training_active_on = timezone.localdate(summary.last_active_at) if summary.last_active_at else None
        profile.course_completed_at = summary.course_completed_at or profile.course_completed_at
    return LearnerProfile.objects.bulk_update(
        profiles, ["training_started_at", "training_active_on", "course_completed_at"], batch_size=1000
    )
