"""Accounts: plain users, staff in the deployment's groups (the groups come from the migrations), and learners.

`LearnerFactory` goes through `learners.services.learner_create`, the one writer of accounts with profiles, so
a learner made here is what registration, a coordinator or an import would make. `LearnerProfileFactory` gives an
existing account a profile directly, for tests about what other apps read from a profile.
"""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from core.roles import Role
from learners import groups
from learners.models import Confirmation, Gender, LearnerProfile, Source
from learners.services import LearnerDetails, coordinator_scope_set, learner_create

from .places import ProvinceFactory

PASSWORD = "a-Good-passw0rd"  # noqa: S105 (every test account's password)


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    password = PASSWORD

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True  # the hooks below write groups and scopes, not the user row

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_user(*args, **kwargs)  # hashes the password


class SuperuserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"root{n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_superuser(*args, **kwargs)


def _in_group(name: str) -> factory.PostGeneration:
    """Put the new account in the group `name` (or the group passed as `group=`)."""

    def add(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=extracted or name))

    return factory.PostGeneration(add)


class TrainerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"trainer{n}")
    group = _in_group(groups.TRAINER)


class AdministratorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"administrator{n}")
    group = _in_group(groups.ADMINISTRATOR)


class NationalCoordinatorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"national{n}")
    group = _in_group(groups.NATIONAL_COORDINATOR)


class ProvincialCoordinatorFactory(UserFactory):
    """A coordinator of Kampot unless `provinces=[...]` says otherwise (set through the scope service)."""

    username = factory.Sequence(lambda n: f"coordinator{n}")
    group = _in_group(groups.PROVINCIAL_COORDINATOR)

    @factory.post_generation
    def provinces(user, create, extracted, **kwargs):
        if create:
            coordinator_scope_set(user=user, provinces=list(extracted or [ProvinceFactory()]))


class LearnerFactory(factory.Factory):
    """A learner profile (with its account) made by `learner_create`: confirmed when a coordinator of the province
    or the system (no `created_by`) vouches, pending otherwise. `LearnerFactory().user` is the account."""

    full_name_km = "សុខ ចន្ថា"
    role = Role.POLICE_OFFICER
    gender = Gender.FEMALE
    province = factory.SubFactory(ProvinceFactory)
    full_name_latin = ""
    district = None
    commune = None
    unit = ""
    phone = ""
    email = ""
    username = factory.Sequence(lambda n: f"learner{n}")
    password = PASSWORD
    source = Source.COORDINATOR
    created_by = None

    class Meta:
        model = LearnerProfile

    @classmethod
    def _create(cls, model_class, *, username, password, source, created_by, **details):
        return learner_create(
            details=LearnerDetails(**details),
            source=source,
            created_by=created_by,
            username=username,
            password=password,
        )

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("A learner exists only once learner_create has made it: use create().")


class LearnerProfileFactory(DjangoModelFactory):
    """A confirmed profile written directly, for an account a test already has (`user=`)."""

    user = factory.SubFactory(UserFactory)
    full_name_km = "សុខ ចន្ថា"
    role = Role.POLICE_OFFICER
    gender = Gender.FEMALE
    province = factory.SubFactory(ProvinceFactory)
    confirmation = Confirmation.CONFIRMED

    class Meta:
        model = LearnerProfile
