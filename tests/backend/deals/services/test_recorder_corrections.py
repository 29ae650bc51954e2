"""The organisation that recorded a contract corrects or withdraws (撤回) it until it is registered;
afterwards only ledger keepers change it (issue 16: a half-filled contract got recorded and the
enterprise could neither correct nor withdraw it)."""

from datetime import date
from decimal import Decimal

import pytest

from core.exceptions import ApplicationError
from deals import services
from deals.models import DealEntry, DealOrigin, DealStatus
from deals.services import Party
from marketplace import services as marketplace
from marketplace.models import Challenge
from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.deals import ledger_keeper
from tests.factories.marketplace import BidFactory, ChallengeFactory


def recorded_by_owner(world):
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"], created_by=world.users["owner"], status=Challenge.Status.CLOSED
    )
    bid = BidFactory(
        challenge=challenge,
        organisation=world.orgs["institute"],
        created_by=world.users["institute"],
        price=Decimal("2800000.00"),
    )
    marketplace.challenge_award(challenge=challenge, by=world.users["owner"], bid_ids=[bid.pk])
    challenge.refresh_from_db()
    return services.deal_record(
        by=world.users["owner"],
        contract_number="2026330522000318",
        origin=DealOrigin.CHALLENGE,
        challenge=challenge,
        signed_on=date(2026, 9, 18),
    )


@pytest.fixture
def deal(world):
    return recorded_by_owner(world)


def status_of(error) -> int:
    return error.value.status_code


def test_the_recorder_corrects_its_contract_and_the_ledger_keeps_the_old_values(world, deal):
    deal = services.deal_amend(
        deal=deal, by=world.users["owner"], technical_amount=Decimal("2500000.00"), reason="扣除设备采购费用"
    )

    assert deal.technical_amount == Decimal("2500000.00") and deal.status == DealStatus.RECORDED
    entry = deal.entries.order_by("-id").first()
    assert entry.kind == DealEntry.Kind.AMEND and entry.by == world.users["owner"]
    assert entry.changes == {"technical_amount": ["2800000.00", "2500000.00"]}


def test_a_colleague_in_the_recording_organisation_may_correct_it_too(world, deal):
    colleague = UserFactory(organisation=world.orgs["owner"], username="owner-colleague")

    deal = services.deal_amend(deal=deal, by=colleague, title="高安全隔膜技术开发合同", reason="补全合同名称")

    assert deal.title == "高安全隔膜技术开发合同"


def test_the_other_party_and_outsiders_may_not_correct_or_withdraw_it(world, deal):
    for user in (world.users["institute"], world.users["other_enterprise"]):
        with pytest.raises(ApplicationError) as error:
            services.deal_amend(deal=deal, by=user, title="x", reason="x")
        assert status_of(error) == 403
        with pytest.raises(ApplicationError) as error:
            services.deal_withdraw(deal=deal, by=user, reason="x")
        assert status_of(error) == 403


def test_the_recorder_withdraws_it_with_a_reason_as_a_new_ledger_line(world, deal):
    deal = services.deal_withdraw(deal=deal, by=world.users["owner"], reason="录入时误提交，信息不完整")

    assert deal.status == DealStatus.VOIDED
    kinds = list(deal.entries.order_by("id").values_list("kind", "status", "reason"))
    assert kinds == [
        ("record", "recorded", "录入合同"),
        ("withdraw", "voided", "录入时误提交，信息不完整"),
    ]
    with pytest.raises(ApplicationError) as error:
        services.deal_withdraw(deal=deal, by=world.users["owner"], reason="再次撤回")
    assert status_of(error) == 409
    with pytest.raises(ApplicationError) as error:
        services.deal_amend(deal=deal, by=world.users["owner"], title="x", reason="x")
    assert status_of(error) == 409


def test_once_registered_only_ledger_keepers_change_it(world, deal):
    deal = services.deal_register(
        deal=deal, by=ledger_keeper(), registration_number="330522-2026-0318", registered_on=date(2026, 10, 9)
    )

    with pytest.raises(ApplicationError) as error:
        services.deal_amend(deal=deal, by=world.users["owner"], title="x", reason="x")
    assert status_of(error) == 403 and "已认定登记" in error.value.message
    with pytest.raises(ApplicationError) as error:
        services.deal_withdraw(deal=deal, by=world.users["owner"], reason="x")
    assert status_of(error) == 403
    with pytest.raises(ApplicationError) as error:  # nor may a keeper "withdraw" it: they void it
        services.deal_withdraw(deal=deal, by=ledger_keeper(), reason="x")
    assert status_of(error) == 409
    assert services.deal_void(deal=deal, by=world.users["official"], reason="双方解除合同").status == "voided"


def test_the_recorder_cannot_hand_the_contract_to_others(world, deal):
    stranger = OrganisationFactory(name="杭州某科技有限公司", region="outside")

    with pytest.raises(ApplicationError) as error:
        services.deal_amend(deal=deal, by=world.users["owner"], buyer=Party.of(stranger), reason="换买方")

    assert status_of(error) == 403
    deal.refresh_from_db()
    assert deal.buyer_organisation == world.orgs["owner"] and deal.entries.count() == 1


def test_a_contract_a_keeper_recorded_is_not_the_enterprises_to_change(world):
    deal = services.deal_record(
        by=ledger_keeper(),
        contract_number="2026330522000777",
        title="动力电池隔膜涂覆工艺技术开发合同",
        contract_type="development",
        contract_amount=Decimal("1200000.00"),
        signed_on=date(2026, 9, 1),
        buyer=Party.of(world.orgs["owner"]),
        seller=Party.of(world.orgs["institute"]),
    )

    with pytest.raises(ApplicationError) as error:
        services.deal_withdraw(deal=deal, by=world.users["owner"], reason="x")
    assert status_of(error) == 403


# --- the API: the actions each viewer is offered -------------------------------------------------


def test_the_detail_lists_what_each_viewer_may_do_now(world, deal):
    def actions(role):
        return world.client(role).get(f"/api/deals/{deal.pk}/").json()["actions"]

    assert actions("owner") == ["amend", "withdraw"]
    assert actions("institute") == []
    assert actions("official") == ["register", "amend", "void", "reverse"]

    services.deal_register(
        deal=deal, by=ledger_keeper(), registration_number="330522-2026-0318", registered_on=date(2026, 10, 9)
    )
    assert actions("owner") == [] and actions("operator") == ["amend", "void", "reverse"]


def test_the_recorder_corrects_then_withdraws_through_the_api(world, deal):
    client = world.client("owner")

    amended = client.post(
        f"/api/deals/{deal.pk}/amend/", {"contract_amount": "3000000.00", "reason": "补录合同金额"}, format="json"
    )
    assert amended.status_code == 200, amended.content
    assert amended.json()["contract_amount"] == "3000000.00" and amended.json()["actions"] == ["amend", "withdraw"]

    withdrawn = client.post(f"/api/deals/{deal.pk}/withdraw/", {"reason": "误提交"}, format="json")
    assert withdrawn.status_code == 200, withdrawn.content
    body = withdrawn.json()
    assert body["status"] == "voided" and body["actions"] == []
    assert [e["kind"] for e in body["entries"]] == ["record", "amend", "withdraw"]
    assert body["entries"][-1]["kind_label"] == "撤回"

    assert client.post(f"/api/deals/{deal.pk}/withdraw/", {}, format="json").status_code == 400  # a reason is required
