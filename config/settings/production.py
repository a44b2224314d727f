"""Production settings: every secret and location comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env_required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in env_required("ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

# TLS is terminated by the proxy in front of gunicorn; it must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The header alone changes nothing until the domain is submitted to browsers' preload list.
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Wagtail's live preview shows the page in a same-origin frame, so frames stay allowed from this origin only.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Sign-in lockout counts failures per client address; behind N proxies the real address is N hops back.
# No proxy is trusted unless the deployment says so: trusting X-Forwarded-For when gunicorn can be reached
# directly lets a client write any address there and escape the per-address lock.
LEARNERS_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Links in e-mails (password reset, workflow notices) point here; 127.0.0.1 would send people nowhere.
WAGTAILADMIN_BASE_URL = env_required("WAGTAILADMIN_BASE_URL").rstrip("/")

# Mail: from the environment. Without EMAIL_HOST no mail can leave, so the admin's "forgot password" is off.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "0") == "1"
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0" if EMAIL_USE_SSL else "1") == "1"
EMAIL_TIMEOUT = 20
if EMAIL_HOST:
    DEFAULT_FROM_EMAIL = env_required("DEFAULT_FROM_EMAIL")
    SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
    WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
else:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
WAGTAIL_PASSWORD_RESET_ENABLED = bool(EMAIL_HOST)

# Staff second factor: required for the groups named here (TWO_FACTOR_REQUIRED=0 turns the requirement off).
if os.environ.get("TWO_FACTOR_REQUIRED", "1") != "1":
    LEARNERS_TWO_FACTOR_REQUIRED_GROUPS = []

# Far-future caching is safe: the manifest storage puts a content hash in every static file name.
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

if os.environ.get("REDIS_URL"):
    CACHES = {
        TEMPLATE_FRAGMENTS: CACHES[TEMPLATE_FRAGMENTS],  # noqa: F405 - per process, as on one machine
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "renditions",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "pages",
            "TIMEOUT": 24 * 60 * 60,
        },
        "sessions": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "sessions",
        },
    }
else:
    # One machine: sessions in files that every worker of this machine reads (Django's file cache; a sign-out
    # deletes the file, so no worker keeps the session alive). Several machines need REDIS_URL: each would keep
    # its own files. Beyond MAX_ENTRIES a third of the files are dropped, and those sessions are read from the
    # database again; each write lists the folder (7 ms at 1,000 files, 40 ms at 20,000, measured), which only
    # signing in and out and a staff member's sliding expiry do.
    CACHES["sessions"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "sessions",  # noqa: F405
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
# Sessions read from the cache shared by every worker (above), written through to the database: reading one from
# the database cost a signed-in page about a tenth of its time. Never a per-process cache, which would keep a
# signed-out session alive in the other workers.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405
# One JSON line per request on standard error (REQUEST_LOG=0 turns it off).
LOGGING["loggers"]["core.requests"]["level"] = "INFO" if os.environ.get("REQUEST_LOG", "1") == "1" else "WARNING"  # noqa: F405
