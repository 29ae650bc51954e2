"""Middleware of the API's error shape: oversized bodies, a database that is down.

DatabaseUnavailableMiddleware: what a request sees while the database is unreachable (restart,
failover, network): 503 JSON in the API's error shape with `code: database_unavailable`, not
Django's HTML 500 page. A middleware, not the DRF exception handler: with ATOMIC_REQUESTS the connection is opened when
the view's transaction starts, before DRF runs, so only `process_exception` sees every case.
The app needs no restart afterwards: Django drops a broken connection at the end of the request
and CONN_HEALTH_CHECKS checks a reused one before the next request uses it
(tests/faults/test_postgresql_restart.py).
"""

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from core.db import is_sqlite_locked
from core.exceptions import request_too_large_body, too_many_fields_body

logger = logging.getLogger(__name__)
RETRY_AFTER_S = 5


def is_api_request(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def announces_too_large_body(request: HttpRequest) -> bool:
    """Content-Length above DATA_UPLOAD_MAX_MEMORY_SIZE, for a body that counts toward it in full
    (a multipart upload's files do not: the registry import has its own limit)."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is None or request.content_type == "multipart/form-data":
        return False
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit
    except ValueError:
        return False


class RequestBodyLimitMiddleware:
    """A body over DATA_UPLOAD_MAX_MEMORY_SIZE answers a JSON 413 on /api/ paths wherever it is
    noticed. DRF views see Django's RequestDataTooBig in the exception handler (core/exceptions.py);
    this covers the rest: a body refused from its Content-Length before anything reads it (the CSRF
    middleware reads a form body before a plain Django view, where the exception became Django's
    HTML 400 page, DEBUG or not), and a plain view that reads the body itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if is_api_request(request) and announces_too_large_body(request):
            return JsonResponse(request_too_large_body(), status=413)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> JsonResponse | None:
        if not is_api_request(request):
            return None
        if isinstance(exception, RequestDataTooBig):
            return JsonResponse(request_too_large_body(), status=413)
        if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
            return JsonResponse(too_many_fields_body(), status=400)
        return None


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> JsonResponse | None:
        # OperationalError: refused, terminated or timed-out connections, all of them worth retrying.
        # InterfaceError: a connection that is already closed. Other database errors are bugs and
        # stay 500s.
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if is_sqlite_locked(exception):
            # SQLite is up; other writers held it past the busy timeout, and the request was run
            # again already (core/db.py). Busy, not down: a different code, a shorter wait.
            logger.warning("database busy during %s %s: %s", request.method, request.path, exception)
            response = JsonResponse(
                {"detail": _("系统繁忙，请稍后再试。"), "code": "database_busy", "fields": {}}, status=503
            )
            response["Retry-After"] = "1"
            return response
        logger.error(
            "database unavailable during %s %s: %s", request.method, request.path, str(exception).strip()[:300]
        )
        response = JsonResponse(
            {"detail": _("数据库暂时不可用，请稍后再试。"), "code": "database_unavailable", "fields": {}}, status=503
        )
        response["Retry-After"] = str(RETRY_AFTER_S)
        return response
