"""The kinds of people the framework trains; shared by the manual (audience) and learner profiles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    POLICE_OFFICER = "police_officer", _("Police officer")
    COMMUNE_COUNCIL = "commune_council", _("Commune/sangkat council member")
    CCWC_FOCAL_POINT = "ccwc_focal_point", _("CCWC focal point")
    OFFICIAL = "official", _("District or provincial official")
    OTHER = "other", _("Other")
