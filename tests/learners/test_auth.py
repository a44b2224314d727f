"""Sign-in by username or phone, and brute-force protection on both sign-in forms (site and Wagtail admin):
the (account, address) lock, the address throttle, the account slow-down, and the same answer for unknown names."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from learners import lockout
from learners.forms import INVALID_SIGN_IN
from learners.models import SignInFailure

from .conftest import PASSWORD

SIGN_IN = "/km/account/sign-in/"


def sign_in(client, username, password, url=SIGN_IN, address="10.0.0.1", **extra):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def fail(client, username, times, address="10.0.0.1"):
    for _attempt in range(times):
        assert str(INVALID_SIGN_IN) in sign_in(client, username, "wrong", address=address).content.decode()


def age_failures(minutes):
    SignInFailure.objects.update(created_at=timezone.now() - timedelta(minutes=minutes))


@pytest.mark.parametrize("identifier", ["officer", "012 345 678", "+855 12 345 678", "855-12-345-678"])
def test_sign_in_with_username_or_phone(client, people, identifier):
    response = sign_in(client, identifier, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(people.kampot_learner.user.pk)


def test_wrong_password_says_so_and_counts_against_the_account_and_address(client, people):
    response = sign_in(client, "officer", "wrong")
    assert response.status_code == 200
    assert str(INVALID_SIGN_IN) in response.content.decode()
    failure = SignInFailure.objects.get()
    assert (failure.account, failure.user, failure.address) == (
        f"user:{people.kampot_learner.user.pk}",
        people.kampot_learner.user,
        "10.0.0.1",
    )


def test_pair_locks_after_five_failures_but_the_owner_elsewhere_still_signs_in(client, people):
    fail(client, "012 345 678", 5, address="10.0.0.7")  # the phone and the username are one account
    response = sign_in(client, "officer", PASSWORD, address="10.0.0.7")
    assert response.status_code == 200
    assert lockout.locked_message() in response.content.decode()
    assert "_auth_user_id" not in client.session
    # The refused attempt is not counted as one more guess.
    assert SignInFailure.objects.count() == 5
    assert sign_in(client, "officer", PASSWORD, address="10.0.0.8").status_code == 302


@pytest.mark.parametrize("unknown", ["ghost", "011 222 333"])
def test_unknown_names_and_phones_get_the_same_answers_as_real_accounts(client, people, unknown):
    for _attempt in range(5):
        real = sign_in(client, "officer", "wrong", address="10.0.0.1")
        made_up = sign_in(client, unknown, "wrong", address="10.0.0.2")
        assert (real.status_code, made_up.status_code) == (200, 200)
        assert str(INVALID_SIGN_IN) in made_up.content.decode()
    real = sign_in(client, "officer", "wrong", address="10.0.0.1")
    made_up = sign_in(client, unknown, "wrong", address="10.0.0.2")
    assert lockout.locked_message() in real.content.decode()
    assert lockout.locked_message() in made_up.content.decode()
    assert str(INVALID_SIGN_IN) not in made_up.content.decode()


@override_settings(LEARNERS_LOCKOUT_ADDRESS_FAILURES=3)
def test_an_address_is_throttled_after_many_failures_on_any_accounts(client, people):
    for name in ("nobody", "ghost", "council"):
        sign_in(client, name, "wrong", address="10.9.9.9")
    response = sign_in(client, "officer", PASSWORD, address="10.9.9.9")
    assert lockout.locked_message() in response.content.decode()
    assert sign_in(client, "officer", PASSWORD, address="10.1.1.1").status_code == 302


@pytest.fixture
def clock(monkeypatch):
    """Time stands still unless the test moves it, so waits are exact whatever the machine's load."""
    now = [timezone.now()]
    monkeypatch.setattr(timezone, "now", lambda: now[0])

    def advance(seconds):
        now[0] += timedelta(seconds=seconds)

    return advance


@override_settings(LEARNERS_LOCKOUT_ACCOUNT_FAILURES=3)
def test_an_account_attacked_from_many_addresses_is_slowed_not_locked_for_its_owner(client, people, clock):
    owner = client.__class__()
    assert sign_in(owner, "officer", PASSWORD, address="10.5.5.5").status_code == 302  # the owner's phone
    owner.post(reverse("learners:sign_out"))
    for address in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        fail(client, "officer", 1, address=address)
    # At the limit (three), a try from yet another address must wait a second after the last failure ...
    response = sign_in(client, "officer", PASSWORD, address="192.0.2.200")
    assert response.status_code == 200
    assert str(lockout.SLOWED_DOWN % {"seconds": 1}) in response.content.decode()
    assert SignInFailure.objects.count() == 3  # a refused try is not a guess
    # ... and the wait doubles with every further failure.
    clock(1)
    fail(client, "officer", 1, address="192.0.2.4")
    response = sign_in(client, "officer", PASSWORD, address="192.0.2.201")
    assert str(lockout.SLOWED_DOWN % {"seconds": 2}) in response.content.decode()
    # The owner's browser carries the signed cookie from its earlier sign-in: no wait, from any address.
    assert sign_in(owner, "officer", PASSWORD, address="198.51.100.1").status_code == 302
    # A forged cookie is worth nothing.
    client.cookies[lockout.TRUSTED_BROWSER_COOKIE] = owner.cookies[lockout.TRUSTED_BROWSER_COOKIE].value + "x"
    response = sign_in(client, "officer", PASSWORD, address="192.0.2.201")
    assert str(lockout.SLOWED_DOWN % {"seconds": 2}) in response.content.decode()
    # Once the wait is over, anyone may try again (the owner on a new phone included).
    clock(2)
    assert sign_in(client.__class__(), "officer", PASSWORD, address="192.0.2.202").status_code == 302


def test_failures_expire_after_the_window_and_the_lock_lifts(client, people, settings):
    fail(client, "officer", 5)
    age_failures(settings.LEARNERS_LOCKOUT_MINUTES - 1)
    assert lockout.locked_message() in sign_in(client, "officer", PASSWORD).content.decode()
    age_failures(settings.LEARNERS_LOCKOUT_MINUTES + 1)
    assert sign_in(client, "officer", PASSWORD).status_code == 302


def test_lock_ends_when_a_coordinator_unlocks(client, people):
    fail(client, "officer", 5)
    assert lockout.account_locked(people.kampot_learner.user)
    coordinator = client.__class__()
    coordinator.force_login(people.kampot_coordinator)
    unlock_url = reverse("learners:learner_unlock", args=[people.kampot_learner.pk])
    detail = coordinator.get(reverse("learners:learner_detail", args=[people.kampot_learner.pk]))
    assert detail.context["locked"] and unlock_url in detail.content.decode()
    response = coordinator.post(unlock_url)
    assert response.status_code == 302
    assert sign_in(client, "officer", PASSWORD).status_code == 302


def test_successful_sign_in_forgets_only_its_own_addresss_failures(client, people):
    fail(client, "officer", 3, address="10.0.0.1")
    fail(client, "officer", 2, address="10.0.0.66")
    assert sign_in(client, "officer", PASSWORD, address="10.0.0.1").status_code == 302
    assert list(SignInFailure.objects.values_list("address", flat=True).distinct()) == ["10.0.0.66"]


def test_wagtail_admin_sign_in_is_protected_too(client, people):
    for _attempt in range(5):
        sign_in(client, "trainer", "wrong", url="/admin/login/")
    response = sign_in(client, "trainer", PASSWORD, url="/admin/login/")
    assert response.status_code == 200
    assert lockout.locked_message() in response.content.decode()


def test_admin_sign_in_accepts_a_phone_number(client, people):
    response = sign_in(client, "012345678", PASSWORD, url="/admin/login/")
    assert response.status_code == 302


def test_client_address_trusts_no_proxy_unless_told(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert settings.LEARNERS_TRUSTED_PROXY_COUNT == 0
    assert lockout.client_address(request) == "10.0.0.2"  # a header anyone can write changes nothing
    settings.LEARNERS_TRUSTED_PROXY_COUNT = 1
    # The address the proxy added is used; what the client wrote before it is ignored.
    assert lockout.client_address(request) == "203.0.113.7"
    assert lockout.client_address(rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="junk")) is None


def test_rotating_forwarded_for_does_not_escape_the_address_lock(client, people):
    for address in ("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"):
        sign_in(client, "officer", "wrong", HTTP_X_FORWARDED_FOR=address)
    response = sign_in(client, "officer", PASSWORD, HTTP_X_FORWARDED_FOR="9.9.9.9")
    assert lockout.locked_message() in response.content.decode()
