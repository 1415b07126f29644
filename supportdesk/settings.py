"""Settings for SupportDesk.

Every value comes from one `environ.Env` object, read from the process
environment and an optional `.env` file beside `manage.py`. A malformed value
stops start-up here, with a message naming the variable, instead of failing
later inside a request or a worker.
"""

import re
import warnings
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from ai_engine import ANSWERABLE_INTENTS, ENGINE_NAMES
from supportdesk.config import (
    env,
    parse_bool,
    parse_intent_thresholds,
    parse_rate,
    read,
    require,
)

BASE_DIR = Path(__file__).resolve().parent.parent

environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = read("DEBUG", parse_bool, default=False)

SECRET_KEY = read("SECRET_KEY", env.str, default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY: not set. Set SECRET_KEY to a long random string "
            "(only DEBUG=true runs with a development key)."
        )
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105 (DEBUG only)

ALLOWED_HOSTS = read("ALLOWED_HOSTS", env.list, default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_q",
    "tickets",
    "ai_engine",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# The API answers on paths with and without the trailing slash itself;
# redirecting a POST would lose its body.
APPEND_SLASH = False

ROOT_URLCONF = "supportdesk.urls"
WSGI_APPLICATION = "supportdesk.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": read(
        "DATABASE_URL",
        env.db_url,
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
    )
}
SUPPORTED_DATABASES = {"django.db.backends.sqlite3", "django.db.backends.postgresql"}
if DATABASES["default"].get("ENGINE") not in SUPPORTED_DATABASES:
    raise ImproperlyConfigured(
        "DATABASE_URL: only sqlite:/// and postgres:// URLs are supported, "
        f"got engine {DATABASES['default'].get('ENGINE')!r}."
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write to one file. WAL lets readers run
    # beside the writer, IMMEDIATE takes the write lock at BEGIN (so a
    # transaction never fails upgrading a read lock), and the busy timeout
    # makes a writer wait its turn instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": ("PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=30000;"),
        }
    )
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test.sqlite3")}
else:
    # Keep connections between requests: opening one per request costs more
    # than the request itself at high rates.
    DATABASES["default"]["CONN_MAX_AGE"] = read("DB_CONN_MAX_AGE", env.int, default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = read("REDIS_URL", env.str, default="")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Without `collectstatic`, WhiteNoise finds files in the apps at run time: one
# command fewer to deploy; run collectstatic for the faster, cached path.
WHITENOISE_USE_FINDERS = True
# ...so a missing STATIC_ROOT is normal, not worth a warning at every start.
warnings.filterwarnings("ignore", message=re.escape(f"No directory at: {STATIC_ROOT}"))

# --- REST API -------------------------------------------------------------

TICKETS_ANON_CREATE = read("TICKETS_ANON_CREATE", parse_bool, default=True)
TICKETS_ANON_RATE = read("TICKETS_ANON_RATE", parse_rate, default="60/minute")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["tickets.permissions.IsStaff"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"ticket_create_anon": TICKETS_ANON_RATE},
    "EXCEPTION_HANDLER": "tickets.api_errors.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "SupportDesk API",
    "DESCRIPTION": "Customer support tickets triaged by an AI engine; business rules decide.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "PREPROCESSING_HOOKS": ["supportdesk.schema.drop_slashless_duplicates"],
    "ENUM_NAME_OVERRIDES": {
        "IntentEnum": "tickets.models.Intent",
        "PriorityEnum": "tickets.models.Priority",
        "TicketStatusEnum": "tickets.models.Status",
    },
}

# --- AI engine --------------------------------------------------------------

OPENAI_API_KEY = read("OPENAI_SECRET", env.str, default="") or read("OPENAI_API_KEY", env.str, default="")
OPENAI_BASE_URL = read("OPENAI_BASE_URL", env.str, default="") or None
AI_MODEL = read("AI_MODEL", env.str, default="gpt-4o-mini")
AI_ENGINE = require(
    "AI_ENGINE",
    read("AI_ENGINE", env.str, default="auto"),
    allowed=set(ENGINE_NAMES),
)
AI_PROMPT_VERSION = read("AI_PROMPT_VERSION", env.str, default="triage-v2")
AI_TIMEOUT_SECONDS = read("AI_TIMEOUT_SECONDS", env.float, default=20.0)
AI_MAX_RETRIES = read("AI_MAX_RETRIES", env.int, default=2)
AI_SEED = read("AI_SEED", env.int, default=7)
AI_LOCAL_MODEL_PATH = Path(
    read("AI_LOCAL_MODEL_PATH", env.str, default=str(BASE_DIR / "var" / "local_model.npz"))
)
AI_CASCADE_THRESHOLD = read("AI_CASCADE_THRESHOLD", env.float, default=0.80)

# --- Routing rules (tickets.routing) ------------------------------------------

ROUTING_AUTO_RESOLVE_THRESHOLD = read("ROUTING_AUTO_RESOLVE_THRESHOLD", env.float, default=0.90)
ROUTING_INTENT_THRESHOLDS = read("ROUTING_INTENT_THRESHOLDS", parse_intent_thresholds, default="")
ROUTING_AUTO_RESOLVE_INTENTS = read(
    "ROUTING_AUTO_RESOLVE_INTENTS",
    env.list,
    default=list(ANSWERABLE_INTENTS),
)
# Under this probability that a written answer closes the ticket, a human answers it.
ROUTING_RESOLVABLE_THRESHOLD = read("ROUTING_RESOLVABLE_THRESHOLD", env.float, default=0.5)
for _name, _value in [
    ("ROUTING_AUTO_RESOLVE_THRESHOLD", ROUTING_AUTO_RESOLVE_THRESHOLD),
    ("ROUTING_RESOLVABLE_THRESHOLD", ROUTING_RESOLVABLE_THRESHOLD),
]:
    if not 0.0 <= _value <= 1.0:
        raise ImproperlyConfigured(f"{_name}: {_value} is outside 0..1.")
_bad_intents = set(ROUTING_AUTO_RESOLVE_INTENTS) - set(ANSWERABLE_INTENTS)
if _bad_intents:
    raise ImproperlyConfigured(
        f"ROUTING_AUTO_RESOLVE_INTENTS: unknown or non-resolvable intents {sorted(_bad_intents)}."
    )

# --- Background work (django-q2) -------------------------------------------------
#
# The limits nest so a slow model never causes a duplicate run:
#   LLM client timeout x (retries + 1) + backoff  <  task timeout  <  broker retry.
# A task still running at Q_TIMEOUT is killed; an unacknowledged task is
# redelivered after Q_RETRY, by which time the first run is surely gone.

Q_WORKERS = read("Q_WORKERS", env.int, default=2)
Q_TIMEOUT = read("Q_TIMEOUT", env.int, default=90)
Q_RETRY = read("Q_RETRY", env.int, default=120)
_llm_worst_case = AI_TIMEOUT_SECONDS * (AI_MAX_RETRIES + 1) + 10
if not _llm_worst_case < Q_TIMEOUT < Q_RETRY:
    raise ImproperlyConfigured(
        "Q_TIMEOUT/Q_RETRY: need AI_TIMEOUT_SECONDS x (AI_MAX_RETRIES+1) + 10s "
        f"({_llm_worst_case:.0f}s) < Q_TIMEOUT ({Q_TIMEOUT}s) < Q_RETRY ({Q_RETRY}s)."
    )

Q_CLUSTER = {
    "name": "supportdesk",
    "workers": Q_WORKERS,
    "timeout": Q_TIMEOUT,
    "retry": Q_RETRY,
    # Failed tasks are acknowledged: our own attempt counter on the ticket
    # (and the sweeper) decides what happens next, so nothing loops forever.
    "ack_failures": True,
    "max_attempts": 3,
    "catch_up": False,
    "save_limit": 1000,
    "poll": 0.2,
    "label": "Tasks",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

TRIAGE_STALE_SECONDS = read("TRIAGE_STALE_SECONDS", env.int, default=Q_TIMEOUT + 5)
TRIAGE_MAX_ATTEMPTS = read("TRIAGE_MAX_ATTEMPTS", env.int, default=3)
SWEEP_NEW_AFTER_SECONDS = read("SWEEP_NEW_AFTER_SECONDS", env.int, default=60)

# --- Email -------------------------------------------------------------------------

_email_config = read("EMAIL_URL", env.email_url, default="consolemail://")
vars().update(_email_config)
DEFAULT_FROM_EMAIL = read("DEFAULT_FROM_EMAIL", env.str, default="support@example.com")
ANSWER_EMAIL_MAX_ATTEMPTS = read("ANSWER_EMAIL_MAX_ATTEMPTS", env.int, default=5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": read("LOG_LEVEL", env.str, default="INFO")},
}
