"""Settings for the test suite: fast hashing, in-memory cache, plain static storage."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="cfp-test-media-"))
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file rather than Django's shared in-memory database: the quiz concurrency tests need SQLite's real
    # locking (WAL, IMMEDIATE transactions, busy timeout) as deployments have it, not shared-cache table locks.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.mkdtemp(prefix="cfp-test-db-")) / "test.sqlite3")}  # noqa: F405
# Development data (the demo learners' activity, generate_load_data), as in the dev settings.
INSTALLED_APPS = [*INSTALLED_APPS, "devdata"]  # noqa: F405
# WhiteNoise warns on every request when STATIC_ROOT does not exist; tests serve static files through finders.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="cfp-test-static-"))
# Other apps' tests sign staff in with force_login; the two-factor tests turn the requirement on themselves.
LEARNERS_TWO_FACTOR_REQUIRED_GROUPS = []
