"""Staff two-step sign-in: required staff are sent to set it up before the admin or coordinators' screens; once set
up, a password alone no longer reaches them; codes are checked and throttled; staff sessions end when idle."""

import binascii
import time
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from learners import two_factor
from learners.lockout_admin import SUPERUSER_ONLY
from learners.two_factor_views import SET_UP
from tests.factories import SuperuserFactory

from .conftest import PASSWORD

REQUIRED = override_settings(LEARNERS_TWO_FACTOR_REQUIRED_GROUPS=["Administrator", "National coordinator"])
SETUP = "/km/account/two-factor/setup/"
VERIFY = "/km/account/two-factor/verify/"


def code_for(secret_hex: str, *, steps_ago: int = 0) -> str:
    totp = TOTP(binascii.unhexlify(secret_hex), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time() - 30 * steps_ago
    return f"{totp.token():06d}"


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 302
    return response


@pytest.fixture
def clock(monkeypatch):
    """Django's clock stands still unless moved (django-otp's throttle reads it), so waits are exact."""
    now = [timezone.now()]
    monkeypatch.setattr(timezone, "now", lambda: now[0])

    def advance(seconds):
        now[0] += timedelta(seconds=seconds)

    return advance


def device_for(user) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="phone", key=two_factor.new_secret(), confirmed=True)
    return device


@REQUIRED
@pytest.mark.parametrize("who", ["national", "administrator", "admin"])
def test_required_staff_are_sent_to_setup_before_the_admin(client, people, who):
    sign_in(client, getattr(people, who).username)
    for url in ("/admin/", "/admin/reports/provinces/", "/km/coordinate/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{SETUP}?next={url.replace('/', '%2F')}"


@REQUIRED
@pytest.mark.parametrize("who", ["kampot_coordinator", "trainer"])
def test_staff_not_required_reach_the_admin_with_a_password(client, people, who):
    sign_in(client, getattr(people, who).username)
    assert client.get("/admin/").status_code == 200


@REQUIRED
def test_setup_shows_a_qr_code_and_the_secret_and_turns_it_on_with_a_right_code(client, people):
    sign_in(client, "ngocrc")
    page = client.get(f"{SETUP}?next=/admin/")
    assert page.status_code == 200
    secret = client.session[two_factor.SETUP_KEY_SESSION]
    html = page.content.decode()
    assert "<svg" in html and two_factor.secret_text(secret) in html
    assert len(two_factor.secret_text(secret).replace(" ", "")) == 32  # 20 bytes in base32

    wrong = client.post(SETUP, {"token": "000000" if code_for(secret) != "000000" else "111111", "next": "/admin/"})
    assert wrong.status_code == 200
    assert str(two_factor.WRONG_CODE) in wrong.content.decode()
    assert not TOTPDevice.objects.exists()  # nothing half-saved

    done = client.post(SETUP, {"token": code_for(secret), "next": "/admin/"}, follow=True)
    assert done.redirect_chain[0] == ("/admin/", 302)
    assert done.status_code == 200
    device = TOTPDevice.objects.get(user=people.national)
    assert device.confirmed and device.key == secret
    assert str(SET_UP) in [str(m) for m in done.context["messages"]]


@REQUIRED
def test_with_a_device_a_password_alone_stops_at_the_code(client, people, clock):
    device = device_for(people.national)
    sign_in(client, "ngocrc")
    response = client.get("/km/coordinate/export.csv")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fkm%2Fcoordinate%2Fexport.csv"
    # Setting up a new app needs the current one first: a stolen password cannot replace the second factor.
    assert client.get(SETUP)["Location"].startswith(VERIFY)

    wrong = client.post(VERIFY, {"token": "12345", "next": "/admin/"})
    assert str(two_factor.WRONG_CODE) in wrong.content.decode()
    clock(2)  # past django-otp's wait after a wrong code
    right = client.post(VERIFY, {"token": code_for(device.key), "next": "/admin/"})
    assert right.status_code == 302 and right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    # The same code cannot verify a second session.
    other = client.__class__()
    sign_in(other, "ngocrc")
    replay = other.post(VERIFY, {"token": code_for(device.key), "next": "/admin/"})
    assert str(two_factor.WRONG_CODE) in replay.content.decode()


def test_a_device_is_asked_for_even_when_not_required(client, people):
    device_for(people.trainer)
    sign_in(client, "trainer")
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"


def test_wrong_codes_are_throttled(client, people, clock):
    device = device_for(people.administrator)
    sign_in(client, "administrator")
    for failures in range(1, 4):
        wrong = client.post(VERIFY, {"token": "000001" if code_for(device.key) != "000001" else "000002"})
        assert str(two_factor.WRONG_CODE) in wrong.content.decode()
        # Even the right code waits: 1, 2, then 4 seconds after the 1st, 2nd, 3rd wrong one.
        response = client.post(VERIFY, {"token": code_for(device.key)})
        assert response.status_code == 200
        assert str(two_factor.TOO_MANY_CODES % {"seconds": 2 ** (failures - 1)}) in response.content.decode()
        clock(2 ** (failures - 1))
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    assert client.post(VERIFY, {"token": code_for(device.key)})["Location"] == "/admin/"


def test_next_cannot_send_someone_to_another_site(client, people):
    device = device_for(people.administrator)
    sign_in(client, "administrator")
    response = client.post(VERIFY, {"token": code_for(device.key), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_learners_have_no_setup_page(client, people):
    client.force_login(people.kampot_learner.user)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"] == reverse("learners:profile")


def test_staff_sessions_end_after_a_working_day_idle_and_learners_keep_long_ones(client, people, settings):
    sign_in(client, "kampot-coordinator")
    assert client.session.get_expiry_age() == settings.LEARNERS_STAFF_SESSION_IDLE_SECONDS == 8 * 60 * 60
    learner = client.__class__()
    learner.post(reverse("learners:sign_in"), {"username": "officer", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2")
    assert learner.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 14 * 24 * 60 * 60


def test_an_active_staff_session_moves_its_expiry_forward(client, people, monkeypatch):
    sign_in(client, "kampot-coordinator")
    session = client.session
    first = session.get_expiry_date()
    later = time.time() + two_factor.SLIDE_EVERY_SECONDS + 1
    monkeypatch.setattr(two_factor.time, "time", lambda: later)
    assert client.get("/admin/").status_code == 200
    assert client.session[two_factor.STAFF_SEEN_SESSION] == int(later)
    assert client.session.get_expiry_date() > first


def test_an_administrator_turns_off_a_lost_phones_two_factor(client, people):
    device_for(people.national)
    client.force_login(people.administrator)
    response = client.post(reverse("learners_two_factor_off"), {"username": "ngocrc"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=people.national).exists()
    coordinator = client.__class__()
    coordinator.force_login(people.kampot_coordinator)
    device_for(people.national)
    refused = coordinator.post(reverse("learners_two_factor_off"), {"username": "ngocrc"})
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's answer to "not allowed"
    assert TOTPDevice.objects.filter(user=people.national).exists()


def test_only_a_superuser_turns_off_a_superuser_s_two_factor(client, people):
    device_for(people.admin)
    client.force_login(people.administrator)  # the Administrator group, not a superuser
    response = client.post(reverse("learners_two_factor_off"), {"username": "root"}, follow=True)
    assert [str(message) for message in response.context["messages"]] == [str(SUPERUSER_ONLY)]
    assert TOTPDevice.objects.filter(user=people.admin).exists()
    superuser = client.__class__()
    superuser.force_login(SuperuserFactory(username="second-root"))  # without a device of their own
    superuser.post(reverse("learners_two_factor_off"), {"username": "root"})
    assert not TOTPDevice.objects.filter(user=people.admin).exists()
