"""The dashboard summary: hand-computed figures, the rule text, and every figure drillable."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from deals import services
from tests.backend.deals.helpers import frozen, moment
from tests.factories.deals import ledger_keeper

D = Decimal


def summary(world, role="official", **params):
    response = world.client(role).get("/api/dashboard/summary/", {"year": 2026, **params})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def by_key(items):
    return {item["key"]: item for item in items}


def test_the_headline_figures_are_the_hand_computed_ones(year_of_deals):
    body = summary(year_of_deals)

    assert body["target_amount"] == "17500000000.00"  # the seeded 2026 rule (a ramp to 200亿 in 2027)
    assert body["counted_amount"] == "4450000.50" and body["counted_deals"] == 5
    assert body["progress"] == "0.0003"  # 4,450,000.50 / 17,500,000,000
    assert body["reference_date"] == "2026-11-20"
    # 324 of 365 days have passed: 17,500,000,000 × 324 / 365
    assert body["expected_amount"] == "15534246575.34" and body["expected_progress"] == "0.8877"
    assert body["last_year_amount"] == "2500000.00" and body["last_year_same_period_amount"] == "1800000.00"
    # seasonal: by 2025-11-20 last year had 72% of its year; 4,450,000.50 / 0.72
    assert body["projection"]["method"] == "seasonal" and body["projection"]["amount"] == "6180556.25"
    assert "72.0%" in body["projection"]["explanation"]


def test_the_breakdowns_are_the_hand_computed_ones(year_of_deals):
    body = summary(year_of_deals)
    months = {m["month"]: (m["amount"], m["deals"], m["last_year_amount"]) for m in body["monthly"]}
    orgs = year_of_deals.orgs

    assert months[3] == ("3600000.50", 2, "0.00") and months[6] == ("0.00", 0, "1800000.00")
    assert (
        months[7] == ("550000.00", 2, "0.00")
        and months[10] == ("300000.00", 1, "0.00")
        and months[12][2] == "700000.00"
    )
    assert (
        body["monthly"][-1]["cumulative"] == "4450000.50"
        and body["monthly"][-1]["last_year_cumulative"] == "2500000.00"
    )
    districts = {k: v["amount"] for k, v in by_key(body["by_district"]).items()}
    assert districts == {
        "wuxing": "3450000.00",  # with D3 of 南太湖新区, which lies within 吴兴区
        "deqing": "1000000.50",
        "nantaihu": "400000.00",
        "nanxun": "0.00",
        "changxing": "0.00",
        "anji": "0.00",
        "moganshan": "0.00",
    }
    assert {k: v["amount"] for k, v in by_key(body["by_contract_type"]).items()} == {
        "development": "2600000.00",
        "license": "1000000.50",
        "transfer": "400000.00",
        "consulting": "150000.00",
        "service": "300000.00",
    }
    assert [(i["key"], i["amount"]) for i in body["by_industry"]] == [
        ("new_energy_vehicle", "2600000.00"),
        ("geoinformation", "1000000.50"),
        ("unclassified", "400000.00"),
        ("green_energy", "300000.00"),
        ("biomedicine", "150000.00"),
    ]
    assert {k: v["amount"] for k, v in by_key(body["by_origin"]).items()} == {
        "challenge": "2600000.00",
        "need": "300000.00",
        "capability": "0.00",
        "offline": "1550000.50",
    }
    assert [(i["key"], i["amount"], i["share"]) for i in body["by_platform"]] == [
        ("platform", "2900000.00", "0.6517"),
        ("offline", "1550000.50", "0.3483"),
    ]
    assert [(i["label"], i["amount"]) for i in body["top_buyers"]] == [
        (orgs["owner"].name, "3050000.00"),
        (orgs["other_enterprise"].name, "1000000.50"),
        ("上海某智能制造有限公司", "400000.00"),
    ]
    assert [(i["label"], i["amount"], i["deals"]) for i in body["top_sellers"]] == [
        (orgs["institute"].name, "4300000.50", 4),
        ("杭州某生物医药创新研究中心", "150000.00", 1),
    ]
    funnel = by_key(body["funnel"])
    assert (funnel["challenges"]["count"], funnel["bids"]["count"], funnel["awards"]["count"]) == (1, 1, 1)
    assert (funnel["deals"]["count"], funnel["deals"]["amount"], funnel["deals"]["figure"]) == (
        1,
        "2600000.00",
        "origin",
    )


def test_the_counting_rule_comes_with_every_summary_in_both_languages(year_of_deals):
    chinese = summary(year_of_deals)["rule"]
    english = (
        year_of_deals.client("official")
        .get("/api/dashboard/summary/", {"year": 2026}, HTTP_ACCEPT_LANGUAGE="en")
        .json()["rule"]
    )

    assert (
        chinese["text"] == chinese["text_zh"]
        and "认定登记日期" in chinese["text"]
        and "17,500,000,000.00元" in chinese["text"]
    )
    assert english["text"] == english["text_en"] and "registration date" in english["text"]
    assert chinese["statuses"] == ["registered"] and chinese["version"] == 1 and chinese["is_configured"] is True


def drilled(world, *, year=2026, **params):
    response = world.client("operator").get("/api/dashboard/drilldown/", {"year": year, "page_size": 200, **params})
    assert response.status_code == 200, response.content[:300]
    return response.json()


def figures(body):
    """(figure, key, amount, deals) of every contract figure of a summary."""
    for name in (
        "by_district",
        "by_industry",
        "by_contract_type",
        "by_origin",
        "by_platform",
        "top_buyers",
        "top_sellers",
        "by_flow",
        "inflow_by_partner",
        "outflow_by_partner",
    ):
        for item in body[name]:
            yield item["figure"], item["key"], item["amount"], item["deals"]
    for month in body["monthly"]:
        yield "month", month["key"], month["amount"], month["deals"]
    deals = by_key(body["funnel"])["deals"]
    yield deals["figure"], deals["drill_key"], deals["amount"], deals["count"]
    yield "total", "", body["counted_amount"], body["counted_deals"]


def test_every_figure_equals_the_sum_of_its_drilldown_rows(year_of_deals):
    body = summary(year_of_deals)
    checked = 0
    for figure, key, amount, deals in figures(body):
        rows = drilled(year_of_deals, figure=figure, key=key)
        assert sum(D(r["counted_amount"]) for r in rows["results"]) == D(amount), (figure, key)
        assert rows["amount"] == amount and rows["deals"] == rows["count"] == len(rows["results"]) == deals, (
            figure,
            key,
        )
        checked += 1
    # … + 3 flows + 吸纳 from 本地 and 杭州 + 输出 to 本地 and 上海
    assert checked == 7 + 5 + 5 + 4 + 2 + 3 + 2 + 12 + 1 + 1 + 3 + 2 + 2


def test_last_years_series_drills_into_last_years_contracts(year_of_deals):
    rows = drilled(year_of_deals, year=2025, figure="month", key="12")

    assert [r["contract_number"] for r in rows["results"]] == ["D8"] and rows["amount"] == "700000.00"


def test_drilldown_rows_name_the_contract_and_its_parties(year_of_deals):
    row = drilled(year_of_deals, figure="district", key="nantaihu")["results"][0]

    assert (
        row["contract_number"] == "D3"
        and row["buyer"]["region"] == "outside"
        and row["seller"]["organisation"] is not None
    )
    assert row["counted_on"] == "2026-07-01" and row["district"] == "nantaihu" and row["industry"] is None


@pytest.mark.parametrize(
    ("figure", "key"), [("district", "wuxing"), ("total", ""), ("platform", "offline"), ("industry", "unclassified")]
)
def test_exports_contain_exactly_the_drilled_rows(year_of_deals, figure, key):
    client = year_of_deals.client("official")
    expected = [
        (r["contract_number"], D(r["counted_amount"]))
        for r in drilled(year_of_deals, figure=figure, key=key)["results"]
    ]

    as_csv = client.get(
        "/api/dashboard/drilldown/export/", {"year": 2026, "figure": figure, "key": key, "file_format": "csv"}
    )
    as_xlsx = client.get(
        "/api/dashboard/drilldown/export/", {"year": 2026, "figure": figure, "key": key, "file_format": "xlsx"}
    )

    assert as_csv.status_code == as_xlsx.status_code == 200
    assert as_csv["Content-Type"].startswith("text/csv") and "attachment" in as_csv["Content-Disposition"]
    table = list(csv.DictReader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert [(r["合同编号"], D(r["计入金额（元）"])) for r in table] == expected
    sheet = load_workbook(io.BytesIO(as_xlsx.content), read_only=True).worksheets[0]
    header, *cells = list(sheet.iter_rows(values_only=True))
    number, counted = header.index("合同编号"), header.index("计入金额（元）")
    assert [(r[number], D(str(r[counted])).quantize(D("0.01"))) for r in cells] == expected


def test_a_figure_above_the_export_limit_is_refused_with_its_size_and_one_at_the_limit_is_exported(
    year_of_deals, settings
):
    client = year_of_deals.client("official")
    wuxing = drilled(year_of_deals, figure="district", key="wuxing")["deals"]
    settings.DASHBOARD_EXPORT_MAX_ROWS = wuxing

    total = client.get("/api/dashboard/drilldown/export/", {"year": 2026, "figure": "total", "file_format": "csv"})
    at_limit = client.get(
        "/api/dashboard/drilldown/export/", {"year": 2026, "figure": "district", "key": "wuxing", "file_format": "csv"}
    )

    assert total.status_code == 400
    assert total.json()["code"] == "export_too_large"
    assert total.json()["extra"] == {
        "rows": drilled(year_of_deals, figure="total", key="")["deals"],
        "max_rows": wuxing,
    }
    assert f"超过直接下载的上限 {wuxing} 份" in total.json()["detail"]
    assert at_limit.status_code == 200
    assert len(list(csv.DictReader(io.StringIO(at_limit.content.decode("utf-8-sig"))))) == wuxing


def test_an_export_reimports_as_a_no_op(year_of_deals, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from deals.models import Deal, DealEntry

    content = (
        year_of_deals.client("official")
        .get("/api/dashboard/drilldown/export/", {"year": 2026, "figure": "total", "file_format": "xlsx"})
        .content
    )
    before = (Deal.objects.count(), DealEntry.objects.count())

    with django_capture_on_commit_callbacks(execute=True):
        job = services.deals_import_start(by=ledger_keeper(), upload=SimpleUploadedFile("看板导出.xlsx", content))
    job.refresh_from_db()

    assert (job.status, job.unchanged_count, job.created_count) == ("succeeded", 5, 0), job.errors
    assert (Deal.objects.count(), DealEntry.objects.count()) == before


def test_a_summary_as_recorded_on_a_past_day_is_exactly_what_it_said_that_day(year_of_deals):
    said_that_day = summary(year_of_deals)
    keeper = ledger_keeper()
    from deals.models import Deal

    with frozen(moment(2026, 11, 24)):
        services.deal_amend(
            deal=Deal.objects.get(contract_number="D2"), by=keeper, technical_amount=D("500000.00"), reason="核减"
        )
        services.deal_void(deal=Deal.objects.get(contract_number="D3"), by=keeper, reason="解除")
        services.counting_rule_set(
            by=keeper,
            year=2026,
            target_amount=D("18000000000.00"),
            statuses=["registered"],
            date_field="registered_on",
            amount_field="contract_amount",
            require_huzhou_party=True,
            reason="调整",
        )
    with frozen(moment(2026, 11, 26)):
        now = summary(year_of_deals)
        reproduced = summary(year_of_deals, recorded_as_of="2026-11-20")

    dates = ("recorded_as_of", "date_mode")
    assert now["counted_amount"] != said_that_day["counted_amount"] and now["rule"]["version"] == 2
    assert {k: v for k, v in reproduced.items() if k not in dates} == {
        k: v for k, v in said_that_day.items() if k not in dates
    }
    assert (reproduced["recorded_as_of"], reproduced["date_mode"]) == ("2026-11-20", "recorded")


def test_a_drilldown_as_recorded_on_a_past_day_lists_the_contracts_as_they_stood(year_of_deals):
    from deals.models import Deal

    with frozen(moment(2026, 11, 24)):
        services.deal_amend(
            deal=Deal.objects.get(contract_number="D2"),
            by=ledger_keeper(),
            technical_amount=D("500000.00"),
            reason="核减",
        )
    with frozen(moment(2026, 11, 26)):
        then = drilled(year_of_deals, figure="district", key="deqing", recorded_as_of="2026-11-20")
        now = drilled(year_of_deals, figure="district", key="deqing")

    assert then["amount"] == "1000000.50" and now["amount"] == "500000.00"
    assert then["results"][0]["deal"] == now["results"][0]["deal"]


def test_a_year_without_data_projects_nothing_and_a_finished_year_projects_itself(year_of_deals):
    assert summary(year_of_deals, year=2027)["projection"]["method"] == "not_started"
    last = summary(year_of_deals, year=2025)
    assert last["projection"] == {**last["projection"], "method": "final", "amount": "2500000.00"}
    assert last["expected_amount"] == last["target_amount"] == "15000000000.00"


def test_without_last_year_the_projection_is_linear(world):
    with frozen(moment(2027, 3, 31)):
        from deals.services import Party
        from tests.backend.dashboard.conftest import _deal

        _deal(
            "L1",
            buyer=Party.of(world.orgs["owner"]),
            seller=Party.of(world.orgs["institute"]),
            kind="development",
            amount=D("900000.00"),
            registered_on=date(2027, 3, 1),
        )
        body = world.client("official").get("/api/dashboard/summary/", {"year": 2027}).json()

    # 90 days of 365 have passed: 900,000 × 365 / 90
    assert body["projection"]["method"] == "linear" and body["projection"]["amount"] == "3650000.00"


@pytest.mark.parametrize(
    "params",
    [
        {"year": "明年"},
        {"year": 1999},
        {"as_of": "2099-01-01"},
        {"as_of": "六月底"},
    ],
)
def test_bad_summary_parameters_are_400_with_field_messages(world, params):
    response = world.client("official").get("/api/dashboard/summary/", params)

    assert response.status_code == 400 and set(response.json()["fields"]) <= {"year", "as_of"}


@pytest.mark.parametrize(
    "params",
    [
        {"figure": "weather"},
        {"figure": "district", "key": "shanghai"},
        {"figure": "month", "key": "13"},
        {"figure": "industry", "key": "no_such_chain"},
        {"figure": "buyer"},
        {"figure": "total", "file_format": "pdf"},
    ],
)
def test_bad_drilldown_parameters_are_400(world, params):
    client = world.client("official")
    for path in ("/api/dashboard/drilldown/", "/api/dashboard/drilldown/export/"):
        response = client.get(path, {"year": 2026, **params})
        if "file_format" in params and path.endswith("drilldown/"):
            continue  # the listing ignores file_format
        assert response.status_code == 400, (path, response.content[:200])


@pytest.mark.parametrize("role", ["owner", "institute", "other_enterprise"])
def test_enterprises_and_institutes_do_not_see_the_dashboard(year_of_deals, role):
    assert year_of_deals.client(role).get("/api/dashboard/summary/", {"year": 2026}).status_code == 403
    assert (
        year_of_deals.client(role).get("/api/dashboard/drilldown/", {"year": 2026, "figure": "total"}).status_code
        == 403
    )
