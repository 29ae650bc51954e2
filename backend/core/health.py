"""Health checks: each returns {"status": "ok"|"error", ...facts, "detail": str}. Never raises.
core checks the database and the broker; apps add theirs in AppConfig.ready() (indexing: the
search backend and the encoder), so that core imports none of them.

The report is public (load balancers and kubelets call it without credentials), so it names no
filesystem path: not the search index's folder, a model's folder, a socket or the SQLite file
(an outside test found the index's absolute path in it). The settings name them to operators."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath
from urllib.parse import urlsplit, urlunsplit

from celery import current_app
from django.conf import settings
from django.db import DatabaseError, connection
from django.utils.translation import gettext as _

OK, ERROR = "ok", "error"
BROKER_TIMEOUT_S = 2.0
HIDDEN = "<path>"
# An absolute or home-relative path; not the path of a URL ("host:9200/x") nor a fraction ("1/2"): a
# path starts after a space, a quote or a bracket.
_PATH = re.compile(r"""(?<![\w:/.\-])~?/[\w.@+\-][^\s'"<>|,;()\[\]{}]*""")


def redact_paths(text: str) -> str:
    return _PATH.sub(HIDDEN, text)


def public_encoder_name(name: str) -> str:
    """ "sentence-transformers:/models/multilingual-e5-small" -> "sentence-transformers:multilingual-e5-small"."""
    kind, sep, model = name.partition(":")
    if sep and model.startswith(("/", "~", ".")):
        return f"{kind}:{PurePosixPath(model.rstrip('/')).name}"
    return name


def mask_url(url: str) -> str:
    parts = urlsplit(url)
    if not parts.hostname and parts.path:  # redis+socket:///run/redis.sock, sqla+sqlite:///var/db
        return f"{parts.scheme}://{HIDDEN}"
    if parts.password is None:
        return url
    netloc = f"{parts.username or ''}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def check_database() -> dict:
    result = {"vendor": connection.vendor}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return {"status": ERROR, **result, "detail": redact_paths(str(exc).strip())[:300]}
    return {"status": OK, **result, "detail": ""}


def check_broker() -> dict:
    url = settings.CELERY_BROKER_URL
    if not url and settings.CELERY_TASK_ALWAYS_EAGER:
        return {"status": OK, "mode": "eager", "detail": _("未配置 CELERY_BROKER_URL：任务在进程内同步执行")}
    if not url:  # core/background.py
        return {"status": OK, "mode": "thread", "detail": _("未配置 CELERY_BROKER_URL：任务在本进程的后台线程中执行")}
    result = {"mode": urlsplit(url).scheme, "url": mask_url(url)}
    try:
        with current_app.connection_for_write(url) as conn:
            conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_S)
    except Exception as exc:  # kombu raises transport-specific errors; all of them mean "down"
        return {"status": ERROR, **result, "detail": redact_paths(f"{type(exc).__name__}: {exc}")[:300]}
    return {"status": OK, **result, "detail": ""}


Check = Callable[[], dict]
CHECKS: dict[str, Check] = {"database": check_database, "broker": check_broker}


def check_register(name: str, check: Check) -> None:
    """Call from an AppConfig.ready(); the report lists the checks in the order they were registered."""
    CHECKS[name] = check


def health_report() -> dict:
    checks = {name: check() for name, check in CHECKS.items()}
    overall = OK if all(c["status"] == OK for c in checks.values()) else ERROR
    return {"status": overall, "version": settings.SPECTACULAR_SETTINGS["VERSION"], "checks": checks}
