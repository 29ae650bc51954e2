"""GET /api/deals/prefill/: what recording a contract from a posting starts with — the same rule
the server applies when the form leaves a field out, and, for 赛马制, every winner to choose from."""

from decimal import Decimal

import pytest

from deals.models import Deal
from marketplace import services as marketplace
from marketplace.models import Challenge
from tests.backend.conftest import capability_for, need_for
from tests.factories.marketplace import BidFactory, ChallengeFactory

S = Challenge.Status
URL = "/api/deals/prefill/"


def award(world, challenge: Challenge, winners: list[tuple[str, str]]) -> list[int]:
    bids = [
        BidFactory(challenge=challenge, organisation=world.orgs[key], created_by=world.users[key], price=Decimal(price))
        for key, price in winners
    ]
    marketplace.challenge_award(challenge=challenge, by=world.users["owner"], bid_ids=[b.pk for b in bids])
    return [b.pk for b in bids]


@pytest.fixture
def awarded(world) -> tuple[Challenge, int]:
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status=S.CLOSED,
        title="高安全动力电池陶瓷涂覆隔膜研发",
    )
    [bid] = award(world, challenge, [("institute", "2800000.00")])
    return challenge, bid


@pytest.fixture
def saima(world) -> tuple[Challenge, list[int]]:
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status=S.CLOSED,
        mode="saima",
        max_winners=2,
        title="线控底盘域控制器赛马攻关",
    )
    return challenge, award(world, challenge, [("institute", "2600000.00"), ("other_enterprise", "2900000.00")])


def party(world, key: str) -> dict:
    org = world.orgs[key]
    return {
        "organisation": org.pk,
        "name": org.name,
        "uscc": org.uscc,
        "region": org.region,
        "region_label": org.get_region_display(),
        "province": "浙江省",  # every organisation of `world` is in Huzhou
        "city": "湖州市",
    }


def test_the_owner_reads_the_prefill_of_its_award_and_recording_without_overrides_stores_exactly_it(world, awarded):
    challenge, bid = awarded
    owner = world.client("owner")

    response = owner.get(URL, {"challenge": challenge.pk})

    assert response.status_code == 200, response.content
    prefill = response.json()
    assert prefill == {
        "origin": "challenge",
        "origin_label": "揭榜挂帅定榜",
        "challenge": challenge.pk,
        "need": None,
        "capability": None,
        "bid": bid,
        "title": "高安全动力电池陶瓷涂覆隔膜研发",
        "contract_type": "development",
        "contract_type_label": "技术开发",
        "industry": {
            "code": challenge.industry.code,
            "name": challenge.industry.name,
            "description": challenge.industry.description,
        },
        "buyer": party(world, "owner"),
        "seller": party(world, "institute"),
        "contract_amount": "2800000.00",
        "winners": [{"bid": bid, "organisation": party(world, "institute"), "price": "2800000.00"}],
    }

    recorded = owner.post(
        "/api/deals/",
        {
            "contract_number": "2026330522000318",
            "origin": "challenge",
            "challenge": challenge.pk,
            "signed_on": "2026-09-18",
        },
        format="json",
    )
    assert recorded.status_code == 201, recorded.content
    deal = recorded.json()
    assert {k: deal[k] for k in ("title", "contract_type", "contract_amount", "industry")} == {
        k: prefill[k] for k in ("title", "contract_type", "contract_amount", "industry")
    }
    assert (deal["buyer"], deal["seller"]) == (prefill["buyer"], prefill["seller"])
    assert Deal.objects.get(pk=deal["id"]).origin_bid_id == bid


@pytest.mark.parametrize("role", ["official", "operator"])
def test_a_ledger_keeper_sees_every_saima_winner_and_the_seller_waits_for_the_choice(world, saima, role):
    challenge, bids = saima
    client = world.client(role)

    undecided = client.get(URL, {"challenge": challenge.pk}).json()
    assert (undecided["bid"], undecided["seller"], undecided["contract_amount"]) == (None, None, None)
    assert undecided["buyer"] == party(world, "owner")
    assert [(w["bid"], w["organisation"]["name"], w["price"]) for w in undecided["winners"]] == [
        (bids[0], world.orgs["institute"].name, "2600000.00"),
        (bids[1], world.orgs["other_enterprise"].name, "2900000.00"),
    ]

    chosen = client.get(URL, {"challenge": challenge.pk, "bid": bids[1]}).json()
    assert (chosen["bid"], chosen["seller"], chosen["contract_amount"]) == (
        bids[1],
        party(world, "other_enterprise"),
        "2900000.00",
    )
    assert chosen["winners"] == undecided["winners"]


@pytest.mark.parametrize("role", ["other_enterprise", "institute", "unverified_institute"])
def test_no_one_else_reads_the_prefill_not_even_the_winner(world, awarded, role):
    response = world.client(role).get(URL, {"challenge": awarded[0].pk})

    assert response.status_code == 403
    assert "2800000" not in response.content.decode()


def test_a_challenge_that_is_not_awarded_answers_409_with_its_status(world):
    published = ChallengeFactory(organisation=world.orgs["owner"], created_by=world.users["owner"], status=S.PUBLISHED)

    response = world.client("owner").get(URL, {"challenge": published.pk})

    assert response.status_code == 409
    assert response.json()["extra"] == {"status": "published"}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({}, "non_field_errors"),
        ({"challenge": "abc"}, "challenge"),
        ({"challenge": 999999}, "challenge"),
    ],
)
def test_a_missing_or_unknown_source_is_a_400_naming_the_field(world, query, field):
    response = world.client("official").get(URL, query)

    assert response.status_code == 400
    assert field in response.json()["fields"], response.json()


def test_two_sources_or_a_bid_without_a_challenge_are_refused(world, awarded):
    need = need_for(world)
    official = world.client("official")

    both = official.get(URL, {"challenge": awarded[0].pk, "need": need.pk})
    bid_on_need = official.get(URL, {"need": need.pk, "bid": awarded[1]})

    assert both.status_code == 400 and "non_field_errors" in both.json()["fields"]
    assert bid_on_need.status_code == 400 and "bid" in bid_on_need.json()["fields"]


def test_a_bid_that_did_not_win_is_refused(world, awarded):
    loser = BidFactory(
        challenge=awarded[0], organisation=world.orgs["other_enterprise"], created_by=world.users["other_enterprise"]
    )

    response = world.client("owner").get(URL, {"challenge": awarded[0].pk, "bid": loser.pk})

    assert response.status_code == 400 and "bid" in response.json()["fields"]


def test_a_need_prefills_the_buyer_and_a_capability_the_seller(world):
    need, capability = need_for(world), capability_for(world)

    from_need = world.client("owner").get(URL, {"need": need.pk}).json()
    from_capability = world.client("institute").get(URL, {"capability": capability.pk}).json()

    assert (from_need["origin"], from_need["need"], from_need["buyer"], from_need["seller"]) == (
        "need",
        need.pk,
        party(world, "owner"),
        None,
    )
    assert from_need["contract_type"] == need.cooperation_type and from_need["title"] == need.title
    assert (from_capability["origin"], from_capability["seller"], from_capability["buyer"]) == (
        "capability",
        party(world, "institute"),
        None,
    )
    assert from_capability["winners"] == [] and from_capability["contract_amount"] is None
