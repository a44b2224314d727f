"""Learners who completed modules at a workshop only had no first activity on their profile: the reports counted
them as completed but not started. Their first completion is their first activity, their last its day."""

from django.db import migrations
from django.db.models import Max, Min, OuterRef, Subquery
from django.db.models.functions import TruncDate


def fill(apps, schema_editor):
    LearnerProfile = apps.get_model("learners", "LearnerProfile")
    ModuleCompletion = apps.get_model("quizzes", "ModuleCompletion")
    completions = ModuleCompletion.objects.filter(learner_id=OuterRef("user_id")).order_by().values("learner_id")
    first = completions.annotate(at=Min("completed_at")).values("at")
    last = completions.annotate(on=TruncDate(Max("completed_at"))).values("on")
    waiting = LearnerProfile.objects.filter(training_started_at__isnull=True, user__module_completions__isnull=False)
    waiting.filter(training_active_on__isnull=True).update(training_active_on=Subquery(last))
    waiting.update(training_started_at=Subquery(first))


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0015_group_tallies"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
