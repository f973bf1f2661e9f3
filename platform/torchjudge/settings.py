"""TorchJudge settings, read from the environment (see README: Configuration).

Defaults give a one-command local run: SQLite under var/, Redis on localhost, a secret key generated once
and kept in var/. Production sets DATABASE_URL, REDIS_URL, SECRET_KEY, DEBUG=0 and ALLOWED_HOSTS.
"""

import hashlib
import os
import re
import warnings

import dj_database_url

from graders.config import ROOT, VAR, kept_secret

BASE_DIR = ROOT


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


VAR.mkdir(parents=True, exist_ok=True)
DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or kept_secret("secret-key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

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
    "judge",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files in production too (no proxy needed)
    "torchjudge.errors.RequestGuardMiddleware",  # 413 for oversized bodies, 400 for non-UTF-8 forms
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "torchjudge.urls"
WSGI_APPLICATION = "torchjudge.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [ROOT / "platform" / "templates"],
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
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR / 'db.sqlite3'}"), conn_max_age=60,
        conn_health_checks=True,  # a kept connection that a database restart broke is replaced, not used
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Email (password reset): printed to the console unless an SMTP host is configured.
EMAIL_SMTP_HOST = os.environ.get("EMAIL_HOST", "")
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
if EMAIL_SMTP_HOST:
    MAILERS["default"] = {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": {
        "host": EMAIL_SMTP_HOST, "port": env_int("EMAIL_PORT", 587), "use_tls": env_bool("EMAIL_USE_TLS", True),
        "username": os.environ.get("EMAIL_HOST_USER", ""), "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    }}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "TorchJudge <noreply@localhost>")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "problem-list"
LOGOUT_REDIRECT_URL = "problem-list"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = ROOT / "staticfiles"
STATICFILES_DIRS = [ROOT / "platform" / "static"]
# WhiteNoise serves straight from STATICFILES_DIRS (indexed once at start), so no collectstatic step is needed.
# STATIC_ROOT stays for a deployment that collects the files behind a proxy; until then WhiteNoise would warn,
# in every web process at start, that the folder does not exist.
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", message=re.escape(f"No directory at: {STATIC_ROOT}"))
WHITENOISE_AUTOREFRESH = DEBUG
CSRF_FAILURE_VIEW = "torchjudge.errors.csrf_failure"

# Security: strict in production (DEBUG=0); `manage.py check --deploy` is clean with those values.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # a logged-in page reads its session from Redis
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Celery: Redis broker; a task is acknowledged only after it finished, so a dead worker's task is redelivered.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("TJ_TASK_SOFT_TIME_LIMIT", 1500)
CELERY_TASK_TIME_LIMIT = env_int("TJ_TASK_TIME_LIMIT", 1560)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_DEFAULT_QUEUE = "cpu"
CELERY_TASK_IGNORE_RESULT = True
# The lost-work sweeper: `celery beat`, its own supervised process (scripts/up.sh), sends it this often. A sweep
# that waited longer than that in a busy queue is dropped: the next one is already on its way.
TJ_SWEEP_EVERY_S = env_int("TJ_SWEEP_EVERY_S", 10)
CELERY_BEAT_SCHEDULE = {
    "sweep-lost-submissions": {"task": "judge.tasks.sweep_lost_submissions", "schedule": float(TJ_SWEEP_EVERY_S),
                               "options": {"expires": TJ_SWEEP_EVERY_S}},
}

# Grading.
# The hardware class leaderboards group by; empty: derived by the worker (cpu, or from its GPU's name).
TJ_HARDWARE = os.environ.get("TJ_HARDWARE", "")
TJ_MAX_CODE_BYTES = env_int("TJ_MAX_CODE_BYTES", 64 * 1024)
TJ_RETRY_DELAYS = [int(x) for x in env_list("TJ_RETRY_DELAYS", "5,20,60")]
TJ_SWEEP_AFTER_S = env_int("TJ_SWEEP_AFTER_S", 60)  # a queued submission this old is re-sent by the sweeper
TJ_LEASE_S = env_int("TJ_LEASE_S", 30)  # a claim's lease; the grading worker's heartbeat renews it every quarter
TJ_MAX_ATTEMPTS = env_int("TJ_MAX_ATTEMPTS", 6)  # claims after which lost work fails (IE) instead of a re-send
TJ_DB_PATIENCE_S = env_int("TJ_DB_PATIENCE_S", 60)  # how long a worker waits for a restarting database

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Tests run a real Celery worker in another process, so the SQLite test database must be a file.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(VAR / "test-db.sqlite3")}

# --- Web experience: practice and API apps, cache (rate-limit counters), REST framework, OpenAPI. ---
INSTALLED_APPS += ["practice", "api", "drf_spectacular_sidecar"]

# Rate limits are counted in the cache, which must be shared by every web process: Redis, a separate db.
# Its keys carry the database's identity: cached pages hold rows of one database, and two sites (say the up
# command's and the test suite's) that share a Redis must never serve each other's.
_DB = DATABASES["default"]
_DB_IDENTITY = f"{_DB['ENGINE']}|{_DB.get('HOST', '')}|{_DB.get('PORT', '')}|{_DB['NAME']}"
CACHES = {
    "default": {
        "BACKEND": "torchjudge.cache.ReusingRedisCache",
        "LOCATION": os.environ.get("CACHE_URL", REDIS_URL.rsplit("/", 1)[0] + "/1"),
        "KEY_PREFIX": "tj-" + hashlib.sha256(_DB_IDENTITY.encode()).hexdigest()[:12],
    }
}
TJ_RUN_RATE = os.environ.get("TJ_RUN_RATE", "10/min")  # "count/period", period one of s, min, hour, day
TJ_SUBMIT_RATE = os.environ.get("TJ_SUBMIT_RATE", "5/min")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",  # the browsable API; enforces CSRF
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "TorchJudge API",
    "DESCRIPTION": "Browse problems, submit solutions and poll their verdicts. Authenticate with "
                   "`Authorization: Token <key>` (POST /api/token/ to get a key).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
