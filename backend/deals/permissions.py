"""Who may do what with the ledger and the dashboard: every rule in one place.

- Officials (科技局, `User.is_official`) and the platform operator keep the ledger: they see all
  contracts and the dashboard, record any contract, register (认定登记), amend, void, reverse and
  import. In Huzhou technical-contract registration is the science bureau's job, done through
  the technology market the operator runs, so both hold the same rights here.
- Only the operator changes the counting rule (the bureau states the policy; the operator
  configures the platform), and every change is a new, visible version.
- An official of a district bureau (区县科技局: `User.official_district` is a Region value) keeps
  the ledger of their district only: they see, drill into and export the contracts with at least
  one party in it or in a zone within it (`deal_visibility`; 莫干山高新区 lies within 德清县), and
  their dashboard is computed over those, with their district as "local" (`home_regions`). The
  city bureau's officials (`official_district` None) and the operator see the whole city.
- Enterprises and institutes see the contracts their organisation is a party to, and may record
  a contract that follows from their own posting: the owner of an awarded challenge, of a need,
  or of a capability. They cannot register or void: a registered figure is the bureau's.
- Until a contract is registered, the organisation that recorded it may correct (更正) it or
  withdraw (撤回) it: a half-filled contract recorded by mistake is theirs to put right. Any member
  of that organisation may, not only the user who typed it, as with the organisation's postings
  (a colleague on leave must not leave a wrong contract stuck), and only while the organisation
  is still a party to it. Once registered, only ledger keepers change it.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.permissions import BasePermission

from accounts.models import Organisation, User
from accounts.places import HUZHOU_REGIONS, regions_within
from core.exceptions import Forbidden
from deals.models import Deal, DealStatus


def _authenticated(user: User | None) -> bool:
    return user is not None and user.is_authenticated


def is_ledger_keeper(user: User | None) -> bool:
    return _authenticated(user) and (user.is_operator or user.is_official)


def can_see_dashboard(user: User | None) -> bool:
    return is_ledger_keeper(user)


def can_change_counting_rule(user: User | None) -> bool:
    return _authenticated(user) and user.is_operator


def can_record_from(user: User | None, posting_organisation: Organisation | None) -> bool:
    """Record a contract that follows from a posting of `posting_organisation` (None: offline)."""
    if is_ledger_keeper(user):
        return True
    return _authenticated(user) and posting_organisation is not None and user.organisation_id == posting_organisation.pk


def official_district(user: User | None) -> str | None:
    """The district (a Region value) a district bureau's official is limited to; None for the city
    bureau's officials, the operator and everybody else. Read with getattr: accounts' explicit
    grants (`User.official_district`) may not be deployed everywhere yet."""
    if not _authenticated(user) or user.is_operator or not user.is_official:
        return None
    return getattr(user, "official_district", None) or None


def home_regions(user: User | None) -> list[str]:
    """What counts as local in the user's figures: a district official's district and the zones
    within it; the whole city for everybody else."""
    district = official_district(user)
    return HUZHOU_REGIONS if district is None else regions_within(district)


def deal_visibility(user: User | None) -> Q | None:
    """THE rule of which contracts a user may see: a filter on Deal (or DealEntry) rows; None
    means every row. Ledger keepers see the whole city, except a district official, who sees the
    contracts with at least one party in their district or a zone within it (a contract in 莫干山
    高新区 is a 德清县 contract too). The party's region is the one recorded on the contract
    (`buyer_region`/`seller_region`)."""
    if is_ledger_keeper(user):
        district = official_district(user)
        if district is None:
            return None
        regions = regions_within(district)
        return Q(buyer_region__in=regions) | Q(seller_region__in=regions)
    org = user.organisation if _authenticated(user) else None
    if org is None:
        return Q(pk__in=[])
    return Q(buyer_organisation=org) | Q(seller_organisation=org) | Q(buyer_uscc=org.uscc) | Q(seller_uscc=org.uscc)


def is_recorder(user: User | None, deal: Deal) -> bool:
    """A member of the organisation whose user recorded `deal`, that organisation being one of its
    parties (the recorder's account may since have moved elsewhere)."""
    org_id = user.organisation_id if _authenticated(user) else None
    if org_id is None or getattr(deal.created_by, "organisation_id", None) != org_id:
        return False
    org = user.organisation
    return org_id in (deal.buyer_organisation_id, deal.seller_organisation_id) or org.uscc in (
        deal.buyer_uscc,
        deal.seller_uscc,
    )


def can_correct(user: User | None, deal: Deal) -> bool:
    """更正 or 撤回: ledger keepers always; the recording organisation while the contract is recorded."""
    return is_ledger_keeper(user) or (deal.status == DealStatus.RECORDED and is_recorder(user, deal))


def deal_actions(user: User | None, deal: Deal) -> list[str]:
    """What `user` may do with `deal` now, for the client to offer (each service checks again).
    A keeper may reverse the latest line even of a voided contract (undoing the void)."""
    if is_ledger_keeper(user):
        live = deal.status != DealStatus.VOIDED
        recorded = deal.status == DealStatus.RECORDED
        return [a for a, ok in (("register", recorded), ("amend", live), ("void", live), ("reverse", True)) if ok]
    return ["amend", "withdraw"] if can_correct(user, deal) else []


def require_correction(user: User | None, deal: Deal) -> None:
    if can_correct(user, deal):
        return
    if is_recorder(user, deal) and deal.status == DealStatus.REGISTERED:
        raise Forbidden(_("合同已认定登记，只有科技部门或平台运营方可以更正或作废"))
    if is_recorder(user, deal):
        return  # voided: the service says so (409)
    raise Forbidden(_("只有录入该合同的机构（认定登记前）或科技部门、平台运营方可以更正或撤回"))


def require_ledger_keeper(user: User | None) -> None:
    if not is_ledger_keeper(user):
        raise Forbidden(_("只有科技部门或平台运营方可以认定登记、更正、作废或导入技术合同"))


def require_dashboard(user: User | None) -> None:
    if not can_see_dashboard(user):
        raise Forbidden(_("数据看板仅对科技部门和平台运营方开放"))


def require_counting_rule_change(user: User | None) -> None:
    if not can_change_counting_rule(user):
        raise Forbidden(_("只有平台运营方可以调整计数口径"))


# --- the same rules as DRF permission classes, for views that only read --------------------------


class IsLedgerKeeper(BasePermission):
    message = gettext_lazy("只有科技部门或平台运营方可以查看")

    def has_permission(self, request, view) -> bool:
        return is_ledger_keeper(request.user)


class CanSeeDashboard(BasePermission):
    message = gettext_lazy("数据看板仅对科技部门和平台运营方开放")

    def has_permission(self, request, view) -> bool:
        return can_see_dashboard(request.user)
