from decimal import Decimal
from typing import Literal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Qualification, Region
from accounts.places import partner_keys
from dashboard.models import MAX_TARGET_VALUE, DashboardExport, PolicyTarget, TargetProgress
from dashboard.selectors import (
    FIGURES,
    FLOWS,
    OFFLINE,
    PARTNER_FLOWS,
    PLATFORM,
    UNCLASSIFIED,
    figure_label,
    target_progress_ratio,
)
from dashboard.targets import is_computed, target_computed
from deals.models import ContractType, CountingRule, DealOrigin, HuzhouParties
from deals.selectors import disclosed
from deals.serializers import FILE_FORMATS, DealPartyOutputSerializer, party_output
from marketplace.models import IndustryChain

MONEY = {"max_digits": 20, "decimal_places": 2}
SHARE = {"max_digits": 9, "decimal_places": 4}


def money_field(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(**MONEY, **kwargs)


def ratio_field(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(**SHARE, **kwargs)


class YearQueryInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False, help_text="年度，默认今年")
    as_of = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="截至：只计计入日期（口径的日期字段，默认认定登记日期）不晚于这一天的合同，按当前台账和该年度现行口径计算；默认全年",
    )
    recorded_as_of = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="账本回溯（审计用）：复现这一天结束时台账记录的数字（当时已写入的台账记录、当时有效的口径）；与 as_of 是两个不同的问题",
    )

    def _not_future(self, value):
        if value is not None and value > timezone.localdate():
            raise serializers.ValidationError(_("截至日期不能晚于今天"))
        return value

    validate_as_of = validate_recorded_as_of = _not_future

    def validate(self, attrs):
        attrs.setdefault("year", timezone.localdate().year)
        attrs.setdefault("as_of", None)
        attrs.setdefault("recorded_as_of", None)
        return attrs


class DrilldownQueryInputSerializer(YearQueryInputSerializer):
    figure = serializers.ChoiceField(choices=[(f, f) for f in FIGURES], help_text="看板上的哪一项数字")
    key = serializers.CharField(
        max_length=40,
        required=False,
        allow_blank=True,
        default="",
        help_text="该项中的哪一个：月份 1-12、区县代码（区县含其功能区）、产业链代码、合同类型、来源、platform/offline、"
        "信用代码、流向 outflow/inflow/local，或对方所在地（huzhou、上海市、江苏省/苏州市、安徽省、other、unknown…）",
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        figure, key = attrs["figure"], attrs["key"]
        allowed = {
            "district": Region.values,
            "flow": list(FLOWS),
            **{name: partner_keys() for name in PARTNER_FLOWS},
            "contract_type": ContractType.values,
            "origin": DealOrigin.values,
            "platform": [PLATFORM, OFFLINE],
            "month": [str(m) for m in range(1, 13)],
        }
        if figure == "industry":
            allowed["industry"] = [UNCLASSIFIED, *IndustryChain.objects.values_list("code", flat=True)]
        if figure in allowed and key not in allowed[figure]:
            raise serializers.ValidationError({"key": _("“%(key)s”不是该项可选的值") % {"key": key}})
        if figure in ("buyer", "seller") and not key:
            raise serializers.ValidationError({"key": _("请填写统一社会信用代码")})
        return attrs


class DrilldownExportQueryInputSerializer(DrilldownQueryInputSerializer):
    file_format = serializers.ChoiceField(choices=FILE_FORMATS, default="xlsx")


# --- output ---------------------------------------------------------------------------------------


class CountingRuleSummaryOutputSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    version = serializers.IntegerField(help_text="0 表示该年度未设置口径，使用默认口径")
    is_configured = serializers.BooleanField()
    target_amount = money_field()
    target_source = serializers.ChoiceField(
        choices=CountingRule.TargetSource.choices,
        help_text="policy：政策文件规定的目标（仅2027年200亿元）；operator：平台运营方设定的过渡目标",
    )
    target_source_label = serializers.CharField()
    target_source_text = serializers.CharField(help_text="目标来源的说明文字")
    statuses = serializers.ListField(child=serializers.CharField())
    date_field = serializers.ChoiceField(choices=CountingRule.DateField.choices)
    amount_field = serializers.ChoiceField(choices=CountingRule.AmountField.choices)
    require_huzhou_party = serializers.BooleanField()
    flow = serializers.ChoiceField(
        choices=CountingRule.Flow.choices, help_text="计入的流向：输出、吸纳或两者（本地只计一次）"
    )
    flow_label = serializers.CharField()
    text = serializers.CharField(help_text="计数口径说明（按请求语言）")
    text_zh = serializers.CharField()
    text_en = serializers.CharField()


class FigureItemOutputSerializer(serializers.Serializer):
    figure = serializers.CharField(help_text="下钻参数 figure")
    key = serializers.CharField(help_text="下钻参数 key")
    label = serializers.CharField()
    amount = money_field()
    deals = serializers.IntegerField()
    share = ratio_field(help_text="占当年计入额的比例")


class DistrictItemOutputSerializer(FigureItemOutputSerializer):
    parent = serializers.ChoiceField(
        choices=Region.choices,
        allow_null=True,
        help_text="功能区所在的区县（南太湖新区属吴兴区，湖州莫干山高新区属德清县）：区县的数字已含其功能区，二者不可相加；区县为 null",
    )


class PartnerItemOutputSerializer(FigureItemOutputSerializer):
    group = serializers.CharField(
        help_text="分组：huzhou（本地）、huzhou_other（湖州市内其他区县，区县视角）、上海市、江苏省、浙江省、安徽省、other（其他省份）、unknown（未注明）"
    )
    group_label = serializers.CharField()


class MonthOutputSerializer(serializers.Serializer):
    month = serializers.IntegerField()
    figure = serializers.CharField()
    key = serializers.CharField()
    amount = money_field()
    deals = serializers.IntegerField()
    cumulative = money_field()
    last_year_amount = money_field()
    last_year_deals = serializers.IntegerField()
    last_year_cumulative = money_field()


class ProjectionOutputSerializer(serializers.Serializer):
    amount = money_field()
    method = serializers.CharField(
        help_text="seasonal（按去年同期进度）、linear（按日均）、final（年度已结束）或 not_started"
    )
    explanation = serializers.CharField()


class FunnelStageOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    amount = money_field(allow_null=True)
    figure = serializers.CharField(
        allow_null=True, help_text="可下钻到技术合同时的 figure；榜单、申请与定榜环节为 null"
    )
    drill_key = serializers.CharField(allow_null=True)


class DashboardSummaryOutputSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    as_of = serializers.DateField(allow_null=True, help_text="截至：计入日期不晚于这一天（当前台账）")
    recorded_as_of = serializers.DateField(allow_null=True, help_text="账本回溯：这一天结束时台账记录的数字")
    date_mode = serializers.ChoiceField(
        choices=[("current", "全年（当前台账）"), ("as_of", "截至某日"), ("recorded", "账本回溯")],
        help_text="current：全年；as_of：截至某日（按计入日期）；recorded：账本回溯（按记账时间，审计用）",
    )
    district = serializers.ChoiceField(
        choices=Region.choices,
        allow_null=True,
        help_text="区县科技局的辖区：各项合同数字只计至少一方在该区县的合同；市科技局和运营方为 null（全市）",
    )
    district_label = serializers.CharField(allow_null=True)
    reference_date = serializers.DateField(help_text="计算应完成进度与预测所用的日期（as_of 或今天）")
    rule = CountingRuleSummaryOutputSerializer()
    target_amount = money_field()
    target_source = serializers.ChoiceField(
        choices=CountingRule.TargetSource.choices, help_text="年度目标的来源（同 rule.target_source）"
    )
    counted_amount = money_field()
    counted_deals = serializers.IntegerField()
    progress = ratio_field()
    expected_amount = money_field(help_text="按全年匀速完成目标，截至参考日期应完成的金额")
    expected_progress = ratio_field()
    gap_to_expected = money_field()
    last_year_amount = money_field()
    last_year_same_period_amount = money_field()
    projection = ProjectionOutputSerializer()
    monthly = MonthOutputSerializer(many=True)
    by_flow = FigureItemOutputSerializer(
        many=True,
        help_text="输出（卖方在湖州）、吸纳（买方在湖州）、本地（双方均在湖州）并列；输出与吸纳都含本地，按口径的状态、日期和金额计算，不论口径计入哪个流向",
    )
    inflow_by_partner = PartnerItemOutputSerializer(
        many=True,
        help_text="吸纳按卖方所在地：本地、长三角（上海、江苏各市、浙江各市、安徽）、其他省份、未注明；合计等于吸纳",
    )
    outflow_by_partner = PartnerItemOutputSerializer(many=True, help_text="输出按买方所在地；合计等于输出")
    by_district = DistrictItemOutputSerializer(many=True)
    by_industry = FigureItemOutputSerializer(many=True)
    by_contract_type = FigureItemOutputSerializer(many=True)
    by_origin = FigureItemOutputSerializer(many=True)
    by_platform = FigureItemOutputSerializer(many=True)
    top_buyers = FigureItemOutputSerializer(many=True)
    top_sellers = FigureItemOutputSerializer(many=True)
    funnel = FunnelStageOutputSerializer(many=True)


class DrilldownRowOutputSerializer(serializers.Serializer):
    deal = serializers.IntegerField(source="deal_ref", help_text="技术合同 id")
    registry = serializers.CharField()
    contract_number = serializers.CharField()
    title = serializers.SerializerMethodField(help_text="合同名称；来自查看者无权查看的榜单时为“保密榜单合同”")
    origin_confidential = serializers.SerializerMethodField(help_text="来自查看者无权查看的榜单")
    contract_type = serializers.ChoiceField(choices=ContractType.choices)
    contract_type_label = serializers.CharField(source="get_contract_type_display")
    buyer = serializers.SerializerMethodField()
    seller = serializers.SerializerMethodField()
    contract_amount = money_field()
    technical_amount = money_field()
    counted_amount = money_field(help_text="按口径计入的金额")
    signed_on = serializers.DateField()
    registered_on = serializers.DateField(allow_null=True)
    counted_on = serializers.DateField(help_text="按口径计入的日期")
    registration_number = serializers.CharField()
    industry = serializers.CharField(source="industry.code", allow_null=True, default=None)
    industry_name = serializers.CharField(source="industry.name", allow_null=True, default=None)
    district = serializers.ChoiceField(
        choices=Region.choices, help_text="按口径归属的地区（功能区的合同同时属于其所在区县）"
    )
    huzhou_parties = serializers.ChoiceField(
        choices=HuzhouParties.choices,
        help_text="哪一方在湖州（区县视角为在本区县）：both 本地、seller 输出、buyer 吸纳",
    )
    partner = serializers.CharField(help_text="对方所在地（同 inflow_partner/outflow_partner 的 key）")
    origin = serializers.ChoiceField(choices=DealOrigin.choices)
    status = serializers.CharField()

    @extend_schema_field(DealPartyOutputSerializer)
    def get_buyer(self, obj):
        return party_output(obj, "buyer")

    @extend_schema_field(DealPartyOutputSerializer)
    def get_seller(self, obj):
        return party_output(obj, "seller")

    def get_title(self, obj) -> str:
        return disclosed(obj).title

    def get_origin_confidential(self, obj) -> bool:
        return disclosed(obj).confidential


class DrilldownOutputSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    as_of = serializers.DateField(allow_null=True)
    recorded_as_of = serializers.DateField(allow_null=True)
    figure = serializers.CharField()
    key = serializers.CharField()
    label = serializers.CharField()
    amount = money_field(help_text="全部下钻行的计入金额合计，等于看板上的该项数字")
    deals = serializers.IntegerField()
    count = serializers.IntegerField()
    export_max_rows = serializers.IntegerField(
        help_text="直接下载（/api/dashboard/drilldown/export/）的合同份数上限；超过时用后台导出（POST /api/dashboard/exports/）"
    )
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = DrilldownRowOutputSerializer(many=True)


class DealTotalOutputSerializer(serializers.Serializer):
    amount = money_field()
    deals = serializers.IntegerField()


class TargetProgressInputSerializer(serializers.Serializer):
    value = serializers.DecimalField(
        max_digits=15,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=MAX_TARGET_VALUE,
        help_text="当前值，单位同目标",
    )
    as_of = serializers.DateField(help_text="统计截至日期")
    note = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default="", help_text="数据来源与说明"
    )


class TargetProgressOutputSerializer(serializers.ModelSerializer):
    by = serializers.CharField(source="by.username")

    class Meta:
        model = TargetProgress
        fields = ["id", "value", "as_of", "note", "by", "at"]


class TargetPartOutputSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    value = serializers.DecimalField(max_digits=20, decimal_places=2, help_text="单位同目标")
    count = serializers.IntegerField(help_text="记录数")


class TargetComputedOutputSerializer(serializers.Serializer):
    description = serializers.CharField(help_text="计算口径（文字说明）")
    value = serializers.DecimalField(max_digits=20, decimal_places=2, help_text="当前值，单位同目标")
    count = serializers.IntegerField(help_text="计入的记录数（下钻列出这些记录）")
    parts = TargetPartOutputSerializer(many=True, help_text="分项（如四张清单）；可按 key 下钻")
    as_of = serializers.DateField()


class PolicyTargetOutputSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField()  # explicit: a model-derived bound differs between SQLite and PostgreSQL
    direction_label = serializers.CharField(source="get_direction_display")
    source = serializers.SerializerMethodField(help_text="computed：平台自动计算；manual：人工填报")
    computed = serializers.SerializerMethodField()
    latest = serializers.SerializerMethodField()
    progress_ratio = serializers.SerializerMethodField()

    class Meta:
        model = PolicyTarget
        fields = [
            "id",
            "code",
            "group",
            "name",
            "target_text",
            "target_value",
            "unit",
            "direction",
            "direction_label",
            "year",
            "source",
            "computed",
            "latest",
            "progress_ratio",
        ]

    def _computed(self, obj):
        cache = self.context.setdefault("computed", {})  # computed once per target per response
        if obj.pk not in cache:
            cache[obj.pk] = target_computed(obj)
        return cache[obj.pk]

    def _latest(self, obj):
        entries = list(obj.progress.all())  # prefetched, newest first
        return entries[0] if entries else None

    def get_source(self, obj) -> Literal["computed", "manual"]:
        return "computed" if is_computed(obj) else "manual"

    @extend_schema_field(TargetComputedOutputSerializer(allow_null=True))
    def get_computed(self, obj):
        computed = self._computed(obj)
        return TargetComputedOutputSerializer(computed).data if computed else None

    @extend_schema_field(TargetProgressOutputSerializer(allow_null=True))
    def get_latest(self, obj):
        latest = self._latest(obj)
        return TargetProgressOutputSerializer(latest).data if latest else None

    @extend_schema_field(ratio_field(allow_null=True, help_text="完成程度（1 为达到目标；政策未设数值目标时为 null）"))
    def get_progress_ratio(self, obj):
        if obj.target_value is None:
            return None
        computed = self._computed(obj)
        latest = None if computed else self._latest(obj)
        value = computed.value if computed else latest.value if latest else None
        ratio = None if value is None else target_progress_ratio(obj, value)
        return None if ratio is None else str(ratio)


class PolicyTargetDetailOutputSerializer(PolicyTargetOutputSerializer):
    history = TargetProgressOutputSerializer(source="progress", many=True)

    class Meta(PolicyTargetOutputSerializer.Meta):
        fields = PolicyTargetOutputSerializer.Meta.fields + ["history"]


class TargetRecordsQueryInputSerializer(serializers.Serializer):
    part = serializers.CharField(required=False, allow_blank=True, default="", max_length=40, help_text="分项的 key")


TARGET_RECORD_KINDS = [("challenge", "榜单"), ("consortium", "创新联合体")]


class TargetRecordOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField(allow_null=True, help_text="榜单或创新联合体的 id；保密榜单为 null")
    kind = serializers.ChoiceField(choices=TARGET_RECORD_KINDS)
    title = serializers.CharField()
    organisation = serializers.CharField(help_text="发榜单位或牵头单位")
    status = serializers.CharField()
    status_label = serializers.CharField()
    amount = money_field(allow_null=True, help_text="榜额（元）")
    date = serializers.DateField(allow_null=True, help_text="发布日期或组建日期")
    detail = serializers.CharField(help_text="清单类型、标志性成果或成员单位")
    visible = serializers.BooleanField(help_text="false：查看者无权查看的保密榜单（计入但不显示标题）")


class TargetRecordsOutputSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = TargetRecordOutputSerializer(many=True)


class QualificationVolumeItemOutputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Qualification.Kind.choices)
    label = serializers.CharField()
    seller = DealTotalOutputSerializer(help_text="卖方（输出方）持有该资质的合同")
    buyer = DealTotalOutputSerializer(help_text="买方（吸纳方）持有该资质的合同")
    either = DealTotalOutputSerializer(help_text="任一方持有该资质的合同（每份合同计一次）")


class QualificationVolumeOutputSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    as_of = serializers.DateField(allow_null=True)
    total = DealTotalOutputSerializer(help_text="当年计入的全部合同")
    items = QualificationVolumeItemOutputSerializer(
        many=True, help_text="按资质分列；同一企业可有多项资质，各行相加不等于合计"
    )
    none = DealTotalOutputSerializer(help_text="双方均无任何资质的合同")


class DashboardExportOutputSerializer(serializers.ModelSerializer):
    # Counters declared explicitly: a model-derived bound depends on the database (see DealImportOutputSerializer).
    year = serializers.IntegerField()
    total_rows = serializers.IntegerField(help_text="合同份数（排队时为当时的份数，完成后为文件中的份数）")
    processed_rows = serializers.IntegerField()
    file_size = serializers.IntegerField()
    label = serializers.SerializerMethodField()
    file_format = serializers.ChoiceField(choices=FILE_FORMATS)  # the request's choices: one enum in the schema
    status_label = serializers.CharField(source="get_status_display")
    progress = serializers.SerializerMethodField(help_text="0 到 1")
    message = serializers.CharField(help_text="完成时为合同份数，失败时为原因")

    class Meta:
        model = DashboardExport
        fields = [
            "id",
            "year",
            "figure",
            "key",
            "label",
            "as_of",
            "recorded_as_of",
            "file_format",
            "file_name",
            "file_size",
            "status",
            "status_label",
            "total_rows",
            "processed_rows",
            "progress",
            "message",
            "created_at",
            "started_at",
            "finished_at",
        ]

    def get_label(self, obj) -> str:
        return figure_label(obj.figure, obj.key)

    def get_progress(self, obj) -> float:
        return obj.progress
