"""The groups every deployment has (created by migration 0003); names are stored in English, shown translated."""

from django.utils.translation import gettext_lazy as _

LEARNER = "Learner"
TRAINER = "Trainer"
PROVINCIAL_COORDINATOR = "Provincial coordinator"
NATIONAL_COORDINATOR = "National coordinator"
ADMINISTRATOR = "Administrator"

GROUP_LABELS = {
    LEARNER: _("Learner"),
    TRAINER: _("Trainer"),
    PROVINCIAL_COORDINATOR: _("Provincial coordinator"),
    NATIONAL_COORDINATOR: _("National coordinator"),
    ADMINISTRATOR: _("Administrator"),
}

# Groups whose members see every province's learners.
ALL_PROVINCES = (NATIONAL_COORDINATOR, ADMINISTRATOR)
COORDINATOR_GROUPS = (PROVINCIAL_COORDINATOR, NATIONAL_COORDINATOR, ADMINISTRATOR)
