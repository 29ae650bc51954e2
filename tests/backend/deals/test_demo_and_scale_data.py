"""The demo contracts behind the dashboard (seed_demo) and synthetic volumes (generate_scale_data)."""

from datetime import timedelta
from decimal import Decimal

from django.core.management import call_command
from django.utils import timezone

from dashboard.selectors import dashboard_summary
from deals.models import Deal, DealEntry, DealOrigin
from deals.rollups import rollup_drift


def test_seed_demo_adds_two_years_of_contracts_across_the_dashboard_and_is_idempotent(db):
    call_command("seed_demo")
    first = (Deal.objects.count(), DealEntry.objects.count())
    call_command("seed_demo")

    assert (Deal.objects.count(), DealEntry.objects.count()) == first and first[0] >= 3000
    this_year = timezone.localdate().year
    assert {d.year for d in Deal.objects.exclude(registered_on=None).dates("registered_on", "year")} == {
        this_year - 1,
        this_year,
    }
    from_award = Deal.objects.get(origin=DealOrigin.CHALLENGE, origin_challenge__title="矿山边坡毫米级形变监测")
    assert (
        from_award.origin_challenge.title == "矿山边坡毫米级形变监测"
        and from_award.seller_organisation.name == "德清地理信息产业研究院"
    )
    assert set(Deal.objects.values_list("origin", flat=True)) == set(DealOrigin.values)
    assert set(Deal.objects.values_list("status", flat=True)) == {"recorded", "registered", "voided"}
    summary = dashboard_summary(year=this_year)
    assert summary["counted_deals"] >= 15 and sum(1 for d in summary["by_district"] if d["amount"]) >= 6
    assert all(t["amount"] for t in summary["by_contract_type"]) and summary["last_year_amount"] > 0


def test_the_demo_ledger_looks_like_a_real_year_and_its_rollup_equals_it(db):
    call_command("seed_demo")

    today = timezone.localdate()
    last_year = dashboard_summary(year=today.year - 1)
    # Counted volume in the tens of 亿, a little above the year's target.
    assert last_year["target_amount"] <= last_year["counted_amount"] <= last_year["target_amount"] * Decimal("1.1")
    months = [m["deals"] for m in last_year["monthly"]]
    assert months[11] == max(months) and months[11] > 2 * sum(months) / 12  # the year-end rush
    this_year = dashboard_summary(year=today.year)
    assert this_year["counted_amount"] >= this_year["expected_amount"] * Decimal("0.8")
    # Entries are dated when they happened: never ahead of now, a registration on its day.
    assert not DealEntry.objects.filter(at__gt=timezone.now()).exists()
    registrations = DealEntry.objects.filter(kind="register").values_list("at", "registered_on")
    assert all(timezone.localdate(at) == day for at, day in registrations)
    assert DealEntry.objects.filter(at__date__lt=today - timedelta(days=365)).exists()
    assert rollup_drift() == {}


def test_generate_scale_data_creates_contracts_with_their_ledger_entries(db):
    call_command(
        "generate_scale_data", organisations=6, challenges=0, needs=0, capabilities=0, deals=120, batch_size=50
    )

    assert Deal.objects.count() == DealEntry.objects.count() == 120
    assert (
        Deal.objects.filter(status="voided").count() == 3 and Deal.objects.filter(buyer_region="outside").count() == 12
    )
