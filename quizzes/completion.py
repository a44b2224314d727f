"""Progress: lessons read, activity, module completion and the course certificate, and the rules that decide them.

The one record of a learner's training progress is their profile's report columns (`training_started_at`,
`training_active_on`, `course_completed_at` on learners.LearnerProfile), plus the ModuleCompletion and Certificate
rows. This module is their only writer, always inside the transaction of the activity that changes them (a lesson
view here, a submission in quizzes.attempts), or of the change of what the course requires (a module's required
roles, quizzes.requirements; a learner's role, quizzes.receivers). The rules (`module_is_complete`,
`course_is_complete`, and selectors.required_modules for what a role must complete) are pure functions or plain
reads, so the data generator decides completion exactly as the site does.

`course_completed_at` always follows the learner's role's current requirements: set (to when the last required
module was completed) for a confirmed learner who completed every module their role requires, empty for anyone
who did not. A certificate, once issued, stands: it says what was required when it was earned.
"""

import secrets
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Exists, F, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from curriculum.changes import FIRST_VERSION
from curriculum.models import LessonPage, ManualPage, ModulePage
from learners.models import Confirmation, LearnerProfile

from . import selectors
from .models import Attempt, AttemptStatus, Certificate, CompletionSource, LessonView, ModuleCompletion, Quiz
from .refresher import completion_refresh_if_done, lesson_read_for_refresher, refresher_read_wanted
from .selectors import learner_holder, learner_holders, required_modules
from .transactions import lock_learner, write_transaction
from .versions import certificate_expiry, content_version, manual_version

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are typed from paper
CERTIFICATE_BATCH = 1000


def bilingual(obj, field: str) -> dict:
    """Both languages of a translated field, as snapshots and certificates keep them."""
    return {"km": getattr(obj, f"{field}_km", "") or "", "en": getattr(obj, f"{field}_en", "") or ""}


def module_is_complete(
    *, lessons_read: set[int], lesson_ids: set[int], quiz_passed: bool | None, attended: bool = False
) -> bool:
    """Every live lesson read and the quiz passed. `quiz_passed` is None for a module without a quiz, which
    then needs at least one lesson (an empty module without a quiz is never completed). At a workshop
    (`attended` its sessions on the module) the sessions stand for the lessons, and a test must be passed."""
    if attended:
        return bool(quiz_passed)
    if not lesson_ids <= lessons_read:
        return False
    if quiz_passed is None:
        return bool(lesson_ids)
    return quiz_passed


@dataclass(frozen=True)
class WorkshopPass:
    """What a workshop says of a participant who attended its sessions on a module (the workshop's own rule
    decides that, in workshops): whether they `passed` its paper post-test, and their `score` (%) on it."""

    passed: bool
    score: int | None = None


def completion_source(*, at_workshop: WorkshopPass | None, attempt: Attempt | None) -> str:
    """How a module is being completed: at a workshop, through an attempt sent from a phone's offline queue
    (it carries the phone's id), or online."""
    if at_workshop is not None:
        return CompletionSource.WORKSHOP
    if attempt is not None and attempt.client_id is not None:
        return CompletionSource.OFFLINE
    return CompletionSource.ONLINE


def may_hold_certificate(*, confirmation: str | None) -> bool:
    """Only a confirmed learner holds a certificate: it prints a role and province that a coordinator has checked.
    A learner waiting for confirmation gets theirs when confirmed (`certificates_issue_on_confirmation`); an
    account without a learner profile (`confirmation` None) never does."""
    return confirmation == Confirmation.CONFIRMED


def course_is_complete(*, completed_module_ids: set[int], required_module_ids: set[int]) -> bool:
    """Every module the learner's role requires completed (a course requiring none is never completed)."""
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


def lesson_view_record(
    *, learner, lesson_id: int, module_id: int, now: datetime | None = None, module_place: tuple[str, int] | None = None
) -> bool:
    """Record the first time a learner opens a lesson; True when this view was new.

    Re-reading costs one indexed read, which also brings the profile's refresher flag (quizzes.refresher keeps it),
    and writes nothing unless the lesson now counts for a refresher (checked by a read first, so a learner with a
    refresher elsewhere takes no write lock). A first reading reads the profile's refresher flag and last active
    day; then, under the learner's lock, the lessons of the module they have read, and inserts one row. In the
    same transaction follow the day's activity (only on a new day), the refresher's note (only with a refresher
    pending) and the completion check, only once every live lesson of the module is read (the module's lessons
    are kept per process, selectors.module_lesson_ids; `module_place`, the module page's (path, depth) when the
    caller has it, spares reading it). Accounts without a learner profile have no refresher flag: their readings
    never count for a refresher (refreshers are a learner's).
    """
    now = now or timezone.now()
    # Not one read of the profile with an EXISTS for the lesson, which would spare a first reading its second read:
    # that query costs 1.2 ms to build and run against 0.4 ms for this join (measured), and re-reading is common.
    found = LessonView.objects.filter(learner_id=learner.pk, lesson_id=lesson_id)
    seen = list(found.values_list("learner__learner_profile__refresher_pending", flat=True)[:1])
    if seen:
        if seen[0] and refresher_read_wanted(learner=learner, lesson_id=lesson_id, module_id=module_id):
            with write_transaction():
                lock_learner(learner)
                if lesson_read_for_refresher(learner=learner, lesson_id=lesson_id, module_id=module_id):
                    module_completion_refresh(learner=learner, module_id=module_id, now=now, place=module_place)
        return False
    # No ORDER BY (the profiles' default ordering): one row by a unique key, and ordering cost a third of this read.
    profile = list(
        LearnerProfile.objects.filter(user_id=learner.pk)
        .order_by()
        .values_list("refresher_pending", "training_active_on")[:1]
    )
    pending, active_on = profile[0] if profile else (False, None)
    with write_transaction():
        lock_learner(learner)
        # Read under the lock, so two tabs reading a module's last two lessons at once cannot both miss the other.
        found = LessonView.objects.filter(learner_id=learner.pk, module_id=module_id)
        read = set(found.values_list("lesson_id", flat=True))
        if lesson_id in read:
            return False  # opened meanwhile in another tab
        LessonView.objects.create(learner=learner, lesson_id=lesson_id, module_id=module_id, viewed_at=now)
        if activity_is_new(active_on=active_on, now=now):
            activity_record(learner=learner, now=now)
        if pending:
            lesson_read_for_refresher(learner=learner, lesson_id=lesson_id, module_id=module_id)
        # A lesson still unread means the module cannot be complete (module_is_complete): no query for the rest.
        read.add(lesson_id)
        if selectors.module_lesson_ids(module_id=module_id, place=module_place) <= read:
            module_completion_refresh(
                learner=learner, module_id=module_id, now=now, place=module_place, lessons_read=read
            )
    return True


def module_completion_refresh(
    *,
    learner,
    module_id: int,
    now: datetime | None = None,
    place: tuple[str, int] | None = None,
    at_workshop: WorkshopPass | None = None,
    lessons_read: set[int] | None = None,
) -> ModuleCompletion | None:
    """The one place that records a module completed (the rule is `module_is_complete`).

    Called inside the caller's transaction (which holds the learner's lock), after a passing submission or a
    first lesson view; `place` is the module page's (path, depth) when the caller has it, `lessons_read` the
    lessons of the module the learner has read when the caller read them under the lock. Most calls end at the
    first query (a lesson not read yet, or the quiz not passed). A completion, once recorded, stays: editing the
    module later never takes it away. A completion that needs a refresher (quizzes.refresher) is made current
    again here, once the changed lessons are read and the quiz passed again.
    """
    # `at_workshop`: the learner attended a workshop's sessions on the module (workshops.completion calls with
    # it, then links the completion to its workshop): the lessons need not be read; the workshop's post-test or
    # the module's quiz must be passed.
    place = place or Page.objects.filter(pk=module_id).values_list("path", "depth").first()
    if place is None:
        return None
    path, depth = place
    lessons = LessonPage.objects.filter(path__startswith=path, depth=depth + 1, live=True)
    if lessons_read is None:
        read = LessonView.objects.filter(learner=learner, module_id=module_id).values_list("lesson_id", flat=True)
        if at_workshop is None and lessons.exclude(pk__in=read).exists():
            return None
    else:
        # The caller found every lesson it knows of read: the live lessons are checked against them below, once
        # the quiz is passed, instead of by a query here.
        read = lessons_read
    quiz_id = selectors.module_quiz_id(module_id=module_id)
    best = None
    if quiz_id is not None:
        best = (
            Attempt.objects.filter(learner=learner, quiz_id=quiz_id, status=AttemptStatus.SUBMITTED, passed=True)
            .order_by("-score", "submitted_at")
            .first()
        )
        if best is None and at_workshop is None:
            # Every lesson read, the quiz not passed yet: not complete (module_is_complete), and no refresher done
            # either (that needs a pass since it was marked). The common end of a module's last first reading.
            return None
    existing = ModuleCompletion.objects.filter(learner=learner, module_id=module_id).first()
    if existing is not None and not existing.needs_refresher:
        return None
    quiz = Quiz.objects.get(pk=quiz_id) if quiz_id is not None else None
    if existing is not None:
        live_lessons = list(lessons.order_by("path").only("pk", "live_revision_id"))
        if lessons_read is not None and not {lesson.pk for lesson in live_lessons} <= lessons_read:
            return None  # the query above (without `lessons_read`) has already made sure of it
        module = ModulePage.objects.get(pk=module_id)
        now = now or timezone.now()
        refreshed = completion_refresh_if_done(
            completion=existing, learner=learner, module=module, lessons=live_lessons, quiz=quiz, now=now
        )
        return existing if refreshed else None
    live_lessons = list(lessons.order_by("path").only("pk", "live_revision_id"))
    lesson_ids = {lesson.pk for lesson in live_lessons}
    passed = None if quiz_id is None else best is not None
    score = best.score if best else None
    if at_workshop is not None:
        passed = at_workshop.passed or bool(passed)
        score = at_workshop.score if at_workshop.passed else score
    if not module_is_complete(
        lessons_read=set(read), lesson_ids=lesson_ids, quiz_passed=passed, attended=at_workshop is not None
    ):
        return None
    module = ModulePage.objects.get(pk=module_id)
    manual = ManualPage.objects.filter(path=path[: -Page.steplen]).first()
    completion = ModuleCompletion(
        learner=learner,
        module=module,
        completed_at=now or timezone.now(),
        attempt=best,
        score=score,
        lesson_ids=sorted(lesson_ids),
        module_title=bilingual(module, "title"),
        source=completion_source(at_workshop=at_workshop, attempt=best),
        manual_version=manual_version(manual_id=manual.pk) if manual is not None else FIRST_VERSION,
        content_version=content_version(module=module, lessons=live_lessons, quiz=quiz),
    )
    # Foreign keys and the one-per-learner-and-module constraint are the database's to enforce (and cost
    # a query each here); the field values are checked.
    completion.full_clean(exclude=["learner", "module", "attempt"], validate_constraints=False)
    completion.save()
    if at_workshop is not None:
        # Attending is training: the workshop participant has begun, as a reader or a quiz taker has (the reports'
        # "started" reads this; readings and attempts note it themselves).
        activity_record(learner=learner, now=completion.completed_at)
    if manual is not None:
        certificate_issue_if_complete(learner=learner, manual=manual, now=completion.completed_at)
    return completion


def certificate_issue_if_complete(*, learner, manual: ManualPage, now: datetime | None = None) -> Certificate | None:
    """When a confirmed learner has completed every module their role requires: note the course completed on their
    profile, and issue the course certificate unless they hold one. Returns their certificate, if any.

    Called inside the transaction of a module completion or of a confirmation. A holder whose course is already
    noted complete costs one query: completing more modules cannot undo it, and a change of requirement or role
    brings the column up to date itself (course_completion_refresh).
    """
    existing = Certificate.objects.filter(learner=learner, manual=manual).first()
    row = (
        LearnerProfile.objects.filter(user_id=learner.pk)
        .values_list("confirmation", "role", "course_completed_at")
        .first()
    )
    if row is None or (existing is not None and row[2] is not None):
        return existing
    confirmation, role, noted = row
    if not may_hold_certificate(confirmation=confirmation):
        return existing
    modules = required_modules(manual=manual, role=role)
    completions = {
        c.module_id: c for c in ModuleCompletion.objects.filter(learner=learner, module__in=[m.pk for m in modules])
    }
    if not course_is_complete(completed_module_ids=set(completions), required_module_ids={m.pk for m in modules}):
        return existing
    # When the course was completed (the last required module), which is also the issue time unless the
    # certificate waited for the learner's confirmation.
    last = max(c.completed_at for c in completions.values())
    if noted != last:
        LearnerProfile.objects.filter(user_id=learner.pk).update(course_completed_at=last)
    if existing is not None:
        return existing  # earned under earlier requirements, or before a change of role: it stands
    now = now or timezone.now()
    certificate = _certificate(
        learner_id=learner.pk,
        manual=manual,
        modules=modules,
        completed={pk: c.completed_at for pk, c in completions.items()},
        sources={pk: c.source for pk, c in completions.items()},
        holder=learner_holder(learner=learner),
        now=now,
        version=manual_version(manual_id=manual.pk),
    )
    certificate.full_clean()
    certificate.save()
    return certificate


def _certificate(
    *,
    learner_id: int,
    manual: ManualPage,
    modules: list[ModulePage],
    completed: dict,
    holder: dict,
    now: datetime,
    version: int,
    sources: dict | None = None,
) -> Certificate:
    """An unsaved certificate listing the required `modules`, with when each was `completed` ({module id: time}),
    on the manual's `version`."""
    last = max(completed[module.pk] for module in modules)
    return Certificate(
        learner_id=learner_id,
        manual=manual,
        code=certificate_code(),
        issued_at=now,
        completed_on=timezone.localdate(last),
        holder=holder,
        modules=[
            {
                "number": module.number,
                "title": bilingual(module, "title"),
                "completed_on": timezone.localdate(completed[module.pk]).isoformat(),
                # How it was completed (`sources`: {module id: CompletionSource}), printed on the certificate.
                "source": (sources or {}).get(module.pk, CompletionSource.ONLINE),
                "id": module.pk,
                "revision": module.live_revision_id,
            }
            for module in modules
        ],
        manual_version=version,
        expires_on=certificate_expiry(valid_from=timezone.localdate(now)),
    )


def completed_all(module_ids: Iterable[int]) -> Q:
    """On LearnerProfile rows: the learner completed every one of these modules (one indexed probe each)."""
    conditions = [
        Exists(ModuleCompletion.objects.filter(learner_id=OuterRef("user_id"), module_id=pk))
        for pk in sorted(module_ids)
    ]
    return Q(*conditions) if conditions else Q(pk__in=[])


def course_completion_refresh(
    *,
    manual: ManualPage,
    roles: Collection[str],
    learner_ids: Collection[int] | None = None,
    leaving: Collection[int] = (),
    now: datetime | None = None,
) -> int:
    """Bring the course completion of the learners in `roles` (all of them, or only the accounts `learner_ids`)
    up to date with what each role requires now; returns how many certificates were issued.

    For a change of a module's requirement (every learner of the roles it changed for) or of a learner's role,
    inside that change's transaction. Set-based: a few UPDATE statements per role, whatever the number of
    learners; certificates for those who now completed the course without holding one are written in batches.
    `leaving`: modules still live in the database but on their way out (a module being deleted).
    """
    now = now or timezone.now()
    issued = 0
    for role in sorted(roles):
        modules = [module for module in required_modules(manual=manual, role=role) if module.pk not in leaving]
        profiles = LearnerProfile.objects.filter(role=role)
        if learner_ids is not None:
            profiles = profiles.filter(user_id__in=learner_ids)
        complete = completed_all(module.pk for module in modules)
        # A learner who no longer completed what their role requires (a course requiring none is never completed).
        profiles.filter(course_completed_at__isnull=False).exclude(complete).update(course_completed_at=None)
        if not modules:
            continue
        done = ModuleCompletion.objects.filter(learner_id=OuterRef("user_id"), module_id__in=[m.pk for m in modules])
        last = Subquery(done.order_by().values("learner_id").annotate(last=Max("completed_at")).values("last"))
        finished = profiles.filter(complete, confirmation=Confirmation.CONFIRMED)
        finished.alias(last=last).exclude(course_completed_at=F("last")).update(course_completed_at=last)
        without = finished.exclude(Exists(Certificate.objects.filter(learner_id=OuterRef("user_id"), manual=manual)))
        issued += _certificates_issue(manual=manual, modules=modules, profiles=without, now=now)
    return issued


def _certificates_issue(*, manual: ManualPage, modules: list[ModulePage], profiles: QuerySet, now: datetime) -> int:
    """Certificates for these learners, who completed `modules`, a batch of accounts at a time (three queries and
    one insert each); each batch's accounts are locked first, as a single issue locks its learner."""
    issued = 0
    # The ids first (a list of numbers, small even for a whole country): writing certificates while a cursor over
    # a query that reads them stays open is what SQLite warns against.
    learner_ids = list(profiles.order_by("user_id").values_list("user_id", flat=True))
    for start in range(0, len(learner_ids), CERTIFICATE_BATCH):
        chunk = learner_ids[start : start + CERTIFICATE_BATCH]
        if connection.features.has_select_for_update:
            list(get_user_model().objects.select_for_update().filter(pk__in=chunk).values_list("pk", flat=True))
        chunk = set(chunk) - set(
            Certificate.objects.filter(learner_id__in=chunk, manual=manual).values_list("learner_id", flat=True)
        )
        completed = defaultdict(dict)
        sources = defaultdict(dict)
        for learner_id, module_id, at, source in ModuleCompletion.objects.filter(
            learner_id__in=chunk, module_id__in=[m.pk for m in modules]
        ).values_list("learner_id", "module_id", "completed_at", "source"):
            completed[learner_id][module_id] = at
            sources[learner_id][module_id] = source
        holders = learner_holders(user_ids=chunk)
        version = manual_version(manual_id=manual.pk)
        certificates = []
        for learner_id in sorted(chunk):
            certificate = _certificate(
                learner_id=learner_id,
                manual=manual,
                modules=modules,
                completed=completed[learner_id],
                sources=sources[learner_id],
                holder=holders[learner_id],
                now=now,
                version=version,
            )
            # The learner, course and one-per-course rule are the database's to check, as for a single issue.
            certificate.full_clean(exclude=["learner", "manual"], validate_unique=False, validate_constraints=False)
            certificates.append(certificate)
        issued += len(Certificate.objects.bulk_create(certificates))
    return issued


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
