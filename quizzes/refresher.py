"""Refresher training: when a module changes significantly, those who completed it read what changed and pass its
quiz again.

Publishing a module or lesson whose revision says "significant change" (curriculum.changes) records a ManualChange
(the manual's next version) and marks every earlier completion of the module "needs a refresher" in one UPDATE,
whatever the number of learners. The learner then reads the new or changed lessons of every change since
(`refresher_lessons`) and passes the quiz after it; quizzes.completion, the one writer of completions, then makes
the completion current again (`completion_refresh_if_done`), and renews the certificate once every module it lists
is current.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.db.models import Exists, F, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from curriculum.changes import ManualChange
from curriculum.models import LessonPage, ManualPage, ModulePage
from learners.models import LearnerProfile

from .models import Attempt, AttemptStatus, Certificate, ModuleCompletion
from .transactions import write_transaction
from .versions import certificate_expiry, content_version, manual_version


def _texts(page, field_name: str) -> dict:
    return {code: (getattr(page, f"{field_name}_{code}", "") or "").strip() for code in ("km", "en")}


def _module_of(page) -> ModulePage | None:
    if isinstance(page, ModulePage):
        return page
    return ModulePage.objects.filter(path=page.path[: -Page.steplen]).first()


def changed_lessons(*, page, module: ModulePage) -> list[int]:
    """The lessons a significant change asks to read again: the lesson published, or for the module itself, its
    lessons published since the module's previous significant change (since its first completion when none), and
    every lesson when none was."""
    lessons = LessonPage.objects.child_of(module).live().order_by("path")
    if isinstance(page, LessonPage):
        return [page.pk]
    since = (
        ManualChange.objects.filter(module_id=module.pk).order_by("-changed_at").values_list("changed_at", flat=True)
    ).first() or ModuleCompletion.objects.filter(module_id=module.pk).aggregate(first=Min("completed_at"))["first"]
    recent = list(lessons.filter(last_published_at__gt=since).values_list("pk", flat=True)) if since else []
    return recent or list(lessons.values_list("pk", flat=True))


def significant_change_apply(*, page, revision=None, by=None, now: datetime | None = None) -> ManualChange | None:
    """After `page` (a module or lesson) was published: when its revision says the change is significant, record
    the manual's next version and mark every earlier completion of the module for a refresher, together. Returns
    the record, or None (most publications are not significant; a revision is recorded once)."""
    if not getattr(page, "change_significant", False):
        return None
    module = _module_of(page)
    manual = ManualPage.objects.filter(path=module.path[: -Page.steplen]).first() if module else None
    if manual is None:
        return None
    revision_id = revision.pk if revision is not None else page.live_revision_id
    now = now or timezone.now()
    with write_transaction():
        if revision_id and ManualChange.objects.filter(revision_id=revision_id).exists():
            return None
        change = ManualChange(
            manual=manual,
            module=module,
            page_id=page.pk,
            revision_id=revision_id,
            version=manual_version(manual_id=manual.pk) + 1,
            note=_texts(page, "change_note"),
            lesson_ids=changed_lessons(page=page, module=module),
            changed_at=now,
            changed_by=by if by is not None and by.is_authenticated else None,
        )
        change.completions_marked = completions_mark(module_id=module.pk, now=now)
        change.full_clean(exclude=["manual", "module", "changed_by"])
        change.save()
        # The next edit of the page starts from "not significant" (the live revision keeps the answer given).
        type(page).objects.filter(pk=page.pk).update(
            change_significant=False, change_note="", change_note_km="", change_note_en=""
        )
    return change


def completions_mark(*, module_id: int, now: datetime) -> int:
    """Every completion of the module earned before `now` needs a refresher (from its first pending change on),
    with nothing read for it yet: one UPDATE, whatever the number of learners."""
    marked = ModuleCompletion.objects.filter(module_id=module_id, completed_at__lt=now).update(
        refresher_since=Coalesce(F("refresher_since"), Value(now)), refresher_read=[]
    )
    if marked:
        learners = ModuleCompletion.objects.filter(module_id=module_id, refresher_since__isnull=False)
        LearnerProfile.objects.filter(refresher_pending=False, user_id__in=learners.values("learner_id")).update(
            refresher_pending=True
        )
    return marked


def refresher_pending_update(*, learner_id: int) -> None:
    """The learner's profile flag after one of their completions was made current: still set while another
    completion needs a refresher. One UPDATE."""
    others = ModuleCompletion.objects.filter(learner_id=learner_id, refresher_since__isnull=False)
    LearnerProfile.objects.filter(user_id=learner_id).update(refresher_pending=Exists(others))


def attempts_counted(attempts, *, module_id: int):
    """The attempts (a queryset of one learner's at the module's quiz) that count against its attempt allowance and
    its wait: all of them, except while the learner's completion of the module needs a refresher, when only those
    started since the (first pending) change count; a refresher is a fresh start. No query of its own: the rule is
    a condition of the attempts' own query."""
    return attempts.filter(attempt_counts(module_id=module_id))


def attempt_counts(*, module_id: int) -> Q:
    """The condition of `attempts_counted` on Attempt rows, also usable in an annotation."""
    pending = ModuleCompletion.objects.filter(
        learner_id=OuterRef("learner_id"), module_id=module_id, refresher_since__isnull=False
    )
    return ~Exists(pending) | Q(started_at__gte=Subquery(pending.values("refresher_since")[:1]))


def pending_changes(*, module_id: int, since: datetime) -> list[ManualChange]:
    return list(ManualChange.objects.filter(module_id=module_id, changed_at__gte=since).order_by("changed_at"))


def refresher_lessons(*, changes: Iterable[ManualChange]) -> list[int]:
    """The lessons to read again for these changes, each once, in the order the changes name them."""
    ids: list[int] = []
    for change in changes:
        ids.extend(pk for pk in change.lesson_ids if pk not in ids)
    return ids


class LessonChange(models.TextChoices):
    NEW = "new", _("New")
    CHANGED = "changed", _("Changed")


def lesson_changes(*, learner_id: int, module_id: int) -> dict[int, str]:
    """{lesson id: LessonChange} for the lessons of the module the learner still has to read for a pending
    refresher (new: not part of their completion; changed otherwise), as "My training" lists them; empty when no
    refresher is pending. One query: the changes since the completion was marked, with its lessons and reads."""
    completion = ModuleCompletion.objects.filter(
        learner_id=learner_id, module_id=module_id, refresher_since__isnull=False
    )
    rows = (
        ManualChange.objects.filter(
            module_id=module_id, changed_at__gte=Subquery(completion.values("refresher_since")[:1])
        )
        .annotate(
            completed_ids=Subquery(completion.values("lesson_ids")[:1], output_field=models.JSONField()),
            read_ids=Subquery(completion.values("refresher_read")[:1], output_field=models.JSONField()),
        )
        .order_by("changed_at")
        .values_list("lesson_ids", "completed_ids", "read_ids")
    )
    changes: dict[int, str] = {}
    for lesson_ids, completed_ids, read_ids in rows:
        for pk in lesson_ids:
            if pk not in (read_ids or []) and pk not in changes:
                changes[pk] = LessonChange.CHANGED if pk in (completed_ids or []) else LessonChange.NEW
    return changes


@dataclass
class Refresher:
    """What a learner still has to do to bring one completion up to date."""

    completion: ModuleCompletion
    changes: list[ManualChange]
    lessons: list[LessonPage] = field(default_factory=list)
    read: set[int] = field(default_factory=set)
    quiz_passed: bool = False
    has_quiz: bool = False

    @property
    def lessons_left(self) -> list[LessonPage]:
        return [lesson for lesson in self.lessons if lesson.pk not in self.read]

    @property
    def done(self) -> bool:
        return not self.lessons_left and (self.quiz_passed or not self.has_quiz)


def refresher_state(*, completion: ModuleCompletion, learner, quiz_id: int | None) -> Refresher:
    """The pending refresher of `completion`: the changes since it was marked, their live lessons and which of them
    were read since, and whether the quiz was passed since. Three queries."""
    changes = pending_changes(module_id=completion.module_id, since=completion.refresher_since)
    wanted = refresher_lessons(changes=changes)
    by_id = {lesson.pk: lesson for lesson in LessonPage.objects.filter(pk__in=wanted, live=True)}
    passed = (
        quiz_id is not None
        and Attempt.objects.filter(
            learner=learner,
            quiz_id=quiz_id,
            status=AttemptStatus.SUBMITTED,
            passed=True,
            submitted_at__gte=completion.refresher_since,
        ).exists()
    )
    return Refresher(
        completion=completion,
        changes=changes,
        lessons=[by_id[pk] for pk in wanted if pk in by_id],
        read=set(completion.refresher_read or []),
        quiz_passed=passed,
        has_quiz=quiz_id is not None,
    )


def completion_refresh_if_done(
    *, completion: ModuleCompletion, learner, module: ModulePage, lessons, quiz, now: datetime
) -> bool:
    """Called by quizzes.completion only (inside its transaction, learner locked) for a completion that needs a
    refresher: when everything is read and the quiz passed again, the completion is current on today's content, and
    the certificate of the manual is renewed when no module of it still needs one. True when it was refreshed."""
    state = refresher_state(completion=completion, learner=learner, quiz_id=quiz.pk if quiz else None)
    if not state.done:
        return False
    manual_id = Page.objects.filter(path=module.path[: -Page.steplen]).values_list("pk", flat=True).first()
    version = manual_version(manual_id=manual_id) if manual_id else completion.manual_version
    best = None
    if quiz is not None:
        best = (
            Attempt.objects.filter(
                learner=learner, quiz=quiz, passed=True, submitted_at__gte=completion.refresher_since
            )
            .order_by("-score", "submitted_at")
            .first()
        )
    completion.refresher_since = None
    completion.refresher_read = []
    completion.refreshed_at = now
    completion.manual_version = version
    completion.content_version = content_version(module=module, lessons=lessons, quiz=quiz)
    if best is not None:
        completion.attempt, completion.score = best, best.score
    completion.save(
        update_fields=[
            "refresher_since",
            "refresher_read",
            "refreshed_at",
            "manual_version",
            "content_version",
            "attempt",
            "score",
        ]
    )
    refresher_pending_update(learner_id=learner.pk)
    if manual_id is not None:
        certificate_renew(learner=learner, manual_id=manual_id, version=version, now=now)
    return True


def outdated_modules(*, learner_id: int, manual_path: str) -> Iterable[int]:
    """Ids of the modules of a manual whose completion by this learner needs a refresher (a queryset)."""
    modules = Page.objects.filter(path__startswith=manual_path, depth=len(manual_path) // Page.steplen + 1)
    return ModuleCompletion.objects.filter(
        learner_id=learner_id, module_id__in=modules.values("pk"), refresher_since__isnull=False
    ).values("module_id")


def certificate_renew(*, learner, manual_id: int, version: int, now: datetime) -> None:
    """Once none of the learner's modules in this manual needs a refresher, their certificate of it says the
    current version (and, when certificates expire, is valid again from today)."""
    manual_path = Page.objects.filter(pk=manual_id).values_list("path", flat=True).first()
    if manual_path is None or outdated_modules(learner_id=learner.pk, manual_path=manual_path).exists():
        return
    Certificate.objects.filter(learner=learner, manual_id=manual_id).update(
        manual_version=version, expires_on=certificate_expiry(valid_from=timezone.localdate(now))
    )


def refresher_read_wanted(*, learner, lesson_id: int, module_id: int) -> bool:
    """Whether reading this lesson may count for a refresher of its module: the learner's completion of the module
    needs one and does not list the lesson yet (a read outside any lock; `lesson_read_for_refresher` decides)."""
    found = list(
        ModuleCompletion.objects.filter(
            learner=learner, module_id=module_id, refresher_since__isnull=False
        ).values_list("refresher_read", flat=True)[:1]
    )
    return bool(found) and lesson_id not in (found[0] or [])


def lesson_read_for_refresher(*, learner, lesson_id: int, module_id: int) -> bool:
    """Note that a learner whose completion of the module needs a refresher (re)read this lesson since; True when
    it was noted. Inside the caller's transaction (learner locked)."""
    completion = (
        ModuleCompletion.objects.filter(learner=learner, module_id=module_id, refresher_since__isnull=False)
        .only("pk", "refresher_read", "refresher_since")
        .first()
    )
    if completion is None or lesson_id in (completion.refresher_read or []):
        return False
    if lesson_id not in refresher_lessons(
        changes=pending_changes(module_id=module_id, since=completion.refresher_since)
    ):
        return False  # unchanged since: reading it again is welcome, and not asked
    completion.refresher_read = sorted({*(completion.refresher_read or []), lesson_id})
    completion.save(update_fields=["refresher_read"])
    return True


class CertificateStatus(models.TextChoices):
    CURRENT = "current", _("Current")
    OUTDATED = "outdated", _("Needs a refresher")
    EXPIRED = "expired", _("Expired")


def certificate_status(*, certificate: Certificate, today: date | None = None) -> str:
    """Expired past its last valid day; outdated while a module of its manual needs a refresher from its holder;
    current otherwise. Two queries at most."""
    today = today or timezone.localdate()
    if certificate.expires_on is not None and certificate.expires_on < today:
        return CertificateStatus.EXPIRED
    manual_path = Page.objects.filter(pk=certificate.manual_id).values_list("path", flat=True).first() or ""
    outdated = outdated_modules(learner_id=certificate.learner_id, manual_path=manual_path).exists()
    return CertificateStatus.OUTDATED if outdated else CertificateStatus.CURRENT
