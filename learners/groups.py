"""The groups every deployment has (created by migration 0003); names are stored in English, shown translated.

Their permissions are granted by migrations: learners 0003 (pages, images, documents, learners, places) and
quizzes 0011 (trainers add, change, lock and unlock quizzes; administrators also delete them; nobody publishes a
quiz: the two-trainer review does).
"""

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
