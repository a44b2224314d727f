"""Reads: rosters with what was entered for each participant, and knowledge gain (post-test minus pre-test) as
SQL aggregates (one query whatever the number of participants), per workshop or grouped by organisation,
province, role or any other path from a participant."""

from django.db.models import Avg, Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from .models import Attendance, PaperAnswer, PaperScore, Participant, TestKind, Workshop, WorkshopCompletion

# What knowledge gain may be grouped by (a path from Participant).
GAIN_GROUPS = {
    "workshop": "workshop",
    "organisation": "workshop__organisation",
    "province": "workshop__province",
    "project": "workshop__project",
    "role": "learner__learner_profile__role",
    "gender": "learner__learner_profile__gender",
}


def _score(kind: str) -> Subquery:
    scores = PaperScore.objects.filter(participant=OuterRef("pk"), test__kind=kind).values("score")[:1]
    return Subquery(scores, output_field=IntegerField())


def participants_with_scores(participants: QuerySet[Participant]) -> QuerySet[Participant]:
    """Participants annotated with `pre` and `post` (score %, or None when not entered)."""
    return participants.annotate(pre=_score(TestKind.PRE), post=_score(TestKind.POST))


def roster(*, workshop: Workshop) -> QuerySet[Participant]:
    """The roster with each participant's name, days present, scores and modules completed through this workshop."""
    days_present = Attendance.objects.filter(participant=OuterRef("pk"), present=True).values("participant")
    completed = WorkshopCompletion.objects.filter(
        workshop=OuterRef("workshop"), completion__learner=OuterRef("learner")
    ).values("workshop")
    return (
        participants_with_scores(Participant.objects.filter(workshop=workshop))
        .select_related("learner__learner_profile")
        .annotate(
            days_present=Coalesce(
                Subquery(days_present.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0
            ),
            modules_completed=Coalesce(
                Subquery(completed.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0
            ),
        )
        .order_by("learner__learner_profile__full_name_km", "pk")
    )


def knowledge_gain(*, participants: QuerySet[Participant], by: str | None = None) -> list[dict]:
    """Pre- and post-test means and the mean gain (post − pre) of the participants who took both tests, with
    their number `n`; one row, or one row per group (`by`: a key of GAIN_GROUPS, the row's key is `group`)."""
    scored = participants_with_scores(participants).filter(pre__isnull=False, post__isnull=False)
    measures = {
        "n": Count("pk"),
        "pre_mean": Avg("pre"),
        "post_mean": Avg("post"),
        "gain": Avg(F("post") - F("pre")),
    }
    if by is None:
        return [scored.aggregate(**measures)]
    return list(scored.values(group=F(GAIN_GROUPS[by])).annotate(**measures).order_by("group"))


def workshop_gain(*, workshop: Workshop) -> dict:
    return knowledge_gain(participants=Participant.objects.filter(workshop=workshop))[0]


def item_analysis(*, workshop: Workshop, kind: str) -> list[dict]:
    """Per question of the workshop's pre- or post-test (answers entered per question): how many answered it
    and how many right, hardest first."""
    answers = PaperAnswer.objects.filter(score__test__workshop=workshop, score__test__kind=kind)
    return list(
        answers.values("question_id", "question__text")
        .annotate(answered=Count("pk"), right=Count("pk", filter=Q(correct=True)))
        .order_by("right", "question_id")
    )


def attendance_rate(*, workshops: QuerySet[Workshop]) -> dict:
    """Marks present out of marks entered, over these workshops."""
    marks = Attendance.objects.filter(day__workshop__in=workshops)
    return marks.aggregate(entered=Count("pk"), present=Count("pk", filter=Q(present=True)))
