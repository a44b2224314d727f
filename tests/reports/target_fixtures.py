"""Places and accounts for the training-target admin and import tests (the 25 provinces and the groups come from
the migrations, as on every real deployment)."""

from types import SimpleNamespace

from django.contrib.auth import get_user_model

from learners import groups
from learners.models import Commune, District, PlaceUnit, Province
from tests.learners.conftest import PASSWORD, make_learner, make_staff

__all__ = ["PASSWORD", "make_places", "make_people"]


def make_places() -> SimpleNamespace:
    kampot = Province.objects.get(code="07")
    takeo = Province.objects.get(code="21")
    angkor_chey = District.objects.create(
        code="0701", province=kampot, name_km="អង្គរជ័យ", name_en="Angkor Chey", unit=PlaceUnit.DISTRICT
    )
    kampot_town = District.objects.create(
        code="0708", province=kampot, name_km="ក្រុងកំពត", name_en="Kampot", unit=PlaceUnit.MUNICIPALITY
    )
    angkor_borei = District.objects.create(
        code="2101", province=takeo, name_km="អង្គរបុរី", name_en="Angkor Borei", unit=PlaceUnit.DISTRICT
    )
    return SimpleNamespace(
        kampot=kampot,
        takeo=takeo,
        angkor_chey=angkor_chey,
        kampot_town=kampot_town,
        angkor_borei=angkor_borei,
        angk_phnum_touch=Commune.objects.create(
            code="070101", district=angkor_chey, name_km="អង្គភ្នំតូច", name_en="Angk Phnum Touch", unit="commune"
        ),
        kampong_kandal=Commune.objects.create(
            code="070801", district=kampot_town, name_km="កំពង់កណ្ដាល", name_en="Kampong Kandal", unit="sangkat"
        ),
        takeo_commune=Commune.objects.create(
            code="210101", district=angkor_borei, name_km="អង្គរបុរី", name_en="Angkor Borei", unit="commune"
        ),
    )


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
