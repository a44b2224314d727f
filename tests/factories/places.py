"""Places: the 25 provinces come from the migrations (found by code, never made up); districts and communes are
made per test with gazetteer-shaped codes under their province or district."""

import factory
from factory.django import DjangoModelFactory

from learners.models import Commune, District, PlaceUnit, Province

KAMPOT = "07"


class ProvinceFactory(DjangoModelFactory):
    """A province the migrations loaded: `ProvinceFactory()` is Kampot, `ProvinceFactory(code="21")` Takeo."""

    code = KAMPOT

    class Meta:
        model = Province
        django_get_or_create = ("code",)


class DistrictFactory(DjangoModelFactory):
    province = factory.SubFactory(ProvinceFactory)
    # Numbers from 50 up, clear of the real districts tests name by code (0701, 0708, 2101, ...).
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.province.code}{50 + n % 50:02d}")
    name_km = factory.Sequence(lambda n: f"ស្រុក {n}")
    name_en = factory.Sequence(lambda n: f"District {n}")
    unit = PlaceUnit.DISTRICT

    class Meta:
        model = District


class CommuneFactory(DjangoModelFactory):
    district = factory.SubFactory(DistrictFactory)
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.district.code}{50 + n % 50:02d}")
    name_km = factory.Sequence(lambda n: f"ឃុំ {n}")
    name_en = factory.Sequence(lambda n: f"Commune {n}")
    unit = PlaceUnit.COMMUNE

    class Meta:
        model = Commune
