"""Settings for the test suite: fast hashing, in-memory cache, plain static storage, small demo media."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "learners.hashers.SlipPasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="cfp-test-media-"))
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file rather than Django's shared in-memory database: the quiz concurrency tests need SQLite's real
    # locking (WAL, IMMEDIATE transactions, busy timeout) as deployments have it, not shared-cache table locks.
    # A fixed path, so `pytest --reuse-db` finds the last run's database (migrations are then only checked, not
    # replayed). A run without --reuse-db builds its own in a private directory (tests/conftest.py), so two runs at
    # once never share the file.
    TEST_DATABASE_DIR = VAR_DIR / "test-db"  # noqa: F405
    TEST_DATABASE_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(TEST_DATABASE_DIR / "test.sqlite3")}  # noqa: F405
# Development data (the demo learners' activity, generate_load_data), as in the dev settings.
INSTALLED_APPS = [*INSTALLED_APPS, "devdata"]  # noqa: F405
# WhiteNoise warns on every request when STATIC_ROOT does not exist; tests serve static files through finders.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="cfp-test-static-"))
# The demo loader draws and encodes its illustrations, recordings and videos small and short: the tests check
# that they exist and are served, not how they look (`make run` makes the full-size ones).
CURRICULUM_DEMO_SMALL_MEDIA = True
# Kept pages live in memory for the tests (one process): each test starts with none (tests/conftest.py).
CACHES = {**CACHES, "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}  # noqa: F405
# Other apps' tests sign staff in with force_login; the two-factor tests turn the requirement on themselves.
LEARNERS_TWO_FACTOR_REQUIRED_GROUPS = []
