"""答疑 (clarification questions), the one deadline extension, and invitations sent from a
challenge's recommendations. Imported at the end of marketplace.models so that Django loads them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.models import BaseModel
from marketplace.models import Challenge


class ChallengeQuestion(BaseModel):
    """A question asked privately by an organisation that may bid; the owner answers it privately
    (the asking organisation alone reads it) or publishes question and answer to every reader of
    the challenge, without naming the asker."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="questions")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("问题"), max_length=2000)
    answer = models.TextField(_("答复"), max_length=4000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    is_public = models.BooleanField(_("公开答复"), default=False)

    class Meta:
        verbose_name = _("答疑")
        verbose_name_plural = _("答疑")
        ordering = ["created_at", "id"]


class DeadlineExtension(models.Model):
    """The bid deadline extended, at most once per challenge (the one-to-one enforces it)."""

    challenge = models.OneToOneField(Challenge, on_delete=models.CASCADE, related_name="deadline_extension")
    previous_deadline = models.DateTimeField(_("原截止时间"))
    new_deadline = models.DateTimeField(_("新截止时间"))
    reason = models.CharField(_("延期原因"), max_length=300)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)


class ChallengeInvitation(models.Model):
    """邀请揭榜: the owner invited an organisation (found among the recommendations) to bid."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="invitation_notices")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["challenge", "organisation"], name="invite_once_per_org")]
