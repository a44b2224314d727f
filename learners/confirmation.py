"""Writes: coordinators' decisions on a learner's claim (role and province): confirm, one or a selection; reject
with a reason; undo a rejection. Each changes the profile and records the decision in one transaction.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import REASON_MAX_LENGTH, Confirmation, ConfirmationDecision, Decision, LearnerProfile
from .names import clean_text
from .signals import learner_confirmed

NOT_WAITING = _("This learner is not waiting for confirmation.")
NOT_REJECTED = _("This learner is not rejected.")
REASON_REQUIRED = _("Say why this person is rejected: they will read it, and so will the next coordinator.")
REASON_TOO_LONG = _("Keep the reason under %(max)s characters.")
NOTHING_SELECTED = _("Choose the people to confirm first.")
TOO_MANY_SELECTED = _("Confirm at most %(max)s people at a time.")
OUT_OF_SCOPE = _("Some of the chosen people are not learners you manage. Nobody was confirmed.")
BULK_MAX = 200


def _decide(*, profile: LearnerProfile, actor, confirmation: str, reason: str = "") -> LearnerProfile:
    profile = LearnerProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.confirmation != Confirmation.PENDING:
        raise ValidationError(NOT_WAITING, code="not_waiting")
    profile.confirmation = confirmation
    profile.confirmed_by = actor
    profile.confirmed_at = timezone.now()
    profile.full_clean(exclude=["user"])
    profile.save(update_fields=["confirmation", "confirmed_by", "confirmed_at", "updated_at"])
    _record_decision(profile=profile, actor=actor, decision=Decision(confirmation), reason=reason)
    return profile


def _record_decision(*, profile: LearnerProfile, actor, decision: Decision, reason: str = "") -> None:
    record = ConfirmationDecision(
        profile=profile, decision=decision, reason=reason, decided_by=actor, decided_at=profile.updated_at
    )
    record.full_clean(exclude=["profile", "decided_by"])
    record.save()


@transaction.atomic
def learner_confirm(*, profile: LearnerProfile, actor) -> LearnerProfile:
    """The claim was checked; other apps react through `learner_confirmed` (e.g. a certificate earned meanwhile)."""
    profile = _decide(profile=profile, actor=actor, confirmation=Confirmation.CONFIRMED)
    learner_confirmed.send(sender=LearnerProfile, profile=profile, actor=actor)
    return profile


@dataclass(frozen=True)
class BulkConfirmation:
    confirmed: list[LearnerProfile]
    not_waiting: list[LearnerProfile]  # decided meanwhile (by someone else, or in another tab): left as they are


@transaction.atomic
def learners_confirm(*, ids: list[int], actor) -> BulkConfirmation:
    """Confirm a selection from the learner list. Every id must be a learner `actor` may see: one that is not
    (another province's, or none at all) refuses the whole selection, so nothing is half-done. Those already
    decided are skipped and reported."""
    ids = sorted(set(ids))
    if not ids:
        raise ValidationError(NOTHING_SELECTED, code="nothing_selected")
    if len(ids) > BULK_MAX:
        raise ValidationError(TOO_MANY_SELECTED, code="too_many", params={"max": BULK_MAX})
    # Locked in primary-key order, so two coordinators confirming overlapping selections never deadlock.
    profiles = list(
        selectors.learners_for(user=actor).select_for_update(of=("self",)).filter(pk__in=ids).order_by("pk")
    )
    if len(profiles) != len(ids):
        raise PermissionDenied(OUT_OF_SCOPE)
    confirmed, not_waiting = [], []
    for profile in profiles:
        if profile.confirmation == Confirmation.PENDING:
            confirmed.append(learner_confirm(profile=profile, actor=actor))
        else:
            not_waiting.append(profile)
    return BulkConfirmation(confirmed=confirmed, not_waiting=not_waiting)


@transaction.atomic
def learner_reject(*, profile: LearnerProfile, actor, reason: str) -> LearnerProfile:
    """The claim (role or province) was not true: the person may go on reading, but is never counted. The reason
    is kept for the learner and the next coordinator; the rejection can be undone (`learner_rejection_undo`)."""
    reason = clean_text(reason or "")
    if not reason:
        raise ValidationError({"reason": [REASON_REQUIRED]}, code="reason_required")
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError({"reason": [REASON_TOO_LONG % {"max": REASON_MAX_LENGTH}]}, code="reason_too_long")
    return _decide(profile=profile, actor=actor, confirmation=Confirmation.REJECTED, reason=reason)


@transaction.atomic
def learner_rejection_undo(*, profile: LearnerProfile, actor) -> LearnerProfile:
    """A rejection made by mistake: the learner waits for confirmation again, and the history keeps both."""
    profile = LearnerProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.confirmation != Confirmation.REJECTED:
        raise ValidationError(NOT_REJECTED, code="not_rejected")
    profile.confirmation = Confirmation.PENDING
    profile.confirmed_by = None
    profile.confirmed_at = None
    profile.save(update_fields=["confirmation", "confirmed_by", "confirmed_at", "updated_at"])
    _record_decision(profile=profile, actor=actor, decision=Decision.REOPENED)
    return profile
