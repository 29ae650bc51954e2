"""The marketplace pages in a real Chromium against the real app and its demo data: an enterprise
reads its challenge's indicators; a research institute meets the confidentiality notice of a
summary-only challenge, accepts the terms and then sees the details.

The server (and its database) is shared by every test of the session, so nothing here assumes
a state another test may change: before accepting the terms, the test asks the API whether its
institute already has, and if so uses a freshly registered and verified institute instead."""

import json
import re
import secrets
import urllib.error
import urllib.request

import pytest

from tests.e2e.conftest import ARTIFACTS, fetch

pytestmark = pytest.mark.e2e

PASSWORD = "TechMatch-2027"
SEPARATOR = "高安全动力电池陶瓷涂覆隔膜研发"  # public, owned by tianneng (demo data)
CHASSIS = "智能网联汽车线控底盘域控制器"  # summary only: details after accepting the terms
NOTICE = "需签署保密条款后查看详情"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


# --- the API, for checking state before acting ----------------------------------------------


def api(server: str, method: str, path: str, body: dict | None = None, token: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(
        server + path, method=method, data=json.dumps(body).encode() if body is not None else None
    )
    request.add_header("Content-Type", "application/json")
    request.add_header("Accept", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


def token_for(server: str, username: str, password: str = PASSWORD) -> str:
    status, body = api(server, "POST", "/api/auth/token/", {"username": username, "password": password})
    assert status == 200, body
    return body["token"]


def challenge_id(server: str, title: str) -> int:
    status, body = api(server, "GET", "/api/challenges/?page_size=200")
    assert status == 200, body
    ids = [c["id"] for c in body["results"] if c["title"] == title]
    assert ids, f"the demo data has no challenge {title!r}"
    return ids[0]


def uscc_with_check(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]


def institute_that_has_not_accepted(server: str, challenge: int) -> tuple[str, str]:
    """taihu_lab if it has not accepted the terms of `challenge` yet; otherwise a new institute,
    registered and verified (by the operator) for this test alone."""
    status, body = api(server, "GET", f"/api/challenges/{challenge}/", token=token_for(server, "taihu_lab"))
    assert status == 200, body
    if not body["details_visible"]:
        return "taihu_lab", PASSWORD
    username = f"e2e_lab_{secrets.token_hex(4)}"
    code = uscc_with_check("12330500MB" + "".join(secrets.choice(USCC_ALPHABET) for _ in range(7)))
    status, body = api(
        server,
        "POST",
        "/api/auth/register/",
        {
            "username": username,
            "password": PASSWORD,
            "organisation": {
                "name": f"端到端测试研究院 {username}",
                "kind": "institute",
                "institute_type": "new_rd",
                "uscc": code,
                "region": "nantaihu",
            },
        },
    )
    assert status == 201, body
    status, verified = api(
        server,
        "POST",
        f"/api/organisations/{body['user']['organisation']['id']}/verify/",
        {"approved": True, "note": "e2e"},
        token=token_for(server, "operator"),
    )
    assert status == 200, verified
    return username, PASSWORD


# --- the browser ----------------------------------------------------------------------------


def new_page(browser, errors: list[str], width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    page.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    return context, page


def sign_in(page, server: str, username: str, password: str) -> None:
    page.goto(server + "/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name=re.compile(r"^登\s*录$")).click()
    page.get_by_test_id("user-menu").filter(has_text=username).wait_for(timeout=30_000)


def open_challenge_from_list(page, server: str, title: str) -> None:
    page.goto(server + "/challenges")
    page.get_by_test_id("challenge-card").first.wait_for(timeout=30_000)
    page.get_by_role("link", name=title, exact=True).click()
    page.get_by_role("heading", level=1, name=title).wait_for(timeout=30_000)


def test_an_enterprise_reads_the_indicators_of_its_challenge(server, browser):
    errors: list[str] = []
    context, page = new_page(browser, errors)
    sign_in(page, server, "tianneng", PASSWORD)
    assert "长兴新能动力电池材料有限公司" in page.get_by_test_id("user-menu").inner_text()

    page.goto(server + "/challenges")
    cards = page.get_by_test_id("challenge-card")
    cards.first.wait_for(timeout=30_000)
    assert page.get_by_text(re.compile(r"^共 \d+ 个榜单$")).is_visible()
    separator_card = cards.filter(has_text=SEPARATOR)
    assert "300万元" in separator_card.inner_text()
    page.screenshot(path=str(ARTIFACTS / "marketplace-challenges-1280.png"), full_page=True)

    separator_card.get_by_role("link", name=SEPARATOR).click()
    table = page.get_by_test_id("indicators-table")
    table.wait_for(timeout=30_000)
    text = table.inner_text()
    for expected in ("150℃热收缩率", "≤2", "穿刺强度", "≥500", "gf"):
        assert expected in text, text
    assert page.get_by_test_id("challenge-status").inner_text() in {
        "揭榜中",
        "已截止",
        "已定榜",
        "攻关中",
        "已验收",
        "未通过验收",
        "已撤榜",
    }
    # The owner compares the bids side by side.
    page.get_by_test_id("bids-comparison").wait_for(timeout=30_000)
    page.get_by_test_id("challenge-history").wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "marketplace-challenge-indicators-1280.png"), full_page=True)

    # antd's own strings follow the UI language in the production bundle too (they once did not).
    page.goto(server + "/challenges/new")
    page.get_by_test_id("challenge-form").wait_for(timeout=30_000)
    assert page.get_by_label("揭榜截止时间").get_attribute("placeholder") == "请选择日期"

    context.close()
    assert errors == []


def test_an_institute_accepts_the_confidentiality_terms_and_sees_the_details(server, browser):
    chassis = challenge_id(server, CHASSIS)
    username, password = institute_that_has_not_accepted(server, chassis)

    errors: list[str] = []
    context, page = new_page(browser, errors)
    sign_in(page, server, username, password)
    open_challenge_from_list(page, server, CHASSIS)

    notice = page.get_by_test_id("confidentiality-notice")
    notice.wait_for(timeout=30_000)
    assert NOTICE in notice.inner_text()
    assert page.get_by_text("线控制动与转向的域控制器软硬件研发").is_visible()  # the public summary
    assert page.get_by_test_id("indicators-table").count() == 0
    page.screenshot(path=str(ARTIFACTS / "marketplace-confidential-notice-1280.png"), full_page=True)

    notice.get_by_role("button", name="接受保密条款并查看详情").click()
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    assert "保密条款" in dialog.inner_text()
    dialog.get_by_role("button", name="接受并查看").click()

    table = page.get_by_test_id("indicators-table")
    table.wait_for(timeout=30_000)
    dialog.wait_for(state="hidden")
    assert "ASIL-D" in table.inner_text()
    assert "功能安全等级" in table.inner_text()
    assert "ASIL-D功能安全等级" in page.get_by_test_id("challenge-description").inner_text()
    assert page.get_by_test_id("confidentiality-notice").count() == 0
    page.screenshot(path=str(ARTIFACTS / "marketplace-confidential-accepted-1280.png"), full_page=True)

    # The acceptance is recorded by the server: a reload still shows the details, also on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.get_by_test_id("indicators-table").wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "marketplace-confidential-accepted-390.png"), full_page=True)
    status, body = api(server, "GET", f"/api/challenges/{chassis}/", token=token_for(server, username, password))
    assert status == 200 and body["details_visible"] is True, body

    context.close()
    assert errors == []


def test_the_marketplace_routes_are_served_as_the_app(server):
    for path in (
        "/login",
        "/register",
        "/challenges/new",
        "/challenges/1",
        "/challenges/1/edit",
        "/needs/new",
        "/capabilities/5",
    ):
        status, headers, body = fetch(server + path)
        assert status == 200 and headers["Content-Type"].startswith("text/html"), path
        assert b'<div id="root">' in body, path
