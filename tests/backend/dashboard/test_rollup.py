"""The maintained rollup (deals.rollups) against the contracts themselves: after every kind of write
it equals a recomputation, and a summary read from it equals the one computed from the ledger, under
every variant of the counting rule."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from dashboard.selectors import dashboard_summary
from deals import services
from deals.models import Deal, DealEntry, DealRollup
from deals.rollups import rollup_drift, rollup_rebuild
from tests.backend.dashboard.conftest import SHANGHAI
from tests.backend.deals.files import csv_upload, row
from tests.factories.accounts import make_uscc
from tests.factories.deals import ledger_keeper

D = Decimal
SHANGHAI_INSTITUTE = services.Party(
    name="上海某先进制造研究院", uscc=make_uscc(33, prefix="12310000"), region="outside"
)


def agree(years=(2025, 2026)) -> None:
    assert rollup_drift() == {}
    for year in years:
        from_rollup, from_ledger = dashboard_summary(year=year), dashboard_summary(year=year, from_ledger=True)
        assert from_rollup == from_ledger


def deal(number: str) -> Deal:
    return Deal.objects.get(contract_number=number)


def test_the_fixture_year_agrees(year_of_deals):
    assert DealRollup.objects.exists()
    assert dashboard_summary(year=2026)["counted_amount"] == D("4450000.50")
    agree()


def test_every_kind_of_write_keeps_the_rollup_equal_to_the_contracts(year_of_deals, django_capture_on_commit_callbacks):
    keeper = ledger_keeper()
    # downwards, across the year boundary, to a party outside Huzhou, and a changed chain
    services.deal_amend(
        deal=deal("D2"), by=keeper, reason="金额更正", contract_amount=D("600000.00"), technical_amount=D("550000.25")
    )
    agree()
    services.deal_amend(
        deal=deal("D3"), by=keeper, reason="日期录错", signed_on=date(2025, 12, 1), registered_on=date(2025, 12, 30)
    )
    agree()
    services.deal_amend(deal=deal("D4"), by=keeper, reason="买方为上海企业", buyer=SHANGHAI)
    agree()
    assert (
        deal("D4").buyer_region == "outside" and deal("D4").seller_region == "outside"
    )  # no Huzhou party: no longer counted
    services.deal_void(deal=deal("D6"), by=keeper, reason="合同解除")
    agree()
    latest = DealEntry.objects.filter(deal=deal("D6")).order_by("-id").first()
    services.deal_reverse(deal=deal("D6"), by=keeper, entry_id=latest.pk, reason="误作废")
    agree()
    services.deal_register(deal=deal("D9"), by=keeper, registration_number="DJ-D9", registered_on=date(2026, 9, 20))
    agree()
    with django_capture_on_commit_callbacks(execute=True):
        job = services.deals_import_start(
            by=keeper, upload=csv_upload([row(1), row(2, **{"签订日期": "2025-12-01", "认定登记日期": "2025-12-31"})])
        )
    job.refresh_from_db()
    assert job.status == "succeeded" and job.created_count == 2
    agree()
    assert dashboard_summary(year=2026)["counted_amount"] == D(
        "5250000.25"
    )  # 4,450,000.50 − 450,000.25 − 400,000 − 150,000 + 800,000 + 1,000,000


@pytest.mark.parametrize(
    "rule",
    [
        {
            "statuses": ["registered"],
            "date_field": "registered_on",
            "amount_field": "technical_amount",
            "require_huzhou_party": True,
        },
        {
            "statuses": ["recorded", "registered"],
            "date_field": "signed_on",
            "amount_field": "technical_amount",
            "require_huzhou_party": True,
        },
        {
            "statuses": ["registered"],
            "date_field": "registered_on",
            "amount_field": "contract_amount",
            "require_huzhou_party": False,
        },
        {
            "statuses": ["registered"],
            "date_field": "signed_on",
            "amount_field": "contract_amount",
            "require_huzhou_party": False,
        },
    ],
    ids=["default", "signed-any-status", "contract-amount-anywhere", "signed-registered"],
)
def test_every_variant_of_the_counting_rule_reads_the_same_figures_from_both(year_of_deals, rule):
    # a contract with no party in Huzhou, which only the rules without that requirement count
    services.deal_amend(deal=deal("D3"), by=ledger_keeper(), reason="卖方为上海研究院", seller=SHANGHAI_INSTITUTE)
    for year in (2025, 2026):
        services.counting_rule_set(
            by=year_of_deals.users["operator"], year=year, target_amount=D("20000000000.00"), reason="口径测试", **rule
        )
    agree()


def test_a_drifted_rollup_is_found_and_rebuilt(year_of_deals):
    DealRollup.objects.filter(dimension="day").update(technical_cents=F("technical_cents") + 1)
    assert rollup_drift()
    with pytest.raises(CommandError):
        call_command("deal_rollups", "--check")
    call_command("deal_rollups", "--rebuild")
    agree()
    assert rollup_rebuild() == DealRollup.objects.count()


def test_everybody_sees_the_years_total_against_its_target_and_no_contract(year_of_deals):
    stats = year_of_deals.client("anonymous").get("/api/stats/").json()

    assert stats["transactions"] == {
        "year": 2026,
        "target_amount": "17500000000.00",
        "counted_amount": "4450000.50",
        "counted_deals": 5,
        "progress": "0.0003",
    }
