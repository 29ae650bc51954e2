from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from accounts.uscc import uscc_problem
from core.models import BaseModel


def validate_uscc(value: str) -> None:
    problem = uscc_problem(value)
    if problem:
        raise ValidationError(problem, code="uscc")


class Region(models.TextChoices):
    """Huzhou's districts and counties, its two functional zones, and everywhere else."""

    WUXING = "wuxing", _("吴兴区")
    NANXUN = "nanxun", _("南浔区")
    DEQING = "deqing", _("德清县")
    CHANGXING = "changxing", _("长兴县")
    ANJI = "anji", _("安吉县")
    NANTAIHU = "nantaihu", _("南太湖新区")
    MOGANSHAN = "moganshan", _("湖州莫干山高新区")
    OUTSIDE = "outside", _("湖州市外")


class Organisation(BaseModel):
    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("企业")
        INSTITUTE = "institute", _("科研机构")
        GOVERNMENT = "government", _("政府部门")
        OPERATOR = "operator", _("平台运营方")

    class InstituteType(models.TextChoices):
        RESEARCH_INSTITUTE = "research_institute", _("科研院所")
        UNIVERSITY = "university", _("高校")
        NEW_RD = "new_rd", _("新型研发机构")

    class Verification(models.TextChoices):
        UNVERIFIED = "unverified", _("未认证")
        VERIFIED = "verified", _("已认证")
        REJECTED = "rejected", _("认证未通过")

    name = models.CharField(
        _("名称"),
        max_length=120,
        unique=True,
        error_messages={"unique": _("该机构名称已注册：如是贵单位，请联系其管理员将您加入")},
    )
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    institute_type = models.CharField(_("科研机构类别"), max_length=30, choices=InstituteType.choices, blank=True)
    uscc = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        unique=True,
        validators=[validate_uscc],
        error_messages={"unique": _("该统一社会信用代码已注册：如是贵单位，请联系其管理员将您加入")},
    )
    region = models.CharField(_("所在地区"), max_length=20, choices=Region.choices)
    province = models.CharField(_("省份"), max_length=30, blank=True)
    city = models.CharField(_("城市"), max_length=30, blank=True)
    description = models.TextField(_("简介"), max_length=4000, blank=True)
    website = models.URLField(_("网站"), blank=True)
    verification = models.CharField(
        _("认证状态"), max_length=20, choices=Verification.choices, default=Verification.UNVERIFIED, db_index=True
    )
    verified_at = models.DateTimeField(_("认证时间"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verification_note = models.CharField(_("认证说明"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("机构")
        verbose_name_plural = _("机构")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verification == self.Verification.VERIFIED

    @property
    def in_huzhou(self) -> bool:
        return self.region != Region.OUTSIDE

    def clean(self) -> None:
        errors = {}
        if self.kind == self.Kind.INSTITUTE and not self.institute_type:
            errors["institute_type"] = _("科研机构须选择类别（科研院所、高校或新型研发机构）")
        if self.kind != self.Kind.INSTITUTE and self.institute_type:
            errors["institute_type"] = _("只有科研机构可以填写科研机构类别")
        if self.region == Region.OUTSIDE and not (self.province and self.city):
            errors["province"] = _("湖州市外的机构须填写省份和城市")
        if errors:
            raise ValidationError(errors)


class User(AbstractUser):
    class Role(models.TextChoices):
        ADMIN = "admin", _("管理员")
        MEMBER = "member", _("成员")

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("所属机构"),
    )
    org_role = models.CharField(_("机构角色"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    @cached_property
    def _powers(self) -> dict[str, str]:
        """{power: district} of the user's live grants ("" = the whole city). Power needs all three:
        a grant, an organisation of the matching kind, and that organisation verified."""
        org = self.organisation
        if self.pk is None or org is None or not org.is_verified:
            return {}
        kind = {Grant.Power.OFFICIAL: Organisation.Kind.GOVERNMENT, Grant.Power.OPERATOR: Organisation.Kind.OPERATOR}
        return {g.power: g.district for g in self.grants.filter(revoked_at__isnull=True) if kind[g.power] == org.kind}

    def forget_powers(self) -> None:
        """After a grant, revocation or verification change: the next check reads them again."""
        self.__dict__.pop("_powers", None)

    @property
    def is_operator(self) -> bool:
        return self.is_superuser or Grant.Power.OPERATOR in self._powers

    @property
    def is_official(self) -> bool:
        return Grant.Power.OFFICIAL in self._powers

    @property
    def official_district(self) -> str | None:
        """The district (a Region value) an official's rights are limited to; None: the whole city."""
        return self._powers.get(Grant.Power.OFFICIAL) or None


class MembershipRequest(BaseModel):
    """A user's request to join an existing organisation. Until the organisation's admin approves it the
    user is no member of it (User.organisation stays empty), so it gives no power of any kind."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审核")
        APPROVED = "approved", _("已同意")
        DECLINED = "declined", _("已拒绝")
        WITHDRAWN = "withdrawn", _("已失效")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="membership_requests", verbose_name=_("申请人")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="membership_requests", verbose_name=_("机构")
    )
    message = models.CharField(_("申请说明"), max_length=300, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("处理人")
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    decision_note = models.CharField(_("处理说明"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("加入机构申请")
        verbose_name_plural = _("加入机构申请")
        ordering = ["-created_at", "-id"]
        constraints = [
            # A declined user may ask again (a new row); two open requests at once may not exist.
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(status="pending"),
                name="one_pending_membership_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation}"


class Grant(models.Model):
    """A power given to one user by the operator: 政府部门 (official) rights over the ledger and the
    dashboard, optionally limited to a district, or the operator's rights. Never claimed: only the
    operator's service `grant_add` writes these rows, and revoking keeps the row (who, when, why)."""

    class Power(models.TextChoices):
        OFFICIAL = "official", _("政府部门（科技局）权限")
        OPERATOR = "operator", _("平台运营方权限")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="grants", verbose_name=_("用户"))
    power = models.CharField(_("权限"), max_length=20, choices=Power.choices)
    district = models.CharField(
        _("辖区"), max_length=20, choices=Region.choices, blank=True, help_text=_("留空：全市；填写：只限该区县")
    )
    reason = models.CharField(_("授权依据"), max_length=500)
    granted_by = models.ForeignKey(
        User, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("授权人")
    )
    granted_at = models.DateTimeField(_("授权时间"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("撤销人")
    )
    revoke_reason = models.CharField(_("撤销原因"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("权限授予")
        verbose_name_plural = _("权限授予")
        ordering = ["-granted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "power"], condition=models.Q(revoked_at__isnull=True), name="one_live_grant_per_power"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_power_display()}"


class AuditEntry(models.Model):
    """What the operator (or a migration) did to organisations and powers: append-only."""

    class Action(models.TextChoices):
        ORGANISATION_CREATED = "organisation_created", _("开设机构")
        ORGANISATION_CHANGED = "organisation_changed", _("修改机构权限相关信息")
        ORGANISATION_VERIFIED = "organisation_verified", _("认证机构")
        ORGANISATION_REJECTED = "organisation_rejected", _("驳回机构认证")
        GRANT_ADDED = "grant_added", _("授予权限")
        GRANT_REVOKED = "grant_revoked", _("撤销权限")

    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("操作人"))
    action = models.CharField(_("操作"), max_length=30, choices=Action.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("机构")
    )
    user = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("用户"))
    changes = models.JSONField(_("变更"), default=dict)
    reason = models.CharField(_("原因"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("权限审计记录")
        verbose_name_plural = _("权限审计记录")
        ordering = ["-at", "-id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("audit entries are append-only")


# --- qualifications and innovation consortia (issue 15: the policy's targets and breakdowns) ------


class Qualification(BaseModel):
    """A government recognition of an enterprise, with its validity: 高新技术企业, 科技型中小企业,
    专精特新 and 龙头企业. Keyed by the USCC, not the organisation: the bureau's lists name every
    recognised firm, most of which never register here, and the ledger's parties are USCCs too.
    Set by officials or imported from their lists (accounts.qualifications)."""

    class Kind(models.TextChoices):
        HIGH_TECH = "high_tech", _("高新技术企业")
        TECH_SME = "tech_sme", _("科技型中小企业")
        SPECIALISED = "specialised", _("专精特新企业")
        LEADING = "leading", _("龙头企业")

    uscc = models.CharField(_("统一社会信用代码"), max_length=18, validators=[validate_uscc], db_index=True)
    name = models.CharField(_("企业名称"), max_length=120)
    kind = models.CharField(_("资质"), max_length=20, choices=Kind.choices)
    certificate_number = models.CharField(_("证书编号"), max_length=60, blank=True)
    valid_from = models.DateField(_("有效期起"))
    valid_until = models.DateField(_("有效期止"), null=True, blank=True, help_text=_("留空：长期有效"))
    source = models.CharField(_("来源"), max_length=200, help_text=_("如“2025年第一批高新技术企业认定名单”"))
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("录入人"))

    class Meta:
        verbose_name = _("企业资质")
        verbose_name_plural = _("企业资质")
        ordering = ["uscc", "kind", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["uscc", "kind", "valid_from"], name="one_qualification_per_start")
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.get_kind_display()}"

    def clean(self) -> None:
        if self.valid_until is not None and self.valid_from is not None and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("有效期止不能早于有效期起")})


class InnovationConsortium(BaseModel):
    """创新联合体: a standing alliance an enterprise leads with institutes and firms to take on key
    research tasks, recorded by officials. Not a bid's 联合体, which lasts one challenge."""

    name = models.CharField(_("名称"), max_length=120, unique=True)
    lead = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="led_consortia", verbose_name=_("牵头单位")
    )
    members = models.ManyToManyField(Organisation, blank=True, related_name="consortia", verbose_name=_("成员单位"))
    established_on = models.DateField(_("组建日期"))
    source = models.CharField(_("依据"), max_length=200, help_text=_("如认定或备案文件"))
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", verbose_name=_("录入人"))

    class Meta:
        verbose_name = _("创新联合体")
        verbose_name_plural = _("创新联合体")
        ordering = ["-established_on", "name"]

    def __str__(self) -> str:
        return self.name
