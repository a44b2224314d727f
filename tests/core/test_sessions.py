"""Sessions and the signed-in account are Django's own (database store, ModelBackend.get_user); production reads
sessions through a cache every worker shares (files on one machine, Redis with REDIS_URL), written through to the
database."""

import os
import subprocess
import sys
from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.models import Session
from django.utils import timezone

from learners.backends import PhoneOrUsernameBackend
from tests.core.test_settings import COMPLETE
from tests.factories import UserFactory

PRINT_ENGINE = (
    "import django\nfrom django.conf import settings\ndjango.setup()\n"
    "print(settings.SESSION_ENGINE, settings.CACHES[settings.SESSION_CACHE_ALIAS]['BACKEND'])\n"
)


def SessionStore(**kwargs):  # noqa: N802  (stands for the configured engine's class)
    return import_module(settings.SESSION_ENGINE).SessionStore(**kwargs)


def production_session_engine(**env: str) -> str:
    clean_env = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", PRINT_ENGINE],
        cwd=settings.BASE_DIR,
        env={**clean_env, **COMPLETE, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip()


@pytest.fixture
def store(db):
    session = SessionStore()
    session["colour"] = "blue"
    session.create()
    return session


def test_sessions_use_django_s_database_store():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_production_caches_sessions_only_in_a_cache_every_worker_shares():
    """A per-process cache would keep a signed-out session alive in the other workers."""
    cached_db = "django.contrib.sessions.backends.cached_db"
    one_machine = production_session_engine()
    assert one_machine == f"{cached_db} django.core.cache.backends.filebased.FileBasedCache"
    redis = production_session_engine(REDIS_URL="redis://127.0.0.1:6379/0")
    assert redis == f"{cached_db} django.core.cache.backends.redis.RedisCache"


def test_a_sign_out_in_one_worker_ends_the_session_in_every_other(db, settings, tmp_path):
    """Two workers of one machine, each with its own file cache over the same folder, as gunicorn runs them."""
    from django.contrib.sessions.backends.cached_db import SessionStore as CachedStore

    folder = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": tmp_path / "sessions"}
    settings.CACHES = {**settings.CACHES, "worker-a": folder, "worker-b": dict(folder)}

    def in_worker(worker: str, **kwargs):
        settings.SESSION_CACHE_ALIAS = f"worker-{worker}"
        return CachedStore(**kwargs)

    signed_in = in_worker("a")
    signed_in["_auth_user_id"] = "7"
    signed_in.create()
    key = signed_in.session_key
    Session.objects.filter(session_key=key).update(session_data="tampered")  # read from the cache, not the database
    assert in_worker("b", session_key=key)["_auth_user_id"] == "7"
    in_worker("a", session_key=key).delete()
    assert in_worker("b", session_key=key).load() == {}
    assert not Session.objects.filter(session_key=key).exists()


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


def test_the_signed_in_account_is_loaded_by_django_and_only_while_active(db):
    assert PhoneOrUsernameBackend.get_user is ModelBackend.get_user
    user = UserFactory(username="sokha")
    backend = PhoneOrUsernameBackend()
    assert backend.get_user(user.pk) == user
    user.is_active = False
    user.save()
    assert backend.get_user(user.pk) is None
    assert backend.get_user(999999) is None


def test_a_signed_in_client_stays_signed_in_and_signing_out_ends_it(client, site_tree):
    user = UserFactory(username="dara")
    client.force_login(user)
    assert client.get("/km/training/").status_code == 200
    client.logout()
    assert client.get("/km/training/").status_code == 302
