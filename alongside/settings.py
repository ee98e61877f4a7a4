"""Alongside settings: one module, set only by environment variables (docs/configuration.md).

With nothing set you get a development site on SQLite. `ALONGSIDE_MODE=production` refuses to
start without its secrets and names the one that is missing.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sys
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str, default: str = "", *, required: bool = False) -> str:
    """Read NAME, or the file named by NAME_FILE (for Docker/Kubernetes secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text().strip()
    value = os.environ.get(name, "")
    if value:
        return value
    if required:
        raise ImproperlyConfigured(
            f"{name} is not set. Production mode needs it (or {name}_FILE): "
            "see docs/configuration.md."
        )
    return default


MODE = env_str("ALONGSIDE_MODE", "development")
if MODE not in {"development", "production"}:
    raise ImproperlyConfigured("ALONGSIDE_MODE must be 'development' or 'production'.")
PRODUCTION = MODE == "production"
# Under pytest (set explicitly by `dev.py test`; detected when pytest is run directly).
TESTING = env_bool("ALONGSIDE_TESTING", "pytest" in sys.modules)

DEBUG = env_bool("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production mode.")

SECRET_KEY = env_secret(
    "SECRET_KEY",
    # Development only: production refuses to start without a real one.
    default="dev-only-insecure-key-alongside-do-not-use-in-production-0123456789",
    required=PRODUCTION,
)
# Keys for sensitive text at rest (alongside/lib/encryption.py): comma-separated Fernet keys, the
# first encrypts, all decrypt. Development derives one from SECRET_KEY; production must set them.
FIELD_ENCRYPTION_KEYS = [
    key.strip() for key in env_secret("ALONGSIDE_FIELD_KEYS").split(",") if key.strip()
]
if not FIELD_ENCRYPTION_KEYS:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "ALONGSIDE_FIELD_KEYS is not set. Production mode needs a key for sensitive text "
            "(make one with `manage.py generate_field_key`)."
        )
    FIELD_ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(
            hashlib.sha256(f"alongside-dev-field-key:{SECRET_KEY}".encode()).digest()
        ).decode("ascii")
    ]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Production mode needs the host names the site answers to."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Absolute links in emails (invitations, password resets).
SITE_URL = env_str("SITE_URL", "http://localhost:8000").rstrip("/")

# Hosts on this machine or a private network that Apprise channels may reach (a hospital's own
# ntfy or webhook server). Others are refused, so a channel cannot aim the server inside the
# network. Tests allow 127.0.0.1, where their sinks run.
CHANNEL_PRIVATE_HOSTS = [
    host.lower()
    for host in env_list("ALONGSIDE_CHANNEL_PRIVATE_HOSTS", ["127.0.0.1"] if TESTING else [])
]
# Web Push to the installed app (notifications/transports/webpush.py). The server's VAPID key:
# a P-256 private key, 32 bytes base64url (`manage.py generate_vapid_key`). Development derives
# one from SECRET_KEY; in production Web Push stays off until it is set.
WEB_PUSH_PRIVATE_KEY = env_secret("ALONGSIDE_VAPID_PRIVATE_KEY")
if not WEB_PUSH_PRIVATE_KEY and not PRODUCTION:
    WEB_PUSH_PRIVATE_KEY = base64.urlsafe_b64encode(
        hashlib.sha256(f"alongside-dev-vapid-key:{SECRET_KEY}".encode()).digest()
    ).decode("ascii")
# Who push services contact about this server's messages (RFC 8292: a mailto: or https: URL).
WEB_PUSH_SUBJECT = env_str("ALONGSIDE_VAPID_SUBJECT", "mailto:alongside@localhost")
# The push services a browser may hand us an endpoint on (host, or a parent domain). Messages go
# only there, over https, so a made-up subscription cannot aim the server at another host.
WEB_PUSH_HOSTS = env_list(
    "ALONGSIDE_WEB_PUSH_HOSTS",
    [
        "fcm.googleapis.com",  # Chrome, Edge and other Chromium browsers, Android
        "android.googleapis.com",
        "push.services.mozilla.com",  # Firefox
        "push.apple.com",  # Safari, and apps added to the Home Screen on iPhone and iPad
        "notify.windows.com",  # older Edge on Windows
    ],
)

INSTALLED_APPS = [
    "alongside.accounts",
    "alongside.organisations",
    "alongside.audit",
    "alongside.notifications",
    "alongside.support_requests",
    "alongside.followups",
    "alongside.selfchecks",
    "alongside.losses",
    "alongside.journal",
    "alongside.stories",
    "alongside.lib",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # allauth's WebAuthn templates use naturaltime.
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "allauth.usersessions",
    "django_tasks",
    "django_tasks_db",
    "template_partials",
    "django_htmx",
    "csp",
]
if not PRODUCTION:
    # Dev-only commands (seed_demo_data) never ship to a hospital server (style 2.5).
    INSTALLED_APPS.append("alongside.devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # allauth.usersessions' middleware is left out: it only tracks activity, which is off.
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "alongside.organisations.middleware.MembershipMiddleware",
]

ROOT_URLCONF = "alongside.urls"
WSGI_APPLICATION = "alongside.wsgi.application"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "alongside" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "alongside.organisations.context_processors.membership",
            ],
        },
    }
]
if PRODUCTION:
    # Cache compiled templates; development reloads them on change.
    TEMPLATES[0]["APP_DIRS"] = False
    TEMPLATES[0]["OPTIONS"]["loaders"] = [
        (
            "django.template.loaders.cached.Loader",
            [
                "django.template.loaders.filesystem.Loader",
                "django.template.loaders.app_directories.Loader",
            ],
        )
    ]

# --- Database -------------------------------------------------------------------------------
VAR_DIR = Path(env_str("ALONGSIDE_VAR_DIR", str(BASE_DIR / "var")))
DATABASE_URL = env_secret("DATABASE_URL", required=PRODUCTION) or (
    f"sqlite:///{VAR_DIR / 'alongside.sqlite3'}"
)
# Persistent connections (also for SQLite: opening a file and setting its pragmas on every
# request cost more than the page itself).
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web server, the worker and the tick read while one of them writes;
        # IMMEDIATE transactions take the write lock up front instead of failing mid-way.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    # A file, not memory, so the integration tests' real worker process shares the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------------------------
# Login rate limits and cached sessions live in the cache, so it must be shared by every web
# process: Redis when REDIS_URL is set (several app servers), otherwise a database table.
REDIS_URL = env_str("REDIS_URL")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "alongside_cache",
            # Sessions live here too: cull only past this many entries.
            "OPTIONS": {"MAX_ENTRIES": 200_000},
        }
    }
# Sessions are read from the cache and written through to the sessions table: every signed-in
# page reads its session, and the cache read skips the ORM (0.05 ms instead of 0.25 ms here).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Accounts and sign-in -------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # allauth's backend, loading the member's organisation with the user (one query a page).
    "alongside.organisations.backends.MemberBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is slow on purpose; tests that create hundreds of users use a fast hash.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "alongside.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "alongside.accounts.adapters.SocialAccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
# Stay signed in across browser restarts; the organisation's idle limit still ends the session.
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Alongside: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
# Five failed sign-ins for one account lock it for five minutes (and 10 a minute per address).
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_ONLY = False

MFA_ADAPTER = "alongside.accounts.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Alongside"
MFA_PASSKEY_LOGIN_ENABLED = True
# Accept the code of the 30-second step before or after the current one: phone clocks drift
# (RFC 6238 section 5.2). A code is still single-use.
MFA_TOTP_TOLERANCE = 1
# WebAuthn needs https, except on localhost in development and tests.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
# Sessions are recorded at sign-in; tracking every request would cost a write per page.
USERSESSIONS_TRACK_ACTIVITY = False

# Sessions expire after inactivity: MembershipMiddleware applies the organisation's policy.
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # Behind a TLS-terminating proxy (the usual hospital set-up) trust its scheme header.
    if env_bool("ALONGSIDE_BEHIND_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline script anywhere: every script is a same-origin file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF, *env_list("CSP_FORM_ACTION")],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
    }
}

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "alongside" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "alongside_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
# Crisis numbers shown to people who are not signed in (the organisation's own list otherwise).
ALONGSIDE_DEFAULT_COUNTRY = env_str("ALONGSIDE_DEFAULT_COUNTRY", "US").upper()

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "alongside" / "static"]
# Development and tests serve files straight from the app folders; production from collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Email ----------------------------------------------------------------------------------
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 15
elif PRODUCTION:
    raise ImproperlyConfigured(
        "EMAIL_HOST is not set. Production mode needs a mail server for invitations and resets."
    )
else:
    # Development: emails are written to var/mail/ so demo sign-ups can be completed.
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Alongside <alongside@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background work ------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env_str("ALONGSIDE_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# Work that happens at a time is state on our rows; `manage.py tick` runs these each pass.
TICK_JOBS = [
    "alongside.notifications.actions.retry_due_deliveries",
    "alongside.support_requests.actions.escalate_due_requests",
    "alongside.followups.actions.send_due_follow_ups",
    "alongside.selfchecks.actions.send_due_self_check_reminders",
    "alongside.losses.actions.send_due_offers",
    "alongside.losses.actions.send_due_offer_reminders",
    "alongside.support_requests.actions.report_failed_pages",
]
# Escalation is due to the second; a pass is three indexed queries when nothing is due.
TICK_INTERVAL_SECONDS = env_int("ALONGSIDE_TICK_INTERVAL", 2)

# --- The hospital's feed (losses/mllp.py, losses/api.py) ---------------------------------------
# host:port for `manage.py ehr_listen` (HL7 v2 over MLLP); when set, `dev.py run` starts it too.
ALONGSIDE_EHR_LISTEN = env_str("ALONGSIDE_EHR_LISTEN")
# ADT messages are a few kilobytes; anything bigger is answered AR and dropped, unread.
ALONGSIDE_EHR_MAX_MESSAGE_BYTES = env_int("ALONGSIDE_EHR_MAX_MESSAGE_BYTES", 1024 * 1024)
# A connection that sends nothing for this long is closed (interface engines reconnect).
ALONGSIDE_EHR_IDLE_SECONDS = env_int("ALONGSIDE_EHR_IDLE_SECONDS", 600)
# Threads storing messages (one database connection each): one suits SQLite.
ALONGSIDE_EHR_WORKERS = env_int(
    "ALONGSIDE_EHR_WORKERS", 1 if DATABASES["default"]["ENGINE"].endswith("sqlite3") else 4
)

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "django_tasks_db": {"level": "WARNING"},
    },
}
