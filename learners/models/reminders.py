"""Reminders to finish the training sent to learners' phones (learners.reminders decides who and how often)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .profiles import LearnerProfile


class TextReminder(models.Model):
    """A reminder to finish the training sent to a learner's phone; how often one may be sent is counted here."""

    profile = models.ForeignKey(
        LearnerProfile, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="text_reminders"
    )
    phone = models.CharField(_("phone number"), max_length=16)  # the number it went to, if the profile's changes
    sent_at = models.DateTimeField(_("sent at"), db_index=True)

    class Meta:
        verbose_name = _("text reminder")
        verbose_name_plural = _("text reminders")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.profile_id} {self.sent_at:%Y-%m-%d %H:%M}"
