"""Places and accounts for the training-target admin and import tests (the 25 provinces and the groups come from
the migrations, as on every real deployment)."""

from types import SimpleNamespace

from django.contrib.auth import get_user_model

from learners import groups
from tests.learners.conftest import PASSWORD, make_learner, make_staff
from tests.places import make_places

__all__ = ["PASSWORD", "make_places", "make_people"]


def make_people(places) -> SimpleNamespace:
    return SimpleNamespace(
        admin=get_user_model().objects.create_superuser(username="root", password=PASSWORD),
        administrator=make_staff("administrator", groups.ADMINISTRATOR),
        national=make_staff("ngocrc", groups.NATIONAL_COORDINATOR),
        kampot_coordinator=make_staff("kampot-coordinator", groups.PROVINCIAL_COORDINATOR, provinces=[places.kampot]),
        takeo_coordinator=make_staff("takeo-coordinator", groups.PROVINCIAL_COORDINATOR, provinces=[places.takeo]),
        trainer=make_staff("trainer", groups.TRAINER),
        learner=make_learner(province=places.kampot, username="officer", phone="012 345 678").user,
    )
