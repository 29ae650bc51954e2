"""The targets board: the policy's other 2027 targets as data, with progress entered by officials."""

from decimal import Decimal

import pytest

from dashboard.models import PolicyTarget, TargetProgress


def test_the_policys_2027_targets_are_seeded_one_indicator_each(db):
    targets = {t.code: t for t in PolicyTarget.objects.all()}

    assert len(targets) == 36 and {t.year for t in targets.values()} == {2027}
    assert (targets["high_tech_enterprises"].target_value, targets["high_tech_enterprises"].unit) == (
        Decimal("2500.00"),
        "家",
    )
    assert (
        targets["innovative_city_rank"].direction == "at_most"
        and targets["innovative_city_rank"].target_text == "全国前20位"
    )
    assert targets["provincial_new_rd"].direction == "about"
    assert {targets[c].group for c in ("provincial_key_labs", "provincial_innovation_centres")} == {
        "全省重点实验室 / 省技术创新中心"
    }


def test_officials_enter_progress_and_the_board_shows_the_latest_with_its_history(world):
    target = PolicyTarget.objects.get(code="high_tech_enterprises")
    client = world.client("official")

    first = client.post(
        f"/api/dashboard/targets/{target.pk}/progress/",
        {"value": "1850", "as_of": "2026-06-30", "note": "上半年统计"},
        format="json",
    )
    second = world.client("operator").post(
        f"/api/dashboard/targets/{target.pk}/progress/",
        {"value": "1980", "as_of": "2026-09-30", "note": "省科技厅第二批公示"},
        format="json",
    )

    assert first.status_code == second.status_code == 201
    board = {t["code"]: t for t in client.get("/api/dashboard/targets/").json()}
    assert (
        board["high_tech_enterprises"]["latest"]["value"] == "1980.00"
        and board["high_tech_enterprises"]["progress_ratio"] == "0.7920"
    )
    assert board["tech_smes"]["latest"] is None and board["tech_smes"]["progress_ratio"] is None
    detail = client.get(f"/api/dashboard/targets/{target.pk}/").json()
    assert [(h["value"], h["as_of"], h["by"]) for h in detail["history"]] == [
        ("1980.00", "2026-09-30", "operator"),
        ("1850.00", "2026-06-30", "official"),
    ]


def test_a_ranking_target_is_met_at_or_below_its_rank(world):
    target = PolicyTarget.objects.get(code="innovative_city_rank")
    client = world.client("official")

    client.post(f"/api/dashboard/targets/{target.pk}/progress/", {"value": "25", "as_of": "2026-01-15"}, format="json")
    assert client.get(f"/api/dashboard/targets/{target.pk}/").json()["progress_ratio"] == "0.8000"  # 20 / 25
    client.post(f"/api/dashboard/targets/{target.pk}/progress/", {"value": "18", "as_of": "2026-10-15"}, format="json")
    assert client.get(f"/api/dashboard/targets/{target.pk}/").json()["progress_ratio"] == "1.0000"


def test_progress_in_the_future_is_refused(world):
    target = PolicyTarget.objects.get(code="tech_smes")

    response = world.client("official").post(
        f"/api/dashboard/targets/{target.pk}/progress/", {"value": "9000", "as_of": "2099-12-31"}, format="json"
    )

    assert response.status_code == 400 and "as_of" in response.json()["fields"] and TargetProgress.objects.count() == 0


@pytest.mark.parametrize("role", ["owner", "institute"])
def test_enterprises_neither_see_nor_fill_the_board(world, role):
    target = PolicyTarget.objects.get(code="tech_smes")
    client = world.client(role)

    assert client.get("/api/dashboard/targets/").status_code == 403
    assert (
        client.post(
            f"/api/dashboard/targets/{target.pk}/progress/", {"value": "1", "as_of": "2026-01-01"}, format="json"
        ).status_code
        == 403
    )


def test_a_progress_entry_is_never_rewritten(world):
    from django.core.exceptions import ValidationError

    target = PolicyTarget.objects.get(code="tech_smes")
    world.client("official").post(
        f"/api/dashboard/targets/{target.pk}/progress/", {"value": "8600", "as_of": "2026-06-30"}, format="json"
    )
    entry = TargetProgress.objects.get()

    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
