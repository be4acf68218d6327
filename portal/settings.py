"""Settings for the Data Engineer skills portal, read from the environment.

Local defaults are safe for development (SQLite, console e-mail, local-memory
cache); with ``DJANGO_DEBUG`` off every secret and host must come from the
environment and the production hardening switches on.
"""

import os
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
)
from django.core.exceptions import ImproperlyConfigured

from portal.databases.config import databases


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
KEY_RECIPE = "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(f"SECRET_KEY must be set when DJANGO_DEBUG is off; make one with: {KEY_RECIPE}")
    SECRET_KEY = "insecure-local-development-key-only-used-with-debug-on"  # noqa: S105 - debug only
elif not DEBUG and (
    # Django's own W009 rule, refused at start instead of only warned about by check --deploy.
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(SECRET_KEY_INSECURE_PREFIX)
):
    raise ImproperlyConfigured(
        f"SECRET_KEY is too weak: it needs at least {SECRET_KEY_MIN_LENGTH} characters, "
        f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} of them different. Make one with: {KEY_RECIPE}"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, so its admin integration loads first
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "import_export",
    "simple_history",
    "portal",
    "catalog",
    "skills",
    "recruiting",
    "django_filters",
    "django_tasks",
    "portal.jobs.apps.JobQueueConfig",  # django_tasks_db, named in the reader's language
    "ninja",
    "api",
]

MIDDLEWARE = [
    "portal.middleware.DatabaseUnavailableMiddleware",  # first: it also sees database errors of the others
    "portal.databases.middleware.ReplicaReadsMiddleware",  # answers again from the primary when a replica failed
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Inside the header middleware above, so their headers reach these answers, and an error here (reading the
    # user while the database is down) too.
    "portal.guards.hardening.HostileInputMiddleware",  # before anything reads the request's data, the session included
    "portal.accounts.sessions.RecordSessionsMiddleware",  # notes each session, so deleting the account ends it
    "portal.guards.hardening.PrivateResponsesMiddleware",
    "portal.middleware.MethodNotAllowedPageMiddleware",  # inside the one above, so its page is private too
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "portal.context_processors.navigation",
            ],
        },
    },
]

# The primary (DATABASE_URL, SQLite by default), its optional connection pool (DB_POOL=1) and read replicas
# (DATABASE_REPLICA_URLS): portal/databases/config.py and README, "Scale out".
DATABASES = databases(os.environ, base_dir=BASE_DIR)
DATABASE_ROUTERS = ["portal.databases.routing.ReplicaRouter"]
DATABASE_REPLICA_MAX_LAG = float(os.environ.get("DATABASE_REPLICA_MAX_LAG", "5"))  # seconds; a later one is skipped
DATABASE_REPLICA_CHECK_SECONDS = float(os.environ.get("DATABASE_REPLICA_CHECK_SECONDS", "5"))  # health remembered
DATABASE_PRIMARY_PIN_SECONDS = int(os.environ.get("DATABASE_PRIMARY_PIN_SECONDS", "15"))  # reads after a write
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_caches(url: str) -> dict:
    """The caches with Redis at ``url``: Redis is a cache, not a single point of failure (portal/cache/resilient.py).

    A failed call is a miss; rate limits and one-time claims are kept in the "guards" table meanwhile (created by
    `migrate`); sessions live in the database as well (SESSION_ENGINE below).
    """
    return {
        "default": {
            "BACKEND": "portal.cache.resilient.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {
                # Short, so a server that stopped answering holds a request up for half a second, not for minutes.
                "socket_connect_timeout": 0.5,
                "socket_timeout": 0.5,
                "fallback": "guards",
            },
        },
        "guards": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache_guards",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL)
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # a Redis outage signs nobody out
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# allauth's e-mail login, with permissions cached
AUTHENTICATION_BACKENDS = ["portal.guards.access.CachedPermissionsBackend"]

# Accounts: e-mail only, verified before first login, rate limited.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True  # confirming in the browser that signed up signs in
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
# The portal's one name, in every language: the header, page titles, e-mails ({% product_name %}), the admin.
PRODUCT_NAME = "DE skills"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{PRODUCT_NAME}] "  # allauth's mail and ours (portal.notices.kinds)
ACCOUNT_USER_DISPLAY = "portal.accounts.adapter.user_display"  # "Signed in as …": the address, not the username
ACCOUNT_ADAPTER = (
    "skills.start.landing.LandingAccountAdapter"  # mail through a job (portal.accounts.adapter); lands where one works
)
ACCOUNT_FORMS = {
    "signup": "portal.accounts.adapter.SameWorkSignupForm",  # a registered address costs the same time
    "add_email": "skills.privacy.forms.PseudonymSafeAddEmailForm",  # never an address the pseudonym names
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = PRODUCT_NAME
MFA_ADAPTER = "portal.accounts.mfa_forms.PortalMFAAdapter"  # a code that failed: a hint about the clock
MFA_FORMS = {  # the code field opens a phone's number keyboard
    "authenticate": "portal.accounts.mfa_forms.NumericAuthenticateForm",
    "reauthenticate": "portal.accounts.mfa_forms.NumericReauthenticateForm",
    "activate_totp": "portal.accounts.mfa_forms.NumericActivateTOTPForm",
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("nl", "Nederlands")]
# Ours first (earlier entries win, makemessages writes to the first), then the "je" form of the Dutch that Django
# and our libraries write with "u" and "uw" (docs/glossary.md); both win over the libraries' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
FORMAT_MODULE_PATH = ["portal.formats"]  # how dates read per language: portal/formats/<language>/formats.py
# Content (tools, skills, roles…) is kept in both languages; a missing text falls back to the other one.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "nl")
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"  # slugs follow the English name, whatever the editor's language
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# The manifest of hashed static names: read by Django, never served (portal/static_storage.py).
STATIC_MANIFEST_DIR = Path(os.environ.get("STATIC_MANIFEST_DIR", BASE_DIR / "private" / "static-manifest"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Finished exports hold personal data: a private folder outside static and media, served only through the
# download view that checks who asks (README: an S3-compatible storage instead).
EXPORTS_DIR = Path(os.environ.get("EXPORTS_DIR", BASE_DIR / "private" / "exports"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "exports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": EXPORTS_DIR, "base_url": None, "file_permissions_mode": 0o600},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "portal.static_storage.PrivateManifestStaticFilesStorage"
        )
    },
}

# Long work (exports, recomputes, e-mail) runs as jobs: Django's Tasks API (the django-tasks backport) on a queue
# in the portal's own database, worked off by `manage.py db_worker` (README, "Background jobs").
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A running job that has not written progress for this long lost its worker: it is re-queued (or failed).
JOB_STALE_SECONDS = int(os.environ.get("JOB_STALE_SECONDS", "300"))

# A candidate list pages through the best this many of a ranking (40 pages); narrower filters reach the rest, and
# no request counts a million matches.
BROWSABLE_CANDIDATES = 1000
# Benchmarks publish nothing over fewer engineers (never below 5); a snapshot is built when the latest is this many
# hours old, or after this many level changes.
BENCHMARK_MIN_COHORT = int(os.environ.get("BENCHMARK_MIN_COHORT", "10"))
BENCHMARK_SNAPSHOT_HOURS = float(os.environ.get("BENCHMARK_SNAPSHOT_HOURS", "24"))
BENCHMARK_SNAPSHOT_CHANGES = int(os.environ.get("BENCHMARK_SNAPSHOT_CHANGES", "500"))
# Each job worker writes its heartbeat this often, then sweeps the queue for work that dead workers left.
WORKER_HEARTBEAT_SECONDS = float(os.environ.get("WORKER_HEARTBEAT_SECONDS", "10"))

# E-mail: console locally; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "30"))  # seconds: a silent server fails the attempt,
    # which is retried, instead of holding its worker (whose heartbeat goes on) for ever
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", DEFAULT_FROM_EMAIL)  # on the privacy statement

# Security headers; the HTTPS switches default on in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"  # the site's own page for an expired form, not Django's bare one
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("SECURE_PROXY_SSL_HEADER", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}

# API calls without a valid token or session, per client address and minute (public endpoints, invalid tokens).
API_ANONYMOUS_RATE_LIMIT = int(os.environ.get("API_ANONYMOUS_RATE_LIMIT", "60"))
# Vacancy analyses (POST /api/vacancies/analyze) per client address and minute, whoever calls; reading a long
# vacancy costs more than a page of the catalog.
API_VACANCY_RATE_LIMIT = int(os.environ.get("API_VACANCY_RATE_LIMIT", "20"))
# Behind a proxy, the META name of the header it sets to the client's address (e.g. HTTP_X_FORWARDED_FOR, of
# which the last hop is read, or HTTP_X_REAL_IP); empty: REMOTE_ADDR, the direct peer.
CLIENT_ADDRESS_HEADER = os.environ.get("CLIENT_ADDRESS_HEADER", "")

# django-import-export: a file imports whole or not at all; importing needs change rights, exporting view rights.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Off on purpose: it only drops a leading "=" and makes every cell text (portal/guards/spreadsheets.py quotes).
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
