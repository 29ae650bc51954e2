"""What the Schemathesis run (test_schemathesis.py) found, pinned as plain tests that do not depend
on the generator or its seed."""

import pytest

from tests.factories.deals import DealFactory


@pytest.mark.parametrize("year", ["0", "0.0", "10000", "1e10", "-2026"])
def test_a_registration_year_that_cannot_be_a_date_is_a_400_not_a_500(world, year):
    """GET /api/deals/?registered_year=0 raised ValueError("year 0 is out of range") in the year lookup."""
    response = world.client("operator").get("/api/deals/", {"registered_year": year})

    assert response.status_code == 400
    assert "registered_year" in response.json()["fields"]


def test_a_registration_year_filter_still_filters(world):
    from datetime import date

    DealFactory(registered_on=date(2026, 5, 8))

    assert world.client("operator").get("/api/deals/", {"registered_year": "2026"}).json()["count"] == 1
    assert world.client("operator").get("/api/deals/", {"registered_year": "2025"}).json()["count"] == 0


@pytest.mark.parametrize("organisation", ["1e30", "99999999999999999999", "0", "-1"])
def test_an_organisation_id_beyond_a_database_integer_is_a_400_not_a_500(world, organisation):
    """GET /api/deals/?organisation=1e30 raised OverflowError (SQLite) / DataError (PostgreSQL)."""
    response = world.client("operator").get("/api/deals/", {"organisation": organisation})

    assert response.status_code == 400
    assert "organisation" in response.json()["fields"]


@pytest.mark.parametrize("content_type", ["multipart/form-data", "application/x-www-form-urlencoded"])
def test_a_form_encoded_body_is_refused_rather_than_half_read(world, content_type):
    """A multipart PATCH carrying `indicators` as a JSON part answered 200 and silently kept the old
    indicators: form encodings cannot carry nested fields. JSON is the only body the API parses
    (the registry import declares multipart itself)."""
    from tests.factories.marketplace import ChallengeFactory

    challenge = ChallengeFactory(organisation=world.orgs["owner"], created_by=world.users["owner"])
    client = world.client("owner")
    body = {"summary": "新的摘要", "indicators": '[{"name": "穿刺强度", "target": "", "unit": "gf"}]'}

    if content_type == "multipart/form-data":
        response = client.patch(f"/api/challenges/{challenge.pk}/", body, format="multipart")
    else:
        from urllib.parse import urlencode

        response = client.generic(
            "PATCH", f"/api/challenges/{challenge.pk}/", urlencode(body), content_type=content_type
        )

    assert response.status_code == 415
    challenge.refresh_from_db()
    assert challenge.summary != "新的摘要"


def test_the_same_change_as_json_is_validated_field_by_field(world):
    from tests.factories.marketplace import ChallengeFactory

    challenge = ChallengeFactory(organisation=world.orgs["owner"], created_by=world.users["owner"])

    response = world.client("owner").patch(
        f"/api/challenges/{challenge.pk}/",
        {"indicators": [{"name": "穿刺强度", "target": "", "unit": "gf"}]},
        format="json",
    )

    assert response.status_code == 400 and "indicators" in response.json()["fields"]


def test_the_import_still_takes_a_multipart_file(world):
    from tests.backend.deals.files import csv_upload, row

    response = world.client("operator").post("/api/deals/import/", {"file": csv_upload([row(1)])}, format="multipart")

    assert response.status_code == 202


@pytest.mark.parametrize(
    "body",
    [
        {
            "title": "隔膜涂布车间粉尘治理",
            "description": "技术服务",
            "industry": "*\u0000",
            "cooperation_type": "service",
        },
        {"title": "隔膜涂布车间粉尘治理", "description": "技术服务", "industry": "new_energy_vehicle", "\u0000": "x"},
    ],
    ids=["in-a-value", "in-a-key"],
)
def test_a_nul_character_in_a_body_is_a_400_on_every_database(world, body):
    """POST /api/needs/ with a NUL in `industry` looked the industry up with it: PostgreSQL refuses NUL
    in text (DataError, a 500); SQLite answered 400. Found by the fuzz run in CI, on PostgreSQL."""
    from marketplace.models import Need

    response = world.client("owner").post("/api/needs/", body, format="json")

    assert response.status_code == 400 and response.json()["code"] == "parse_error"
    assert not Need.objects.filter(title="隔膜涂布车间粉尘治理").exists()


def test_a_nul_character_in_a_query_parameter_is_a_400_not_a_500(world):
    """A filter's text must never reach PostgreSQL with a NUL in it (DataError); the filter refuses it."""
    response = world.client("operator").get("/api/deals/", {"q": "长兴\u0000"})

    assert response.status_code == 400 and "q" in response.json()["fields"]
