"""Places and accounts for the training-target admin and import tests (the 25 provinces and the groups come from
the migrations, as on every real deployment)."""

from types import SimpleNamespace

from tests.factories import (
    PASSWORD,
    AdministratorFactory,
    LearnerFactory,
    NationalCoordinatorFactory,
    ProvincialCoordinatorFactory,
    SuperuserFactory,
    TrainerFactory,
)
from tests.places import make_places

__all__ = ["PASSWORD", "make_places", "make_people"]


def make_people(places) -> SimpleNamespace:
    return SimpleNamespace(
        admin=SuperuserFactory(username="root"),
        administrator=AdministratorFactory(username="administrator"),
        national=NationalCoordinatorFactory(username="ngocrc"),
        kampot_coordinator=ProvincialCoordinatorFactory(username="kampot-coordinator", provinces=[places.kampot]),
        takeo_coordinator=ProvincialCoordinatorFactory(username="takeo-coordinator", provinces=[places.takeo]),
        trainer=TrainerFactory(username="trainer"),
        learner=LearnerFactory(province=places.kampot, username="officer", phone="012 345 678").user,
    )
