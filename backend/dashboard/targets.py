"""The policy targets the platform itself knows, computed rather than typed, in one place.

COMPUTED maps a target's code (PolicyTarget.code, seeded by the dashboard's migrations) to how it is
computed: what it counts, in words for the board; the records behind it (the drill-down); and what
its value is (how many records, or their 榜额 in 万元). A target whose code is here is computed and
takes no progress by hand; every other target is entered by officials (TargetProgress).

Also here: the year's counted volume broken down by the parties' qualifications (高新技术企业 …),
which reads the same qualification records as the consortia target."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Qualification, User
from accounts.qualifications import consortium_list, holds
from dashboard.models import PolicyTarget
from deals.selectors import cents_sum, counted_deals, ledger_for, total_of, yuan
from marketplace.models import Challenge
from marketplace.selectors import challenge_list

S = Challenge.Status
WAN = Decimal("10000")
# A challenge is a project under way or done once it is awarded (定榜): what the policy's
# 实施…项目 and the 揭榜挂帅 volume count. Failed acceptances were carried out too, but did not
# succeed; the policy counts projects implemented, so they are left out (and say so).
UNDER_WAY = (S.AWARDED, S.IN_PROGRESS, S.ACCEPTED)


@dataclass(frozen=True)
class Part:
    key: str
    label: str
    value: Decimal
    count: int


@dataclass(frozen=True)
class Computed:
    description: str
    value: Decimal
    count: int
    parts: list[Part]
    as_of: date


@dataclass(frozen=True)
class Computation:
    description: Promise  # the query in words, shown on the board
    records: Callable[[], QuerySet]  # what the drill-down lists, and what the value is taken over
    record_kind: str  # "challenge" | "consortium": how a record is shown
    measure: str = "count"  # "count": how many records; "bounty": their 榜额 in 万元
    part_by: str = ""  # a choices field the value is broken down by
    part_choices: Any = None


def _challenges_under_way() -> QuerySet[Challenge]:
    return Challenge.objects.filter(status__in=UNDER_WAY)


COMPUTED: dict[str, Computation] = {
    "key_research_projects": Computation(
        description=gettext_lazy(
            "政府部门认定为重点科研攻关项目、且已定榜、攻关中或已验收的揭榜挂帅榜单数（累计；未通过验收的不计）"
        ),
        records=lambda: _challenges_under_way().filter(key_project=True),
        record_kind="challenge",
        part_by="status",
        part_choices=S,
    ),
    "landmark_achievements": Computation(
        description=gettext_lazy("通过验收、并在验收时标注为“填补国内空白”或“实现进口替代”的榜单数（累计）"),
        records=lambda: Challenge.objects.filter(status=S.ACCEPTED).exclude(landmark=""),
        record_kind="challenge",
        part_by="landmark",
        part_choices=Challenge.Landmark,
    ),
    "innovation_consortia": Computation(
        description=gettext_lazy("平台登记的创新联合体中，牵头单位在组建之日持有有效“龙头企业”资质的家数（累计）"),
        records=lambda: consortium_list().filter(led_by_leading_enterprise=True),
        record_kind="consortium",
    ),
    "challenges_by_list": Computation(
        description=gettext_lazy(
            "已定榜、攻关中或已验收的揭榜挂帅榜单的榜额合计（万元），按倒逼、引领、替代、转化四张清单分列"
        ),
        records=_challenges_under_way,
        record_kind="challenge",
        measure="bounty",
        part_by="list_type",
        part_choices=Challenge.ListType,
    ),
    "invest_then_equity": Computation(
        description=gettext_lazy("资金方式为“先投后股”、且已定榜、攻关中或已验收的榜单的榜额合计（万元）"),
        records=lambda: _challenges_under_way().filter(funding_mode=Challenge.FundingMode.INVEST_THEN_EQUITY),
        record_kind="challenge",
        measure="bounty",
        part_by="status",
        part_choices=S,
    ),
}


def is_computed(target: PolicyTarget) -> bool:
    return target.code in COMPUTED


def _measure(qs: QuerySet, measure: str) -> tuple[Decimal, int]:
    if measure == "bounty":
        agg = qs.order_by().aggregate(cents=cents_sum("bounty"), n=Count("pk"))
        return (yuan(agg["cents"]) / WAN).quantize(Decimal("0.01")), agg["n"]
    n = qs.order_by().count()
    return Decimal(n), n


def target_computed(target: PolicyTarget) -> Computed | None:
    """The target's value as the platform holds it now, with its parts; None for a target by hand."""
    computation = COMPUTED.get(target.code)
    if computation is None:
        return None
    records = computation.records()
    value, count = _measure(records, computation.measure)
    parts = []
    if computation.part_by:
        for choice in computation.part_choices:
            part_value, part_count = _measure(
                records.filter(**{computation.part_by: choice.value}), computation.measure
            )
            if part_count or computation.part_by == "list_type":  # the four lists always show, even empty
                parts.append(Part(key=choice.value, label=str(choice.label), value=part_value, count=part_count))
    return Computed(
        description=str(computation.description),
        value=value,
        count=count,
        parts=parts,
        as_of=timezone.localdate(),
    )


def target_records(*, target: PolicyTarget, part: str = "") -> QuerySet:
    """The records behind a computed target (or one of its parts), oldest first."""
    computation = COMPUTED[target.code]
    records = computation.records()
    if part and computation.part_by:
        records = records.filter(**{computation.part_by: part})
    if computation.record_kind == "consortium":
        return records.order_by("established_on", "pk")
    return records.select_related("organisation").order_by("published_at", "pk")


def target_record_rows(*, target: PolicyTarget, records: list, viewer: User) -> list[dict[str, Any]]:
    """One page of records as the drill-down shows them. A challenge the viewer may not see (an
    invitation-only one they were not invited to) counts, but is listed without its title or link."""
    if COMPUTED[target.code].record_kind == "consortium":
        return [
            {
                "id": c.pk,
                "kind": "consortium",
                "title": c.name,
                "organisation": c.lead.name,
                "status": "",
                "status_label": "",
                "amount": None,
                "date": c.established_on,
                "detail": "、".join(m.name for m in c.members.all()),
                "visible": True,
            }
            for c in records
        ]
    visible = set(challenge_list(viewer=viewer).filter(pk__in=[c.pk for c in records]).values_list("pk", flat=True))
    return [
        {
            "id": c.pk if c.pk in visible else None,
            "kind": "challenge",
            "title": c.title if c.pk in visible else _("保密榜单"),
            "organisation": c.organisation.name,
            "status": c.status,
            "status_label": c.get_status_display(),
            "amount": c.bounty,
            "date": c.published_at.date() if c.published_at else None,
            "detail": " · ".join(
                str(label)
                for label in (c.get_list_type_display(), c.get_landmark_display() if c.landmark else "")
                if label
            ),
            "visible": c.pk in visible,
        }
        for c in records
    ]


# --- the year's counted volume by the parties' qualifications -------------------------------------


def volume_by_qualification(*, viewer: User, year: int, as_of: date | None = None) -> dict[str, Any]:
    """The year's counted contracts (the counting rule; a district official's district only), by
    the qualifications the parties held on the contract's counted date: per qualification, the
    contracts where the seller held it, where the buyer did, and where either did (each contract
    once). A firm may hold several qualifications, so the rows overlap and do not add up to the
    total; `none` is the contracts where neither party held any."""
    rows = ledger_for(counted_deals(year=year, as_of=as_of), viewer=viewer)
    on = OuterRef("counted_on")
    annotations: dict[str, Any] = {}
    for kind in Qualification.Kind:
        annotations[f"s_{kind.value}"] = holds(kind=kind.value, uscc=OuterRef("seller_uscc"), on=on)
        annotations[f"b_{kind.value}"] = holds(kind=kind.value, uscc=OuterRef("buyer_uscc"), on=on)
    rows = rows.annotate(**annotations)
    any_held = Q()
    items = []
    for kind in Qualification.Kind:
        seller, buyer = Q(**{f"s_{kind.value}": True}), Q(**{f"b_{kind.value}": True})
        any_held |= seller | buyer
        items.append(
            {
                "kind": kind.value,
                "label": kind.label,
                "seller": total_of(rows.filter(seller)),
                "buyer": total_of(rows.filter(buyer)),
                "either": total_of(rows.filter(seller | buyer)),
            }
        )
    return {
        "year": year,
        "as_of": as_of,
        "total": total_of(rows),
        "items": items,
        "none": total_of(rows.exclude(any_held)),
    }
