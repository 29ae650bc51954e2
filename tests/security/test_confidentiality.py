"""Confidential challenge details never reach an outsider, whatever the endpoint.

A summary-only challenge shows outsiders its title and public summary; an invitation-only one
does not exist for them. Distinctive markers are written into every confidential field (and, for
the invitation-only challenge, its title and summary too); then every GET operation of the OpenAPI
document (lists, details, search, matches, recommendations, bids, notifications, the ledger, the
dashboard and its exports) is called as each outsider, with every id that the world holds, and no
body may contain a marker. tests/backend/marketplace/api/test_confidentiality.py covers the
challenge endpoints themselves in detail; this sweep covers everything else, including operations
added later.
"""

import io
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from accounts.models import Organisation, User
from deals.services import deal_record, deal_register
from indexing.services import index_now
from marketplace import services as marketplace
from marketplace.models import Challenge
from notifications.services import notify_matches
from tests.backend.conftest import World
from tests.factories.accounts import OrganisationFactory, UserFactory
from tests.factories.deals import ledger_keeper
from tests.factories.marketplace import BidFactory, CapabilityFactory, ChallengeFactory

C = Challenge.Confidentiality
SUMMARY_ONLY_MARKERS = ["KX7-GRADIENT-DOPING", "残碱含量机密指标QX-31", "XIRCON-77"]  # description, indicator, keyword
INVITATION_MARKERS = ["INVITE-TITLE-5512", "INVITE-SUMMARY-8841", "INVITE-DESC-2290", "INVITE-KEY-6603"]
SUMMARY_ONLY_OUTSIDERS = ["anonymous", "other_enterprise", "institute", "unverified_institute", "official"]
INVITATION_OUTSIDERS = ["anonymous", "other_enterprise", "unverified_institute", "official"]  # the institute is invited
TEXT = "高镍三元正极材料表面包覆改性，降低残碱、提升循环寿命，面向动力电池量产。"


@pytest.fixture
def secrets_world(world: World) -> dict:
    """Both confidential challenges, published and in the index, matched with an institute's
    capability (so they reach matches, recommendations and notifications), the summary-only one
    awarded to an institute that accepted its terms and turned into a registered contract (so it
    reaches the ledger, the dashboard and its exports)."""
    owner = {"organisation": world.orgs["owner"], "created_by": world.users["owner"]}
    summary_only = ChallengeFactory(
        status=Challenge.Status.PUBLISHED,
        confidentiality=C.SUMMARY_ONLY,
        title="高镍正极材料残碱控制攻关",
        summary="高镍正极材料改性（详情需签署保密条款）",
        description=f"{TEXT}采用{SUMMARY_ONLY_MARKERS[0]}工艺路线。",
        indicators=[{"name": SUMMARY_ONLY_MARKERS[1], "target": "≤500", "unit": "ppm"}],
        keywords=[SUMMARY_ONLY_MARKERS[2]],
        **owner,
    )
    invitation_only = ChallengeFactory(
        status=Challenge.Status.PUBLISHED,
        confidentiality=C.INVITATION_ONLY,
        title=f"定向邀请{INVITATION_MARKERS[0]}",
        summary=f"{INVITATION_MARKERS[1]}固态电解质界面改性",
        description=f"{TEXT}{INVITATION_MARKERS[2]}",
        indicators=[{"name": "界面阻抗", "target": "≤20", "unit": "Ω·cm²"}],
        keywords=[INVITATION_MARKERS[3]],
        **owner,
    )
    invitation_only.invited.add(world.orgs["institute"])
    capability = CapabilityFactory(
        organisation=world.orgs["institute"],
        created_by=world.users["institute"],
        title="高镍正极表面包覆与残碱控制技术",
        description=TEXT,
    )
    for posting in (summary_only, invitation_only, capability):
        index_now(posting=posting)
    for challenge in (summary_only, invitation_only):
        notify_matches(kind="challenge", posting_id=challenge.pk)

    insider = OrganisationFactory(kind=Organisation.Kind.INSTITUTE, name="浙江大学湖州研究院", region="wuxing")
    insider_user = UserFactory(organisation=insider, username="insider")
    marketplace.terms_accept(challenge=summary_only, by=insider_user)
    bid = BidFactory(challenge=summary_only, organisation=insider, created_by=insider_user, price=Decimal("2600000.00"))
    marketplace.challenge_close(challenge=summary_only, by=world.users["owner"])
    summary_only = marketplace.challenge_award(
        challenge=Challenge.objects.get(pk=summary_only.pk), by=world.users["owner"], bid_ids=[bid.pk]
    )
    today = timezone.localdate()
    deal = deal_record(
        by=world.users["owner"],
        contract_number="2026330502009901",
        origin="challenge",
        challenge=summary_only,
        signed_on=today - timedelta(days=1),
    )
    deal_register(deal=deal, by=ledger_keeper(), registration_number="330502-2026-9901", registered_on=today)
    return {
        "challenges": [summary_only.pk, invitation_only.pk],
        "capabilities": [capability.pk],
        "deals": [deal.pk],
        "bids": [bid.pk],
        "year": today.year,
    }


def get_operations() -> list[str]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(path for path, item in schema["paths"].items() if "get" in item)


def queries(path: str, ids: dict, marker: str) -> list[dict]:
    year = ids["year"]
    return {
        "/api/search/": [{}, {"q": marker}, {"q": "高镍正极"}, {"q": "定向邀请"}, {"q": "固态电解质"}],
        "/api/challenges/": [{}, {"search": marker}],
        "/api/deals/": [{}, {"q": "高镍"}],
        "/api/dashboard/summary/": [{"year": year}],
        "/api/dashboard/drilldown/": [{"year": year, "figure": "total"}],
        "/api/dashboard/drilldown/export/": [
            {"year": year, "figure": "total", "file_format": f} for f in ("csv", "xlsx")
        ],
        "/api/deals/import-template/": [{"file_format": "xlsx"}],
        "/api/deals/prefill/": [{"challenge": pk} for pk in ids["challenges"]],
    }.get(path, [{}])


def urls(path: str, ids: dict, organisation_ids: list[int]) -> list[str]:
    pools = {
        "challenges": ids["challenges"],
        "capabilities": ids["capabilities"],
        "deals": ids["deals"],
        "organisations": organisation_ids,
    }
    if "{id}" not in path:
        return [path]
    collection = path.strip("/").split("/")[1]
    found = [path.replace("{id}", str(pk)) for pk in pools.get(collection, [])]
    if "{bid_id}" in path:
        found = [url.replace("{bid_id}", str(pk)) for url in found for pk in ids["bids"]]
    return found


def readable(response) -> str:
    """The body as text; an XLSX export is a zip of XML parts, each read."""
    body = response.content
    if body.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return body.decode("utf-8", "replace")


def sweep(world: World, ids: dict, roles: list[str], markers: list[str]) -> tuple[list[str], int]:
    leaks, calls = [], 0
    organisation_ids = [o.pk for o in world.orgs.values()]
    for path in get_operations():
        for url in urls(path, ids, organisation_ids):
            for query in queries(path, ids, markers[0]):
                for role in roles:
                    response = world.client(role).get(url, query)
                    calls += 1
                    text = readable(response)
                    found = [m for m in markers if m in text]
                    if found:
                        leaks.append(f"{role} GET {url} {query} -> {response.status_code}: {found}")
    return leaks, calls


def challenge_hits(search: dict) -> list[int]:
    return [hit["posting"]["id"] for hit in search["results"] if hit["posting"]["kind"] == "challenge"]


def test_the_markers_are_where_insiders_see_them(world, secrets_world):
    """Proves the sweep below can fail: the owner reads every marker."""
    owner = world.client("owner")
    summary_only, invitation_only = secrets_world["challenges"]

    texts = (
        owner.get(f"/api/challenges/{summary_only}/").content.decode()
        + owner.get(f"/api/challenges/{invitation_only}/").content.decode()
    )

    assert all(m in texts for m in SUMMARY_ONLY_MARKERS + INVITATION_MARKERS)
    assert INVITATION_MARKERS[0] in world.client("institute").get("/api/challenges/").content.decode()


def test_summary_only_details_reach_no_outsider_through_any_get_operation(world, secrets_world):
    leaks, calls = sweep(world, secrets_world, SUMMARY_ONLY_OUTSIDERS, SUMMARY_ONLY_MARKERS)

    assert calls > 200
    assert leaks == []


def test_an_invitation_only_challenge_reaches_no_uninvited_party_through_any_get_operation(world, secrets_world):
    leaks, calls = sweep(world, secrets_world, INVITATION_OUTSIDERS, INVITATION_MARKERS)

    assert calls > 150
    assert leaks == []


def test_the_summary_only_challenge_is_still_found_by_outsiders(world, secrets_world):
    """Withholding is not hiding: outsiders find it and read its title and summary (what the index
    holds of it is pinned by tests/backend/indexing/test_index_contents.py)."""
    found = world.client("anonymous").get("/api/search/", {"q": "高镍正极材料残碱控制"}).json()

    assert secrets_world["challenges"][0] in challenge_hits(found)


def test_the_deal_from_a_confidential_challenge_is_in_the_officials_export(world, secrets_world):
    """The export sweep above is meaningful: the contract is there, its challenge's details are not."""
    export = world.client("official").get(
        "/api/dashboard/drilldown/export/", {"year": secrets_world["year"], "figure": "total", "file_format": "csv"}
    )

    assert export.status_code == 200 and "2026330502009901" in export.content.decode("utf-8-sig")


def test_the_insider_who_accepted_the_terms_reads_the_details(secrets_world):
    insider = APIClient()
    insider.force_authenticate(User.objects.get(username="insider"))

    detail = insider.get(f"/api/challenges/{secrets_world['challenges'][0]}/").content.decode()

    assert all(m in detail for m in SUMMARY_ONLY_MARKERS)


def test_an_uninvited_organisation_named_as_a_partner_learns_nothing_of_an_invitation_only_challenge(
    world, secrets_world
):
    """A bidder cannot name an uninvited partner; and a partner link that exists anyway (the invitation
    was revoked after it was named) gives nothing before it is accepted, through any GET operation."""
    from marketplace.models import BidPartner

    invitation_only = Challenge.objects.get(pk=secrets_world["challenges"][1])
    body = {
        "proposal": "界面改性方案",
        "approach": "原位聚合",
        "price": "1800000.00",
        "duration_days": 300,
        "partners": [{"organisation": world.orgs["other_enterprise"].pk, "role": "中试"}],
    }

    named = world.client("institute").post(f"/api/challenges/{invitation_only.pk}/bids/", body, format="json")
    bid = BidFactory(
        challenge=invitation_only, organisation=world.orgs["institute"], created_by=world.users["institute"]
    )
    BidPartner.objects.create(bid=bid, organisation=world.orgs["other_enterprise"], role="中试")
    leaks, calls = sweep(world, {**secrets_world, "bids": [bid.pk]}, ["other_enterprise"], INVITATION_MARKERS)

    assert named.status_code == 400 and named.json()["extra"]["field"] == "partners"
    assert calls > 30
    assert leaks == []
