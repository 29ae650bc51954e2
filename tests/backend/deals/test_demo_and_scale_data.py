"""The demo contracts behind the dashboard (seed_demo) and synthetic volumes (generate_scale_data)."""

from django.core.management import call_command
from django.utils import timezone

from dashboard.selectors import dashboard_summary
from deals.models import Deal, DealEntry, DealOrigin


def test_seed_demo_adds_a_few_dozen_contracts_across_the_dashboard_and_is_idempotent(db):
    call_command("seed_demo")
    first = (Deal.objects.count(), DealEntry.objects.count())
    call_command("seed_demo")

    assert (Deal.objects.count(), DealEntry.objects.count()) == first and first[0] >= 30
    this_year = timezone.localdate().year
    assert {d.year for d in Deal.objects.exclude(registered_on=None).dates("registered_on", "year")} == {
        this_year - 1,
        this_year,
    }
    from_award = Deal.objects.get(origin=DealOrigin.CHALLENGE)
    assert (
        from_award.origin_challenge.title == "矿山边坡毫米级形变监测"
        and from_award.seller_organisation.name == "德清地理信息产业研究院"
    )
    assert set(Deal.objects.values_list("origin", flat=True)) == set(DealOrigin.values)
    assert set(Deal.objects.values_list("status", flat=True)) == {"recorded", "registered", "voided"}
    summary = dashboard_summary(year=this_year)
    assert summary["counted_deals"] >= 15 and sum(1 for d in summary["by_district"] if d["amount"]) >= 6
    assert all(t["amount"] for t in summary["by_contract_type"]) and summary["last_year_amount"] > 0


def test_generate_scale_data_creates_contracts_with_their_ledger_entries(db):
    call_command(
        "generate_scale_data", organisations=6, challenges=0, needs=0, capabilities=0, deals=120, batch_size=50
    )

    assert Deal.objects.count() == DealEntry.objects.count() == 120
    assert (
        Deal.objects.filter(status="voided").count() == 3 and Deal.objects.filter(buyer_region="outside").count() == 12
    )
