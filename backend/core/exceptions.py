"""One error shape for the whole API: {"detail": str, "code": str, "fields": {name: [messages]}}.

Services raise ApplicationError (business rule broken) or Django's ValidationError (bad data);
the handler maps both to JSON so that bad input never becomes a 500.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


class ApplicationError(Exception):
    """A business rule refused the request (400); Conflict and Forbidden below for 409 and 403."""

    def __init__(self, message: str, *, code: str = "invalid", status_code: int = 400, extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status_code = status_code
        self.extra = extra or {}


class Conflict(ApplicationError):
    """The object's current state forbids the action (409): it is not the client's data that is wrong."""

    def __init__(self, message: str, *, extra: dict | None = None):
        super().__init__(message, code="conflict", status_code=409, extra=extra)


class Forbidden(ApplicationError):
    """The user may not do this (403), whatever the data."""

    def __init__(self, message: str, *, extra: dict | None = None):
        super().__init__(message, code="permission_denied", status_code=403, extra=extra)


# Seconds a client should wait before asking again: a posting is indexed within seconds of its
# write; an index that is down is retried by the outbox every minute.
RETRY_AFTER = {"index_pending": 5, "search_unavailable": 30}


def _as_lists(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {key: _as_lists(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_as_lists(item) for item in detail]
    return str(detail)


def request_too_large_body() -> dict:
    """The 413 body for a request over DATA_UPLOAD_MAX_MEMORY_SIZE (files of multipart uploads do not count)."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return {
        "detail": _("请求内容超过 %(kb)d KB 上限") % {"kb": (limit or 0) // 1024},
        "code": "request_too_large",
        "fields": {},
    }


def too_many_fields_body() -> dict:
    return {"detail": _("请求中的字段或文件过多"), "code": "parse_error", "fields": {}}


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    from search.backends import SearchUnavailable

    if isinstance(exc, SearchUnavailable):
        # Decided: while the index is down, search and matches answer 503 (writes still succeed;
        # the outbox brings the index up to date when it returns).
        return Response(
            {"detail": _("搜索服务暂时不可用，请稍后再试。"), "code": "search_unavailable", "fields": {}},
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": str(RETRY_AFTER["search_unavailable"])},
        )
    # Django raises these while DRF reads the body (request.body, the multipart parser); as
    # SuspiciousOperations they had been Django's HTML 400 page.
    if isinstance(exc, RequestDataTooBig):
        return Response(request_too_large_body(), status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return Response(too_many_fields_body(), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ApplicationError):
        body = {"detail": exc.message, "code": exc.code, "fields": {}}
        if exc.extra:
            body["extra"] = exc.extra
        retry = RETRY_AFTER.get(exc.code) if exc.status_code == status.HTTP_503_SERVICE_UNAVAILABLE else None
        return Response(body, status=exc.status_code, headers={"Retry-After": str(retry)} if retry else None)
    if isinstance(exc, DataError):
        # A value the database cannot store or compare (a NUL in a query parameter, on PostgreSQL):
        # the client's input, not a server fault.
        exc = exceptions.ValidationError({"non_field_errors": [_("请求中含有数据库无法处理的字符或数值")]})
    if isinstance(exc, DjangoValidationError):
        fields = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(fields)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {"detail": _("输入有误，请检查各字段。"), "code": "invalid", "fields": _as_lists(detail)}
        response.status_code = status.HTTP_400_BAD_REQUEST
    else:
        code = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
        response.data = {"detail": str(response.data.get("detail", "")), "code": str(code), "fields": {}}
    return response
