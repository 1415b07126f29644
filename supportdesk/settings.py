"""Settings for SupportDesk.

Every value comes from one `environ.Env` object, read from the process
environment and an optional `.env` file beside `manage.py`. A malformed value
stops start-up here, with a message naming the variable, instead of failing
later inside a request or a worker.
"""

import os
import re
import warnings
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from ai_engine import ANSWERABLE_INTENTS, ENGINE_NAMES
from supportdesk.config import (
    env,
    parse_bool,
    parse_intent_thresholds,
    parse_networks,
    parse_non_negative_int,
    parse_positive_int,
    parse_priority_hours,
    parse_rate,
    read,
    require,
)
from supportdesk.mail_config import parse_imap_url, parse_mailbox_address

BASE_DIR = Path(__file__).resolve().parent.parent

# `make run` writes .env beside manage.py. ENV_FILE names another file, or none when set
# empty: start-up checks in the tests must not pick up the developer's own .env.
_env_file = os.environ.get("ENV_FILE", str(BASE_DIR / ".env"))
if _env_file:
    environ.Env.read_env(_env_file, overwrite=False)

DEBUG = read("DEBUG", parse_bool, default=False)

SECRET_KEY = read("SECRET_KEY", env.str, default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY: not set. Run `make run` once (it writes a generated key to .env beside "
            "manage.py), or put SECRET_KEY=<a long random string> in .env or the environment "
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
    # Request, database and cache metrics for /metrics (see METRICS_* below).
    "django_prometheus",
    # Counts failed admin logins and locks the client out (see LOGIN_* below).
    "axes",
    # Content-Security-Policy on every response.
    "csp",
    "tickets",
    "ai_engine",
]

MIDDLEWARE = [
    # First: with DEBUG on, only loopback clients get past it (debug pages leak everything).
    "supportdesk.middleware.DebugOnlyOnLoopbackMiddleware",
    # django-prometheus times the request between these two: the rest of the stack.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees a database or Redis outage raised by any view: 503, never a traceback.
    "supportdesk.middleware.OutageMiddleware",
    # After authentication: it reads the user to tell a failed login from a good one.
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out client is refused before its password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
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
    # An unreachable server fails the request in seconds (503), not after the OS's TCP timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = read("REDIS_URL", env.str, default="")

# The cache holds the throttles' counters, so it must be shared by every web process:
# Redis when configured, else a table in the database (created by a tickets migration).
# A per-process memory cache would multiply every limit by the number of processes.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Redis down must fail a request in seconds (503), not hang it.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "supportdesk_cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
# The customer's pages are translated into the languages answers are written in
# (tickets/portal/language.py, locale/); staff pages stay in LANGUAGE_CODE.
LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("es", "Español"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
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

# --- HTTPS, proxies and browser protections ---------------------------------------

# How many reverse proxies in front of the app append to X-Forwarded-For. 0: the header
# is ignored and the client is the TCP peer; anyone can send the header, so trusting it
# without a proxy that overwrites it lets every request claim a new address.
TRUSTED_PROXY_COUNT = read("TRUSTED_PROXY_COUNT", env.int, default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT: {TRUSTED_PROXY_COUNT} is negative.")
# Served over HTTPS only: redirect http, secure cookies, HSTS. On by default when DEBUG is off.
HTTPS_ONLY = read("HTTPS_ONLY", parse_bool, default=not DEBUG)
# A proxy in front terminates TLS and says so in X-Forwarded-Proto (it must overwrite the header).
BEHIND_TLS_PROXY = read("BEHIND_TLS_PROXY", parse_bool, default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_ONLY
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
SECURE_HSTS_SECONDS = read("HSTS_SECONDS", env.int, default=31_536_000) if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = read("HSTS_INCLUDE_SUBDOMAINS", parse_bool, default=True)
SECURE_HSTS_PRELOAD = read("HSTS_PRELOAD", parse_bool, default=True)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Every response carries this policy: no inline script or <style> anywhere (admin, API docs,
# portal). style="..." attributes are allowed: they cannot run code, and any URL in them is
# still held to img-src/font-src.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Failed admin logins (django-axes): after LOGIN_FAILURE_LIMIT failures from one client
# address it is locked out for LOGIN_LOCKOUT_MINUTES, counted in the database.
AXES_FAILURE_LIMIT = read("LOGIN_FAILURE_LIMIT", parse_positive_int, default="5")
AXES_COOLOFF_TIME = timedelta(minutes=read("LOGIN_LOCKOUT_MINUTES", parse_positive_int, default="15"))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "supportdesk.clientip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- REST API -------------------------------------------------------------

TICKETS_ANON_CREATE = read("TICKETS_ANON_CREATE", parse_bool, default=True)
# Ticket creation per client address, for every caller who is not staff.
TICKETS_ANON_RATE = read("TICKETS_ANON_RATE", parse_rate, default="60/minute")
# Customer token look-ups (reading a ticket with its token) and failed staff-token
# authentications, per client address.
TICKETS_TOKEN_RATE = read("TICKETS_TOKEN_RATE", parse_rate, default="60/minute")
# A customer's access token stops working this many days after the ticket is closed.
TICKET_TOKEN_DAYS_AFTER_CLOSE = read("TICKET_TOKEN_DAYS_AFTER_CLOSE", parse_positive_int, default="90")
# Only staff may read /api/schema/ and /api/docs/.
API_DOCS_STAFF_ONLY = read("API_DOCS_STAFF_ONLY", parse_bool, default=False)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "tickets.authentication.ThrottledTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # A view that says nothing else is for staff allowed to read tickets.
    "DEFAULT_PERMISSION_CLASSES": ["tickets.permissions.CanViewTickets"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"ticket_create": TICKETS_ANON_RATE, "token_lookup": TICKETS_TOKEN_RATE},
    # Bodies are JSON only: a form post from any web page cannot reach the API.
    "DEFAULT_PARSER_CLASSES": ["tickets.parsers.StrictJSONParser"],
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
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
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "supportdesk.schema.document_inbound_email",
    ],
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
# BLAS threads the local engine's sentence embedder uses per process: with two on two
# shared cores its latency became erratic.
AI_EMBEDDING_THREADS = read("AI_EMBEDDING_THREADS", parse_positive_int, default="1")
# LLM calls one worker process keeps in flight at once (threads waiting on the server).
AI_LLM_CONCURRENCY = read("AI_LLM_CONCURRENCY", parse_positive_int, default="8")
# The LLM provider's limits, per worker process and minute (0: none); a 429 pauses the process.
AI_LLM_REQUESTS_PER_MINUTE = read("AI_LLM_REQUESTS_PER_MINUTE", parse_non_negative_int, default="0")
AI_LLM_TOKENS_PER_MINUTE = read("AI_LLM_TOKENS_PER_MINUTE", parse_non_negative_int, default="0")

# --- Routing rules (tickets.routing) ------------------------------------------

# 0.75 on the joint confidence (intent and resolvability both right; calibrated, so about
# three in four at the bar and more above it). On the dev set (bench/devset.py) it is the
# lowest step with 0 unsafe auto-resolves: 0.72 lets through one SSO set-up question the
# policy does not fully answer. Raise it (`calibrate` recommends one) to trade coverage for margin.
ROUTING_AUTO_RESOLVE_THRESHOLD = read("ROUTING_AUTO_RESOLVE_THRESHOLD", env.float, default=0.75)
ROUTING_INTENT_THRESHOLDS = read("ROUTING_INTENT_THRESHOLDS", parse_intent_thresholds, default="")
ROUTING_AUTO_RESOLVE_INTENTS = read(
    "ROUTING_AUTO_RESOLVE_INTENTS",
    env.list,
    default=list(ANSWERABLE_INTENTS),
)
# Under this probability that a written answer closes the ticket, a human answers it.
ROUTING_RESOLVABLE_THRESHOLD = read("ROUTING_RESOLVABLE_THRESHOLD", env.float, default=0.5)
# Under this lead of the cited policy over the next-best one (the local engine's policy fit),
# two policies answer the ticket about equally well and a person picks the answer. On
# bench/data/reply_set.jsonl the wrong policies chosen for answerable questions led by
# 0.030-0.061 where they were close; right ones by 0.033 or more (two under 0.07).
ROUTING_POLICY_MARGIN = read("ROUTING_POLICY_MARGIN", env.float, default=0.07)
for _name, _value in [
    ("ROUTING_AUTO_RESOLVE_THRESHOLD", ROUTING_AUTO_RESOLVE_THRESHOLD),
    ("ROUTING_RESOLVABLE_THRESHOLD", ROUTING_RESOLVABLE_THRESHOLD),
    ("ROUTING_POLICY_MARGIN", ROUTING_POLICY_MARGIN),
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
# A worker process is replaced after this many tasks (a guard against slow leaks). Each new
# one loads the engine again (about 3 s of CPU with embeddings), so not too often.
Q_RECYCLE = read("Q_RECYCLE", env.int, default=2000)
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
    "recycle": Q_RECYCLE,
    "catch_up": False,
    # Successful tasks are not stored (-1): to prune them, django-q2 locked and loaded every
    # stored success (up to save_limit, with their pickled arguments and results) after each
    # task. Their work is recorded anyway (decisions, timeline, emails); failures are stored.
    "save_limit": -1,
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
# Customer addresses are not verified, so automatic replies to one address are capped per
# hour (beyond it the ticket waits for a human): the service cannot be made to mail strangers.
AUTO_REPLIES_PER_ADDRESS_PER_HOUR = read("AUTO_REPLIES_PER_ADDRESS_PER_HOUR", parse_positive_int, default="3")

# --- Email in (tickets/email/) -------------------------------------------------------

# The support mailbox: replies go to its plus-address (support+<token>@...), which threads them.
INBOUND_EMAIL_ADDRESS = read("INBOUND_EMAIL_ADDRESS", parse_mailbox_address, default=DEFAULT_FROM_EMAIL)
# POST /inbound/email/ answers only with this in X-Inbound-Token; unset, the endpoint is off (404).
INBOUND_EMAIL_TOKEN = read("INBOUND_EMAIL_TOKEN", env.str, default="")
# The mailbox the periodic reader (and `manage.py fetch_mail`) empties; unset: no reader.
IMAP_CONFIG = read("IMAP_URL", parse_imap_url, default="")
# Where read mail goes (created if missing); unset: it is only marked as seen.
IMAP_PROCESSED_FOLDER = read("IMAP_PROCESSED_FOLDER", env.str, default="")
# Trust this CA for the IMAP server's certificate (a private CA); unset: the system's CAs.
IMAP_CA_FILE = read("IMAP_CA_FILE", env.str, default="")
# A larger mail is quarantined unread; a larger attachment is dropped with a note.
INBOUND_EMAIL_MAX_BYTES = read("INBOUND_EMAIL_MAX_BYTES", parse_positive_int, default=str(10 * 2**20))
INBOUND_ATTACHMENT_MAX_BYTES = read(
    "INBOUND_ATTACHMENT_MAX_BYTES", parse_positive_int, default=str(5 * 2**20)
)

# --- Customer pages, response targets, metrics ---------------------------------------

# Where customers reach this service: the base of the private ticket links in emails.
SITE_URL = read("SITE_URL", env.str, default="http://127.0.0.1:8000").rstrip("/")
if not re.match(r"^https?://[^/\s]+(/\S*)?$", SITE_URL):
    raise ImproperlyConfigured(
        f"SITE_URL: {SITE_URL!r} is not an http(s) URL like https://support.example.com."
    )
# Time to a response, per priority, in hours (the review queue and the dashboard show it).
SLA_FIRST_RESPONSE_HOURS = read(
    "SLA_FIRST_RESPONSE_HOURS", parse_priority_hours, default="high=1,medium=8,low=24"
)
# An answer the customer neither confirms nor rejects for this many days counts as `assumed` resolved.
RESOLUTION_ASSUMED_AFTER_DAYS = read("RESOLUTION_ASSUMED_AFTER_DAYS", parse_positive_int, default="7")
# /metrics answers a client on one of these networks, or one sending `Authorization: Bearer
# <METRICS_TOKEN>`; everyone else gets 403. Loopback only by default.
METRICS_ALLOWED_ADDRESSES = read("METRICS_ALLOWED_ADDRESSES", parse_networks, default="127.0.0.1,::1")
METRICS_TOKEN = read("METRICS_TOKEN", env.str, default="")
# Several processes (gunicorn workers, qcluster workers) each count; with this directory set,
# prometheus_client writes every process's figures there and /metrics adds them up. It must
# be in the environment before prometheus_client is imported (this file runs first), shared
# by the web and worker processes of one host, and emptied before they start.
PROMETHEUS_MULTIPROC_DIR = read("PROMETHEUS_MULTIPROC_DIR", env.str, default="")
if PROMETHEUS_MULTIPROC_DIR:
    try:
        Path(PROMETHEUS_MULTIPROC_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ImproperlyConfigured(f"PROMETHEUS_MULTIPROC_DIR: cannot create it ({exc}).") from exc

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Card numbers, passwords, keys and phone numbers are masked in every log line.
    # 4xx warnings (a missing permission) are one line, without Django's traceback.
    "filters": {
        "redact_secrets": {"()": "supportdesk.log_redaction.RedactSecrets"},
        "client_errors_brief": {"()": "supportdesk.log_client_errors.ClientErrorsBrief"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["client_errors_brief", "redact_secrets"]}
    },
    "root": {"handlers": ["console"], "level": read("LOG_LEVEL", env.str, default="INFO")},
    # Django's default handlers for its own loggers have no redaction: route them through ours.
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
