from drf_spectacular.utils import extend_schema

from core.openapi import example
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.filters import OrganisationFilter
from accounts.selectors import organisation_list
from accounts.serializers import (
    MeOutputSerializer,
    MemberAddInputSerializer,
    OrganisationOutputSerializer,
    OrganisationUpdateInputSerializer,
    OrganisationVerifyInputSerializer,
    RegisterInputSerializer,
    RegisterOutputSerializer,
    TokenInputSerializer,
    TokenOutputSerializer,
)
from accounts.services import member_add, organisation_update, organisation_verify, token_obtain, token_revoke, user_register
from accounts.throttles import ThrottledAuthMixin

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
        token_revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=TokenInputSerializer, responses={200: TokenOutputSerializer}, tags=["auth"], examples=[example("登录", {"username": "tianneng", "password": "TechMatch-2027"})], summary="用户名密码换取令牌")
    def post(self, request: Request) -> Response:
        data = TokenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        token = token_obtain(request=request, **data.validated_data)
        return Response(TokenOutputSerializer({"token": token.key}).data)


class RegisterView(ThrottledAuthMixin, APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_scope = "register"

    @extend_schema(
        request=RegisterInputSerializer,
        responses={201: RegisterOutputSerializer},
        examples=[REGISTER_EXAMPLE],
        tags=["auth"],
        summary="注册用户（可同时注册机构）",
        description="新机构为“未认证”状态：可以起草，通过平台运营方认证后才能发布和揭榜。",
    )
    def post(self, request: Request) -> Response:
        data = RegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = user_register(**data.validated_data)
        token = Token.objects.create(user=user)
        return Response(RegisterOutputSerializer({"user": user, "token": token.key}).data, status=status.HTTP_201_CREATED)


class MeView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=MeOutputSerializer, tags=["auth"], summary="当前用户")
    def get(self, request: Request) -> Response:
        return Response(MeOutputSerializer(request.user).data)


@extend_schema(tags=["organisations"])
class OrganisationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = OrganisationOutputSerializer
    filterset_class = OrganisationFilter

    def get_queryset(self):
        return organisation_list()

    @extend_schema(request=OrganisationUpdateInputSerializer, responses=OrganisationOutputSerializer, examples=[example("补充简介", {"description": "专注动力电池隔膜与电解液材料", "website": "https://www.example.cn"})], summary="修改机构信息")
    def partial_update(self, request: Request, pk=None) -> Response:
        data = OrganisationUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        org = organisation_update(organisation=self.get_object(), by=request.user, **data.validated_data)
        return Response(OrganisationOutputSerializer(org).data)

    @extend_schema(request=OrganisationVerifyInputSerializer, responses=OrganisationOutputSerializer, examples=[example("认证通过", {"approved": True, "note": "营业执照与统一社会信用代码核验一致"})], summary="认证机构（运营方）")
    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk=None) -> Response:
        data = OrganisationVerifyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        org = organisation_verify(organisation=self.get_object(), by=request.user, **data.validated_data)
        return Response(OrganisationOutputSerializer(org).data)

    @extend_schema(request=MemberAddInputSerializer, responses={201: MeOutputSerializer}, examples=[example("添加成员", {"username": "li.na", "password": "Taihu-lake-2027", "role": "member"})], summary="添加机构成员（机构管理员）")
    @action(detail=True, methods=["post"])
    def members(self, request: Request, pk=None) -> Response:
        data = MemberAddInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = member_add(organisation=self.get_object(), by=request.user, **data.validated_data)
        return Response(MeOutputSerializer(user).data, status=status.HTTP_201_CREATED)
