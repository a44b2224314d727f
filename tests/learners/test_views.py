"""Learner-facing and coordinator pages: registration, profile, passwords, the confirmation queue. Bad input
gets a message next to the field and nothing is saved."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from learners.forms import NEED_PHONE_OR_USERNAME, PASSWORDS_DIFFER
from learners.models import PHONE_TAKEN, Confirmation, LearnerProfile
from learners.phone import INVALID_PHONE

from .conftest import PASSWORD

REGISTER = "/km/account/register/"


def registration(places, **overrides):
    data = {
        "full_name_km": "ម៉ៅ សុភា",
        "gender": "female",
        "role": "commune_council",
        "province": places.kampot.code,
        "unit": "ឃុំអង្គភ្នំតូច",
        "phone": "+855 16 222 333",
        "username": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("language", ["km", "en"])
def test_registration_page_in_both_languages(client, places, language):
    response = client.get(f"/{language}/account/register/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()
    assert 'name="province"' in response.content.decode()  # first the province, then its places and the rest
    details = client.get(f"/{language}/account/register/?province={places.kampot.code}")
    assert 'name="phone"' in details.content.decode()


def test_registration_signs_in_and_waits_for_confirmation(client, places):
    response = client.post(REGISTER, registration(places))
    assert response.status_code == 302
    learner = LearnerProfile.objects.get(phone="+85516222333")
    assert learner.confirmation == Confirmation.PENDING
    assert learner.user.username == "016222333"
    assert client.session["_auth_user_id"] == str(learner.user.pk)
    profile = client.get(response["Location"]).content.decode()
    assert learner.full_name_km in profile


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"phone": "12-34"}, "phone", INVALID_PHONE),
        ({"phone": "012 345 678"}, "phone", PHONE_TAKEN),
        ({"phone": "", "username": ""}, "phone", NEED_PHONE_OR_USERNAME),
        ({"password2": "something-else"}, "password2", PASSWORDS_DIFFER),
        ({"province": "99"}, "province", None),
        ({"full_name_km": ""}, "full_name_km", None),
        ({"password1": "12345678", "password2": "12345678"}, "password1", None),
    ],
)
def test_registration_rejects_bad_input_next_to_the_field(client, people, places, overrides, field, message):
    users_before = get_user_model().objects.count()
    response = client.post(REGISTER, registration(places, **overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    if message is not None:
        assert str(message) in errors[field]
    assert get_user_model().objects.count() == users_before


def test_profile_edit_and_bad_phone(client, people, places):
    client.force_login(people.kampot_learner.user)
    url = reverse("learners:profile_edit")
    form = client.get(url).context["form"]
    assert list(form.fields["district"].queryset) == [places.kampot_district, places.kampot_town]
    data = {
        "full_name_km": "សុខ ចន្ថា",
        "full_name_latin": "Sok Chantha",
        "gender": "female",
        "role": "police_officer",
        "province": places.kampot.code,
        "district": places.kampot_district.code,
        "commune": places.kampot_commune.code,
        "unit": "ប៉ុស្តិ៍នគរបាល",
        "phone": "097 765 4321",  # the Takeo learner's number
        "email": "",
    }
    response = client.post(url, data)
    assert PHONE_TAKEN in response.context["form"].errors["phone"]
    data["phone"] = "012 345 678"
    assert client.post(url, data).status_code == 302
    people.kampot_learner.refresh_from_db()
    assert people.kampot_learner.commune == places.kampot_commune
    assert people.kampot_learner.full_name_latin == "Sok Chantha"


def test_profile_edit_refuses_a_commune_of_another_province(client, people, places):
    client.force_login(people.kampot_learner.user)
    response = client.post(
        reverse("learners:profile_edit"),
        {
            "full_name_km": "x",
            "gender": "female",
            "role": "police_officer",
            "province": places.kampot.code,
            "commune": places.takeo_commune.code,
        },
    )
    assert "commune" in response.context["form"].errors


def test_password_change(client, people):
    client.force_login(people.kampot_learner.user)
    url = reverse("learners:password_change")
    bad = client.post(url, {"old_password": "wrong", "new_password1": "x", "new_password2": "x"})
    assert "old_password" in bad.context["form"].errors
    good = client.post(
        url, {"old_password": PASSWORD, "new_password1": "new-secret-42", "new_password2": "new-secret-42"}
    )
    assert good.status_code == 302
    people.kampot_learner.user.refresh_from_db()
    assert people.kampot_learner.user.check_password("new-secret-42")
    assert client.get(reverse("learners:profile")).status_code == 200  # still signed in


def test_waiting_list_confirm_and_reject_in_one_click(client, people, places):
    client.post(REGISTER, registration(places))
    client.post(reverse("learners:sign_out"))
    waiting = LearnerProfile.objects.get(phone="+85516222333")
    client.force_login(people.kampot_coordinator)
    page = client.get(reverse("learners:waiting")).content.decode()
    assert waiting.full_name_km in page
    response = client.post(reverse("learners:learner_confirm", args=[waiting.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("learners:waiting")
    waiting.refresh_from_db()
    assert waiting.confirmation == Confirmation.CONFIRMED
    assert waiting.full_name_km not in client.get(reverse("learners:waiting")).content.decode()
    # Deciding twice is refused with a message, not a crash.
    again = client.post(reverse("learners:learner_reject", args=[waiting.pk]), follow=True)
    assert again.status_code == 200
    waiting.refresh_from_db()
    assert waiting.confirmation == Confirmation.CONFIRMED


def test_waiting_list_shows_only_the_coordinators_provinces(client, people, places):
    client.post(REGISTER, registration(places, province=places.takeo.code))
    client.post(reverse("learners:sign_out"))
    client.force_login(people.kampot_coordinator)
    assert "ម៉ៅ សុភា" not in client.get(reverse("learners:waiting")).content.decode()
    client.force_login(people.national)
    assert "ម៉ៅ សុភា" in client.get(reverse("learners:waiting")).content.decode()


def test_coordinator_creates_a_learner_and_sees_the_password_once(client, people, places):
    client.force_login(people.kampot_coordinator)
    form = client.get(reverse("learners:learner_create")).context["form"]
    assert list(form.fields["province"].queryset) == [places.kampot]
    response = client.post(
        reverse("learners:learner_create"),
        {
            "full_name_km": "ហេង វិចិត្រ",
            "gender": "male",
            "role": "police_officer",
            "province": places.kampot.code,
            "district": places.kampot_town.code,
            "phone": "011 999 888",
        },
    )
    assert response.status_code == 200
    password = response.context["password"]
    learner = LearnerProfile.objects.get(phone="+85511999888")
    assert learner.confirmation == Confirmation.CONFIRMED
    assert learner.created_by == people.kampot_coordinator
    assert password in response.content.decode()
    client.logout()
    assert client.post("/km/account/sign-in/", {"username": "011 999 888", "password": password}).status_code == 302


def test_password_reset_by_coordinator_works_for_the_learner(client, people):
    client.force_login(people.kampot_coordinator)
    url = reverse("learners:learner_password", args=[people.kampot_learner.pk])
    assert client.get(url).status_code == 200
    password = client.post(url).context["password"]
    client.logout()
    assert client.post("/km/account/sign-in/", {"username": "officer", "password": password}).status_code == 302


def test_sign_in_page_and_account_link_in_the_header(client, people):
    page = client.get("/en/account/sign-in/").content.decode()
    assert "Username or phone number" in page
    assert 'href="/en/account/sign-in/"' in page
    client.force_login(people.kampot_learner.user)
    with translation.override("en"):
        profile = client.get("/en/account/").content.decode()
    assert 'href="/en/account/"' in profile


def test_sign_out_needs_post_and_signs_out(client, people):
    client.force_login(people.kampot_learner.user)
    assert client.post(reverse("learners:sign_out")).status_code == 302
    assert client.get(reverse("learners:profile")).status_code == 302
