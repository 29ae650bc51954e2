from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError as NestedValidationError

from accounts.models import Organisation, User
from accounts.throttles import FailedSignIns
from core.exceptions import ApplicationError


@transaction.atomic
def user_register(*, username: str, password: str, email: str = "", organisation: dict[str, Any] | None = None) -> User:
    """A new user, optionally founding a new (unverified) organisation of which it becomes admin."""
    user = User(username=username, email=email)
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from None
    user.set_password(password)
    if organisation is not None:
        if organisation.get("kind") == Organisation.Kind.OPERATOR:
            raise ApplicationError(_("平台运营方机构不能自助注册"), code="permission_denied", status_code=403)
        org = Organisation(**organisation)
        try:
            org.full_clean()
        except ValidationError as exc:  # reported where the client sent the fields: under "organisation"
            raise NestedValidationError({"organisation": exc.message_dict}) from None
        org.save()
        user.organisation, user.org_role = org, User.Role.ADMIN
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def organisation_update(*, organisation: Organisation, by: User, **data: Any) -> Organisation:
    if not by.is_operator and not (by.organisation_id == organisation.pk and by.org_role == User.Role.ADMIN):
        raise ApplicationError(_("只有本机构管理员可以修改机构信息"), code="permission_denied", status_code=403)
    identity_changed = any(field in data and data[field] != getattr(organisation, field) for field in ("name", "uscc", "kind"))
    for field, value in data.items():
        setattr(organisation, field, value)
    if identity_changed and not by.is_operator:
        # A verified identity that changes must be verified again.
        organisation.verification = Organisation.Verification.UNVERIFIED
        organisation.verified_at = organisation.verified_by = None
    organisation.full_clean()
    organisation.save()
    _reindex_postings(organisation)  # the region of every posting comes from its organisation
    return organisation


def _reindex_postings(organisation: Organisation) -> None:
    from indexing.services import outbox_add

    for related in ("challenges", "needs", "capabilitys"):
        for posting in getattr(organisation, related).all():
            outbox_add(posting=posting)


@transaction.atomic
def organisation_verify(*, organisation: Organisation, by: User, approved: bool, note: str = "") -> Organisation:
    if not by.is_operator:
        raise ApplicationError(_("只有平台运营方可以认证机构"), code="permission_denied", status_code=403)
    V = Organisation.Verification
    organisation.verification = V.VERIFIED if approved else V.REJECTED
    organisation.verified_at = timezone.now()
    organisation.verified_by = by
    organisation.verification_note = note
    organisation.save(update_fields=["verification", "verified_at", "verified_by", "verification_note", "updated_at"])
    return organisation


@transaction.atomic
def member_add(*, organisation: Organisation, by: User, username: str, password: str, role: str = User.Role.MEMBER) -> User:
    if not by.is_operator and not (by.organisation_id == organisation.pk and by.org_role == User.Role.ADMIN):
        raise ApplicationError(_("只有本机构管理员可以添加成员"), code="permission_denied", status_code=403)
    user = user_register(username=username, password=password)
    user.organisation, user.org_role = organisation, role
    user.save(update_fields=["organisation", "org_role"])
    return user


def token_obtain(*, request, username: str, password: str):
    """The user's API token for a right username and password. While the account name has had too
    many failed attempts (FailedSignIns) even the right password gets 429, so guessing stops."""
    from django.contrib.auth import authenticate
    from rest_framework.authtoken.models import Token

    failures = FailedSignIns(username)
    failures.check()
    user = authenticate(request, username=username, password=password)
    if user is None:
        failures.record()
        raise ValidationError({"non_field_errors": [_("用户名或密码错误")]})
    return Token.objects.get_or_create(user=user)[0]


def token_revoke(*, user: User) -> None:
    from rest_framework.authtoken.models import Token

    Token.objects.filter(user=user).delete()
