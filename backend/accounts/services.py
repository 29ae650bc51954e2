from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError as NestedValidationError

from accounts.models import AuditEntry, Grant, Organisation, Region, User
from accounts.services_membership import membership_request
from accounts.throttles import FailedSignIns
from core.events import emit
from core.exceptions import Conflict, Forbidden

SELF_REGISTERED_KINDS = (Organisation.Kind.ENTERPRISE, Organisation.Kind.INSTITUTE)
# Fields whose change alters what an organisation's members may do: the operator's alone.
OPERATOR_ONLY_FIELDS = ("kind",)


def _require_operator(by: User, message: str) -> None:
    if not by.is_operator:
        raise Forbidden(message)


def _audit(
    *,
    by: User | None,
    action: str,
    organisation: Organisation | None = None,
    user: User | None = None,
    changes: dict[str, Any] | None = None,
    reason: str = "",
) -> None:
    AuditEntry.objects.create(
        actor=by, action=action, organisation=organisation, user=user, changes=changes or {}, reason=reason
    )


@transaction.atomic
def user_register(
    *,
    username: str,
    password: str,
    email: str = "",
    organisation: dict[str, Any] | None = None,
    join_organisation: Organisation | None = None,
    join_message: str = "",
) -> User:
    """A new user, optionally founding a new (unverified) enterprise or institute of which it becomes
    admin, or asking to join an existing organisation (a member once its admin approves).
    Government bodies and the operator are opened by the operator (`organisation_create`).

    Every problem is reported at once (a taken username, a weak password, an organisation already
    registered), so the form shows them together instead of one per attempt."""
    user = User(username=username, email=email)
    errors: dict[str, Any] = {}
    if User.objects.filter(username__iexact=username).exists():
        errors["username"] = [_("该用户名已被注册")]
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        errors["password"] = exc.messages
    user.set_password(password)
    org = None
    if organisation is not None:
        org = Organisation(**organisation)
        org_errors = _organisation_problems(org)
        if org_errors:
            errors["organisation"] = org_errors
    if errors:
        raise NestedValidationError(errors)
    if org is not None:
        org.save()
        user.organisation, user.org_role = org, User.Role.ADMIN
    user.full_clean()
    user.save()
    if join_organisation is not None:
        membership_request(user=user, organisation=join_organisation, message=join_message)
    return user


def _organisation_problems(org: Organisation) -> dict[str, list[str]]:
    """What stops a self-registered organisation, per field (reported under "organisation", where the
    client sent the fields)."""
    if org.kind not in SELF_REGISTERED_KINDS:
        return {"kind": [_("自助注册只能创建企业或科研机构；政府部门和平台运营方由平台运营方开设")]}
    try:
        org.full_clean()
    except ValidationError as exc:
        return exc.message_dict
    return {}


@transaction.atomic
def organisation_create(*, by: User, reason: str, **data: Any) -> Organisation:
    """The operator opens an organisation of any kind (a 科技局, another operator office): verified
    at once, since the operator is the one who verifies."""
    _require_operator(by, _("只有平台运营方可以开设机构"))
    org = Organisation(**data)
    org.full_clean()
    org.save()
    organisation_verify(organisation=org, by=by, approved=True, note=reason)
    _audit(
        by=by,
        action=AuditEntry.Action.ORGANISATION_CREATED,
        organisation=org,
        reason=reason,
        changes={"kind": org.kind, "name": org.name},
    )
    return org


@transaction.atomic
def organisation_update(*, organisation: Organisation, by: User, reason: str = "", **data: Any) -> Organisation:
    if not by.is_operator and not (by.organisation_id == organisation.pk and by.org_role == User.Role.ADMIN):
        raise Forbidden(_("只有本机构管理员可以修改机构信息"))
    refused = [f for f in OPERATOR_ONLY_FIELDS if f in data and data[f] != getattr(organisation, f)]
    if refused and not by.is_operator:
        raise Forbidden(_("机构类型决定成员的权限，只有平台运营方可以修改"), extra={"field": refused[0]})
    if refused and not reason:
        raise ValidationError({"reason": [_("修改机构类型须说明原因")]})
    before = {f: getattr(organisation, f) for f in data}
    identity_changed = any(field in data and data[field] != getattr(organisation, field) for field in ("name", "uscc"))
    for field, value in data.items():
        setattr(organisation, field, value)
    if identity_changed and not by.is_operator:
        # A verified identity that changes must be verified again.
        organisation.verification = Organisation.Verification.UNVERIFIED
        organisation.verified_at = organisation.verified_by = None
    organisation.full_clean()
    organisation.save()
    if refused:
        _audit(
            by=by,
            action=AuditEntry.Action.ORGANISATION_CHANGED,
            organisation=organisation,
            reason=reason,
            changes={f: [before[f], data[f]] for f in refused},
        )
    emit("organisation.changed", subject=organisation, actor=by)  # its postings carry its region: reindexed
    return organisation


@transaction.atomic
def organisation_verify(*, organisation: Organisation, by: User, approved: bool, note: str = "") -> Organisation:
    _require_operator(by, _("只有平台运营方可以认证机构"))
    V = Organisation.Verification
    before = organisation.verification
    organisation.verification = V.VERIFIED if approved else V.REJECTED
    organisation.verified_at = timezone.now()
    organisation.verified_by = by
    organisation.verification_note = note
    organisation.save(update_fields=["verification", "verified_at", "verified_by", "verification_note", "updated_at"])
    action = AuditEntry.Action.ORGANISATION_VERIFIED if approved else AuditEntry.Action.ORGANISATION_REJECTED
    _audit(
        by=by,
        action=action,
        organisation=organisation,
        reason=note,
        changes={"verification": [before, organisation.verification]},
    )
    return organisation


GRANTABLE = {Grant.Power.OFFICIAL: Organisation.Kind.GOVERNMENT, Grant.Power.OPERATOR: Organisation.Kind.OPERATOR}


def grant_check(*, user: User, power: str, district: str = "") -> None:
    """Whether `power` may go to `user` at all (the operator's forms check it before asking)."""
    org = user.organisation
    if org is None or org.kind != GRANTABLE[power] or not org.is_verified:
        raise ValidationError(
            {"user": [_("只能授予已认证的%(kind)s机构的成员") % {"kind": Organisation.Kind(GRANTABLE[power]).label}]}
        )
    if district and power != Grant.Power.OFFICIAL:
        raise ValidationError({"district": [_("只有政府部门权限可以限定辖区")]})
    if district == Region.OUTSIDE:
        raise ValidationError({"district": [_("辖区须为湖州市的区县")]})


@transaction.atomic
def grant_add(*, user: User, power: str, by: User, reason: str, district: str = "") -> Grant:
    """Give `user` official or operator rights. Only for a member of a verified organisation of the
    matching kind; a district limits an official to that district (empty: the whole city)."""
    _require_operator(by, _("只有平台运营方可以授予权限"))
    grant_check(user=user, power=power, district=district)
    org = user.organisation
    if Grant.objects.select_for_update().filter(user=user, power=power, revoked_at__isnull=True).exists():
        raise Conflict(_("该用户已有此权限；如需修改辖区，请先撤销"))
    grant = Grant.objects.create(user=user, power=power, district=district, reason=reason, granted_by=by)
    _audit(
        by=by,
        action=AuditEntry.Action.GRANT_ADDED,
        organisation=org,
        user=user,
        reason=reason,
        changes={"power": power, "district": district},
    )
    user.forget_powers()
    return grant


@transaction.atomic
def grant_revoke(*, grant: Grant, by: User, reason: str) -> Grant:
    _require_operator(by, _("只有平台运营方可以撤销权限"))
    if grant.revoked_at is not None:
        raise Conflict(_("该权限已撤销"))
    grant.revoked_at, grant.revoked_by, grant.revoke_reason = timezone.now(), by, reason
    grant.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    _audit(
        by=by,
        action=AuditEntry.Action.GRANT_REVOKED,
        organisation=grant.user.organisation,
        user=grant.user,
        reason=reason,
        changes={"power": grant.power, "district": grant.district},
    )
    grant.user.forget_powers()
    return grant


@transaction.atomic
def member_add(
    *, organisation: Organisation, by: User, username: str, password: str, role: str = User.Role.MEMBER
) -> User:
    if not by.is_operator and not (by.organisation_id == organisation.pk and by.org_role == User.Role.ADMIN):
        raise Forbidden(_("只有本机构管理员可以添加成员"))
    user = user_register(username=username, password=password)
    user.organisation, user.org_role = organisation, role
    user.save(update_fields=["organisation", "org_role"])
    return user


# Sessions (devices) a user may hold at once; signing in beyond that ends the oldest.
TOKENS_PER_USER = 10


def token_issue(*, user: User) -> str:
    """A new API token for `user` (knox: stored only as a digest, expires after TOKEN_TTL idle and
    REST_KNOX["AUTO_REFRESH_MAX_TTL"] at most). Every sign-in gets a fresh one."""
    from knox.models import AuthToken

    AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
    stale = (
        AuthToken.objects.filter(user=user).order_by("-created").values_list("digest", flat=True)[TOKENS_PER_USER - 1 :]
    )
    AuthToken.objects.filter(digest__in=list(stale)).delete()
    return AuthToken.objects.create(user=user)[1]


def token_obtain(*, request, username: str, password: str) -> str:
    """A new API token for a right username and password. While the account name has had too many
    failed attempts (FailedSignIns) even the right password gets 429, so guessing stops."""
    from django.contrib.auth import authenticate

    failures = FailedSignIns(username)
    failures.check()
    user = authenticate(request, username=username, password=password)
    if user is None:
        failures.record()
        raise ValidationError({"non_field_errors": [_("用户名或密码错误")]})
    return token_issue(user=user)


def token_revoke(*, token) -> None:
    """Signs out the device that holds `token` (the request's knox AuthToken); other devices stay."""
    token.delete()
