"""Fill the new report columns from what is already recorded: first/last activity and per-question outcomes."""

from django.db import migrations
from django.db.models import Max, Min


def backfill(apps, schema_editor):
    Attempt = apps.get_model("quizzes", "Attempt")
    LessonView = apps.get_model("quizzes", "LessonView")
    QuestionOutcome = apps.get_model("quizzes", "QuestionOutcome")
    TrainingSummary = apps.get_model("quizzes", "TrainingSummary")

    spans: dict[int, list] = {}

    def widen(learner_id, first, last):
        span = spans.setdefault(learner_id, [first, last])
        span[0] = min(span[0], first)
        span[1] = max(span[1], last)

    for row in LessonView.objects.values("learner_id").annotate(first=Min("viewed_at"), last=Max("viewed_at")):
        widen(row["learner_id"], row["first"], row["last"])
    for row in Attempt.objects.values("learner_id").annotate(
        first=Min("started_at"), last=Max("started_at"), submitted=Max("submitted_at")
    ):
        widen(row["learner_id"], row["first"], max(row["last"], row["submitted"] or row["last"]))
    existing = {summary.learner_id: summary for summary in TrainingSummary.objects.all()}
    for learner_id, (first, last) in spans.items():
        summary = existing.get(learner_id)
        if summary is None:
            TrainingSummary.objects.create(learner_id=learner_id, started_at=first, last_active_at=last)
        else:
            summary.started_at, summary.last_active_at = first, last
            summary.save(update_fields=["started_at", "last_active_at"])

    outcomes = []
    for attempt in Attempt.objects.filter(status="submitted").only("pk", "quiz_id", "results").iterator():
        for key, mark in (attempt.results or {}).items():
            outcomes.append(
                QuestionOutcome(attempt_id=attempt.pk, quiz_id=attempt.quiz_id, question_id=int(key), correct=mark["correct"])
            )
        if len(outcomes) >= 5000:
            QuestionOutcome.objects.bulk_create(outcomes, ignore_conflicts=True)
            outcomes = []
    QuestionOutcome.objects.bulk_create(outcomes, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0002_trainingsummary_last_active_at_and_more")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
