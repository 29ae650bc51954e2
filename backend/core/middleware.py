"""What a request sees while the database is unreachable (restart, failover, network): 503 JSON in
the API's error shape with `code: database_unavailable`, not Django's HTML 500 page.

A middleware, not the DRF exception handler: with ATOMIC_REQUESTS the connection is opened when
the view's transaction starts, before DRF runs, so only `process_exception` sees every case.
The app needs no restart afterwards: Django drops a broken connection at the end of the request
and CONN_HEALTH_CHECKS checks a reused one before the next request uses it
(tests/faults/test_postgresql_restart.py).
"""
import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)
RETRY_AFTER_S = 5


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> JsonResponse | None:
        # OperationalError: refused, terminated or timed-out connections (and SQLite's "database is
        # locked"), all of them worth retrying. InterfaceError: a connection that is already closed.
        # Other database errors are bugs and stay 500s.
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("database unavailable during %s %s: %s", request.method, request.path, str(exception).strip()[:300])
        response = JsonResponse({"detail": _("数据库暂时不可用，请稍后再试。"), "code": "database_unavailable", "fields": {}},
                                status=503)
        response["Retry-After"] = str(RETRY_AFTER_S)
        return response
