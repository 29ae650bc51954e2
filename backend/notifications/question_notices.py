"""Who is told of 答疑, of the deadline extension and of 邀请揭榜 (the events of marketplace.questions).

A question goes to the owner; a private answer to the asking organisation; a public answer also to
every bidding team, without naming the asker. An extension goes to the bidding teams and to every
organisation that asked a question; an invitation to the invited organisation."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.events import Event, subscribe
from notifications.models import Notification
from notifications.subscribers import _team, _tell

K = Notification.Kind


def _bidding_teams(challenge) -> list:
    from marketplace.models import Bid

    bids = challenge.bids.filter(status__in=Bid.LIVE).select_related("organisation")
    return [org for bid in bids for org in _team(bid)]


def _about(challenge, orgs, *, kind: str, about_kind: str, about_id: int, title: str, body: str) -> int:
    return _tell(
        orgs,
        kind=kind,
        posting_kind="challenge",
        posting_id=challenge.pk,
        about_kind=about_kind,
        about_id=about_id,
        title=title,
        body=body,
    )


def question_asked(event: Event) -> None:
    question = event.subject
    challenge = question.challenge
    with translation.override(settings.LANGUAGE_CODE):
        names = {"asker": question.organisation.name, "title": challenge.title, "text": question.text[:200]}
        _about(
            challenge,
            [challenge.organisation],
            kind=K.QUESTION_ASKED,
            about_kind="question",
            about_id=question.pk,
            title=_("收到答疑提问：%(title)s") % names,
            body=_("%(asker)s提问：%(text)s 请在榜单页的“答疑”中私下回复或公开答复。") % names,
        )


def question_answered(event: Event) -> None:
    question = event.subject
    challenge = question.challenge
    orgs = [question.organisation]
    if question.is_public:
        orgs += _bidding_teams(challenge)
    with translation.override(settings.LANGUAGE_CODE):
        names = {"owner": challenge.organisation.name, "title": challenge.title, "text": question.text[:200]}
        body = (
            _("%(owner)s公开答复了一个答疑问题：%(text)s") % names
            if question.is_public
            else _("%(owner)s答复了贵方的提问：%(text)s") % names
        )
        _about(
            challenge,
            orgs,
            kind=K.QUESTION_ANSWERED,
            about_kind="question",
            about_id=question.pk,
            title=_("答疑已答复：%(title)s") % names,
            body=body,
        )


def deadline_extended(event: Event) -> None:
    extension = event.subject
    challenge = extension.challenge
    askers = [q.organisation for q in challenge.questions.select_related("organisation")]
    with translation.override(settings.LANGUAGE_CODE):
        names = {
            "title": challenge.title,
            "deadline": timezone.localtime(extension.new_deadline).strftime("%Y-%m-%d %H:%M"),
            "reason": extension.reason,
        }
        _about(
            challenge,
            [*_bidding_teams(challenge), *askers],
            kind=K.DEADLINE_EXTENDED,
            about_kind="extension",
            about_id=extension.pk,
            title=_("揭榜截止时间已延长：%(title)s") % names,
            body=_("揭榜截止时间延长至 %(deadline)s。原因：%(reason)s") % names,
        )


def challenge_invited(event: Event) -> None:
    invitation = event.subject
    challenge = invitation.challenge
    with translation.override(settings.LANGUAGE_CODE):
        names = {"owner": challenge.organisation.name, "title": challenge.title}
        _about(
            challenge,
            [invitation.organisation],
            kind=K.CHALLENGE_INVITED,
            about_kind="invitation",
            about_id=invitation.pk,
            title=_("邀请揭榜：%(title)s") % names,
            body=_("%(owner)s根据能力匹配结果邀请贵方揭榜“%(title)s”，欢迎查看榜单并提交揭榜申请。") % names,
        )


def connect() -> None:
    subscribe("question.asked", question_asked)
    subscribe("question.answered", question_answered)
    subscribe("challenge.deadline_extended", deadline_extended)
    subscribe("challenge.invited", challenge_invited)
