"""The kinds of people the framework trains (as NGOCRC names them); shared by the manual's modules (who a module is
written for, who must complete it), learner profiles and training targets."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    POLICE_OFFICER = "police_officer", _("Police officer")
    COMMUNE_COUNCIL = "commune_council", _("Commune/sangkat council member")
    CCWC_FOCAL_POINT = "ccwc_focal_point", _("CCWC focal point")
    VILLAGE_CHIEF = "village_chief", _("Village chief")
    OFFICIAL = "official", _("District or provincial official")
    OTHER = "other", _("Other")


def every_role() -> list[str]:
    """Every role's code: what a new module requires unless its trainer says otherwise (a migration default, so
    a role added later is required by new modules too)."""
    return list(Role.values)
