"""Changes in what a learner's course requires: a module's required roles (on publishing or withdrawing it), or a
learner's role. Each is applied in one transaction: the requirement history, then the course completion of exactly
the learners it changes for (quizzes.completion.course_completion_refresh, set-based).

Connected in quizzes.receivers to Wagtail's page_published / page_unpublished and to learners' role change.
"""

from datetime import datetime

from django.utils import timezone
from wagtail.models import Page

from core.roles import Role
from curriculum.models import ManualPage, ModulePage, ModuleRequirementChange
from learners.models import LearnerProfile

from .completion import bilingual, course_completion_refresh
from .transactions import lock_learner, write_transaction


def effective_roles(module: ModulePage) -> list[str]:
    """Who must complete the module as it now stands: its required roles while it is live, no one otherwise."""
    return sorted(module.required_roles or []) if module.live else []


def module_requirement_apply(
    *, module: ModulePage, by=None, now: datetime | None = None, leaving: bool = False
) -> ModuleRequirementChange | None:
    """After `module` was published or withdrawn (or, `leaving`, while it is being deleted): if who must complete
    it changed since the last record, record the change (by `by`, from `now`) and bring the course completion of
    the learners of the roles it changed for up to date, together. Returns the record, or None when nothing
    changed (most publications: a lesson text or a title edited).

    Compared with the history, not with the previous revision, so a publication whose follow-up failed is caught
    up by the next one. A module never recorded before counts as changed for every role.
    """
    manual = ManualPage.objects.filter(path=module.path[: -Page.steplen]).first()
    if manual is None:
        return None
    after = [] if leaving else effective_roles(module)
    if _unchanged(module, after):
        return None  # read outside the write lock: most publications change no requirement
    now = now or timezone.now()
    with write_transaction():
        last = _last(module)
        before = last.roles_after if last is not None else None
        if before is not None and set(before) == set(after):
            return None  # recorded meanwhile
        change = ModuleRequirementChange(
            module_id=module.pk,
            manual=manual,
            module_title=bilingual(module, "title"),
            roles_before=before,
            roles_after=after,
            changed_at=now,
            changed_by=by if by is not None and by.is_authenticated else None,
        )
        change.full_clean(exclude=["module", "manual", "changed_by"])
        change.save()
        roles = set(Role.values) if before is None else set(before) ^ set(after)
        course_completion_refresh(manual=manual, roles=roles, leaving={module.pk} if leaving else (), now=now)
    return change


def _last(module: ModulePage) -> ModuleRequirementChange | None:
    return ModuleRequirementChange.objects.filter(module_id=module.pk).order_by("-changed_at", "-pk").first()


def _unchanged(module: ModulePage, after: list[str]) -> bool:
    last = _last(module)
    return last is not None and set(last.roles_after) == set(after)


def learner_role_apply(*, learner, now: datetime | None = None) -> None:
    """A learner's role changed (inside the transaction that saved it): their course completion follows what the
    new role requires, in every course (a certificate already issued stands)."""
    role = LearnerProfile.objects.filter(user_id=learner.pk).values_list("role", flat=True).first()
    if role is None:
        return
    with write_transaction():
        lock_learner(learner)
        for manual in ManualPage.objects.live().order_by("path"):
            course_completion_refresh(manual=manual, roles={role}, learner_ids=[learner.pk], now=now)
