"""Learner profiles (who a learner is and where they work), their import batches and coordinators' provinces."""

from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.roles import Role

from ..names import clean_name, clean_text
from ..phone import display_phone, normalise_phone
from ..signals import learner_group_changed
from .places import Commune, District, Province

DISTRICT_OUTSIDE_PROVINCE = _("This district is not in the chosen province.")
COMMUNE_OUTSIDE_DISTRICT = _("This commune is not in the chosen district.")
COMMUNE_OUTSIDE_PROVINCE = _("This commune is not in the chosen province.")
# Says no more than needed: a stranger typing numbers learns nothing they could not learn by trying to sign in.
PHONE_TAKEN = _(
    "This phone number cannot be used. If it is your number, sign in with it, or ask your coordinator for help."
)


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other or prefer not to say")


class Confirmation(models.TextChoices):
    """Anyone can register claiming any role and province; reports count confirmed learners only."""

    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class Source(models.TextChoices):
    SELF_REGISTERED = "self", _("Registered themselves")
    COORDINATOR = "coordinator", _("Created by a coordinator")
    TRAINER = "trainer", _("Enrolled by a trainer")
    IMPORT = "import", _("Imported from a file")
    DEMO = "demo", _("Demo data")


class ImportBatch(models.Model):
    """One bulk enrolment: who imported which file, when; the learners it created point back to it."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("imported by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    file_name = models.CharField(_("file name"), max_length=255)
    row_count = models.PositiveIntegerField(_("learners created"), default=0)

    class Meta:
        verbose_name = _("learner import")
        verbose_name_plural = _("learner imports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name


class CountedGroup(NamedTuple):
    """The learners the rollout reports count together: confirmed, of one province, role and gender."""

    province_id: int
    role: str
    gender: str


# The fields that decide a profile's CountedGroup.
GROUP_FIELDS = frozenset({"confirmation", "province", "province_id", "role", "gender"})


class LearnerProfile(models.Model):
    """Who a learner is and where they work; the account itself is Django's user (username, password, e-mail)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="learner_profile"
    )
    full_name_km = models.CharField(_("full name in Khmer"), max_length=150)
    full_name_latin = models.CharField(
        _("name in Latin letters"), max_length=150, blank=True, help_text=_("Optional, as on an ID card.")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="learners"
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        related_name="learners",
        null=True,
        blank=True,
    )
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="learners",
        null=True,
        blank=True,
    )
    unit = models.CharField(
        _("unit or organisation"),
        max_length=200,
        blank=True,
        help_text=_("For example: Kampot provincial police, anti-trafficking unit."),
    )
    phone = models.CharField(
        _("phone number"),
        max_length=16,
        blank=True,
        help_text=_("For example 012 345 678. You can sign in with it."),
    )
    confirmation = models.CharField(
        _("confirmation"), max_length=10, choices=Confirmation.choices, default=Confirmation.PENDING
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed or rejected by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed or rejected at"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=12, choices=Source.choices, default=Source.SELF_REGISTERED)
    import_batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learners",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # The learner's training progress, written only by quizzes.completion in the transaction of the activity,
    # kept here so the rollout reports count every province from this one table (one index scan).
    training_started_at = models.DateTimeField(_("started training at"), null=True, blank=True, editable=False)
    training_active_on = models.DateField(_("last active on"), null=True, blank=True, editable=False)
    course_completed_at = models.DateTimeField(_("completed the course at"), null=True, blank=True, editable=False)
    # Whether a module completion of the learner needs a refresher (quizzes.refresher sets and clears it with the
    # completions, in their transaction), so the coverage report counts refreshers from its covering index
    # instead of probing completions once per learner.
    refresher_pending = models.BooleanField(_("needs a refresher"), default=False, editable=False)

    class Meta:
        verbose_name = _("learner")
        verbose_name_plural = _("learners")
        ordering = ["province_id", "full_name_km"]
        constraints = [
            models.UniqueConstraint(
                fields=["phone"],
                condition=~Q(phone=""),
                name="learner_phone_unique",
                violation_error_message=PHONE_TAKEN,
            ),
        ]
        indexes = [
            # Covers the rollout reports' grouped counts: no table row is read (see reports.areas).
            models.Index(
                # In the order of the province report's GROUP BY, so SQLite needs no sort.
                fields=[
                    "confirmation",
                    "province",
                    "role",
                    "gender",
                    "district",
                    "commune",
                    "created_at",
                    "training_started_at",
                    "course_completed_at",
                    "training_active_on",
                    "refresher_pending",
                    "user",
                ],
                name="learner_report_cover",
            ),
            # The coordinators' learner list, 50 a page in either order, reads its page off these indexes instead
            # of sorting every learner in scope (learners.selectors.learners_filtered).
            models.Index(fields=["province", "full_name_km", "id"], name="learner_list_by_name"),
            models.Index(fields=["training_active_on", "id"], name="learner_list_by_activity"),
            models.Index(fields=["province", "training_active_on", "id"], name="learner_list_province_activity"),
            # Counts the list's "not started / in progress / completed" filters from the index alone.
            models.Index(
                fields=["province", "course_completed_at", "training_started_at"], name="learner_list_province_status"
            ),
        ]
        permissions = [
            ("confirm_learner", _("Can confirm or reject self-registered learners")),
            ("reset_learner_password", _("Can reset a learner's password")),
            ("import_learners", _("Can import learners from a file")),
            ("unlock_learner", _("Can unlock a learner locked out after failed sign-ins")),
            ("export_learners", _("Can export learners' personal data")),
        ]

    def __str__(self):
        return self.full_name_km

    def save(self, *args, **kwargs):
        """Save, and tell `learner_group_changed` in the same transaction when the group the learner is counted in
        changed, whichever screen or service saved the profile (listeners keep per-group figures in step)."""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not GROUP_FIELDS.intersection(update_fields):
            return super().save(*args, **kwargs)
        using = kwargs.get("using") or self._state.db or "default"
        with transaction.atomic(using=using):
            created = self._state.adding
            before = self._stored_group(using)
            super().save(*args, **kwargs)
            after = self.counted_group
            if before != after:
                learner_group_changed.send(sender=type(self), profile=self, before=before, after=after, created=created)

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmation == Confirmation.CONFIRMED

    @property
    def counted_group(self) -> CountedGroup | None:
        return CountedGroup(self.province_id, self.role, self.gender) if self.is_confirmed else None

    def _stored_group(self, using: str) -> CountedGroup | None:
        if self._state.adding or self.pk is None:
            return None
        stored = (
            type(self)
            .objects.using(using)
            .filter(pk=self.pk)
            .values_list("confirmation", "province_id", "role", "gender")
            .first()
        )
        if stored is None or stored[0] != Confirmation.CONFIRMED:
            return None
        return CountedGroup(*stored[1:])

    def clean(self):
        errors = {}
        # Every way in (registration, profile, coordinators' screens, import) saves through here.
        for field_name, latin_only in (("full_name_km", False), ("full_name_latin", True)):
            value = getattr(self, field_name)
            if value:  # an empty required name is already reported as blank
                try:
                    setattr(self, field_name, clean_name(value, latin_only=latin_only))
                except ValidationError as error:
                    errors[field_name] = error.messages
        self.unit = clean_text(self.unit)
        if self.phone:
            try:
                self.phone = normalise_phone(self.phone)
            except ValidationError as error:
                errors["phone"] = error.messages
            else:
                if LearnerProfile.objects.exclude(pk=self.pk).filter(phone=self.phone).exists():
                    errors["phone"] = [PHONE_TAKEN]
        if self.district_id and self.province_id and self.district.province_id != self.province_id:
            errors["district"] = [DISTRICT_OUTSIDE_PROVINCE]
        if self.commune_id:
            if self.district_id and self.commune.district_id != self.district_id:
                errors["commune"] = [COMMUNE_OUTSIDE_DISTRICT]
            elif self.province_id and self.commune.district.province_id != self.province_id:
                errors["commune"] = [COMMUNE_OUTSIDE_PROVINCE]
            elif not self.district_id and "district" not in errors:
                # A commune implies its district; keeping both makes counting per district a plain GROUP BY.
                self.district_id = self.commune.district_id
        if errors:
            raise ValidationError(errors)


class CoordinatorScope(models.Model):
    """The provinces a provincial coordinator is responsible for (national coordinators see every province)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        on_delete=models.CASCADE,
        related_name="coordinator_scope",
    )
    provinces = models.ManyToManyField(Province, verbose_name=_("provinces"), related_name="coordinators")

    class Meta:
        verbose_name = _("coordinator's provinces")
        verbose_name_plural = _("coordinators' provinces")

    def __str__(self):
        return str(self.user)
