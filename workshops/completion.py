"""What a workshop counts: a participant who attended the sessions on a module (the workshop's rule) and passed
its paper post-test (or the module's quiz) completes the module, through the one completion writer
(quizzes.completion), which records the source "workshop"; the link to the workshop is kept here."""

from collections import defaultdict
from datetime import datetime

from django.utils import timezone

from quizzes.completion import WorkshopPass, module_completion_refresh
from quizzes.models import CompletionSource, ModuleCompletion
from quizzes.transactions import lock_learner, write_transaction

from .models import Attendance, PaperScore, Participant, TestKind, Workshop, WorkshopCompletion, WorkshopDay
from .rules import modules_attended


def workshop_sessions(*, workshop: Workshop) -> dict:
    """Each day of the workshop with the ids of the modules taught that day (two queries)."""
    days = {day.pk: day.date for day in WorkshopDay.objects.filter(workshop=workshop)}
    taught = defaultdict(set)
    for day_id, module_id in WorkshopDay.modules.through.objects.filter(workshopday_id__in=days).values_list(
        "workshopday_id", "modulepage_id"
    ):
        taught[days[day_id]].add(module_id)
    return {date: taught[date] for date in days.values()}


def participant_modules_attended(*, participant: Participant, sessions: dict | None = None) -> set[int]:
    workshop = participant.workshop
    sessions = workshop_sessions(workshop=workshop) if sessions is None else sessions
    present = Attendance.objects.filter(participant=participant, present=True).values_list("day__date", flat=True)
    return modules_attended(
        rule=workshop.attendance_rule,
        min_days=workshop.min_days,
        days=sessions,
        present=set(present),
        modules=set(workshop.modules.values_list("pk", flat=True)),
    )


def participant_completions_record(
    *, participant: Participant, sessions: dict | None = None, now: datetime | None = None
) -> list[ModuleCompletion]:
    """Complete the modules this participant attended, when they passed the post-test or the module's quiz;
    returns the completions recorded now. Modules completed earlier (online or elsewhere) stay as they were."""
    now = now or timezone.now()
    attended = participant_modules_attended(participant=participant, sessions=sessions)
    if not attended:
        return []
    post = (
        PaperScore.objects.filter(participant=participant, test__kind=TestKind.POST)
        .values_list("score", "passed")
        .first()
    )
    result = WorkshopPass(passed=bool(post and post[1]), score=post[0] if post else None)
    recorded = []
    learner = participant.learner
    with write_transaction():
        lock_learner(learner)
        for module_id in sorted(attended):
            completion = module_completion_refresh(learner=learner, module_id=module_id, now=now, at_workshop=result)
            if completion is not None and completion.source == CompletionSource.WORKSHOP:
                _link, created = WorkshopCompletion.objects.get_or_create(
                    completion=completion, defaults={"workshop": participant.workshop}
                )
                if created:
                    recorded.append(completion)
    return recorded


def workshop_completions_record(*, workshop: Workshop, now: datetime | None = None) -> int:
    """The same for every participant of a workshop (a roster of tens); returns how many modules were completed."""
    sessions = workshop_sessions(workshop=workshop)
    count = 0
    for participant in Participant.objects.filter(workshop=workshop).select_related("learner", "workshop"):
        count += len(participant_completions_record(participant=participant, sessions=sessions, now=now))
    return count
