"""A small marketplace: one organisation of every kind, a user in each, postings in useful states."""

from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from accounts.models import Organisation, User
from accounts.services import token_issue
from marketplace.models import Bid, Capability, Challenge, Need
from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.marketplace import BidFactory, CapabilityFactory, ChallengeFactory, NeedFactory

K, V = Organisation.Kind, Organisation.Verification
ROLES = ["anonymous", "owner", "other_enterprise", "institute", "unverified_institute", "official", "operator"]


@dataclass
class World:
    users: dict[str, User]
    orgs: dict[str, Organisation]

    def token(self, role: str) -> str:
        """One API token per role for the whole test, as a signed-in client would keep it."""
        tokens = self.__dict__.setdefault("_tokens", {})
        if role not in tokens:
            tokens[role] = token_issue(user=self.users[role])
        return tokens[role]

    def client(self, role: str) -> APIClient:
        client = APIClient()
        if role != "anonymous":
            client.credentials(HTTP_AUTHORIZATION=f"Token {self.token(role)}")
        return client


@pytest.fixture
def world(db) -> World:
    orgs = {
        "owner": OrganisationFactory(kind=K.ENTERPRISE, name="长兴天能电池材料有限公司"),
        "other_enterprise": OrganisationFactory(
            kind=K.ENTERPRISE, name="德清北斗时空信息科技有限公司", region="deqing"
        ),
        "institute": OrganisationFactory(kind=K.INSTITUTE, name="湖州南太湖新能源材料研究院", region="nantaihu"),
        "unverified_institute": OrganisationFactory(
            kind=K.INSTITUTE, name="南浔先进制造研究所", verification=V.UNVERIFIED
        ),
        "official": OrganisationFactory(kind=K.GOVERNMENT, name="湖州市科学技术局", institute_type=""),
        "operator": OrganisationFactory(kind=K.OPERATOR, name="湖州科技大市场运营中心", institute_type=""),
    }
    users = {role: UserFactory(organisation=org, username=role) for role, org in orgs.items()}
    return World(users=users, orgs=orgs)


@pytest.fixture
def published(world) -> Challenge:
    return ChallengeFactory(
        organisation=world.orgs["owner"], created_by=world.users["owner"], status=Challenge.Status.PUBLISHED
    )


@pytest.fixture
def draft(world) -> Challenge:
    return ChallengeFactory(
        organisation=world.orgs["owner"], created_by=world.users["owner"], title="低成本钠离子电池正极材料"
    )


@pytest.fixture
def institute_bid(world, published) -> Bid:
    return BidFactory(challenge=published, organisation=world.orgs["institute"], created_by=world.users["institute"])


def need_for(world, status=Need.Status.OPEN) -> Need:
    return NeedFactory(organisation=world.orgs["owner"], created_by=world.users["owner"], status=status)


def capability_for(world, status=Capability.Status.PUBLISHED) -> Capability:
    return CapabilityFactory(organisation=world.orgs["institute"], created_by=world.users["institute"], status=status)
