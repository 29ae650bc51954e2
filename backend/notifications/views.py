from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.openapi import example
from notifications.models import Notification
from notifications.selectors import notification_list, unread_count
from notifications.serializers import (
    NotificationOutputSerializer,
    PreferencesInputSerializer,
    PreferencesOutputSerializer,
    ReadAllOutputSerializer,
    UnreadCountOutputSerializer,
    UnsubscribeInputSerializer,
    UnsubscribeOutputSerializer,
)
from notifications.services import (
    notification_read,
    notifications_read_all,
    preference_of,
    preferences_update,
    unsubscribe,
)


@extend_schema(tags=["notifications"])
class NotificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = NotificationOutputSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Notification.objects.none()
        return notification_list(user=self.request.user)

    @extend_schema(responses=UnreadCountOutputSerializer, summary="未读通知数")
    @action(detail=False, methods=["get"], url_path="unread-count")
    def unread_count(self, request: Request) -> Response:
        return Response(UnreadCountOutputSerializer({"unread": unread_count(user=request.user)}).data)

    @extend_schema(request=None, responses=NotificationOutputSerializer, summary="标记为已读")
    @action(detail=True, methods=["post"])
    def read(self, request: Request, pk=None) -> Response:
        return Response(
            NotificationOutputSerializer(notification_read(notification=self.get_object(), by=request.user)).data
        )

    @extend_schema(request=None, responses=ReadAllOutputSerializer, summary="全部标记为已读")
    @action(detail=False, methods=["post"], url_path="read-all")
    def read_all(self, request: Request) -> Response:
        return Response(ReadAllOutputSerializer({"marked": notifications_read_all(by=request.user)}).data)

    @extend_schema(methods=["GET"], responses=PreferencesOutputSerializer, summary="我的通知偏好")
    @extend_schema(
        methods=["PATCH"],
        request=PreferencesInputSerializer,
        responses=PreferencesOutputSerializer,
        summary="修改通知偏好（按通知类型选择邮件摘要和即时邮件；站内通知始终显示）",
        examples=[
            example(
                "中榜通知立即发邮件，不列入摘要",
                {"kinds": [{"kind": "bid_awarded", "digest": False, "email": True}]},
            ),
            example("关闭全部通知邮件", {"digest": False}),
        ],
    )
    @action(detail=False, methods=["get", "patch"])
    def preferences(self, request: Request) -> Response:
        if request.method == "PATCH":
            data = PreferencesInputSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            preference = preferences_update(user=request.user, **data.validated_data)
        else:
            preference = preference_of(request.user)
        return Response(PreferencesOutputSerializer(preference).data)


class UnsubscribeView(APIView):
    """The link at the foot of every digest e-mail: one click, no login."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []

    @extend_schema(
        parameters=[UnsubscribeInputSerializer],
        responses=UnsubscribeOutputSerializer,
        tags=["notifications"],
        summary="退订邮件摘要",
    )
    def get(self, request: Request) -> Response:
        params = UnsubscribeInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        if unsubscribe(token=params.validated_data["token"]) is None:
            raise NotFound(_("退订链接无效或已过期"))
        return Response(UnsubscribeOutputSerializer({"detail": _("已退订匹配通知邮件；站内通知不受影响。")}).data)
