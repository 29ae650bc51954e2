"""重点科研攻关项目 is the officials' designation; 标志性成果 is marked at 验收 by the party that
accepts the work, and only with a passed acceptance."""

import pytest

from marketplace.models import Challenge
from tests.factories.marketplace import ChallengeFactory

S = Challenge.Status


def challenge_in(world, status) -> Challenge:
    return ChallengeFactory(organisation=world.orgs["owner"], created_by=world.users["owner"], status=status)


def test_an_official_designates_a_key_project_and_who_and_when_are_kept(world):
    challenge = challenge_in(world, S.IN_PROGRESS)

    response = world.client("official").post(
        f"/api/challenges/{challenge.pk}/key-project/", {"key_project": True}, format="json"
    )

    assert response.status_code == 200 and response.json()["key_project"] is True
    challenge.refresh_from_db()
    assert challenge.key_project_by == world.users["official"] and challenge.key_project_at is not None


@pytest.mark.parametrize(
    ("role", "status"), [("owner", 403), ("operator", 403), ("institute", 403), ("anonymous", 401)]
)
def test_nobody_else_designates_a_key_project_not_even_the_owner(world, role, status):
    challenge = challenge_in(world, S.AWARDED)

    response = world.client(role).post(
        f"/api/challenges/{challenge.pk}/key-project/", {"key_project": True}, format="json"
    )

    assert response.status_code == status
    challenge.refresh_from_db()
    assert challenge.key_project is False


def test_a_draft_cannot_be_a_key_project(world):
    draft = ChallengeFactory(organisation=world.orgs["official"], created_by=world.users["official"])

    response = world.client("official").post(
        f"/api/challenges/{draft.pk}/key-project/", {"key_project": True}, format="json"
    )

    assert response.status_code == 409


def test_the_owner_marks_a_landmark_result_when_it_accepts_the_work(world):
    challenge = challenge_in(world, S.IN_PROGRESS)

    response = world.client("owner").post(
        f"/api/challenges/{challenge.pk}/conclude/",
        {"accepted": True, "reason": "专家组验收通过", "landmark": "import_substitution"},
        format="json",
    )

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["landmark"]) == ("accepted", "import_substitution")


def test_a_failed_acceptance_cannot_carry_a_landmark_mark(world):
    challenge = challenge_in(world, S.IN_PROGRESS)

    response = world.client("owner").post(
        f"/api/challenges/{challenge.pk}/conclude/",
        {"accepted": False, "reason": "指标未达到", "landmark": "gap_filling"},
        format="json",
    )

    assert response.status_code == 400
    challenge.refresh_from_db()
    assert (challenge.status, challenge.landmark) == (S.IN_PROGRESS, "")


@pytest.mark.parametrize("role", ["official", "institute", "other_enterprise"])
def test_only_the_accepting_party_marks_a_landmark(world, role):
    challenge = challenge_in(world, S.IN_PROGRESS)

    response = world.client(role).post(
        f"/api/challenges/{challenge.pk}/conclude/",
        {"accepted": True, "reason": "验收", "landmark": "gap_filling"},
        format="json",
    )

    assert response.status_code == 403
    challenge.refresh_from_db()
    assert challenge.landmark == ""


def test_the_industry_list_names_the_policy_chain_each_chain_counts_under(world):
    chains = {c["code"]: c for c in world.client("anonymous").get("/api/industries/").json()}

    assert sorted(c for c, v in chains.items() if v["is_policy_chain"]) == [
        "alloy_materials",
        "artificial_intelligence",
        "biomedicine",
        "geoinformation",
        "intelligent_equipment",
        "logistics_equipment",
        "new_energy_vehicle",
        "semiconductor_optoelectronics",
    ]
    assert chains["new_energy_vehicle"]["policy_chain"] == "new_energy_vehicle"
    assert chains["digital_economy"]["policy_chain"] == "artificial_intelligence"
    assert chains["green_home"]["policy_chain"] is None  # 其他
