from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.health import OK, health_report
from core.middleware import is_api_request
from core.serializers import HealthOutputSerializer


class HealthView(APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []

    @classmethod
    def as_view(cls, **initkwargs):
        # Outside ATOMIC_REQUESTS: opening the request's transaction would fail while the database
        # is down, before the report could say so.
        return transaction.non_atomic_requests(super().as_view(**initkwargs))

    @extend_schema(
        operation_id="health_retrieve",
        summary="服务健康状态",
        description="数据库、消息代理、搜索后端与编码器的状态。任一检查失败时返回 503，响应体结构相同。",
        responses={200: HealthOutputSerializer, 503: HealthOutputSerializer},
        tags=["health"],
    )
    def get(self, request: Request) -> Response:
        report = health_report()
        return Response(HealthOutputSerializer(report).data, status=200 if report["status"] == OK else 503)


# Exempt: it changes nothing, and a POST to an unknown /api/ path must be the same 404 as a GET, not a
# CSRF refusal (Django's HTML page: what an outside test saw with DEBUG on).
@csrf_exempt
def api_not_found(request, *args, **kwargs) -> JsonResponse:
    return JsonResponse({"detail": _("接口不存在。"), "code": "not_found", "fields": {}}, status=404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: the API's error shape on /api/ (DRF's SessionAuthentication words its own
    refusals the same way), Django's page for the admin and the rest."""
    if is_api_request(request):
        return JsonResponse(
            {"detail": _("CSRF 校验失败：%(reason)s") % {"reason": reason}, "code": "csrf_failed", "fields": {}},
            status=403,
        )
    return django_csrf_failure(request, reason)
