"""People and places for the learners tests: a few districts and communes, and one account per role.

The 25 provinces and the groups come from the migrations, as on every real deployment.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import Role
from learners import groups
from learners.models import Gender, Source
from learners.services import LearnerDetails, coordinator_scope_set, learner_create
from tests.places import make_places

PASSWORD = "a-Good-passw0rd"


@pytest.fixture
def places(db):
    return make_places()


def make_learner(*, province, username, phone="", source=Source.COORDINATOR, **extra):
    details = LearnerDetails(
        full_name_km=extra.pop("full_name_km", "សុខ ចន្ថា"),
        role=extra.pop("role", Role.POLICE_OFFICER),
        gender=extra.pop("gender", Gender.FEMALE),
        province=province,
        phone=phone,
        **extra,
    )
    return learner_create(details=details, source=source, username=username, password=PASSWORD)


def make_staff(username, group_name, *, provinces=()):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    if provinces:
        coordinator_scope_set(user=user, provinces=list(provinces))
    return user


@pytest.fixture
def people(places):
    """One account for each row of the permission matrix."""
    return SimpleNamespace(
        admin=get_user_model().objects.create_superuser(username="root", password=PASSWORD),
        administrator=make_staff("administrator", groups.ADMINISTRATOR),
        national=make_staff("ngocrc", groups.NATIONAL_COORDINATOR),
        kampot_coordinator=make_staff("kampot-coordinator", groups.PROVINCIAL_COORDINATOR, provinces=[places.kampot]),
        trainer=make_staff("trainer", groups.TRAINER),
        kampot_learner=make_learner(province=places.kampot, username="officer", phone="012 345 678"),
        takeo_learner=make_learner(
            province=places.takeo,
            username="council",
            phone="097 765 4321",
            role=Role.COMMUNE_COUNCIL,
            gender=Gender.MALE,
            full_name_km="ចាន់ ដារ៉ា",
        ),
    )
