"""Failed sign-ins, kept for the lockout window."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SignInFailure(models.Model):
    """One failed sign-in, kept for the lockout window (learners.lockout): per account, address and pair."""

    # "user:<pk>" for an existing account, else what was typed, so unknown names are counted like real ones.
    account = models.CharField(_("account"), max_length=160)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")
        indexes = [
            models.Index(fields=["account", "address", "created_at"], name="signin_fail_account_addr"),
            models.Index(fields=["address", "created_at"], name="signin_fail_address"),
        ]

    def __str__(self):
        return f"{self.account} {self.address or '-'} {self.created_at:%Y-%m-%d %H:%M}"
