"""Training targets (how many people of each role a province, district or commune should train) and their history.

Everything else the reports show is read from `learners` and `quizzes`; this app never writes learner data.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.roles import Role

DISTRICT_OUTSIDE_PROVINCE = _("This district is not in the chosen province.")
COMMUNE_OUTSIDE_DISTRICT = _("This commune is not in the chosen district.")
COMMUNE_NEEDS_DISTRICT = _("Choose the district of this commune too.")


class TargetLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")


class Target(models.Model):
    """People of one role to train in one place. A province's own target wins over the sum of its districts'."""

    province = models.ForeignKey(
        "learners.Province", verbose_name=_("province"), on_delete=models.CASCADE, related_name="targets"
    )
    district = models.ForeignKey(
        "learners.District",
        verbose_name=_("district"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="targets",
        help_text=_("Leave empty for a target for the whole province."),
    )
    commune = models.ForeignKey(
        "learners.Commune",
        verbose_name=_("commune"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="targets",
        help_text=_("Leave empty for a target for the whole district."),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    people = models.PositiveIntegerField(_("people to train"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("training target")
        verbose_name_plural = _("training targets")
        ordering = ["province_id", "district_id", "commune_id", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "role"],
                condition=Q(district__isnull=True, commune__isnull=True),
                name="target_unique_province_role",
            ),
            models.UniqueConstraint(
                fields=["district", "role"],
                condition=Q(district__isnull=False, commune__isnull=True),
                name="target_unique_district_role",
            ),
            models.UniqueConstraint(
                fields=["commune", "role"], condition=Q(commune__isnull=False), name="target_unique_commune_role"
            ),
            models.CheckConstraint(
                condition=Q(commune__isnull=True) | Q(district__isnull=False), name="target_commune_has_district"
            ),
        ]

    def __str__(self):
        return f"{self.place} · {self.get_role_display()}: {self.people}"

    @property
    def level(self) -> str:
        if self.commune_id:
            return TargetLevel.COMMUNE
        if self.district_id:
            return TargetLevel.DISTRICT
        return TargetLevel.PROVINCE

    @property
    def place(self):
        return self.commune or self.district or self.province

    def clean(self):
        errors = {}
        if self.district_id and self.province_id and self.district.province_id != self.province_id:
            errors["district"] = [DISTRICT_OUTSIDE_PROVINCE]
        if self.commune_id:
            if not self.district_id:
                errors["district"] = [COMMUNE_NEEDS_DISTRICT]
            elif self.commune.district_id != self.district_id:
                errors["commune"] = [COMMUNE_OUTSIDE_DISTRICT]
        if errors:
            raise ValidationError(errors)


class TargetChangeSource(models.TextChoices):
    ADMIN = "admin", _("Edited in the admin")
    IMPORT = "import", _("Imported from a file")


class TargetChange(models.Model):
    """One change to a target: who, when, from what to what. Kept when the target itself is deleted."""

    target = models.ForeignKey(
        Target,
        verbose_name=_("target"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="changes",
    )
    # The place and role are copied so the history still reads after the target is gone.
    province = models.ForeignKey(
        "learners.Province", verbose_name=_("province"), on_delete=models.CASCADE, related_name="+"
    )
    district = models.ForeignKey(
        "learners.District", verbose_name=_("district"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    commune = models.ForeignKey(
        "learners.Commune", verbose_name=_("commune"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    people_before = models.PositiveIntegerField(_("before"), null=True, blank=True)
    people_after = models.PositiveIntegerField(_("after"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"))
    source = models.CharField(_("how"), max_length=10, choices=TargetChangeSource.choices)
    file_name = models.CharField(_("file"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("target change")
        verbose_name_plural = _("target changes")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["province", "changed_at"])]

    def __str__(self):
        return f"{self.changed_at:%Y-%m-%d %H:%M} {self.role}: {self.people_before} -> {self.people_after}"

    @property
    def place(self):
        return self.commune or self.district or self.province
