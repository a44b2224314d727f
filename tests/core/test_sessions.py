"""The session store and the account lookup every signed-in request makes (core.sessions, learners.backends)."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from core.sessions import SessionStore
from learners.backends import PhoneOrUsernameBackend
from tests.factories import UserFactory


@pytest.fixture
def store(db):
    session = SessionStore()
    session["colour"] = "blue"
    session.create()
    return session


def test_a_live_session_loads(store):
    assert SessionStore(session_key=store.session_key)["colour"] == "blue"


def test_an_expired_session_reads_as_empty_and_forgets_its_key(store):
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    expired = SessionStore(session_key=store.session_key)
    assert expired.load() == {}
    assert expired.session_key is None


@pytest.mark.parametrize("key", ["unknown-but-long-enough-key", "x"])
def test_unknown_or_malformed_keys_read_as_empty(db, key):
    session = SessionStore(session_key=key)
    assert session.load() == {} and session.session_key is None


def test_the_signed_in_account_is_loaded_only_while_active(db):
    user = UserFactory(username="sokha")
    backend = PhoneOrUsernameBackend()
    assert backend.get_user(str(user.pk)) == user
    assert backend.get_user(user.pk).username == "sokha"
    user.is_active = False
    user.save()
    assert backend.get_user(str(user.pk)) is None
    assert backend.get_user("999999") is None
    assert backend.get_user("not-a-number") is None


def test_a_signed_in_client_stays_signed_in_and_signing_out_ends_it(client, site_tree):
    user = UserFactory(username="dara")
    client.force_login(user)
    assert client.get("/km/training/").status_code == 200
    client.logout()
    assert client.get("/km/training/").status_code == 302
