"""Progress: lessons read, activity, module completion and the course certificate, and the rules that decide them.

The one record of a learner's training progress is their profile's report columns (`training_started_at`,
`training_active_on`, `course_completed_at` on learners.LearnerProfile), plus the ModuleCompletion and Certificate
rows. This module is their only writer, always inside the transaction of the activity that changes them (a lesson
view here, a submission in quizzes.attempts). The rules (`module_is_complete`, `course_is_complete`) are pure
functions, so the data generator decides completion exactly as the site does.
"""

import secrets
from collections.abc import Callable
from datetime import date, datetime

from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from curriculum.models import LessonPage, ManualPage, ModulePage
from learners.models import Confirmation, LearnerProfile

from .models import Attempt, AttemptStatus, Certificate, LessonView, ModuleCompletion, Quiz
from .selectors import learner_holder, required_modules
from .transactions import lock_learner, write_transaction

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are typed from paper


def bilingual(obj, field: str) -> dict:
    """Both languages of a translated field, as snapshots and certificates keep them."""
    return {"km": getattr(obj, f"{field}_km", "") or "", "en": getattr(obj, f"{field}_en", "") or ""}


def module_is_complete(*, lessons_read: set[int], lesson_ids: set[int], quiz_passed: bool | None) -> bool:
    """Every live lesson read and the quiz passed. `quiz_passed` is None for a module without a quiz, which
    then needs at least one lesson (an empty module without a quiz is never completed)."""
    if not lesson_ids <= lessons_read:
        return False
    if quiz_passed is None:
        return bool(lesson_ids)
    return quiz_passed


def may_hold_certificate(*, confirmation: str | None) -> bool:
    """Only a confirmed learner holds a certificate: it prints a role and province that a coordinator has checked.
    A learner waiting for confirmation gets theirs when confirmed (`certificates_issue_on_confirmation`); an
    account without a learner profile (`confirmation` None) never does."""
    return confirmation == Confirmation.CONFIRMED


def course_is_complete(*, completed_module_ids: set[int], required_module_ids: set[int]) -> bool:
    """Every module required for the certificate completed (a course requiring none is never completed)."""
    return bool(required_module_ids) and required_module_ids <= completed_module_ids


def certificate_code(*, choice: Callable[[str], str] = secrets.choice) -> str:
    """A fresh verification code like ABCD-EFGH-JKLM; `choice` draws one character (a seeded one for data)."""
    raw = "".join(choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def activity_record(*, learner, now: datetime) -> None:
    """Note reading or quiz activity on the learner's profile: the first activity ever, and the day of the
    latest. Called inside the caller's write transaction; it writes once a day at most (the filter matches
    no row on a learner's second activity of the day), and nothing for an account without a profile."""
    today = timezone.localdate(now)
    LearnerProfile.objects.filter(Q(training_active_on__isnull=True) | Q(training_active_on__lt=today)).filter(
        user_id=learner.pk
    ).update(training_active_on=today, training_started_at=Coalesce(F("training_started_at"), Value(now)))


def activity_is_new(*, active_on: date | None, now: datetime) -> bool:
    """Whether `activity_record` may write anything, from the profile's last active day as read earlier (None
    without a profile): a learner's second activity of the day then costs no query inside the write lock. A
    stale read only errs towards recording, which writes nothing twice (the day only moves forward)."""
    return active_on is None or active_on < timezone.localdate(now)


def lesson_view_record(*, learner, lesson_id: int, module_id: int, now: datetime | None = None) -> bool:
    """Record the first time a learner opens a lesson; True when this view was new.

    Re-reading costs one indexed read and no write, so it is cheap on every signed-in lesson view.
    """
    if LessonView.objects.filter(learner=learner, lesson_id=lesson_id).exists():
        return False
    now = now or timezone.now()
    with write_transaction():
        lock_learner(learner)
        _view, created = LessonView.objects.get_or_create(
            learner=learner, lesson_id=lesson_id, defaults={"module_id": module_id, "viewed_at": now}
        )
        if not created:
            return False  # opened meanwhile in another tab
        activity_record(learner=learner, now=now)
        module_completion_refresh(learner=learner, module_id=module_id, now=now)
    return True


def module_completion_refresh(
    *, learner, module_id: int, now: datetime | None = None, place: tuple[str, int] | None = None
) -> ModuleCompletion | None:
    """The one place that records a module completed (the rule is `module_is_complete`).

    Called inside the caller's transaction (which holds the learner's lock), after a passing submission or a
    first lesson view; `place` is the module page's (path, depth) when the caller has it. Most calls end at the
    first query (a lesson not read yet). A completion, once recorded, stays: editing the module later never
    takes it away.
    """
    place = place or Page.objects.filter(pk=module_id).values_list("path", "depth").first()
    if place is None:
        return None
    path, depth = place
    lessons = LessonPage.objects.filter(path__startswith=path, depth=depth + 1, live=True)
    read = LessonView.objects.filter(learner=learner, module_id=module_id).values_list("lesson_id", flat=True)
    if lessons.exclude(pk__in=read).exists():
        return None
    if ModuleCompletion.objects.filter(learner=learner, module_id=module_id).exists():
        return None
    lesson_ids = set(lessons.values_list("pk", flat=True))
    best = None
    quiz_id = Quiz.objects.filter(module_id=module_id).values_list("pk", flat=True).first()
    if quiz_id is not None:
        best = (
            Attempt.objects.filter(learner=learner, quiz_id=quiz_id, status=AttemptStatus.SUBMITTED, passed=True)
            .order_by("-score", "submitted_at")
            .first()
        )
    passed = None if quiz_id is None else best is not None
    if not module_is_complete(lessons_read=set(read), lesson_ids=lesson_ids, quiz_passed=passed):
        return None
    module = ModulePage.objects.get(pk=module_id)
    completion = ModuleCompletion(
        learner=learner,
        module=module,
        completed_at=now or timezone.now(),
        attempt=best,
        score=best.score if best else None,
        lesson_ids=sorted(lesson_ids),
        module_title=bilingual(module, "title"),
    )
    # Foreign keys and the one-per-learner-and-module constraint are the database's to enforce (and cost
    # a query each here); the field values are checked.
    completion.full_clean(exclude=["learner", "module", "attempt"], validate_constraints=False)
    completion.save()
    manual = ManualPage.objects.filter(path=path[: -Page.steplen]).first()
    if manual is not None:
        certificate_issue_if_complete(learner=learner, manual=manual, now=completion.completed_at)
    return completion


def certificate_issue_if_complete(*, learner, manual: ManualPage, now: datetime | None = None) -> Certificate | None:
    """Issue the course certificate once every required module is completed by a confirmed learner (and only
    once), and note the course completed on the learner's profile in the same transaction."""
    existing = Certificate.objects.filter(learner=learner, manual=manual).first()
    if existing is not None:
        return existing
    confirmation = LearnerProfile.objects.filter(user_id=learner.pk).values_list("confirmation", flat=True).first()
    if not may_hold_certificate(confirmation=confirmation):
        return None
    modules = required_modules(manual=manual)
    completions = {
        c.module_id: c for c in ModuleCompletion.objects.filter(learner=learner, module__in=[m.pk for m in modules])
    }
    if not course_is_complete(completed_module_ids=set(completions), required_module_ids={m.pk for m in modules}):
        return None
    now = now or timezone.now()
    last = max(c.completed_at for c in completions.values())
    certificate = Certificate(
        learner=learner,
        manual=manual,
        code=certificate_code(),
        issued_at=now,
        completed_on=timezone.localdate(last),
        holder=learner_holder(learner=learner),
        modules=[
            {
                "number": module.number,
                "title": bilingual(module, "title"),
                "completed_on": timezone.localdate(completions[module.pk].completed_at).isoformat(),
            }
            for module in modules
        ],
    )
    certificate.full_clean()
    certificate.save()
    # When the course was completed (the last module), which is also the issue time unless the certificate
    # waited for the learner's confirmation.
    LearnerProfile.objects.filter(user_id=learner.pk).update(course_completed_at=last)
    return certificate


def certificates_issue_on_confirmation(*, learner, now: datetime | None = None) -> list[Certificate]:
    """A coordinator confirmed `learner`: issue the certificate of every course they completed while waiting.

    Called (through the `learner_confirmed` signal, quizzes.receivers) inside the confirmation's transaction.
    """
    now = now or timezone.now()
    with write_transaction():
        lock_learner(learner)
        module_paths = Page.objects.filter(
            pk__in=ModuleCompletion.objects.filter(learner=learner).values("module_id")
        ).values_list("path", flat=True)
        manual_paths = {path[: -Page.steplen] for path in module_paths}
        issued = []
        for manual in ManualPage.objects.filter(path__in=manual_paths).order_by("path"):
            certificate = certificate_issue_if_complete(learner=learner, manual=manual, now=now)
            if certificate is not None:
                issued.append(certificate)
    return issued
