"""Confidential details never leak: not in lists, not in details, not to the wrong viewer."""

import json

import pytest

from marketplace.models import Challenge
from tests.backend.marketplace.payloads import bid_body
from tests.factories.marketplace import ChallengeFactory

C = Challenge.Confidentiality
SECRET = "采用专有的梯度掺杂配方KX-7与特殊烧结曲线"


@pytest.fixture
def summary_only(world):
    return ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status=Challenge.Status.PUBLISHED,
        confidentiality=C.SUMMARY_ONLY,
        description=SECRET,
        summary="高镍正极材料改性（详情需签署保密条款）",
        indicators=[{"name": "KX-7 残碱含量", "target": "≤500", "unit": "ppm"}],
        keywords=["KX-7"],
    )


@pytest.fixture
def invitation_only(world):
    challenge = ChallengeFactory(
        organisation=world.orgs["owner"],
        created_by=world.users["owner"],
        status=Challenge.Status.PUBLISHED,
        confidentiality=C.INVITATION_ONLY,
        title="定向邀请：固态电解质界面改性",
        description=SECRET,
    )
    challenge.invited.add(world.orgs["institute"])
    return challenge


@pytest.mark.parametrize("role", ["anonymous", "other_enterprise", "institute", "unverified_institute", "official"])
def test_summary_only_details_are_withheld_from_everyone_who_has_not_accepted_the_terms(world, summary_only, role):
    client = world.client(role)

    listing = client.get("/api/challenges/").content.decode()
    detail = client.get(f"/api/challenges/{summary_only.pk}/").json()

    assert "KX-7" not in listing and "KX-7" not in json.dumps(detail, ensure_ascii=False)
    assert detail["summary"] == "高镍正极材料改性（详情需签署保密条款）"
    assert (detail["details_visible"], detail["description"], detail["indicators"], detail["keywords"]) == (
        False,
        None,
        None,
        None,
    )


def test_a_verified_institute_sees_the_details_after_accepting_the_terms_and_may_then_bid(world, summary_only):
    institute = world.client("institute")
    before = institute.post(f"/api/challenges/{summary_only.pk}/bids/", bid_body(), format="json")

    accepted = institute.post(f"/api/challenges/{summary_only.pk}/accept-terms/").json()
    after = institute.post(f"/api/challenges/{summary_only.pk}/bids/", bid_body(), format="json")

    assert before.status_code == 403 and before.json()["detail"] == "请先接受该榜单的保密条款"
    assert accepted["details_visible"] is True and accepted["description"] == SECRET
    assert after.status_code == 201


def test_the_owner_and_the_operator_always_see_the_details(world, summary_only):
    for role in ("owner", "operator"):
        assert world.client(role).get(f"/api/challenges/{summary_only.pk}/").json()["description"] == SECRET


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("institute", True),
        ("owner", True),
        ("operator", True),
        ("other_enterprise", False),
        ("official", False),
        ("anonymous", False),
    ],
)
def test_an_invitation_only_challenge_exists_only_for_the_invited(world, invitation_only, role, visible):
    client = world.client(role)

    listed = [c["id"] for c in client.get("/api/challenges/").json()["results"]]
    detail = client.get(f"/api/challenges/{invitation_only.pk}/")

    assert (invitation_only.pk in listed) is visible
    assert detail.status_code == (200 if visible else 404)
    if not visible:
        assert SECRET not in detail.content.decode()


def test_an_uninvited_organisation_cannot_bid_even_knowing_the_id(world, invitation_only):
    response = world.client("other_enterprise").post(
        f"/api/challenges/{invitation_only.pk}/bids/", bid_body(), format="json"
    )

    assert response.status_code == 404
