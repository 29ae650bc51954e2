"""The year's counted volume by the parties' qualifications, on the hand-computed year of conftest.py.

Qualifications (valid on the contract's registration date, the rule's counted date):
  owner          高新技术企业 2026-01-01 … 2028-12-31  -> buyer in D1 2,600,000.00, D4 150,000.00, D6 300,000.00
  Hangzhou seller 高新技术企业 from 2026-07-01 (no end)  -> seller in D4 (07-15)
  other enterprise 科技型中小企业 2025-01-01 … 2026-03-31 -> buyer in D2 (03-25) 1,000,000.50
  other enterprise 专精特新 from 2026-04-01             -> none of its 2026 contracts (D2 is 03-25)
=> 高企: seller 150,000.00 (1), buyer 3,050,000.00 (3), either 3,050,000.00 (3: D4 once)
   科小: buyer = either 1,000,000.50 (1); 专精特新 and 龙头企业: 0; neither party: D3 400,000.00.
"""

from datetime import date

import pytest

from accounts.models import Qualification
from tests.backend.dashboard.conftest import HANGZHOU


@pytest.fixture
def qualified(world, year_of_deals):
    official = world.users["official"]
    for uscc, kind, start, end in (
        (world.orgs["owner"].uscc, "high_tech", date(2026, 1, 1), date(2028, 12, 31)),
        (HANGZHOU.uscc, "high_tech", date(2026, 7, 1), None),
        (world.orgs["other_enterprise"].uscc, "tech_sme", date(2025, 1, 1), date(2026, 3, 31)),
        (world.orgs["other_enterprise"].uscc, "specialised", date(2026, 4, 1), None),
    ):
        Qualification.objects.create(
            uscc=uscc, name="企业", kind=kind, valid_from=start, valid_until=end, source="名单", created_by=official
        )
    return world


def test_the_years_volume_by_qualification_matches_the_hand_count(qualified):
    response = qualified.client("official").get("/api/dashboard/qualifications/", {"year": 2026})

    assert response.status_code == 200
    body = response.json()
    items = {i["kind"]: i for i in body["items"]}
    assert body["total"] == {"amount": "4450000.50", "deals": 5}
    assert (items["high_tech"]["seller"], items["high_tech"]["buyer"], items["high_tech"]["either"]) == (
        {"amount": "150000.00", "deals": 1},
        {"amount": "3050000.00", "deals": 3},
        {"amount": "3050000.00", "deals": 3},
    )
    assert items["tech_sme"]["either"] == items["tech_sme"]["buyer"] == {"amount": "1000000.50", "deals": 1}
    assert items["specialised"]["either"] == items["leading"]["either"] == {"amount": "0.00", "deals": 0}
    assert body["none"] == {"amount": "400000.00", "deals": 1}


@pytest.mark.parametrize("role", ["owner", "institute"])
def test_only_dashboard_viewers_see_the_breakdown(qualified, role):
    assert qualified.client(role).get("/api/dashboard/qualifications/", {"year": 2026}).status_code == 403
