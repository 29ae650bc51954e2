"""A district bureau's official (区县科技局) keeps the ledger of their district: the list, the
detail, the search and every action reach only contracts with at least one party there
(deals.permissions.deal_visibility). The city bureau's official and the operator see them all."""

from datetime import date
from decimal import Decimal

import pytest

from deals.models import Deal
from deals.services import Party, deal_record
from tests.backend.deals.helpers import add_district_official
from tests.factories.accounts import make_uscc
from tests.factories.deals import ledger_keeper

ANJI_BUYER = Party(name="安吉竹木绿色家居有限公司", uscc=make_uscc(51, prefix="91330523"), region="anji")
DEQING_SELLER = Party(name="德清某地理信息研究院", uscc=make_uscc(52, prefix="12330521"), region="deqing")
NANXUN_SELLER = Party(name="南浔某特种合金研究所", uscc=make_uscc(53, prefix="12330503"), region="nanxun")


def record(number: str, *, buyer: Party, seller: Party, title: str) -> Deal:
    return deal_record(
        by=ledger_keeper(),
        contract_number=number,
        title=title,
        contract_type="service",
        buyer=buyer,
        seller=seller,
        contract_amount=Decimal("500000.00"),
        signed_on=date(2026, 9, 1),
    )


@pytest.fixture
def ledger(world):
    deqing_buys = record(
        "Q-1",
        buyer=Party.of(world.orgs["other_enterprise"]),
        seller=Party.of(world.orgs["institute"]),
        title="北斗形变监测技术开发合同",
    )  # buyer in Deqing
    deqing_sells = record(
        "Q-2", buyer=ANJI_BUYER, seller=DEQING_SELLER, title="竹材遥感监测技术服务合同"
    )  # seller in Deqing
    elsewhere = record(
        "Q-3", buyer=ANJI_BUYER, seller=NANXUN_SELLER, title="合金棒材无损检测技术服务合同"
    )  # no party in Deqing
    return {"deqing_buys": deqing_buys, "deqing_sells": deqing_sells, "elsewhere": elsewhere}, add_district_official(
        world
    )


def numbers(client, **params) -> list[str]:
    response = client.get("/api/deals/", params)
    assert response.status_code == 200, response.content
    return sorted(d["contract_number"] for d in response.json()["results"])


def test_a_district_official_sees_the_contracts_with_a_party_in_their_district(world, ledger):
    deals, official = ledger
    client = world.client(official)

    assert numbers(client) == ["Q-1", "Q-2"]
    assert client.get(f"/api/deals/{deals['deqing_sells'].pk}/").status_code == 200
    assert client.get(f"/api/deals/{deals['elsewhere'].pk}/").status_code == 404
    assert numbers(world.client("official")) == numbers(world.client("operator")) == ["Q-1", "Q-2", "Q-3"]


def test_a_district_officials_search_and_filters_stay_within_their_district(world, ledger):
    _, official = ledger
    client = world.client(official)

    assert numbers(client, q="无损检测") == [] and numbers(world.client("official"), q="无损检测") == ["Q-3"]
    assert numbers(client, q="安吉竹木") == ["Q-2"]
    assert numbers(client, region="anji") == ["Q-2"] and numbers(client, region="nanxun") == []


def test_a_district_official_cannot_register_amend_or_void_a_contract_outside_their_district(world, ledger):
    deals, official = ledger
    client = world.client(official)
    outside, inside = deals["elsewhere"], deals["deqing_sells"]
    body = {"registration_number": "330521-2026-0001", "registered_on": "2026-10-09", "reason": "审核通过"}

    assert client.post(f"/api/deals/{outside.pk}/register/", body, format="json").status_code == 404
    assert client.post(f"/api/deals/{outside.pk}/void/", {"reason": "x"}, format="json").status_code == 404
    assert client.post(f"/api/deals/{inside.pk}/register/", body, format="json").status_code == 200
    outside.refresh_from_db()
    assert outside.status == "recorded" and outside.entries.count() == 1
