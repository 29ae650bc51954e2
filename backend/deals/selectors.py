"""Reads of the ledger. `counted_deals` is THE counting rule: every figure that says how much
counts toward a year's target (the dashboard's headline, its breakdowns, drill-downs and exports)
is computed from the queryset it returns, or — for the current ledger's summary — from
`counted_rollup`, the same rule applied to the maintained sums of deals.rollups (tests check
that the two agree figure by figure)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, Round
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organisation, Region, User
from accounts.places import (
    BY_CITY,
    HUZHOU_REGIONS,
    LOCAL,
    OTHER_HUZHOU,
    OTHER_PROVINCES,
    UNKNOWN,
    WHOLE,
)
from deals.filters import DealFilter
from deals.models import CountingRule, Deal, DealEntry, DealImport, DealRollup, DealStatus, HuzhouParties
from deals.permissions import deal_visibility
from marketplace.models import IndustryChain
from marketplace.selectors import challenge_list

CENT = Decimal("0.01")
# The target the policy sets for 2027 (年技术交易额200亿元以上); used for a year nobody configured.
POLICY_TARGET = Decimal("20000000000.00")
POLICY_YEAR = 2027


# --- money: exact sums in integer cents on every database --------------------------------------
# SQLite keeps decimals as REAL, so SUM(amount) there is a float sum; rounding each amount to
# integer cents before summing keeps every total exact in SQLite and PostgreSQL alike.


def cents_sum(field: str) -> Coalesce:
    hundredfold = ExpressionWrapper(
        F(field) * Value(Decimal("100")), output_field=DecimalField(max_digits=20, decimal_places=2)
    )
    return Coalesce(Sum(Cast(Round(hundredfold), BigIntegerField())), Value(0), output_field=BigIntegerField())


def yuan(cents: int | None) -> Decimal:
    return (Decimal(cents or 0) / 100).quantize(CENT)


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# --- time: "as of" a day means everything written before the end of that day, Huzhou time -------


def end_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


# --- the counting rule ------------------------------------------------------------------------


def counting_rule(*, year: int, as_of: date | None = None) -> CountingRule:
    """The rule in force for `year` at the end of `as_of` (now when None: the year's current rule). Before the year's first
    version existed, its first version applies. A year nobody configured gets the default rule
    (registered, by registration date, technical amount, a Huzhou party) with the target of the
    nearest configured year, or the policy's 200亿元; it is marked `is_configured = False`."""
    versions = CountingRule.objects.filter(year=year)
    rule = None
    if as_of is not None:
        rule = versions.filter(created_at__lt=end_of_day(as_of)).order_by("-version").first()
        rule = rule or versions.order_by("version").first()
    else:
        rule = versions.order_by("-version").first()
    if rule is not None:
        rule.is_configured = True
        return rule
    nearest = (
        CountingRule.objects.filter(year__lt=year).order_by("-year", "-version").first()
        or CountingRule.objects.filter(year__gt=year).order_by("year", "-version").first()
    )
    rule = CountingRule(
        year=year,
        version=0,
        target_amount=nearest.target_amount if nearest else POLICY_TARGET,
        statuses=[DealStatus.REGISTERED],
        date_field=CountingRule.DateField.REGISTERED_ON,
        amount_field=CountingRule.AmountField.TECHNICAL_AMOUNT,
        require_huzhou_party=True,
        flow=CountingRule.Flow.BOTH,
        # Only the policy's own year and amount is the policy's; a borrowed target is not.
        target_source=CountingRule.TargetSource.POLICY
        if nearest is None and year == POLICY_YEAR
        else CountingRule.TargetSource.OPERATOR,
    )
    rule.is_configured = False
    return rule


def with_texts(rule: CountingRule) -> CountingRule:
    """The rule with `text_zh` and `text_en` attached, for output."""
    texts = counting_rule_texts(rule)
    rule.text_zh, rule.text_en = texts["zh"], texts["en"]
    return rule


def counting_rule_history(*, year: int) -> list[CountingRule]:
    """Every version of `year`'s rule, newest first, each with its text in Chinese and English."""
    return [
        with_texts(r) for r in CountingRule.objects.filter(year=year).select_related("created_by").order_by("-version")
    ]


def counting_rules_current() -> list[CountingRule]:
    """The rule in force for each configured year, with its texts."""
    latest = CountingRule.objects.values("year").annotate(v=Max("version")).order_by()
    wanted = Q(pk__in=[])
    for row in latest:
        wanted |= Q(year=row["year"], version=row["v"])
    return [with_texts(r) for r in CountingRule.objects.filter(wanted).select_related("created_by").order_by("year")]


def _format_yuan(amount: Decimal) -> str:
    return f"{amount:,.2f}"


FLOW_SENTENCES = {
    CountingRule.Flow.BOTH: gettext_lazy(
        "计入输出和吸纳两个流向：卖方在湖州（输出）或买方在湖州（吸纳）的合同计入；买卖双方都在湖州的本地合同只计一次。"
    ),
    CountingRule.Flow.OUTFLOW: gettext_lazy("只计入输出：卖方在湖州的合同计入（含买卖双方都在湖州的本地合同）。"),
    CountingRule.Flow.INFLOW: gettext_lazy("只计入吸纳：买方在湖州的合同计入（含买卖双方都在湖州的本地合同）。"),
}
DISTRICT_SENTENCES = {
    CountingRule.Flow.BOTH: gettext_lazy("按区县统计时，买方在湖州的计入买方所在区县，否则计入卖方所在区县。"),
    CountingRule.Flow.OUTFLOW: gettext_lazy("按区县统计时计入卖方所在区县。"),
    CountingRule.Flow.INFLOW: gettext_lazy("按区县统计时计入买方所在区县。"),
}
ZONES_SENTENCE = gettext_lazy(
    "功能区的合同同时计入其所在区县（南太湖新区属吴兴区，湖州莫干山高新区属德清县），区县合计含其功能区。"
)


def counting_rule_text(rule: CountingRule) -> str:
    """The rule in words, in the active language. Generated from the rule's own fields, so the
    text users read and the filter that counts can never disagree."""
    english = (translation.get_language() or "").startswith("en")
    statuses = (" or " if english else "或").join(f"“{DealStatus(s).label}”" for s in rule.statuses)
    date_label = str(CountingRule.DateField(rule.date_field).label)
    amount_label = str(CountingRule.AmountField(rule.amount_field).label)
    flow = CountingRule.Flow(rule.flow)
    sentences = [
        _("统计%(year)d年度的技术合同：状态为%(statuses)s的合同计入，作废的合同不计入。")
        % {"year": rule.year, "statuses": statuses},
        _("按%(date)s计入：%(date)s在%(year)d年1月1日至12月31日之间的合同计入当年。")
        % {"date": date_label, "year": rule.year},
        _("计入金额为%(amount)s。") % {"amount": amount_label},
        _("买卖双方至少一方在湖州市（吴兴区、南浔区、德清县、长兴县、安吉县、南太湖新区或湖州莫干山高新区）。")
        if rule.require_huzhou_party
        else _("不要求买卖双方在湖州市。"),
        str(FLOW_SENTENCES[flow]) if rule.require_huzhou_party else "",
        str(DISTRICT_SENTENCES[flow]),
        str(ZONES_SENTENCE),
        _("年度目标：%(target)s元。") % {"target": _format_yuan(rule.target_amount)},
        _("目标来源：%(source)s。") % {"source": target_source_text(rule)},
    ]
    return " ".join(s for s in sentences if s) if english else "".join(sentences)


def target_source_text(rule: CountingRule) -> str:
    """Where the year's target comes from, in words: the policy sets 200亿元 for 2027 only."""
    if rule.target_source == CountingRule.TargetSource.POLICY:
        return _("政策文件设定：到2027年年技术交易额达到200亿元以上")
    return _("由平台运营方设定的年度过渡目标，政策文件未规定该年度目标")


def counting_rule_texts(rule: CountingRule) -> dict[str, str]:
    texts = {}
    for key, language in (("zh", "zh-hans"), ("en", "en")):
        with translation.override(language):
            texts[key] = counting_rule_text(rule)
    return texts


def ledger_rows(*, recorded_as_of: date | None = None) -> QuerySet:
    """Every contract's state: now (Deal rows), or as the ledger stood at the end of
    `recorded_as_of` (for each contract, its last DealEntry written before then). Both carry the
    same columns; `deal_ref` is the contract's id. Entry ids grow with time within a contract (each
    append locks the contract's row), so the last entry is the one that no later entry of its
    contract follows. Written as NOT EXISTS rather than MAX(id) … GROUP BY deal: the year's filters
    then apply before the anti-join, which took an as-recorded summary over 1,000,000 contracts on
    PostgreSQL from 38 s to the figure in tests/benchmarks/bench_deals_import.py."""
    if is_current(recorded_as_of):
        return Deal.objects.annotate(deal_ref=F("id"))
    cutoff = end_of_day(recorded_as_of)
    later = DealEntry.objects.filter(deal_id=OuterRef("deal_id"), id__gt=OuterRef("id"), at__lt=cutoff)
    return DealEntry.objects.filter(at__lt=cutoff).filter(~Exists(later)).annotate(deal_ref=F("deal_id"))


# --- flows and places: which parties are local, where the other one is ----------------------------
# `home` is the regions counted as local: the city's (HUZHOU_REGIONS), or for a district bureau its
# district and the zones within it (deals.permissions.home_regions). deals.rollups computes the same
# for the city in Python (tests check that rollup and ledger agree figure by figure).

PARTIES_OF_FLOW = {
    CountingRule.Flow.BOTH: [HuzhouParties.BOTH, HuzhouParties.SELLER, HuzhouParties.BUYER],
    CountingRule.Flow.OUTFLOW: [HuzhouParties.BOTH, HuzhouParties.SELLER],
    CountingRule.Flow.INFLOW: [HuzhouParties.BOTH, HuzhouParties.BUYER],
}
LOCAL_PARTIES = PARTIES_OF_FLOW[CountingRule.Flow.BOTH]


def rule_parties(rule: CountingRule) -> list[str]:
    """Which `huzhou_parties` classes the rule counts."""
    parties = list(PARTIES_OF_FLOW[CountingRule.Flow(rule.flow)])
    return parties if rule.require_huzhou_party else [*parties, HuzhouParties.NONE]


def huzhou_parties_expression(home: list[str]) -> Case:
    buyer, seller = Q(buyer_region__in=home), Q(seller_region__in=home)
    return Case(
        When(buyer & seller, then=Value(HuzhouParties.BOTH.value)),
        When(seller, then=Value(HuzhouParties.SELLER.value)),
        When(buyer, then=Value(HuzhouParties.BUYER.value)),
        default=Value(HuzhouParties.NONE.value),
    )


def district_expression(flow: str = CountingRule.Flow.BOTH, home: list[str] = HUZHOU_REGIONS) -> Case:
    """Which region a counted contract is attributed to: 输出 the seller's, 吸纳 the buyer's; both
    flows the buyer's if the buyer is local, else the seller's ("outside" only when neither party is
    in Huzhou, which a rule requiring a Huzhou party does not count)."""
    first, second = ("seller", "buyer") if flow == CountingRule.Flow.OUTFLOW else ("buyer", "seller")
    return Case(
        When(**{f"{first}_region__in": home}, then=F(f"{first}_region")),
        When(**{f"{second}_region__in": home}, then=F(f"{second}_region")),
        When(**{f"{first}_region__in": HUZHOU_REGIONS}, then=F(f"{first}_region")),
        default=F(f"{second}_region"),
    )


def partner_expression(side: str, home: list[str]) -> Case:
    """accounts.places.partner_key of one side's party, in SQL."""
    region, province, city = f"{side}_region", f"{side}_province", f"{side}_city"
    return Case(
        When(**{f"{region}__in": home}, then=Value(LOCAL)),
        When(**{f"{region}__in": HUZHOU_REGIONS}, then=Value(OTHER_HUZHOU)),
        When(**{province: ""}, then=Value(UNKNOWN)),
        When(**{f"{province}__in": WHOLE}, then=F(province)),
        When(Q(**{f"{province}__in": BY_CITY}) & ~Q(**{city: ""}), then=Concat(F(province), Value("/"), F(city))),
        When(**{f"{province}__in": BY_CITY}, then=F(province)),
        default=Value(OTHER_PROVINCES),
    )


def counterpart_expression(home: list[str]) -> Case:
    """Where the other party is: for a contract whose seller alone is local (输出) the buyer's
    partner region, otherwise the seller's ("huzhou" when both are local)."""
    return Case(
        When(Q(seller_region__in=home) & ~Q(buyer_region__in=home), then=partner_expression("buyer", home)),
        default=partner_expression("seller", home),
    )


def counted_deals(
    *,
    year: int,
    as_of: date | None = None,
    recorded_as_of: date | None = None,
    rule: CountingRule | None = None,
    home: list[str] | None = None,
    parties: list[str] | None = None,
) -> QuerySet:
    """THE counting rule. The contracts that count toward `year`'s target: those whose date (the
    rule's date field) is in the year and on or before `as_of` (截至), read from the current
    ledger under the year's current rule — or, for an audit, as the ledger stood at the end of
    `recorded_as_of` (账本回溯) under the rule in force then. `home` (default: the city) is what
    counts as local; `parties` overrides which `huzhou_parties` classes count (the flow figures show
    every flow whatever the rule counts). Annotated with `counted_amount` (the rule's amount field),
    `counted_on` (the rule's date field), `huzhou_parties`, `district` (attributed region),
    `partner` (where the other party is) and `deal_ref`."""
    rule = rule or counting_rule(year=year, as_of=recorded_as_of)
    home = home or HUZHOU_REGIONS
    last_day = min(d for d in (date(year, 12, 31), as_of, recorded_as_of) if d is not None)
    condition = Q(status__in=list(rule.statuses)) & Q(
        **{f"{rule.date_field}__gte": date(year, 1, 1), f"{rule.date_field}__lte": last_day}
    )
    return (
        ledger_rows(recorded_as_of=recorded_as_of)
        .filter(condition)
        .annotate(
            huzhou_parties=huzhou_parties_expression(home),
            counted_amount=F(rule.amount_field),
            counted_on=F(rule.date_field),
            district=district_expression(rule.flow, home),
            partner=counterpart_expression(home),
        )
        .filter(huzhou_parties__in=parties if parties is not None else rule_parties(rule))
        .select_related("industry")
    )


AMOUNT_CENTS = {
    CountingRule.AmountField.TECHNICAL_AMOUNT: "technical_cents",
    CountingRule.AmountField.CONTRACT_AMOUNT: "contract_cents",
}


def is_current(as_of: date | None) -> bool:
    """Whether "as of" `as_of` is the ledger as it stands (no entry can be dated in the future)."""
    return as_of is None or as_of >= timezone.localdate()


def counted_rollup(
    *, year: int, rule: CountingRule, as_of: date | None = None, parties: list[str] | None = None
) -> QuerySet[DealRollup]:
    """The counting rule of `counted_deals`, for the current ledger and the city, on the rollup's
    columns: the rows that sum to what counts toward `year` (up to `as_of`: `day` rows only),
    annotated with `counted_cents` (the rule's amount)."""
    last_day = date(year, 12, 31) if as_of is None else min(date(year, 12, 31), as_of)
    condition = Q(
        status__in=list(rule.statuses),
        date_field=rule.date_field,
        period__gte=date(year, 1, 1),
        period__lte=last_day,
        huzhou_parties__in=parties if parties is not None else rule_parties(rule),
    )
    return DealRollup.objects.filter(condition).annotate(counted_cents=F(AMOUNT_CENTS[rule.amount_field]))


@dataclass(frozen=True)
class Total:
    amount: Decimal
    deals: int


def total_of(qs: QuerySet, *, field: str = "counted_amount") -> Total:
    agg = qs.order_by().aggregate(cents=cents_sum(field), deals=Count("pk"))
    return Total(amount=yuan(agg["cents"]), deals=agg["deals"])


# --- what a viewer reads of the ledger: which contracts, and whether their origin is disclosed ---
# Every output of contracts (the ledger's list, detail and search, the dashboard's drill-downs,
# direct and background exports) reads its rows through `ledger_for` and shows them through
# `disclosed`: the rows are those `deal_visibility` allows (parties; a district official's
# district), and a contract recorded from a challenge the viewer may not see (an invitation-only
# challenge they were not invited to) is shown without the challenge's title or id. Its contract
# title is hidden too: recording from a challenge pre-fills it with the challenge's title. Its
# origin still says "challenge" and its amounts still count.

CONFIDENTIAL_ORIGIN_TITLE = gettext_lazy("保密榜单合同")
DISCLOSED = "origin_disclosed"


def origin_disclosed(*, viewer: User | None) -> Case:
    """Whether the viewer may see the row's origin challenge, as one SQL expression (one query
    for any number of rows). Who may see a challenge is marketplace's rule (`challenge_list`),
    not restated here."""
    visible = challenge_list(viewer=viewer).filter(pk=OuterRef("origin_challenge_id"))
    return Case(
        When(origin_challenge__isnull=True, then=Value(True)),
        When(Exists(visible), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def with_origin_disclosure(rows: QuerySet, *, viewer: User | None) -> QuerySet:
    """`rows` (Deal or DealEntry states) annotated with `origin_disclosed` for the viewer."""
    return rows.annotate(**{DISCLOSED: origin_disclosed(viewer=viewer)})


def ledger_for(rows: QuerySet, *, viewer: User | None) -> QuerySet:
    """THE read rule of the ledger: of `rows` (Deal or DealEntry states, e.g. `counted_deals`),
    those the viewer may see (`permissions.deal_visibility`), annotated for `disclosed`."""
    visible = deal_visibility(viewer)
    if visible is not None:
        rows = rows.filter(visible)
    return with_origin_disclosure(rows, viewer=viewer)


@dataclass(frozen=True)
class Disclosed:
    """What of a contract's origin its viewer may read."""

    confidential: bool  # recorded from a challenge the viewer may not see
    title: str
    origin_challenge: int | None
    origin_bid: int | None


# Ledger fields that name the origin challenge; masked in an entry's changes too.
CONFIDENTIAL_FIELDS = ("title", "origin_challenge_id", "origin_bid_id")


def disclosed(row: Any) -> Disclosed:
    """The presenter every output uses for a row read through `ledger_for` (or
    `with_origin_disclosure`). A row read without the annotation fails closed: a challenge origin
    is then treated as confidential."""
    confidential = row.origin_challenge_id is not None and not getattr(row, DISCLOSED, False)
    if confidential:
        return Disclosed(
            confidential=True, title=str(CONFIDENTIAL_ORIGIN_TITLE), origin_challenge=None, origin_bid=None
        )
    return Disclosed(
        confidential=False, title=row.title, origin_challenge=row.origin_challenge_id, origin_bid=row.origin_bid_id
    )


def disclosed_changes(changes: dict[str, list], *, confidential: bool) -> dict[str, list]:
    """A ledger entry's {field: [before, after]} as the viewer may read it: for a contract whose
    origin is confidential to them, a corrected title reads as the neutral title (both sides)."""
    if not confidential:
        return changes
    masked = {"title": str(CONFIDENTIAL_ORIGIN_TITLE)}
    return {
        field: [masked.get(field) for _ in values] if field in CONFIDENTIAL_FIELDS else values
        for field, values in changes.items()
    }


def prefill_as_read(prefill: Any, *, viewer: User | None) -> Any:
    """A pre-fill (deals.services.Prefill) as the viewer reads it: its title is the challenge's,
    so for a challenge the viewer may not see (an official who was not invited) it reads as the
    neutral title. The viewer named the challenge's id themselves."""
    challenge = prefill.values.get("origin_challenge")
    if challenge is None or challenge_list(viewer=viewer).filter(pk=challenge.pk).exists():
        return prefill
    return dataclasses.replace(prefill, values={**prefill.values, "title": str(CONFIDENTIAL_ORIGIN_TITLE)})


# --- the ledger as users browse it ------------------------------------------------------------


def deal_list(*, viewer: User, filters: Mapping[str, Any] | None = None) -> QuerySet[Deal]:
    """The contracts the viewer may see, for the list, the detail and every action on one
    (a contract outside their view is a 404). `?q=` matches a confidential origin's contract only
    by its number or parties, never by the title the viewer is not shown (DealFilter.filter_q)."""
    qs = ledger_for(
        Deal.objects.select_related("industry", "buyer_organisation", "seller_organisation", "created_by"),
        viewer=viewer,
    )
    return DealFilter(filters or {}, qs).qs


def deal_as_read(*, deal: Deal, viewer: User) -> Deal:
    """A contract the viewer has just written, as they read it (annotated for `disclosed`; not
    limited to their view: they just handled it)."""
    rows = Deal.objects.select_related("industry", "buyer_organisation", "seller_organisation", "created_by").filter(
        pk=deal.pk
    )
    return with_origin_disclosure(rows, viewer=viewer).get()


# Row ids the ledger stores in an entry's changes, and what names them for readers.
NAMED_IN_CHANGES = {
    "industry_id": IndustryChain,
    "buyer_organisation_id": Organisation,
    "seller_organisation_id": Organisation,
}


def deal_history(*, deal: Deal) -> list[DealEntry]:
    """The contract's ledger entries, oldest first, each with `changes_as_read`: its changes as
    the reader of `deal` may read them (`disclosed_changes`; a `deal` read without `ledger_for`
    or `deal_as_read` fails closed), with chains and organisations named instead of their ids."""
    confidential = disclosed(deal).confidential
    entries = list(deal.entries.select_related("by").order_by("id"))
    for entry in entries:
        entry.changes_as_read = disclosed_changes(dict(entry.changes), confidential=confidential)
    for field, model in NAMED_IN_CHANGES.items():
        ids = {v for e in entries for v in e.changes_as_read.get(field, ()) if v is not None}
        if not ids:
            continue
        names = {str(pk): name for pk, name in model.objects.filter(pk__in=ids).values_list("pk", "name")}
        for entry in entries:
            if field in entry.changes_as_read:
                entry.changes_as_read[field] = [
                    None if v is None else names.get(str(v), str(v)) for v in entry.changes_as_read[field]
                ]
    return entries


def deal_import_list(*, viewer: User) -> QuerySet[DealImport]:
    return DealImport.objects.select_related("created_by").defer("content")  # the file can be 50 MB


def region_label(value: str) -> str:
    return str(Region(value).label) if value in Region.values else value
