"""Health checks: each returns {"status": "ok"|"error", ...facts, "detail": str}. Never raises."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils.translation import gettext as _

from matching.encoders import EncoderError, load_encoder

OK, ERROR = "ok", "error"
BROKER_TIMEOUT_S = 2.0


def mask_url(url: str) -> str:
    parts = urlsplit(url)
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
        return {"status": ERROR, **result, "detail": str(exc).strip()[:300]}
    return {"status": OK, **result, "detail": ""}


def check_broker() -> dict:
    url = settings.CELERY_BROKER_URL
    if not url:
        return {"status": OK, "mode": "eager", "detail": _("未配置 CELERY_BROKER_URL：任务在进程内同步执行")}
    from config.celery import app

    result = {"mode": urlsplit(url).scheme, "url": mask_url(url)}
    try:
        with app.connection_for_write(url) as conn:
            conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_S)
    except Exception as exc:  # kombu raises transport-specific errors; all of them mean "down"
        return {"status": ERROR, **result, "detail": f"{type(exc).__name__}: {exc}"[:300]}
    return {"status": OK, **result, "detail": ""}


def check_search() -> dict:
    from indexing.backend import backend_options, get_search_backend
    from search.backends import SearchUnavailable

    backend = settings.SEARCH_BACKEND
    facts = {"backend": backend}
    if backend == "elasticsearch":
        facts["url"] = ",".join(mask_url(u) for u in backend_options()["hosts"])
    try:
        state = get_search_backend().health()
    except (SearchUnavailable, ValueError) as exc:
        return {"status": ERROR, **facts, "detail": str(exc)[:300]}
    return {"status": state["status"], **facts, "detail": state["detail"]}


def check_encoder() -> dict:
    spec = settings.MATCHING_ENCODER
    try:
        encoder = load_encoder(spec)
    except EncoderError as exc:
        return {"status": ERROR, "name": spec, "detail": str(exc)[:300]}
    return {"status": OK, "name": encoder.name, "detail": _("%(dim)d 维向量") % {"dim": encoder.dim}}


def health_report() -> dict:
    checks = {
        "database": check_database(),
        "broker": check_broker(),
        "search": check_search(),
        "encoder": check_encoder(),
    }
    overall = OK if all(c["status"] == OK for c in checks.values()) else ERROR
    return {"status": overall, "version": settings.SPECTACULAR_SETTINGS["VERSION"], "checks": checks}
