"""People and places: Cambodia's provinces, districts and communes, learner profiles, coordinator scope.

The models live in modules by job; every one is importable from here, where Django looks for an app's models.
"""

from .approval import SELF_APPROVAL, SecondTrainerApprovalTask
from .decisions import REASON_MAX_LENGTH, ConfirmationDecision, Decision
from .issued_passwords import IssuedPassword
from .notices import DecisionSeen
from .places import (
    COMMUNE_UNITS,
    DISTRICT_UNITS,
    PROVINCE_UNITS,
    Commune,
    District,
    Place,
    PlaceManager,
    PlaceUnit,
    Province,
)
from .profiles import (
    COMMUNE_OUTSIDE_DISTRICT,
    COMMUNE_OUTSIDE_PROVINCE,
    DISTRICT_OUTSIDE_PROVINCE,
    PHONE_TAKEN,
    Confirmation,
    CoordinatorScope,
    CountedGroup,
    Gender,
    ImportBatch,
    LearnerProfile,
    Source,
)
from .reminders import TextReminder
from .sign_ins import SignInFailure

__all__ = [
    "COMMUNE_OUTSIDE_DISTRICT",
    "COMMUNE_OUTSIDE_PROVINCE",
    "COMMUNE_UNITS",
    "CountedGroup",
    "DISTRICT_OUTSIDE_PROVINCE",
    "DISTRICT_UNITS",
    "Decision",
    "PHONE_TAKEN",
    "PROVINCE_UNITS",
    "REASON_MAX_LENGTH",
    "SELF_APPROVAL",
    "Commune",
    "Confirmation",
    "ConfirmationDecision",
    "CoordinatorScope",
    "DecisionSeen",
    "District",
    "Gender",
    "ImportBatch",
    "IssuedPassword",
    "LearnerProfile",
    "Place",
    "PlaceManager",
    "PlaceUnit",
    "Province",
    "SecondTrainerApprovalTask",
    "SignInFailure",
    "Source",
    "TextReminder",
]
