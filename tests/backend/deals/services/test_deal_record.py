"""Recording a contract, above all from an awarded challenge (pre-filled from the award)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.exceptions import ApplicationError
from deals.models import DealEntry, DealOrigin, DealStatus
from deals.services import Party, deal_record
from marketplace import services as marketplace
from marketplace.models import Bid, Challenge
from tests.backend.conftest import capability_for, need_for
from tests.factories.accounts import OrganisationFactory, make_uscc
from tests.factories.marketplace import BidFactory, ChallengeFactory, industry

S = Challenge.Status


@pytest.fixture
def awarded(world) -> Challenge:
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status=S.CLOSED,
        title="高安全动力电池陶瓷涂覆隔膜研发",
    )
    bid = BidFactory(
        challenge=challenge,
        organisation=world.orgs["institute"],
        created_by=world.users["institute"],
        price=Decimal("2800000.00"),
    )
    marketplace.challenge_award(challenge=challenge, by=world.users["owner"], bid_ids=[bid.pk])
    challenge.refresh_from_db()
    return challenge


def test_the_owner_of_an_awarded_challenge_records_a_contract_prefilled_from_the_award(world, awarded):
    deal = deal_record(
        by=world.users["owner"],
        contract_number="2026330522000318",
        origin=DealOrigin.CHALLENGE,
        challenge=awarded,
        signed_on=date(2026, 9, 18),
    )

    assert deal.buyer_organisation == world.orgs["owner"] and deal.seller_organisation == world.orgs["institute"]
    assert deal.buyer_uscc == world.orgs["owner"].uscc and deal.seller_region == "nantaihu"
    assert deal.contract_amount == deal.technical_amount == Decimal("2800000.00")
    assert deal.industry == awarded.industry and deal.contract_type == "development" and deal.title == awarded.title
    assert deal.origin_challenge == awarded and deal.origin_bid.status == Bid.Status.AWARDED
    assert deal.status == DealStatus.RECORDED
    entry = deal.entries.get()
    assert (
        entry.kind == DealEntry.Kind.RECORD
        and entry.by == world.users["owner"]
        and entry.technical_amount == Decimal("2800000.00")
    )


def test_explicit_values_override_the_prefill(world, awarded):
    deal = deal_record(
        by=world.users["owner"],
        contract_number="2026330522000319",
        origin=DealOrigin.CHALLENGE,
        challenge=awarded,
        signed_on=date(2026, 9, 18),
        contract_amount=Decimal("3000000.00"),
        technical_amount=Decimal("2600000.00"),
        contract_type="transfer",
    )

    assert (deal.contract_amount, deal.technical_amount, deal.contract_type) == (
        Decimal("3000000.00"),
        Decimal("2600000.00"),
        "transfer",
    )


def test_a_challenge_that_is_not_awarded_yet_is_refused_with_409(world):
    published = ChallengeFactory(organisation=world.orgs["owner"], created_by=world.users["owner"], status=S.PUBLISHED)

    with pytest.raises(ApplicationError) as error:
        deal_record(
            by=world.users["owner"],
            contract_number="X-1",
            origin=DealOrigin.CHALLENGE,
            challenge=published,
            signed_on=date(2026, 9, 1),
        )

    assert error.value.status_code == 409


def test_a_saima_challenge_with_several_winners_needs_the_bid(world):
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"], created_by=world.users["owner"], status=S.CLOSED, mode="saima", max_winners=2
    )
    bids = [
        BidFactory(challenge=challenge, organisation=org, created_by=world.users[key], price=Decimal(price))
        for key, org, price in (
            ("institute", world.orgs["institute"], "2600000.00"),
            ("other_enterprise", world.orgs["other_enterprise"], "2900000.00"),
        )
    ]
    marketplace.challenge_award(challenge=challenge, by=world.users["owner"], bid_ids=[b.pk for b in bids])
    challenge.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        deal_record(
            by=world.users["owner"],
            contract_number="X-2",
            origin=DealOrigin.CHALLENGE,
            challenge=challenge,
            signed_on=date(2026, 9, 1),
        )
    assert "bid" in error.value.message_dict

    deal = deal_record(
        by=world.users["owner"],
        contract_number="X-2",
        origin=DealOrigin.CHALLENGE,
        challenge=challenge,
        bid=bids[1],
        signed_on=date(2026, 9, 1),
    )
    assert deal.seller_organisation == world.orgs["other_enterprise"] and deal.contract_amount == Decimal("2900000.00")


@pytest.mark.parametrize("role", ["other_enterprise", "institute"])
def test_only_the_challenge_owner_or_a_ledger_keeper_records_from_it(world, awarded, role):
    with pytest.raises(ApplicationError) as error:
        deal_record(
            by=world.users[role],
            contract_number="X-3",
            origin=DealOrigin.CHALLENGE,
            challenge=awarded,
            signed_on=date(2026, 9, 1),
        )
    assert error.value.status_code == 403


@pytest.mark.parametrize("role", ["official", "operator"])
def test_ledger_keepers_record_from_any_challenge(world, awarded, role):
    assert (
        deal_record(
            by=world.users[role],
            contract_number=f"X-{role}",
            origin=DealOrigin.CHALLENGE,
            challenge=awarded,
            signed_on=date(2026, 9, 1),
        ).buyer_organisation
        == world.orgs["owner"]
    )


def test_the_owner_cannot_record_a_contract_its_organisation_is_not_party_to(world, awarded):
    stranger = Party(name="嘉兴某科技有限公司", uscc=make_uscc(11, prefix="91330400"), region="outside")

    with pytest.raises(ApplicationError) as error:
        deal_record(
            by=world.users["owner"],
            contract_number="X-4",
            origin=DealOrigin.CHALLENGE,
            challenge=awarded,
            buyer=stranger,
            signed_on=date(2026, 9, 1),
        )
    assert error.value.status_code == 403


def test_an_enterprise_cannot_record_an_offline_contract(world):
    with pytest.raises(ApplicationError) as error:
        deal_record(
            by=world.users["owner"],
            contract_number="X-5",
            signed_on=date(2026, 9, 1),
            contract_type="service",
            contract_amount=Decimal("100000.00"),
            title="检测服务合同",
            buyer=Party.of(world.orgs["owner"]),
            seller=Party.of(world.orgs["institute"]),
        )
    assert error.value.status_code == 403


def test_need_and_capability_owners_record_contracts_from_their_postings(world):
    need = need_for(world)
    from_need = deal_record(
        by=world.users["owner"],
        contract_number="N-1",
        origin=DealOrigin.NEED,
        need=need,
        seller=Party.of(world.orgs["institute"]),
        contract_amount=Decimal("450000.00"),
        signed_on=date(2026, 8, 8),
    )
    assert from_need.buyer_organisation == world.orgs["owner"] and from_need.contract_type == need.cooperation_type

    capability = capability_for(world)
    from_capability = deal_record(
        by=world.users["institute"],
        contract_number="C-1",
        origin=DealOrigin.CAPABILITY,
        capability=capability,
        buyer=Party.of(world.orgs["other_enterprise"]),
        contract_type="license",
        contract_amount=Decimal("1500000.00"),
        signed_on=date(2026, 8, 9),
    )
    assert (
        from_capability.seller_organisation == world.orgs["institute"]
        and from_capability.industry == capability.industry
    )


def test_an_offline_contract_needs_every_party_and_amount(world):
    with pytest.raises(ValidationError) as error:
        deal_record(by=world.users["official"], contract_number="O-1", signed_on=date(2026, 9, 1))
    assert set(error.value.message_dict) == {"buyer", "seller", "contract_type", "contract_amount", "title"}


def test_the_technical_amount_cannot_exceed_the_contract_amount(world):
    with pytest.raises(ValidationError) as error:
        deal_record(
            by=world.users["official"],
            contract_number="O-2",
            signed_on=date(2026, 9, 1),
            title="技术咨询合同",
            contract_type="consulting",
            contract_amount=Decimal("100000.00"),
            technical_amount=Decimal("100000.01"),
            buyer=Party.of(world.orgs["owner"]),
            seller=Party.of(world.orgs["institute"]),
        )
    assert "technical_amount" in error.value.message_dict


def test_a_contract_number_is_unique_within_its_registry_only(world):
    common = dict(
        by=world.users["official"],
        contract_number="2026-001",
        signed_on=date(2026, 9, 1),
        title="技术服务合同",
        contract_type="service",
        contract_amount=Decimal("80000.00"),
        buyer=Party.of(world.orgs["owner"]),
        seller=Party.of(world.orgs["institute"]),
    )
    deal_record(**common)

    with pytest.raises(ValidationError) as error:
        deal_record(**common)
    assert "contract_number" in error.value.message_dict
    assert deal_record(**common, registry="浙江省技术市场").registry == "浙江省技术市场"


def test_a_typed_in_party_with_a_platform_uscc_is_linked_to_the_organisation(world):
    institute = world.orgs["institute"]
    deal = deal_record(
        by=world.users["official"],
        contract_number="O-3",
        signed_on=date(2026, 9, 1),
        title="技术转让合同",
        contract_type="transfer",
        contract_amount=Decimal("600000.00"),
        buyer=Party.of(world.orgs["owner"]),
        seller=Party(name="南太湖新能源材料研究院（曾用名）", uscc=institute.uscc, region="nantaihu"),
    )

    assert deal.seller_organisation == institute


def test_a_future_signing_date_is_refused(world):
    from django.utils import timezone

    with pytest.raises(ValidationError) as error:
        deal_record(
            by=world.users["official"],
            contract_number="O-4",
            signed_on=timezone.localdate().replace(year=2099),
            title="技术开发合同",
            contract_type="development",
            contract_amount=Decimal("10.00"),
            buyer=Party.of(world.orgs["owner"]),
            seller=Party.of(world.orgs["institute"]),
        )
    assert "signed_on" in error.value.message_dict


def test_a_party_cannot_buy_from_itself(world):
    org = OrganisationFactory()
    with pytest.raises(ValidationError):
        deal_record(
            by=world.users["official"],
            contract_number="O-5",
            signed_on=date(2026, 9, 1),
            title="技术开发合同",
            contract_type="development",
            contract_amount=Decimal("10.00"),
            buyer=Party.of(org),
            seller=Party.of(org),
        )


def test_the_industry_of_a_contract_is_optional(world):
    deal = deal_record(
        by=world.users["official"],
        contract_number="O-6",
        signed_on=date(2026, 9, 1),
        title="技术咨询合同",
        contract_type="consulting",
        contract_amount=Decimal("50000.00"),
        industry=industry("biomedicine"),
        buyer=Party.of(world.orgs["owner"]),
        seller=Party.of(world.orgs["institute"]),
    )
    assert deal.industry.code == "biomedicine"
