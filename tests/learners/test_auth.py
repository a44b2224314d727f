"""Sign-in by username or phone, and brute-force lockout on both sign-in forms (site and Wagtail admin)."""

import pytest
from django.test import override_settings
from django.urls import reverse

from learners import lockout
from learners.forms import INVALID_SIGN_IN
from learners.models import SignInFailure

from .conftest import PASSWORD

SIGN_IN = "/km/account/sign-in/"


def sign_in(client, username, password, url=SIGN_IN, address="10.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.parametrize("identifier", ["officer", "012 345 678", "+855 12 345 678", "855-12-345-678"])
def test_sign_in_with_username_or_phone(client, people, identifier):
    response = sign_in(client, identifier, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(people.kampot_learner.user.pk)


def test_wrong_password_says_so_in_khmer_page_and_counts(client, people):
    response = sign_in(client, "officer", "wrong")
    assert response.status_code == 200
    assert str(INVALID_SIGN_IN) in response.content.decode()
    assert SignInFailure.objects.filter(user=people.kampot_learner.user).count() == 1


def test_account_locks_after_repeated_failures_even_with_the_right_password(client, people):
    for address in range(5):  # from several addresses: the account lock is per account
        sign_in(client, "012 345 678", "wrong", address=f"10.0.0.{address}")
    response = sign_in(client, "officer", PASSWORD, address="10.0.0.99")
    assert response.status_code == 200
    assert lockout.locked_message() in response.content.decode()
    assert "_auth_user_id" not in client.session
    # The refused attempt is not counted as one more guess.
    assert SignInFailure.objects.filter(user=people.kampot_learner.user).count() == 5


def test_lock_ends_when_a_coordinator_unlocks(client, people):
    for _attempt in range(5):
        sign_in(client, "officer", "wrong")
    assert lockout.account_locked(people.kampot_learner.user)
    coordinator = client.__class__()
    coordinator.force_login(people.kampot_coordinator)
    unlock_url = reverse("learners:learner_unlock", args=[people.kampot_learner.pk])
    detail = coordinator.get(reverse("learners:learner_detail", args=[people.kampot_learner.pk]))
    assert detail.context["locked"] and unlock_url in detail.content.decode()
    response = coordinator.post(unlock_url)
    assert response.status_code == 302
    assert sign_in(client, "officer", PASSWORD).status_code == 302


@override_settings(LEARNERS_LOCKOUT_ADDRESS_FAILURES=3)
def test_an_address_locks_after_many_failures_on_any_accounts(client, people):
    for name in ("nobody", "ghost", "council"):
        sign_in(client, name, "wrong", address="10.9.9.9")
    response = sign_in(client, "officer", PASSWORD, address="10.9.9.9")
    assert lockout.locked_message() in response.content.decode()
    assert sign_in(client, "officer", PASSWORD, address="10.1.1.1").status_code == 302


def test_successful_sign_in_clears_earlier_failures(client, people):
    for _attempt in range(3):
        sign_in(client, "officer", "wrong")
    assert sign_in(client, "officer", PASSWORD).status_code == 302
    assert not SignInFailure.objects.filter(user=people.kampot_learner.user).exists()


def test_wagtail_admin_sign_in_is_protected_too(client, people):
    for _attempt in range(5):
        sign_in(client, "trainer", "wrong", url="/admin/login/")
    response = sign_in(client, "trainer", PASSWORD, url="/admin/login/")
    assert response.status_code == 200
    assert lockout.locked_message() in response.content.decode()


def test_admin_sign_in_accepts_a_phone_number(client, people):
    response = sign_in(client, "012345678", PASSWORD, url="/admin/login/")
    assert response.status_code == 302


def test_client_address_behind_a_trusted_proxy(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert lockout.client_address(request) == "10.0.0.2"
    settings.LEARNERS_TRUSTED_PROXY_COUNT = 1
    # The address the proxy added is used; what the client wrote before it is ignored.
    assert lockout.client_address(request) == "203.0.113.7"
    assert lockout.client_address(rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="junk")) is None
