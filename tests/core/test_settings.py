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
)


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
    result = run_with(SECRET_KEY="x" * 60, ALLOWED_HOSTS="training.example.org, www.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "DEBUG False ['training.example.org', 'www.example.org']" in result.stdout
