"""Joining an existing organisation: a user asks, the organisation's admin approves or declines.

Until approved the requester is no member (User.organisation stays empty), so a request gives no
power; only an admin of that very organisation decides, which rules out deciding one's own request
(the requester is not yet a member of it, let alone its admin) and the operator's deciding for it
(verification is the operator's job, membership the organisation's)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import MembershipRequest, Organisation, User
from core.events import emit
from core.exceptions import Conflict, Forbidden

Status = MembershipRequest.Status


def is_admin_of(user: User, organisation: Organisation | int) -> bool:
    org_id = organisation if isinstance(organisation, int) else organisation.pk
    return user.is_authenticated and user.organisation_id == org_id and user.org_role == User.Role.ADMIN


@transaction.atomic
def membership_request(*, user: User, organisation: Organisation, message: str = "") -> MembershipRequest:
    """Ask to join `organisation`. One pending request per user and organisation; a declined user may
    ask again. The organisation's admins are told (notifications subscribe to the event)."""
    User.objects.select_for_update().filter(pk=user.pk).first()  # one request at a time per user
    if user.organisation_id is not None:
        raise Conflict(_("您已属于一个机构，不能再申请加入其他机构"))
    if organisation.verification == Organisation.Verification.REJECTED:
        raise Conflict(_("该机构未通过认证，不能申请加入"))
    if MembershipRequest.objects.filter(user=user, organisation=organisation, status=Status.PENDING).exists():
        raise Conflict(_("您已申请加入该机构，请等待其管理员处理"))
    request = MembershipRequest.objects.create(user=user, organisation=organisation, message=message)
    emit("membership.requested", subject=request, actor=user)
    return request


def _decidable(request: MembershipRequest, by: User) -> MembershipRequest:
    """The request, locked, once `by` is shown to be allowed to decide it now."""
    if by.pk == request.user_id:
        raise Forbidden(_("不能处理自己的加入申请"))
    if not is_admin_of(by, request.organisation_id):
        raise Forbidden(_("只有该机构的管理员可以处理加入申请"))
    request = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != Status.PENDING:
        raise Conflict(_("该申请已处理：%(status)s") % {"status": request.get_status_display()})
    return request


def _decide(request: MembershipRequest, *, by: User, status: str, note: str) -> None:
    request.status, request.decided_by, request.decided_at, request.decision_note = status, by, timezone.now(), note
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])


@transaction.atomic
def membership_approve(*, request: MembershipRequest, by: User, note: str = "") -> MembershipRequest:
    """The requester becomes a member (never an admin: the admin can promote later). Its other
    pending requests lapse, as a user belongs to one organisation."""
    request = _decidable(request, by)
    user = User.objects.select_for_update().get(pk=request.user_id)
    if user.organisation_id is not None:
        raise Conflict(_("申请人已加入其他机构"))
    user.organisation, user.org_role = request.organisation, User.Role.MEMBER
    user.save(update_fields=["organisation", "org_role"])
    _decide(request, by=by, status=Status.APPROVED, note=note)
    MembershipRequest.objects.filter(user=user, status=Status.PENDING).exclude(pk=request.pk).update(
        status=Status.WITHDRAWN, updated_at=timezone.now()
    )
    emit("membership.approved", subject=request, actor=by)
    return request


@transaction.atomic
def membership_decline(*, request: MembershipRequest, by: User, note: str = "") -> MembershipRequest:
    request = _decidable(request, by)
    _decide(request, by=by, status=Status.DECLINED, note=note)
    emit("membership.declined", subject=request, actor=by)
    return request
