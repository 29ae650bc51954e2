"""Reads of the marketplace, with visibility rules in one place."""
from __future__ import annotations

from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import Organisation, User
from marketplace.models import Bid, Capability, Challenge, IndustryChain, Need


def _org(viewer: User | None) -> Organisation | None:
    return getattr(viewer, "organisation", None) if viewer is not None and viewer.is_authenticated else None


def _is_operator(viewer: User | None) -> bool:
    return viewer is not None and viewer.is_authenticated and viewer.is_operator


def challenge_list(*, viewer: User | None) -> QuerySet[Challenge]:
    """Challenges the viewer may know exist: every challenge that was ever published, except
    invitation-only ones (visible to the invited); plus the viewer's own drafts."""
    qs = Challenge.objects.select_related("organisation", "industry")
    if _is_operator(viewer):
        return qs
    was_published = Q(published_at__isnull=False)
    visible = was_published & ~Q(confidentiality=Challenge.Confidentiality.INVITATION_ONLY)
    org = _org(viewer)
    if org is not None:
        visible |= Q(organisation=org) | (was_published & Q(invited=org))
    return qs.filter(visible).distinct()


def challenge_details_visible(*, challenge: Challenge, viewer: User | None) -> bool:
    """May the viewer read the description, indicators and keywords (not only title and summary)?"""
    C = Challenge.Confidentiality
    if challenge.confidentiality == C.PUBLIC or _is_operator(viewer):
        return True
    org = _org(viewer)
    if org is None:
        return False
    if org.pk == challenge.organisation_id:
        return True
    if challenge.confidentiality == C.INVITATION_ONLY:
        return challenge.invited.filter(pk=org.pk).exists()
    return (
        org.kind == Organisation.Kind.INSTITUTE
        and org.is_verified
        and challenge.acceptances.filter(organisation=org).exists()
    )


def challenge_viewer_state(*, challenge: Challenge, viewer: User | None) -> dict:
    """What the viewer may do with this challenge, so that clients do not re-implement the rules."""
    org = _org(viewer)
    is_owner = org is not None and org.pk == challenge.organisation_id
    terms_accepted = org is not None and challenge.acceptances.filter(organisation=org).exists()
    has_live_bid = org is not None and challenge.bids.filter(organisation=org, status__in=Bid.LIVE).exists()
    C = Challenge.Confidentiality
    may_bid = (
        org is not None and not is_owner and org.is_verified
        and org.kind not in (Organisation.Kind.GOVERNMENT, Organisation.Kind.OPERATOR)
        and challenge.status == Challenge.Status.PUBLISHED and not has_live_bid
        and (challenge.confidentiality != C.SUMMARY_ONLY or terms_accepted)
        and (challenge.confidentiality != C.INVITATION_ONLY or challenge.invited.filter(pk=org.pk).exists())
    )
    return {
        "is_owner": is_owner, "is_operator": _is_operator(viewer), "terms_accepted": terms_accepted,
        "has_live_bid": has_live_bid, "can_bid": may_bid,
        "can_accept_terms": (challenge.confidentiality == C.SUMMARY_ONLY and not terms_accepted and org is not None
                             and org.kind == Organisation.Kind.INSTITUTE and org.is_verified),
    }


def bid_list(*, challenge: Challenge, viewer: User | None) -> QuerySet[Bid]:
    """Bid contents are for the challenge owner, the bidder (and its consortium partners), the operator."""
    qs = challenge.bids.select_related("organisation").prefetch_related("partner_links__organisation")
    if _is_operator(viewer):
        return qs
    org = _org(viewer)
    if org is None:
        return qs.none()
    if org.pk == challenge.organisation_id:
        return qs
    return qs.filter(Q(organisation=org) | Q(partners=org)).distinct()


def need_list(*, viewer: User | None) -> QuerySet[Need]:
    qs = Need.objects.select_related("organisation", "industry")
    if _is_operator(viewer):
        return qs
    visible = ~Q(status=Need.Status.DRAFT)
    org = _org(viewer)
    if org is not None:
        visible |= Q(organisation=org)
    return qs.filter(visible)


def capability_list(*, viewer: User | None) -> QuerySet[Capability]:
    qs = Capability.objects.select_related("organisation", "industry")
    if _is_operator(viewer):
        return qs
    visible = Q(status=Capability.Status.PUBLISHED)
    org = _org(viewer)
    if org is not None:
        visible |= Q(organisation=org)
    return qs.filter(visible)


def industry_list() -> QuerySet[IndustryChain]:
    return IndustryChain.objects.filter(is_active=True)


# --- who may find a posting through search and matching (mirrors the list rules above) --------

OPERATOR_TOKEN = "role:operator"


def viewer_tokens(viewer: User | None) -> list[str]:
    """The audience tokens a viewer holds: everybody's, their organisation's, the operator's."""
    from search.types import PUBLIC

    tokens = [PUBLIC]
    org = _org(viewer)
    if org is not None:
        tokens.append(f"org:{org.pk}")
    if _is_operator(viewer):
        tokens.append(OPERATOR_TOKEN)
    return tokens


def posting_audience(posting: Challenge | Need | Capability) -> list[str]:
    from search.types import PUBLIC

    private = [f"org:{posting.organisation_id}", OPERATOR_TOKEN]
    if isinstance(posting, Challenge):
        if posting.published_at is None:
            return private
        if posting.confidentiality == Challenge.Confidentiality.INVITATION_ONLY:
            return private + [f"org:{pk}" for pk in posting.invited.values_list("pk", flat=True)]
        return [PUBLIC, *private]
    if isinstance(posting, Need):
        return private if posting.status == Need.Status.DRAFT else [PUBLIC, *private]
    return [PUBLIC, *private] if posting.status == Capability.Status.PUBLISHED else private


def bids_of(*, viewer: User) -> QuerySet[Bid]:
    """The bids the viewer's organisation leads or takes part in, newest first."""
    org = _org(viewer)
    if org is None:
        return Bid.objects.none()
    return (
        Bid.objects.filter(Q(organisation=org) | Q(partners=org)).distinct()
        .select_related("organisation", "challenge__organisation", "challenge__industry")
        .prefetch_related("partner_links__organisation").order_by("-created_at")
    )


def marketplace_stats() -> dict:
    """The marketplace at a glance, over what everybody may see, with the year's technology-transaction
    volume against its target (an aggregate: no contract is disclosed)."""
    from django.db.models import Sum

    from dashboard.selectors import year_progress  # the dashboard reads the marketplace's models: import late

    open_challenges = Challenge.objects.filter(status=Challenge.Status.PUBLISHED).exclude(
        confidentiality=Challenge.Confidentiality.INVITATION_ONLY
    )
    return {
        "open_challenges": open_challenges.count(),
        "open_bounty": open_challenges.aggregate(total=Sum("bounty"))["total"] or Decimal("0"),
        "open_needs": Need.objects.filter(status=Need.Status.OPEN).count(),
        "capabilities": Capability.objects.filter(status=Capability.Status.PUBLISHED).count(),
        "institutes": Organisation.objects.filter(kind=Organisation.Kind.INSTITUTE, verification=Organisation.Verification.VERIFIED).count(),
        "transactions": year_progress(year=timezone.localdate().year),
    }
