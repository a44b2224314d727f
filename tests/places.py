"""A few real districts and communes of Kampot and Takeo for tests (the 25 provinces come from the migrations)."""

from types import SimpleNamespace

from learners.models import PlaceUnit
from tests.factories import CommuneFactory, DistrictFactory, ProvinceFactory


def make_places() -> SimpleNamespace:
    """Kampot: Angkor Chey district (commune Angk Phnum Touch) and Kampot town (sangkat Kampong Kandal);
    Takeo: Angkor Borei district and commune. Each place also answers to its role in the tests
    (`kampot_district`, `kampot_commune`, ...)."""
    kampot, takeo = ProvinceFactory(code="07"), ProvinceFactory(code="21")
    angkor_chey = DistrictFactory(
        code="0701", province=kampot, name_km="អង្គរជ័យ", name_en="Angkor Chey", unit=PlaceUnit.DISTRICT
    )
    kampot_town = DistrictFactory(
        code="0708", province=kampot, name_km="ក្រុងកំពត", name_en="Kampot", unit=PlaceUnit.MUNICIPALITY
    )
    angkor_borei = DistrictFactory(
        code="2101", province=takeo, name_km="អង្គរបុរី", name_en="Angkor Borei", unit=PlaceUnit.DISTRICT
    )
    angk_phnum_touch = CommuneFactory(
        code="070101", district=angkor_chey, name_km="អង្គភ្នំតូច", name_en="Angk Phnum Touch", unit="commune"
    )
    kampong_kandal = CommuneFactory(
        code="070801", district=kampot_town, name_km="កំពង់កណ្ដាល", name_en="Kampong Kandal", unit="sangkat"
    )
    takeo_commune = CommuneFactory(
        code="210101", district=angkor_borei, name_km="អង្គរបុរី", name_en="Angkor Borei", unit="commune"
    )
    return SimpleNamespace(
        kampot=kampot,
        takeo=takeo,
        angkor_chey=angkor_chey,
        kampot_town=kampot_town,
        angkor_borei=angkor_borei,
        angk_phnum_touch=angk_phnum_touch,
        kampong_kandal=kampong_kandal,
        takeo_commune=takeo_commune,
        kampot_district=angkor_chey,
        takeo_district=angkor_borei,
        kampot_commune=angk_phnum_touch,
        kampot_sangkat=kampong_kandal,
    )
