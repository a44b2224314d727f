"""Settings shared by every environment; environment-specific modules import and adjust them."""

import os
from pathlib import Path

import dj_database_url
from django.conf import global_settings
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "core",
    "curriculum",
    "learners",
    "quizzes",
    "workshops",
    "reports",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Second factor for staff: authenticator-app codes (TOTP), see learners.two_factor.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: one JSON line per request with its status and duration (core.request_log; on in production).
    "core.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files leave here, already compressed by WhiteNoise, before the HTML compression below.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages travel over slow, metered mobile data: compress text (CSRF tokens are masked per response).
    "core.middleware.TextGZipMiddleware",
    # Content-Security-Policy, Permissions-Policy, no-store for personal data (static files left above need none).
    "core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks which device verified the session; the next one sends staff to their second factor and ends idle
    # staff sessions.
    "django_otp.middleware.OTPMiddleware",
    "learners.security_middleware.AccountSecurityMiddleware",
    # Someone who signed in with a password they were given (a sign-in slip) chooses their own before anything else.
    "learners.first_password.ChoosePasswordMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A learner's account decision is shown once: recorded as seen after the page showing it goes out (no-store).
    "learners.notices.DecisionNoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: manual pages rendered once per content version, completed with the reader's parts (core.page_cache).
    "core.page_cache.PageCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


def database_from_env(default_sqlite_path: Path) -> dict:
    """PostgreSQL (or any database) from DATABASE_URL; otherwise the embedded SQLite file.

    SQLite runs in WAL mode with IMMEDIATE transactions: with DEFERRED ones, concurrent quiz
    submissions upgrade read locks to write locks and fail with "database is locked".
    """
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": default_sqlite_path,
        # One connection per worker, kept: opening SQLite and running the PRAGMAs costs ~4 ms a request.
        "CONN_MAX_AGE": 600,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=20000;PRAGMA foreign_keys=ON;"
            ),
        },
    }


DATABASES = {"default": database_from_env(VAR_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in by username or phone number, with lockout after repeated failures (learners.lockout).
AUTHENTICATION_BACKENDS = ["learners.backends.PhoneOrUsernameBackend"]
# Django's hashers, and the cheaper one for the one-time passwords of a sheet of sign-in slips (learners.hashers).
PASSWORD_HASHERS = [*global_settings.PASSWORD_HASHERS, "learners.hashers.SlipPasswordHasher"]
LOGIN_URL = "learners:sign_in"
WAGTAILADMIN_USER_LOGIN_FORM = "learners.forms.AdminSignInForm"
# Publication needs a second trainer's approval; the approval itself publishes (see learners.workflows).
WAGTAIL_FINISH_WORKFLOW_ACTION = "learners.workflows.publish_approved"

# Brute-force protection (learners.lockout): a window, and three limits counted over it.
LEARNERS_LOCKOUT_MINUTES = 15
LEARNERS_LOCKOUT_PAIR_FAILURES = 5  # one account from one address: locked
LEARNERS_LOCKOUT_ADDRESS_FAILURES = 30  # one address, any accounts (a police post shares one): locked
LEARNERS_LOCKOUT_ACCOUNT_FAILURES = 10  # one account from many addresses: slowed, its owner's browser is not
LEARNERS_LOCKOUT_MAX_DELAY_SECONDS = 15 * 60
# Proxies in front of the app whose X-Forwarded-For entries are trusted (production reads TRUSTED_PROXY_COUNT).
LEARNERS_TRUSTED_PROXY_COUNT = 0

# Staff (administrators, coordinators, trainers) are signed out after a working day without activity; learners
# keep Django's two-week session, since typing a password on a phone is what keeps them away.
LEARNERS_STAFF_SESSION_IDLE_SECONDS = 8 * 60 * 60
# Members of these groups (and superusers, as administrators) must use an authenticator app to reach the admin
# and the coordinators' screens. Other staff may choose to. Names are learners.groups' stored names.
LEARNERS_TWO_FACTOR_REQUIRED_GROUPS = ["Administrator", "National coordinator"]
OTP_TOTP_ISSUER = "Child-friendly police training"

# New passwords (registration, password changes) go through these; their messages are translated in our
# catalogue (learners/password_messages.py), since Django ships none in Khmer.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Khmer is the default and comes first everywhere.
LANGUAGE_CODE = "km"
LANGUAGES = [("km", _("Khmer")), ("en", _("English"))]
# Wagtail's admin in Khmer (Wagtail ships none) after the project's own catalogue, whose strings win: locale/README.md.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_admin"]
# Decimals written one way on every page (config/formats/km: "42.9", as the reports' Python-formatted figures).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Asia/Phnom_Penh"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "km"
MODELTRANSLATION_LANGUAGES = ("km", "en")
# An empty translation reads from the other language; pages say so on screen (core.translated).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("km", "en"), "km": ("en",), "en": ("km",)}
# Slugs stay Latin and identical in both languages, so /km/... and /en/... differ only by prefix.
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True
# Authors write both languages side by side: show Khmer and English fields together by default.
WAGTAILMODELTRANSLATION_LOCALE_PICKER_DEFAULT = ["km", "en"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static", ("fonts", VAR_DIR / "fonts")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Media are served by the app itself unless a deployment puts them behind a web server or object storage.
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "1") == "1"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# In the admin's language (the dashboard's welcome, "created in ..."): the Khmer is the course's name.
WAGTAIL_SITE_NAME = _("Child-friendly police training")
# Who issues the course certificate, printed on it in both languages: the organisation and its programme at the
# top, one signature line per signatory at the foot. A deployment for another organisation replaces this.
CERTIFICATE_ISSUER = {
    "organisation": {
        "km": "គណៈកម្មាធិការអង្គការមិនមែនរដ្ឋាភិបាលដើម្បីសិទ្ធិកុមារ (NGOCRC)",
        "en": "NGO Committee on the Rights of the Child (NGOCRC)",
    },
    "programme": {"km": "កម្មវិធីបណ្តុះបណ្តាលប៉ូលីសកុមារមេត្រី", "en": "Child-friendly police training programme"},
    "signatories": [
        {"km": "អ្នកសម្របសម្រួលកម្មវិធីបណ្តុះបណ្តាល", "en": "Training programme coordinator"},
        {"km": "នាយកប្រតិបត្តិ NGOCRC", "en": "Executive Director, NGOCRC"},
    ],
}
# Days a course certificate stays valid after it is issued or renewed by a refresher; 0 (the default): it never
# expires. /verify/ then says "expired" after the date printed on it.
CERTIFICATE_VALID_DAYS = int(os.environ.get("CERTIFICATE_VALID_DAYS", "0"))
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("km", "ខ្មែរ"), ("en", "English")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# An 11000x11000 PNG (121 megapixels, under Wagtail's 128 default) took 5 s and 234 MB to show the first time.
# 25 megapixels still takes any phone photo up to 6000x4000.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
# Lesson media are uploaded as documents; only formats phones play natively.
WAGTAILDOCS_EXTENSIONS = ["pdf", "mp3", "m4a", "ogg", "oga", "wav", "mp4", "webm"]
WAGTAILDOCS_SERVE_METHOD = "direct"
# Audio, video and PDF documents are checked by their contents, not only their name (curriculum.uploads).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "curriculum.uploads.LessonDocumentForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_FINDERS = []  # no third-party players or oEmbed look-ups

# Text messages (core.sms): none leave unless a backend is named, e.g. "core.sms.ConsoleBackend" to see them.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "core.sms.DisabledBackend")
SMS_FILE_PATH = Path(os.environ.get("SMS_FILE_PATH", VAR_DIR / "sms"))  # where core.sms.FileBackend writes

TEMPLATE_FRAGMENTS = "template_fragments"  # the alias Django's {% cache %} tag uses when it exists
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
    # Rendered manual pages and their content version (core.page_cache): files, so every worker of this machine
    # sees a publish at once; production puts it in Redis when REDIS_URL is set, shared by every server.
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "pages",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    # The parts of base.html that are the same on every page in a language (`{% cache %}` in base.html): only
    # the code, its translations and the static files' names change them, so each process keeps its own and a
    # restart forgets them (core.apps forgets them on a settings change too, as tests make).
    TEMPLATE_FRAGMENTS: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": TEMPLATE_FRAGMENTS},
}
# Pages kept by core.page_cache: "shared" ones are completed for signed-in readers too, "anonymous" ones are kept
# for readers who are not signed in (their signed-in versions show progress that would not be worth a copy each).
PAGE_CACHE_MODELS = {
    "curriculum.LessonPage": "shared",
    "curriculum.ModulePage": "anonymous",
    "curriculum.ManualPage": "anonymous",
}
# Rows that change what kept pages show besides pages and snippets: a translation flagged as behind (its notice).
PAGE_CACHE_WATCHED_MODELS = ["curriculum.StaleTranslation"]

# Sessions in the database: every worker and server sees a sign-out at once (production adds the shared cache).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (core.middleware.SecurityHeadersMiddleware). The site serves every asset itself and
# its pages carry no inline script or style, so the public site and the coordinators' pages allow only this site.
CONTENT_SECURITY_POLICY_SITE = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
# Wagtail's admin writes inline scripts and style attributes, shows upload previews from blob: and data: URLs,
# and frames the page preview: still nothing from another site.
CONTENT_SECURITY_POLICY_ADMIN = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; "
    "worker-src 'self' blob:; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
# Lessons play audio and video (full screen allowed); nothing here needs a camera, a microphone or a location.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(self), camera=(), display-capture=(), fullscreen=(self), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
# The admin would otherwise fetch avatars from gravatar.com and release news from wagtail.org: third-party
# requests the policy above refuses, and which offices on metered links should not make.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WHITENOISE_MAX_AGE = 60 * 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Request lines are JSON already (core.request_log): written as they are, one per line.
    "formatters": {"message": {"format": "%(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "requests": {"class": "logging.StreamHandler", "formatter": "message"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Off here (runserver logs requests itself); production turns it on.
    "loggers": {"core.requests": {"handlers": ["requests"], "level": "WARNING", "propagate": False}},
}
