"""An enterprise records, in Chromium, the contract signed after its need, then corrects it and
withdraws it: until a contract is registered, its recording organisation may put it right or take
it back, each as a new line of the append-only ledger (issue 16)."""

import re
import secrets
from datetime import datetime

from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_journey import HUZHOU, new_page, pick_option, sign_in
from tests.e2e.test_marketplace_pages import api

NEED = "电池厂电解液车间异味与废气处理"


def test_an_enterprise_records_corrects_then_withdraws_its_contract(server, browser):
    errors: list[str] = []
    context, page = new_page(browser, errors)
    status, body = api(server, "GET", "/api/needs/?page_size=200")
    assert status == 200, body
    need = next(n["id"] for n in body["results"] if n["title"] == NEED)
    sign_in(page, server, "tianneng")

    # Recorded from the need, with the amount still to be settled (a half-filled contract).
    page.goto(f"{server}/deals/new?need={need}")
    expect(page.get_by_test_id("deal-form")).to_be_visible()
    today = datetime.now(HUZHOU).date().isoformat()
    number = f"{today[:4]}330522{secrets.randbelow(900000) + 100000}"
    page.get_by_label("合同编号", exact=True).fill(number)
    date_field = page.get_by_label("签订日期", exact=True)
    date_field.click()
    date_field.fill(today)
    date_field.press("Tab")
    page.get_by_label("卖方名称", exact=True).fill("浙江某大学湖州研究院（演示）")
    page.get_by_label("卖方统一社会信用代码", exact=True).fill("12330500MB0D4E5F6C")
    pick_option(page, "卖方所在地区", "吴兴区")
    page.get_by_label("合同金额", exact=True).fill("1")
    page.get_by_role("button", name="提交合同").click()
    expect(page).to_have_url(re.compile(r"/deals/\d+$"))
    expect(page.get_by_test_id("deal-status")).to_have_text("已录入")
    expect(page.get_by_text(re.compile("这份合同由本机构录入"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("认定登记"))).to_have_count(0)

    # 更正: the amount the contract really states.
    page.get_by_role("button", name=re.compile(r"更\s*正")).click()
    dialog = page.get_by_role("dialog", name="更正合同")
    dialog.get_by_label("合同金额", exact=True).fill("450000")
    dialog.get_by_label("技术交易额", exact=True).fill("450000")
    dialog.get_by_label("原因", exact=True).fill("补录合同金额")
    dialog.get_by_role("button", name=re.compile(r"更\s*正")).click()
    expect(dialog).to_be_hidden()
    lines = page.get_by_test_id("ledger-entry")
    expect(lines).to_have_count(2)
    expect(lines.nth(1)).to_contain_text("更正")
    expect(lines.nth(1)).to_contain_text("补录合同金额")
    expect(page.get_by_test_id("deal-facts")).to_contain_text("45万元")

    # 撤回: only with a reason; the contract ends 已作废 and the ledger keeps all three lines.
    page.get_by_role("button", name=re.compile(r"撤\s*回")).click()
    dialog = page.get_by_role("dialog", name="撤回合同")
    dialog.get_by_label("原因", exact=True).fill("双方尚未确定合作范围，先撤回")
    dialog.get_by_role("button", name=re.compile(r"撤\s*回")).click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_test_id("deal-status")).to_have_text("已作废")
    expect(lines).to_have_count(3)
    expect(lines.nth(2)).to_contain_text("撤回")
    expect(lines.nth(2)).to_contain_text("双方尚未确定合作范围，先撤回")
    expect(page.get_by_role("button", name=re.compile(r"撤\s*回|更\s*正"))).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "deal-withdrawn-by-recorder-1280.png"), full_page=True)

    context.close()
    assert errors == []
