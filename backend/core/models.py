from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseModel(models.Model):
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        abstract = True


class UndeletableQuerySet(models.QuerySet):
    def delete(self):
        raise ValidationError(self.model.delete_refused)


class AppendOnlyQuerySet(UndeletableQuerySet):
    def update(self, **kwargs):
        raise ValidationError(self.model.update_refused)


class Undeletable(models.Model):
    """Rows that are never deleted, one at a time or in bulk; `delete_refused` says why, to the user."""

    delete_refused: ClassVar[str]

    objects = UndeletableQuerySet.as_manager()

    class Meta:
        abstract = True

    def delete(self, *args, **kwargs):
        raise ValidationError(self.delete_refused)


class AppendOnly(Undeletable):
    """Rows that are written once and then neither changed nor deleted (a ledger, a history):
    a correction is a new row. `update_refused` says why, to the user."""

    update_refused: ClassVar[str]

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(self.update_refused)
        super().save(*args, **kwargs)


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
