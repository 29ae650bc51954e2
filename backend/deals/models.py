"""The technology-contract ledger (技术合同台账).

A `Deal` is one contract; its columns hold the contract's *current* state. Every change of that
state is a `DealEntry` that carries the complete state after the change (a snapshot), who made it,
when and why. Entries are never updated or deleted, so the state of every contract at any past
moment — and therefore every past dashboard figure — is reproducible: take, per contract, the
last entry written before that moment. Corrections are new entries (amend, void, reverse).

`CountingRule` says what counts toward a year's target; it is versioned the same way (a change is
a new row), so a past summary is reproduced with the rule that was in force at the time.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, Region, validate_uscc
from core.jobs import ResumableJob
from core.models import AppendOnly, BaseModel, Undeletable
from marketplace.models import Bid, Capability, Challenge, CooperationType, IndustryChain, Need

# One contract above 100亿元 is a typing error, not a deal (the year's whole target is 200亿元).
MAX_CONTRACT_AMOUNT = Decimal("10000000000.00")
MAX_TARGET_AMOUNT = Decimal("99999999999999.99")
DEFAULT_REGISTRY = "湖州市技术市场"


class ContractType(models.TextChoices):
    """技术合同的五类 (《技术合同认定规则》). The values are those of marketplace.CooperationType
    where the two coincide; "合作研发" is a way of cooperating, not a contract type."""

    DEVELOPMENT = CooperationType.DEVELOPMENT.value, _("技术开发")
    TRANSFER = CooperationType.TRANSFER.value, _("技术转让")
    LICENSE = CooperationType.LICENSE.value, _("技术许可")
    CONSULTING = CooperationType.CONSULTING.value, _("技术咨询")
    SERVICE = CooperationType.SERVICE.value, _("技术服务")


class DealStatus(models.TextChoices):
    RECORDED = "recorded", _("已录入")
    REGISTERED = "registered", _("已认定登记")
    VOIDED = "voided", _("已作废")


class DealOrigin(models.TextChoices):
    CHALLENGE = "challenge", _("揭榜挂帅定榜")
    NEED = "need", _("技术需求对接")
    CAPABILITY = "capability", _("能力成果对接")
    OFFLINE = "offline", _("线下（平台外）")


PLATFORM_ORIGINS = [DealOrigin.CHALLENGE, DealOrigin.NEED, DealOrigin.CAPABILITY]
amount_validators = [MinValueValidator(Decimal("0.00")), MaxValueValidator(MAX_CONTRACT_AMOUNT)]


def amount_field(verbose_name) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, validators=amount_validators)


class DealState(models.Model):
    """Everything a ledger entry records. `Deal` (the current state) and `DealEntry` (the state
    after each change) share these columns, so the counting rule reads either the same way."""

    registry = models.CharField(_("登记机构"), max_length=60, default=DEFAULT_REGISTRY)
    contract_number = models.CharField(_("合同编号"), max_length=40)
    title = models.CharField(_("合同名称"), max_length=200)
    contract_type = models.CharField(_("合同类型"), max_length=20, choices=ContractType.choices)
    buyer_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("买方（平台机构）"),
    )
    buyer_name = models.CharField(_("买方名称"), max_length=120)
    buyer_uscc = models.CharField(_("买方统一社会信用代码"), max_length=18, validators=[validate_uscc])
    buyer_region = models.CharField(_("买方所在地区"), max_length=20, choices=Region.choices)
    # Outside Huzhou, where the party is (accounts.places: a full province name, a city); in Huzhou
    # 浙江省/湖州市. Blank: not recorded (contracts recorded before places were kept).
    buyer_province = models.CharField(_("买方所在省份"), max_length=20, blank=True, default="")
    buyer_city = models.CharField(_("买方所在城市"), max_length=20, blank=True, default="")
    seller_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("卖方（平台机构）"),
    )
    seller_name = models.CharField(_("卖方名称"), max_length=120)
    seller_uscc = models.CharField(_("卖方统一社会信用代码"), max_length=18, validators=[validate_uscc])
    seller_region = models.CharField(_("卖方所在地区"), max_length=20, choices=Region.choices)
    seller_province = models.CharField(_("卖方所在省份"), max_length=20, blank=True, default="")
    seller_city = models.CharField(_("卖方所在城市"), max_length=20, blank=True, default="")
    contract_amount = amount_field(_("合同金额（元）"))
    technical_amount = amount_field(_("技术交易额（元）"))
    signed_on = models.DateField(_("签订日期"))
    registered_on = models.DateField(_("认定登记日期"), null=True, blank=True)
    registration_number = models.CharField(_("认定登记编号"), max_length=40, blank=True)
    industry = models.ForeignKey(
        IndustryChain, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("产业链")
    )
    origin = models.CharField(_("来源"), max_length=20, choices=DealOrigin.choices, default=DealOrigin.OFFLINE)
    origin_challenge = models.ForeignKey(
        Challenge, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("来源榜单")
    )
    origin_bid = models.ForeignKey(
        Bid, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("中榜申请")
    )
    origin_need = models.ForeignKey(
        Need, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("来源需求")
    )
    origin_capability = models.ForeignKey(
        Capability, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("来源能力成果")
    )
    status = models.CharField(_("状态"), max_length=20, choices=DealStatus.choices, default=DealStatus.RECORDED)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.contract_number} {self.title}"


STATE_FIELDS = list(DealState._meta.local_fields)
STATE_ATTNAMES = [f.attname for f in STATE_FIELDS]


def deal_state_problems(values: dict) -> dict[str, str]:
    """The rules every state must satisfy, keyed by field (attnames: `industry_id`, …).
    Used by `Deal.clean` and, row by row, by the import, so both refuse the same things."""
    problems: dict[str, str] = {}
    contract, technical = values.get("contract_amount"), values.get("technical_amount")
    if contract is not None and contract <= 0:
        problems["contract_amount"] = str(_("合同金额必须大于0"))
    if contract is not None and technical is not None and technical > contract:
        problems["technical_amount"] = str(_("技术交易额不能大于合同金额"))
    signed, registered = values.get("signed_on"), values.get("registered_on")
    today = timezone.localdate()
    if signed is not None and signed > today:
        problems["signed_on"] = str(_("签订日期不能晚于今天"))
    if registered is not None:
        if registered > today:
            problems["registered_on"] = str(_("认定登记日期不能晚于今天"))
        elif signed is not None and registered < signed:
            problems["registered_on"] = str(_("认定登记日期不能早于签订日期"))
    if values.get("status") == DealStatus.REGISTERED:
        if registered is None:
            problems.setdefault("registered_on", str(_("已认定登记的合同须有认定登记日期")))
        if not values.get("registration_number"):
            problems["registration_number"] = str(_("已认定登记的合同须有认定登记编号"))
    if values.get("buyer_uscc") and values.get("buyer_uscc") == values.get("seller_uscc"):
        problems["seller_uscc"] = str(_("买方和卖方不能是同一机构"))
    return problems


LEDGER_DELETE_REFUSED = _("技术合同台账只能追加更正记录，不能删除")


class Deal(DealState, BaseModel, Undeletable):
    """One technology contract. Its state changes only in deals.services, each time together with
    a DealEntry that records the new state."""

    delete_refused = LEDGER_DELETE_REFUSED
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("录入人")
    )
    note = models.CharField(_("备注"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("技术合同")
        verbose_name_plural = _("技术合同")
        ordering = ["-signed_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["registry", "contract_number"], name="deal_number_unique_per_registry"),
            models.UniqueConstraint(
                fields=["registry", "registration_number"],
                condition=~models.Q(registration_number=""),
                name="deal_registration_number_unique_per_registry",
            ),
            models.CheckConstraint(
                condition=models.Q(technical_amount__lte=models.F("contract_amount")),
                name="deal_technical_within_contract",
            ),
            models.CheckConstraint(
                condition=models.Q(contract_amount__gt=0, technical_amount__gte=0), name="deal_amounts_positive"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "registered_on"], name="deal_status_registered"),
            # (uscc, id): an organisation's contracts, and a party's latest name in one index step
            models.Index(fields=["buyer_uscc", "id"], name="deal_buyer_uscc_id"),
            models.Index(fields=["seller_uscc", "id"], name="deal_seller_uscc_id"),
        ]

    def clean(self) -> None:
        problems = deal_state_problems({a: getattr(self, a) for a in STATE_ATTNAMES})
        if problems:
            raise ValidationError(problems)
        links = {
            DealOrigin.CHALLENGE: self.origin_challenge_id,
            DealOrigin.NEED: self.origin_need_id,
            DealOrigin.CAPABILITY: self.origin_capability_id,
        }
        if self.origin in links and links[self.origin] is None:
            raise ValidationError({"origin": _("平台撮合的合同须关联来源榜单、需求或能力成果")})


class DealImport(ResumableJob):
    """One upload of the technology-market registry export, imported all-or-nothing."""

    class Status(models.TextChoices):
        PENDING = "pending", _("排队中")
        VALIDATING = "validating", _("校验中")
        APPLYING = "applying", _("写入中")
        SUCCEEDED = "succeeded", _("导入成功")
        FAILED = "failed", _("导入失败（未写入任何数据）")

    worker_statuses = (Status.VALIDATING, Status.APPLYING)

    # The file itself, in the database: the worker that imports it may run on another machine with
    # no shared disk (the Kubernetes pods have none), and an import is at most settings.DEALS_IMPORT_MAX_BYTES.
    content = models.BinaryField(_("文件内容"), editable=False)
    file_size = models.PositiveBigIntegerField(_("文件大小（字节）"))
    sha256 = models.CharField(_("文件摘要"), max_length=64, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("导入人")
    )
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    total_rows = models.PositiveIntegerField(_("数据行数"), default=0)
    processed_rows = models.PositiveIntegerField(_("已校验行数"), default=0)
    created_count = models.PositiveIntegerField(_("新增合同"), default=0)
    registered_count = models.PositiveIntegerField(_("补登记合同"), default=0)
    unchanged_count = models.PositiveIntegerField(_("未变化合同"), default=0)
    error_count = models.PositiveIntegerField(_("错误数"), default=0)
    errors = models.JSONField(_("错误明细"), default=list, blank=True)
    language = models.CharField(_("报告语言"), max_length=10, default="zh-hans")
    # Runs of this job so far, each a claim by a worker (deals.services.deals_import_run): the
    # system retries a transient failure a bounded number of times, then reports it.
    attempts = models.PositiveSmallIntegerField(_("运行次数"), default=0)
    # Failed for a reason outside the file (the database, the worker): the same file may be run again.
    retryable = models.BooleanField(_("可重试"), default=False)

    class Meta:
        verbose_name = _("合同导入")
        verbose_name_plural = _("合同导入")
        ordering = ["-created_at", "-id"]


class DealEntry(DealState, AppendOnly):
    """One line of the ledger: the state of `deal` after this change."""

    update_refused = _("台账记录写入后不能修改")
    delete_refused = LEDGER_DELETE_REFUSED

    class Kind(models.TextChoices):
        RECORD = "record", _("录入")
        REGISTER = "register", _("认定登记")
        AMEND = "amend", _("更正")
        VOID = "void", _("作废")
        REVERSE = "reverse", _("冲销")
        # The recorder takes back a contract not yet registered: the status is 已作废 as for a
        # void, but the ledger says who ended it and in what capacity.
        WITHDRAW = "withdraw", _("撤回")

    deal = models.ForeignKey(Deal, on_delete=models.PROTECT, related_name="entries", verbose_name=_("技术合同"))
    kind = models.CharField(_("类别"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("记账时间"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("操作人")
    )
    reason = models.CharField(_("原因"), max_length=500, blank=True)
    reverses = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("冲销的记录")
    )
    import_job = models.ForeignKey(
        DealImport, null=True, blank=True, on_delete=models.PROTECT, related_name="entries", verbose_name=_("导入批次")
    )
    changes = models.JSONField(_("变化"), default=dict, blank=True)

    class Meta:
        verbose_name = _("台账记录")
        verbose_name_plural = _("台账记录")
        ordering = ["id"]
        indexes = [models.Index(fields=["deal", "id"], name="dealentry_deal_id")]


class HuzhouParties(models.TextChoices):
    """Which parties of a contract are in Huzhou: what decides its flow. 输出 (outflow) counts the
    contracts whose seller is here (BOTH, SELLER), 吸纳 (inflow) those whose buyer is here (BOTH,
    BUYER); a contract with both parties here (本地) is in both flows and counted once overall."""

    BOTH = "both", _("买卖双方均在湖州（本地）")
    SELLER = "seller", _("卖方在湖州（输出）")
    BUYER = "buyer", _("买方在湖州（吸纳）")
    NONE = "none", _("双方均不在湖州")


class DealRollup(models.Model):
    """Maintained sums of the current ledger (deals.rollups keeps them, in the transaction of every
    write), so the dashboard summary reads a few thousand rows instead of aggregating every
    contract: at 1,000,000 contracts on PostgreSQL the direct aggregation took over a second.

    One row per (date field, period, status, which parties are in Huzhou, dimension, key): the
    counting rule's every variable is a column, so any version of the rule selects its rows with a
    filter. `day` rows hold one calendar day's total (the monthly series, "same day last year" and
    flow totals up to a day); the breakdown and party rows hold a whole year (period = 1 January).
    Voided contracts are in no row. Figures "as recorded on" a past day are computed from the
    ledger entries, not from here."""

    class Dimension(models.TextChoices):
        DAY = "day", _("日")
        BUYER_REGION = "buyer_region", _("买方所在地区")
        SELLER_REGION = "seller_region", _("卖方所在地区")
        PARTNER = "partner", _("对方所在地")
        INDUSTRY = "industry", _("产业链")
        CONTRACT_TYPE = "contract_type", _("合同类型")
        ORIGIN = "origin", _("来源")
        BUYER = "buyer", _("买方")
        SELLER = "seller", _("卖方")

    date_field = models.CharField(max_length=20)
    period = models.DateField()
    status = models.CharField(max_length=20)
    huzhou_parties = models.CharField(max_length=10, choices=HuzhouParties.choices)
    dimension = models.CharField(max_length=20, choices=Dimension.choices)
    key = models.CharField(max_length=40, blank=True)
    technical_cents = models.BigIntegerField(default=0)
    contract_cents = models.BigIntegerField(default=0)
    deals = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("台账汇总")
        verbose_name_plural = _("台账汇总")
        constraints = [
            models.UniqueConstraint(
                fields=["date_field", "period", "status", "huzhou_parties", "dimension", "key"],
                name="deal_rollup_key",
            ),
        ]
        indexes = [models.Index(fields=["dimension", "date_field", "period"], name="deal_rollup_lookup")]


class CountingRule(AppendOnly):
    """What counts toward a year's target (计数口径), versioned: a change is a new version."""

    update_refused = _("计数口径只能新增版本，不能修改")
    delete_refused = _("计数口径只能新增版本，不能删除")

    class DateField(models.TextChoices):
        REGISTERED_ON = "registered_on", _("认定登记日期")
        SIGNED_ON = "signed_on", _("签订日期")

    class AmountField(models.TextChoices):
        TECHNICAL_AMOUNT = "technical_amount", _("技术交易额")
        CONTRACT_AMOUNT = "contract_amount", _("合同金额")

    class Flow(models.TextChoices):
        BOTH = "both", _("输出和吸纳（本地合同只计一次）")
        OUTFLOW = "outflow", _("输出（卖方在湖州）")
        INFLOW = "inflow", _("吸纳（买方在湖州）")

    class TargetSource(models.TextChoices):
        POLICY = "policy", _("政策文件")
        OPERATOR = "operator", _("平台运营方设定")

    COUNTABLE_STATUSES = [DealStatus.RECORDED, DealStatus.REGISTERED]  # a voided contract never counts

    year = models.PositiveSmallIntegerField(_("年度"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    version = models.PositiveIntegerField(_("版本"))
    target_amount = models.DecimalField(
        _("年度目标（元）"),
        max_digits=16,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_TARGET_AMOUNT)],
    )
    statuses = models.JSONField(_("计入的合同状态"), default=list)
    date_field = models.CharField(
        _("计入日期"), max_length=20, choices=DateField.choices, default=DateField.REGISTERED_ON
    )
    amount_field = models.CharField(
        _("计入金额"), max_length=20, choices=AmountField.choices, default=AmountField.TECHNICAL_AMOUNT
    )
    require_huzhou_party = models.BooleanField(_("至少一方在湖州"), default=True)
    flow = models.CharField(_("计入流向"), max_length=10, choices=Flow.choices, default=Flow.BOTH)
    # The policy sets 200亿元 for 2027 only; every other year's amount is the operator's choice,
    # and the dashboard says so next to it.
    target_source = models.CharField(
        _("目标来源"), max_length=10, choices=TargetSource.choices, default=TargetSource.OPERATOR
    )
    created_at = models.DateTimeField(_("生效时间"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("设置人"),
    )
    reason = models.CharField(_("调整原因"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("计数口径")
        verbose_name_plural = _("计数口径")
        ordering = ["year", "version"]
        constraints = [models.UniqueConstraint(fields=["year", "version"], name="one_counting_rule_per_year_version")]

    def __str__(self) -> str:
        return f"{self.year} v{self.version}"

    def clean(self) -> None:
        statuses = self.statuses if isinstance(self.statuses, list) else []
        if (
            not statuses
            or any(s not in self.COUNTABLE_STATUSES for s in statuses)
            or len(set(statuses)) != len(statuses)
        ):
            raise ValidationError({"statuses": _("计入的合同状态只能是“已录入”和/或“已认定登记”（作废合同从不计入）")})
        if self.flow != self.Flow.BOTH and not self.require_huzhou_party:
            raise ValidationError({"flow": _("按输出或吸纳计入时，必有一方在湖州：请保留“至少一方在湖州”")})
        if self.date_field == self.DateField.REGISTERED_ON and DealStatus.RECORDED in statuses:
            raise ValidationError(
                {"statuses": _("按认定登记日期计入时，未登记的合同没有登记日期，只能计入已认定登记的合同")}
            )
