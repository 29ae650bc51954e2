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
from django.db.models.functions import Cast, Coalesce, Round
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organisation, Region, User
from deals.filters import DealFilter
from deals.models import HUZHOU_REGIONS, CountingRule, Deal, DealEntry, DealImport, DealRollup, DealStatus
from deals.permissions import deal_visibility
from marketplace.models import IndustryChain
from marketplace.selectors import challenge_list

CENT = Decimal("0.01")
# The target the policy sets for 2027 (年技术交易额200亿元以上); used for a year nobody configured.
POLICY_TARGET = Decimal("20000000000.00")


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
    """The rule in force for `year` at the end of `as_of` (now when None). Before the year's first
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


def counting_rule_text(rule: CountingRule) -> str:
    """The rule in words, in the active language. Generated from the rule's own fields, so the
    text users read and the filter that counts can never disagree."""
    english = (translation.get_language() or "").startswith("en")
    statuses = (" or " if english else "或").join(f"“{DealStatus(s).label}”" for s in rule.statuses)
    date_label = str(CountingRule.DateField(rule.date_field).label)
    amount_label = str(CountingRule.AmountField(rule.amount_field).label)
    sentences = [
        _("统计%(year)d年度的技术合同：状态为%(statuses)s的合同计入，作废的合同不计入。")
        % {"year": rule.year, "statuses": statuses},
        _("按%(date)s计入：%(date)s在%(year)d年1月1日至12月31日之间的合同计入当年。")
        % {"date": date_label, "year": rule.year},
        _("计入金额为%(amount)s。") % {"amount": amount_label},
        _("买卖双方至少一方在湖州市（吴兴区、南浔区、德清县、长兴县、安吉县、南太湖新区或湖州莫干山高新区）。")
        if rule.require_huzhou_party
        else _("不要求买卖双方在湖州市。"),
        _("按区县统计时，买方在湖州的计入买方所在区县，否则计入卖方所在区县。"),
        _("年度目标：%(target)s元。") % {"target": _format_yuan(rule.target_amount)},
    ]
    return " ".join(sentences) if english else "".join(sentences)


def counting_rule_texts(rule: CountingRule) -> dict[str, str]:
    texts = {}
    for key, language in (("zh", "zh-hans"), ("en", "en")):
        with translation.override(language):
            texts[key] = counting_rule_text(rule)
    return texts


def ledger_rows(*, as_of: date | None = None) -> QuerySet:
    """Every contract's state: now (Deal rows), or as the ledger stood at the end of `as_of` (for
    each contract, its last DealEntry written before then). Both carry the same columns; `deal_ref`
    is the contract's id. Entry ids grow with time within a contract (each append locks the
    contract's row), so the last entry is the one that no later entry of its contract follows.
    Written as NOT EXISTS rather than MAX(id) … GROUP BY deal: the year's filters then apply before
    the anti-join, which took an as-of summary over 1,000,000 contracts on PostgreSQL from 38 s to
    the figure in tests/benchmarks/bench_deals_import.py."""
    if is_current(as_of):
        return Deal.objects.annotate(deal_ref=F("id"))
    cutoff = end_of_day(as_of)
    later = DealEntry.objects.filter(deal_id=OuterRef("deal_id"), id__gt=OuterRef("id"), at__lt=cutoff)
    return DealEntry.objects.filter(at__lt=cutoff).filter(~Exists(later)).annotate(deal_ref=F("deal_id"))


def district_expression() -> Case:
    """Which district a counted contract belongs to: the buyer's if the buyer is in Huzhou, else
    the seller's ("outside" only when neither is, which the default rule does not count)."""
    return Case(When(buyer_region__in=HUZHOU_REGIONS, then=F("buyer_region")), default=F("seller_region"))


def counted_deals(*, year: int, as_of: date | None = None, rule: CountingRule | None = None) -> QuerySet:
    """THE counting rule. The contracts that count toward `year`'s target as the ledger stood at the
    end of `as_of` (now when None), under the rule in force then, annotated with `counted_amount`
    (the rule's amount field), `counted_on` (the rule's date field), `district` and `deal_ref`."""
    rule = rule or counting_rule(year=year, as_of=as_of)
    last_day = date(year, 12, 31) if as_of is None else min(date(year, 12, 31), as_of)
    condition = Q(status__in=list(rule.statuses)) & Q(
        **{f"{rule.date_field}__gte": date(year, 1, 1), f"{rule.date_field}__lte": last_day}
    )
    if rule.require_huzhou_party:
        condition &= Q(buyer_region__in=HUZHOU_REGIONS) | Q(seller_region__in=HUZHOU_REGIONS)
    return (
        ledger_rows(as_of=as_of)
        .filter(condition)
        .annotate(counted_amount=F(rule.amount_field), counted_on=F(rule.date_field), district=district_expression())
        .select_related("industry")
    )


AMOUNT_CENTS = {
    CountingRule.AmountField.TECHNICAL_AMOUNT: "technical_cents",
    CountingRule.AmountField.CONTRACT_AMOUNT: "contract_cents",
}


def is_current(as_of: date | None) -> bool:
    """Whether "as of" `as_of` is the ledger as it stands (no entry can be dated in the future)."""
    return as_of is None or as_of >= timezone.localdate()


def counted_rollup(*, year: int, rule: CountingRule) -> QuerySet[DealRollup]:
    """The counting rule of `counted_deals`, for the current ledger, on the rollup's columns: the
    rows that sum to what counts toward `year`, annotated with `counted_cents` (the rule's amount)."""
    condition = Q(
        status__in=list(rule.statuses),
        date_field=rule.date_field,
        period__gte=date(year, 1, 1),
        period__lte=date(year, 12, 31),
    )
    if rule.require_huzhou_party:
        condition &= Q(huzhou_party=True)
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
