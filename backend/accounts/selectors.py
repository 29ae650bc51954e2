from django.db.models import Q, QuerySet

from accounts.models import Grant, MembershipRequest, Organisation, User


def organisation_list(*, viewer: User | None) -> QuerySet[Organisation]:
    """Rejected organisations are the operator's and their own business: nobody else lists them."""
    qs = Organisation.objects.all()
    if viewer is not None and viewer.is_authenticated and viewer.is_operator:
        return qs
    own = viewer.organisation_id if viewer is not None and viewer.is_authenticated else None
    return qs.filter(~Q(verification=Organisation.Verification.REJECTED) | Q(pk=own))


def can_read_verification_note(*, viewer: User | None, organisation: Organisation) -> bool:
    """The operator's verification note speaks to the organisation, not to the public."""
    if viewer is None or not viewer.is_authenticated:
        return False
    return viewer.is_operator or viewer.organisation_id == organisation.pk


def grant_list() -> QuerySet[Grant]:
    return Grant.objects.select_related("user__organisation", "granted_by", "revoked_by")


def membership_request_list(*, viewer: User) -> QuerySet[MembershipRequest]:
    """A user's own requests to join, and the requests to the organisation it administers."""
    mine = Q(user=viewer)
    if viewer.organisation_id is not None and viewer.org_role == User.Role.ADMIN:
        mine |= Q(organisation_id=viewer.organisation_id)
    return MembershipRequest.objects.filter(mine).select_related("user", "organisation", "decided_by")
