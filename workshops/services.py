"""Writes: workshops and their days, rosters (found, imported from a file, registered on the spot), attendance,
scans of sign-in sheets and paper test scores. Keyword-only, checked, all or nothing."""

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learners.importing import ImportRow, import_rows
from learners.models import LearnerProfile
from learners.services import LearnerDetails, handover_password, learner_enrol
from quizzes.transactions import write_transaction

from .completion import participant_completions_record, workshop_completions_record
from .models import (
    Attendance,
    AttendanceSheet,
    PaperAnswer,
    PaperScore,
    PaperTest,
    Participant,
    RosterSource,
    SignInScan,
    TestKind,
    Workshop,
    WorkshopDay,
)
from .uploads import scan_checked

WORKSHOP_FULL = _("The workshop is full: its capacity is %(capacity)s participants.")
TOO_MANY_FOR_CAPACITY = _("These %(count)s people would take the roster over the workshop's capacity (%(capacity)s).")
NO_DAYS = _("Give at least one day.")
DAY_HAS_ATTENDANCE = _("Attendance was entered on %(date)s: that day cannot be removed.")
NOT_ON_ROSTER = _("This person is not on the workshop's roster.")
SCORE_RANGE = _("A score is a number from 0 to 100.")
NO_QUESTIONS = _("This test has no questions: choose them, or give the modules' quizzes questions.")
MAX_DAYS = 14


def _days_sync(*, workshop: Workshop, dates: list[date]) -> None:
    wanted = sorted(set(dates))
    if not wanted:
        raise ValidationError({"first_day": NO_DAYS})
    leaving = WorkshopDay.objects.filter(workshop=workshop).exclude(date__in=wanted)
    recorded = leaving.filter(attendance__isnull=False).order_by("date").values_list("date", flat=True).first()
    if recorded is not None:
        raise ValidationError({"first_day": ValidationError(DAY_HAS_ATTENDANCE, params={"date": recorded})})
    leaving.delete()
    have = set(WorkshopDay.objects.filter(workshop=workshop).values_list("date", flat=True))
    WorkshopDay.objects.bulk_create([WorkshopDay(workshop=workshop, date=day) for day in wanted if day not in have])
    Workshop.objects.filter(pk=workshop.pk).update(starts_on=wanted[0], ends_on=wanted[-1])
    workshop.starts_on, workshop.ends_on = wanted[0], wanted[-1]


@transaction.atomic
def workshop_save(*, workshop: Workshop, dates: list[date], modules: Iterable, trainers: Iterable, actor) -> Workshop:
    """Create or change a workshop with its days (`dates`), modules and trainers."""
    if workshop.pk is None:
        workshop.created_by = actor
    workshop.full_clean(exclude=["created_by"])
    workshop.save()
    workshop.modules.set(list(modules))
    workshop.trainers.set(list(trainers))
    _days_sync(workshop=workshop, dates=dates)
    return workshop


def day_modules_set(*, day: WorkshopDay, modules: Iterable, now: datetime | None = None) -> WorkshopDay:
    """The modules taught on a day (only the workshop's own modules count); then the modules of those who now
    meet the rule 'the days that cover each module' are completed."""
    allowed = set(day.workshop.modules.values_list("pk", flat=True))
    with write_transaction():
        day.modules.set([module for module in modules if module.pk in allowed])
        workshop_completions_record(workshop=day.workshop, now=now)
    return day


def _room_check(*, workshop: Workshop, adding: int) -> None:
    on_roster = Participant.objects.filter(workshop=workshop).count()
    if on_roster + adding > workshop.capacity:
        if adding == 1:
            raise ValidationError(WORKSHOP_FULL, params={"capacity": workshop.capacity}, code="full")
        raise ValidationError(
            TOO_MANY_FOR_CAPACITY, params={"count": adding, "capacity": workshop.capacity}, code="full"
        )


@transaction.atomic
def participant_add(*, workshop: Workshop, learner, actor, source: str = RosterSource.SEARCH) -> Participant:
    """Put a learner on the roster; adding someone already on it changes nothing."""
    existing = Participant.objects.filter(workshop=workshop, learner=learner).first()
    if existing is not None:
        return existing
    Workshop.objects.select_for_update().filter(pk=workshop.pk).exists()  # one roster change at a time
    _room_check(workshop=workshop, adding=1)
    return Participant.objects.create(workshop=workshop, learner=learner, added_by=actor, source=source)


@transaction.atomic
def participant_remove(*, participant: Participant) -> None:
    """Take someone off the roster, with what was entered for them (their module completions stay)."""
    participant.delete()


@transaction.atomic
def roster_import(*, workshop: Workshop, rows: list[ImportRow], actor, file_name: str) -> int:
    """Create the learners of a checked file (learners.importing, all or none) and put them on the roster."""
    _room_check(workshop=workshop, adding=len(rows))
    batch = import_rows(rows=rows, actor=actor, file_name=file_name)
    learners = LearnerProfile.objects.filter(import_batch=batch).values_list("user_id", flat=True)
    Participant.objects.bulk_create(
        [Participant(workshop=workshop, learner_id=pk, added_by=actor, source=RosterSource.FILE) for pk in learners]
    )
    return batch.row_count


@dataclass(frozen=True)
class Registered:
    profile: LearnerProfile
    password: str


@transaction.atomic
def roster_register(*, workshop: Workshop, details: LearnerDetails, actor, username: str = "") -> Registered:
    """Register someone at the workshop (the registration checks of learners.services) and put them on the
    roster; the first password is handed over in person."""
    _room_check(workshop=workshop, adding=1)
    password = handover_password()
    profile = learner_enrol(details=details, actor=actor, username=username, password=password)
    Participant.objects.create(workshop=workshop, learner=profile.user, added_by=actor, source=RosterSource.REGISTERED)
    return Registered(profile=profile, password=password)


def attendance_record(
    *,
    day: WorkshopDay,
    present: Iterable[int],
    actor,
    client_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> bool:
    """Record a day's attendance: the participants (ids) in `present` were there, the rest of the roster was not.

    Idempotent: the same sheet (`client_id`, made when the screen was opened) sent twice is recorded once, so a
    sheet queued on a phone and sent again, or a double tap, changes nothing the second time; without an id,
    sending the same ticks again leaves the same one row per participant and day. Returns False for a repeat.
    Then completes the modules of those who now meet the workshop's rule.
    """
    now = now or timezone.now()
    workshop = day.workshop
    roster = dict(Participant.objects.filter(workshop=workshop).values_list("pk", "learner_id"))
    present = set(present)
    if not present <= set(roster):
        raise ValidationError(NOT_ON_ROSTER, code="not_on_roster")
    with write_transaction():
        if client_id is not None:
            if AttendanceSheet.objects.filter(client_id=client_id).exists():
                return False
            try:
                with transaction.atomic():
                    AttendanceSheet.objects.create(day=day, client_id=client_id, recorded_by=actor, recorded_at=now)
            except IntegrityError:
                return False  # the other copy of a double send got there first
        marks = {mark.participant_id: mark for mark in Attendance.objects.filter(day=day)}
        new, changed = [], []
        for participant_id in roster:
            here = participant_id in present
            mark = marks.get(participant_id)
            if mark is None:
                new.append(
                    Attendance(day=day, participant_id=participant_id, present=here, recorded_by=actor, recorded_at=now)
                )
            elif mark.present != here:
                mark.present, mark.recorded_by, mark.recorded_at = here, actor, now
                changed.append(mark)
        Attendance.objects.bulk_create(new)
        Attendance.objects.bulk_update(changed, ["present", "recorded_by", "recorded_at"])
        workshop_completions_record(workshop=workshop, now=now)
    return True


@transaction.atomic
def scan_upload(*, day: WorkshopDay, upload, actor) -> SignInScan:
    """Attach a photo or scan of the day's paper sign-in sheet (checked: an image or a PDF, not too large)."""
    content_type = scan_checked(upload)
    scan = SignInScan(day=day, content_type=content_type, size=upload.size, uploaded_by=actor)
    scan.file.save(f"{uuid.uuid4().hex}{_extension(content_type)}", upload, save=False)
    scan.save()
    return scan


def _extension(content_type: str) -> str:
    return {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "application/pdf": ".pdf"}[content_type]


def paper_test(*, workshop: Workshop, kind: str) -> PaperTest:
    """The workshop's pre- or post-test, made on first use (its pass mark: the modules' quizzes' highest)."""
    test = PaperTest.objects.filter(workshop=workshop, kind=kind).first()
    if test is not None:
        return test
    marks = workshop.modules.exclude(quiz__isnull=True).values_list("quiz__pass_mark", flat=True)
    test, _created = PaperTest.objects.get_or_create(
        workshop=workshop, kind=kind, defaults={"pass_mark": max(marks, default=70)}
    )
    return test


def test_questions(*, test: PaperTest) -> list:
    """The questions of a paper test: those chosen, else the covered modules' quizzes', in the manual's order."""
    from quizzes.models import Question

    chosen = test.questions.all()
    if chosen.exists():
        return list(chosen.order_by("quiz__module__path", "sort_order", "pk"))
    modules = test.workshop.modules.values("pk")
    return list(Question.objects.filter(quiz__module__in=modules).order_by("quiz__module__path", "sort_order", "pk"))


def _score_write(*, test: PaperTest, participant_id: int, score: int, actor, now: datetime) -> PaperScore:
    if not 0 <= score <= 100:
        raise ValidationError(SCORE_RANGE, code="score_range")
    row, _created = PaperScore.objects.update_or_create(
        test=test,
        participant_id=participant_id,
        defaults={"score": score, "passed": score >= test.pass_mark, "entered_by": actor, "entered_at": now},
    )
    return row


def paper_scores_enter(*, test: PaperTest, scores: Mapping[int, int | None], actor, now: datetime | None = None) -> int:
    """Scores (%) per participant (ids); None leaves a participant's score as it was. All or none are saved.
    Post-test scores then complete the modules of those who attended and passed."""
    now = now or timezone.now()
    roster = set(Participant.objects.filter(workshop=test.workshop).values_list("pk", flat=True))
    entered = {pk: score for pk, score in scores.items() if score is not None}
    if not set(entered) <= roster:
        raise ValidationError(NOT_ON_ROSTER, code="not_on_roster")
    with write_transaction():
        for participant_id, score in sorted(entered.items()):
            _score_write(test=test, participant_id=participant_id, score=score, actor=actor, now=now)
        if test.kind == TestKind.POST and entered:
            workshop_completions_record(workshop=test.workshop, now=now)
    return len(entered)


def paper_answers_enter(
    *, test: PaperTest, participant: Participant, correct: Mapping[int, bool], actor, now: datetime | None = None
) -> PaperScore:
    """One participant's answers, right or wrong per question (item analysis); the score is the share right."""
    now = now or timezone.now()
    if participant.workshop_id != test.workshop_id:
        raise ValidationError(NOT_ON_ROSTER, code="not_on_roster")
    questions = [question.pk for question in test_questions(test=test)]
    if not questions:
        raise ValidationError(NO_QUESTIONS, code="no_questions")
    right = sum(1 for pk in questions if correct.get(pk))
    with write_transaction():
        row = _score_write(
            test=test, participant_id=participant.pk, score=round(100 * right / len(questions)), actor=actor, now=now
        )
        PaperAnswer.objects.filter(score=row).delete()
        PaperAnswer.objects.bulk_create(
            [PaperAnswer(score=row, question_id=pk, correct=bool(correct.get(pk))) for pk in questions]
        )
        if test.kind == TestKind.POST:
            participant_completions_record(participant=participant, now=now)
    return row
