from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.models import BaseModel

# 榜额 and prices: positive, and below 100亿元 — larger figures are typing errors, not bounties.
MAX_AMOUNT = Decimal("10000000000.00")
amount_validators = [MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_AMOUNT)]


class CooperationType(models.TextChoices):
    DEVELOPMENT = "development", _("技术开发")
    TRANSFER = "transfer", _("技术转让")
    LICENSE = "license", _("技术许可")
    CONSULTING = "consulting", _("技术咨询")
    SERVICE = "service", _("技术服务")
    JOINT = "joint", _("合作研发")


class IndustryChain(BaseModel):
    """产业链: data the operator maintains (seeded from the policy), not code."""

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=40, unique=True)
    description = models.CharField(_("说明"), max_length=300, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)
    # The policy's 八大新兴产业链 are the official list the dashboard groups by; the product's other
    # chains count under the policy chain they are mapped to, or under 其他 when mapped to none.
    is_policy_chain = models.BooleanField(
        _("政策八大新兴产业链"), default=False, help_text=_("政策文件列出的八大新兴产业链之一（看板按此分组）")
    )
    maps_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mapped",
        limit_choices_to={"is_policy_chain": True},
        verbose_name=_("归入政策产业链"),
        help_text=_("非政策产业链在看板上计入的政策产业链；留空则计入“其他”"),
    )

    class Meta:
        verbose_name = _("产业链")
        verbose_name_plural = _("产业链")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def policy_chain(self) -> "IndustryChain | None":
        """The official chain this one counts under (itself if it is one); None: 其他."""
        return self if self.is_policy_chain else self.maps_to

    def clean(self) -> None:
        if self.is_policy_chain and self.maps_to_id is not None:
            raise ValidationError({"maps_to": _("政策产业链本身不能再归入其他产业链")})
        if self.maps_to is not None and not self.maps_to.is_policy_chain:
            raise ValidationError({"maps_to": _("只能归入政策八大新兴产业链之一")})


class Posting(BaseModel):
    """Fields every posting shares: who posted it, what it is about, and the text matching reads."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="%(class)ss", verbose_name=_("发布机构")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("创建人")
    )
    title = models.CharField(_("标题"), max_length=120)
    description = models.TextField(_("详细描述"), max_length=8000)
    industry = models.ForeignKey(IndustryChain, on_delete=models.PROTECT, related_name="+", verbose_name=_("产业链"))
    keywords = models.JSONField(_("关键词"), default=list, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class Challenge(Posting):
    """揭榜挂帅榜单. Status changes only through marketplace.services (an explicit state machine)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("揭榜中")
        CLOSED = "closed", _("已截止")
        AWARDED = "awarded", _("已定榜")
        IN_PROGRESS = "in_progress", _("攻关中")
        ACCEPTED = "accepted", _("已验收")
        FAILED = "failed", _("未通过验收")
        CANCELLED = "cancelled", _("已撤榜")

    class ListType(models.TextChoices):
        FORCED = "forced", _("倒逼")
        LEADING = "leading", _("引领")
        SUBSTITUTION = "substitution", _("替代")
        TRANSFORMATION = "transformation", _("转化")

    class FundingMode(models.TextChoices):
        ENTERPRISE = "enterprise", _("企业出资")
        FISCAL = "fiscal", _("财政资金")
        INVEST_THEN_EQUITY = "invest_then_equity", _("先投后股")

    class Mode(models.TextChoices):
        JIEBANG = "jiebang", _("揭榜挂帅")
        SAIMA = "saima", _("赛马制")

    class Landmark(models.TextChoices):
        GAP_FILLING = "gap_filling", _("填补国内空白")
        IMPORT_SUBSTITUTION = "import_substitution", _("实现进口替代")

    class Confidentiality(models.TextChoices):
        PUBLIC = "public", _("公开")
        SUMMARY_ONLY = "summary_only", _("仅公开摘要")
        INVITATION_ONLY = "invitation_only", _("仅限受邀")

    summary = models.CharField(_("公开摘要"), max_length=300)
    list_type = models.CharField(_("清单类型"), max_length=20, choices=ListType.choices)
    indicators = models.JSONField(_("关键指标"), default=list)
    bounty = models.DecimalField(_("榜额（元）"), max_digits=14, decimal_places=2, validators=amount_validators)
    funding_mode = models.CharField(_("资金方式"), max_length=30, choices=FundingMode.choices)
    mode = models.CharField(_("组织方式"), max_length=10, choices=Mode.choices, default=Mode.JIEBANG)
    max_winners = models.PositiveSmallIntegerField(
        _("最多中榜团队数"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    bid_deadline = models.DateTimeField(_("揭榜截止时间"))
    confidentiality = models.CharField(
        _("保密级别"), max_length=20, choices=Confidentiality.choices, default=Confidentiality.PUBLIC
    )
    invited = models.ManyToManyField(Organisation, blank=True, related_name="invitations", verbose_name=_("受邀机构"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    # The policy's targets (dashboard.targets) count these; officials designate key projects and
    # the party that accepts the work marks a landmark result at 验收, so nobody marks their own
    # challenge a key project.
    key_project = models.BooleanField(_("重点科研攻关项目"), default=False, db_index=True)
    key_project_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("重点项目认定人"),
    )
    key_project_at = models.DateTimeField(_("重点项目认定时间"), null=True, blank=True)
    landmark = models.CharField(_("标志性成果"), max_length=30, choices=Landmark.choices, blank=True)

    class Meta:
        verbose_name = _("榜单")
        verbose_name_plural = _("榜单")
        ordering = ["-created_at"]

    def clean(self) -> None:
        errors = {}
        if self.mode == self.Mode.JIEBANG and self.max_winners != 1:
            errors["max_winners"] = _("揭榜挂帅只能有一个中榜团队")
        if self.mode == self.Mode.SAIMA and self.max_winners < 2:
            errors["max_winners"] = _("赛马制至少支持两个团队并行攻关")
        if self.landmark and self.status != self.Status.ACCEPTED:
            errors["landmark"] = _("只有通过验收的榜单可以标注标志性成果")
        if errors:
            raise ValidationError(errors)


class ChallengeTransition(models.Model):
    """Every status change of a challenge: who, when, from, to, why. Append-only.

    `by_role` and `by_organisation` are recorded with the change (the capacity the user acted in
    then), so that the public history can name an organisation and a role instead of an account."""

    class ActorRole(models.TextChoices):
        OWNER = "owner", _("发榜单位")
        OPERATOR = "operator", _("平台运营方")
        GOVERNMENT = "government", _("政府部门")
        SYSTEM = "system", _("系统")

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=Challenge.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Challenge.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    by_role = models.CharField(max_length=20, choices=ActorRole.choices, default=ActorRole.SYSTEM)
    by_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["at", "id"]


class TermsAcceptance(BaseModel):
    """An organisation accepted the confidentiality terms of a summary-only challenge."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="acceptances")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["challenge", "organisation"], name="one_acceptance_per_org")]


class Need(Posting):
    """技术需求: a lighter posting than a challenge."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        OPEN = "open", _("征集中")
        CLOSED = "closed", _("已关闭")

    budget_min = models.DecimalField(
        _("预算下限（元）"), max_digits=14, decimal_places=2, null=True, blank=True, validators=amount_validators
    )
    budget_max = models.DecimalField(
        _("预算上限（元）"), max_digits=14, decimal_places=2, null=True, blank=True, validators=amount_validators
    )
    cooperation_type = models.CharField(_("期望合作方式"), max_length=20, choices=CooperationType.choices)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)

    class Meta:
        verbose_name = _("技术需求")
        verbose_name_plural = _("技术需求")
        ordering = ["-created_at"]

    def clean(self) -> None:
        if self.budget_min is not None and self.budget_max is not None and self.budget_min > self.budget_max:
            raise ValidationError({"budget_max": _("预算上限不能低于下限")})


class Capability(Posting):
    """能力/成果 of an institute (or any organisation that offers technology)."""

    class Kind(models.TextChoices):
        CAPABILITY = "capability", _("研发能力")
        ACHIEVEMENT = "achievement", _("科技成果")

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")
        WITHDRAWN = "withdrawn", _("已下架")

    kind = models.CharField(_("类别"), max_length=20, choices=Kind.choices, default=Kind.CAPABILITY)
    trl = models.PositiveSmallIntegerField(
        _("技术成熟度（TRL）"), validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    patents = models.JSONField(_("专利号"), default=list, blank=True)
    team = models.TextField(_("团队"), max_length=2000, blank=True)
    cooperation_types = models.JSONField(_("合作方式"), default=list)
    price_min = models.DecimalField(
        _("报价下限（元）"), max_digits=14, decimal_places=2, null=True, blank=True, validators=amount_validators
    )
    price_max = models.DecimalField(
        _("报价上限（元）"), max_digits=14, decimal_places=2, null=True, blank=True, validators=amount_validators
    )
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)

    class Meta:
        verbose_name = _("能力成果")
        verbose_name_plural = _("能力成果")
        ordering = ["-created_at"]

    def clean(self) -> None:
        if self.price_min is not None and self.price_max is not None and self.price_min > self.price_max:
            raise ValidationError({"price_max": _("报价上限不能低于下限")})


class Bid(BaseModel):
    """揭榜申请, from one organisation alone or leading a consortium (联合体)."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("已提交")
        SHORTLISTED = "shortlisted", _("入围")
        AWARDED = "awarded", _("中榜")
        NOT_AWARDED = "not_awarded", _("未中榜")
        WITHDRAWN = "withdrawn", _("已撤回")

    class NotAwardedReason(models.TextChoices):
        APPROACH = "approach", _("技术路线不符")
        INDICATORS = "indicators", _("指标未达")
        PRICE = "price", _("报价过高")
        EXPERIENCE = "experience", _("团队经验不足")
        OTHER = "other", _("其他")

    LIVE = (Status.SUBMITTED, Status.SHORTLISTED, Status.AWARDED)

    challenge = models.ForeignKey(Challenge, on_delete=models.PROTECT, related_name="bids", verbose_name=_("榜单"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="bids", verbose_name=_("揭榜单位")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    partners = models.ManyToManyField(
        Organisation, through="BidPartner", related_name="partner_bids", verbose_name=_("联合体成员")
    )
    proposal = models.TextField(_("方案概述"), max_length=8000)
    approach = models.TextField(_("技术路线"), max_length=8000)
    price = models.DecimalField(_("报价（元）"), max_digits=14, decimal_places=2, validators=amount_validators)
    duration_days = models.PositiveIntegerField(
        _("工期（天）"), validators=[MinValueValidator(1), MaxValueValidator(3650)]
    )
    milestones = models.JSONField(_("里程碑"), default=list)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True)
    # Why the owner did not award it, picked at the award; read by the bid's team and the owner only.
    not_awarded_reason = models.CharField(_("未中榜原因"), max_length=20, choices=NotAwardedReason.choices, blank=True)
    not_awarded_note = models.CharField(_("未中榜说明"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("揭榜申请")
        verbose_name_plural = _("揭榜申请")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "organisation"],
                condition=models.Q(status__in=["submitted", "shortlisted", "awarded"]),
                name="one_live_bid_per_org_per_challenge",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.challenge}"


class BidPartner(models.Model):
    """A consortium partner named by the bid's lead. It joins only by accepting (pending → accepted |
    declined, once, by one of its members); until then it sees a minimal invitation, not the bid."""

    class State(models.TextChoices):
        PENDING = "pending", _("待确认")
        ACCEPTED = "accepted", _("已接受")
        DECLINED = "declined", _("已拒绝")

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="partner_links")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("分工"), max_length=200, blank=True)
    state = models.CharField(_("确认状态"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("确认时间"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["bid", "organisation"], name="partner_once_per_bid")]


# Q&A, the deadline extension and invitations live in their own module; importing it registers them.
from marketplace.questions_models import ChallengeInvitation, ChallengeQuestion, DeadlineExtension  # noqa: E402, F401
