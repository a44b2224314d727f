"""Registration asks for the district and commune among the chosen province's, in two steps that need no script."""

import re

import pytest
from django.contrib.auth import get_user_model

from learners.models import COMMUNE_OUTSIDE_DISTRICT, LearnerProfile
from learners.place_fields import NO_COMMUNE

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def registration(places, **overrides):
    data = {
        "full_name_km": "ម៉ៅ សុភា",
        "gender": "female",
        "role": "commune_council",
        "province": places.kampot.code,
        "district": places.kampot_district.code,
        "commune": places.kampot_commune.code,
        "unit": "",
        "phone": "+855 16 222 333",
        "username": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def select(html: str, name: str) -> str:
    return re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)


def test_the_first_step_asks_for_the_province_only_with_a_get_form(client, places):
    html = client.get("/en/account/register/").content.decode()
    assert re.search(r'<form method="get"', html)
    assert select(html, "province").count("<option") == 26  # the 25 provinces and the empty choice
    for field in ("password1", "phone", "commune", "district"):
        assert f'name="{field}"' not in html


@pytest.mark.parametrize(
    ("language", "district", "commune"), [("en", "Angkor Chey", "Angk Phnum Touch"), ("km", "អង្គរជ័យ", "អង្គភ្នំតូច")]
)
def test_the_second_step_offers_the_provinces_communes_grouped_by_district(client, places, language, district, commune):
    html = client.get(f"/{language}/account/register/?province=07").content.decode()
    assert '<input type="hidden" name="province" value="07"' in html
    districts = select(html, "district")
    assert district in districts and "Angkor Borei" not in districts and "អង្គរបុរី" not in districts
    communes = select(html, "commune")
    # One group per district, its communes inside: readable on a phone, no script needed.
    group = re.search(rf'<optgroup label="{district}">(.*?)</optgroup>', communes, re.S).group(1)
    assert f'value="{places.kampot_commune.code}"' in group and commune in group
    assert f'value="{places.kampot_sangkat.code}"' not in group  # Kampot town's sangkat is under its own district
    assert f'value="{places.takeo_commune.code}"' not in communes
    assert communes.count("<optgroup") == 2


def test_an_unknown_province_is_asked_again(client, places):
    response = client.get("/en/account/register/?province=99")
    assert response.status_code == 200
    assert "province" in response.context["form"].errors
    assert 'name="password1"' not in response.content.decode()


def test_registration_keeps_district_and_commune(client, places):
    response = client.post("/km/account/register/", registration(places))
    assert response.status_code == 302
    learner = LearnerProfile.objects.get(phone="+85516222333")
    assert (learner.province, learner.district, learner.commune) == (
        places.kampot,
        places.kampot_district,
        places.kampot_commune,
    )


def test_a_commune_alone_brings_its_district(client, places):
    client.post("/km/account/register/", registration(places, district="", commune=places.kampot_sangkat.code))
    learner = LearnerProfile.objects.get(phone="+85516222333")
    assert (learner.district, learner.commune) == (places.kampot_town, places.kampot_sangkat)


def test_district_and_commune_may_stay_empty_for_a_provincial_officer(client, places):
    response = client.post("/km/account/register/", registration(places, district="", commune=""))
    assert response.status_code == 302
    learner = LearnerProfile.objects.get(phone="+85516222333")
    assert (learner.district, learner.commune) == (None, None)


def test_the_empty_choice_says_what_it_means(client, places):
    html = client.get("/en/account/register/?province=07").content.decode()
    assert f'<option value="" selected>{NO_COMMUNE}</option>' in select(html, "commune")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        # A commune of another district of the province.
        ({"district": "0701", "commune": "070801"}, "commune", COMMUNE_OUTSIDE_DISTRICT),
        # A commune or a district of another province: not among the choices.
        ({"district": "", "commune": "210101"}, "commune", None),
        ({"district": "2101", "commune": ""}, "district", None),
        # The hidden province changed to Takeo: Kampot's places are no longer among the choices.
        ({"province": "21"}, "commune", None),
    ],
)
def test_places_that_do_not_belong_together_are_refused(client, places, overrides, field, message):
    users = get_user_model().objects.count()
    response = client.post("/en/account/register/", registration(places, **overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    if message is not None:
        assert str(message) in errors[field]
    assert get_user_model().objects.count() == users


def test_after_registering_the_learner_goes_where_they_were_going_in_their_language(client, places):
    first = client.get("/en/account/register/?next=/km/some-module/").content.decode()
    assert 'name="next" value="/en/some-module/"' in first
    response = client.post("/en/account/register/", {**registration(places), "next": "/km/some-module/"})
    assert response["Location"] == "/en/some-module/"


def test_an_outside_next_is_ignored_after_registering(client, places):
    response = client.post("/en/account/register/", {**registration(places), "next": "https://evil.example/"})
    assert response["Location"] == "/en/account/"
