"""The targets board: the policy's other 2027 targets (seeded by data migrations) and the progress
officials enter by hand; the targets the platform itself knows are computed (dashboard.targets).
Progress entries are append-only, so the board keeps its history. And the
drill-down exports too large to build within a request (DashboardExport)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.jobs import ResumableJob
from core.models import AppendOnly

MAX_TARGET_VALUE = Decimal("9999999999999.99")


class PolicyTarget(models.Model):
    class Direction(models.TextChoices):
        AT_LEAST = "at_least", _("不低于")
        AT_MOST = "at_most", _("不高于")
        ABOUT = "about", _("左右")

    code = models.SlugField(_("代码"), max_length=60, unique=True)
    group = models.CharField(
        _("指标组"), max_length=60, help_text=_("政策原文中的一行，如“全省重点实验室 / 省技术创新中心”")
    )
    name = models.CharField(_("指标"), max_length=60)
    target_text = models.CharField(_("目标（原文）"), max_length=60)
    # Empty for what the policy asks for without a figure (四张清单, 先投后股): the board shows the value.
    target_value = models.DecimalField(_("目标值"), max_digits=15, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=20)
    direction = models.CharField(_("方向"), max_length=10, choices=Direction.choices, default=Direction.AT_LEAST)
    year = models.PositiveSmallIntegerField(_("目标年度"), default=2027)
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("政策目标")
        verbose_name_plural = _("政策目标")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class TargetProgress(AppendOnly):
    """One progress reading of a target, as entered by an official or the operator."""

    update_refused = delete_refused = _("进展记录写入后不能修改，请新增一条")

    target = models.ForeignKey(
        PolicyTarget, on_delete=models.PROTECT, related_name="progress", verbose_name=_("政策目标")
    )
    value = models.DecimalField(
        _("当前值"),
        max_digits=15,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_TARGET_VALUE)],
    )
    as_of = models.DateField(_("统计截至"))
    note = models.CharField(_("数据来源与说明"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("填报人")
    )
    at = models.DateTimeField(_("填报时间"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("目标进展")
        verbose_name_plural = _("目标进展")
        ordering = ["-as_of", "-id"]


class DashboardExport(ResumableJob):
    """A drill-down export built by a worker: for a figure with more contracts than one request can
    write before the web server's timeout (settings.DASHBOARD_EXPORT_MAX_ROWS). The file is kept in
    the database (web and worker share no disk), in parts (DashboardExportPart), for
    DASHBOARD_EXPORT_KEEP_DAYS, then dropped: the same figure can always be exported again, `as_of`
    reproducing it exactly."""

    class Status(models.TextChoices):
        PENDING = "pending", _("排队中")
        RUNNING = "running", _("生成中")
        SUCCEEDED = "succeeded", _("已生成")
        FAILED = "failed", _("生成失败")

    worker_statuses = (Status.RUNNING,)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("导出人")
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    figure = models.CharField(_("看板数字"), max_length=20)
    key = models.CharField(_("分项"), max_length=40, blank=True)
    as_of = models.DateField(_("截至日期"), null=True, blank=True)
    recorded_as_of = models.DateField(_("账本回溯日期"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    total_rows = models.PositiveIntegerField(_("合同份数"), default=0)
    processed_rows = models.PositiveIntegerField(_("已写入份数"), default=0)
    file_size = models.PositiveBigIntegerField(_("文件大小（字节）"), default=0)

    class Meta:
        verbose_name = _("看板导出")
        verbose_name_plural = _("看板导出")
        ordering = ["-created_at", "-id"]


class DashboardExportPart(models.Model):
    """One piece of an export's file, in order. Written and read a piece at a time, so neither the
    worker nor the web process ever holds a whole year's file (a 300,000-row CSV is about 100 MB)."""

    export = models.ForeignKey(DashboardExport, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveIntegerField()
    content = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["export", "number"], name="dashboard_export_part_unique")]
