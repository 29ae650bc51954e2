"""Every write of the marketplace. Views call these; nothing else changes marketplace state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Organisation, User
from core.events import emit
from core.exceptions import ApplicationError, Conflict, Forbidden
from marketplace.models import Bid, BidPartner, Capability, Challenge, ChallengeTransition, Need, TermsAcceptance

S = Challenge.Status

# The challenge lifecycle. Anything not listed here is refused with a 409.
TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.PUBLISHED, S.CANCELLED},
    S.PUBLISHED: {S.CLOSED, S.CANCELLED},
    S.CLOSED: {S.AWARDED, S.CANCELLED},
    S.AWARDED: {S.IN_PROGRESS},
    S.IN_PROGRESS: {S.ACCEPTED, S.FAILED},
}
EDITABLE_STATUSES = {S.DRAFT, S.PUBLISHED}


def _require_member(user: User, organisation: Organisation) -> None:
    if user.organisation_id != organisation.pk and not user.is_operator:
        raise Forbidden(_("只能操作本机构发布的内容"))


POSTING_EXCLUDE = ["organisation", "created_by"]  # set by the service, not by the caller


def _require_poster(by: User) -> Organisation:
    if by.organisation is None:
        raise Forbidden(_("请先加入或注册机构"))
    if by.is_official or by.organisation.kind == Organisation.Kind.GOVERNMENT:
        raise Forbidden(_("政府部门用户不能发布需求或能力成果"))
    return by.organisation


def _require_verified(org: Organisation) -> None:
    if not org.is_verified:
        raise Forbidden(_("机构通过认证后才能发布"))


def _apply(instance, data: dict[str, Any]) -> None:
    for field, value in data.items():
        setattr(instance, field, value)


# --- challenges -----------------------------------------------------------------------------


def _transition(*, challenge: Challenge, to: str, by: User | None, reason: str = "") -> Challenge:
    current = challenge.status
    if to not in TRANSITIONS.get(current, set()):
        raise Conflict(
            _("榜单当前状态为“%(current)s”，不能变更为“%(target)s”")
            % {"current": S(current).label, "target": S(to).label},
            extra={"status": current, "target": to},
        )
    challenge.status = to
    fields = ["status", "updated_at"]
    if to == S.PUBLISHED:
        challenge.published_at = timezone.now()
        fields.append("published_at")
    challenge.save(update_fields=fields)
    _record_transition(challenge=challenge, from_status=current, to_status=to, by=by, reason=reason)
    emit("posting.changed", subject=challenge, actor=by)  # status and audience are indexed
    return challenge


def _record_transition(
    *, challenge: Challenge, from_status: str, to_status: str, by: User | None, reason: str
) -> ChallengeTransition:
    """Append to the history with the capacity the user acted in, so that the public history can
    name an organisation and a role rather than an account (marketplace.selectors.challenge_history).
    The platform's own notes (gettext_noop) are stored in the source language and translated when
    read, so that each reader sees them in their language."""
    R = ChallengeTransition.ActorRole
    if by is None:
        role = R.SYSTEM
    elif by.organisation_id is not None and by.organisation_id == challenge.organisation_id:
        role = R.OWNER
    elif by.is_official:
        role = R.GOVERNMENT
    else:
        role = R.OPERATOR  # _require_member lets nobody else change another organisation's challenge
    return ChallengeTransition.objects.create(
        challenge=challenge,
        from_status=from_status,
        to_status=to_status,
        by=by,
        reason=reason,
        by_role=role,
        by_organisation=by.organisation if by is not None else None,
    )


def _check_challenge(challenge: Challenge) -> None:
    challenge.full_clean(exclude=POSTING_EXCLUDE)


# Who may be invited to a challenge or named as a consortium partner: organisations that could bid.
PARTICIPANT_KINDS = (Organisation.Kind.ENTERPRISE, Organisation.Kind.INSTITUTE)


def _check_invited(*, owner: Organisation, invited: Sequence[Organisation]) -> None:
    """Only verified enterprises and institutes other than the owner can be invited: an invitation
    is a right to read and to bid, which the operator, a government body or the owner never use."""
    refused = [o for o in invited if o.pk == owner.pk or o.kind not in PARTICIPANT_KINDS or not o.is_verified]
    if refused:
        raise ApplicationError(
            _("只能邀请已认证的企业或科研机构（不含本机构）：%(names)s")
            % {"names": "、".join(o.name for o in refused)},
            extra={"field": "invited", "organisations": [o.pk for o in refused]},
        )


@transaction.atomic
def challenge_create(*, by: User, invited: Sequence[Organisation] = (), **data: Any) -> Challenge:
    # 揭榜挂帅 lists come from enterprises and from the government (fiscal funding), so officials may post them.
    org = by.organisation
    if org is None:
        raise Forbidden(_("请先加入或注册机构"))
    if data.get("mode") == Challenge.Mode.JIEBANG:
        data.setdefault("max_winners", 1)
    _check_invited(owner=org, invited=invited)
    challenge = Challenge(organisation=org, created_by=by, status=S.DRAFT, **data)
    _check_challenge(challenge)
    challenge.save()
    challenge.invited.set(invited)
    _record_transition(challenge=challenge, from_status="", to_status=S.DRAFT, by=by, reason=gettext_noop("创建草稿"))
    emit("posting.changed", subject=challenge, actor=by)
    return challenge


@transaction.atomic
def challenge_update(
    *, challenge: Challenge, by: User, invited: Sequence[Organisation] | None = None, **data: Any
) -> Challenge:
    _require_member(by, challenge.organisation)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.status not in EDITABLE_STATUSES:
        raise Conflict(_("只有草稿或揭榜中的榜单可以修改"), extra={"status": challenge.status})
    if challenge.status == S.PUBLISHED:
        locked = {"bounty", "mode", "max_winners", "funding_mode", "confidentiality"} & set(data)
        changed = sorted(f for f in locked if getattr(challenge, f) != data[f])
        if changed:
            raise Conflict(_("榜单发布后不能修改榜额、组织方式、资金方式或保密级别"), extra={"fields": changed})
        # Whole seconds: a browser sends milliseconds, the database keeps microseconds.
        if "bid_deadline" in data and data["bid_deadline"].replace(microsecond=0) < challenge.bid_deadline.replace(
            microsecond=0
        ):
            raise Conflict(_("榜单发布后截止时间只能延后，不能提前"))
    if invited is not None:
        _check_invited(owner=challenge.organisation, invited=invited)
    _apply(challenge, data)
    _check_challenge(challenge)
    challenge.save()
    if invited is not None:
        challenge.invited.set(invited)
    emit("posting.changed", subject=challenge, actor=by)
    return challenge


@transaction.atomic
def challenge_publish(*, challenge: Challenge, by: User) -> Challenge:
    _require_member(by, challenge.organisation)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    _require_verified(challenge.organisation)
    if challenge.bid_deadline <= timezone.now():
        raise ApplicationError(_("揭榜截止时间已过，请先修改截止时间"), code="invalid", extra={"field": "bid_deadline"})
    if challenge.confidentiality == Challenge.Confidentiality.INVITATION_ONLY and not challenge.invited.exists():
        raise ApplicationError(_("仅限受邀的榜单至少需要邀请一家机构"), code="invalid")
    _transition(challenge=challenge, to=S.PUBLISHED, by=by)
    emit("posting.published", subject=challenge, actor=by)
    return challenge


@transaction.atomic
def challenge_close(*, challenge: Challenge, by: User | None, reason: str = "") -> Challenge:
    if by is not None:
        _require_member(by, challenge.organisation)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    return _transition(challenge=challenge, to=S.CLOSED, by=by, reason=reason or gettext_noop("手动截止"))


def challenges_close_expired(*, now: datetime | None = None) -> int:
    """Close every published challenge whose bid deadline has passed. Safe to run repeatedly."""
    now = now or timezone.now()
    closed = 0
    for pk in Challenge.objects.filter(status=S.PUBLISHED, bid_deadline__lte=now).values_list("pk", flat=True):
        with transaction.atomic():
            challenge = Challenge.objects.select_for_update().get(pk=pk)
            if challenge.status == S.PUBLISHED and challenge.bid_deadline <= now:
                _transition(
                    challenge=challenge, to=S.CLOSED, by=None, reason=gettext_noop("到达揭榜截止时间，自动截止")
                )
                closed += 1
    return closed


DEADLINE_NOTICE_AHEAD = timedelta(days=3)


def challenges_deadline_soon(*, now: datetime | None = None) -> int:
    """Announce once (challenge.deadline_soon, an event per challenge) that a published challenge's
    bid deadline is at most three days away; the notices decide who hears of it. Safe to rerun."""
    from core.models import DomainEvent

    now = now or timezone.now()
    announced = DomainEvent.objects.filter(
        name="challenge.deadline_soon", subject_type=Challenge._meta.label_lower
    ).values_list("subject_id", flat=True)
    due = Challenge.objects.filter(
        status=S.PUBLISHED, bid_deadline__gt=now, bid_deadline__lte=now + DEADLINE_NOTICE_AHEAD
    ).exclude(pk__in=announced)
    count = 0
    for challenge in due.select_related("organisation"):
        with transaction.atomic():
            emit("challenge.deadline_soon", subject=challenge)
            count += 1
    return count


@transaction.atomic
def challenge_cancel(*, challenge: Challenge, by: User, reason: str) -> Challenge:
    _require_member(by, challenge.organisation)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    _transition(challenge=challenge, to=S.CANCELLED, by=by, reason=reason)
    live = challenge.bids.filter(status__in=[Bid.Status.SUBMITTED, Bid.Status.SHORTLISTED])
    ended = list(live.values_list("pk", flat=True))
    live.update(status=Bid.Status.NOT_AWARDED, updated_at=timezone.now())
    emit("challenge.cancelled", subject=challenge, actor=by, not_awarded=ended, reason=reason)
    return challenge


def _close_before_award(
    *, challenge: Challenge, by: User, close_early: bool, now: datetime, not_awarded: Sequence[int]
) -> None:
    """An award ends the bidding. Before the published deadline that brings the deadline forward,
    which the owner must confirm (close_early); the history and the other bidders are told."""
    if challenge.bid_deadline <= now:
        _transition(challenge=challenge, to=S.CLOSED, by=by, reason=gettext_noop("定榜前截止"))
        return
    if not close_early:
        raise Conflict(
            _(
                "揭榜截止时间（%(deadline)s）尚未到达。现在定榜会把截止时间提前到此刻，不再接受新的揭榜申请，"
                "其他揭榜单位会收到提前截止的通知。确认提前截止请勾选“提前截止并定榜”。"
            )
            % {"deadline": timezone.localtime(challenge.bid_deadline).strftime("%Y-%m-%d %H:%M")},
            extra={"field": "close_early", "bid_deadline": challenge.bid_deadline.isoformat()},
        )
    published_deadline = challenge.bid_deadline
    challenge.bid_deadline = now
    challenge.save(update_fields=["bid_deadline", "updated_at"])
    _transition(challenge=challenge, to=S.CLOSED, by=by, reason=gettext_noop("发榜单位确认提前截止并定榜"))
    emit(
        "challenge.closed_early",
        subject=challenge,
        actor=by,
        published_deadline=published_deadline.isoformat(),
        not_awarded=list(not_awarded),
    )


def _check_not_awarded_reasons(
    *, others: Sequence[int], reasons: Mapping[int, tuple[str, str]]
) -> dict[int, tuple[str, str]]:
    """Every unsuccessful bid gets a coded reason (其他 with a note): the owner is asked for each
    rather than given a default, since the bidder reads it as the answer to its proposal."""
    R = Bid.NotAwardedReason
    unknown = sorted(set(reasons) - set(others))
    if unknown:
        raise ApplicationError(
            _("未中榜原因只能给本榜单中未被选中的有效申请"), extra={"field": "not_awarded", "bids": unknown}
        )
    missing = sorted(set(others) - set(reasons))
    if missing:
        raise ApplicationError(
            _("请为每一份未中榜的申请选择未中榜原因"), extra={"field": "not_awarded", "bids": missing}
        )
    cleaned = {}
    for pk, (code, note) in reasons.items():
        note = (note or "").strip()
        if code not in R.values:
            raise ApplicationError(_("未中榜原因无效"), extra={"field": "not_awarded", "bids": [pk]})
        if code == R.OTHER and not note:
            raise ApplicationError(_("未中榜原因为“其他”时请填写说明"), extra={"field": "not_awarded", "bids": [pk]})
        cleaned[pk] = (code, note)
    return cleaned


@transaction.atomic
def challenge_award(
    *,
    challenge: Challenge,
    by: User,
    bid_ids: Sequence[int],
    reason: str = "",
    not_awarded: Mapping[int, tuple[str, str]] | None = None,
    close_early: bool = False,
) -> Challenge:
    """Pick the winners, and say why each other bid was not chosen (`not_awarded`: bid id →
    (Bid.NotAwardedReason, note)). The row lock serialises concurrent awards, so the mode's winner
    count can never be exceeded however many requests arrive at once."""
    _require_member(by, challenge.organisation)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.status not in (S.PUBLISHED, S.CLOSED):
        raise Conflict(
            _("榜单当前状态为“%(current)s”，不能定榜") % {"current": S(challenge.status).label},
            extra={"status": challenge.status},
        )
    unique_ids = sorted(set(bid_ids))
    if not unique_ids:
        raise ApplicationError(_("请至少选择一份揭榜申请"), extra={"field": "bids"})
    if len(unique_ids) > challenge.max_winners:
        raise Conflict(
            _("%(mode)s最多可选择%(n)d个中榜团队")
            % {"mode": Challenge.Mode(challenge.mode).label, "n": challenge.max_winners},
            extra={"max_winners": challenge.max_winners},
        )
    winners = list(challenge.bids.filter(pk__in=unique_ids, status__in=[Bid.Status.SUBMITTED, Bid.Status.SHORTLISTED]))
    if len(winners) != len(unique_ids):
        missing = sorted(set(unique_ids) - {b.pk for b in winners})
        raise ApplicationError(_("所选申请不属于该榜单或已撤回"), extra={"field": "bids", "bids": missing})
    unconfirmed = sorted(_with_pending_partners(winners))
    if unconfirmed:
        raise Conflict(_("所选申请的联合体成员尚未全部确认加入，暂不能定榜"), extra={"bids": unconfirmed})
    others = challenge.bids.filter(status__in=[Bid.Status.SUBMITTED, Bid.Status.SHORTLISTED]).exclude(pk__in=unique_ids)
    not_awarded_ids = list(others.values_list("pk", flat=True))
    reasons = _check_not_awarded_reasons(others=not_awarded_ids, reasons=not_awarded or {})
    now = timezone.now()
    if challenge.status == S.PUBLISHED:
        _close_before_award(challenge=challenge, by=by, close_early=close_early, now=now, not_awarded=not_awarded_ids)
    challenge.bids.filter(pk__in=unique_ids).update(status=Bid.Status.AWARDED, updated_at=now)
    for pk, (code, note) in reasons.items():
        Bid.objects.filter(pk=pk).update(
            status=Bid.Status.NOT_AWARDED, not_awarded_reason=code, not_awarded_note=note, updated_at=now
        )
    challenge = _transition(challenge=challenge, to=S.AWARDED, by=by, reason=reason)
    emit(
        "challenge.awarded",
        subject=challenge,
        actor=by,
        winners=unique_ids,
        not_awarded=not_awarded_ids,
        reason=reason,
    )
    return challenge


@transaction.atomic
def challenge_start(*, challenge: Challenge, by: User) -> Challenge:
    _require_member(by, challenge.organisation)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    return _transition(challenge=challenge, to=S.IN_PROGRESS, by=by, reason=gettext_noop("启动攻关"))


@transaction.atomic
def challenge_conclude(*, challenge: Challenge, by: User, accepted: bool, reason: str, landmark: str = "") -> Challenge:
    """验收. The party that accepts the work may mark a landmark result (填补国内空白 / 实现进口替代)
    then, and only then: the mark is part of the acceptance, not an edit afterwards."""
    _require_member(by, challenge.organisation)
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if landmark and not accepted:
        raise ApplicationError(_("只有通过验收的榜单可以标注标志性成果"), extra={"field": "landmark"})
    challenge = _transition(challenge=challenge, to=S.ACCEPTED if accepted else S.FAILED, by=by, reason=reason)
    if landmark:
        challenge.landmark = landmark
        challenge.save(update_fields=["landmark", "updated_at"])
    winners = list(challenge.bids.filter(status=Bid.Status.AWARDED).values_list("pk", flat=True))
    emit("challenge.concluded", subject=challenge, actor=by, accepted=accepted, reason=reason, winners=winners)
    return challenge


# Statuses at which a challenge is a project being carried out or done: what a key project counts in.
KEY_PROJECT_STATUSES = (S.PUBLISHED, S.CLOSED, S.AWARDED, S.IN_PROGRESS, S.ACCEPTED, S.FAILED)


@transaction.atomic
def challenge_set_key_project(*, challenge: Challenge, by: User, key_project: bool) -> Challenge:
    """重点科研攻关项目 is the government's designation: officials only, never the owner or the
    operator; who and when are kept with the flag."""
    if not by.is_official:
        raise Forbidden(_("只有政府部门可以认定重点科研攻关项目"))
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if challenge.status not in KEY_PROJECT_STATUSES:
        raise Conflict(
            _("榜单当前状态为“%(current)s”，不能认定重点项目") % {"current": S(challenge.status).label},
            extra={"status": challenge.status},
        )
    challenge.key_project = key_project
    challenge.key_project_by, challenge.key_project_at = by, timezone.now()
    challenge.save(update_fields=["key_project", "key_project_by", "key_project_at", "updated_at"])
    return challenge


@transaction.atomic
def terms_accept(*, challenge: Challenge, by: User) -> TermsAcceptance:
    org = by.organisation
    if org is None or org.kind != Organisation.Kind.INSTITUTE or not org.is_verified:
        raise Forbidden(_("只有已认证的科研机构可以接受保密条款并查看详情"))
    acceptance, _created = TermsAcceptance.objects.get_or_create(
        challenge=challenge, organisation=org, defaults={"accepted_by": by}
    )
    return acceptance


# --- bids -----------------------------------------------------------------------------------


def _check_can_bid(*, challenge: Challenge, org: Organisation | None) -> Organisation:
    if org is None or org.kind in (Organisation.Kind.GOVERNMENT, Organisation.Kind.OPERATOR):
        raise Forbidden(_("政府部门和平台运营方不能揭榜"))
    if not org.is_verified:
        raise Forbidden(_("机构通过认证后才能揭榜"))
    if org.pk == challenge.organisation_id:
        raise Forbidden(_("不能揭自己发布的榜单"))
    if challenge.status != S.PUBLISHED or challenge.bid_deadline <= timezone.now():
        raise Conflict(_("榜单不在揭榜期内"), extra={"status": challenge.status})
    C = Challenge.Confidentiality
    if challenge.confidentiality == C.INVITATION_ONLY and not challenge.invited.filter(pk=org.pk).exists():
        raise Forbidden(_("该榜单仅限受邀机构揭榜"))
    if challenge.confidentiality == C.SUMMARY_ONLY and not challenge.acceptances.filter(organisation=org).exists():
        raise Forbidden(_("请先接受该榜单的保密条款"))
    return org


# --- consortia ---------------------------------------------------------------------------------
# The rule, in one place (docs/marketplace.md "Consortium partners"):
# - An organisation takes part in at most one live bid per challenge: as its lead, or as a partner
#   that has not declined. So a partner can be neither the owner, the operator, a government body,
#   an unverified organisation, an uninvited one (invitation-only challenges), nor an organisation
#   already in another live bid on the challenge; and an invited partner cannot bid on its own until
#   it declines.
# - A named partner is `pending` until one of its members accepts or declines. While any partner is
#   pending the bid does not count: it cannot be shortlisted or awarded. A pending partner sees only
#   a minimal invitation (the lead's name and what it may already see of the challenge).
# - A partner that declines is out of the consortium; the bid stands with the partners that accepted
#   and the lead is told (to go on as it is, or withdraw and submit again with other partners).

LIVE_PARTNER_STATES = (BidPartner.State.PENDING, BidPartner.State.ACCEPTED)


def _with_pending_partners(bids: Sequence[Bid]) -> set[int]:
    return set(BidPartner.objects.filter(bid__in=bids, state=BidPartner.State.PENDING).values_list("bid_id", flat=True))


def _participants(*, challenge: Challenge, except_bid: Bid | None = None) -> set[int]:
    """Organisations in a live bid on the challenge: its leads and the partners that have not declined."""
    live = challenge.bids.filter(status__in=Bid.LIVE)
    if except_bid is not None:
        live = live.exclude(pk=except_bid.pk)
    leads = set(live.values_list("organisation_id", flat=True))
    partners = BidPartner.objects.filter(bid__in=live, state__in=LIVE_PARTNER_STATES).values_list(
        "organisation_id", flat=True
    )
    return leads | set(partners)


def _partner_problem(*, challenge: Challenge, org: Organisation, taken: set[int]) -> str | None:
    """Why `org` cannot be a partner in a bid on `challenge` (None: it can). Reasons that would reveal
    something private (whom the owner invited, who else bids) share one message."""
    if org.kind == Organisation.Kind.GOVERNMENT:
        return _("政府部门不能作为联合体成员")
    if org.kind not in PARTICIPANT_KINDS:
        return _("平台运营方不能作为联合体成员")
    if org.pk == challenge.organisation_id:
        return _("发榜单位不能作为联合体成员")
    if not org.is_verified:
        return _("机构尚未通过认证")
    uninvited = (
        challenge.confidentiality == Challenge.Confidentiality.INVITATION_ONLY
        and not challenge.invited.filter(pk=org.pk).exists()
    )
    if uninvited or org.pk in taken:
        return _("不能参加本榜单的揭榜（未受邀，或已参加本榜单的其他揭榜申请）")
    return None


def _check_partners(*, challenge: Challenge, lead: Organisation, partner_orgs: Sequence[Organisation]) -> None:
    if lead in partner_orgs:
        raise ApplicationError(_("联合体成员不能包含牵头单位自身"), extra={"field": "partners"})
    if len(set(partner_orgs)) != len(partner_orgs):
        raise ApplicationError(_("联合体成员不能重复"), extra={"field": "partners"})
    taken = _participants(challenge=challenge)
    problems = [(org, _partner_problem(challenge=challenge, org=org, taken=taken)) for org in partner_orgs]
    problems = [(org, reason) for org, reason in problems if reason]
    if problems:
        raise ApplicationError(
            _("以下机构不能作为联合体成员：%(list)s")
            % {
                "list": "；".join(
                    _("%(name)s（%(reason)s）") % {"name": org.name, "reason": reason} for org, reason in problems
                )
            },
            extra={"field": "partners", "organisations": [org.pk for org, _reason in problems]},
        )


@transaction.atomic
def bid_submit(
    *, challenge: Challenge, by: User, partners: Sequence[tuple[Organisation, str]] = (), **data: Any
) -> Bid:
    """Submit a bid, alone or leading a consortium. Every named partner is invited (pending) and
    notified; the bid counts once all of them have answered (see the rule above)."""
    challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)  # serialises the participation rule
    org = _check_can_bid(challenge=challenge, org=by.organisation)
    if BidPartner.objects.filter(
        organisation=org, state__in=LIVE_PARTNER_STATES, bid__challenge=challenge, bid__status__in=Bid.LIVE
    ).exists():
        raise Conflict(_("本机构已受邀加入该榜单的揭榜联合体，不能再单独揭榜；如需单独揭榜，请先拒绝邀请"))
    partner_orgs = [p for p, _role in partners]
    _check_partners(challenge=challenge, lead=org, partner_orgs=partner_orgs)
    bid = Bid(challenge=challenge, organisation=org, created_by=by, **data)
    bid.full_clean(exclude=["challenge", "organisation", "created_by"], validate_constraints=False)
    try:
        with transaction.atomic():
            bid.save()
    except IntegrityError:
        raise Conflict(_("本机构已有一份有效的揭榜申请，请先撤回再重新提交")) from None
    links = BidPartner.objects.bulk_create(
        [BidPartner(bid=bid, organisation=p, role=role, state=BidPartner.State.PENDING) for p, role in partners]
    )
    emit("bid.submitted", subject=bid, actor=by)
    for link in links:
        emit("bid.partner_invited", subject=link, actor=by)
    return bid


def _decide(*, link: BidPartner, by: User) -> BidPartner:
    if by.organisation_id is None or by.organisation_id != link.organisation_id:
        raise Forbidden(_("只有受邀机构的成员可以答复联合体邀请"))
    Challenge.objects.select_for_update().get(pk=link.bid.challenge_id)  # serialises with bid_submit
    link = (
        BidPartner.objects.select_for_update()
        .select_related("bid__challenge", "bid__organisation", "organisation")
        .get(pk=link.pk)
    )
    if link.state != BidPartner.State.PENDING:
        raise Conflict(_("该邀请已答复过"), extra={"state": link.state})
    if link.bid.status not in Bid.LIVE:
        raise Conflict(_("该揭榜申请已撤回或已结束"), extra={"status": link.bid.status})
    return link


@transaction.atomic
def bid_partner_accept(*, link: BidPartner, by: User) -> BidPartner:
    """The partner joins the consortium: it now sees the bid and the challenge as the lead does.
    Eligibility is checked again (verification, invitation and participation may have changed)."""
    link = _decide(link=link, by=by)
    challenge = link.bid.challenge
    problem = _partner_problem(
        challenge=challenge, org=link.organisation, taken=_participants(challenge=challenge, except_bid=link.bid)
    )
    if problem:
        raise Conflict(problem)
    link.state, link.decided_by, link.decided_at = BidPartner.State.ACCEPTED, by, timezone.now()
    link.save(update_fields=["state", "decided_by", "decided_at"])
    emit("bid.partner_accepted", subject=link, actor=by)
    return link


@transaction.atomic
def bid_partner_decline(*, link: BidPartner, by: User) -> BidPartner:
    """The partner stays out: it leaves the consortium and never sees the bid; the lead is told."""
    link = _decide(link=link, by=by)
    link.state, link.decided_by, link.decided_at = BidPartner.State.DECLINED, by, timezone.now()
    link.save(update_fields=["state", "decided_by", "decided_at"])
    emit("bid.partner_declined", subject=link, actor=by)
    return link


@transaction.atomic
def bid_withdraw(*, bid: Bid, by: User) -> Bid:
    _require_member(by, bid.organisation)
    bid = Bid.objects.select_for_update().get(pk=bid.pk)
    if bid.status not in (Bid.Status.SUBMITTED, Bid.Status.SHORTLISTED):
        raise Conflict(_("当前状态的申请不能撤回"), extra={"status": bid.status})
    bid.status = Bid.Status.WITHDRAWN
    bid.save(update_fields=["status", "updated_at"])
    emit("bid.withdrawn", subject=bid, actor=by)
    return bid


@transaction.atomic
def bid_shortlist(*, bid: Bid, by: User) -> Bid:
    _require_member(by, bid.challenge.organisation)
    bid = Bid.objects.select_for_update().get(pk=bid.pk)
    if bid.status != Bid.Status.SUBMITTED:
        raise Conflict(_("只有已提交的申请可以入围"), extra={"status": bid.status})
    if bid.challenge.status not in (S.PUBLISHED, S.CLOSED):
        raise Conflict(_("榜单已定榜或撤榜，不能再入围"), extra={"status": bid.challenge.status})
    if _with_pending_partners([bid]):
        raise Conflict(_("该申请的联合体成员尚未全部确认加入，暂不能入围"))
    bid.status = Bid.Status.SHORTLISTED
    bid.save(update_fields=["status", "updated_at"])
    emit("bid.shortlisted", subject=bid, actor=by)
    return bid


# --- needs and capabilities -----------------------------------------------------------------
# Both are created as drafts; publishing needs a verified organisation, like a challenge.
@transaction.atomic
def need_create(*, by: User, publish: bool = False, **data: Any) -> Need:
    org = _require_poster(by)
    if publish:
        _require_verified(org)
    need = Need(organisation=org, created_by=by, status=Need.Status.OPEN if publish else Need.Status.DRAFT, **data)
    need.full_clean(exclude=POSTING_EXCLUDE)
    need.save()
    emit("posting.changed", subject=need, actor=by)
    if publish:
        emit("posting.published", subject=need, actor=by)
    return need


@transaction.atomic
def need_update(*, need: Need, by: User, **data: Any) -> Need:
    _require_member(by, need.organisation)
    if need.status == Need.Status.CLOSED:
        raise Conflict(_("已关闭的需求不能修改"))
    _apply(need, data)
    need.full_clean(exclude=POSTING_EXCLUDE)
    need.save()
    emit("posting.changed", subject=need, actor=by)
    return need


@transaction.atomic
def need_set_status(*, need: Need, by: User, status: str) -> Need:
    _require_member(by, need.organisation)
    allowed = {
        Need.Status.DRAFT: {Need.Status.OPEN},
        Need.Status.OPEN: {Need.Status.CLOSED},
        Need.Status.CLOSED: {Need.Status.OPEN},
    }
    if status not in allowed[need.status]:
        raise Conflict(
            _("需求当前状态为“%(current)s”，不能变更为“%(target)s”")
            % {"current": Need.Status(need.status).label, "target": Need.Status(status).label}
        )
    if status == Need.Status.OPEN:
        _require_verified(need.organisation)
    first_publication = need.status == Need.Status.DRAFT
    need.status = status
    need.save(update_fields=["status", "updated_at"])
    emit("posting.changed", subject=need, actor=by)
    if first_publication:
        emit("posting.published", subject=need, actor=by)
    return need


@transaction.atomic
def capability_create(*, by: User, publish: bool = False, **data: Any) -> Capability:
    org = _require_poster(by)
    if publish:
        _require_verified(org)
    status = Capability.Status.PUBLISHED if publish else Capability.Status.DRAFT
    capability = Capability(organisation=org, created_by=by, status=status, **data)
    capability.full_clean(exclude=POSTING_EXCLUDE)
    capability.save()
    emit("posting.changed", subject=capability, actor=by)
    if publish:
        emit("posting.published", subject=capability, actor=by)
    return capability


@transaction.atomic
def capability_update(*, capability: Capability, by: User, **data: Any) -> Capability:
    _require_member(by, capability.organisation)
    _apply(capability, data)
    capability.full_clean(exclude=POSTING_EXCLUDE)
    capability.save()
    emit("posting.changed", subject=capability, actor=by)
    return capability


@transaction.atomic
def capability_set_status(*, capability: Capability, by: User, status: str) -> Capability:
    _require_member(by, capability.organisation)
    C = Capability.Status
    allowed = {C.DRAFT: {C.PUBLISHED}, C.PUBLISHED: {C.WITHDRAWN}, C.WITHDRAWN: {C.PUBLISHED}}
    if status not in allowed[capability.status]:
        raise Conflict(
            _("能力成果当前状态为“%(current)s”，不能变更为“%(target)s”")
            % {"current": C(capability.status).label, "target": C(status).label}
        )
    if status == C.PUBLISHED:
        _require_verified(capability.organisation)
    first_publication = capability.status == C.DRAFT
    capability.status = status
    capability.save(update_fields=["status", "updated_at"])
    emit("posting.changed", subject=capability, actor=by)
    if first_publication:
        emit("posting.published", subject=capability, actor=by)
    return capability
