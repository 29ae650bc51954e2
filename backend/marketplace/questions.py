"""答疑, the one deadline extension, and 邀请揭榜: services and the selector of what each reader sees.

Who may ask: a member of a verified enterprise or institute, other than the owner, that may read
the challenge's details (so an invitation-only challenge admits its invited organisations only, a
summary-only one those that accepted its terms), while the challenge is open for bids. The owner
answers once, privately (the asking organisation alone reads it) or publicly (every reader of the
details reads question and answer, never who asked)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from core.events import emit
from core.exceptions import Conflict, Forbidden
from marketplace.models import Challenge, ChallengeInvitation, ChallengeQuestion, DeadlineExtension
from marketplace.selectors import _is_operator, _org, challenge_details_visible
from marketplace.services import PARTICIPANT_KINDS, _check_invited, _record_transition

S = Challenge.Status


def _is_open(challenge: Challenge) -> bool:
    return challenge.status == S.PUBLISHED and challenge.bid_deadline > timezone.now()


def _require_owner(*, challenge: Challenge, by: User) -> None:
    if by.organisation_id != challenge.organisation_id:
        raise Forbidden(_("只有发榜单位可以执行此操作"))


def may_ask(*, challenge: Challenge, viewer: User | None) -> bool:
    org = _org(viewer)
    return (
        org is not None
        and org.pk != challenge.organisation_id
        and org.kind in PARTICIPANT_KINDS
        and org.is_verified
        and _is_open(challenge)
        and challenge_details_visible(challenge=challenge, viewer=viewer)
    )


@transaction.atomic
def question_ask(*, challenge: Challenge, by: User, text: str) -> ChallengeQuestion:
    if not may_ask(challenge=challenge, viewer=by):
        if by.organisation_id == challenge.organisation_id:
            raise Forbidden(_("发榜单位不能向自己的榜单提问"))
        if challenge.status == S.PUBLISHED and not _is_open(challenge):
            raise Conflict(_("揭榜已截止，不能再提问"))
        if challenge.status != S.PUBLISHED:
            raise Conflict(_("只有揭榜中的榜单可以提问"), extra={"status": challenge.status})
        raise Forbidden(_("只有可以揭榜的已认证企业或科研机构可以提问"))
    question = ChallengeQuestion.objects.create(
        challenge=challenge, organisation=by.organisation, asked_by=by, text=text
    )
    emit("question.asked", subject=question, actor=by)
    return question


@transaction.atomic
def question_answer(*, question: ChallengeQuestion, by: User, answer: str, public: bool) -> ChallengeQuestion:
    question = ChallengeQuestion.objects.select_for_update().get(pk=question.pk)
    _require_owner(challenge=question.challenge, by=by)
    if question.answered_at is not None:
        raise Conflict(_("该问题已答复"))
    question.answer, question.is_public = answer, public
    question.answered_by, question.answered_at = by, timezone.now()
    question.save(update_fields=["answer", "is_public", "answered_by", "answered_at", "updated_at"])
    emit("question.answered", subject=question, actor=by, public=public)
    return question


def question_list(*, challenge: Challenge, viewer: User | None) -> QuerySet[ChallengeQuestion]:
    """The owner's members and the operator read every question; a reader of the details reads the
    public answers and the questions of their own organisation; anyone else reads none."""
    qs = challenge.questions.select_related("organisation")
    org = _org(viewer)
    if (org is not None and org.pk == challenge.organisation_id) or _is_operator(viewer):
        return qs
    if not challenge_details_visible(challenge=challenge, viewer=viewer):
        return qs.none()
    own = Q(organisation=org) if org is not None else Q(pk__in=[])
    return qs.filter(Q(is_public=True) | own)


@transaction.atomic
def challenge_invite(*, challenge: Challenge, by: User, organisation: Organisation) -> ChallengeInvitation:
    """邀请揭榜 from the recommendations: the organisation's members are told, and an invitation-only
    challenge admits it from now on. An organisation is invited once."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    _require_owner(challenge=challenge, by=by)
    if not _is_open(challenge):
        raise Conflict(_("只有揭榜中的榜单可以邀请揭榜"), extra={"status": challenge.status})
    _check_invited(owner=challenge.organisation, invited=[organisation])
    try:
        with transaction.atomic():
            invitation = ChallengeInvitation.objects.create(
                challenge=challenge, organisation=organisation, invited_by=by
            )
    except IntegrityError:
        raise Conflict(_("已邀请过该机构"), extra={"organisation": organisation.pk}) from None
    if challenge.confidentiality == Challenge.Confidentiality.INVITATION_ONLY:
        challenge.invited.add(organisation)
        emit("posting.changed", subject=challenge, actor=by)  # the audience is indexed
    emit("challenge.invited", subject=invitation, actor=by)
    return invitation


@transaction.atomic
def challenge_extend_deadline(*, challenge: Challenge, by: User, bid_deadline: datetime, reason: str) -> Challenge:
    """Extend the bid deadline, once, with a reason recorded in the history (the old and new
    deadlines in the entry's reason, so the public history shows them); bidders and askers are told."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    _require_owner(challenge=challenge, by=by)
    if challenge.status != S.PUBLISHED:
        raise Conflict(_("只有揭榜中的榜单可以延长截止时间"), extra={"status": challenge.status})
    if DeadlineExtension.objects.filter(challenge=challenge).exists():
        raise Conflict(_("揭榜截止时间只能延长一次"))
    previous = challenge.bid_deadline
    if bid_deadline <= previous:
        raise ValidationError({"bid_deadline": _("新的截止时间须晚于原截止时间")})
    extension = DeadlineExtension.objects.create(
        challenge=challenge, previous_deadline=previous, new_deadline=bid_deadline, reason=reason, by=by
    )
    challenge.bid_deadline = bid_deadline
    challenge.save(update_fields=["bid_deadline", "updated_at"])
    shown = "%Y-%m-%d %H:%M"
    dates = f"{timezone.localtime(previous).strftime(shown)} → {timezone.localtime(bid_deadline).strftime(shown)}"
    _record_transition(
        challenge=challenge, from_status=S.PUBLISHED, to_status=S.PUBLISHED, by=by, reason=f"{reason}（{dates}）"
    )
    emit("posting.changed", subject=challenge, actor=by)
    emit("challenge.deadline_extended", subject=extension, actor=by)
    return challenge
