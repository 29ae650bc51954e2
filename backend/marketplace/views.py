from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from core.openapi import example
from marketplace import services
from marketplace.filters import CapabilityFilter, ChallengeFilter, NeedFilter
from marketplace.models import Capability, Need
from marketplace.selectors import (
    bid_list,
    bids_of,
    capability_list,
    challenge_bid_count,
    challenge_details_visible,
    challenge_history,
    challenge_list,
    challenge_viewer_state,
    industry_list,
    need_list,
    partner_invitations,
    partner_link_get,
    posting_duplicates,
)
from marketplace.serializers import (
    AwardInputSerializer,
    BidInputSerializer,
    BidInvitationOutputSerializer,
    BidOutputSerializer,
    CapabilityCreateOutputSerializer,
    CapabilityInputSerializer,
    CapabilityOutputSerializer,
    CapabilityUpdateInputSerializer,
    ChallengeCreateOutputSerializer,
    ChallengeDetailOutputSerializer,
    ChallengeInputSerializer,
    ChallengeListOutputSerializer,
    ChallengeTransitionOutputSerializer,
    ChallengeUpdateInputSerializer,
    ConcludeInputSerializer,
    DuplicateOutputSerializer,
    IndustryChainListOutputSerializer,
    KeyProjectInputSerializer,
    MyBidOutputSerializer,
    NeedCreateOutputSerializer,
    NeedInputSerializer,
    NeedOutputSerializer,
    NeedUpdateInputSerializer,
    ReasonInputSerializer,
    RequiredReasonInputSerializer,
)

CHALLENGE_EXAMPLE = example(
    "动力电池隔膜榜单",
    {
        "title": "高安全动力电池陶瓷涂覆隔膜研发",
        "summary": "面向新能源汽车动力电池，攻关高耐热、低收缩的涂覆隔膜。",
        "description": "现有隔膜在150℃下热收缩明显，易引发热失控。需开发陶瓷涂覆隔膜并完成中试验证。",
        "industry": "new_energy_vehicle",
        "list_type": "substitution",
        "indicators": [
            {"name": "150℃热收缩率", "target": "≤2", "unit": "%"},
            {"name": "穿刺强度", "target": "≥500", "unit": "gf"},
        ],
        "keywords": ["隔膜", "陶瓷涂覆", "热失控"],
        "bounty": "3000000.00",
        "funding_mode": "enterprise",
        "mode": "saima",
        "max_winners": 2,
        "bid_deadline": "2027-03-31T17:00:00+08:00",
        "confidentiality": "public",
    },
)
NEED_EXAMPLE = example(
    "VOC治理需求",
    {
        "title": "木制家具喷涂车间VOC超标",
        "description": "家具厂喷涂车间挥发性有机物排放超标，希望找到低成本的治理或水性涂料替代方案。",
        "industry": "green_home",
        "keywords": ["VOC", "水性涂料"],
        "budget_min": "300000.00",
        "budget_max": "800000.00",
        "cooperation_type": "development",
        "publish": True,
    },
)
CAPABILITY_EXAMPLE = example(
    "VOC治理成果",
    {
        "title": "低温等离子体协同催化VOC治理技术",
        "description": "等离子体与催化剂协同降解苯系物，去除率95%以上，适用于家具、印刷行业中低浓度废气。",
        "industry": "green_energy",
        "kind": "achievement",
        "keywords": ["VOC治理", "等离子体"],
        "trl": 7,
        "patents": ["ZL202110123456.7"],
        "team": "教授2名、博士5名",
        "cooperation_types": ["transfer", "license"],
        "price_min": "500000.00",
        "price_max": "1500000.00",
        "publish": True,
    },
)
BID_EXAMPLE = example(
    "联合体揭榜",
    {
        "proposal": "采用勃姆石陶瓷涂层与芳纶复合，兼顾耐热与透气。",
        "approach": "浆料配方优化—涂布工艺—中试线验证—装车测试。",
        "price": "2800000.00",
        "duration_days": 540,
        "milestones": [
            {"title": "小试样品", "due_day": 120, "deliverable": "热收缩率≤3%的样品"},
            {"title": "中试验证", "due_day": 360, "deliverable": "中试线连续生产报告"},
        ],
        "partners": [{"organisation": 12, "role": "中试放大"}],
    },
)


def _with_duplicates(request: Request, posting, data: dict) -> Response:
    """A new posting answers 201 with the near-duplicates its author should look at (not a block)."""
    duplicates = posting_duplicates(posting=posting, viewer=request.user)
    data["duplicates"] = DuplicateOutputSerializer([{"posting": p, "score": s} for p, s in duplicates], many=True).data
    return Response(data, status=status.HTTP_201_CREATED)


def _detail(request: Request, challenge) -> Response:
    if not hasattr(challenge, "bid_count"):  # as a service returned it, not read through challenge_list
        challenge.bid_count = challenge_bid_count(challenge)
    context = {
        "details_visible": challenge_details_visible(challenge=challenge, viewer=request.user),
        "viewer_state": challenge_viewer_state(challenge=challenge, viewer=request.user),
    }
    return Response(ChallengeDetailOutputSerializer(challenge, context=context).data)


@extend_schema(tags=["industries"])
class IndustryViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = IndustryChainListOutputSerializer
    pagination_class = None

    def get_queryset(self):
        return industry_list()


@extend_schema_view(
    list=extend_schema(summary="榜单列表", responses=ChallengeListOutputSerializer(many=True)),
)
@extend_schema(tags=["challenges"])
class ChallengeViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = ChallengeListOutputSerializer
    filterset_class = ChallengeFilter

    def get_queryset(self):
        return challenge_list(viewer=self.request.user)

    @extend_schema(
        request=ChallengeInputSerializer,
        responses={201: ChallengeCreateOutputSerializer},
        examples=[CHALLENGE_EXAMPLE],
        summary="起草榜单",
    )
    def create(self, request: Request) -> Response:
        data = ChallengeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        challenge = services.challenge_create(by=request.user, **data.validated_data)
        return _with_duplicates(request, challenge, dict(_detail(request, challenge).data))

    @extend_schema(responses=ChallengeDetailOutputSerializer, summary="榜单详情（保密榜单对无权查看者隐去详情）")
    def retrieve(self, request: Request, pk=None) -> Response:
        return _detail(request, self.get_object())

    @extend_schema(
        request=ChallengeUpdateInputSerializer,
        responses=ChallengeDetailOutputSerializer,
        examples=[example("延后截止", {"bid_deadline": "2027-04-30T17:00:00+08:00", "summary": "截止时间延后一个月"})],
        summary="修改榜单",
    )
    def partial_update(self, request: Request, pk=None) -> Response:
        data = ChallengeUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _detail(
            request, services.challenge_update(challenge=self.get_object(), by=request.user, **data.validated_data)
        )

    @extend_schema(request=None, responses=ChallengeDetailOutputSerializer, summary="发布榜单（草稿 → 揭榜中）")
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk=None) -> Response:
        return _detail(request, services.challenge_publish(challenge=self.get_object(), by=request.user))

    @extend_schema(
        request=ReasonInputSerializer,
        responses=ChallengeDetailOutputSerializer,
        examples=[example("提前截止", {"reason": "已征集到足够方案"})],
        summary="截止揭榜（揭榜中 → 已截止）",
    )
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk=None) -> Response:
        data = ReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _detail(
            request, services.challenge_close(challenge=self.get_object(), by=request.user, **data.validated_data)
        )

    @extend_schema(
        request=RequiredReasonInputSerializer,
        responses=ChallengeDetailOutputSerializer,
        examples=[example("撤榜", {"reason": "企业技术路线调整"})],
        summary="撤榜",
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk=None) -> Response:
        data = RequiredReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _detail(
            request, services.challenge_cancel(challenge=self.get_object(), by=request.user, **data.validated_data)
        )

    @extend_schema(
        request=AwardInputSerializer,
        responses=ChallengeDetailOutputSerializer,
        summary="定榜：选择中榜申请（揭榜挂帅1个，赛马制不超过最多中榜团队数）",
        examples=[
            example(
                "赛马制定榜",
                {
                    "bids": [31, 34],
                    "reason": "两条技术路线并行攻关",
                    "not_awarded": [
                        {"bid": 32, "reason": "price", "note": ""},
                        {"bid": 33, "reason": "other", "note": "样机测试数据不完整"},
                    ],
                    "close_early": False,
                },
            )
        ],
    )
    @action(detail=True, methods=["post"])
    def award(self, request: Request, pk=None) -> Response:
        data = AwardInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        challenge = services.challenge_award(
            challenge=self.get_object(),
            by=request.user,
            bid_ids=data.validated_data["bids"],
            reason=data.validated_data["reason"],
            not_awarded={item["bid"]: (item["reason"], item["note"]) for item in data.validated_data["not_awarded"]},
            close_early=data.validated_data["close_early"],
        )
        return _detail(request, challenge)

    @extend_schema(request=None, responses=ChallengeDetailOutputSerializer, summary="启动攻关（已定榜 → 攻关中）")
    @action(detail=True, methods=["post"])
    def start(self, request: Request, pk=None) -> Response:
        return _detail(request, services.challenge_start(challenge=self.get_object(), by=request.user))

    @extend_schema(
        request=ConcludeInputSerializer,
        responses=ChallengeDetailOutputSerializer,
        examples=[example("通过验收", {"accepted": True, "reason": "全部指标达到，专家组验收通过"})],
        summary="验收（攻关中 → 已验收/未通过验收）",
    )
    @action(detail=True, methods=["post"])
    def conclude(self, request: Request, pk=None) -> Response:
        data = ConcludeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _detail(
            request, services.challenge_conclude(challenge=self.get_object(), by=request.user, **data.validated_data)
        )

    @extend_schema(
        request=KeyProjectInputSerializer,
        responses=ChallengeDetailOutputSerializer,
        examples=[example("认定", {"key_project": True}), example("取消认定", {"key_project": False})],
        summary="认定或取消重点科研攻关项目（仅政府部门）",
    )
    @action(detail=True, methods=["post"], url_path="key-project")
    def key_project(self, request: Request, pk=None) -> Response:
        data = KeyProjectInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _detail(
            request,
            services.challenge_set_key_project(challenge=self.get_object(), by=request.user, **data.validated_data),
        )

    @extend_schema(request=None, responses=ChallengeDetailOutputSerializer, summary="接受保密条款（仅公开摘要的榜单）")
    @action(detail=True, methods=["post"], url_path="accept-terms")
    def accept_terms(self, request: Request, pk=None) -> Response:
        challenge = self.get_object()
        services.terms_accept(challenge=challenge, by=request.user)
        return _detail(request, challenge)

    @extend_schema(
        responses=ChallengeTransitionOutputSerializer(many=True),
        summary="状态变更记录（显示机构与角色；账号仅平台运营方及本单位可见）",
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def history(self, request: Request, pk=None) -> Response:
        transitions = challenge_history(challenge=self.get_object(), viewer=request.user)
        return Response(ChallengeTransitionOutputSerializer(transitions, many=True).data)

    @extend_schema(
        methods=["GET"], responses=BidOutputSerializer(many=True), summary="揭榜申请（发榜方看全部，揭榜方只看自己的）"
    )
    @extend_schema(
        methods=["POST"],
        request=BidInputSerializer,
        responses={201: BidOutputSerializer},
        examples=[BID_EXAMPLE],
        summary="提交揭榜申请",
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None, filter_backends=[])
    def bids(self, request: Request, pk=None) -> Response:
        challenge = self.get_object()
        if request.method == "GET":
            return Response(BidOutputSerializer(bid_list(challenge=challenge, viewer=request.user), many=True).data)
        data = BidInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        partners = [(p["organisation"], p["role"]) for p in data.validated_data.pop("partners")]
        bid = services.bid_submit(challenge=challenge, by=request.user, partners=partners, **data.validated_data)
        return Response(BidOutputSerializer(bid).data, status=status.HTTP_201_CREATED)

    def _bid(self, request: Request, bid_id: str):
        return get_object_or_404(bid_list(challenge=self.get_object(), viewer=request.user), pk=bid_id)

    @extend_schema(request=None, responses=BidOutputSerializer, summary="撤回揭榜申请（揭榜方）")
    @action(detail=True, methods=["post"], url_path=r"bids/(?P<bid_id>\d+)/withdraw")
    def withdraw_bid(self, request: Request, pk=None, bid_id=None) -> Response:
        return Response(
            BidOutputSerializer(services.bid_withdraw(bid=self._bid(request, bid_id), by=request.user)).data
        )

    @extend_schema(request=None, responses=BidOutputSerializer, summary="入围（发榜方）")
    @action(detail=True, methods=["post"], url_path=r"bids/(?P<bid_id>\d+)/shortlist")
    def shortlist_bid(self, request: Request, pk=None, bid_id=None) -> Response:
        return Response(
            BidOutputSerializer(services.bid_shortlist(bid=self._bid(request, bid_id), by=request.user)).data
        )


@extend_schema(tags=["needs"])
class NeedViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = NeedOutputSerializer
    filterset_class = NeedFilter

    def get_queryset(self):
        return need_list(viewer=self.request.user)

    @extend_schema(
        request=NeedInputSerializer,
        responses={201: NeedCreateOutputSerializer},
        examples=[NEED_EXAMPLE],
        summary="发布技术需求",
    )
    def create(self, request: Request) -> Response:
        data = NeedInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        need = services.need_create(by=request.user, **data.validated_data)
        return _with_duplicates(request, need, dict(NeedOutputSerializer(need).data))

    @extend_schema(
        request=NeedUpdateInputSerializer,
        responses=NeedOutputSerializer,
        examples=[example("提高预算", {"budget_max": "1000000.00"})],
        summary="修改技术需求",
    )
    def partial_update(self, request: Request, pk=None) -> Response:
        data = NeedUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(
            NeedOutputSerializer(
                services.need_update(need=self.get_object(), by=request.user, **data.validated_data)
            ).data
        )

    def _set_status(self, request: Request, status_value: str) -> Response:
        need = services.need_set_status(need=self.get_object(), by=request.user, status=status_value)
        return Response(NeedOutputSerializer(need).data)

    @extend_schema(request=None, responses=NeedOutputSerializer, summary="发布（草稿 → 征集中）")
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk=None) -> Response:
        return self._set_status(request, Need.Status.OPEN)

    @extend_schema(request=None, responses=NeedOutputSerializer, summary="关闭需求")
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk=None) -> Response:
        return self._set_status(request, Need.Status.CLOSED)

    @extend_schema(request=None, responses=NeedOutputSerializer, summary="重新开放需求")
    @action(detail=True, methods=["post"])
    def reopen(self, request: Request, pk=None) -> Response:
        return self._set_status(request, Need.Status.OPEN)


@extend_schema(tags=["capabilities"])
class CapabilityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = CapabilityOutputSerializer
    filterset_class = CapabilityFilter

    def get_queryset(self):
        return capability_list(viewer=self.request.user)

    @extend_schema(
        request=CapabilityInputSerializer,
        responses={201: CapabilityCreateOutputSerializer},
        examples=[CAPABILITY_EXAMPLE],
        summary="发布能力成果",
    )
    def create(self, request: Request) -> Response:
        data = CapabilityInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        capability = services.capability_create(by=request.user, **data.validated_data)
        return _with_duplicates(request, capability, dict(CapabilityOutputSerializer(capability).data))

    @extend_schema(
        request=CapabilityUpdateInputSerializer,
        responses=CapabilityOutputSerializer,
        examples=[example("成熟度提升", {"trl": 8, "patents": ["ZL202110123456.7", "ZL202210765432.1"]})],
        summary="修改能力成果",
    )
    def partial_update(self, request: Request, pk=None) -> Response:
        data = CapabilityUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        capability = services.capability_update(capability=self.get_object(), by=request.user, **data.validated_data)
        return Response(CapabilityOutputSerializer(capability).data)

    def _set_status(self, request: Request, status_value: str) -> Response:
        capability = services.capability_set_status(capability=self.get_object(), by=request.user, status=status_value)
        return Response(CapabilityOutputSerializer(capability).data)

    @extend_schema(request=None, responses=CapabilityOutputSerializer, summary="发布（草稿/已下架 → 已发布）")
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk=None) -> Response:
        return self._set_status(request, Capability.Status.PUBLISHED)

    @extend_schema(request=None, responses=CapabilityOutputSerializer, summary="下架")
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk=None) -> Response:
        return self._set_status(request, Capability.Status.WITHDRAWN)


@extend_schema_view(list=extend_schema(summary="我的揭榜（本机构牵头或已加入联合体的申请）"))
@extend_schema(tags=["challenges"])
class MyBidViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Track bids: the ones the viewer's organisation leads or has joined as a partner; and the
    consortium invitations it has still to answer, with accept and decline."""

    serializer_class = MyBidOutputSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends: list = []

    def get_queryset(self):
        return bids_of(viewer=self.request.user)

    @extend_schema(
        responses=BidInvitationOutputSerializer(many=True),
        summary="待答复的联合体邀请（接受前只显示牵头单位和可见的榜单标题）",
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def invitations(self, request: Request) -> Response:
        return Response(BidInvitationOutputSerializer(partner_invitations(viewer=request.user), many=True).data)

    def _link(self, request: Request, pk):
        link = partner_link_get(bid_id=int(pk), viewer=request.user) if str(pk).isdigit() else None
        if link is None:
            raise Http404
        return link

    @extend_schema(request=None, responses=BidInvitationOutputSerializer, summary="接受联合体邀请（受邀机构成员）")
    @action(detail=True, methods=["post"], url_path="partners/accept")
    def accept_partnership(self, request: Request, pk=None) -> Response:
        link = services.bid_partner_accept(link=self._link(request, pk), by=request.user)
        return Response(BidInvitationOutputSerializer(partner_link_get(bid_id=link.bid_id, viewer=request.user)).data)

    @extend_schema(request=None, responses=BidInvitationOutputSerializer, summary="拒绝联合体邀请（受邀机构成员）")
    @action(detail=True, methods=["post"], url_path="partners/decline")
    def decline_partnership(self, request: Request, pk=None) -> Response:
        link = services.bid_partner_decline(link=self._link(request, pk), by=request.user)
        return Response(BidInvitationOutputSerializer(partner_link_get(bid_id=link.bid_id, viewer=request.user)).data)
