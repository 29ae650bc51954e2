"""A clock for the ledger's "as of" tests: every write inside `frozen(...)` happens at that moment."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

HUZHOU = ZoneInfo("Asia/Shanghai")


def moment(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=HUZHOU)


@contextmanager
def frozen(at: datetime) -> Iterator[None]:
    with mock.patch("django.utils.timezone.now", return_value=at):
        yield


def add_district_official(world, *, district: str = "deqing", name: str = "德清县科学技术局") -> str:
    """A district bureau's official (区县科技局), granted by the operator through the accounts API;
    the role's name in `world` (world.client(role) signs in as them)."""
    from accounts.models import Organisation
    from tests.factories.accounts import OrganisationFactory, UserFactory

    bureau = OrganisationFactory(kind=Organisation.Kind.GOVERNMENT, name=name, region=district, institute_type="")
    role = f"{district}_official"
    user = UserFactory(organisation=bureau, username=role, grant=False)
    granted = world.client("operator").post(
        "/api/grants/",
        {"user": user.pk, "power": "official", "district": district, "reason": f"{name}：辖区技术合同台账"},
        format="json",
    )
    assert granted.status_code == 201, granted.content
    user.forget_powers()
    assert user.is_official and user.official_district == district
    world.users[role] = user
    return role


SECRET_TITLE = "硫化物固态电解质界面改性中试攻关"


def record_from_confidential_challenge(world, *, number: str = "2026330502000999", registered=True):
    """An invitation-only challenge of the owner, to which only the institute was invited, awarded
    to the institute; the owner records the contract (its title pre-filled with the challenge's)
    and the operator registers it. Returns (challenge, deal)."""
    from datetime import date
    from decimal import Decimal

    from deals import services
    from deals.models import DealOrigin
    from marketplace import services as marketplace
    from marketplace.models import Challenge
    from tests.factories.deals import ledger_keeper
    from tests.factories.marketplace import BidFactory, ChallengeFactory

    challenge = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status=Challenge.Status.CLOSED,
        title=SECRET_TITLE,
        confidentiality=Challenge.Confidentiality.INVITATION_ONLY,
    )
    challenge.invited.add(world.orgs["institute"])
    bid = BidFactory(
        challenge=challenge,
        organisation=world.orgs["institute"],
        created_by=world.users["institute"],
        price=Decimal("3200000.00"),
    )
    marketplace.challenge_award(challenge=challenge, by=world.users["owner"], bid_ids=[bid.pk])
    challenge.refresh_from_db()
    deal = services.deal_record(
        by=world.users["owner"],
        contract_number=number,
        origin=DealOrigin.CHALLENGE,
        challenge=challenge,
        signed_on=date(2026, 9, 1),
    )
    assert deal.title == SECRET_TITLE  # pre-filled from the challenge
    if registered:
        deal = services.deal_register(
            deal=deal,
            by=ledger_keeper(),
            registration_number=f"DJ-{number}",
            registered_on=date(2026, 10, 9),
            reason="经技术市场审核，符合认定条件",
        )
    return challenge, deal
