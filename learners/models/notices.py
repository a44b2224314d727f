"""What learners were told about their account: a coordinator's decision, shown once."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .decisions import ConfirmationDecision


class DecisionSeen(models.Model):
    """The learner was shown this decision (on the first page they opened after it), so it is not shown again."""

    decision = models.OneToOneField(
        ConfirmationDecision,
        verbose_name=_("decision"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="seen",
    )
    seen_at = models.DateTimeField(_("seen at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision seen by the learner")
        verbose_name_plural = _("decisions seen by learners")

    def __str__(self):
        return f"{self.decision_id} {self.seen_at:%Y-%m-%d %H:%M}"
