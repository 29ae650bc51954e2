from django.contrib.auth import logout
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.filters import OrganisationFilter
from accounts.models import MembershipRequest
from accounts.selectors import grant_list, membership_request_list, organisation_list
from accounts.serializers import (
    GrantInputSerializer,
    GrantOutputSerializer,
    GrantRevokeInputSerializer,
    MemberAddInputSerializer,
    MembershipDecisionInputSerializer,
    MembershipRequestInputSerializer,
    MembershipRequestOutputSerializer,
    MeOutputSerializer,
    OrganisationCreateInputSerializer,
    OrganisationOutputSerializer,
    OrganisationUpdateInputSerializer,
    OrganisationVerifyInputSerializer,
    RegisterInputSerializer,
    RegisterOutputSerializer,
    TokenInputSerializer,
    TokenOutputSerializer,
)
from accounts.services import (
    grant_add,
    grant_revoke,
    member_add,
    organisation_create,
    organisation_update,
    organisation_verify,
    token_issue,
    token_obtain,
    token_revoke,
    user_register,
)
from accounts.services_membership import membership_approve, membership_decline, membership_request
from accounts.throttles import ThrottledAuthMixin
from core.openapi import example

REGISTER_EXAMPLE = example(
    "研究院注册",
    {
        "username": "zhang.wei",
        "password": "Huzhou-2027-keji",
        "email": "zhangwei@example.cn",
        "organisation": {
            "name": "湖州南太湖新材料研究院",
            "kind": "institute",
            "institute_type": "new_rd",
            "uscc": "12330500MB12345670",
            "region": "nantaihu",
        },
    },
)


class TokenView(ThrottledAuthMixin, APIView):
    throttle_scope = "login"

    def get_permissions(self):
        return [permissions.IsAuthenticated()] if self.request.method == "DELETE" else [permissions.AllowAny()]

    def get_authenticators(self):
        # Signing in needs no credentials (and must not trip over a stale token); signing out does.
        return super().get_authenticators() if getattr(self.request, "method", "") == "DELETE" else []

    def get_throttles(self):
        return [] if self.request.method == "DELETE" else super().get_throttles()

    @extend_schema(request=None, responses={204: None}, tags=["auth"], summary="退出登录（吊销令牌）")
    def delete(self, request: Request) -> Response:
        if request.auth is not None:
            token_revoke(token=request.auth)
        else:  # the browser's session
            logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        request=TokenInputSerializer,
        responses={200: TokenOutputSerializer},
        tags=["auth"],
        examples=[example("登录", {"username": "tianneng", "password": "TechMatch-2027"})],
        summary="用户名密码换取令牌",
    )
    def post(self, request: Request) -> Response:
        data = TokenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        token = token_obtain(request=request, **data.validated_data)
        return Response(TokenOutputSerializer({"token": token}).data)


class RegisterView(ThrottledAuthMixin, APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_scope = "register"

    @extend_schema(
        request=RegisterInputSerializer,
        responses={201: RegisterOutputSerializer},
        examples=[REGISTER_EXAMPLE],
        tags=["auth"],
        summary="注册用户（可同时注册机构，或申请加入已有机构）",
        description="新机构为“未认证”状态：可以起草，通过平台运营方认证后才能发布和揭榜。"
        "申请加入已有机构（join_organisation）时，该机构管理员同意前不是其成员，没有任何权限。",
    )
    def post(self, request: Request) -> Response:
        data = RegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = user_register(**data.validated_data)
        output = RegisterOutputSerializer({"user": user, "token": token_issue(user=user)}, context={"viewer": user})
        return Response(output.data, status=status.HTTP_201_CREATED)


class MeView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=MeOutputSerializer, tags=["auth"], summary="当前用户")
    def get(self, request: Request) -> Response:
        return Response(MeOutputSerializer(request.user, context={"request": request}).data)


@extend_schema(tags=["organisations"])
class OrganisationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = OrganisationOutputSerializer
    filterset_class = OrganisationFilter

    def get_queryset(self):
        return organisation_list(viewer=self.request.user)

    @extend_schema(
        request=OrganisationCreateInputSerializer,
        responses={201: OrganisationOutputSerializer},
        examples=[
            example(
                "开设区县科技局",
                {
                    "name": "德清县科学技术局",
                    "kind": "government",
                    "uscc": "11330521002600019C",
                    "region": "deqing",
                    "reason": "德清县科技局来函申请开通",
                },
            )
        ],
        summary="开设机构（运营方；政府部门和运营方机构只能由此开设）",
    )
    def create(self, request: Request) -> Response:
        data = OrganisationCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        org = organisation_create(by=request.user, **data.validated_data)
        return Response(
            OrganisationOutputSerializer(org, context={"request": request}).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=OrganisationUpdateInputSerializer,
        responses=OrganisationOutputSerializer,
        examples=[
            example("补充简介", {"description": "专注动力电池隔膜与电解液材料", "website": "https://www.example.cn"})
        ],
        summary="修改机构信息",
        description="机构类型（kind）只有平台运营方可以修改，须附原因（reason），并记入审计记录。",
    )
    def partial_update(self, request: Request, pk=None) -> Response:
        data = OrganisationUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        org = organisation_update(organisation=self.get_object(), by=request.user, **data.validated_data)
        return Response(OrganisationOutputSerializer(org, context={"request": request}).data)

    @extend_schema(
        request=OrganisationVerifyInputSerializer,
        responses=OrganisationOutputSerializer,
        examples=[example("认证通过", {"approved": True, "note": "营业执照与统一社会信用代码核验一致"})],
        summary="认证机构（运营方）",
    )
    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk=None) -> Response:
        data = OrganisationVerifyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        org = organisation_verify(organisation=self.get_object(), by=request.user, **data.validated_data)
        return Response(OrganisationOutputSerializer(org, context={"request": request}).data)

    @extend_schema(
        request=MemberAddInputSerializer,
        responses={201: MeOutputSerializer},
        examples=[example("添加成员", {"username": "li.na", "password": "Taihu-lake-2027", "role": "member"})],
        summary="添加机构成员（机构管理员）",
    )
    @action(detail=True, methods=["post"])
    def members(self, request: Request, pk=None) -> Response:
        data = MemberAddInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = member_add(organisation=self.get_object(), by=request.user, **data.validated_data)
        return Response(MeOutputSerializer(user).data, status=status.HTTP_201_CREATED)


class IsOperator(permissions.BasePermission):
    message = _("只有平台运营方可以管理权限")

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.is_operator)


@extend_schema(tags=["grants"])
class GrantViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Official and operator powers: granted and revoked by the operator only, every change audited."""

    serializer_class = GrantOutputSerializer
    permission_classes = [IsOperator]
    filterset_fields = ["power", "user", "district"]

    def get_queryset(self):
        return grant_list()

    @extend_schema(
        request=GrantInputSerializer,
        responses={201: GrantOutputSerializer},
        examples=[
            example(
                "授予德清县科技局官员权限",
                {"user": 42, "power": "official", "district": "deqing", "reason": "县科技局来函，经办人已核验"},
            )
        ],
        summary="授予权限（运营方）",
    )
    def create(self, request: Request) -> Response:
        data = GrantInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        grant = grant_add(by=request.user, **data.validated_data)
        return Response(GrantOutputSerializer(grant).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=GrantRevokeInputSerializer,
        responses=GrantOutputSerializer,
        examples=[example("撤销", {"reason": "经办人调岗"})],
        summary="撤销权限（运营方）",
    )
    @action(detail=True, methods=["post"])
    def revoke(self, request: Request, pk=None) -> Response:
        data = GrantRevokeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        grant = grant_revoke(grant=self.get_object(), by=request.user, **data.validated_data)
        return Response(GrantOutputSerializer(grant).data)


@extend_schema(tags=["organisations"])
class MembershipRequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Requests to join an organisation: the requester's own, and those its admin decides."""

    serializer_class = MembershipRequestOutputSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_fields = ["status", "organisation"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no signed-in user
            return MembershipRequest.objects.none()
        return membership_request_list(viewer=self.request.user)

    @extend_schema(
        request=MembershipRequestInputSerializer,
        responses={201: MembershipRequestOutputSerializer},
        examples=[example("申请加入", {"organisation": 7, "message": "我是研发部的李娜"})],
        summary="申请加入已有机构（尚无机构的用户）",
    )
    def create(self, request: Request) -> Response:
        data = MembershipRequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        joining = membership_request(user=request.user, **data.validated_data)
        return Response(MembershipRequestOutputSerializer(joining).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=MembershipDecisionInputSerializer,
        examples=[example("同意", {"note": "欢迎加入研发部"})],
        responses=MembershipRequestOutputSerializer,
        summary="同意加入申请（该机构管理员）",
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk=None) -> Response:
        data = MembershipDecisionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        joining = membership_approve(request=self.get_object(), by=request.user, **data.validated_data)
        return Response(MembershipRequestOutputSerializer(joining).data)

    @extend_schema(
        request=MembershipDecisionInputSerializer,
        responses=MembershipRequestOutputSerializer,
        examples=[example("拒绝", {"note": "本单位没有这位同事"})],
        summary="拒绝加入申请（该机构管理员）",
    )
    @action(detail=True, methods=["post"])
    def decline(self, request: Request, pk=None) -> Response:
        data = MembershipDecisionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        joining = membership_decline(request=self.get_object(), by=request.user, **data.validated_data)
        return Response(MembershipRequestOutputSerializer(joining).data)
