"""The dashboard's contracts from an invitation-only challenge: counted like every other, but an
official who may not see the challenge reads neither its title nor its id in the drill-down, the
direct CSV/XLSX download or the background export."""

import csv
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.backend.deals.helpers import SECRET_TITLE, frozen, moment, record_from_confidential_challenge

NEUTRAL = "保密榜单合同"
EXPORTS = "/api/dashboard/exports/"


@pytest.fixture
def confidential(year_of_deals):
    with frozen(
        moment(2026, 10, 10)
    ):  # written before "today", so a past `recorded_as_of` reads it from the ledger entries
        challenge, deal = record_from_confidential_challenge(year_of_deals, number="D10")
    return year_of_deals, deal


def drilled(world, role="official", **params) -> dict:
    response = world.client(role).get(
        "/api/dashboard/drilldown/", {"year": 2026, "figure": "origin", "key": "challenge", **params}
    )
    assert response.status_code == 200, response.content
    return response.json()


def csv_table(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_titles(content: bytes) -> dict[str, str]:
    header, *cells = list(load_workbook(io.BytesIO(content), read_only=True).worksheets[0].iter_rows(values_only=True))
    number, title = header.index("合同编号"), header.index("合同名称")
    return {r[number]: r[title] for r in cells}


def test_the_contract_counts_and_the_drilldown_shows_it_under_the_neutral_title(confidential):
    world, deal = confidential
    summary = world.client("official").get("/api/dashboard/summary/", {"year": 2026}).json()
    rows = drilled(world)

    from_challenges = next(i for i in summary["by_origin"] if i["key"] == "challenge")
    assert from_challenges["amount"] == rows["amount"] == "5800000.00"  # D1 2,600,000 + D10 3,200,000
    titles = {r["contract_number"]: (r["title"], r["origin_confidential"]) for r in rows["results"]}
    assert titles == {"D1": ("高安全动力电池陶瓷涂覆隔膜研发", False), "D10": (NEUTRAL, True)}
    assert SECRET_TITLE not in json.dumps(rows, ensure_ascii=False)
    assert {r["contract_number"]: r["title"] for r in drilled(world, "operator")["results"]}["D10"] == SECRET_TITLE


def test_a_drilldown_as_recorded_on_a_past_day_hides_it_too(confidential):
    # Past days are read from the ledger entries, which carry the title and the origin as well.
    world, _ = confidential
    rows = drilled(world, recorded_as_of="2026-11-01")
    assert {r["contract_number"]: r["title"] for r in rows["results"]}["D10"] == NEUTRAL
    assert SECRET_TITLE not in json.dumps(rows, ensure_ascii=False)


@pytest.mark.parametrize("figure", ["total", "origin"])
def test_the_direct_csv_and_xlsx_downloads_hold_the_neutral_title(confidential, figure):
    world, _ = confidential
    params = {"year": 2026, "figure": figure, "key": "challenge" if figure == "origin" else ""}
    client = world.client("official")

    as_csv = client.get("/api/dashboard/drilldown/export/", {**params, "file_format": "csv"})
    as_xlsx = client.get("/api/dashboard/drilldown/export/", {**params, "file_format": "xlsx"})

    assert as_csv.status_code == as_xlsx.status_code == 200
    table = {r["合同编号"]: r for r in csv_table(as_csv.content)}
    assert table["D10"]["合同名称"] == NEUTRAL and table["D10"]["来源"] == "揭榜挂帅定榜"
    assert Decimal(table["D10"]["计入金额（元）"]) == Decimal("3200000.00")
    assert SECRET_TITLE not in as_csv.content.decode("utf-8-sig")
    assert xlsx_titles(as_xlsx.content)["D10"] == NEUTRAL and SECRET_TITLE not in xlsx_titles(as_xlsx.content).values()
    operator = world.client("operator").get("/api/dashboard/drilldown/export/", {**params, "file_format": "csv"})
    assert {r["合同编号"]: r["合同名称"] for r in csv_table(operator.content)}["D10"] == SECRET_TITLE


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_background_export_holds_the_neutral_title(confidential, django_capture_on_commit_callbacks, file_format):
    world, _ = confidential
    client = world.client("official")
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(
            EXPORTS, {"year": 2026, "figure": "total", "file_format": file_format}, format="json"
        ).json()

    download = client.get(f"{EXPORTS}{queued['id']}/download/")

    assert download.status_code == 200
    content = b"".join(download.streaming_content)
    titles = (
        {r["合同编号"]: r["合同名称"] for r in csv_table(content)} if file_format == "csv" else xlsx_titles(content)
    )
    assert titles["D10"] == NEUTRAL and SECRET_TITLE not in titles.values()
