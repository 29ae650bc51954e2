from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Organisation
from accounts.serializers import OrganisationSummaryOutputSerializer
from marketplace.kinds import kind_of
from marketplace.models import (
    MAX_AMOUNT,
    Bid,
    BidPartner,
    Capability,
    Challenge,
    ChallengeTransition,
    CooperationType,
    IndustryChain,
    Need,
)

MIN_AMOUNT = Decimal("0.01")


def amount_field(*, label: str, minimum: Decimal = MIN_AMOUNT, **kwargs) -> serializers.DecimalField:
    """An amount in yuan whose limits are said with the field's name ("榜额须大于0"), not in DRF's
    words ("请确保该值大于或者等于 0.01。"), which never say the amount must be positive."""
    below = _("{field}须大于0") if minimum > 0 else _("{field}不能为负数")
    return serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=minimum,
        max_value=MAX_AMOUNT,
        error_messages={
            "min_value": format_lazy(below, field=label),
            "max_value": format_lazy(_("{field}超过100亿元，请核对"), field=label),
        },
        **kwargs,
    )


def text_list_field(*, max_items: int, max_length: int, **kwargs) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.CharField(max_length=max_length), max_length=max_items, required=False, default=list, **kwargs
    )


class IndustryField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=IndustryChain.objects.filter(is_active=True), **kwargs)


class IndustryChainOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndustryChain
        fields = ["code", "name", "description"]


class IndustryChainListOutputSerializer(IndustryChainOutputSerializer):
    """The list of chains, with the official one each counts under (read with `maps_to` joined)."""

    policy_chain = serializers.SerializerMethodField(
        help_text="看板计入的政策八大新兴产业链的代码（本身即政策产业链时为自身）；null：计入“其他”"
    )

    class Meta(IndustryChainOutputSerializer.Meta):
        fields = [*IndustryChainOutputSerializer.Meta.fields, "is_policy_chain", "policy_chain"]

    def get_policy_chain(self, obj) -> str | None:
        chain = obj.policy_chain
        return chain.code if chain else None


class IndicatorSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=60, help_text="指标名称，如“能量密度”")
    target = serializers.CharField(max_length=60, help_text="目标值，如“≥300”")
    unit = serializers.CharField(
        max_length=20, required=False, allow_blank=True, default="", help_text="单位，如 Wh/kg"
    )


class MilestoneSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=100)
    due_day = serializers.IntegerField(min_value=1, max_value=3650, help_text="自立项起第几天")
    deliverable = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


# --- challenges -----------------------------------------------------------------------------


class ChallengeInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=120)
    summary = serializers.CharField(max_length=300, help_text="公开摘要：保密榜单对外只显示标题和摘要")
    description = serializers.CharField(max_length=8000)
    industry = IndustryField()
    list_type = serializers.ChoiceField(choices=Challenge.ListType.choices)
    indicators = IndicatorSerializer(many=True, max_length=20)
    keywords = text_list_field(max_items=20, max_length=30)
    bounty = amount_field(label=_("榜额"), help_text="榜额（元）")
    funding_mode = serializers.ChoiceField(choices=Challenge.FundingMode.choices)
    mode = serializers.ChoiceField(choices=Challenge.Mode.choices)
    max_winners = serializers.IntegerField(min_value=1, max_value=10, required=False)
    bid_deadline = serializers.DateTimeField()
    confidentiality = serializers.ChoiceField(
        choices=Challenge.Confidentiality.choices, default=Challenge.Confidentiality.PUBLIC
    )
    # A ListField, not PrimaryKeyRelatedField(many=True): that one reads a JSON object as the list of its keys.
    invited = serializers.ListField(
        child=serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all()),
        max_length=100,
        required=False,
        help_text="受邀机构（仅限已认证的企业或科研机构，不含本机构）",
    )

    def validate_bid_deadline(self, value):
        if value <= timezone.now():
            raise serializers.ValidationError(_("截止时间必须晚于当前时间"))
        return value

    def validate_indicators(self, value):
        if not value:
            raise serializers.ValidationError(_("至少填写一项关键指标"))
        return value

    def validate(self, attrs):
        mode, winners = attrs.get("mode"), attrs.get("max_winners")
        if mode == Challenge.Mode.SAIMA and winners is None and not self.partial:
            raise serializers.ValidationError({"max_winners": _("赛马制须填写最多中榜团队数（2-10）")})
        return attrs


class ChallengeUpdateInputSerializer(ChallengeInputSerializer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


class ChallengeListOutputSerializer(serializers.ModelSerializer):
    organisation = OrganisationSummaryOutputSerializer()
    industry = IndustryChainOutputSerializer()
    status_label = serializers.CharField(source="get_status_display")
    mode_label = serializers.CharField(source="get_mode_display")
    list_type_label = serializers.CharField(source="get_list_type_display")
    bid_count = serializers.IntegerField(read_only=True, help_text="已收到的揭榜申请数（不含已撤回的；不显示揭榜方）")

    class Meta:
        model = Challenge
        fields = [
            "id",
            "title",
            "summary",
            "organisation",
            "industry",
            "list_type",
            "list_type_label",
            "bounty",
            "funding_mode",
            "mode",
            "mode_label",
            "max_winners",
            "bid_deadline",
            "bid_count",
            "confidentiality",
            "status",
            "status_label",
            "published_at",
            "created_at",
            "key_project",
            "landmark",
        ]


class ChallengeViewerOutputSerializer(serializers.Serializer):
    is_owner = serializers.BooleanField()
    is_operator = serializers.BooleanField()
    terms_accepted = serializers.BooleanField()
    has_live_bid = serializers.BooleanField()
    can_bid = serializers.BooleanField()
    can_accept_terms = serializers.BooleanField()


class ChallengeDetailOutputSerializer(ChallengeListOutputSerializer):
    """`details_visible` false: description, indicators and keywords are withheld (confidential).
    `invited` is shown to the owner and the operator only; `viewer` says what the caller may do."""

    details_visible = serializers.SerializerMethodField()
    invited = serializers.SerializerMethodField()
    viewer = serializers.SerializerMethodField()
    funding_mode_label = serializers.CharField(source="get_funding_mode_display")
    confidentiality_label = serializers.CharField(source="get_confidentiality_display")
    description = serializers.SerializerMethodField()
    indicators = serializers.SerializerMethodField()
    keywords = serializers.SerializerMethodField()

    class Meta(ChallengeListOutputSerializer.Meta):
        fields = ChallengeListOutputSerializer.Meta.fields + [
            "details_visible",
            "description",
            "indicators",
            "keywords",
            "invited",
            "viewer",
            "funding_mode_label",
            "confidentiality_label",
            "updated_at",
        ]

    def _visible(self) -> bool:
        return bool(self.context.get("details_visible"))

    def get_details_visible(self, obj) -> bool:
        return self._visible()

    @extend_schema_field(OrganisationSummaryOutputSerializer(many=True))
    def get_invited(self, obj):
        viewer = self.context.get("viewer_state") or {}
        if not (viewer.get("is_owner") or viewer.get("is_operator")):
            return []
        return OrganisationSummaryOutputSerializer(obj.invited.all(), many=True).data

    @extend_schema_field(ChallengeViewerOutputSerializer)
    def get_viewer(self, obj):
        return self.context.get("viewer_state")

    def get_description(self, obj) -> str | None:
        return obj.description if self._visible() else None

    @extend_schema_field(IndicatorSerializer(many=True, allow_null=True))
    def get_indicators(self, obj):
        return obj.indicators if self._visible() else None

    @extend_schema_field(serializers.ListField(child=serializers.CharField(), allow_null=True))
    def get_keywords(self, obj):
        return obj.keywords if self._visible() else None


class ChallengeTransitionOutputSerializer(serializers.ModelSerializer):
    """Who changed the status, as an organisation and a role; `by` (the account) is null except for
    the operator and for the owner's members on their colleagues' entries (selectors.challenge_history)."""

    by = serializers.CharField(
        source="shown_username", allow_null=True, default=None, help_text="账号（仅平台运营方及发榜单位本单位成员可见）"
    )
    by_role_label = serializers.CharField(source="get_by_role_display")
    by_organisation = serializers.CharField(source="by_organisation.name", allow_null=True, default=None)
    reason = serializers.SerializerMethodField()

    class Meta:
        model = ChallengeTransition
        fields = ["from_status", "to_status", "by", "by_role", "by_role_label", "by_organisation", "at", "reason"]

    def get_reason(self, obj) -> str:
        # The platform's notes are stored untranslated (services._record_transition); a user's own
        # words match no catalogue entry and come back as written.
        return gettext(obj.reason) if obj.reason else ""


class ReasonInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class RequiredReasonInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500)


class NotAwardedInputSerializer(serializers.Serializer):
    bid = serializers.IntegerField(min_value=1)
    reason = serializers.ChoiceField(
        choices=Bid.NotAwardedReason.choices,
        help_text="approach 技术路线不符；indicators 指标未达；price 报价过高；experience 团队经验不足；other 其他（须填写说明）",
    )
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class AwardInputSerializer(serializers.Serializer):
    bids = serializers.ListField(child=serializers.IntegerField(min_value=1), min_length=1, max_length=10)
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    not_awarded = NotAwardedInputSerializer(
        many=True, max_length=200, required=False, default=list, help_text="每一份未被选中的有效申请都须给出未中榜原因"
    )
    close_early = serializers.BooleanField(
        required=False, default=False, help_text="截止时间前定榜须为 true：确认把揭榜截止时间提前到此刻"
    )


class ConcludeInputSerializer(serializers.Serializer):
    accepted = serializers.BooleanField(help_text="true：通过验收；false：未通过验收")
    reason = serializers.CharField(max_length=500)
    landmark = serializers.ChoiceField(
        choices=Challenge.Landmark.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="通过验收时可标注的标志性成果：gap_filling 填补国内空白；import_substitution 实现进口替代",
    )


class KeyProjectInputSerializer(serializers.Serializer):
    key_project = serializers.BooleanField(help_text="true：认定为重点科研攻关项目；false：取消认定")


# --- bids -----------------------------------------------------------------------------------


class BidPartnerInputSerializer(serializers.Serializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())
    role = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class BidInputSerializer(serializers.Serializer):
    proposal = serializers.CharField(max_length=8000)
    approach = serializers.CharField(max_length=8000)
    price = amount_field(label=_("报价"), help_text="报价（元）")
    duration_days = serializers.IntegerField(min_value=1, max_value=3650)
    milestones = MilestoneSerializer(many=True, max_length=20, required=False, default=list)
    partners = BidPartnerInputSerializer(many=True, max_length=10, required=False, default=list)


class BidPartnerOutputSerializer(serializers.Serializer):
    organisation = OrganisationSummaryOutputSerializer()
    role = serializers.CharField()
    state = serializers.ChoiceField(
        choices=BidPartner.State.choices, help_text="pending：待确认；accepted：已加入；declined：已拒绝（不再是成员）"
    )
    state_label = serializers.CharField(source="get_state_display")
    decided_at = serializers.DateTimeField(allow_null=True)


class BidOutputSerializer(serializers.ModelSerializer):
    organisation = OrganisationSummaryOutputSerializer()
    partners = BidPartnerOutputSerializer(source="partner_links", many=True)
    milestones = MilestoneSerializer(many=True)
    status_label = serializers.CharField(source="get_status_display")
    not_awarded_reason_label = serializers.CharField(source="get_not_awarded_reason_display")

    class Meta:
        model = Bid
        fields = [
            "id",
            "challenge",
            "organisation",
            "partners",
            "proposal",
            "approach",
            "price",
            "duration_days",
            "milestones",
            "status",
            "status_label",
            "not_awarded_reason",
            "not_awarded_reason_label",
            "not_awarded_note",
            "created_at",
            "updated_at",
        ]


# --- needs and capabilities -----------------------------------------------------------------


class NeedInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=120)
    description = serializers.CharField(max_length=8000)
    industry = IndustryField()
    keywords = text_list_field(max_items=20, max_length=30)
    budget_min = amount_field(label=_("预算下限"), required=False, allow_null=True)
    budget_max = amount_field(label=_("预算上限"), required=False, allow_null=True)
    cooperation_type = serializers.ChoiceField(choices=CooperationType.choices)
    publish = serializers.BooleanField(default=False, write_only=True, help_text="true：立即发布（需机构已认证）")

    def validate(self, attrs):
        low, high = attrs.get("budget_min"), attrs.get("budget_max")
        if low is not None and high is not None and low > high:
            raise serializers.ValidationError({"budget_max": _("预算上限不能低于下限")})
        return attrs


class NeedUpdateInputSerializer(NeedInputSerializer):
    publish = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


class NeedOutputSerializer(serializers.ModelSerializer):
    organisation = OrganisationSummaryOutputSerializer()
    keywords = serializers.ListField(child=serializers.CharField())
    industry = IndustryChainOutputSerializer()
    status_label = serializers.CharField(source="get_status_display")
    cooperation_type_label = serializers.CharField(source="get_cooperation_type_display")

    class Meta:
        model = Need
        fields = [
            "id",
            "title",
            "description",
            "organisation",
            "industry",
            "keywords",
            "budget_min",
            "budget_max",
            "cooperation_type",
            "cooperation_type_label",
            "status",
            "status_label",
            "created_at",
            "updated_at",
        ]


class CapabilityInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=120)
    description = serializers.CharField(max_length=8000)
    industry = IndustryField()
    kind = serializers.ChoiceField(choices=Capability.Kind.choices, default=Capability.Kind.CAPABILITY)
    keywords = text_list_field(max_items=20, max_length=30)
    trl = serializers.IntegerField(min_value=1, max_value=9, help_text="技术成熟度 1-9")
    patents = text_list_field(max_items=50, max_length=40)
    team = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    cooperation_types = serializers.ListField(
        child=serializers.ChoiceField(choices=CooperationType.choices),
        min_length=1,
        max_length=len(CooperationType.choices),
    )
    price_min = amount_field(label=_("报价下限"), required=False, allow_null=True)
    price_max = amount_field(label=_("报价上限"), required=False, allow_null=True)
    publish = serializers.BooleanField(default=False, write_only=True, help_text="true：立即发布（需机构已认证）")

    def validate(self, attrs):
        low, high = attrs.get("price_min"), attrs.get("price_max")
        if low is not None and high is not None and low > high:
            raise serializers.ValidationError({"price_max": _("报价上限不能低于下限")})
        return attrs


class CapabilityUpdateInputSerializer(CapabilityInputSerializer):
    publish = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


class CapabilityOutputSerializer(serializers.ModelSerializer):
    organisation = OrganisationSummaryOutputSerializer()
    keywords = serializers.ListField(child=serializers.CharField())
    patents = serializers.ListField(child=serializers.CharField())
    cooperation_types = serializers.ListField(child=serializers.ChoiceField(choices=CooperationType.choices))
    industry = IndustryChainOutputSerializer()
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Capability
        fields = [
            "id",
            "title",
            "description",
            "organisation",
            "industry",
            "kind",
            "keywords",
            "trl",
            "patents",
            "team",
            "cooperation_types",
            "price_min",
            "price_max",
            "status",
            "status_label",
            "created_at",
            "updated_at",
        ]


class MyBidOutputSerializer(BidOutputSerializer):
    challenge = ChallengeListOutputSerializer()

    def to_representation(self, bid):
        # The challenge's bid count comes annotated on the bid (marketplace.selectors.bids_of).
        bid.challenge.bid_count = bid.challenge_bid_count
        return super().to_representation(bid)


class BidInvitationChallengeOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class BidInvitationOutputSerializer(serializers.Serializer):
    """A consortium invitation as the invited partner sees it before answering: who leads, the role
    offered and, only when the partner may see the challenge anyway, its title. Never the bid."""

    bid = serializers.IntegerField(source="bid_id")
    lead = OrganisationSummaryOutputSerializer(source="bid.organisation")
    role = serializers.CharField()
    state = serializers.ChoiceField(choices=BidPartner.State.choices)
    state_label = serializers.CharField(source="get_state_display")
    invited_at = serializers.DateTimeField(source="bid.created_at")
    decided_at = serializers.DateTimeField(allow_null=True)
    challenge = serializers.SerializerMethodField()

    @extend_schema_field(BidInvitationChallengeOutputSerializer(allow_null=True))
    def get_challenge(self, obj):
        if not getattr(obj, "challenge_visible", False):
            return None
        return BidInvitationChallengeOutputSerializer(obj.bid.challenge).data


class YearProgressOutputSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    target_amount = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="年度技术交易额目标（元）")
    counted_amount = serializers.DecimalField(
        max_digits=16, decimal_places=2, help_text="按当年计数口径已计入的技术交易额（元）"
    )
    counted_deals = serializers.IntegerField()
    progress = serializers.DecimalField(max_digits=8, decimal_places=4, help_text="计入额 / 目标")


class MarketplaceStatsOutputSerializer(serializers.Serializer):
    open_challenges = serializers.IntegerField(help_text="揭榜中的公开榜单数")
    open_bounty = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="揭榜中榜单的榜额合计（元）")
    open_needs = serializers.IntegerField()
    capabilities = serializers.IntegerField()
    institutes = serializers.IntegerField(help_text="已认证的科研机构数")
    transactions = YearProgressOutputSerializer(help_text="今年技术交易额与年度目标（如2027年200亿元）")


class PostingSummaryOutputSerializer(serializers.Serializer):
    """Any posting in a list of hits: enough to show it and link to it."""

    kind = serializers.SerializerMethodField()
    id = serializers.IntegerField()
    title = serializers.CharField()
    snippet = serializers.SerializerMethodField()
    organisation = OrganisationSummaryOutputSerializer()
    industry = serializers.CharField(source="industry.code")
    industry_name = serializers.CharField(source="industry.name")
    status = serializers.CharField()
    amount = serializers.SerializerMethodField(help_text="榜额、预算上限或报价上限（元）")
    trl = serializers.SerializerMethodField(help_text="能力成果的技术成熟度（1–9）；榜单和需求为空")
    deadline = serializers.SerializerMethodField(help_text="榜单的揭榜截止时间；需求和能力成果为空")

    def get_kind(self, obj) -> str:
        return kind_of(obj).name

    def get_snippet(self, obj) -> str:
        return getattr(obj, kind_of(obj).summary_field)[:120]

    def get_trl(self, obj) -> int | None:
        return kind_of(obj).trl(obj)

    def get_deadline(self, obj) -> datetime | None:
        return kind_of(obj).deadline(obj)

    def get_amount(self, obj) -> str | None:
        value = kind_of(obj).amount(obj)
        return None if value is None else f"{value:.2f}"


class DuplicateOutputSerializer(serializers.Serializer):
    posting = PostingSummaryOutputSerializer()
    score = serializers.FloatField()


class ChallengeCreateOutputSerializer(ChallengeDetailOutputSerializer):
    duplicates = DuplicateOutputSerializer(
        many=True, read_only=True, help_text="可能重复的已有榜单（仅提示，不阻止发布）"
    )

    class Meta(ChallengeDetailOutputSerializer.Meta):
        fields = ChallengeDetailOutputSerializer.Meta.fields + ["duplicates"]


class NeedCreateOutputSerializer(NeedOutputSerializer):
    duplicates = DuplicateOutputSerializer(many=True, read_only=True, help_text="可能重复的已有需求（仅提示）")

    class Meta(NeedOutputSerializer.Meta):
        fields = NeedOutputSerializer.Meta.fields + ["duplicates"]


class CapabilityCreateOutputSerializer(CapabilityOutputSerializer):
    duplicates = DuplicateOutputSerializer(many=True, read_only=True, help_text="可能重复的已有能力成果（仅提示）")

    class Meta(CapabilityOutputSerializer.Meta):
        fields = CapabilityOutputSerializer.Meta.fields + ["duplicates"]
