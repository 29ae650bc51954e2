"""Keeps `DealRollup` equal to the sums of the current ledger.

Every service that changes a contract's state calls `rollup_change` with the states before and
after, in the same transaction: the rows the old state contributed to go down, the new state's go
up. `rollup_rebuild` recomputes everything from the contracts (the migration that created the
table runs it, and so can an operator after repairing data by hand); `rollup_drift` compares the
two without changing anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, Value
from django.db.models.functions import TruncYear

from accounts.places import HUZHOU_REGIONS, partner_key
from deals.models import DealRollup, DealStatus, HuzhouParties
from deals.selectors import cents_sum, counterpart_expression, huzhou_parties_expression

CONTRIBUTING = (DealStatus.RECORDED, DealStatus.REGISTERED)  # a voided contract counts under no rule
DATE_FIELDS = ("registered_on", "signed_on")
KEY_COLUMNS = ("date_field", "period", "status", "huzhou_parties", "dimension", "key")
Key = tuple[str, date, str, str, str, str]
D = DealRollup.Dimension
_HUZHOU = frozenset(HUZHOU_REGIONS)


def huzhou_parties(buyer_region: str, seller_region: str) -> str:
    """deals.selectors.huzhou_parties_expression for the city, in Python."""
    buyer, seller = buyer_region in _HUZHOU, seller_region in _HUZHOU
    if buyer and seller:
        return HuzhouParties.BOTH
    return HuzhouParties.SELLER if seller else HuzhouParties.BUYER if buyer else HuzhouParties.NONE


def counterpart(state: Mapping[str, Any], parties: str) -> str:
    """deals.selectors.counterpart_expression for the city, in Python."""
    side = "buyer" if parties == HuzhouParties.SELLER else "seller"
    return partner_key(
        region=state[f"{side}_region"],
        province=state[f"{side}_province"],
        city=state[f"{side}_city"],
        home=HUZHOU_REGIONS,
    )


def _cents(amount: Decimal) -> int:
    return int((Decimal(amount) * 100).to_integral_value(rounding=ROUND_HALF_UP))


def contributions(state: Mapping[str, Any]) -> Iterator[tuple[Key, int, int]]:
    """The rollup rows one contract state adds to: (key, technical cents, contract cents)."""
    status = state["status"]
    if status not in CONTRIBUTING:
        return
    technical, contract = _cents(state["technical_amount"]), _cents(state["contract_amount"])
    parties = huzhou_parties(state["buyer_region"], state["seller_region"])
    partner = counterpart(state, parties)
    industry = "" if state["industry_id"] is None else str(state["industry_id"])
    for field in DATE_FIELDS:
        day = state[field]
        if day is None:
            continue
        year = date(day.year, 1, 1)
        for period, dimension, key in (
            (day, D.DAY, ""),
            (year, D.BUYER_REGION, state["buyer_region"]),
            (year, D.SELLER_REGION, state["seller_region"]),
            (year, D.PARTNER, partner),
            (year, D.INDUSTRY, industry),
            (year, D.CONTRACT_TYPE, state["contract_type"]),
            (year, D.ORIGIN, state["origin"]),
            (year, D.BUYER, state["buyer_uscc"]),
            (year, D.SELLER, state["seller_uscc"]),
        ):
            yield (field, period, status, str(parties), str(dimension), key), technical, contract


def rollup_change(*, before: Iterable[Mapping[str, Any]] = (), after: Iterable[Mapping[str, Any]] = ()) -> None:
    """Move the rollup from the `before` states to the `after` states (attname -> value dicts).
    Call it inside the transaction that writes the contracts."""
    delta: dict[Key, list[int]] = defaultdict(lambda: [0, 0, 0])
    for states, sign in ((before, -1), (after, 1)):
        for state in states:
            for key, technical, contract in contributions(state):
                row = delta[key]
                row[0] += sign * technical
                row[1] += sign * contract
                row[2] += sign
    # Sorted, so two transactions lock the rows they share in the same order (no deadlock).
    changes = sorted((key, values) for key, values in delta.items() if any(values))
    for start in range(0, len(changes), 500):
        _upsert(changes[start : start + 500])


def _upsert(changes: list[tuple[Key, list[int]]]) -> None:
    table = connection.ops.quote_name(DealRollup._meta.db_table)
    columns = [*KEY_COLUMNS, "technical_cents", "contract_cents", "deals"]
    quoted = [connection.ops.quote_name(c) for c in columns]
    placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(changes))
    increments = ", ".join(f"{q} = {table}.{q} + EXCLUDED.{q}" for q in quoted[len(KEY_COLUMNS) :])
    params: list[Any] = []
    for (field, period, status, parties, dimension, key), values in changes:
        params += [field, connection.ops.adapt_datefield_value(period), status, parties, dimension, key, *values]
    sql = (
        f"INSERT INTO {table} ({', '.join(quoted)}) VALUES {placeholders} "
        f"ON CONFLICT ({', '.join(quoted[: len(KEY_COLUMNS)])}) DO UPDATE SET {increments}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def computed_rows(deal_model, rollup_model=DealRollup) -> list:
    """The rollup computed from the contracts by the database (unsaved rows, zero rows omitted).
    Takes the models so the migration can run it on its historical models."""
    keys = {
        D.BUYER_REGION: F("buyer_region"),
        D.SELLER_REGION: F("seller_region"),
        D.PARTNER: counterpart_expression(HUZHOU_REGIONS),
        D.INDUSTRY: F("industry_id"),
        D.CONTRACT_TYPE: F("contract_type"),
        D.ORIGIN: F("origin"),
        D.BUYER: F("buyer_uscc"),
        D.SELLER: F("seller_uscc"),
    }
    rows = []
    for field in DATE_FIELDS:
        base = (
            deal_model.objects.filter(status__in=CONTRIBUTING, **{f"{field}__isnull": False})
            .annotate(parties=huzhou_parties_expression(HUZHOU_REGIONS))
            .order_by()
        )
        groups = [(D.DAY, base.annotate(period=F(field), key=Value("")))]
        groups += [(dim, base.annotate(period=TruncYear(field), key=expr)) for dim, expr in keys.items()]
        for dimension, qs in groups:
            for row in qs.values("period", "status", "parties", "key").annotate(
                technical=cents_sum("technical_amount"), contract=cents_sum("contract_amount"), n=Count("pk")
            ):
                rows.append(
                    rollup_model(
                        date_field=field,
                        period=row["period"],
                        status=row["status"],
                        huzhou_parties=row["parties"],
                        dimension=str(dimension),
                        key="" if row["key"] is None else str(row["key"]),
                        technical_cents=row["technical"],
                        contract_cents=row["contract"],
                        deals=row["n"],
                    )
                )
    return rows


def _as_dict(rows: Iterable) -> dict[tuple, tuple[int, int, int]]:
    out = {}
    for r in rows:
        if r.deals or r.technical_cents or r.contract_cents:
            out[(r.date_field, r.period, r.status, r.huzhou_parties, r.dimension, r.key)] = (
                r.technical_cents,
                r.contract_cents,
                r.deals,
            )
    return out


@transaction.atomic
def rollup_rebuild(deal_model=None, rollup_model=DealRollup) -> int:
    """Recompute the whole rollup from the contracts. Returns the number of rows."""
    if deal_model is None:
        from deals.models import Deal as deal_model
    rows = computed_rows(deal_model, rollup_model)
    rollup_model.objects.all().delete()
    rollup_model.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def rollup_drift() -> dict[tuple, tuple]:
    """Rows where the maintained rollup differs from one computed now: {key: (stored, computed)}."""
    from deals.models import Deal

    stored, computed = _as_dict(DealRollup.objects.all()), _as_dict(computed_rows(Deal))
    return {
        k: (stored.get(k), computed.get(k)) for k in stored.keys() | computed.keys() if stored.get(k) != computed.get(k)
    }
