"""A year of Huzhou technology contracts with figures computed by hand (amounts in yuan):

2026, registered and counted (technical amounts):
  1 owner (吴兴区) buys from the institute (南太湖新区), 技术开发, 新能源汽车, from an awarded challenge, 2,600,000.00, 03-10
  2 other enterprise (德清县) buys, 技术许可, 地理信息, offline, 1,000,000.50, 03-25
  3 a Shanghai buyer (outside) buys from the institute, 技术转让, no chain, offline, 400,000.00, 07-01 -> 南太湖新区
  4 owner buys from a Hangzhou centre (outside), 技术咨询, 生物医药, offline, 150,000.00, 07-15 -> 吴兴区
  6 owner buys from the institute after its need, 技术服务, 绿色能源, 300,000.00, 10-08
  5 voided (9,999,999.00, 05-01) and 9 recorded but never registered (800,000.00) do not count
2025: 7 owner/institute 1,800,000.00 on 06-30; 8 other enterprise/institute 700,000.00 on 12-31.
Everything is written on 2026-11-20, the dashboard's "today".
"""

from datetime import date
from decimal import Decimal

import pytest

from deals import services
from deals.models import DealOrigin
from deals.services import Party
from marketplace import services as marketplace
from marketplace.models import Challenge
from tests.backend.conftest import need_for
from tests.backend.deals.helpers import frozen, moment
from tests.factories.accounts import make_uscc
from tests.factories.deals import ledger_keeper
from tests.factories.marketplace import BidFactory, ChallengeFactory, industry

D = Decimal
TODAY = moment(2026, 11, 20, 12)
SHANGHAI = Party(name="上海某智能制造有限公司", uscc=make_uscc(31, prefix="91310000"), region="outside")
HANGZHOU = Party(name="杭州某生物医药创新研究中心", uscc=make_uscc(32, prefix="12330100"), region="outside")


@pytest.fixture
def today():
    with frozen(TODAY):
        yield TODAY


def _deal(number, *, buyer, seller, kind, amount, registered_on, signed_on=None, chain=None, by=None, void=False, **kw):
    keeper = ledger_keeper()
    deal = services.deal_record(
        by=by or keeper,
        contract_number=number,
        title=f"技术合同{number}",
        buyer=buyer,
        seller=seller,
        contract_type=kind,
        contract_amount=amount,
        signed_on=signed_on or registered_on.replace(day=1),
        industry=industry(chain) if chain else None,
        **kw,
    )
    if registered_on:
        deal = services.deal_register(
            deal=deal, by=keeper, registration_number=f"DJ-{number}", registered_on=registered_on
        )
    if void:
        deal = services.deal_void(deal=deal, by=keeper, reason="合同解除")
    return deal


@pytest.fixture
def year_of_deals(world, today):
    owner, other, institute = (Party.of(world.orgs[k]) for k in ("owner", "other_enterprise", "institute"))
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"], created_by=world.users["owner"], status=Challenge.Status.CLOSED
    )
    bid = BidFactory(
        challenge=challenge,
        organisation=world.orgs["institute"],
        created_by=world.users["institute"],
        price=D("2600000.00"),
    )
    marketplace.challenge_award(challenge=challenge, by=world.users["owner"], bid_ids=[bid.pk])
    challenge.refresh_from_db()
    keeper = ledger_keeper()
    from_challenge = services.deal_record(
        by=world.users["owner"],
        contract_number="D1",
        origin=DealOrigin.CHALLENGE,
        challenge=challenge,
        signed_on=date(2026, 3, 1),
    )
    services.deal_register(deal=from_challenge, by=keeper, registration_number="DJ-D1", registered_on=date(2026, 3, 10))
    _deal(
        "D2",
        buyer=other,
        seller=institute,
        kind="license",
        amount=D("1000000.50"),
        registered_on=date(2026, 3, 25),
        chain="geoinformation",
    )
    _deal(
        "D3", buyer=SHANGHAI, seller=institute, kind="transfer", amount=D("400000.00"), registered_on=date(2026, 7, 1)
    )
    _deal(
        "D4",
        buyer=owner,
        seller=HANGZHOU,
        kind="consulting",
        amount=D("150000.00"),
        registered_on=date(2026, 7, 15),
        chain="biomedicine",
    )
    _deal(
        "D5",
        buyer=other,
        seller=institute,
        kind="development",
        amount=D("9999999.00"),
        registered_on=date(2026, 5, 1),
        void=True,
    )
    _deal(
        "D6",
        buyer=owner,
        seller=institute,
        kind="service",
        amount=D("300000.00"),
        registered_on=date(2026, 10, 8),
        chain="green_energy",
        origin=DealOrigin.NEED,
        need=need_for(world),
    )
    _deal(
        "D7", buyer=owner, seller=institute, kind="development", amount=D("1800000.00"), registered_on=date(2025, 6, 30)
    )
    _deal(
        "D8", buyer=other, seller=institute, kind="development", amount=D("700000.00"), registered_on=date(2025, 12, 31)
    )
    _deal(
        "D9",
        buyer=owner,
        seller=institute,
        kind="development",
        amount=D("800000.00"),
        registered_on=None,
        signed_on=date(2026, 9, 1),
    )
    return world
