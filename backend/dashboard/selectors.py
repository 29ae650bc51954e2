"""The officials' dashboard: every figure is computed from deals.selectors.counted_deals (the one
counting rule), and every contract figure names the drill-down (`figure`, `key`) that lists the
contracts behind it, so a figure and the sum of its drill-down rows are equal by construction."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import ExtractMonth
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.models import Region, User
from accounts.places import DISTRICTS, LOCAL, ZONES, district_of, partner, regions_within
from core.exceptions import ApplicationError, Conflict
from dashboard.models import DashboardExport, PolicyTarget, TargetProgress
from deals.files import COUNTED_COLUMNS, ledger_file
from deals.models import PLATFORM_ORIGINS, ContractType, CountingRule, Deal, DealOrigin, DealRollup, HuzhouParties
from deals.permissions import deal_visibility, home_regions, official_district
from deals.selectors import (
    LOCAL_PARTIES,
    PARTIES_OF_FLOW,
    Total,
    cents_sum,
    counted_deals,
    counted_rollup,
    counting_rule,
    counting_rule_texts,
    end_of_day,
    is_current,
    ledger_for,
    money,
    rule_parties,
    target_source_text,
    total_of,
    yuan,
)
from marketplace.models import Bid, Challenge, ChallengeTransition, IndustryChain

RATIO = Decimal("0.0001")
TOP = 10
UNCLASSIFIED = "unclassified"
PLATFORM, OFFLINE = "platform", "offline"
FIGURES = [
    "total",
    "month",
    "district",
    "industry",
    "contract_type",
    "origin",
    "platform",
    "buyer",
    "seller",
    "flow",
    "inflow_partner",
    "outflow_partner",
]
# Figures that show every flow whatever the year's rule counts: their drill-downs read the
# contracts with a local party under the rule's statuses, dates and amount, not the rule's flow.
FLOW_FIGURES = ("flow", "inflow_partner", "outflow_partner")
FLOWS = {
    "outflow": PARTIES_OF_FLOW[CountingRule.Flow.OUTFLOW],
    "inflow": PARTIES_OF_FLOW[CountingRule.Flow.INFLOW],
    "local": [HuzhouParties.BOTH],
}
FLOW_LABELS = {
    "outflow": _lazy("输出（卖方在湖州）"),
    "inflow": _lazy("吸纳（买方在湖州）"),
    "local": _lazy("本地（买卖双方均在湖州）"),
}
PARTNER_FLOWS = {"inflow_partner": "inflow", "outflow_partner": "outflow"}
# Seasonal projection needs last year to have reached a meaningful share by the same day; below
# this share (early January) one large contract would swing the projection wildly.
MIN_SEASONAL_SHARE = Decimal("0.05")


def ratio(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole).quantize(RATIO, rounding=ROUND_HALF_UP) if whole else Decimal("0.0000")


def _item(figure: str, key: str, label: str, total: Total | dict, whole: Decimal) -> dict[str, Any]:
    amount, deals = (total.amount, total.deals) if isinstance(total, Total) else (total["amount"], total["deals"])
    return {
        "figure": figure,
        "key": key,
        "label": label,
        "amount": amount,
        "deals": deals,
        "share": ratio(amount, whole),
    }


def _empty() -> dict[str, Any]:
    return {"amount": Decimal("0.00"), "deals": 0}


# --- drill-down: the contracts behind a figure ----------------------------------------------------


def figure_condition(figure: str, key: str) -> Q:
    """The rows of counted_deals behind one figure. Keys are validated by the input serializer."""
    if figure == "total":
        return Q()
    if figure == "month":
        return Q(counted_on__month=int(key))
    if figure == "district":
        return Q(district__in=regions_within(key))  # a district's figure includes its zones'
    if figure == "flow":
        return Q(huzhou_parties__in=FLOWS[key])
    if figure in PARTNER_FLOWS:
        return Q(huzhou_parties__in=FLOWS[PARTNER_FLOWS[figure]], partner=key)
    if figure == "industry":
        return Q(industry__isnull=True) if key == UNCLASSIFIED else Q(industry__code=key)
    if figure == "contract_type":
        return Q(contract_type=key)
    if figure == "origin":
        return Q(origin=key)
    if figure == "platform":
        return Q(origin__in=PLATFORM_ORIGINS) if key == PLATFORM else Q(origin=DealOrigin.OFFLINE)
    if figure == "buyer":
        return Q(buyer_uscc=key)
    if figure == "seller":
        return Q(seller_uscc=key)
    raise ValueError(f"unknown figure {figure!r}")


def figure_label(figure: str, key: str) -> str:
    if figure == "total":
        return str(_("全部计入合同"))
    if figure == "month":
        return _("%(month)d月") % {"month": int(key)}
    if figure == "district":
        return str(Region(key).label)
    if figure == "flow":
        return str(FLOW_LABELS[key])
    if figure in PARTNER_FLOWS:
        return f"{FLOW_LABELS[PARTNER_FLOWS[figure]]} · {partner(key).label}"
    if figure == "industry":
        return str(_("未分类")) if key == UNCLASSIFIED else IndustryChain.objects.get(code=key).name
    if figure == "contract_type":
        return str(ContractType(key).label)
    if figure == "origin":
        return str(DealOrigin(key).label)
    if figure == "platform":
        return str(_("平台撮合")) if key == PLATFORM else str(_("线下（平台外）"))
    return key  # buyer / seller: the USCC; the rows carry the names


def drilldown_rows(
    *,
    viewer: User,
    year: int,
    figure: str,
    key: str,
    as_of: date | None = None,
    recorded_as_of: date | None = None,
) -> QuerySet:
    """The counted contracts behind a figure that the viewer may see (a district official: their
    district's, with it as "local"), read through deals.selectors.ledger_for, so rows and exports
    show a confidential origin's contract under the neutral title."""
    counted = counted_deals(
        year=year,
        as_of=as_of,
        recorded_as_of=recorded_as_of,
        home=home_regions(viewer),
        parties=LOCAL_PARTIES if figure in FLOW_FIGURES else None,
    )
    rows = ledger_for(counted, viewer=viewer)
    return rows.filter(figure_condition(figure, key)).order_by("counted_on", "contract_number", "deal_ref")


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    name: str


def export_name(*, year: int, figure: str, key: str, as_of: date | None, recorded_as_of: date | None = None) -> str:
    name = f"{year}年技术合同-{figure_label(figure, key)}" + (f"-截至{as_of.isoformat()}" if as_of else "")
    return name + (f"-账本回溯{recorded_as_of.isoformat()}" if recorded_as_of else "")


def drilldown_export(
    *,
    viewer: User,
    year: int,
    figure: str,
    key: str,
    as_of: date | None,
    file_format: str,
    recorded_as_of: date | None = None,
) -> ExportFile:
    """Exactly the drill-down's rows as a file, built within the request. A figure with more
    contracts than DASHBOARD_EXPORT_MAX_ROWS is refused up front, naming its size, rather than
    left to run into the web server's timeout: POST /api/dashboard/exports/ builds it in a worker."""
    rows = drilldown_rows(viewer=viewer, year=year, figure=figure, key=key, as_of=as_of, recorded_as_of=recorded_as_of)
    count, limit = rows.count(), settings.DASHBOARD_EXPORT_MAX_ROWS
    if count > limit:
        raise ApplicationError(
            _("这一项共有 %(rows)s 份合同，超过直接下载的上限 %(limit)s 份：请改用后台导出生成文件。")
            % {"rows": f"{count:,}", "limit": f"{limit:,}"},
            code="export_too_large",
            extra={"rows": count, "max_rows": limit},
        )
    content = ledger_file(
        rows.iterator(chunk_size=2000), columns=COUNTED_COLUMNS, file_format=file_format, title="技术合同"
    )
    return ExportFile(
        content=content,
        name=export_name(year=year, figure=figure, key=key, as_of=as_of, recorded_as_of=recorded_as_of),
    )


def dashboard_export_list(*, viewer) -> QuerySet[DashboardExport]:
    """The viewer's own background exports, newest first."""
    return DashboardExport.objects.filter(created_by=viewer).order_by("-created_at", "-id")


def dashboard_export_parts(*, job: DashboardExport) -> Iterator[bytes]:
    """The finished file of a background export, a stored part at a time (never all of it in
    memory); 409 while it is being built or when it failed."""
    if job.status != DashboardExport.Status.SUCCEEDED:
        raise Conflict(
            _("文件尚未生成（%(status)s）") % {"status": job.get_status_display()}, extra={"status": job.status}
        )
    numbers = list(job.parts.order_by("number").values_list("number", flat=True))

    def parts() -> Iterator[bytes]:
        for number in numbers:
            yield bytes(job.parts.values_list("content", flat=True).get(number=number))

    return parts()


# --- the summary ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """The sums a summary is made of, whichever source computed them."""

    months: dict[int, dict[str, Any]]
    district: dict[str, dict[str, Any]]  # by attributed region (a zone apart from its district)
    industry: dict[tuple[str | None, str | None], dict[str, Any]]
    contract_type: dict[str, dict[str, Any]]
    origin: dict[str, dict[str, Any]]
    # Every contract with a local party under the rule's statuses, dates and amount, whatever flow
    # the rule counts: by (huzhou_parties, where the other party is).
    flows: dict[tuple[str, str], dict[str, Any]]
    last_months: dict[int, dict[str, Any]]
    last_same_day: Total
    top: dict[str, list[tuple[str, Decimal, int]]]  # side -> [(USCC, amount, deals)], largest first


CUBE = ("month", "district", "industry__code", "industry__name", "contract_type", "origin")


def _cube(qs: QuerySet, *dimensions: str) -> list[dict[str, Any]]:
    """One pass over the counted rows, grouped by every dimension at once: [{dims…, cents, deals}]."""
    rows = (
        qs.annotate(month=ExtractMonth("counted_on"))
        .order_by()
        .values(*dimensions)
        .annotate(cents=cents_sum("counted_amount"), deals=Count("pk"))
    )
    return list(rows)


def _sum_by(cube: list[dict[str, Any]], *keys: str) -> dict[Any, dict[str, Any]]:
    cents: dict[Any, int] = defaultdict(int)
    deals: dict[Any, int] = defaultdict(int)
    for row in cube:
        key = row[keys[0]] if len(keys) == 1 else tuple(row[k] for k in keys)
        cents[key] += row["cents"]
        deals[key] += row["deals"]
    # A group whose contracts were all voided or moved away is no group (the rollup keeps zero rows).
    return {key: {"amount": yuan(cents[key]), "deals": deals[key]} for key in cents if deals[key]}


def _total(groups: dict[Any, dict[str, Any]]) -> Total:
    return Total(
        amount=sum((g["amount"] for g in groups.values()), Decimal("0.00")),
        deals=sum(g["deals"] for g in groups.values()),
    )


@dataclass(frozen=True)
class Dates:
    """Which contracts and which ledger a summary reads: up to `as_of` by the rule's date from the
    current ledger (截至), or the ledger as recorded at the end of `recorded_as_of` (账本回溯)."""

    as_of: date | None = None
    recorded_as_of: date | None = None

    @property
    def reference(self) -> date:
        return self.recorded_as_of or self.as_of or timezone.localdate()

    @property
    def mode(self) -> str:
        return "recorded" if self.recorded_as_of else "as_of" if self.as_of else "current"

    def whole_year(self, year: int) -> bool:
        """Whether the year's figures are whole (today's ledger, nothing cut off within the year):
        then the rollup, whose breakdowns hold whole years, answers them. A 截至 date within the
        year is read from the contracts (0.7 s at 100,000 contracts on SQLite): breakdowns and top
        parties by day would be close to a rollup row per contract (docs/deals-and-dashboard.md)."""
        return is_current(self.recorded_as_of) and (self.as_of is None or self.as_of >= date(year, 12, 31))


def _from_ledger(*, year: int, dates: Dates, rule, same_day: date, viewer: User | None = None) -> Figures:
    """From the contracts themselves (or the ledger entries, for 账本回溯): drill-downs list exactly
    these rows. For a district official (deals.permissions) the rows are limited to their district
    and their district is what counts as local."""
    home, scope = home_regions(viewer), deal_visibility(viewer) if viewer is not None else None
    when = {"as_of": dates.as_of, "recorded_as_of": dates.recorded_as_of}
    counted = counted_deals(year=year, rule=rule, home=home, **when)
    flows = counted_deals(year=year, rule=rule, home=home, parties=LOCAL_PARTIES, **when)
    last = counted_deals(year=year - 1, home=home, **when)
    if scope is not None:
        counted, flows, last = counted.filter(scope), flows.filter(scope), last.filter(scope)
    cube = _cube(counted, *CUBE)
    top = {}
    for side in ("buyer", "seller"):
        rows = (
            counted.order_by()
            .values(f"{side}_uscc")
            .annotate(cents=cents_sum("counted_amount"), deals=Count("pk"))
            .order_by("-cents", f"{side}_uscc")[:TOP]
        )
        top[side] = [(row[f"{side}_uscc"], yuan(row["cents"]), row["deals"]) for row in rows]
    return Figures(
        months=_sum_by(cube, "month"),
        district=_sum_by(cube, "district"),
        industry=_sum_by(cube, "industry__code", "industry__name"),
        contract_type=_sum_by(cube, "contract_type"),
        origin=_sum_by(cube, "origin"),
        flows=_sum_by(_cube(flows, "huzhou_parties", "partner"), "huzhou_parties", "partner"),
        last_months=_sum_by(_cube(last, "month"), "month"),
        last_same_day=total_of(last.filter(counted_on__lte=same_day)),
        top=top,
    )


def _attributed_side(flow: str, parties: str) -> str:
    """Whose region a contract's district figure is (deals.selectors.district_expression)."""
    if flow == CountingRule.Flow.OUTFLOW:
        return "seller"
    if flow == CountingRule.Flow.INFLOW:
        return "buyer"
    return "buyer" if parties in (HuzhouParties.BOTH, HuzhouParties.BUYER) else "seller"


def _from_rollup(*, year: int, rule, same_day: date) -> Figures:
    """From the maintained sums of the current ledger (deals.rollups): a few thousand rows however
    many contracts there are. Equal to `_from_ledger` for the current ledger (tested)."""
    D = DealRollup.Dimension
    counted = set(rule_parties(rule))
    # One query for the rule's rows and the flows' (every local party, whatever the rule counts),
    # days summed by month in the database: returning ~40 rows instead of a row per day and class
    # kept the 1,000,000-contract summary within its budget on SQLite.
    rows = list(
        counted_rollup(year=year, rule=rule, parties=sorted(counted | set(LOCAL_PARTIES)))
        .exclude(dimension__in=[D.BUYER, D.SELLER])
        .order_by()
        .annotate(month=ExtractMonth("period"))
        .values("dimension", "key", "month", "huzhou_parties")
        .annotate(cents=Sum("counted_cents"), deals=Sum("deals"))
    )
    by_dimension: dict[str, list[dict[str, Any]]] = defaultdict(list)
    flows = []
    for row in rows:
        if row["dimension"] == D.PARTNER:
            flows += [row] if row["huzhou_parties"] in LOCAL_PARTIES else []
        elif row["huzhou_parties"] in counted:
            by_dimension[row["dimension"]].append(row)
    industries = {str(i.pk): (i.code, i.name) for i in IndustryChain.objects.all()}
    for row in by_dimension[D.INDUSTRY]:
        row["industry"] = industries.get(row["key"], (None, None))
    # Each contract is in both region dimensions; the rule's flow says which one is its district.
    districts = [
        row
        for dimension in (D.BUYER_REGION, D.SELLER_REGION)
        for row in by_dimension[dimension]
        if f"{_attributed_side(rule.flow, row['huzhou_parties'])}_region" == dimension
    ]
    last_year = counted_rollup(year=year - 1, rule=counting_rule(year=year - 1)).filter(dimension=D.DAY).order_by()
    last_days = list(
        last_year.annotate(month=ExtractMonth("period"))
        .values("month")
        .annotate(cents=Sum("counted_cents"), deals=Sum("deals"))
    )
    same = last_year.filter(period__lte=same_day).aggregate(cents=Sum("counted_cents"), deals=Sum("deals"))
    same_period = Total(amount=yuan(same["cents"]), deals=same["deals"] or 0)
    top = {}
    for side in ("buyer", "seller"):
        parties = (
            counted_rollup(year=year, rule=rule)
            .filter(dimension=side)
            .order_by()
            .values("key")
            .annotate(cents=Sum("counted_cents"), deals=Sum("deals"))
            .filter(deals__gt=0)
            .order_by("-cents", "key")[:TOP]
        )
        top[side] = [(row["key"], yuan(row["cents"]), row["deals"]) for row in parties]
    return Figures(
        months=_sum_by(by_dimension[D.DAY], "month"),
        district=_sum_by(districts, "key"),
        industry=_sum_by(by_dimension[D.INDUSTRY], "industry"),
        contract_type=_sum_by(by_dimension[D.CONTRACT_TYPE], "key"),
        origin=_sum_by(by_dimension[D.ORIGIN], "key"),
        flows=_sum_by(flows, "huzhou_parties", "key"),
        last_months=_sum_by(last_days, "month"),
        last_same_day=same_period,
        top=top,
    )


def _flow_items(flows: dict[tuple[str, str], dict[str, Any]], whole: Decimal) -> list[dict[str, Any]]:
    """输出, 吸纳 and 本地 side by side (输出 and 吸纳 both include 本地)."""
    items = []
    for key, parties in FLOWS.items():
        groups = {k: v for k, v in flows.items() if k[0] in parties}
        items.append(_item("flow", key, str(FLOW_LABELS[key]), _total(groups), whole))
    return items


def _partner_items(flows: dict[tuple[str, str], dict[str, Any]], figure: str) -> list[dict[str, Any]]:
    """A flow by where the other party is: 本地 first, then 长三角 (上海, 江苏 and 浙江 by city,
    安徽), other provinces and unknown; they sum to the flow's figure."""
    parties = FLOWS[PARTNER_FLOWS[figure]]
    groups: dict[str, dict[str, Any]] = defaultdict(_empty)
    for (hp, key), group in flows.items():
        if hp in parties:
            groups[key] = {
                "amount": groups[key]["amount"] + group["amount"],
                "deals": groups[key]["deals"] + group["deals"],
            }
    whole = _total(groups).amount
    order = list(PARTNER_ORDER)
    items = []
    for key, group in groups.items():
        place = partner(key)
        item = _item(figure, key, place.label, group, whole)
        items.append({**item, "group": place.group, "group_label": place.group_label})
    return sorted(
        items, key=lambda i: (order.index(i["group"]) if i["group"] in order else len(order), -i["amount"], i["key"])
    )


PARTNER_ORDER = (LOCAL, "huzhou_other", "上海市", "江苏省", "浙江省", "安徽省", "other", "unknown")


def _district_items(districts: dict[str, dict[str, Any]], whole: Decimal) -> list[dict[str, Any]]:
    """The five districts and counties, each with its zones' contracts, then the zones on their own
    (`parent` names the district a zone's figure is also in: zones are not added twice)."""
    items = []
    for region in DISTRICTS:
        within = {r: districts[r] for r in regions_within(region) if r in districts}
        items.append({**_item("district", region, str(Region(region).label), _total(within), whole), "parent": None})
    for zone in ZONES:
        item = _item("district", zone, str(Region(zone).label), districts.get(zone, _empty()), whole)
        items.append({**item, "parent": district_of(zone)})
    if Region.OUTSIDE in districts:  # only when the year's rule does not require a Huzhou party
        items.append(
            {
                **_item("district", Region.OUTSIDE, str(Region.OUTSIDE.label), districts[Region.OUTSIDE], whole),
                "parent": None,
            }
        )
    return items


def _top_items(
    side: str, top: list[tuple[str, Decimal, int]], whole: Decimal, scope: Q | None = None
) -> list[dict[str, Any]]:
    """The largest parties, named as on their latest contract (the viewer may see). One indexed
    lookup per party ((side_uscc, id) index): MAX(name) over each party's contracts read 60,000
    rows at 1,000,000 contracts and took most of the summary's time."""
    latest = Deal.objects.filter(scope or Q()).order_by("-id").values_list(f"{side}_name", flat=True)
    return [
        _item(
            side,
            uscc,
            latest.filter(**{f"{side}_uscc": uscc}).first() or uscc,
            {"amount": amount, "deals": deals},
            whole,
        )
        for uscc, amount, deals in top
    ]


@dataclass(frozen=True)
class Calendar:
    year: int
    reference: date

    @property
    def days(self) -> int:
        return 366 if calendar.isleap(self.year) else 365

    @property
    def elapsed(self) -> int:
        """Days of the year that have passed at the end of `reference` (0 before, all after)."""
        if self.reference < date(self.year, 1, 1):
            return 0
        if self.reference >= date(self.year, 12, 31):
            return self.days
        return (self.reference - date(self.year, 1, 1)).days + 1

    def same_day_last_year(self) -> date:
        day = min(self.reference, date(self.year, 12, 31))
        return (
            day.replace(year=self.year - 1, day=28)
            if (day.month, day.day) == (2, 29)
            else day.replace(year=self.year - 1)
        )


def _projection(cal: Calendar, counted: Total, last_full: Total, last_same_day: Total) -> dict[str, Any]:
    fmt = "{:,.2f}".format
    if cal.elapsed == 0:
        return {"amount": Decimal("0.00"), "method": "not_started", "explanation": _("该年度尚未开始，暂无预测。")}
    if cal.elapsed == cal.days:
        return {
            "amount": counted.amount,
            "method": "final",
            "explanation": _("年度已结束：全年计入额即为实际值，不再预测。"),
        }
    share = ratio(last_same_day.amount, last_full.amount)
    if last_full.amount > 0 and share >= MIN_SEASONAL_SHARE:
        amount = money(counted.amount / (last_same_day.amount / last_full.amount))
        return {
            "amount": amount,
            "method": "seasonal",
            "explanation": _(
                "按去年同期进度推算：去年截至%(day)s的计入额占全年的%(share)s%%，今年截至%(today)s已计入%(counted)s元，"
                "按相同比例推算全年约%(amount)s元。技术合同登记集中在年末，按去年的节奏推算比按日均更接近实际。"
            )
            % {
                "day": cal.same_day_last_year().isoformat(),
                "share": f"{share * 100:.1f}",
                "today": cal.reference.isoformat(),
                "counted": fmt(counted.amount),
                "amount": fmt(amount),
            },
        }
    amount = money(counted.amount * cal.days / cal.elapsed)
    return {
        "amount": amount,
        "method": "linear",
        "explanation": _(
            "按日均进度线性推算：今年前%(elapsed)d天已计入%(counted)s元，按全年%(days)d天折算约%(amount)s元"
            "（去年同期数据不足，未按季节规律调整）。"
        )
        % {"elapsed": cal.elapsed, "counted": fmt(counted.amount), "days": cal.days, "amount": fmt(amount)},
    }


def _funnel(year: int, as_of: date | None, from_challenges: dict[str, Any]) -> list[dict[str, Any]]:
    """Challenges published, bids submitted and challenges awarded in the year (up to `as_of`), and
    the year's counted contracts that came from an award."""
    start, end = end_of_day(date(year - 1, 12, 31)), end_of_day(date(year, 12, 31))
    if as_of is not None:
        end = min(end, end_of_day(as_of))
    challenges = Challenge.objects.filter(published_at__gte=start, published_at__lt=end)
    bids = Bid.objects.filter(created_at__gte=start, created_at__lt=end)
    awards = ChallengeTransition.objects.filter(to_status=Challenge.Status.AWARDED, at__gte=start, at__lt=end)
    return [
        {
            "key": "challenges",
            "label": _("发布榜单"),
            "count": challenges.count(),
            "amount": yuan(challenges.aggregate(c=cents_sum("bounty"))["c"]),
            "figure": None,
            "drill_key": None,
        },
        {
            "key": "bids",
            "label": _("揭榜申请"),
            "count": bids.count(),
            "amount": None,
            "figure": None,
            "drill_key": None,
        },
        {
            "key": "awards",
            "label": _("定榜"),
            "count": awards.values("challenge").distinct().count(),
            "amount": None,
            "figure": None,
            "drill_key": None,
        },
        {
            "key": "deals",
            "label": _("签约并计入的技术合同"),
            "count": from_challenges["deals"],
            "amount": from_challenges["amount"],
            "figure": "origin",
            "drill_key": DealOrigin.CHALLENGE,
        },
    ]


def dashboard_summary(
    *,
    year: int,
    as_of: date | None = None,
    recorded_as_of: date | None = None,
    from_ledger: bool = False,
    viewer: User | None = None,
) -> dict[str, Any]:
    """Everything the dashboard shows for `year`. 截至 `as_of`: the contracts whose date (the rule's
    date field) is on or before it, from the current ledger under the year's current rule — what
    an official means by "截至6月30日". 账本回溯 `recorded_as_of`: what the dashboard said at the end
    of that day (the ledger's entries written by then, the rule in force then), for audits; the
    same request always answers the same figures. Whole-year figures of the current ledger come
    from the maintained rollup unless `from_ledger` (used to check the rollup).

    For a district official (`viewer`; deals.permissions.deal_visibility) every contract figure is
    computed over the counted contracts with a party in their district (or a zone within it) —
    the rows their drill-downs list — from the ledger, with their district as "local" in the flows:
    the rollup sums the city. The target stays the city's (no district targets exist), and the
    funnel's challenges, bids and awards are the city's."""
    dates = Dates(as_of=as_of, recorded_as_of=recorded_as_of)
    cal = Calendar(year=year, reference=dates.reference)
    rule = counting_rule(year=year, as_of=recorded_as_of)
    district = official_district(viewer)
    if dates.whole_year(year) and not from_ledger and district is None:
        figures = _from_rollup(year=year, rule=rule, same_day=cal.same_day_last_year())
    else:
        figures = _from_ledger(year=year, dates=dates, rule=rule, same_day=cal.same_day_last_year(), viewer=viewer)
    this_months, last_months = figures.months, figures.last_months
    total, last_full = _total(this_months), _total(last_months)
    whole = total.amount
    last_same_day = figures.last_same_day
    expected = money(rule.target_amount * cal.elapsed / cal.days)

    monthly, running, running_last = [], Decimal("0.00"), Decimal("0.00")
    for month in range(1, 13):
        now, before = this_months.get(month, _empty()), last_months.get(month, _empty())
        running += now["amount"]
        running_last += before["amount"]
        monthly.append(
            {
                "month": month,
                "figure": "month",
                "key": str(month),
                "amount": now["amount"],
                "deals": now["deals"],
                "cumulative": running,
                "last_year_amount": before["amount"],
                "last_year_deals": before["deals"],
                "last_year_cumulative": running_last,
            }
        )

    industry_items = sorted(
        (
            _item("industry", code or UNCLASSIFIED, name or str(_("未分类")), group, whole)
            for (code, name), group in figures.industry.items()
        ),
        key=lambda item: (-item["amount"], item["key"]),
    )
    types = figures.contract_type
    type_items = [
        _item("contract_type", t, str(ContractType(t).label), types.get(t, _empty()), whole)
        for t in ContractType.values
    ]
    origins = figures.origin
    origin_items = [
        _item("origin", o, str(DealOrigin(o).label), origins.get(o, _empty()), whole) for o in DealOrigin.values
    ]
    platform = {
        "amount": sum((origins.get(o, _empty())["amount"] for o in PLATFORM_ORIGINS), Decimal("0.00")),
        "deals": sum(origins.get(o, _empty())["deals"] for o in PLATFORM_ORIGINS),
    }
    platform_items = [
        _item("platform", PLATFORM, str(_("平台撮合")), platform, whole),
        _item("platform", OFFLINE, str(_("线下（平台外）")), origins.get(DealOrigin.OFFLINE, _empty()), whole),
    ]
    texts = counting_rule_texts(rule)
    scope = deal_visibility(viewer) if viewer is not None else None
    return {
        "year": year,
        "as_of": as_of,
        "recorded_as_of": recorded_as_of,
        "date_mode": dates.mode,
        "district": district,
        "district_label": str(Region(district).label) if district else None,
        "reference_date": cal.reference,
        "rule": {
            "year": rule.year,
            "version": rule.version,
            "is_configured": rule.is_configured,
            "target_amount": rule.target_amount,
            "target_source": rule.target_source,
            "target_source_label": str(CountingRule.TargetSource(rule.target_source).label),
            "target_source_text": target_source_text(rule),
            "statuses": list(rule.statuses),
            "date_field": rule.date_field,
            "amount_field": rule.amount_field,
            "require_huzhou_party": rule.require_huzhou_party,
            "flow": rule.flow,
            "flow_label": str(CountingRule.Flow(rule.flow).label),
            "text": texts["en" if (translation.get_language() or "").startswith("en") else "zh"],
            "text_zh": texts["zh"],
            "text_en": texts["en"],
        },
        "target_amount": rule.target_amount,
        "target_source": rule.target_source,
        "counted_amount": total.amount,
        "counted_deals": total.deals,
        "progress": ratio(total.amount, rule.target_amount),
        "expected_amount": expected,
        "expected_progress": ratio(expected, rule.target_amount),
        "gap_to_expected": total.amount - expected,
        "last_year_amount": last_full.amount,
        "last_year_same_period_amount": last_same_day.amount,
        "projection": _projection(cal, total, last_full, last_same_day),
        "monthly": monthly,
        "by_flow": _flow_items(figures.flows, whole),
        "inflow_by_partner": _partner_items(figures.flows, "inflow_partner"),
        "outflow_by_partner": _partner_items(figures.flows, "outflow_partner"),
        "by_district": _district_items(figures.district, whole),
        "by_industry": industry_items,
        "by_contract_type": type_items,
        "by_origin": origin_items,
        "by_platform": platform_items,
        "top_buyers": _top_items("buyer", figures.top["buyer"], whole, scope),
        "top_sellers": _top_items("seller", figures.top["seller"], whole, scope),
        "funnel": _funnel(year, dates.as_of or dates.recorded_as_of, origins.get(DealOrigin.CHALLENGE, _empty())),
    }


def year_progress(*, year: int) -> dict[str, Any]:
    """The headline everybody may see (the home page): the year's counted amount against its target."""
    rule = counting_rule(year=year)
    totals = (
        counted_rollup(year=year, rule=rule)
        .filter(dimension=DealRollup.Dimension.DAY)
        .aggregate(cents=Sum("counted_cents"), deals=Sum("deals"))
    )
    counted = yuan(totals["cents"])
    return {
        "year": year,
        "target_amount": rule.target_amount,
        "counted_amount": counted,
        "counted_deals": totals["deals"] or 0,
        "progress": ratio(counted, rule.target_amount),
    }


# --- the targets board ---------------------------------------------------------------------------


def policy_target_list() -> QuerySet[PolicyTarget]:
    history = TargetProgress.objects.select_related("by").order_by("-as_of", "-id")
    return PolicyTarget.objects.prefetch_related(Prefetch("progress", queryset=history))


def target_progress_ratio(target: PolicyTarget, value: Decimal) -> Decimal | None:
    """How far along a target is (1 = met). For an "at most" target (a ranking: 全国前20位) a value
    at or below the target is met, and a higher one is target/value."""
    if target.direction == PolicyTarget.Direction.AT_MOST:
        return (
            Decimal("1.0000")
            if value and value <= target.target_value
            else ratio(target.target_value, value)
            if value
            else None
        )
    return ratio(value, target.target_value)
