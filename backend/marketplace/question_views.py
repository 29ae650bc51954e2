"""答疑, the deadline extension and 邀请揭榜, under /api/challenges/{id}/ (a second viewset on the
challenges prefix, as indexing's matches are)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from core.openapi import example
from marketplace import questions
from marketplace.question_serializers import (
    AnswerInputSerializer,
    DeadlineExtensionInputSerializer,
    InvitationInputSerializer,
    InvitationOutputSerializer,
    QuestionInputSerializer,
    QuestionListOutputSerializer,
    QuestionOutputSerializer,
)
from marketplace.selectors import challenge_list
from marketplace.serializers import ChallengeDetailOutputSerializer
from marketplace.views import _detail


def _context(request: Request, challenge) -> dict:
    user = request.user
    org_id = getattr(user, "organisation_id", None) if user.is_authenticated else None
    return {
        "organisation_id": org_id,
        "sees_askers": (org_id is not None and org_id == challenge.organisation_id)
        or (user.is_authenticated and user.is_operator),
    }


@extend_schema(tags=["challenges"])
class ChallengeQuestionViewSet(viewsets.GenericViewSet):
    serializer_class = QuestionOutputSerializer  # for OPTIONS; every action declares its own
    filter_backends: list = []
    pagination_class = None

    def get_queryset(self):
        return challenge_list(viewer=self.request.user)

    @extend_schema(
        methods=["GET"],
        responses=QuestionListOutputSerializer,
        summary="答疑（发榜方看全部，其他人看公开答复与本单位的提问）",
    )
    @extend_schema(
        methods=["POST"],
        request=QuestionInputSerializer,
        responses={201: QuestionOutputSerializer},
        examples=[example("提问", {"text": "隔膜耐热指标是否按 150℃/1h 热收缩率考核？"})],
        summary="提问（可揭榜的已认证企业或科研机构，私下提出）",
    )
    @action(detail=True, methods=["get", "post"])
    def questions(self, request: Request, pk=None) -> Response:
        challenge = self.get_object()
        context = _context(request, challenge)
        if request.method == "GET":
            listed = questions.question_list(challenge=challenge, viewer=request.user)
            body = {
                "results": listed,
                "can_ask": questions.may_ask(challenge=challenge, viewer=request.user),
                "unanswered": sum(1 for q in listed if q.answered_at is None),
            }
            return Response(QuestionListOutputSerializer(body, context=context).data)
        data = QuestionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = questions.question_ask(challenge=challenge, by=request.user, **data.validated_data)
        return Response(QuestionOutputSerializer(question, context=context).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=AnswerInputSerializer,
        responses=QuestionOutputSerializer,
        parameters=[OpenApiParameter("question_id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        examples=[example("公开答复", {"answer": "按 150℃/1h 考核，热收缩率不高于 2%。", "public": True})],
        summary="答复提问（发榜单位；私下回复或公开答复）",
    )
    @action(detail=True, methods=["post"], url_path=r"questions/(?P<question_id>\d+)/answer")
    def answer_question(self, request: Request, pk=None, question_id=None) -> Response:
        challenge = self.get_object()
        question = get_object_or_404(questions.question_list(challenge=challenge, viewer=request.user), pk=question_id)
        data = AnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = questions.question_answer(question=question, by=request.user, **data.validated_data)
        return Response(QuestionOutputSerializer(question, context=_context(request, challenge)).data)

    @extend_schema(
        request=DeadlineExtensionInputSerializer,
        responses=ChallengeDetailOutputSerializer,
        examples=[example("延期", {"bid_deadline": "2027-05-31T17:00:00+08:00", "reason": "答疑后补充了测试条件"})],
        summary="延长揭榜截止时间（发榜单位，仅一次，须说明原因）",
    )
    @action(detail=True, methods=["post"], url_path="extend-deadline")
    def extend_deadline(self, request: Request, pk=None) -> Response:
        data = DeadlineExtensionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _detail(
            request,
            questions.challenge_extend_deadline(challenge=self.get_object(), by=request.user, **data.validated_data),
        )

    @extend_schema(
        request=InvitationInputSerializer,
        responses={201: InvitationOutputSerializer},
        examples=[example("邀请揭榜", {"organisation": 12})],
        summary="邀请揭榜（发榜单位；仅限受邀的榜单同时加入受邀名单）",
    )
    @action(detail=True, methods=["post"])
    def invitations(self, request: Request, pk=None) -> Response:
        data = InvitationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        invitation = questions.challenge_invite(challenge=self.get_object(), by=request.user, **data.validated_data)
        return Response(InvitationOutputSerializer(invitation).data, status=status.HTTP_201_CREATED)
