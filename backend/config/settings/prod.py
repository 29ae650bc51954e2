"""Production: only tightens base. Missing secrets stop start-up with the variable's name."""

from config.env import REPO_DIR, MissingSetting, env, require
from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = require("DJANGO_SECRET_KEY", "it signs sessions, CSRF tokens and password-reset links")
if SECRET_KEY == DEV_SECRET_KEY or "change-me" in SECRET_KEY:  # noqa: F405
    raise MissingSetting(
        "DJANGO_SECRET_KEY is a published placeholder (base.py or deploy/.env.example); set a random one"
    )
ALLOWED_HOSTS = [
    h for h in require("DJANGO_ALLOWED_HOSTS", "the host names this site answers to").split(",") if h.strip()
]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Production runs behind one TLS proxy (compose) or ingress (Kubernetes): the client address the
# login and registration limits count by is the one it appends to X-Forwarded-For. Without this,
# every client would share the proxy's address, and its limits.
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": env.int("TECHMATCH_NUM_PROXIES", default=1)}  # noqa: F405
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# The health probe of a load balancer or kubelet talks plain HTTP inside the cluster.
SECURE_REDIRECT_EXEMPT = [r"^api/health/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

STATIC_ROOT = REPO_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
vars().update(env.email_url("EMAIL_URL", default="smtp://localhost:25"))
