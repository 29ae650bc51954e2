import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        NEW_CHALLENGE = "new_challenge", _("新榜单与您的能力匹配")
        NEW_NEED = "new_need", _("新需求与您的能力匹配")
        NEW_CAPABILITY = "new_capability", _("新能力成果与您的需求匹配")
        CONSORTIUM_INVITE = "consortium_invite", _("联合体揭榜邀请")
        CONSORTIUM_ACCEPTED = "consortium_accepted", _("联合体成员已接受邀请")
        CONSORTIUM_DECLINED = "consortium_declined", _("联合体成员已拒绝邀请")
        BID_RECEIVED = "bid_received", _("收到揭榜申请")
        BID_WITHDRAWN = "bid_withdrawn", _("揭榜申请已撤回")
        BID_SHORTLISTED = "bid_shortlisted", _("揭榜申请入围")
        BID_AWARDED = "bid_awarded", _("揭榜申请中榜")
        BID_NOT_AWARDED = "bid_not_awarded", _("揭榜申请未中榜")
        CHALLENGE_CANCELLED = "challenge_cancelled", _("榜单已撤销")
        DEAL_RECORDED = "deal_recorded", _("技术合同已录入")
        DEAL_REGISTERED = "deal_registered", _("技术合同已认定登记")
        JOIN_REQUESTED = "join_requested", _("加入机构申请")
        JOIN_APPROVED = "join_approved", _("加入机构申请已同意")
        JOIN_DECLINED = "join_declined", _("加入机构申请未获同意")
        BIDDING_CLOSED_EARLY = "bidding_closed_early", _("榜单提前截止")
        DEADLINE_SOON = "deadline_soon", _("揭榜截止还有 3 天")
        CHALLENGE_CONCLUDED = "challenge_concluded", _("榜单验收结果")
        QUESTION_ASKED = "question_asked", _("收到答疑提问")
        QUESTION_ANSWERED = "question_answered", _("答疑已答复")
        DEADLINE_EXTENDED = "deadline_extended", _("揭榜截止时间已延长")
        CHALLENGE_INVITED = "challenge_invited", _("邀请揭榜")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    posting_kind = models.CharField(max_length=20)  # what the notification points at ("bid": a consortium notice)
    posting_id = models.BigIntegerField()
    about_kind = models.CharField(max_length=20)  # the recipient's own posting that matched
    about_id = models.BigIntegerField()
    title = models.CharField(max_length=200)
    body = models.CharField(max_length=500)
    score = models.FloatField(null=True, blank=True)  # the match score; none for consortium notices
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "posting_kind", "posting_id", "about_kind", "about_id"],
                name="notify_once_per_event",
            ),
        ]


def new_token() -> str:
    return secrets.token_urlsafe(24)


class EmailPreference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference")
    digest = models.BooleanField(default=True)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_token)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    # Per notification kind: {"<kind>": {"digest": bool, "email": bool}}; a kind not listed takes
    # the defaults (channels). In-app notices are always shown; `digest` False silences every kind.
    kinds = models.JSONField(default=dict, blank=True)

    DEFAULT_CHANNELS = {"digest": True, "email": False}

    def channels(self, kind: str) -> dict[str, bool]:
        """How notices of `kind` reach the user besides in-app: the daily digest, an e-mail at once."""
        chosen = self.kinds.get(kind) or {}
        return {name: bool(chosen.get(name, default)) for name, default in self.DEFAULT_CHANNELS.items()}
