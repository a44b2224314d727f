"""/health/ fails when the site cannot save, and a full disk gets its own error page in both languages."""

import sqlite3

import psycopg.errors
import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import OperationalError, connection
from django.test import Client

from core import health
from core.health import is_storage_full

WRITES = ("INSERT", "UPDATE", "DELETE")
FULL_KM = "គេហទំព័រមិនអាចរក្សាទុកបានជាបណ្តោះអាសន្ន"
FULL_EN = "The site is temporarily unable to save"


def failing_writes(message: str, cause: Exception):
    """A database that still reads but refuses every write with this error, as a full disk does."""

    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(WRITES):
            raise OperationalError(message) from cause
        return execute(sql, params, many, context)

    return wrapper


@pytest.fixture(autouse=True)
def fresh_check():
    health.forget()
    yield
    health.forget()


def sqlite_full():
    return failing_writes("database or disk is full", sqlite3.OperationalError("database or disk is full"))


@pytest.mark.django_db
def test_health_says_ok_and_leaves_no_probe_behind():
    response = Client().get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]
    assert not Session.objects.filter(session_key__startswith="health-").exists()


@pytest.mark.django_db
def test_health_fails_when_the_database_cannot_save():
    with connection.execute_wrapper(sqlite_full()):
        response = Client().get("/health/")
        assert response.status_code == 503
        assert response.content.decode().splitlines() == ["database: disk full"]
        health.forget()
        assert Client().get("/health/").status_code == 503


@pytest.mark.django_db
def test_the_answer_is_kept_for_a_few_seconds(settings):
    """Load balancers poll often; the probe runs once per HEALTH_CHECK_SECONDS in each process."""
    assert Client().get("/health/").status_code == 200
    with connection.execute_wrapper(sqlite_full()):
        assert Client().get("/health/").status_code == 200  # remembered
        settings.HEALTH_CHECK_SECONDS = 0
        assert Client().get("/health/").status_code == 503


@pytest.mark.django_db
def test_health_fails_on_a_read_only_database():
    readonly = failing_writes("attempt to write a readonly database", sqlite3.OperationalError("readonly"))
    with connection.execute_wrapper(readonly):
        response = Client().get("/health/")
    assert response.status_code == 503
    assert response.content.decode().splitlines() == ["database: cannot write"]


@pytest.mark.django_db
def test_health_fails_when_the_disk_is_nearly_full(settings):
    settings.HEALTH_MIN_FREE_BYTES = 2**62  # more than any disk holds: every checked folder is "nearly full"
    response = Client().get("/health/")
    assert response.status_code == 503
    lines = response.content.decode().splitlines()
    assert lines[-1].startswith("media: disk nearly full (")
    if connection.vendor == "sqlite":
        assert lines[0].startswith("database: disk nearly full (")
        assert len(lines) == 2
    else:
        assert len(lines) == 1  # the PostgreSQL server's disk is not visible from here; its write probe is


@pytest.mark.django_db
def test_sign_in_on_a_full_disk_says_the_site_cannot_save_in_both_languages():
    User.objects.create_user(username="officer", password="a-long-password-1")  # noqa: S106
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(sqlite_full()):
        response = client.post("/en/account/sign-in/", {"username": "officer", "password": "a-long-password-1"})
    assert response.status_code == 503
    assert response["Retry-After"] == "300"
    html = response.content.decode()
    assert FULL_KM in html
    assert FULL_EN in html
    assert "Something went wrong" not in html


def test_a_sqlite_disk_io_error_counts_as_full_only_when_the_disk_is_nearly_full(settings):
    """What SQLite in WAL mode raised on a really full file system (it could not grow its -shm file)."""
    io_error = sqlite3.OperationalError("disk I/O error")
    io_error.sqlite_errorcode = sqlite3.SQLITE_IOERR | (19 << 8)  # SQLITE_IOERR_SHMSIZE
    try:
        raise OperationalError("disk I/O error") from io_error
    except OperationalError as error:
        wrapped = error
    if connection.vendor == "sqlite":
        assert not is_storage_full(wrapped)  # a failing disk with room left is not "full"
        settings.HEALTH_MIN_FREE_BYTES = 2**62
        assert is_storage_full(wrapped)
    else:
        settings.HEALTH_MIN_FREE_BYTES = 2**62
        assert not is_storage_full(wrapped)  # not SQLite's disk: nothing to measure


def test_storage_full_is_recognised_from_sqlite_postgresql_and_the_disk():
    assert is_storage_full(OSError(28, "No space left on device"))
    try:
        raise OperationalError("could not extend file") from psycopg.errors.DiskFull("could not extend file")
    except OperationalError as error:
        assert is_storage_full(error)
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    assert is_storage_full(full)
    assert not is_storage_full(OperationalError("database is locked"))
    assert not is_storage_full(RuntimeError("simulated failure"))
    assert not is_storage_full(None)


@pytest.mark.django_db
def test_health_fails_when_a_cache_cannot_be_reached(monkeypatch):
    """With Redis down, sessions and kept pages are gone: the load balancer must take the server out."""
    from django.core.cache import caches

    def unreachable(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(caches["pages"], "set", unreachable)
    response = Client().get("/health/")
    assert response.status_code == 503
    assert response.content.decode().splitlines() == ["cache pages: unreachable"]
    assert "6379" not in response.content.decode()  # reasons stay short and say nothing of the set-up
