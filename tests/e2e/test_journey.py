"""The platform's whole journey in a real Chromium, through the UI, against the real server:

1. an enterprise (tianneng) drafts and publishes a 揭榜挂帅 challenge;
2. a research institute (taihu_lab) finds it in its recommendations feed (the challenge reaches
   the index through the outbox: eagerly in a local run, through a Celery worker in CI, so the
   feed is reloaded until it appears, within a bounded wait) and bids;
3. the enterprise awards the bid and records the resulting technology contract, pre-filled from
   the challenge and the winning bid;
4. an official (kjj, 科技局) registers the contract (认定登记) today;
5. the official's dashboard counts exactly the contract's technical transaction amount more than
   before: read from /api/dashboard/summary/ in the official's browser session before and after,
   compared as Decimals, and checked on the dashboard page as well.

Locators use roles and accessible names (labels, button names), so the test also checks that
the forms are labelled. The server's database is shared by the session's tests: everything this
test creates carries a random serial, and the dashboard figures are read within this test, just
before and just after the registration (the session's tests run one at a time)."""

import re
import secrets
import time
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e

PASSWORD = "TechMatch-2027"
HUZHOU = ZoneInfo("Asia/Shanghai")  # the server's TIME_ZONE; the browser runs in it too
UI_MS = 60_000  # a page or an answer on a busy 2-core machine
INDEX_WAIT_S = 300  # from publishing to the institute's feed (eager locally; a worker in CI)
ENTERPRISE = ("tianneng", "长兴新能动力电池材料有限公司")
INSTITUTE = ("taihu_lab", "南太湖先进材料研究院")
INSTITUTE_CAPABILITIES = ("高镍正极材料单晶化与包覆改性", "勃姆石陶瓷涂覆隔膜制备技术", "高温合金粉末冶金与增材制造")
OFFICIAL = "kjj"

SERIAL = secrets.randbelow(9000) + 1000
TODAY = datetime.now(HUZHOU).date()
TITLE = f"高镍三元正极材料高温循环衰减抑制技术攻关（{TODAY.year}年第{SERIAL}号）"
SUMMARY = "面向长兴动力电池产业集群，攻关NCM811高镍三元正极在高温循环中的容量衰减与产气问题。"
DESCRIPTION = (
    "现有NCM811高镍三元正极在45℃、1C充放电条件下循环500次后容量保持率不足85%，并伴随明显产气和晶间裂纹。"
    "拟通过单晶化、表面包覆和体相掺杂等改性手段提升材料结构稳定性，满足高端乘用车动力电池的寿命要求。"
)
INDICATORS = [("45℃循环1000次容量保持率", "≥90", "%"), ("首次放电比容量", "≥205", "mAh/g")]
BOUNTY = "2600000"
PRICE = "2350000"  # the winning bid: the contract amount is pre-filled with it
TECHNICAL = "2186500.50"  # the technical part of the contract (技术交易额), with cents on purpose
CONTRACT_NUMBER = f"{TODAY.year}330522{secrets.randbelow(900000) + 100000}"
REGISTRATION_NUMBER = f"330522-{TODAY.year}-{SERIAL}"


@pytest.fixture(autouse=True)
def patient_expect():
    """Assertions retry for as long as a page may take here (Playwright's default is 5 s)."""
    expect.set_options(timeout=UI_MS)
    yield
    expect.set_options(timeout=5_000)


# --- the browser ----------------------------------------------------------------------------


def new_page(browser, errors: list[str]):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", timezone_id="Asia/Shanghai")
    context.set_default_timeout(UI_MS)
    page = context.new_page()

    def on_console(msg) -> None:
        # A posting seen right after it is saved is not indexed yet: its matches answer 503
        # "being indexed" and the page retries by itself. The browser logs that response.
        if msg.type == "error" and "status of 503" not in msg.text:
            errors.append(f"console: {msg.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    return context, page


def sign_in(page, server: str, username: str) -> None:
    page.goto(server + "/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name=re.compile(r"^登\s*录$")).click()
    page.get_by_test_id("user-menu").filter(has_text=username).wait_for()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"journey-{name}.png"), full_page=True)


def form_item(page, label: str):
    """The antd form item around the control labelled `label` (to read its help and errors)."""
    return page.locator(".ant-form-item").filter(has=page.get_by_label(label, exact=True))


def pick_option(page, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter(has_text=option).first.click()


def fill_date(page, label: str, value: str) -> None:
    """Types a date (or a date and time) into an antd date picker and tabs away, which keeps it
    and closes the calendar."""
    field = page.get_by_label(label, exact=True)
    field.click()
    field.fill(value)
    field.press("Tab")
    expect(field).to_have_value(value)
    expect(page.locator(".ant-picker-dropdown:visible")).to_have_count(0)


def summary_in_session(page) -> dict:
    """/api/dashboard/summary/ as the signed-in user's browser asks for it (its stored token)."""
    result = page.evaluate(
        """async () => {
            const token = window.localStorage.getItem('techmatch.token');
            const response = await fetch('/api/dashboard/summary/', {
                headers: { Accept: 'application/json', Authorization: `Token ${token}` },
            });
            return { status: response.status, body: await response.json() };
        }"""
    )
    assert result["status"] == 200, result
    return result["body"]


def zh_amount(value: Decimal) -> str:
    """The app's zh-CN reading of an amount (src/utils/money.ts formatAmount): 2.35亿元, 218.65万元."""
    fen = int((value * 100).to_integral_value(rounding=ROUND_HALF_UP))
    unit, suffix = (10**10, "亿元") if fen >= 10**10 else (10**6, "万元") if fen >= 10**6 else (100, "元")
    scaled = (Decimal(fen) / unit).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{scaled:,.2f}".partition(".")
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}{suffix}" if fraction else f"{whole}{suffix}"


# --- the steps --------------------------------------------------------------------------------


def enterprise_publishes_a_challenge(page, server: str) -> int:
    page.goto(server + "/challenges/new")
    page.get_by_test_id("challenge-form").wait_for()
    page.get_by_label("标题", exact=True).fill(TITLE)
    page.get_by_label("公开摘要", exact=True).fill(SUMMARY)
    page.get_by_label("详细描述", exact=True).fill(DESCRIPTION)
    pick_option(page, "产业链", "新能源汽车")
    for n, (name, target, unit) in enumerate(INDICATORS, start=1):
        if n > 1:
            page.get_by_role("button", name=re.compile("添加指标")).click()
        page.get_by_label(f"第 {n} 项指标名称").fill(name)
        page.get_by_label(f"第 {n} 项指标目标值").fill(target)
        page.get_by_label(f"第 {n} 项指标单位").fill(unit)
    page.get_by_label("榜额（元）").fill(BOUNTY)
    expect(form_item(page, "榜额（元）")).to_contain_text("即 260万元")
    fill_date(page, "揭榜截止时间", f"{(TODAY + timedelta(days=45)).isoformat()} 17:00")  # no 确定 to click
    page.get_by_role("button", name="保存草稿").click()

    page.wait_for_url(re.compile(r"/challenges/\d+$"))
    challenge = int(re.search(r"/challenges/(\d+)$", page.url).group(1))
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.get_by_test_id("challenge-status")).to_have_text("草稿")
    # Saving warns, top right, when a similar challenge already exists (the demo data, or another
    # test's) — over the 发布 button. Read, then closed, as a user would.
    page.wait_for_load_state("networkidle")
    for notice in page.locator(".ant-notification-notice").all():
        expect(notice).to_contain_text("相似")
        notice.locator(".ant-notification-notice-close").click()
    expect(page.locator(".ant-notification-notice")).to_have_count(0)

    page.get_by_role("button", name=re.compile(r"^发\s*布$")).click()
    dialog = page.get_by_role("dialog").filter(has_text="发布这个榜单？")
    dialog.get_by_role("button", name=re.compile(r"^发\s*布$")).click()
    expect(page.get_by_test_id("challenge-status")).to_have_text("揭榜中")
    expect(page.get_by_test_id("indicators-table")).to_contain_text("45℃循环1000次容量保持率")
    shot(page, "01-challenge-published")
    return challenge


def institute_finds_it_in_its_feed(page, server: str) -> None:
    """The feed is computed when asked: reload it until the indexed challenge is recommended."""
    item = page.get_by_test_id("recommendation").filter(has=page.get_by_role("link", name=TITLE, exact=True))
    loaded = page.get_by_test_id("recommendations").or_(page.get_by_text("暂时没有推荐"))
    deadline = time.monotonic() + INDEX_WAIT_S
    while True:
        page.goto(server + "/recommendations")
        expect(page.get_by_role("heading", level=1, name="为我推荐")).to_be_visible()
        loaded.first.wait_for()
        if item.count() > 0:
            break
        assert time.monotonic() < deadline, f"{TITLE} was not recommended to {INSTITUTE[0]} within {INDEX_WAIT_S}s"
        page.wait_for_timeout(3_000)  # polling interval while the outbox is drained
    # Recommended through one of the institute's capabilities (the high-nickel cathode one, most
    # likely), with the reasons shown.
    expect(item.get_by_test_id("recommendation-capability")).to_contain_text(
        re.compile("|".join(INSTITUTE_CAPABILITIES))
    )
    item.scroll_into_view_if_needed()
    shot(page, "02-institute-recommendations")
    item.get_by_role("link", name=TITLE, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()


def institute_bids(page) -> None:
    page.get_by_role("button", name="我要揭榜").click()
    form = page.get_by_role("form", name="提交揭榜申请")
    form.get_by_label("方案概述").fill(
        "采用单晶化结合铝镁共掺杂与快离子导体包覆，抑制高温循环中的晶间裂纹与界面副反应。"
    )
    form.get_by_label("技术路线").fill("前驱体共沉淀工艺优化—高温固相单晶化—快离子导体湿法包覆—扣电与软包电芯验证。")
    form.get_by_label("报价（元）").fill(PRICE)
    form.get_by_label("工期（天）").fill("450")
    milestones = [("小试样品", "150", "容量保持率≥90%的扣电样品"), ("软包电芯验证", "400", "第三方检测报告")]
    for n, (title, day, deliverable) in enumerate(milestones, start=1):
        form.get_by_role("button", name=re.compile("添加里程碑")).click()
        form.get_by_label(f"第 {n} 个里程碑名称").fill(title)
        form.get_by_label(f"第 {n} 个里程碑：自立项起第几天").fill(day)
        form.get_by_label(f"第 {n} 个里程碑交付物").fill(deliverable)
    form.get_by_role("button", name="提交申请").click()
    expect(page.get_by_text("揭榜申请已提交", exact=True)).to_be_visible()
    expect(page.get_by_test_id("bids-section")).to_contain_text("235万元")
    shot(page, "03-institute-bid")


def enterprise_awards_the_bid(page, server: str, challenge: int) -> None:
    page.goto(f"{server}/challenges/{challenge}")
    table = page.get_by_test_id("bids-comparison")
    expect(table).to_contain_text(INSTITUTE[1])
    table.get_by_role("checkbox", name="选为中榜").check()
    page.get_by_role("button", name="定榜（已选 1/1）").click()
    dialog = page.get_by_role("dialog").filter(has_text="确认定榜")
    expect(dialog).to_contain_text(INSTITUTE[1])
    dialog.get_by_label("理由").fill("专家评审认为单晶化与包覆改性路线成熟，报价合理，工期可控")
    # The deadline is weeks away: the dialog says the award closes the bidding early and asks.
    expect(dialog.get_by_test_id("award-closes-early")).to_contain_text("定榜将提前截止")
    dialog.get_by_role("checkbox", name="我确认提前截止揭榜并定榜").check()
    dialog.get_by_role("button", name="提前截止并定榜").click()
    expect(page.get_by_test_id("challenge-status")).to_have_text("已定榜")
    expect(page.get_by_test_id("challenge-deals")).to_contain_text("尚未登记合同")
    shot(page, "04-challenge-awarded")


def enterprise_records_the_deal(page) -> int:
    page.get_by_role("link", name=re.compile("登记合同")).click()
    expect(page.get_by_role("heading", level=1, name="登记技术合同")).to_be_visible()
    form = page.get_by_role("form", name="登记技术合同")
    # Pre-filled from the challenge and the winning bid.
    expect(form.get_by_test_id("prefill-buyer")).to_have_text(f"{ENTERPRISE[1]}（长兴县）")
    expect(form.get_by_test_id("prefill-seller")).to_have_text(f"{INSTITUTE[1]}（南太湖新区）")
    expect(form.get_by_label("合同名称")).to_have_value(TITLE)
    expect(form.get_by_label("合同金额", exact=True)).to_have_value(f"{PRICE}.00")
    expect(form_item(page, "合同类型")).to_contain_text("技术开发")
    expect(form_item(page, "产业链")).to_contain_text("新能源汽车")

    form.get_by_label("合同编号").fill(CONTRACT_NUMBER)
    fill_date(page, "签订日期", max(TODAY - timedelta(days=3), date(TODAY.year, 1, 1)).isoformat())
    form.get_by_label("技术交易额").fill(TECHNICAL)
    expect(form_item(page, "技术交易额")).to_contain_text("即 218.65万元")
    form.get_by_label("备注").fill("技术交易额扣除中试线设备采购费用")
    shot(page, "05-deal-form")
    form.get_by_role("button", name="提交合同").click()

    page.wait_for_url(re.compile(r"/deals/\d+$"))
    deal = int(re.search(r"/deals/(\d+)$", page.url).group(1))
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.get_by_test_id("deal-status")).to_have_text("已录入")
    expect(page.get_by_test_id("deal-technical-amount")).to_have_attribute("data-amount", TECHNICAL)
    ledger = page.get_by_test_id("ledger-entry")
    expect(ledger).to_have_count(1)
    expect(ledger.first).to_contain_text("第 1 条 · 录入")
    expect(ledger.first.get_by_test_id("ledger-meta")).to_contain_text(ENTERPRISE[0])
    # An enterprise cannot register its own contract.
    expect(page.get_by_role("button", name="认定登记")).to_have_count(0)
    shot(page, "06-deal-recorded")
    return deal


def official_registers_the_deal(page, server: str, deal: int) -> None:
    page.goto(server + "/deals")
    expect(page.get_by_role("heading", level=1, name="技术合同")).to_be_visible()
    search = page.get_by_label("关键词")
    search.fill(CONTRACT_NUMBER)
    search.press("Enter")
    row = page.get_by_test_id("deal-row").filter(has_text=CONTRACT_NUMBER)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("未认定登记")
    row.get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(rf"/deals/{deal}$"))

    page.get_by_role("button", name="认定登记").click()
    dialog = page.get_by_role("dialog", name="认定登记")
    expect(dialog.get_by_label("认定登记日期")).to_have_value(TODAY.isoformat())  # defaults to today
    dialog.get_by_label("认定登记编号").fill(REGISTRATION_NUMBER)
    dialog.get_by_label("原因").fill("经技术市场审核，符合技术开发合同认定条件")  # registration states its reason
    shot(page, "07-register-dialog")
    dialog.get_by_role("button", name="认定登记").click()

    expect(page.get_by_test_id("deal-status")).to_have_text("已认定登记")
    expect(dialog).to_be_hidden()
    ledger = page.get_by_test_id("ledger-entry")
    expect(ledger).to_have_count(2)
    expect(ledger.nth(1)).to_contain_text("第 2 条 · 认定登记")
    expect(ledger.nth(1).get_by_test_id("ledger-meta")).to_contain_text(OFFICIAL)
    expect(ledger.nth(1)).to_contain_text(REGISTRATION_NUMBER)
    expect(page.get_by_test_id("deal-facts")).to_contain_text(REGISTRATION_NUMBER)
    shot(page, "08-deal-registered")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.get_by_test_id("ledger-entry")).to_have_count(2)
    shot(page, "08-deal-registered-390")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_challenge_becomes_a_registered_contract_that_the_dashboard_counts(server, browser):
    errors: list[str] = []
    enterprise_context, enterprise = new_page(browser, errors)
    institute_context, institute = new_page(browser, errors)
    official_context, official = new_page(browser, errors)
    try:
        sign_in(enterprise, server, ENTERPRISE[0])
        challenge = enterprise_publishes_a_challenge(enterprise, server)

        sign_in(institute, server, INSTITUTE[0])
        institute_finds_it_in_its_feed(institute, server)
        institute_bids(institute)

        enterprise_awards_the_bid(enterprise, server, challenge)
        deal = enterprise_records_the_deal(enterprise)

        sign_in(official, server, OFFICIAL)
        before = summary_in_session(official)
        official_registers_the_deal(official, server, deal)

        # The summary counts the registered contract at once (the rollup moves in the same
        # transaction); poll briefly all the same, the figure is what matters.
        deadline = time.monotonic() + 60
        after = summary_in_session(official)
        while after["counted_deals"] == before["counted_deals"] and time.monotonic() < deadline:
            official.wait_for_timeout(1_000)
            after = summary_in_session(official)
        assert after["year"] == before["year"] == TODAY.year, (before["year"], after["year"])
        assert after["rule"]["amount_field"] == "technical_amount", after["rule"]
        assert after["rule"]["date_field"] == "registered_on", after["rule"]
        assert Decimal(after["counted_amount"]) - Decimal(before["counted_amount"]) == Decimal(TECHNICAL), (
            before,
            after,
        )
        assert after["counted_deals"] == before["counted_deals"] + 1, (before["counted_deals"], after["counted_deals"])

        # The dashboard page shows the same figure, when the page exists.
        official.goto(server + "/dashboard")
        counted = official.get_by_test_id("kpi-counted")
        counted.or_(official.get_by_text("数据看板功能即将上线")).first.wait_for()
        if counted.count() > 0:
            expect(counted).to_contain_text(zh_amount(Decimal(after["counted_amount"])))
            expect(counted).to_contain_text(f"{after['counted_deals']} 份合同")
        shot(official, "09-official-dashboard")
    except Exception:
        # What each user was looking at when it went wrong.
        for name, page in (("enterprise", enterprise), ("institute", institute), ("official", official)):
            if page.url.startswith(server):
                shot(page, f"failure-{name}")
        raise
    finally:
        for context in (enterprise_context, institute_context, official_context):
            context.close()
    assert errors == []
