"""`make run` prints the demo accounts that exist and the address it serves on."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_prints_existing_demo_accounts_and_the_port(monkeypatch):
    UserFactory(username="admin")
    monkeypatch.setenv("PORT", "8123")
    monkeypatch.setenv("DEMO_PASSWORD", "secret-demo")
    out = StringIO()
    call_command("demo_logins", stdout=out)
    text = out.getvalue()
    assert "password: secret-demo" in text
    assert "admin" in text
    assert "trainer2" not in text  # only accounts that exist
    assert "http://127.0.0.1:8123/km/" in text


def test_prints_nothing_before_the_demo_is_loaded():
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert out.getvalue() == ""
