"""Who is told what: the one place that turns domain events (core.events) into notices.

Every notice goes to the active members of the organisations concerned, written in the site's
language, once per event and recipient (the constraint on Notification makes a repeated event a
no-op). A bid's team is its lead and the partners that accepted; a pending partner hears of its
invitation only (notify_consortium), never of the bid's fate.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Organisation
from core.events import Event, subscribe
from notifications.models import Notification
from notifications.services import notice, notify_consortium, notify_later

K = Notification.Kind


def _tell(
    organisations: Iterable[Organisation | None],
    *,
    kind: str,
    posting_kind: str,
    posting_id: int,
    about_kind: str,
    about_id: int,
    title: str,
    body: str,
) -> int:
    created = 0
    seen: set[int] = set()
    for org in organisations:
        if org is None or org.pk in seen:
            continue
        seen.add(org.pk)
        for user in org.members.filter(is_active=True):
            _note, new = notice(
                recipient=user,
                kind=kind,
                posting_kind=posting_kind,
                posting_id=posting_id,
                about_kind=about_kind,
                about_id=about_id,
                title=title[:200],
                body=body[:500],
                score=None,
            )
            created += new
    return created


def _team(bid) -> list[Organisation]:
    from marketplace.models import BidPartner

    accepted = bid.partner_links.filter(state=BidPartner.State.ACCEPTED).select_related("organisation")
    return [bid.organisation, *(link.organisation for link in accepted)]


def _about_bid(bid, *, kind: str, orgs: Iterable[Organisation], title: str, body: str) -> int:
    return _tell(
        orgs,
        kind=kind,
        posting_kind="challenge",
        posting_id=bid.challenge_id,
        about_kind="bid",
        about_id=bid.pk,
        title=title,
        body=body,
    )


def bid_submitted(event: Event) -> None:
    bid = event.subject
    challenge = bid.challenge
    with translation.override(settings.LANGUAGE_CODE):
        names = {
            "bidder": bid.organisation.name,
            "title": challenge.title,
            "price": f"{bid.price:,.2f}",
            "days": bid.duration_days,
        }
        body = _("%(bidder)s提交了揭榜申请：报价 %(price)s 元，工期 %(days)d 天。") % names
        if bid.partner_links.exists():
            body += _("联合体成员确认加入后才能入围或中榜。")
        _about_bid(
            bid,
            kind=K.BID_RECEIVED,
            orgs=[challenge.organisation],
            title=_("收到揭榜申请：%(title)s") % names,
            body=body,
        )


def bid_withdrawn(event: Event) -> None:
    bid = event.subject
    with translation.override(settings.LANGUAGE_CODE):
        names = {"bidder": bid.organisation.name, "title": bid.challenge.title}
        _about_bid(
            bid,
            kind=K.BID_WITHDRAWN,
            orgs=[bid.challenge.organisation],
            title=_("揭榜申请已撤回：%(title)s") % names,
            body=_("%(bidder)s撤回了揭榜申请。") % names,
        )


def bid_shortlisted(event: Event) -> None:
    bid = event.subject
    with translation.override(settings.LANGUAGE_CODE):
        names = {"owner": bid.challenge.organisation.name, "title": bid.challenge.title}
        _about_bid(
            bid,
            kind=K.BID_SHORTLISTED,
            orgs=_team(bid),
            title=_("揭榜申请入围：%(title)s") % names,
            body=_("%(owner)s已将贵方的揭榜申请列入入围名单，请留意后续评审与定榜。") % names,
        )


def challenge_awarded(event: Event) -> None:
    from marketplace.models import Bid

    challenge = event.subject
    reason = event.data.get("reason") or ""
    with translation.override(settings.LANGUAGE_CODE):
        names = {"owner": challenge.organisation.name, "title": challenge.title, "reason": reason}
        for bid in Bid.objects.filter(pk__in=event.data.get("winners", [])).select_related("organisation", "challenge"):
            _about_bid(
                bid,
                kind=K.BID_AWARDED,
                orgs=_team(bid),
                title=_("揭榜申请中榜：%(title)s") % names,
                body=_("%(owner)s已确定贵方的揭榜申请中榜。下一步：与发榜单位签订技术合同，并在平台登记。") % names,
            )
        for bid in Bid.objects.filter(pk__in=event.data.get("not_awarded", [])).select_related(
            "organisation", "challenge"
        ):
            # The bid's own coded reason: only its team is told it (and the owner, who chose it).
            body = _("%(owner)s已定榜，贵方的揭榜申请未中榜。") % names
            if bid.not_awarded_reason:
                body += _("未中榜原因：%(code)s") % {"code": bid.get_not_awarded_reason_display()}
                if bid.not_awarded_note:
                    body += _("（%(note)s）") % {"note": bid.not_awarded_note}
                body += "。"
            if reason:
                body += _("定榜说明：%(reason)s") % names
            _about_bid(
                bid, kind=K.BID_NOT_AWARDED, orgs=_team(bid), title=_("揭榜申请未中榜：%(title)s") % names, body=body
            )


def challenge_closed_early(event: Event) -> None:
    """The bidders not chosen learn that the bidding ended before the published deadline."""
    from marketplace.models import Bid

    challenge = event.subject
    with translation.override(settings.LANGUAGE_CODE):
        names = {"owner": challenge.organisation.name, "title": challenge.title}
        for bid in Bid.objects.filter(pk__in=event.data.get("not_awarded", [])).select_related(
            "organisation", "challenge"
        ):
            _about_bid(
                bid,
                kind=K.BIDDING_CLOSED_EARLY,
                orgs=_team(bid),
                title=_("榜单提前截止：%(title)s") % names,
                body=_("%(owner)s在原定截止时间之前定榜，揭榜已提前截止，不再接受新的申请。") % names,
            )


def _challenge_notice(challenge, *, orgs, kind: str, title: str, body: str) -> None:
    _tell(
        orgs,
        kind=kind,
        posting_kind="challenge",
        posting_id=challenge.pk,
        about_kind="challenge",
        about_id=challenge.pk,
        title=title,
        body=body,
    )


def challenge_deadline_soon(event: Event) -> None:
    """The owner, and the leads of bids that do not count yet (a consortium partner has still to
    accept): the platform has no draft bids, so these are the bids not finished before the deadline."""
    from marketplace.models import Bid, BidPartner

    challenge = event.subject
    unfinished = (
        Bid.objects.filter(challenge=challenge, status__in=[Bid.Status.SUBMITTED, Bid.Status.SHORTLISTED])
        .filter(partner_links__state=BidPartner.State.PENDING)
        .select_related("organisation")
        .distinct()
    )
    with translation.override(settings.LANGUAGE_CODE):
        names = {
            "title": challenge.title,
            "deadline": timezone.localtime(challenge.bid_deadline).strftime("%Y-%m-%d %H:%M"),
        }
        title = _("揭榜截止还有 3 天：%(title)s") % names
        _challenge_notice(
            challenge,
            orgs=[challenge.organisation],
            kind=K.DEADLINE_SOON,
            title=title,
            body=_("贵机构发布的榜单将于 %(deadline)s 截止揭榜。") % names,
        )
        _challenge_notice(
            challenge,
            orgs=[bid.organisation for bid in unfinished],
            kind=K.DEADLINE_SOON,
            title=title,
            body=_("榜单将于 %(deadline)s 截止揭榜；贵方申请的联合体成员尚未全部确认，确认前申请不能入围或中榜。")
            % names,
        )


def challenge_concluded(event: Event) -> None:
    from marketplace.models import Bid

    challenge = event.subject
    accepted = event.data.get("accepted")
    winners = Bid.objects.filter(pk__in=event.data.get("winners", [])).select_related("organisation")
    with translation.override(settings.LANGUAGE_CODE):
        names = {"title": challenge.title, "reason": event.data.get("reason") or ""}
        if accepted:
            title = _("验收通过：%(title)s") % names
            body = _("榜单“%(title)s”已通过验收。验收意见：%(reason)s") % names
        else:
            title = _("验收未通过：%(title)s") % names
            body = _("榜单“%(title)s”未通过验收。验收意见：%(reason)s") % names
        teams = [org for bid in winners for org in _team(bid)]
        _challenge_notice(
            challenge, orgs=[challenge.organisation, *teams], kind=K.CHALLENGE_CONCLUDED, title=title, body=body
        )


def challenge_cancelled(event: Event) -> None:
    from marketplace.models import Bid

    challenge = event.subject
    with translation.override(settings.LANGUAGE_CODE):
        names = {
            "owner": challenge.organisation.name,
            "title": challenge.title,
            "reason": event.data.get("reason") or "",
        }
        for bid in Bid.objects.filter(pk__in=event.data.get("not_awarded", [])).select_related(
            "organisation", "challenge"
        ):
            _about_bid(
                bid,
                kind=K.CHALLENGE_CANCELLED,
                orgs=_team(bid),
                title=_("榜单已撤销：%(title)s") % names,
                body=_("%(owner)s撤销了榜单，贵方的揭榜申请随之结束。原因：%(reason)s") % names,
            )


def _deal_parties(deal, *, kind: str, title: str, body: str) -> None:
    _tell(
        [deal.buyer_organisation, deal.seller_organisation],
        kind=kind,
        posting_kind="deal",
        posting_id=deal.pk,
        about_kind="deal",
        about_id=deal.pk,
        title=title,
        body=body,
    )


def _deal_names(deal) -> dict:
    return {
        "number": deal.contract_number,
        "amount": f"{deal.technical_amount:,.2f}",
        "registration": deal.registration_number or "",
    }


def deal_recorded(event: Event) -> None:
    # The contract's title may name a challenge the other party may not see: the notice names the
    # contract by its number only (deals.selectors decides what a reader sees of the title).
    deal = event.subject
    with translation.override(settings.LANGUAGE_CODE):
        names = _deal_names(deal)
        _deal_parties(
            deal,
            kind=K.DEAL_RECORDED,
            title=_("技术合同已录入：%(number)s") % names,
            body=_("合同 %(number)s 已录入平台台账（技术交易额 %(amount)s 元），等待科技局认定登记。") % names,
        )


def deal_registered(event: Event) -> None:
    deal = event.subject
    with translation.override(settings.LANGUAGE_CODE):
        names = _deal_names(deal)
        _deal_parties(
            deal,
            kind=K.DEAL_REGISTERED,
            title=_("技术合同已认定登记：%(number)s") % names,
            body=_(
                "合同 %(number)s 已认定登记（登记号 %(registration)s，技术交易额 %(amount)s 元），计入全市技术交易额。"
            )
            % names,
        )


def _about_membership(joining, *, recipients, kind: str, title: str, body: str) -> None:
    # Points at the organisation: its admins decide on its members page, the requester reads there
    # whom it joined.
    for user in recipients:
        notice(
            recipient=user,
            kind=kind,
            posting_kind="organisation",
            posting_id=joining.organisation_id,
            about_kind="membership_request",
            about_id=joining.pk,
            title=title[:200],
            body=body[:500],
            score=None,
        )


def membership_requested(event: Event) -> None:
    """Only the organisation's admins decide, so only they are told."""
    from accounts.models import User

    joining = event.subject
    org = joining.organisation
    with translation.override(settings.LANGUAGE_CODE):
        names = {"user": joining.user.username, "organisation": org.name, "message": joining.message}
        body = _("%(user)s申请加入%(organisation)s，请在“机构成员”中同意或拒绝。") % names
        if joining.message:
            body += _("申请说明：%(message)s") % names
        _about_membership(
            joining,
            recipients=org.members.filter(is_active=True, org_role=User.Role.ADMIN),
            kind=K.JOIN_REQUESTED,
            title=_("%(user)s申请加入本机构") % names,
            body=body,
        )


def membership_approved(event: Event) -> None:
    joining = event.subject
    with translation.override(settings.LANGUAGE_CODE):
        names = {"organisation": joining.organisation.name}
        _about_membership(
            joining,
            recipients=[joining.user],
            kind=K.JOIN_APPROVED,
            title=_("已加入%(organisation)s") % names,
            body=_("%(organisation)s的管理员同意了您的加入申请，您现在是该机构的成员。") % names,
        )


def membership_declined(event: Event) -> None:
    joining = event.subject
    with translation.override(settings.LANGUAGE_CODE):
        names = {"organisation": joining.organisation.name, "note": joining.decision_note}
        body = _("%(organisation)s的管理员没有同意您的加入申请。") % names
        if joining.decision_note:
            body += _("说明：%(note)s") % names
        _about_membership(
            joining, recipients=[joining.user], kind=K.JOIN_DECLINED, title=_("加入申请未获同意"), body=body
        )


def posting_published(event: Event) -> None:
    notify_later(posting=event.subject)


def partner_invited(event: Event) -> None:
    notify_consortium(link=event.subject, kind=K.CONSORTIUM_INVITE)


def partner_accepted(event: Event) -> None:
    notify_consortium(link=event.subject, kind=K.CONSORTIUM_ACCEPTED)


def partner_declined(event: Event) -> None:
    notify_consortium(link=event.subject, kind=K.CONSORTIUM_DECLINED)


def connect() -> None:
    subscribe("posting.published", posting_published)
    subscribe("bid.partner_invited", partner_invited)
    subscribe("bid.partner_accepted", partner_accepted)
    subscribe("bid.partner_declined", partner_declined)
    subscribe("bid.submitted", bid_submitted)
    subscribe("bid.withdrawn", bid_withdrawn)
    subscribe("bid.shortlisted", bid_shortlisted)
    subscribe("challenge.awarded", challenge_awarded)
    subscribe("challenge.cancelled", challenge_cancelled)
    subscribe("challenge.closed_early", challenge_closed_early)
    subscribe("challenge.deadline_soon", challenge_deadline_soon)
    subscribe("challenge.concluded", challenge_concluded)
    subscribe("deal.recorded", deal_recorded)
    subscribe("deal.registered", deal_registered)
    subscribe("membership.requested", membership_requested)
    subscribe("membership.approved", membership_approved)
    subscribe("membership.declined", membership_declined)
