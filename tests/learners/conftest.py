"""People and places for the learners tests: a few districts and communes, and one account per role.

The 25 provinces and the groups come from the migrations, as on every real deployment.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import Role
from learners import groups
from learners.models import Commune, District, Gender, PlaceUnit, Province, Source
from learners.services import LearnerDetails, coordinator_scope_set, learner_create

PASSWORD = "a-Good-passw0rd"


@pytest.fixture
def places(db):
    kampot = Province.objects.get(code="07")
    takeo = Province.objects.get(code="21")
    kampot_district = District.objects.create(
        code="0701", province=kampot, name_km="អង្គរជ័យ", name_en="Angkor Chey", unit=PlaceUnit.DISTRICT
    )
    kampot_town = District.objects.create(
        code="0708", province=kampot, name_km="ក្រុងកំពត", name_en="Kampot", unit=PlaceUnit.MUNICIPALITY
    )
    takeo_district = District.objects.create(
        code="2101", province=takeo, name_km="អង្គរបុរី", name_en="Angkor Borei", unit=PlaceUnit.DISTRICT
    )
    return SimpleNamespace(
        kampot=kampot,
        takeo=takeo,
        kampot_district=kampot_district,
        kampot_town=kampot_town,
        takeo_district=takeo_district,
        kampot_commune=Commune.objects.create(
            code="070101", district=kampot_district, name_km="អង្គភ្នំតូច", name_en="Angk Phnum Touch", unit="commune"
        ),
        kampot_sangkat=Commune.objects.create(
            code="070801", district=kampot_town, name_km="កំពង់កណ្ដាល", name_en="Kampong Kandal", unit="sangkat"
        ),
        takeo_commune=Commune.objects.create(
            code="210101", district=takeo_district, name_km="អង្គរបុរី", name_en="Angkor Borei", unit="commune"
        ),
    )


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
