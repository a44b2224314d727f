"""Copy each learner's first activity, last active day and course completion onto their profile (see
learners.models.LearnerProfile: the rollout reports count from that one table)."""

from django.db import migrations
from django.utils import timezone


def copy(apps, schema_editor):
    LearnerProfile = apps.get_model("learners", "LearnerProfile")
    TrainingSummary = apps.get_model("quizzes", "TrainingSummary")
    profiles = {profile.user_id: profile for profile in LearnerProfile.objects.all()}
    changed = []
    for summary in TrainingSummary.objects.all().iterator():
        profile = profiles.get(summary.learner_id)
        if profile is None:
            continue
        profile.training_started_at = summary.started_at
        profile.training_active_on = timezone.localdate(summary.last_active_at) if summary.last_active_at else None
        profile.course_completed_at = summary.course_completed_at
        changed.append(profile)
    LearnerProfile.objects.bulk_update(
        changed, ["training_started_at", "training_active_on", "course_completed_at"], batch_size=1000
    )


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0003_backfill_activity_and_outcomes"),
        ("learners", "0005_report_columns"),
    ]

    operations = [migrations.RunPython(copy, migrations.RunPython.noop)]
