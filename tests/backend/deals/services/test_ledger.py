"""The ledger is append-only: register, amend, void and reverse add entries; nothing is changed
in place or deleted, and a contract's columns always equal its latest entry."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.exceptions import ApplicationError
from deals import services
from deals.models import STATE_ATTNAMES, Deal, DealEntry, DealStatus
from tests.factories.accounts import UserFactory
from tests.factories.deals import DealFactory, ledger_keeper


def assert_columns_equal_latest_entry(deal: Deal) -> None:
    deal.refresh_from_db()
    latest = deal.entries.order_by("-id").first()
    assert {a: getattr(deal, a) for a in STATE_ATTNAMES} == {a: getattr(latest, a) for a in STATE_ATTNAMES}


@pytest.fixture
def keeper(db):
    return ledger_keeper()


@pytest.fixture
def deal(keeper):
    return DealFactory(
        contract_amount=Decimal("1500000.00"), technical_amount=Decimal("1200000.00"), signed_on=date(2026, 6, 1)
    )


def test_registering_moves_recorded_to_registered_and_appends_an_entry(keeper, deal):
    services.deal_register(
        deal=deal, by=keeper, registration_number="330502-2026-0777", registered_on=date(2026, 6, 20)
    )

    deal.refresh_from_db()
    assert deal.status == DealStatus.REGISTERED
    assert list(deal.entries.values_list("kind", flat=True)) == ["record", "register"]
    assert deal.entries.last().changes["status"] == ["recorded", "registered"]
    assert_columns_equal_latest_entry(deal)


def test_registering_twice_is_a_409(keeper, deal):
    services.deal_register(deal=deal, by=keeper, registration_number="R-1", registered_on=date(2026, 6, 20))

    with pytest.raises(ApplicationError) as error:
        services.deal_register(deal=deal, by=keeper, registration_number="R-2", registered_on=date(2026, 6, 21))
    assert error.value.status_code == 409


def test_a_registration_before_signing_is_refused(keeper, deal):
    with pytest.raises(ValidationError) as error:
        services.deal_register(deal=deal, by=keeper, registration_number="R-1", registered_on=date(2026, 5, 31))
    assert "registered_on" in error.value.message_dict


def test_an_amendment_keeps_the_old_values_in_the_ledger(keeper, deal):
    services.deal_amend(
        deal=deal, by=keeper, technical_amount=Decimal("1100000.00"), contract_type="service", reason="登记机构核减"
    )

    first, second = deal.entries.order_by("id")
    assert first.technical_amount == Decimal("1200000.00") and second.technical_amount == Decimal("1100000.00")
    assert second.changes == {
        "technical_amount": ["1200000.00", "1100000.00"],
        "contract_type": ["development", "service"],
    }
    assert second.reason == "登记机构核减" and second.by == keeper
    assert_columns_equal_latest_entry(deal)


def test_an_amendment_that_changes_nothing_is_refused(keeper, deal):
    with pytest.raises(ValidationError):
        services.deal_amend(deal=deal, by=keeper, technical_amount=Decimal("1200000.00"), reason="无变化")


def test_registration_data_of_an_unregistered_contract_is_not_amended_but_registered(keeper, deal):
    with pytest.raises(ApplicationError) as error:
        services.deal_amend(deal=deal, by=keeper, registered_on=date(2026, 6, 20), reason="补登记")
    assert error.value.status_code == 409


def test_a_voided_contract_cannot_be_amended_registered_or_voided_again(keeper, deal):
    services.deal_void(deal=deal, by=keeper, reason="双方解除合同")

    for change in (
        lambda: services.deal_amend(deal=deal, by=keeper, technical_amount=Decimal("1.00"), reason="x"),
        lambda: services.deal_register(deal=deal, by=keeper, registration_number="R", registered_on=date(2026, 6, 20)),
        lambda: services.deal_void(deal=deal, by=keeper, reason="再次作废"),
    ):
        with pytest.raises(ApplicationError) as error:
            change()
        assert error.value.status_code == 409
    assert deal.entries.count() == 2


def test_reversing_the_latest_entry_restores_the_state_before_it(keeper, deal):
    services.deal_register(deal=deal, by=keeper, registration_number="R-9", registered_on=date(2026, 6, 20))
    voided = services.deal_void(deal=deal, by=keeper, reason="误操作")
    void_entry = voided.entries.order_by("-id").first()

    restored = services.deal_reverse(deal=deal, by=keeper, entry_id=void_entry.pk, reason="作废有误，冲销")

    assert restored.status == DealStatus.REGISTERED and restored.registration_number == "R-9"
    last = restored.entries.order_by("-id").first()
    assert last.kind == DealEntry.Kind.REVERSE and last.reverses == void_entry
    assert list(restored.entries.values_list("kind", flat=True)) == ["record", "register", "void", "reverse"]
    assert_columns_equal_latest_entry(restored)


def test_only_the_latest_entry_can_be_reversed_and_never_the_first(keeper, deal):
    record_entry = deal.entries.get()
    with pytest.raises(ApplicationError) as error:
        services.deal_reverse(deal=deal, by=keeper, entry_id=record_entry.pk, reason="x")
    assert error.value.status_code == 409

    services.deal_amend(deal=deal, by=keeper, title="合同名称更正", reason="笔误")
    services.deal_amend(deal=deal, by=keeper, title="合同名称再更正", reason="笔误")
    older = deal.entries.order_by("id")[1]
    with pytest.raises(ApplicationError) as error:
        services.deal_reverse(deal=deal, by=keeper, entry_id=older.pk, reason="x")
    assert error.value.status_code == 409


def test_an_entry_of_another_contract_is_a_field_error(keeper, deal):
    other = DealFactory()
    with pytest.raises(ValidationError) as error:
        services.deal_reverse(deal=deal, by=keeper, entry_id=other.entries.get().pk, reason="x")
    assert "entry" in error.value.message_dict


def test_nothing_in_the_ledger_can_be_deleted_or_rewritten(deal):
    entry = deal.entries.get()

    for attempt in (
        deal.delete,
        Deal.objects.all().delete,
        entry.delete,
        DealEntry.objects.all().delete,
        entry.save,
        lambda: DealEntry.objects.update(reason="改写"),
    ):
        with pytest.raises(ValidationError):
            attempt()
    assert Deal.objects.count() == 1 and DealEntry.objects.get().reason == entry.reason


@pytest.mark.parametrize("change", ["register", "amend", "void", "reverse"])
def test_enterprises_cannot_change_the_ledger(deal, change):
    user = UserFactory()
    calls = {
        "register": lambda: services.deal_register(
            deal=deal, by=user, registration_number="R", registered_on=date(2026, 6, 20)
        ),
        "amend": lambda: services.deal_amend(deal=deal, by=user, title="x", reason="x"),
        "void": lambda: services.deal_void(deal=deal, by=user, reason="x"),
        "reverse": lambda: services.deal_reverse(deal=deal, by=user, entry_id=deal.entries.get().pk, reason="x"),
    }
    with pytest.raises(ApplicationError) as error:
        calls[change]()
    assert error.value.status_code == 403


def test_a_registration_number_is_unique_within_the_registry(keeper, deal):
    services.deal_register(deal=deal, by=keeper, registration_number="R-1", registered_on=date(2026, 6, 20))
    other = DealFactory(signed_on=date(2026, 6, 1))

    with pytest.raises(ValidationError) as error:
        services.deal_register(deal=other, by=keeper, registration_number="R-1", registered_on=date(2026, 6, 21))
    assert "registration_number" in error.value.message_dict


def test_a_counting_rule_version_is_never_rewritten(db):
    from deals.models import CountingRule

    rule = CountingRule.objects.get(year=2027)
    with pytest.raises(ValidationError):
        rule.save()
    with pytest.raises(ValidationError):
        rule.delete()


def test_only_the_operator_changes_the_counting_rule(world):
    for role in ("official", "owner"):
        with pytest.raises(ApplicationError) as error:
            services.counting_rule_set(
                by=world.users[role],
                year=2027,
                target_amount=Decimal("1.00"),
                statuses=["registered"],
                date_field="registered_on",
                amount_field="technical_amount",
                require_huzhou_party=True,
                reason="x",
            )
        assert error.value.status_code == 403
    rule = services.counting_rule_set(
        by=world.users["operator"],
        year=2027,
        target_amount=Decimal("21000000000.00"),
        statuses=["registered"],
        date_field="registered_on",
        amount_field="technical_amount",
        require_huzhou_party=True,
        reason="提高目标",
    )
    assert rule.version == 2 and rule.created_by == world.users["operator"]


def test_a_new_rule_version_identical_to_the_current_one_is_refused(world):
    with pytest.raises(ValidationError):
        services.counting_rule_set(
            by=world.users["operator"],
            year=2027,
            target_amount=Decimal("20000000000.00"),
            statuses=["registered"],
            date_field="registered_on",
            amount_field="technical_amount",
            require_huzhou_party=True,
            reason="重复",
        )
