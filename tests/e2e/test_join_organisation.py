"""Joining an existing organisation, in Chromium against the real server: a newcomer signs up asking
to join the demo enterprise (tianneng, its admin), has no organisation until then, the admin is
notified and approves on 机构成员, and the newcomer is then a member."""

import re
import secrets

import pytest
from playwright.sync_api import expect

from tests.e2e.test_journey import ENTERPRISE, PASSWORD, UI_MS, new_page, pick_option, sign_in

pytestmark = pytest.mark.e2e

NEWCOMER = f"li.na{secrets.randbelow(90000) + 10000}"


@pytest.fixture(autouse=True)
def patient_expect():
    expect.set_options(timeout=UI_MS)
    yield
    expect.set_options(timeout=5_000)


def test_a_newcomer_asks_to_join_and_the_admin_approves(server, browser):
    errors: list[str] = []
    admin_name, org_name = ENTERPRISE

    # The newcomer signs up, asking to join the enterprise found by a part of its name.
    _, newcomer = new_page(browser, errors)
    newcomer.goto(server + "/register")
    newcomer.get_by_role("radio", name="加入已登记的机构").check()
    newcomer.get_by_label("用户名").fill(NEWCOMER)
    newcomer.get_by_label("密码", exact=True).fill(PASSWORD)
    newcomer.get_by_label("确认密码").fill(PASSWORD)
    newcomer.get_by_label("要加入的机构").fill("新能动力")
    pick_option(newcomer, "要加入的机构", org_name)
    newcomer.get_by_label("给管理员的说明（选填）").fill("研发部新同事")
    newcomer.get_by_role("button", name=re.compile(r"^注\s*册$")).click()

    expect(newcomer).to_have_url(re.compile(r"/organisation/members$"))
    request = newcomer.get_by_test_id("membership-request")
    expect(request).to_contain_text(org_name)
    expect(request).to_contain_text("待管理员处理")
    expect(newcomer.get_by_test_id("user-menu")).not_to_contain_text(org_name)  # no member yet

    # The admin is told, and approves on the organisation's members page.
    _, admin = new_page(browser, errors)
    sign_in(admin, server, admin_name)
    admin.goto(server + "/notifications")
    expect(admin.get_by_text(f"{NEWCOMER}申请加入本机构")).to_be_visible()
    admin.goto(server + "/organisation/members")
    pending = admin.get_by_test_id("membership-request").filter(has_text=NEWCOMER)
    expect(pending).to_contain_text("研发部新同事")
    pending.get_by_role("button", name=re.compile(r"^同\s*意$")).click()
    expect(pending).to_contain_text("已同意")

    # The newcomer is now a member of the enterprise.
    newcomer.reload()
    expect(newcomer.get_by_test_id("user-menu")).to_contain_text(org_name)
    assert errors == []
