"""Registration from one network address is capped, so no one can create accounts or try phone numbers without
end; the cap is generous enough for a workshop on one Wi-Fi, and a refused number does not name its owner."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import translation

from learners.models import PHONE_TAKEN, LearnerProfile
from learners.registration_limits import REGISTRATION_LIMITED

from .conftest import PASSWORD

REGISTER = "/en/account/register/"
WORKSHOP = "203.0.113.7"


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.LEARNERS_REGISTRATION_ADDRESS_LIMIT = 3
    settings.LEARNERS_REGISTRATION_WINDOW_MINUTES = 60


@pytest.fixture
def from_address(monkeypatch):
    """The address the sign-in lockout sees (learners.lockout.client_address) is the one counted."""
    where = {"address": WORKSHOP}
    monkeypatch.setattr("learners.lockout.client_address", lambda request: where["address"])
    return where


def form(places, number, **overrides):
    return {
        "full_name_km": "ម៉ៅ សុភា",
        "gender": "female",
        "role": "commune_council",
        "province": places.kampot.code,
        "phone": f"016 222 {number:03d}",
        "username": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }


def register(client, data, *, path=REGISTER):
    response = client.post(path, data)
    client.logout()  # registration signs the new learner in
    return response


def limited_message(language="en") -> str:
    with translation.override(language):
        return REGISTRATION_LIMITED % {"minutes": 60}


def test_the_fourth_registration_from_one_address_is_refused(client, places, from_address):
    for number in range(3):
        assert register(client, form(places, number)).status_code == 302
    users_before = get_user_model().objects.count()
    response = register(client, form(places, 3))
    assert response.status_code == 429
    assert response.context["form"].non_field_errors() == [limited_message()]
    assert get_user_model().objects.count() == users_before
    # Another address is not affected.
    from_address["address"] = "198.51.100.20"
    assert register(client, form(places, 3)).status_code == 302
    assert LearnerProfile.objects.filter(phone="+85516222003").exists()


def test_refused_phone_numbers_count_too(client, people, places, from_address):
    """Trying numbers to find out who has an account spends the same allowance."""
    for _attempt in range(3):
        response = register(client, form(places, 0, phone="012 345 678"))
        assert response.status_code == 200
        assert response.context["form"].errors["phone"] == [str(PHONE_TAKEN)]
    assert register(client, form(places, 9)).status_code == 429


def test_typing_mistakes_do_not_use_up_a_workshops_allowance(client, places, from_address):
    for _attempt in range(5):
        response = register(client, form(places, 0, password2="not-the-same"))
        assert response.status_code == 200
    assert register(client, form(places, 0)).status_code == 302


def test_ipv6_addresses_of_one_subscriber_share_an_allowance(client, places, from_address):
    for number in range(3):
        from_address["address"] = f"2001:db8:1:2::{number + 1}"
        assert register(client, form(places, number)).status_code == 302
    from_address["address"] = "2001:db8:1:2:ffff::9"  # same /64
    assert register(client, form(places, 3)).status_code == 429
    from_address["address"] = "2001:db8:1:3::1"  # another subscriber
    assert register(client, form(places, 3)).status_code == 302


def test_the_refusal_reads_in_khmer(client, places, from_address):
    for number in range(3):
        register(client, form(places, number), path="/km/account/register/")
    response = register(client, form(places, 3), path="/km/account/register/")
    assert response.status_code == 429
    message = limited_message("km")
    assert message != limited_message("en") and message in response.content.decode()


@override_settings(LEARNERS_REGISTRATION_ADDRESS_LIMIT=1)
def test_the_limit_is_a_setting(client, places, from_address):
    assert register(client, form(places, 0)).status_code == 302
    assert register(client, form(places, 1)).status_code == 429


def test_the_taken_phone_message_names_no_one_and_points_to_sign_in(client, people, places, from_address):
    response = register(client, form(places, 0, phone="012 345 678"))
    page = response.content.decode()
    assert response.context["form"].errors["phone"] == [str(PHONE_TAKEN)]
    assert "sign in" in str(PHONE_TAKEN) and "learner" not in str(PHONE_TAKEN)
    assert people.kampot_learner.full_name_km not in page


def test_a_phone_number_typed_as_username_says_nothing_about_its_owner(places, people):
    """Usernames default to the phone number: "taken" would confirm that the number has an account."""
    from django.core.exceptions import ValidationError

    from learners.services import USERNAME_IS_A_PHONE, LearnerDetails, learner_register

    owner = people.kampot_learner.user
    owner.username = "012345678"
    owner.save()

    def username_error(username):
        details = LearnerDetails(
            full_name_km="ម៉ៅ សុភា", role="police_officer", gender="female", province=places.kampot, phone="016 111 222"
        )
        with pytest.raises(ValidationError) as raised:
            learner_register(details=details, username=username, password=PASSWORD)
        return raised.value.message_dict["username"]

    # A number with an account and one without get the same answer.
    assert username_error("012345678") == username_error("012999888") == [str(USERNAME_IS_A_PHONE)]
