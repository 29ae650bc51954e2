"""A district bureau's official (区县科技局, granted with a district) reads the dashboard of the
contracts with at least one party in their district: the summary, every drill-down, the direct
and the background export. The city bureau's figures are unchanged (test_summary)."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from deals import services
from deals.services import Party
from tests.backend.dashboard.test_summary import by_key, figures
from tests.backend.deals.helpers import add_district_official
from tests.factories.accounts import make_uscc
from tests.factories.deals import ledger_keeper

D = Decimal
DEQING_SELLER = Party(name="德清某地理信息研究院", uscc=make_uscc(41, prefix="12330521"), region="deqing")


@pytest.fixture
def deqing(year_of_deals):
    """year_of_deals (D2, D5 and D8 have the Deqing enterprise as buyer), plus D11: the Wuxing owner
    buys from a Deqing seller, so the city counts it in Wuxing's district figure, and Deqing's
    bureau, for whom Deqing is local, in Deqing's (its 输出)."""
    keeper = ledger_keeper()
    deal = services.deal_record(
        by=keeper,
        contract_number="D11",
        title="北斗高精度定位技术服务合同",
        contract_type="service",
        buyer=Party.of(year_of_deals.orgs["owner"]),
        seller=DEQING_SELLER,
        contract_amount=D("250000.00"),
        signed_on=date(2026, 8, 1),
    )
    services.deal_register(
        deal=deal, by=keeper, registration_number="DJ-D11", registered_on=date(2026, 8, 20), reason="审核通过"
    )
    return year_of_deals, add_district_official(year_of_deals)


def summary(world, role, **params) -> dict:
    response = world.client(role).get("/api/dashboard/summary/", {"year": 2026, **params})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def drilled(world, role, **params) -> dict:
    response = world.client(role).get("/api/dashboard/drilldown/", {"year": 2026, "page_size": 200, **params})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_the_summary_of_a_district_official_counts_the_contracts_with_a_party_in_their_district(deqing):
    world, official = deqing
    body = summary(world, official)
    city = summary(world, "official")

    assert (body["district"], body["district_label"]) == ("deqing", "德清县")
    assert (body["counted_amount"], body["counted_deals"]) == ("1250000.50", 2)  # D2 + D11
    assert body["last_year_amount"] == "700000.00"  # D8
    assert body["target_amount"] == city["target_amount"] == "17500000000.00"  # no district targets: the city's
    districts = {k: v["amount"] for k, v in by_key(body["by_district"]).items() if v["deals"]}
    # From Deqing's view its own seller is the local party of D11 (the city attributes D11 to Wuxing).
    assert districts == {"deqing": "1250000.50"}
    flows = {k: (v["amount"], v["deals"]) for k, v in by_key(body["by_flow"]).items()}
    assert flows == {"outflow": ("250000.00", 1), "inflow": ("1000000.50", 1), "local": ("0.00", 0)}
    assert [(i["label"], i["amount"]) for i in body["top_sellers"]] == [
        (world.orgs["institute"].name, "1000000.50"),
        ("德清某地理信息研究院", "250000.00"),
    ]
    assert (city["district"], city["counted_amount"]) == (None, "4700000.50")


def test_every_figure_of_a_district_official_equals_the_sum_of_their_drilldown_rows(deqing):
    world, official = deqing
    for figure, key, amount, deals in figures(summary(world, official)):
        rows = drilled(world, official, figure=figure, key=key)
        assert (rows["amount"], rows["deals"]) == (amount, deals), (figure, key)
        assert all("deqing" in (r["buyer"]["region"], r["seller"]["region"]) for r in rows["results"]), (figure, key)


def test_a_district_officials_drilldown_holds_only_their_districts_contracts(deqing):
    world, official = deqing

    assert [r["contract_number"] for r in drilled(world, official, figure="total")["results"]] == ["D2", "D11"]
    assert [r["contract_number"] for r in drilled(world, official, figure="district", key="deqing")["results"]] == [
        "D2",
        "D11",
    ]
    assert drilled(world, official, figure="district", key="wuxing")["deals"] == 0
    assert drilled(world, official, figure="origin", key="challenge")["deals"] == 0  # D1 is Wuxing and Nantaihu's
    # The city bureau: D1, D4, D6, D11, and D3 of 南太湖新区 (within 吴兴区)
    assert drilled(world, "official", figure="district", key="wuxing")["deals"] == 5


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_district_officials_direct_and_background_exports_hold_only_their_districts_contracts(
    deqing, django_capture_on_commit_callbacks, file_format
):
    from openpyxl import load_workbook

    world, official = deqing
    client = world.client(official)

    def numbers(content: bytes) -> list[str]:
        if file_format == "csv":
            return [r["合同编号"] for r in csv.DictReader(io.StringIO(content.decode("utf-8-sig")))]
        header, *cells = list(
            load_workbook(io.BytesIO(content), read_only=True).worksheets[0].iter_rows(values_only=True)
        )
        return [r[header.index("合同编号")] for r in cells]

    direct = client.get(
        "/api/dashboard/drilldown/export/", {"year": 2026, "figure": "total", "file_format": file_format}
    )
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(
            "/api/dashboard/exports/", {"year": 2026, "figure": "total", "file_format": file_format}, format="json"
        ).json()
    download = client.get(f"/api/dashboard/exports/{queued['id']}/download/")

    assert direct.status_code == download.status_code == 200
    assert numbers(direct.content) == numbers(b"".join(download.streaming_content)) == ["D2", "D11"]
    assert queued["total_rows"] == 2
