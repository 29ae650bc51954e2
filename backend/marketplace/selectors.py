"""Reads of the marketplace, with visibility rules in one place."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from accounts.models import Organisation, User
from marketplace.models import Bid, BidPartner, Capability, Challenge, ChallengeTransition, IndustryChain, Need, Posting
from search.types import PUBLIC


def _org(viewer: User | None) -> Organisation | None:
    return getattr(viewer, "organisation", None) if viewer is not None and viewer.is_authenticated else None


def _is_operator(viewer: User | None) -> bool:
    return viewer is not None and viewer.is_authenticated and viewer.is_operator


def _member_of_bid(org: Organisation) -> Q:
    """Bids `org` leads or has joined. A partner that has not accepted (or declined) is not a member:
    it must not read the bid, nor the challenge through it."""
    return Q(organisation=org) | Q(partner_links__organisation=org, partner_links__state=BidPartner.State.ACCEPTED)


def _bids_received() -> QuerySet[Bid]:
    """The bids a challenge has received: every one not withdrawn. Their number is public, as on
    揭榜挂帅 platforms (it tells how contested a challenge is); who bid is not (bid_list)."""
    return Bid.objects.exclude(status=Bid.Status.WITHDRAWN)


def challenge_bid_count(challenge: Challenge) -> int:
    """`bid_count` of a challenge read alone (challenge_list annotates it on every row)."""
    return _bids_received().filter(challenge=challenge).count()


def _bid_count_of(challenge_ref: str):
    """The number of bids the challenge at OuterRef(challenge_ref) has received, as an annotation."""
    received = (
        _bids_received()
        .filter(challenge=OuterRef(challenge_ref))
        .order_by()
        .values("challenge")
        .annotate(n=Count("pk"))
    )
    return Coalesce(Subquery(received.values("n"), output_field=IntegerField()), Value(0))


def challenge_list(*, viewer: User | None) -> QuerySet[Challenge]:
    """Challenges the viewer may know exist: every challenge that was ever published, except
    invitation-only ones (visible to the invited); plus the viewer's own drafts. Each carries
    `bid_count` (a subquery rather than a join: the visibility joins would multiply it)."""
    qs = Challenge.objects.select_related("organisation", "industry").annotate(bid_count=_bid_count_of("pk"))
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
    in_consortium = (
        org is not None
        and BidPartner.objects.filter(
            organisation=org,
            state__in=(BidPartner.State.PENDING, BidPartner.State.ACCEPTED),
            bid__challenge=challenge,
            bid__status__in=Bid.LIVE,
        ).exists()
    )
    C = Challenge.Confidentiality
    may_bid = (
        org is not None
        and not is_owner
        and org.is_verified
        and org.kind not in (Organisation.Kind.GOVERNMENT, Organisation.Kind.OPERATOR)
        and challenge.status == Challenge.Status.PUBLISHED
        and not has_live_bid
        and not in_consortium
        and (challenge.confidentiality != C.SUMMARY_ONLY or terms_accepted)
        and (challenge.confidentiality != C.INVITATION_ONLY or challenge.invited.filter(pk=org.pk).exists())
    )
    return {
        "is_owner": is_owner,
        "is_operator": _is_operator(viewer),
        "terms_accepted": terms_accepted,
        "has_live_bid": has_live_bid,
        "can_bid": may_bid,
        "can_accept_terms": (
            challenge.confidentiality == C.SUMMARY_ONLY
            and not terms_accepted
            and org is not None
            and org.kind == Organisation.Kind.INSTITUTE
            and org.is_verified
        ),
    }


def bid_list(*, challenge: Challenge, viewer: User | None) -> QuerySet[Bid]:
    """Bid contents are for the challenge owner, the bidder (and the partners that accepted), the operator."""
    qs = challenge.bids.select_related("organisation").prefetch_related("partner_links__organisation")
    if _is_operator(viewer):
        return qs
    org = _org(viewer)
    if org is None:
        return qs.none()
    if org.pk == challenge.organisation_id:
        return qs
    return qs.filter(_member_of_bid(org)).distinct()


def challenge_history(*, challenge: Challenge, viewer: User | None) -> list[ChallengeTransition]:
    """The status changes, each naming the actor's organisation and role (`by_role`). The account
    name (`shown_username`) only for the operator, and for the owner's members on the entries of
    their own colleagues; everybody else never learns who the accounts are."""
    transitions = list(challenge.transitions.select_related("by", "by_organisation"))
    org = _org(viewer)
    operator = _is_operator(viewer)
    colleague = org is not None and org.pk == challenge.organisation_id
    for t in transitions:
        own_entry = colleague and t.by_role == ChallengeTransition.ActorRole.OWNER
        t.shown_username = t.by.username if t.by is not None and (operator or own_entry) else None
    return transitions


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
    return IndustryChain.objects.filter(is_active=True).select_related("maps_to")


OTHER_CHAIN = "other"


def policy_chain_map() -> dict[str, str]:
    """Every chain's code → the code of the policy chain (八大新兴产业链) it counts under, or
    OTHER_CHAIN: what a figure grouped by the official list adds up by. Inactive chains included,
    since old contracts still carry them."""
    return {
        code: own if official else (mapped or OTHER_CHAIN)
        for code, own, official, mapped in IndustryChain.objects.values_list(
            "code", "code", "is_policy_chain", "maps_to__code"
        )
    }


# --- who may find a posting through search and matching (mirrors the list rules above) --------

OPERATOR_TOKEN = "role:operator"


def viewer_tokens(viewer: User | None) -> list[str]:
    """The audience tokens a viewer holds: everybody's, their organisation's, the operator's."""
    tokens = [PUBLIC]
    org = _org(viewer)
    if org is not None:
        tokens.append(f"org:{org.pk}")
    if _is_operator(viewer):
        tokens.append(OPERATOR_TOKEN)
    return tokens


def _private(posting: Posting) -> list[str]:
    return [f"org:{posting.organisation_id}", OPERATOR_TOKEN]


def challenge_audience(challenge: Challenge) -> list[str]:
    if challenge.published_at is None:
        return _private(challenge)
    if challenge.confidentiality == Challenge.Confidentiality.INVITATION_ONLY:
        return _private(challenge) + [f"org:{pk}" for pk in challenge.invited.values_list("pk", flat=True)]
    return [PUBLIC, *_private(challenge)]


def need_audience(need: Need) -> list[str]:
    return _private(need) if need.status == Need.Status.DRAFT else [PUBLIC, *_private(need)]


def capability_audience(capability: Capability) -> list[str]:
    return [PUBLIC, *_private(capability)] if capability.status == Capability.Status.PUBLISHED else _private(capability)


def bids_of(*, viewer: User) -> QuerySet[Bid]:
    """The bids the viewer's organisation leads or has joined (accepted), newest first. Invitations
    still to answer are `partner_invitations`."""
    org = _org(viewer)
    if org is None:
        return Bid.objects.none()
    return (
        Bid.objects.filter(_member_of_bid(org))
        .distinct()
        .select_related("organisation", "challenge__organisation", "challenge__industry")
        .prefetch_related("partner_links__organisation")
        .annotate(challenge_bid_count=_bid_count_of("challenge"))  # shown with each bid's challenge
        .order_by("-created_at")
    )


def partner_invitations(*, viewer: User) -> list[BidPartner]:
    """The consortium invitations the viewer's organisation has still to answer (on live bids), newest
    first. Each carries `challenge_visible`: whether the viewer may see the challenge anyway
    (challenge_list); only then does the invitation show its title, so an invitation never reveals
    more than the viewer could already read."""
    org = _org(viewer)
    if org is None:
        return []
    links = list(
        BidPartner.objects.filter(organisation=org, state=BidPartner.State.PENDING, bid__status__in=Bid.LIVE)
        .select_related("bid__organisation", "bid__challenge")
        .order_by("-bid__created_at", "-pk")
    )
    visible = set(
        challenge_list(viewer=viewer)
        .filter(pk__in={link.bid.challenge_id for link in links})
        .values_list("pk", flat=True)
    )
    for link in links:
        link.challenge_visible = link.bid.challenge_id in visible
    return links


def partner_link_get(*, bid_id: int, viewer: User) -> BidPartner | None:
    """The viewer's organisation's place in bid `bid_id` as a named partner (any state), or None."""
    org = _org(viewer)
    if org is None:
        return None
    link = (
        BidPartner.objects.select_related("bid__organisation", "bid__challenge")
        .filter(bid_id=bid_id, organisation=org)
        .first()
    )
    if link is not None:
        link.challenge_visible = challenge_list(viewer=viewer).filter(pk=link.bid.challenge_id).exists()
    return link


def marketplace_stats() -> dict:
    """The marketplace at a glance, over what everybody may see (the home page; the dashboard adds
    the year's transaction volume)."""
    open_challenges = Challenge.objects.filter(status=Challenge.Status.PUBLISHED).exclude(
        confidentiality=Challenge.Confidentiality.INVITATION_ONLY
    )
    return {
        "open_challenges": open_challenges.count(),
        "open_bounty": open_challenges.aggregate(total=Sum("bounty"))["total"] or Decimal("0"),
        "open_needs": Need.objects.filter(status=Need.Status.OPEN).count(),
        "capabilities": Capability.objects.filter(status=Capability.Status.PUBLISHED).count(),
        "institutes": Organisation.objects.filter(
            kind=Organisation.Kind.INSTITUTE, verification=Organisation.Verification.VERIFIED
        ).count(),
    }


# --- near-duplicates: found by the search index, which the marketplace must not import ----------

DuplicateFinder = Callable[..., list[tuple[Posting, float]]]
_duplicate_finders: list[DuplicateFinder] = []


def duplicate_finder_register(finder: DuplicateFinder) -> None:
    """Call from an AppConfig.ready() (indexing does), as events are subscribed (core.events)."""
    if finder not in _duplicate_finders:
        _duplicate_finders.append(finder)


def posting_duplicates(*, posting: Posting, viewer: User) -> list[tuple[Posting, float]]:
    """Postings visible to the author that say nearly the same as `posting`, with their similarity:
    a hint after a create, never a condition of it (none while no finder is registered)."""
    return [found for finder in _duplicate_finders for found in finder(posting=posting, viewer=viewer)]
