"""Telling institutes about fitting challenges and needs, and enterprises about fitting capabilities,
and consortium partners about invitations (and leads about the answers): in-app at once, by e-mail
at most once a day, never about what the recipient may not see."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from core.exceptions import Forbidden
from indexing.backend import get_search_backend
from indexing.documents import full_text, public_text, search_id
from indexing.embeddings import query_vectors
from indexing.selectors import rank, strengths
from marketplace.kinds import KINDS, SUPPLY, kind_of
from marketplace.models import Posting
from marketplace.selectors import OPERATOR_TOKEN, challenge_list
from matching.calibrate import STRONG
from notifications.models import EmailPreference, Notification
from search.types import PUBLIC

logger = logging.getLogger(__name__)
DIGEST_INTERVAL = timedelta(days=1)
MAX_PER_POSTING = 20
DEAL_PAGE = "deals/{pk}"  # the web app's routes; a posting's page is its kind's (marketplace.kinds)
MY_BIDS_PAGE = "my-bids"  # consortium notices point at "我的揭榜", where invitations are answered
ORGANISATION_PAGE = "organisation/members"  # join requests: decided, and their outcome read, there


def notice(
    *, recipient: User, kind: str, posting_kind: str, posting_id: int, about_kind: str, about_id: int, **defaults
):
    """Create a notice once per event and recipient (returns it and whether it is new). In-app at
    once; by e-mail at once too when the recipient chose so for this kind (after commit, so that a
    rolled-back change sends nothing); else in the daily digest if they chose that."""
    note, new = Notification.objects.get_or_create(
        recipient=recipient,
        kind=kind,
        posting_kind=posting_kind,
        posting_id=posting_id,
        about_kind=about_kind,
        about_id=about_id,
        defaults=defaults,
    )
    if new and recipient.email and preference_of(recipient).channels(kind)["email"]:
        transaction.on_commit(lambda: _email_now(note.pk), robust=True)
    return note, new


def preference_of(user: User) -> EmailPreference:
    preference, _created = EmailPreference.objects.get_or_create(user=user)
    return preference


def _email_now(pk: int) -> None:
    note = Notification.objects.select_related("recipient").filter(pk=pk, emailed_at__isnull=True).first()
    if note is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            _("【湖州科技撮合平台】%(title)s") % {"title": note.title},
            f"{note.body}\n\n{settings.TECHMATCH_SITE_URL}/{_page(note)}",
            settings.DEFAULT_FROM_EMAIL,
            [note.recipient.email],
        )
    # Sent at once, so not again in the digest.
    Notification.objects.filter(pk=pk).update(emailed_at=timezone.now())


@transaction.atomic
def preferences_update(*, user: User, digest: bool | None = None, kinds: list[dict] | None = None) -> EmailPreference:
    """Change the digest switch and the channels of the kinds given; other kinds keep theirs."""
    preference = EmailPreference.objects.select_for_update().get(pk=preference_of(user).pk)
    if digest is not None:
        preference.digest = digest
    for item in kinds or []:
        preference.kinds[item["kind"]] = {"digest": item["digest"], "email": item["email"]}
    preference.save(update_fields=["digest", "kinds"])
    return preference


def notify_later(*, posting: Posting) -> None:
    """Call in the transaction that publishes `posting`; the matching runs after commit."""
    from notifications.tasks import notify_matches_task  # lazy: tasks.py imports this module

    kind, pk = kind_of(posting).name, posting.pk
    transaction.on_commit(lambda: notify_matches_task.delay(kind, pk), robust=True)


def _may_see(user: User, posting: Posting) -> bool:
    return kind_of(posting).visible(viewer=user).filter(pk=posting.pk).exists()


def notify_matches(*, kind: str, posting_id: int) -> int:
    """Create the notifications for a newly published posting; returns how many. Idempotent."""
    posting = KINDS[kind].model.objects.select_related("organisation").filter(pk=posting_id).first()
    if posting is None:
        return 0
    (vector,), errors = query_vectors([full_text(posting)])
    if errors:
        logger.error("no notifications for %s:%s: %s", kind, posting_id, errors[0])
        return 0
    # Capabilities are found among the public ones; a new capability is offered to the owners of
    # any open challenge or need (they may always see their own posting and a public capability).
    audience = [PUBLIC, OPERATOR_TOKEN] if KINDS[kind].side == SUPPLY else [PUBLIC]
    result = rank(
        backend=get_search_backend(),
        vector=vector,
        kinds=KINDS[kind].counterparts,
        audience=audience,
        exclude=[search_id(posting)],
        limit=MAX_PER_POSTING,
    )
    # Only strong matches (the calibrated cut-off users see as 强匹配, matching/calibrate.py) are
    # worth a notice; the probability rises with the cosine, so the first weaker hit ends the list.
    fits: dict[User, list[tuple[str, Posting, float]]] = {}  # recipient -> its postings that fit, best first
    for hit, (_probability, strength) in zip(result.hits, strengths(result.hits), strict=False):
        if strength != STRONG:
            break
        target_kind, target_id = hit.id.split(":")
        target = KINDS[target_kind].model.objects.select_related("organisation").filter(pk=target_id).first()
        if target is None or target.organisation_id == posting.organisation_id:
            continue
        for user in target.organisation.members.filter(is_active=True):
            if _may_see(user, posting):  # e.g. an invitation-only challenge: only the invited hear of it
                fits.setdefault(user, []).append((target_kind, target, hit.score))
    text = public_text(posting)
    created = 0
    for user, found in fits.items():
        # One notice per posting and recipient, however many of the recipient's postings fit it.
        if Notification.objects.filter(recipient=user, posting_kind=kind, posting_id=posting.pk).exists():
            continue
        best_kind, best, best_score = found[0]
        names = "、".join(f"“{target.title}”" for _k, target, _s in found[:3])
        mine = names if len(found) <= 3 else _("%(names)s等 %(n)d 项") % {"names": names, "n": len(found)}
        _note, new = notice(
            recipient=user,
            kind=KINDS[kind].notification_kind,
            posting_kind=kind,
            posting_id=posting.pk,
            about_kind=best_kind,
            about_id=best.pk,
            title=posting.title[:200],
            score=best_score,
            body=(_("与您的%(mine)s匹配：%(text)s") % {"mine": mine, "text": text.description[:300]})[:500],
        )
        created += new
    return created


def notify_consortium(*, link, kind: str) -> int:
    """In-app notices about a consortium partner (`link`, a marketplace BidPartner): the invitation
    to the partner's members (kind consortium_invite), its answer to the lead's members (kind
    consortium_accepted / consortium_declined). Called in the transaction that makes the change.

    An invitation names the lead and the partner's role, and the challenge's title only if the
    member may already see the challenge (challenge_list): nothing of the bid before accepting.
    Written in the site's language, like the match notices the worker writes. Idempotent."""
    K = Notification.Kind
    bid, partner = link.bid, link.organisation
    challenge, lead = bid.challenge, bid.organisation
    recipients = partner if kind == K.CONSORTIUM_INVITE else lead
    created = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user in recipients.members.filter(is_active=True):
            names = {"lead": lead.name, "partner": partner.name, "title": challenge.title, "role": link.role}
            if kind == K.CONSORTIUM_INVITE:
                title = _("%(lead)s邀请贵机构加入揭榜联合体") % names
                parts = []
                if challenge_list(viewer=user).filter(pk=challenge.pk).exists():
                    parts.append(_("榜单：%(title)s。") % names)
                if link.role:
                    parts.append(_("拟承担：%(role)s。") % names)
                parts.append(
                    _("请在“我的揭榜”中接受或拒绝；接受后才能查看申请内容，申请在全部成员确认前不能入围或中榜。")
                )
                body = "".join(parts)
            elif kind == K.CONSORTIUM_ACCEPTED:
                title = _("%(partner)s已接受加入联合体") % names
                body = _("榜单“%(title)s”：%(partner)s已确认加入贵机构牵头的联合体。") % names
            else:
                title = _("%(partner)s已拒绝加入联合体") % names
                body = (
                    _(
                        "榜单“%(title)s”：%(partner)s已拒绝加入，不再是联合体成员。申请仍然有效；如需更换成员，请撤回后重新提交。"
                    )
                    % names
                )
            _note, new = notice(
                recipient=user,
                kind=kind,
                posting_kind="bid",
                posting_id=bid.pk,
                about_kind="bid_partner",
                about_id=link.pk,
                title=title[:200],
                body=body[:500],
                score=None,
            )
            created += new
    return created


def notification_read(*, notification: Notification, by: User) -> Notification:
    if notification.recipient_id != by.pk:
        raise Forbidden(_("只能操作自己的通知"))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_read_all(*, by: User) -> int:
    return Notification.objects.filter(recipient=by, read_at__isnull=True).update(read_at=timezone.now())


def unsubscribe(*, token: str) -> EmailPreference | None:
    preference = EmailPreference.objects.filter(unsubscribe_token=token).first()
    if preference is not None and preference.digest:
        preference.digest = False
        preference.save(update_fields=["digest"])
    return preference


def _page(notification: Notification) -> str:
    if notification.posting_kind in KINDS:
        return KINDS[notification.posting_kind].page(notification.posting_id)
    if notification.posting_kind == "deal":
        return DEAL_PAGE.format(pk=notification.posting_id)
    if notification.posting_kind == "organisation":
        return ORGANISATION_PAGE
    return MY_BIDS_PAGE


def _digest_text(user: User, items: list[Notification], preference: EmailPreference) -> str:
    """The day's notices grouped by kind (new challenges, new needs, consortium answers, …)."""
    lines = [
        _("%(name)s，您好：") % {"name": user.get_full_name() or user.username},
        "",
        _("您有 %(n)d 条新通知：") % {"n": len(items)},
    ]
    groups: dict[str, list[Notification]] = {}
    for n in items:
        groups.setdefault(n.kind, []).append(n)
    for kind, notes in groups.items():
        lines += ["", f"{Notification.Kind(kind).label}（{len(notes)}）"]
        for n in notes:
            page = _page(n)
            lines += [f"· {n.title}", f"  {n.body}", f"  {settings.TECHMATCH_SITE_URL}/{page}"]
    lines += [
        "",
        _("不想再收到此类邮件？退订：%(url)s")
        % {"url": f"{settings.TECHMATCH_SITE_URL}/api/notifications/unsubscribe/?token={preference.unsubscribe_token}"},
    ]
    return "\n".join(lines)


def digests_send(*, now: datetime | None = None) -> int:
    """One e-mail per user and day at most, listing what was not e-mailed yet. Safe to rerun."""
    now = now or timezone.now()
    sent = 0
    pending_users = User.objects.filter(notifications__emailed_at__isnull=True).exclude(email="").distinct()
    for user in pending_users:
        preference = preference_of(user)
        if not preference.digest or (preference.last_digest_at and now - preference.last_digest_at < DIGEST_INTERVAL):
            continue
        with transaction.atomic():
            pending = Notification.objects.select_for_update().filter(recipient=user, emailed_at__isnull=True)
            # Kinds left out of the digest stay unsent: in-app only, unless the user opts in later.
            items = [n for n in pending if preference.channels(n.kind)["digest"]]
            if not items:
                continue
            send_mail(
                _("【湖州科技撮合平台】%(n)d 条新通知") % {"n": len(items)},
                _digest_text(user, items, preference),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
            Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=now)
            preference.last_digest_at = now
            preference.save(update_fields=["last_digest_at"])
            sent += 1
    return sent
