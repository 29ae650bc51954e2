"""The officials' dashboard read as the city bureau (kjj) and a county bureau (dqkjj, 德清县) read it,
in a real Chromium against the demo year: one amount unit per screen, 输出/吸纳/本地 and 吸纳 by
partner region that open their contracts, 截至 and 账本回溯 as two different questions, a county
official's figures limited to the county (with 莫干山高新区 inside it), and the page at phone size
(390×844, zh-CN) with tables that scroll sideways under a sticky first column. Screenshots are
saved in test-artifacts/ as dashboard-*.png."""

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_journey import OFFICIAL, UI_MS, new_page, sign_in, summary_in_session

pytestmark = pytest.mark.e2e

COUNTY_OFFICIAL = "dqkjj"  # seed_demo grants 德清县科学技术局 official rights limited to 德清县
PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def patient_expect():
    expect.set_options(timeout=UI_MS)
    yield
    expect.set_options(timeout=5_000)


def screen_amount(value: Decimal, unit: int, suffix: str) -> str:
    """The dashboard's reading of an amount in its one unit (utils/amount-unit.ts formatInUnit), for
    figures of at least a tenth of the unit: two decimals at most, trailing zeros dropped."""
    scaled = (value / unit).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{scaled:,.2f}".partition(".")
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}{suffix}" if fraction else f"{whole}{suffix}"


def unit_of(summary: dict) -> tuple[int, str]:
    largest = max(Decimal(summary["counted_amount"]), Decimal(summary["last_year_amount"]))
    return (10**8, "亿元") if largest >= 10**8 else (10**4, "万元") if largest >= 10**4 else (1, "元")


def api_in_session(page, path: str) -> dict:
    """A dashboard API answer as the signed-in browser asks for it (its stored token)."""
    result = page.evaluate(
        """async (path) => {
            const token = window.localStorage.getItem('techmatch.token');
            const response = await fetch(path, {
                headers: { Accept: 'application/json', Authorization: `Token ${token}` },
            });
            return { status: response.status, body: await response.json() };
        }""",
        path,
    )
    assert result["status"] == 200, result
    return result["body"]


def drill_rows(page, query: str) -> dict:
    """The first page (200 rows) of a drill-down."""
    return api_in_session(page, f"/api/dashboard/drilldown/?{query}&page_size=200")


def no_sideways_page_scroll(page) -> None:
    """The page itself never scrolls sideways on a phone: wide tables scroll inside themselves."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


def sticky_first_column(table) -> None:
    cell = table.locator("tbody tr:not(.ant-table-measure-row) td").first
    expect(cell).to_have_class(re.compile(r"ant-table-cell-fix-left"))
    assert cell.evaluate("(td) => getComputedStyle(td).position") == "sticky"


def test_the_city_reads_flows_partner_regions_and_one_unit(server, browser):
    errors: list[str] = []
    context, page = new_page(browser, errors)
    sign_in(page, server, OFFICIAL)
    summary = summary_in_session(page)
    unit, suffix = unit_of(summary)
    page.goto(f"{server}/dashboard?year={summary['year']}")

    expect(page.get_by_test_id("amount-unit-note")).to_contain_text(f"本页金额单位：{suffix}")
    expect(page.get_by_test_id("kpi-counted")).to_contain_text(
        screen_amount(Decimal(summary["counted_amount"]), unit, suffix)
    )
    # The target in the same unit, with who set it (the interim yearly targets are the operator's).
    expect(page.get_by_test_id("kpi-target")).to_contain_text(
        screen_amount(Decimal(summary["target_amount"]), unit, suffix)
    )
    expect(page.get_by_test_id("target-source")).to_have_text(
        "政策目标" if summary["target_source"] == "policy" else "运营方设定"
    )
    expect(page.get_by_test_id("scope-tag")).to_have_count(0)

    # 输出 / 吸纳 / 本地 side by side; 输出 + 吸纳 − 本地 is what the default rule counts.
    flows = {item["key"]: item for item in summary["by_flow"]}
    card = page.get_by_test_id("flows-card")
    for key in ("outflow", "inflow", "local"):
        expect(card.get_by_test_id(f"flow-{key}")).to_contain_text(
            screen_amount(Decimal(flows[key]["amount"]), unit, suffix)
        )
    if summary["rule"]["flow"] == "both":
        assert Decimal(flows["outflow"]["amount"]) + Decimal(flows["inflow"]["amount"]) - Decimal(
            flows["local"]["amount"]
        ) == Decimal(summary["counted_amount"])
        expect(card.get_by_test_id("flows-rule")).to_contain_text("已计入技术交易额 = 输出 + 吸纳 − 本地")
    table = card.get_by_test_id("partner-table")
    expect(table).to_contain_text("长三角（上海、江苏、浙江、安徽）")

    # A 吸纳 partner city opens exactly its contracts, whose sum is the figure.
    city = next(item for item in summary["inflow_by_partner"] if "/" in item["key"] and item["deals"] > 0)
    table.get_by_role("button", name=re.compile(f"查看“吸纳 · {city['label']}”背后的合同")).click()
    drawer = page.get_by_test_id("drilldown")
    expect(drawer.get_by_test_id("drilldown-total")).to_contain_text(f"共 {city['deals']} 份合同")
    rows = drill_rows(page, f"year={summary['year']}&figure=inflow_partner&key={city['key']}")
    assert Decimal(rows["amount"]) == Decimal(city["amount"]), (rows["amount"], city)
    assert all(row["partner"] == city["key"] for row in rows["results"])
    # The drill-down's first column stays while the others scroll.
    sticky_first_column(drawer.locator(".ant-table"))
    page.screenshot(path=str(ARTIFACTS / "dashboard-partner-drilldown-1280.png"))
    page.keyboard.press("Escape")

    page.get_by_test_id("cumulative-card").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "dashboard-city-1280.png"), full_page=True)
    context.close()
    assert errors == []


def test_up_to_a_day_and_as_recorded_on_a_day_are_two_labelled_questions(server, browser):
    errors: list[str] = []
    context, page = new_page(browser, errors)
    sign_in(page, server, OFFICIAL)
    year = summary_in_session(page)["year"]
    day = f"{year}-06-30"

    # 截至 a past day shows the contracts registered by then (the demo's are spread over the year).
    up_to = api_in_session(page, f"/api/dashboard/summary/?year={year}&as_of={day}")
    assert up_to["date_mode"] == "as_of" and up_to["counted_deals"] > 0, up_to["counted_deals"]
    unit, suffix = unit_of(up_to)
    page.goto(f"{server}/dashboard?year={year}&as_of={day}")
    expect(page.get_by_test_id("as-of-notice")).to_contain_text(f"截至 {year}年6月30日：只计认定登记日期不晚于")
    expect(page.get_by_test_id("recorded-notice")).to_have_count(0)
    expect(page.get_by_test_id("kpi-counted")).to_contain_text(
        screen_amount(Decimal(up_to["counted_amount"]), unit, suffix)
    )

    # The same day as an audit: another question, said so, and asked as recorded_as_of.
    with page.expect_response(lambda r: "/api/dashboard/summary/" in r.url and "recorded_as_of" in r.url) as answer:
        page.get_by_test_id("date-mode").get_by_text("账本回溯").click()
    assert answer.value.status == 200
    expect(page.get_by_test_id("recorded-notice")).to_contain_text(f"账本回溯（as recorded on {year}年6月30日）")
    expect(page.get_by_test_id("as-of-notice")).to_have_count(0)
    assert f"recorded_as_of={day}" in page.url and "as_of=" not in page.url.replace("recorded_as_of", "")
    page.screenshot(path=str(ARTIFACTS / "dashboard-recorded-as-of-1280.png"))
    context.close()
    assert errors == []


def test_a_county_official_sees_their_county_with_its_zone_and_only_its_contracts(server, browser):
    errors: list[str] = []
    city_context, city = new_page(browser, errors)
    sign_in(city, server, OFFICIAL)
    whole = summary_in_session(city)
    city_context.close()

    context, page = new_page(browser, errors)
    sign_in(page, server, COUNTY_OFFICIAL)
    county = summary_in_session(page)
    assert county["district"] == "deqing", county["district"]
    assert 0 < Decimal(county["counted_amount"]) < Decimal(whole["counted_amount"])
    unit, suffix = unit_of(county)

    page.goto(f"{server}/dashboard?year={county['year']}")
    expect(page.get_by_test_id("scope-tag")).to_have_text("辖区：德清县（含湖州莫干山高新区）")
    expect(page.get_by_test_id("dashboard-district")).to_contain_text("您的权限限于德清县（含湖州莫干山高新区）")
    expect(page.get_by_test_id("kpi-counted")).to_contain_text(
        screen_amount(Decimal(county["counted_amount"]), unit, suffix)
    )
    # Against the city's target a county is neither behind nor ahead.
    expect(page.get_by_test_id("kpi-gap")).to_contain_text("区县未设单独目标")
    expect(page.get_by_test_id("flows-card")).to_contain_text("区县视角：“本地”指德清县")

    # Every contract behind the county's total has a party in 德清县 or its zone.
    rows = drill_rows(page, f"year={county['year']}&figure=total")
    assert rows["count"] == county["counted_deals"]
    assert Decimal(rows["amount"]) == Decimal(county["counted_amount"])
    home = {"deqing", "moganshan"}
    assert all(row["buyer"]["region"] in home or row["seller"]["region"] in home for row in rows["results"])

    page.set_viewport_size(PHONE)
    expect(page.get_by_test_id("scope-tag")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "dashboard-county-390.png"), full_page=True)
    context.close()
    assert errors == []


def test_at_phone_size_tables_scroll_under_a_sticky_first_column_and_nothing_is_cut(server, browser):
    errors: list[str] = []
    context, page = new_page(browser, errors)
    sign_in(page, server, OFFICIAL)  # at desktop size: on a phone the user menu shows no name
    year = summary_in_session(page)["year"]
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/dashboard?year={year}")
    expect(page.get_by_test_id("flows-card")).to_be_visible()
    page.wait_for_timeout(1_000)  # the charts' first drawing
    no_sideways_page_scroll(page)
    for table in ("partner-table",):
        sticky_first_column(page.get_by_test_id(table))
    sticky_first_column(page.get_by_test_id("by-district").locator(".ant-table"))
    # The charts draw within their cards.
    for card in ("cumulative-card", "monthly-card", "by-district"):
        box = page.get_by_test_id(card).locator("canvas").first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (card, box)
    page.screenshot(path=str(ARTIFACTS / "dashboard-city-390.png"), full_page=True)
    page.get_by_test_id("cumulative-card").screenshot(path=str(ARTIFACTS / "dashboard-cumulative-390.png"))

    page.get_by_test_id("kpi-counted").get_by_role("button").click()
    drawer = page.get_by_test_id("drilldown")
    expect(drawer.get_by_test_id("drilldown-total")).to_contain_text("份合同")
    expect(drawer.locator("tbody tr.ant-table-row").first).to_be_visible()
    sticky_first_column(drawer.locator(".ant-table"))
    no_sideways_page_scroll(page)
    page.screenshot(path=str(ARTIFACTS / "dashboard-drilldown-390.png"))
    context.close()
    assert errors == []
