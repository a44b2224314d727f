"""Production settings take every secret from the environment and refuse to start without them."""

import os
import subprocess
import sys

from django.conf import settings

IMPORT_SETTINGS = (
    "import django\n"
    "from django.conf import settings\n"
    "try:\n"
    "    django.setup()\n"
    "except Exception as error:\n"
    "    print(type(error).__name__, error)\n"
    "    raise SystemExit(3)\n"
    "print('DEBUG', settings.DEBUG, settings.ALLOWED_HOSTS)\n"
    "for name in ('LEARNERS_TRUSTED_PROXY_COUNT', 'WAGTAIL_PASSWORD_RESET_ENABLED', 'EMAIL_BACKEND', 'EMAIL_HOST',\n"
    "             'EMAIL_USE_TLS', 'DEFAULT_FROM_EMAIL', 'LEARNERS_TWO_FACTOR_REQUIRED_GROUPS'):\n"
    "    print(name, repr(getattr(settings, name)))\n"
)
COMPLETE = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "training.example.org",
    "WAGTAILADMIN_BASE_URL": "https://t.example",
}


def run_with(**env: str) -> subprocess.CompletedProcess:
    clean_env = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "config.settings.production", **env}
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", IMPORT_SETTINGS],
        cwd=settings.BASE_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_refuses_to_start_without_secret_key():
    result = run_with(ALLOWED_HOSTS="training.example.org")
    assert result.returncode == 3, result.stderr
    assert "ImproperlyConfigured Set the SECRET_KEY environment variable." in result.stdout


def test_refuses_a_blank_secret_key():
    result = run_with(SECRET_KEY="   ", ALLOWED_HOSTS="training.example.org")
    assert result.returncode == 3, result.stderr
    assert "SECRET_KEY" in result.stdout


def test_refuses_to_start_without_allowed_hosts():
    result = run_with(SECRET_KEY="x" * 60)
    assert result.returncode == 3, result.stderr
    assert "ImproperlyConfigured Set the ALLOWED_HOSTS environment variable." in result.stdout


def test_starts_with_debug_off_when_the_environment_is_complete():
    """Control for the tests above: the same import succeeds once the variables are set."""
    result = run_with(**{**COMPLETE, "ALLOWED_HOSTS": "training.example.org, www.example.org"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "DEBUG False ['training.example.org', 'www.example.org']" in result.stdout


def test_refuses_to_start_without_the_public_address():
    """Links in e-mails would otherwise point at 127.0.0.1."""
    result = run_with(SECRET_KEY="x" * 60, ALLOWED_HOSTS="training.example.org")
    assert result.returncode == 3, result.stderr
    assert "ImproperlyConfigured Set the WAGTAILADMIN_BASE_URL environment variable." in result.stdout


def test_trusts_no_proxy_and_sends_no_mail_by_default():
    result = run_with(**COMPLETE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LEARNERS_TRUSTED_PROXY_COUNT 0\n" in result.stdout
    # Without a mail server, "forgot password" would promise an e-mail that never leaves: it is off.
    assert "WAGTAIL_PASSWORD_RESET_ENABLED False\n" in result.stdout
    assert "EMAIL_BACKEND 'django.core.mail.backends.dummy.EmailBackend'\n" in result.stdout
    assert "LEARNERS_TWO_FACTOR_REQUIRED_GROUPS ['Administrator', 'National coordinator']\n" in result.stdout


def test_mail_and_proxies_come_from_the_environment():
    result = run_with(
        **COMPLETE,
        TRUSTED_PROXY_COUNT="1",
        EMAIL_HOST="smtp.example.org",
        DEFAULT_FROM_EMAIL="training@example.org",
        TWO_FACTOR_REQUIRED="0",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "LEARNERS_TRUSTED_PROXY_COUNT 1\n" in result.stdout
    assert "WAGTAIL_PASSWORD_RESET_ENABLED True\n" in result.stdout
    assert "EMAIL_HOST 'smtp.example.org'\n" in result.stdout and "EMAIL_USE_TLS True\n" in result.stdout
    assert "DEFAULT_FROM_EMAIL 'training@example.org'\n" in result.stdout
    assert "LEARNERS_TWO_FACTOR_REQUIRED_GROUPS []\n" in result.stdout


def test_a_mail_server_needs_a_sender_address():
    result = run_with(**COMPLETE, EMAIL_HOST="smtp.example.org")
    assert result.returncode == 3, result.stderr
    assert "ImproperlyConfigured Set the DEFAULT_FROM_EMAIL environment variable." in result.stdout
