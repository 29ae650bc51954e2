"""The counting rule, with figures computed by hand."""

from datetime import date
from decimal import Decimal

import pytest

from deals import services
from deals.models import CountingRule
from deals.selectors import counted_deals, counting_rule, counting_rule_texts, total_of
from tests.backend.deals.helpers import frozen, moment
from tests.factories.accounts import make_uscc
from tests.factories.deals import DealFactory, ledger_keeper

D = Decimal


@pytest.fixture
def ledger(db):
    """Eight contracts around the 2025/2026 boundary (amounts in yuan)."""
    return {
        "a_2025_12_31": DealFactory(
            contract_amount=D("400000.00"),
            technical_amount=D("300000.00"),
            signed_on=date(2025, 12, 1),
            registered_on=date(2025, 12, 31),
        ),
        "b_2026_01_01": DealFactory(
            contract_amount=D("500000.00"), signed_on=date(2025, 12, 20), registered_on=date(2026, 1, 1)
        ),
        "c_voided": DealFactory(contract_amount=D("900000.00"), registered_on=date(2026, 3, 10), status="voided"),
        "d_outside": DealFactory(
            buyer_name="上海某智能制造有限公司",
            buyer_uscc=make_uscc(1, prefix="91310000"),
            buyer_region="outside",
            seller_name="杭州某生物医药研究中心",
            seller_uscc=make_uscc(2, prefix="12330100"),
            seller_region="outside",
            contract_amount=D("700000.00"),
            signed_on=date(2026, 1, 15),
            registered_on=date(2026, 2, 1),
        ),
        "e_not_registered": DealFactory(contract_amount=D("250000.00"), signed_on=date(2026, 2, 1)),
        "f_amended": DealFactory(contract_amount=D("800000.00"), registered_on=date(2026, 4, 15)),
        "g_signed_2025": DealFactory(
            contract_amount=D("200000.00"), signed_on=date(2025, 11, 20), registered_on=date(2026, 2, 20)
        ),
        "h_seller_in_huzhou": DealFactory(
            buyer_name="上海某智能制造有限公司",
            buyer_uscc=make_uscc(3, prefix="91310000"),
            buyer_region="outside",
            seller_region="deqing",
            contract_amount=D("123456.78"),
            registered_on=date(2026, 5, 5),
        ),
    }


def amend_f(ledger) -> None:
    services.deal_amend(
        deal=ledger["f_amended"], by=ledger_keeper(), technical_amount=D("650000.00"), reason="核减设备采购费用"
    )


def numbers(year: int, **kw) -> set[str]:
    return set(counted_deals(year=year, **kw).values_list("contract_number", flat=True))


def test_the_default_rule_counts_registered_contracts_by_registration_date_and_technical_amount(ledger):
    amend_f(ledger)

    total = total_of(counted_deals(year=2026))

    # b 500,000 + f 650,000 (amended from 800,000) + g 200,000 + h 123,456.78
    assert total.amount == D("1473456.78") and total.deals == 4
    assert numbers(2026) == {
        ledger[k].contract_number for k in ("b_2026_01_01", "f_amended", "g_signed_2025", "h_seller_in_huzhou")
    }


def test_a_contract_registered_on_new_years_eve_counts_for_the_old_year(ledger):
    assert numbers(2025) == {ledger["a_2025_12_31"].contract_number}
    assert total_of(counted_deals(year=2025)).amount == D("300000.00")
    assert ledger["a_2025_12_31"].contract_number not in numbers(2026)
    assert ledger["b_2026_01_01"].contract_number in numbers(2026)


def test_voided_unregistered_and_all_outside_huzhou_never_count(ledger):
    counted = numbers(2026)
    assert {ledger[k].contract_number for k in ("c_voided", "d_outside", "e_not_registered")}.isdisjoint(counted)


def test_the_district_is_the_buyers_when_in_huzhou_else_the_sellers(ledger):
    districts = dict(counted_deals(year=2026).values_list("contract_number", "district"))
    assert districts[ledger["b_2026_01_01"].contract_number] == "changxing"
    assert districts[ledger["h_seller_in_huzhou"].contract_number] == "deqing"


def test_the_operator_can_count_contract_amounts_by_signing_date_without_the_huzhou_requirement(ledger):
    services.counting_rule_set(
        by=ledger_keeper(),
        year=2026,
        target_amount=D("17500000000.00"),
        statuses=["recorded", "registered"],
        date_field="signed_on",
        amount_field="contract_amount",
        require_huzhou_party=False,
        reason="测试：按签订日期统计合同金额",
    )

    total = total_of(counted_deals(year=2026))

    # signed in 2026 and not voided (a, b and g were signed in 2025, c is voided): d 700,000 (outside Huzhou, now
    # allowed) + e 250,000 (recorded, now allowed) + f 800,000 (contract amount) + h 123,456.78
    assert total.amount == D("700000.00") + D("250000.00") + D("800000.00") + D("123456.78")
    assert counting_rule(year=2026).version == 2


def test_a_rule_that_counts_by_registration_date_cannot_count_unregistered_contracts(db):
    with pytest.raises(Exception) as error:
        services.counting_rule_set(
            by=ledger_keeper(),
            year=2026,
            target_amount=D("1.00"),
            statuses=["recorded"],
            date_field="registered_on",
            amount_field="technical_amount",
            require_huzhou_party=True,
            reason="错误口径",
        )
    assert "statuses" in str(error.value)


def test_figures_as_recorded_on_a_past_day_are_reproduced_from_the_ledger(db):
    keeper = ledger_keeper()
    with frozen(moment(2026, 2, 10)):
        x = DealFactory(
            contract_amount=D("1000000.00"), signed_on=date(2026, 1, 20), registered_on=date(2026, 2, 9), by=keeper
        )
    with frozen(moment(2026, 2, 20)):
        DealFactory(
            contract_amount=D("300000.00"), signed_on=date(2026, 1, 25), registered_on=date(2026, 2, 19), by=keeper
        )
    with frozen(moment(2026, 3, 5)):
        services.deal_amend(deal=x, by=keeper, technical_amount=D("800000.00"), reason="核减")
    with frozen(moment(2026, 4, 1)):
        services.deal_void(deal=x, by=keeper, reason="合同解除")

    def amount(day: date) -> Decimal:
        return total_of(counted_deals(year=2026, recorded_as_of=day)).amount

    assert amount(date(2026, 2, 9)) == D("0.00")  # recorded the next day
    assert amount(date(2026, 2, 15)) == D("1000000.00")
    assert amount(date(2026, 2, 28)) == D("1300000.00")
    assert amount(date(2026, 3, 31)) == D("1100000.00")  # the amendment
    assert amount(date(2026, 4, 30)) == D("300000.00")  # the void
    assert total_of(counted_deals(year=2026)).amount == D("300000.00")
    # 截至 a day is another question: the current ledger's contracts registered by then.
    assert total_of(counted_deals(year=2026, as_of=date(2026, 2, 9))).amount == D("0.00")  # x is void now
    assert total_of(counted_deals(year=2026, as_of=date(2026, 2, 19))).amount == D("300000.00")


def test_a_past_day_is_counted_with_the_rule_in_force_that_day(db):
    keeper = ledger_keeper()
    with frozen(moment(2026, 2, 10)):
        DealFactory(
            contract_amount=D("1000000.00"),
            technical_amount=D("600000.00"),
            signed_on=date(2026, 1, 20),
            registered_on=date(2026, 2, 9),
            by=keeper,
        )
    with frozen(moment(2026, 5, 1)):
        services.counting_rule_set(
            by=keeper,
            year=2026,
            target_amount=D("17500000000.00"),
            statuses=["registered"],
            date_field="registered_on",
            amount_field="contract_amount",
            require_huzhou_party=True,
            reason="改按合同金额",
        )

    assert total_of(counted_deals(year=2026, recorded_as_of=date(2026, 4, 30))).amount == D("600000.00")
    assert total_of(counted_deals(year=2026, recorded_as_of=date(2026, 5, 1))).amount == D("1000000.00")
    assert counting_rule(year=2026, as_of=date(2026, 4, 30)).version == 1


def test_the_rule_text_is_generated_from_the_rule_in_both_languages(db):
    texts = counting_rule_texts(counting_rule(year=2027))

    assert (
        "已认定登记" in texts["zh"]
        and "认定登记日期" in texts["zh"]
        and "技术交易额" in texts["zh"]
        and "20,000,000,000.00元" in texts["zh"]
    )
    assert "registration date" in texts["en"] and "technical" in texts["en"].lower() and "Huzhou" in texts["en"]


def test_a_year_nobody_configured_gets_the_default_rule_with_the_nearest_target(db):
    rule = counting_rule(year=2031)

    assert rule.is_configured is False and rule.target_amount == D("20000000000.00")
    assert rule.statuses == ["registered"] and rule.amount_field == CountingRule.AmountField.TECHNICAL_AMOUNT


def test_the_seeded_targets_ramp_up_to_the_policys_200_yi_in_2027(db):
    assert [counting_rule(year=y).target_amount for y in (2024, 2025, 2026, 2027)] == [
        D("12500000000.00"),
        D("15000000000.00"),
        D("17500000000.00"),
        D("20000000000.00"),
    ]
