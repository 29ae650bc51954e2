"""Settings shared by every environment. Values that vary come from the environment (config.env),
with the embedded defaults of DESIGN.md so that a fresh clone runs with no server at all."""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE

from config.env import BASE_DIR, REPO_DIR, env

VAR_DIR = Path(env.str("TECHMATCH_VAR_DIR", default=str(REPO_DIR / "var"))).resolve()
FRONTEND_DIST = REPO_DIR / "frontend" / "dist"

# --- core -----------------------------------------------------------------------------------
# Overridden in prod.py, which requires DJANGO_SECRET_KEY; this key only ever signs dev data.
DEV_SECRET_KEY = "dev-insecure-techmatch-key-do-not-use-in-production"
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=DEV_SECRET_KEY)
DEBUG = False
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "core.views.csrf_failure"  # JSON on /api/, Django's page elsewhere

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",  # API tokens: stored as digests, expiring, one per sign-in (accounts.services.token_issue)
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "core",
    "accounts",
    "marketplace",
    "deals",
    "dashboard",
    "notifications",
    "indexing",
    "spa",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy on every response: CONTENT_SECURITY_POLICY below
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads a body (the CSRF middleware does, for a plain view): a JSON 413 on /api/.
    "core.middleware.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that its process_exception runs first: a lost database answers 503 JSON, not a 500 page.
    "core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

# --- Content-Security-Policy (django-csp) -------------------------------------------------------
# What the built React app, Swagger UI (/api/docs/, sidecar files) and the admin need, checked in
# Chromium on every page (tests/e2e/test_content_security_policy.py). Scripts come only from our
# own origin: Vite emits no inline script, and the docs load their init script from a URL
# (SpectacularSwaggerSplitView). Styles also allow 'unsafe-inline': antd 5 writes its CSS-in-JS
# into <style> elements at run time. ConfigProvider's `csp.nonce` would cover its theme and icon
# styles, but not those rc-util adds without it: the scroll lock under every modal and drawer
# (@rc-component/portal useScrollLocker) and the scrollbar measurement of fixed-header tables;
# each would be a violation, and the page behind a dialog would scroll. Inline styles cannot run
# code; scripts stay nonce-free and inline-free. img-src data: for antd's and Swagger UI's inline
# SVG icons; ECharts draws on canvas.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- cache: rate-limit counters --------------------------------------------------------------
# Local memory by default (one counter per process); production points it at Redis, e.g.
# redis://redis:6379/2, so that every web process shares the counters.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# --- database -------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Concurrent writers on the embedded default (tests/benchmarks/bench_sqlite_writers.py):
    # - WAL: readers never wait for the writer, the writer never waits for readers.
    # - IMMEDIATE: a transaction takes the write lock when it begins, where SQLite waits for it (the
    #   busy timeout, `timeout` in seconds). A DEFERRED one that read first and then wrote failed at
    #   once with "database is locked" when another connection had written meanwhile (waiting cannot
    #   help a stale snapshot): 169 of 200 writes by 20 users answered 503; none do now. Requests
    #   of safe methods still begin DEFERRED, and one that fails all the same is run again before
    #   anything was committed (core/db.py, the WSGI handler in config/wsgi.py).
    # - synchronous=NORMAL is durable in WAL mode except for the last transactions on a power cut.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env.int("TECHMATCH_SQLITE_BUSY_TIMEOUT", default=20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # libpq waits forever for a server that accepts and never answers (a partition, a failover in
    # progress); bounded, the request answers 503 instead (tests/faults/test_postgresql_restart.py).
    # A ?connect_timeout= in DATABASE_URL wins.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

# --- auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.validators.MinimumLengthValidator"},  # Django's, with a message Chinese users can read
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- i18n -----------------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- static files: the Vite build, served by WhiteNoise ---------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = None  # dev and tests serve frontend/dist through the finders; prod collects
STATICFILES_DIRS = [FRONTEND_DIST] if FRONTEND_DIST.is_dir() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Vite already fingerprints everything under assets/ (name-<hash>.js), so it may be cached forever.
WHITENOISE_IMMUTABLE_FILE_TEST = r"^.+[.-][0-9a-zA-Z_-]{8,}\.[^.]+$"

MEDIA_ROOT = VAR_DIR / "media"

# --- uploads: the registry import (deals/imports/upload.py checks each file before it is stored) -------
# 100,000 rows are about 25 MB as CSV, 9 MB as XLSX inflating to about 60 MB (tests/benchmarks).
DEALS_IMPORT_MAX_BYTES = env.int("TECHMATCH_IMPORT_MAX_BYTES", default=50 * 1024 * 1024)
DEALS_IMPORT_MAX_ROWS = env.int("TECHMATCH_IMPORT_MAX_ROWS", default=200_000)
DEALS_IMPORT_MAX_XLSX_UNCOMPRESSED = env.int("TECHMATCH_IMPORT_MAX_XLSX_UNCOMPRESSED", default=400 * 1024 * 1024)

# --- dashboard exports: built within the request (gunicorn's --timeout is 60 s) up to this many
# contracts, by a worker beyond (POST /api/dashboard/exports/). 100,000 rows take 17.5 s as XLSX on
# a quiet 2-core machine and up to 29 s under load, CSV half that (tests/benchmarks/bench_deals_import.py).
DASHBOARD_EXPORT_MAX_ROWS = env.int("TECHMATCH_EXPORT_MAX_ROWS", default=120_000)
# Background exports, files included, are dropped this many days after they were made.
DASHBOARD_EXPORT_KEEP_DAYS = env.int("TECHMATCH_EXPORT_KEEP_DAYS", default=7)

# --- e-mail ---------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="TechMatch <noreply@techmatch.local>")
# Where links in e-mails point (digest items, unsubscribe).
TECHMATCH_SITE_URL = env.str("TECHMATCH_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# --- REST API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # JSON bodies only (the registry import declares its own multipart parser). Form encodings cannot
    # carry our nested fields (indicators, milestones, parties): tests/fuzz found a multipart PATCH
    # answered 200 having silently dropped them. A cross-site HTML form cannot send JSON either.
    "DEFAULT_PARSER_CLASSES": ["core.parsers.JSONParser"],  # DRF's, refusing NUL characters
    "DEFAULT_PAGINATION_CLASS": "core.pagination.StandardPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.exceptions.api_exception_handler",
    "COERCE_DECIMAL_TO_STRING": True,
    # Signing in and registering, per client address, and failed sign-ins per account name
    # (accounts/throttles.py); "10/minute" style, an empty value switches a limit off. The counters
    # live in the default cache (CACHE_URL).
    "DEFAULT_THROTTLE_RATES": {
        "login": env.str("TECHMATCH_LOGIN_RATE", default="10/minute") or None,
        "login_account": env.str("TECHMATCH_LOGIN_ACCOUNT_RATE", default="20/hour") or None,
        "register": env.str("TECHMATCH_REGISTER_RATE", default="20/hour") or None,
    },
    # Proxies in front of the app whose X-Forwarded-For is trusted for the client address. 0: the
    # socket's address only, which nobody can forge (`make run`); prod.py defaults to 1, its proxy.
    "NUM_PROXIES": env.int("TECHMATCH_NUM_PROXIES", default=0),
}
# API tokens (django-rest-knox): a token unused for TECHMATCH_TOKEN_IDLE_HOURS expires; use extends
# it (written at most once a minute) up to TECHMATCH_TOKEN_MAX_DAYS after sign-in, then the user
# signs in again. Header unchanged: "Authorization: Token <token>".
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env.int("TECHMATCH_TOKEN_IDLE_HOURS", default=7 * 24)),
    "AUTO_REFRESH": True,
    "AUTO_REFRESH_MAX_TTL": timedelta(days=env.int("TECHMATCH_TOKEN_MAX_DAYS", default=30)),
    "MIN_REFRESH_INTERVAL": 60,
    "AUTH_HEADER_PREFIX": "Token",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "TechMatch 科技撮合平台 API",
    "DESCRIPTION": "湖州科技撮合平台：揭榜挂帅榜单、技术需求、能力成果、语义匹配、技术合同台账与数据看板。",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/",
    # Stable, readable enum names for the generated TypeScript types.
    "ENUM_NAME_OVERRIDES": {
        "ChallengeStatusEnum": "marketplace.models.Challenge.Status",
        "NeedStatusEnum": "marketplace.models.Need.Status",
        "CapabilityStatusEnum": "marketplace.models.Capability.Status",
        "CapabilityKindEnum": "marketplace.models.Capability.Kind",
        "BidStatusEnum": "marketplace.models.Bid.Status",
        "BidPartnerStateEnum": "marketplace.models.BidPartner.State",
        "IndicatorVerdictEnum": "indexing.serializers.INDICATOR_VERDICTS",
        "CooperationTypeEnum": "marketplace.models.CooperationType",
        "OrganisationKindEnum": "accounts.models.Organisation.Kind",
        "OrgRoleEnum": "accounts.models.User.Role",
        "GrantPowerEnum": "accounts.models.Grant.Power",
        "HealthStatusEnum": "core.serializers.STATUS_CHOICES",
        "RegionEnum": "accounts.models.Region",
        "DealStatusEnum": "deals.models.DealStatus",
        "DealImportStatusEnum": "deals.models.DealImport.Status",
        "DashboardExportStatusEnum": "dashboard.models.DashboardExport.Status",
        "ExportFileFormatEnum": "deals.serializers.FILE_FORMATS",
        "FileFormatEnum": "deals.models.DealImport.Format",
        "DealEntryKindEnum": "deals.models.DealEntry.Kind",
        "ContractTypeEnum": "deals.models.ContractType",
        "DealOriginEnum": "deals.models.DealOrigin",
        "QualificationKindEnum": "accounts.models.Qualification.Kind",
        "TargetRecordKindEnum": "dashboard.serializers.TARGET_RECORD_KINDS",
        "NotAwardedReasonEnum": "marketplace.models.Bid.NotAwardedReason",
        "NotificationKindEnum": "notifications.models.Notification.Kind",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- logging --------------------------------------------------------------------------------
LOG_LEVEL = env.str("DJANGO_LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"jieba": {"level": "WARNING"}, "elastic_transport": {"level": "WARNING"}},
}

from config.settings.integrations.celery import *  # noqa: E402,F403  CELERY_BROKER_URL unset -> in-process threads
from config.settings.integrations.matching import *  # noqa: E402,F403  MATCHING_ENCODER
from config.settings.integrations.search import *  # noqa: E402,F403  SEARCH_BACKEND=local|elasticsearch
