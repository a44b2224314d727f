"""People and places for the learners tests: a few districts and communes, and one account per role.

The 25 provinces and the groups come from the migrations, as on every real deployment.
"""

from types import SimpleNamespace

import pytest

from core.roles import Role
from learners.models import Gender
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

__all__ = ["PASSWORD"]  # the test accounts' password, as the learners tests import it


@pytest.fixture
def places(db):
    return make_places()


@pytest.fixture
def people(places):
    """One account for each row of the permission matrix."""
    return SimpleNamespace(
        admin=SuperuserFactory(username="root"),
        administrator=AdministratorFactory(username="administrator"),
        national=NationalCoordinatorFactory(username="ngocrc"),
        kampot_coordinator=ProvincialCoordinatorFactory(username="kampot-coordinator", provinces=[places.kampot]),
        trainer=TrainerFactory(username="trainer"),
        kampot_learner=LearnerFactory(province=places.kampot, username="officer", phone="012 345 678"),
        takeo_learner=LearnerFactory(
            province=places.takeo,
            username="council",
            phone="097 765 4321",
            role=Role.COMMUNE_COUNCIL,
            gender=Gender.MALE,
            full_name_km="ចាន់ ដារ៉ា",
        ),
    )
