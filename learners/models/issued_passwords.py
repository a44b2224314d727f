"""Passwords a coordinator gave a learner (on a sign-in slip, or in person): chosen by someone else, so the account
chooses its own at its next sign-in and can do nothing else until then."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IssuedPassword(models.Model):
    """The account's password was issued to it; the row goes when the learner chooses their own."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="issued_password",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"))

    class Meta:
        verbose_name = _("issued password")
        verbose_name_plural = _("issued passwords")

    def __str__(self):
        return f"{self.user_id} {self.issued_at:%Y-%m-%d %H:%M}"
