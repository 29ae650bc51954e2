"""The policy targets the platform computes (dashboard.targets), from a fixture counted by hand:

challenges (榜额, list, funding, status, marks):
  A 3,000,000.00 替代 企业出资 accepted, key project, 填补国内空白
  B 2,000,000.00 倒逼 先投后股 in progress, key project
  C 1,500,000.00 引领 先投后股 awarded
  D   500,000.00 转化 企业出资 accepted, 实现进口替代 (not a key project)
  E 9,000,000.00 替代 先投后股 published, key project (not awarded yet: counts nowhere)
  F 4,000,000.00 倒逼 企业出资 failed, key project (not implemented: counts nowhere)
  G   800,000.00 引领 企业出资 awarded, invitation-only (counted; its title hidden from officials)
=> 重点科研攻关项目 2 (A, B); 标志性成果 2 (A 填补空白, D 进口替代);
   揭榜挂帅榜额 A+B+C+D+G = 780万元: 倒逼 200, 引领 230, 替代 300, 转化 50;
   先投后股 B+C = 350万元.
consortia: X led by the owner, 龙头企业 from 2025-01-01 (formed 2025-06-01: counts);
   Y led by the other enterprise, 龙头企业 only from 2026-01-01 (formed 2025-03-01: does not);
   Z led by the owner, formed 2024-12-31, before its qualification (does not) => 1.
"""

from datetime import date
from decimal import Decimal

import pytest

from accounts.models import InnovationConsortium, Qualification
from dashboard.models import PolicyTarget
from marketplace.models import Challenge
from tests.factories.marketplace import ChallengeFactory

S, L, F = Challenge.Status, Challenge.ListType, Challenge.FundingMode
D = Decimal


@pytest.fixture
def platform(world):
    owner, official = world.orgs["owner"], world.users["official"]

    def challenge(title, bounty, list_type, funding, status, **kw):
        return ChallengeFactory(
            organisation=owner,
            created_by=world.users["owner"],
            title=title,
            bounty=D(bounty),
            list_type=list_type,
            funding_mode=funding,
            status=status,
            **kw,
        )

    challenge("A", "3000000", L.SUBSTITUTION, F.ENTERPRISE, S.ACCEPTED, key_project=True, landmark="gap_filling")
    challenge("B", "2000000", L.FORCED, F.INVEST_THEN_EQUITY, S.IN_PROGRESS, key_project=True)
    challenge("C", "1500000", L.LEADING, F.INVEST_THEN_EQUITY, S.AWARDED)
    challenge("D", "500000", L.TRANSFORMATION, F.ENTERPRISE, S.ACCEPTED, landmark="import_substitution")
    challenge("E", "9000000", L.SUBSTITUTION, F.INVEST_THEN_EQUITY, S.PUBLISHED, key_project=True)
    challenge("F", "4000000", L.FORCED, F.ENTERPRISE, S.FAILED, key_project=True)
    challenge(
        "G", "800000", L.LEADING, F.ENTERPRISE, S.AWARDED, confidentiality=Challenge.Confidentiality.INVITATION_ONLY
    )
    for org, start in ((owner, date(2025, 1, 1)), (world.orgs["other_enterprise"], date(2026, 1, 1))):
        Qualification.objects.create(
            uscc=org.uscc,
            name=org.name,
            kind="leading",
            valid_from=start,
            source="市级龙头企业名单",
            created_by=official,
        )
    for name, lead, formed in (
        ("X 新能源汽车创新联合体", owner, date(2025, 6, 1)),
        ("Y 时空信息创新联合体", world.orgs["other_enterprise"], date(2025, 3, 1)),
        ("Z 早期联合体", owner, date(2024, 12, 31)),
    ):
        InnovationConsortium.objects.create(
            name=name, lead=lead, established_on=formed, source="备案", created_by=official
        )
    return world


def board(world, role="official") -> dict:
    response = world.client(role).get("/api/dashboard/targets/")
    assert response.status_code == 200
    return {t["code"]: t for t in response.json()}


def records(world, code, part="", role="official") -> list[dict]:
    target = PolicyTarget.objects.get(code=code)
    response = world.client(role).get(f"/api/dashboard/targets/{target.pk}/records/", {"part": part})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_the_computed_targets_are_seeded_beside_the_policys_others(db):
    computed = PolicyTarget.objects.filter(
        code__in=[
            "key_research_projects",
            "landmark_achievements",
            "innovation_consortia",
            "challenges_by_list",
            "invest_then_equity",
        ]
    )
    assert {t.code: t.target_value for t in computed} == {
        "key_research_projects": D("500.00"),
        "landmark_achievements": D("50.00"),
        "innovation_consortia": D("10.00"),
        "challenges_by_list": None,
        "invest_then_equity": None,
    }


def test_each_computed_target_has_its_hand_counted_value_and_says_how(platform):
    targets = board(platform)

    assert {code: targets[code]["computed"]["value"] for code in targets if targets[code]["source"] == "computed"} == {
        "key_research_projects": "2.00",
        "landmark_achievements": "2.00",
        "innovation_consortia": "1.00",
        "challenges_by_list": "780.00",
        "invest_then_equity": "350.00",
    }
    assert targets["key_research_projects"]["progress_ratio"] == "0.0040"  # 2 / 500
    assert targets["challenges_by_list"]["progress_ratio"] is None  # the policy sets no figure
    assert "重点科研攻关项目" in targets["key_research_projects"]["computed"]["description"]
    assert (
        targets["high_tech_enterprises"]["source"] == "manual" and targets["high_tech_enterprises"]["computed"] is None
    )


def test_the_volume_by_list_shows_all_four_lists(platform):
    parts = board(platform)["challenges_by_list"]["computed"]["parts"]

    assert [(p["key"], p["value"], p["count"]) for p in parts] == [
        ("forced", "200.00", 1),
        ("leading", "230.00", 2),
        ("substitution", "300.00", 1),
        ("transformation", "50.00", 1),
    ]


def test_the_drill_down_lists_the_records_behind_each_value(platform):
    assert [r["title"] for r in records(platform, "key_research_projects")] == ["A", "B"]
    assert sorted(r["title"] for r in records(platform, "landmark_achievements")) == ["A", "D"]
    assert [r["title"] for r in records(platform, "landmark_achievements", part="import_substitution")] == ["D"]
    assert [(r["kind"], r["title"], r["organisation"]) for r in records(platform, "innovation_consortia")] == [
        ("consortium", "X 新能源汽车创新联合体", "长兴天能电池材料有限公司")
    ]
    leading = records(platform, "challenges_by_list", part="leading")
    assert sum(D(r["amount"]) for r in leading) == D("2300000.00")


def test_an_invitation_only_challenge_counts_but_its_title_is_hidden_from_who_may_not_see_it(platform):
    as_official = {r["title"] for r in records(platform, "challenges_by_list", part="leading")}
    as_operator = {r["title"] for r in records(platform, "challenges_by_list", part="leading", role="operator")}

    assert as_official == {"C", "保密榜单"} and as_operator == {"C", "G"}


def test_a_computed_target_takes_no_progress_by_hand_and_a_manual_one_has_no_records(platform):
    computed = PolicyTarget.objects.get(code="key_research_projects")
    manual = PolicyTarget.objects.get(code="high_tech_enterprises")
    client = platform.client("official")

    refused = client.post(
        f"/api/dashboard/targets/{computed.pk}/progress/", {"value": "600", "as_of": "2026-01-01"}, format="json"
    )

    assert refused.status_code == 409
    assert client.get(f"/api/dashboard/targets/{manual.pk}/records/").status_code == 404


@pytest.mark.parametrize("role", ["owner", "institute", "anonymous"])
def test_only_dashboard_viewers_read_the_records(platform, role):
    target = PolicyTarget.objects.get(code="key_research_projects")

    assert platform.client(role).get(f"/api/dashboard/targets/{target.pk}/records/").status_code in (401, 403)


@pytest.mark.django_db
def test_the_board_reads_in_a_bounded_number_of_queries(platform, django_assert_max_num_queries):
    client = platform.client("official")
    client.get("/api/dashboard/targets/")  # warm the token and permission caches
    with django_assert_max_num_queries(40):
        client.get("/api/dashboard/targets/")
