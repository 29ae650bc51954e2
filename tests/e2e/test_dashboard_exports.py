"""An official exports the contracts behind dashboard figures in Chromium: a small figure comes
straight back as a file; one above the direct-download limit (the e2e server sets
TECHMATCH_EXPORT_MAX_ROWS=10; the demo counts about 1,800 contracts this year) is built by the worker — in
CI a real Celery worker — with its progress shown, and downloads by itself when it is ready. Both
files hold exactly the drill-down's contracts."""

import csv
import io

from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_journey import OFFICIAL, UI_MS, new_page, shot, sign_in, summary_in_session

MAX_ROWS = 10


def contract_numbers(download) -> list[str]:
    text = open(download.path(), encoding="utf-8-sig").read()
    return sorted(row["合同编号"] for row in csv.DictReader(io.StringIO(text)))


def drilled_numbers(page, query: str) -> list[str]:
    """Every contract of the drill-down, page after page (the demo's year has thousands)."""
    result = page.evaluate(
        """async (query) => {
            const token = window.localStorage.getItem('techmatch.token');
            const numbers = [];
            let url = `/api/dashboard/drilldown/?${query}&page_size=200`;
            while (url) {
                const response = await fetch(url, {
                    headers: { Accept: 'application/json', Authorization: `Token ${token}` },
                });
                const body = await response.json();
                if (response.status !== 200) return { status: response.status, body };
                numbers.push(...body.results.map((row) => row.contract_number));
                url = body.next;
            }
            return { status: 200, numbers };
        }""",
        query,
    )
    assert result["status"] == 200, result
    return sorted(result["numbers"])


def test_small_figures_download_directly_and_large_ones_are_built_in_the_background(server, browser):
    errors: list[str] = []
    context, page = new_page(browser, errors)
    sign_in(page, server, OFFICIAL)
    summary = summary_in_session(page)
    year = summary["year"]
    assert summary["counted_deals"] > MAX_ROWS, summary["counted_deals"]
    # A figure of a few contracts: with the demo's realistic year that is a small origin (the
    # contracts that followed a need), no longer a district.
    groups = ("by_district", "by_origin", "by_contract_type", "by_industry")
    small = next(item for group in groups for item in summary[group] if 0 < item["deals"] <= MAX_ROWS)
    figure = f"figure={small['figure']}&key={small['key']}"

    page.goto(f"{server}/dashboard?year={year}&{figure}")
    drawer = page.get_by_test_id("drilldown")
    expect(drawer.get_by_test_id("drilldown-total")).to_contain_text(f"共 {small['deals']} 份合同")
    with page.expect_download(timeout=UI_MS) as direct:
        drawer.get_by_role("button", name="导出 CSV").click()
    assert contract_numbers(direct.value) == drilled_numbers(page, f"year={year}&{figure}")
    expect(drawer.get_by_test_id("background-export")).to_have_count(0)

    page.goto(f"{server}/dashboard?year={year}&figure=total")
    drawer = page.get_by_test_id("drilldown")
    expect(drawer.get_by_test_id("drilldown-total")).to_contain_text(f"共 {summary['counted_deals']} 份合同")
    with page.expect_download(timeout=UI_MS) as built:
        drawer.get_by_role("button", name="导出 CSV").click()
        expect(page.get_by_text("超过直接下载的上限，已转为后台生成文件")).to_be_visible()
    assert contract_numbers(built.value) == drilled_numbers(page, f"year={year}&figure=total")
    expect(drawer.get_by_test_id("background-export")).to_contain_text(f"共{summary['counted_deals']}份合同")
    shot(page, "10-official-background-export")
    built.value.save_as(ARTIFACTS / "dashboard-background-export.csv")

    context.close()
    assert errors == []
