"""`invited` on a challenge: a list of verified enterprises and institutes other than the owner."""

import pytest

from marketplace.models import Challenge
from tests.backend.marketplace.payloads import challenge_body

INVITATION_ONLY = Challenge.Confidentiality.INVITATION_ONLY


@pytest.mark.parametrize("invitee", ["operator", "official", "owner", "unverified_institute"])
def test_only_verified_enterprises_and_institutes_other_than_the_owner_can_be_invited(world, invitee):
    owner = world.client("owner")
    body = challenge_body(confidentiality=INVITATION_ONLY, invited=[world.orgs["institute"].pk, world.orgs[invitee].pk])

    created = owner.post("/api/challenges/", body, format="json")

    assert created.status_code == 400, created.json()
    assert created.json()["extra"] == {"field": "invited", "organisations": [world.orgs[invitee].pk]}
    assert world.orgs[invitee].name in created.json()["detail"]
    assert not Challenge.objects.exists()


@pytest.mark.parametrize("invitee", ["operator", "official", "owner", "unverified_institute"])
def test_an_update_cannot_invite_them_either(world, invitee):
    owner = world.client("owner")
    cid = owner.post(
        "/api/challenges/",
        challenge_body(confidentiality=INVITATION_ONLY, invited=[world.orgs["institute"].pk]),
        format="json",
    ).json()["id"]

    updated = owner.patch(f"/api/challenges/{cid}/", {"invited": [world.orgs[invitee].pk]}, format="json")

    assert updated.status_code == 400 and updated.json()["extra"]["field"] == "invited"
    assert list(Challenge.objects.get(pk=cid).invited.all()) == [world.orgs["institute"]]


def test_invited_must_be_a_list_not_an_object(world):
    institute = str(world.orgs["institute"].pk)

    created = world.client("owner").post(
        "/api/challenges/", challenge_body(confidentiality=INVITATION_ONLY, invited={institute: True}), format="json"
    )

    assert created.status_code == 400 and "invited" in created.json()["fields"]
    assert not Challenge.objects.exists()


def test_enterprises_and_institutes_can_be_invited(world):
    invited = [world.orgs["institute"].pk, world.orgs["other_enterprise"].pk]

    created = world.client("owner").post(
        "/api/challenges/", challenge_body(confidentiality=INVITATION_ONLY, invited=invited), format="json"
    )

    assert created.status_code == 201, created.json()
    assert sorted(o["id"] for o in created.json()["invited"]) == sorted(invited)
