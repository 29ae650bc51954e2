"""An enterprise records, in Chromium, the contract signed after its need: 登记合同 on the need's
page, the server's pre-fill (the enterprise as buyer), the seller typed in with its USCC checked as
typed, and the new contract's page with its first ledger line."""

import re
import secrets
from datetime import datetime

from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_journey import HUZHOU, new_page, pick_option, sign_in
from tests.e2e.test_marketplace_pages import api

NEED = "电池厂电解液车间异味与废气处理"


def test_an_enterprise_records_the_contract_of_its_need(server, browser):
    errors: list[str] = []
    context, page = new_page(browser, errors)
    status, body = api(server, "GET", "/api/needs/?page_size=200")
    assert status == 200, body
    need = next(n["id"] for n in body["results"] if n["title"] == NEED)
    sign_in(page, server, "tianneng")
    page.goto(f"{server}/needs/{need}")
    expect(page.get_by_role("heading", level=1, name=NEED)).to_be_visible()

    page.get_by_test_id("record-from-posting").get_by_role("link", name=re.compile("登记合同")).click()
    expect(page.get_by_test_id("deal-form")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/deals/new\?need={need}$"))
    expect(page.get_by_test_id("prefill-buyer")).to_contain_text("长兴新能动力电池材料有限公司")
    expect(page.get_by_label("合同名称", exact=True)).to_have_value(NEED)
    expect(page.get_by_label("买方名称", exact=True)).to_have_count(0)

    today = datetime.now(HUZHOU).date().isoformat()
    number = f"{today[:4]}330522{secrets.randbelow(900000) + 100000}"
    page.get_by_label("合同编号", exact=True).fill(number)
    date_field = page.get_by_label("签订日期", exact=True)
    date_field.click()
    date_field.fill(today)
    date_field.press("Tab")
    page.get_by_label("卖方名称", exact=True).fill("浙江某大学湖州研究院（演示）")
    page.get_by_label("卖方统一社会信用代码", exact=True).fill("12330500MB0D4E5F6D")  # a wrong check character
    page.get_by_label("卖方名称", exact=True).click()
    expect(page.get_by_text(re.compile("校验位"))).to_be_visible()
    page.get_by_label("卖方统一社会信用代码", exact=True).fill("12330500MB0D4E5F6C")
    pick_option(page, "卖方所在地区", "吴兴区")
    page.get_by_label("合同金额", exact=True).fill("450000")
    page.screenshot(path=str(ARTIFACTS / "deal-from-need-form-1280.png"), full_page=True)
    page.get_by_role("button", name="提交合同").click()

    expect(page).to_have_url(re.compile(r"/deals/\d+$"))
    expect(page.get_by_test_id("deal-status")).to_have_text("已录入")
    expect(page.get_by_text(number)).to_be_visible()
    expect(page.get_by_text("浙江某大学湖州研究院（演示）").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "deal-from-need-recorded-1280.png"), full_page=True)

    context.close()
    assert errors == []
