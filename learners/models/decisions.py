"""Coordinators' decisions on a learner's claim (confirmed, rejected with a reason, rejection undone), kept in order.

The profile holds where the claim stands now (`LearnerProfile.confirmation`); these rows say who decided what,
when and why, so a rejection can be explained to the learner and undone without losing its history.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .profiles import LearnerProfile

REASON_MAX_LENGTH = 500


class Decision(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")
    # A rejection undone: the learner waits for confirmation again.
    REOPENED = "reopened", _("Rejection undone")


class ConfirmationDecision(models.Model):
    """One decision on a learner's claim, written only by learners.services with the profile's change."""

    profile = models.ForeignKey(
        LearnerProfile, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="decisions"
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    reason = models.TextField(_("reason"), max_length=REASON_MAX_LENGTH, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"))

    class Meta:
        verbose_name = _("confirmation decision")
        verbose_name_plural = _("confirmation decisions")
        ordering = ["-decided_at", "-pk"]
        constraints = [
            # A rejection is always explained: the learner is told why, and the next coordinator reads it.
            models.CheckConstraint(
                condition=~Q(decision="rejected") | ~Q(reason=""), name="confirmation_rejection_has_reason"
            ),
        ]
        indexes = [models.Index(fields=["profile", "-decided_at"], name="confirmation_decision_latest")]

    def __str__(self):
        return f"{self.profile_id} {self.decision} {self.decided_at:%Y-%m-%d %H:%M}"
