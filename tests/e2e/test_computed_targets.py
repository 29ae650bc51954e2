"""An official designates a key project and finds it on the targets board in Chromium: the
computed target 重点科研攻关项目 says 自动计算, states its rule in words, and its drill-down lists
the challenge, linked to its page. Runs on the demo year (seed_demo), whose awarded challenges are
the candidates."""

import re

from playwright.sync_api import expect

from tests.e2e.test_journey import OFFICIAL, UI_MS, new_page, shot, sign_in


def api_in_session(page, method: str, path: str, body: dict | None = None) -> dict:
    """The API as the signed-in browser calls it (its stored token)."""
    result = page.evaluate(
        """async ([method, path, body]) => {
            const token = window.localStorage.getItem('techmatch.token');
            const response = await fetch(path, {
                method,
                headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Token ${token}` },
                body: body ? JSON.stringify(body) : undefined,
            });
            return { status: response.status, body: await response.json() };
        }""",
        [method, path, body],
    )
    assert result["status"] in (200, 201), result
    return result["body"]


def test_an_official_sees_a_computed_target_and_the_records_behind_it(server, browser):
    errors: list[str] = []
    context, page = new_page(browser, errors)
    sign_in(page, server, OFFICIAL)
    awarded = api_in_session(page, "GET", "/api/challenges/?status=awarded&page_size=1")["results"]
    assert awarded, "the demo has awarded challenges"
    challenge = api_in_session(page, "POST", f"/api/challenges/{awarded[0]['id']}/key-project/", {"key_project": True})
    assert challenge["key_project"] is True

    page.goto(f"{server}/dashboard/targets")
    computed = page.get_by_role("region", name="平台自动计算的目标")
    card = computed.get_by_test_id("target-card").filter(has_text="重点科研攻关项目").first
    expect(card).to_contain_text("自动计算", timeout=UI_MS)
    expect(card).to_contain_text(re.compile(r"平台当前值：[1-9][\d,]* 项"))
    expect(page.get_by_role("region", name="人工填报的目标").get_by_test_id("target-card").first).to_contain_text(
        "人工填报"
    )

    card.get_by_role("button", name="重点科研攻关项目：计算口径与记录").click()
    drawer = page.get_by_role("dialog")
    expect(drawer.get_by_test_id("target-rule")).to_contain_text("政府部门认定为重点科研攻关项目")
    link = drawer.get_by_test_id("target-records").get_by_role("link", name=challenge["title"])
    expect(link).to_be_visible(timeout=UI_MS)
    expect(drawer.get_by_role("form", name="填报新进展")).to_have_count(0)
    shot(page, "computed-target")
    link.click()
    expect(page).to_have_url(re.compile(rf"/challenges/{challenge['id']}$"))
    assert errors == []
    context.close()
