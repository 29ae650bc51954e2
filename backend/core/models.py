from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseModel(models.Model):
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        abstract = True


class DomainEvent(models.Model):
    """What happened in the marketplace and the ledger, as services recorded it (core.events.emit).
    Append-only: the audit trail that subscribers (indexing, notifications) act on."""

    name = models.CharField(_("事件"), max_length=60, db_index=True)
    subject_type = models.CharField(_("对象类型"), max_length=60)
    subject_id = models.BigIntegerField(_("对象编号"))
    actor = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("操作人")
    )
    data = models.JSONField(_("内容"), default=dict)
    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("领域事件")
        verbose_name_plural = _("领域事件")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="event_subject")]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("domain events are append-only")
        super().save(*args, **kwargs)
