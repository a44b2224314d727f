"""Learners whose module completions already need a refresher get the profile's flag (kept by quizzes.refresher
from now on): one UPDATE."""

from django.db import migrations


def fill(apps, schema_editor):
    LearnerProfile = apps.get_model("learners", "LearnerProfile")
    ModuleCompletion = apps.get_model("quizzes", "ModuleCompletion")
    pending = ModuleCompletion.objects.filter(refresher_since__isnull=False).values("learner_id")
    LearnerProfile.objects.filter(user_id__in=pending).update(refresher_pending=True)


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0014_learner_refresher_pending"),
        ("quizzes", "0013_completion_learner_refresher"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
