"""Every party of a 揭榜挂帅 challenge and of a contract is told what concerns it: domain events
(core.events) recorded by the services, turned into notices in one place (notifications/subscribers.py)."""

from datetime import date
from decimal import Decimal

import pytest

from accounts.models import Organisation
from core.events import emit
from core.models import DomainEvent
from marketplace import services
from marketplace.models import Challenge
from notifications.models import Notification
from tests.backend.marketplace.payloads import bid_body
from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.marketplace import BidFactory

pytestmark = pytest.mark.django_db


def told(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


@pytest.fixture
def rival(world):
    org = OrganisationFactory(kind=Organisation.Kind.INSTITUTE, name="湖州师范学院新材料研究所")
    UserFactory(organisation=org, username="rival")
    return org


def test_a_bid_tells_the_challenge_owner_and_a_withdrawal_too(world, published):
    bid = services.bid_submit(challenge=published, by=world.users["institute"], **bid_body())

    assert told("bid_received") == {"owner"}
    note = Notification.objects.get(kind="bid_received")
    assert world.orgs["institute"].name in note.body and "4,600,000.00" in note.body
    assert (note.posting_kind, note.posting_id, note.about_kind, note.about_id) == (
        "challenge",
        published.pk,
        "bid",
        bid.pk,
    )

    services.bid_withdraw(bid=bid, by=world.users["institute"])
    assert told("bid_withdrawn") == {"owner"}


def test_shortlisting_tells_the_team_but_not_a_partner_that_has_not_accepted(world, published, rival):
    accepted = OrganisationFactory(kind=Organisation.Kind.ENTERPRISE, name="长兴中试工程有限公司")
    UserFactory(organisation=accepted, username="pilot-plant")
    bid = BidFactory(
        challenge=published,
        organisation=world.orgs["institute"],
        created_by=world.users["institute"],
        partners=[accepted],
        partners__state="accepted",
    )

    services.bid_shortlist(bid=bid, by=world.users["owner"])

    assert told("bid_shortlisted") == {"institute", "pilot-plant"}


def test_the_award_tells_winners_and_the_others_with_the_owners_reason(world, published, rival):
    winner = BidFactory(challenge=published, organisation=world.orgs["institute"], created_by=world.users["institute"])
    loser = BidFactory(challenge=published, organisation=rival, created_by=rival.members.get())
    Challenge.objects.filter(pk=published.pk).update(status=Challenge.Status.CLOSED)

    services.challenge_award(
        challenge=published,
        by=world.users["owner"],
        bid_ids=[winner.pk],
        reason="技术路线更成熟，报价合理",
        not_awarded={loser.pk: ("price", "")},
    )

    assert told("bid_awarded") == {"institute"}
    assert told("bid_not_awarded") == {"rival"}
    assert "技术路线更成熟" in Notification.objects.get(kind="bid_not_awarded").body
    assert "未中榜原因：报价过高" in Notification.objects.get(kind="bid_not_awarded").body
    assert Notification.objects.get(kind="bid_not_awarded").about_id == loser.pk
    event = DomainEvent.objects.get(name="challenge.awarded")
    assert (event.actor, event.data["winners"], event.data["not_awarded"]) == (
        world.users["owner"],
        [winner.pk],
        [loser.pk],
    )


def test_cancelling_tells_the_live_bidders(world, published):
    BidFactory(challenge=published, organisation=world.orgs["institute"], created_by=world.users["institute"])

    services.challenge_cancel(challenge=published, by=world.users["owner"], reason="企业战略调整")

    assert told("challenge_cancelled") == {"institute"}
    assert "企业战略调整" in Notification.objects.get(kind="challenge_cancelled").body


def test_both_parties_hear_of_their_contract_by_number_not_title(world):
    from deals.services import Party, deal_record, deal_register
    from tests.factories.deals import ledger_keeper

    deal = deal_record(
        by=ledger_keeper(),
        contract_number="2026330502000999",
        title="某保密榜单的隔膜技术开发合同",
        contract_type="development",
        contract_amount=Decimal("1200000.00"),
        signed_on=date(2026, 9, 1),
        buyer=Party.of(world.orgs["owner"]),
        seller=Party.of(world.orgs["institute"]),
    )
    deal_register(
        deal=deal,
        by=ledger_keeper(),
        registration_number="330502-2026-0999",
        registered_on=date(2026, 9, 20),
        reason="材料齐全",
    )

    assert told("deal_recorded") == told("deal_registered") == {"owner", "institute"}
    assert all("保密榜单" not in n.title + n.body for n in Notification.objects.filter(posting_kind="deal"))
    assert "330502-2026-0999" in Notification.objects.filter(kind="deal_registered").first().body


def test_an_event_repeated_tells_nobody_twice(world, published):
    bid = services.bid_submit(challenge=published, by=world.users["institute"], **bid_body())

    emit("bid.submitted", subject=bid, actor=world.users["institute"])

    assert Notification.objects.filter(kind="bid_received").count() == 1
    assert DomainEvent.objects.filter(name="bid.submitted").count() == 2  # the trail keeps both


def test_the_marketplace_does_not_import_its_consequences():
    """Indexing and notifications follow marketplace events; marketplace never imports them."""
    import ast
    from pathlib import Path

    source = Path(services.__file__).read_text()
    imported = {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom) and node.module}
    assert not {m for m in imported if m.split(".")[0] in ("indexing", "notifications")}
