"""Training targets, saved through `reports.services.target_save` so each one has its history row."""

import factory

from core.roles import Role
from reports.models import Target, TargetChangeSource
from reports.services import target_save

from .people import NationalCoordinatorFactory
from .places import ProvinceFactory


class TargetFactory(factory.Factory):
    """A province-wide target (give `district=` or `commune=` for a smaller place), set by `user`."""

    province = factory.SubFactory(ProvinceFactory)
    district = None
    commune = None
    role = Role.POLICE_OFFICER
    people = 100
    user = factory.SubFactory(NationalCoordinatorFactory)
    source = TargetChangeSource.ADMIN

    class Meta:
        model = Target

    @classmethod
    def _create(cls, model_class, *, user, source, **fields):
        return target_save(target=model_class(**fields), user=user, source=source)
