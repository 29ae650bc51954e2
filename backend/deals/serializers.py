from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Organisation, Region
from accounts.places import PlaceProblem, place_clean
from accounts.serializers import UsccField
from deals.models import (
    DEFAULT_REGISTRY,
    MAX_TARGET_AMOUNT,
    ContractType,
    CountingRule,
    Deal,
    DealEntry,
    DealImport,
    DealOrigin,
)
from deals.selectors import deal_history, disclosed
from deals.services import Party
from marketplace.models import Bid, Capability, Challenge, Need
from marketplace.serializers import IndustryChainOutputSerializer, IndustryField, amount_field

FILE_FORMATS = [("xlsx", "Excel（.xlsx）"), ("csv", "CSV（UTF-8）")]


def contract_amount_field(**kwargs) -> serializers.DecimalField:
    return amount_field(label=_("合同金额"), **kwargs)


def technical_amount_field(**kwargs) -> serializers.DecimalField:
    return amount_field(label=_("技术交易额"), minimum=Decimal("0.00"), **kwargs)


class PartyInputSerializer(serializers.Serializer):
    """A party on the platform (`organisation`), or one that is not (name, USCC, region and, outside
    Huzhou, province and city)."""

    organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text="平台上的机构；填写后名称、信用代码和地区取自该机构",
    )
    name = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    uscc = UsccField(required=False, allow_blank=True, default="")
    region = serializers.ChoiceField(choices=Region.choices, required=False, allow_blank=True, default="")
    # No default: a default would make the field required in the generated TypeScript types.
    province = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        help_text="湖州市外时：省级行政区全称，如 上海市、江苏省、安徽省；湖州市内不填",
    )
    city = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        help_text="湖州市外时：地级市，如 苏州市、杭州市（江苏、浙江、安徽须为其地级市）",
    )

    def validate(self, attrs):
        if attrs.get("organisation") is not None:
            return Party(organisation=attrs["organisation"])
        missing = {
            name: _("不是平台机构时必须填写名称、统一社会信用代码和所在地区")
            for name in ("name", "uscc", "region")
            if not attrs.get(name)
        }
        if missing:
            raise serializers.ValidationError(missing)
        try:
            province, city = place_clean(
                region=attrs["region"], province=attrs.get("province", ""), city=attrs.get("city", "")
            )
        except PlaceProblem as problem:
            raise serializers.ValidationError({problem.field: str(problem)}) from None
        return Party(name=attrs["name"], uscc=attrs["uscc"], region=attrs["region"], province=province, city=city)


def _check_amounts(attrs) -> None:
    contract, technical = attrs.get("contract_amount"), attrs.get("technical_amount")
    if contract is not None and technical is not None and technical > contract:
        raise serializers.ValidationError({"technical_amount": _("技术交易额不能大于合同金额")})


class DealRecordInputSerializer(serializers.Serializer):
    contract_number = serializers.CharField(max_length=40, help_text="合同编号（同一登记机构内唯一）")
    registry = serializers.CharField(max_length=60, required=False, default=DEFAULT_REGISTRY, help_text="登记机构")
    title = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", help_text="合同名称；来自榜单时默认取榜单标题"
    )
    origin = serializers.ChoiceField(choices=DealOrigin.choices, default=DealOrigin.OFFLINE)
    challenge = serializers.PrimaryKeyRelatedField(
        queryset=Challenge.objects.all(),
        required=False,
        allow_null=True,
        help_text="来源榜单（origin=challenge）：已定榜，买卖双方、金额与产业链据此预填",
    )
    bid = serializers.PrimaryKeyRelatedField(
        queryset=Bid.objects.all(),
        required=False,
        allow_null=True,
        help_text="签约的中榜申请；榜单只有一个中榜团队时可不填",
    )
    need = serializers.PrimaryKeyRelatedField(
        queryset=Need.objects.all(), required=False, allow_null=True, help_text="来源需求（origin=need）"
    )
    capability = serializers.PrimaryKeyRelatedField(
        queryset=Capability.objects.all(),
        required=False,
        allow_null=True,
        help_text="来源能力成果（origin=capability）",
    )
    buyer = PartyInputSerializer(required=False, help_text="买方（委托方、受让方、被许可方）")
    seller = PartyInputSerializer(required=False, help_text="卖方（受托方、让与方、许可方）")
    contract_type = serializers.ChoiceField(choices=ContractType.choices, required=False)
    contract_amount = contract_amount_field(required=False, help_text="合同金额（元）；来自榜单时默认取中榜报价")
    technical_amount = technical_amount_field(
        required=False, help_text="技术交易额（元），不大于合同金额；不填等于合同金额"
    )
    signed_on = serializers.DateField(help_text="签订日期")
    industry = IndustryField(required=False, allow_null=True)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")

    def validate(self, attrs):
        _check_amounts(attrs)
        linked = {DealOrigin.CHALLENGE: "challenge", DealOrigin.NEED: "need", DealOrigin.CAPABILITY: "capability"}
        name = linked.get(attrs["origin"])
        if name and attrs.get(name) is None:
            raise serializers.ValidationError({name: _("平台撮合的合同须关联来源")})
        return attrs


class DealPrefillInputSerializer(serializers.Serializer):
    """Where the contract comes from: exactly one posting (and, for a challenge, optionally the winning bid)."""

    challenge = serializers.PrimaryKeyRelatedField(
        queryset=Challenge.objects.all(), required=False, help_text="来源榜单（须已定榜）"
    )
    bid = serializers.PrimaryKeyRelatedField(
        queryset=Bid.objects.all(), required=False, help_text="签约的中榜申请（多个中榜团队时选其一）"
    )
    need = serializers.PrimaryKeyRelatedField(queryset=Need.objects.all(), required=False, help_text="来源需求")
    capability = serializers.PrimaryKeyRelatedField(
        queryset=Capability.objects.all(), required=False, help_text="来源能力成果"
    )

    def validate(self, attrs):
        sources = [name for name in ("challenge", "need", "capability") if attrs.get(name) is not None]
        if len(sources) != 1:
            raise serializers.ValidationError(
                {"non_field_errors": [_("请指定一个来源：榜单、需求或能力成果，三者选一")]}
            )
        if attrs.get("bid") is not None and sources != ["challenge"]:
            raise serializers.ValidationError({"bid": _("只有来自榜单的合同才选择中榜申请")})
        attrs["origin"] = {
            "challenge": DealOrigin.CHALLENGE,
            "need": DealOrigin.NEED,
            "capability": DealOrigin.CAPABILITY,
        }[sources[0]]
        return attrs


class DealRegisterInputSerializer(serializers.Serializer):
    registration_number = serializers.CharField(max_length=40, help_text="认定登记编号")
    registered_on = serializers.DateField(help_text="认定登记日期")
    # Required like the reason of every other ledger action (docs/deals-and-dashboard.md: "always with a reason").
    reason = serializers.CharField(
        max_length=500, help_text="认定登记的原因或依据（写入台账），如“经技术市场审核，符合认定条件”"
    )


class DealAmendInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    contract_type = serializers.ChoiceField(choices=ContractType.choices, required=False)
    contract_amount = contract_amount_field(required=False)
    technical_amount = technical_amount_field(required=False)
    signed_on = serializers.DateField(required=False)
    registered_on = serializers.DateField(required=False)
    registration_number = serializers.CharField(max_length=40, required=False)
    industry = IndustryField(required=False, allow_null=True)
    buyer = PartyInputSerializer(required=False)
    seller = PartyInputSerializer(required=False)
    reason = serializers.CharField(max_length=500, help_text="更正原因（写入台账）")

    def validate(self, attrs):
        _check_amounts(attrs)
        if set(attrs) == {"reason"}:
            raise serializers.ValidationError({"non_field_errors": [_("请至少填写一项需要更正的内容")]})
        return attrs


class DealVoidInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, help_text="作废原因（写入台账）")


class DealWithdrawInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, help_text="撤回原因（写入台账），如“录入时误提交，信息不完整”")


class DealReverseInputSerializer(serializers.Serializer):
    entry = serializers.IntegerField(min_value=1, help_text="要冲销的台账记录（须为该合同最近的一条）")
    reason = serializers.CharField(max_length=500)


class DealImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="技术市场登记导出文件（.xlsx 或 .csv，表头见导入模板）")


class FileFormatInputSerializer(serializers.Serializer):
    file_format = serializers.ChoiceField(choices=FILE_FORMATS, default="xlsx", help_text="xlsx 或 csv")


# --- output ---------------------------------------------------------------------------------------


class DealPartyOutputSerializer(serializers.Serializer):
    organisation = serializers.IntegerField(allow_null=True, help_text="平台机构 id；平台外为 null")
    name = serializers.CharField()
    uscc = serializers.CharField()
    region = serializers.ChoiceField(choices=Region.choices)
    region_label = serializers.CharField()
    province = serializers.CharField(help_text="所在省份（湖州市内为浙江省；空：未注明）")
    city = serializers.CharField(help_text="所在城市（湖州市内为湖州市；空：未注明）")


def party_output(deal, side: str) -> dict:
    region = getattr(deal, f"{side}_region")
    return {
        "organisation": getattr(deal, f"{side}_organisation_id"),
        "name": getattr(deal, f"{side}_name"),
        "uscc": getattr(deal, f"{side}_uscc"),
        "region": region,
        "region_label": str(Region(region).label),
        "province": getattr(deal, f"{side}_province"),
        "city": getattr(deal, f"{side}_city"),
    }


def prefill_party(party) -> dict | None:
    if party is None:
        return None
    try:  # as deals.services records it
        province, city = place_clean(region=party.region, province=party.province, city=party.city)
    except PlaceProblem:
        province, city = "", ""
    return {
        "organisation": party.organisation.pk if party.organisation else None,
        "name": party.name,
        "uscc": party.uscc,
        "region": party.region,
        "region_label": str(Region(party.region).label) if party.region else "",
        "province": province,
        "city": city,
    }


class DealPrefillWinnerOutputSerializer(serializers.Serializer):
    bid = serializers.IntegerField(help_text="中榜申请 id")
    organisation = DealPartyOutputSerializer(help_text="中榜机构（合同卖方）")
    price = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="中榜报价（元）")


class DealPrefillOutputSerializer(serializers.Serializer):
    """What the server would record if the form left everything to it (deals.services.Prefill)."""

    origin = serializers.ChoiceField(choices=DealOrigin.choices)
    origin_label = serializers.CharField()
    challenge = serializers.IntegerField(allow_null=True)
    need = serializers.IntegerField(allow_null=True)
    capability = serializers.IntegerField(allow_null=True)
    bid = serializers.IntegerField(allow_null=True, help_text="预填所取的中榜申请；多个中榜团队且未选择时为 null")
    title = serializers.CharField(help_text="合同名称（取来源的标题）")
    contract_type = serializers.ChoiceField(choices=ContractType.choices, allow_null=True)
    contract_type_label = serializers.CharField(allow_null=True)
    industry = IndustryChainOutputSerializer(allow_null=True)
    buyer = DealPartyOutputSerializer(allow_null=True)
    seller = DealPartyOutputSerializer(allow_null=True, help_text="多个中榜团队且未选择时为 null")
    contract_amount = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        allow_null=True,
        help_text="合同金额（元）：中榜报价；多个中榜团队且未选择时为 null",
    )
    winners = DealPrefillWinnerOutputSerializer(many=True, help_text="榜单的全部中榜申请（赛马制可有多个）")

    @staticmethod
    def of(prefill) -> dict:
        values = prefill.values
        contract_type = values.get("contract_type")
        return {
            "origin": prefill.origin,
            "origin_label": str(DealOrigin(prefill.origin).label),
            "challenge": getattr(values.get("origin_challenge"), "pk", None),
            "need": getattr(values.get("origin_need"), "pk", None),
            "capability": getattr(values.get("origin_capability"), "pk", None),
            "bid": getattr(values.get("origin_bid"), "pk", None),
            "title": values.get("title", ""),
            "contract_type": contract_type,
            "contract_type_label": str(ContractType(contract_type).label) if contract_type else None,
            "industry": values.get("industry"),
            "buyer": prefill_party(values.get("buyer")),
            "seller": prefill_party(values.get("seller")),
            "contract_amount": values.get("contract_amount"),
            "winners": [
                {"bid": bid.pk, "organisation": prefill_party(Party.of(bid.organisation)), "price": bid.price}
                for bid in prefill.winners
            ],
        }


class DealListOutputSerializer(serializers.ModelSerializer):
    """A contract as its viewer may read it: rows come from deals.selectors.ledger_for (or
    deal_as_read), and the title and origin challenge are shown through deals.selectors.disclosed."""

    title = serializers.SerializerMethodField(help_text="合同名称；来自查看者无权查看的榜单时为“保密榜单合同”")
    origin_challenge = serializers.SerializerMethodField(help_text="来源榜单 id；查看者无权查看该榜单时为 null")
    origin_bid = serializers.SerializerMethodField(help_text="中榜申请 id；查看者无权查看来源榜单时为 null")
    origin_confidential = serializers.SerializerMethodField(
        help_text="来自查看者无权查看的榜单（标题与编号不予显示，金额照常计入）"
    )
    buyer = serializers.SerializerMethodField()
    seller = serializers.SerializerMethodField()
    industry = IndustryChainOutputSerializer(allow_null=True)
    contract_type_label = serializers.CharField(source="get_contract_type_display")
    origin_label = serializers.CharField(source="get_origin_display")
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Deal
        fields = [
            "id",
            "registry",
            "contract_number",
            "title",
            "contract_type",
            "contract_type_label",
            "buyer",
            "seller",
            "contract_amount",
            "technical_amount",
            "signed_on",
            "registered_on",
            "registration_number",
            "industry",
            "origin",
            "origin_label",
            "origin_challenge",
            "origin_bid",
            "origin_need",
            "origin_capability",
            "origin_confidential",
            "status",
            "status_label",
            "created_at",
            "updated_at",
        ]

    def get_title(self, obj) -> str:
        return disclosed(obj).title

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_origin_challenge(self, obj):
        return disclosed(obj).origin_challenge

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_origin_bid(self, obj):
        return disclosed(obj).origin_bid

    def get_origin_confidential(self, obj) -> bool:
        return disclosed(obj).confidential

    @extend_schema_field(DealPartyOutputSerializer)
    def get_buyer(self, obj):
        return party_output(obj, "buyer")

    @extend_schema_field(DealPartyOutputSerializer)
    def get_seller(self, obj):
        return party_output(obj, "seller")


class DealEntryOutputSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    by = serializers.CharField(source="by.username")
    status_label = serializers.CharField(source="get_status_display")
    changes = serializers.SerializerMethodField(
        help_text="本条记录改变的字段：{字段: [原值, 新值]}；产业链和平台机构给出名称而非内部编号"
    )

    class Meta:
        model = DealEntry
        fields = [
            "id",
            "kind",
            "kind_label",
            "at",
            "by",
            "reason",
            "reverses",
            "import_job",
            "changes",
            "status",
            "status_label",
            "contract_amount",
            "technical_amount",
            "signed_on",
            "registered_on",
            "registration_number",
        ]

    @extend_schema_field(
        serializers.DictField(child=serializers.ListField(child=serializers.CharField(allow_null=True)))
    )
    def get_changes(self, entry: DealEntry) -> dict:
        return entry.changes_as_read  # entries come from deals.selectors.deal_history


DEAL_ACTIONS = [
    ("register", "认定登记"),
    ("amend", "更正"),
    ("void", "作废"),
    ("reverse", "冲销"),
    ("withdraw", "撤回"),
]


class DealDetailOutputSerializer(DealListOutputSerializer):
    created_by = serializers.CharField(source="created_by.username")
    entries = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField(
        help_text="查看者现在可以对该合同执行的操作（录入机构在认定登记前可更正、撤回；科技部门与运营方可认定登记、更正、作废、冲销）"
    )

    class Meta(DealListOutputSerializer.Meta):
        fields = DealListOutputSerializer.Meta.fields + ["note", "created_by", "entries", "actions"]

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=DEAL_ACTIONS)))
    def get_actions(self, obj) -> list[str]:
        return getattr(obj, "viewer_actions", [])  # set by the view (deals.permissions.deal_actions); none if not

    @extend_schema_field(DealEntryOutputSerializer(many=True))
    def get_entries(self, obj):
        return DealEntryOutputSerializer(deal_history(deal=obj), many=True).data


class DealImportErrorOutputSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="文件中的行号（表头为第1行）")
    column = serializers.CharField()
    message = serializers.CharField()
    value = serializers.CharField()


class DealImportOutputSerializer(serializers.ModelSerializer):
    # Counters declared explicitly: a model-derived bound depends on the database (int32 on
    # PostgreSQL, int64 on SQLite) and the committed OpenAPI document must not.
    file_size = serializers.IntegerField()
    total_rows = serializers.IntegerField()
    processed_rows = serializers.IntegerField()
    created_count = serializers.IntegerField()
    registered_count = serializers.IntegerField()
    unchanged_count = serializers.IntegerField()
    error_count = serializers.IntegerField()
    status_label = serializers.CharField(source="get_status_display")
    created_by = serializers.CharField(source="created_by.username")
    progress = serializers.SerializerMethodField()
    errors = DealImportErrorOutputSerializer(many=True)
    attempts = serializers.IntegerField(help_text="系统运行该导入的次数（暂时性故障会自动重试）")
    retryable = serializers.BooleanField(
        help_text="因系统原因（而非文件内容）失败，可用同一文件重新导入（POST …/retry/）"
    )

    class Meta:
        model = DealImport
        fields = [
            "id",
            "file_name",
            "file_format",
            "file_size",
            "sha256",
            "status",
            "status_label",
            "total_rows",
            "processed_rows",
            "progress",
            "created_count",
            "registered_count",
            "unchanged_count",
            "error_count",
            "errors",
            "message",
            "attempts",
            "retryable",
            "created_by",
            "created_at",
            "started_at",
            "finished_at",
        ]

    def get_progress(self, obj) -> float:
        return obj.progress


class CountingRuleInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    target_amount = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=MAX_TARGET_AMOUNT,
        help_text="年度目标（元）",
    )
    statuses = serializers.ListField(
        child=serializers.ChoiceField(choices=CountingRule.COUNTABLE_STATUSES), min_length=1, max_length=2
    )
    date_field = serializers.ChoiceField(choices=CountingRule.DateField.choices)
    amount_field = serializers.ChoiceField(choices=CountingRule.AmountField.choices)
    require_huzhou_party = serializers.BooleanField()
    flow = serializers.ChoiceField(
        choices=CountingRule.Flow.choices,
        required=False,
        help_text="不填为 both。计入的流向：both 输出和吸纳（本地只计一次）、outflow 只计输出（卖方在湖州）、inflow 只计吸纳（买方在湖州）",
    )
    target_source = serializers.ChoiceField(
        choices=CountingRule.TargetSource.choices,
        required=False,
        help_text="目标来源：policy 政策文件规定（2027年200亿元）；operator 平台运营方设定。不填：目标金额不变时沿用，改变时为 operator",
    )
    reason = serializers.CharField(max_length=500, help_text="调整原因")


class CountingRuleOutputSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField()
    version = serializers.IntegerField()  # explicit: see DealImportOutputSerializer
    created_by = serializers.CharField(source="created_by.username", allow_null=True, default=None)
    statuses = serializers.ListField(child=serializers.ChoiceField(choices=CountingRule.COUNTABLE_STATUSES))
    text_zh = serializers.CharField()
    text_en = serializers.CharField()

    class Meta:
        model = CountingRule
        fields = [
            "year",
            "version",
            "target_amount",
            "statuses",
            "date_field",
            "amount_field",
            "require_huzhou_party",
            "flow",
            "target_source",
            "text_zh",
            "text_en",
            "created_at",
            "created_by",
            "reason",
        ]


class CountingRuleDetailOutputSerializer(CountingRuleOutputSerializer):
    history = CountingRuleOutputSerializer(many=True, help_text="全部版本，新版本在前")

    class Meta(CountingRuleOutputSerializer.Meta):
        fields = CountingRuleOutputSerializer.Meta.fields + ["history"]
