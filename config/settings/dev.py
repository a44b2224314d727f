"""Settings for `make run` on a developer's or trainer's own machine."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-never-use-in-production")  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# The demo's administrator and national coordinator sign in with a password alone unless TWO_FACTOR_REQUIRED=1,
# so that trying the site needs no authenticator app.
if os.environ.get("TWO_FACTOR_REQUIRED", "0") != "1":
    LEARNERS_TWO_FACTOR_REQUIRED_GROUPS = []
# Development data (the demo learners' activity, generate_load_data): never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devdata"]  # noqa: F405
# Text messages are printed in `make run`'s output instead of being sent (core.sms); SMS_BACKEND chooses another.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "core.sms.ConsoleBackend")
