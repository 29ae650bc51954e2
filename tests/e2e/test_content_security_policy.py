"""The Content-Security-Policy (config/settings/base.py) holds for the whole app in Chromium: every
client-side route of frontend/src/app/router.tsx, anonymous and signed in, a dialog opened (antd
writes a scroll-lock <style> for it), the API docs and the admin. A page passes when it rendered
and the browser reported no violation: neither a `securitypolicyviolation` event nor a console
message about the policy."""

import json
import re
import urllib.request

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import ARTIFACTS
from tests.services import REPO_DIR

pytestmark = pytest.mark.e2e

PASSWORD = "TechMatch-2027"
USER = "operator"  # the platform operator reaches every page: ledger, dashboard, imports, targets
UI_MS = 60_000
ROUTER = REPO_DIR / "frontend" / "src" / "app" / "router.tsx"
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
});
"""


def client_routes() -> list[str]:
    """The router's paths, as the app's users reach them ('*' is any unknown path)."""
    paths = re.findall(r"path: '([^']+)'", ROUTER.read_text(encoding="utf-8"))
    assert "challenges/:id" in paths, "router.tsx changed shape: update this parser"
    return ["/"] + ["/no-such-page" if p == "*" else "/" + p for p in paths if p != "/"]


def first_id(server: str, token: str, path: str) -> int:
    request = urllib.request.Request(
        server + path, headers={"Authorization": f"Token {token}", "Accept": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        results = json.loads(response.read())["results"]
    return results[0]["id"] if results else 1  # none yet: the page's "not found" state renders instead


def token_for(server: str, username: str) -> str:
    request = urllib.request.Request(
        server + "/api/auth/token/",
        method="POST",
        headers={"Content-Type": "application/json"},
        data=json.dumps({"username": username, "password": PASSWORD}).encode(),
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["token"]


def concrete(route: str, ids: dict[str, int]) -> str:
    section = route.split("/")[-2] if route.endswith(":id") else route.split("/")[1]
    return route.replace(":id", str(ids.get(section, 1)))


class Browser:
    """One browser context; every page load is checked for policy violations and page errors."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        self.context.set_default_timeout(UI_MS)
        self.context.add_init_script(LISTEN)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.page.on("console", lambda m: self.console.append(m.text) if "Content Security Policy" in m.text else None)
        self.page.on("pageerror", lambda exc: self.console.append(f"page error: {exc}"))

    def violations(self) -> list[str]:
        found = self.page.evaluate("window.__csp || []") + self.console
        self.console = []
        return found

    def visit(self, url: str, ready: str) -> list[str]:
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        try:
            self.page.locator(ready).first.wait_for(state="visible")
        except PlaywrightTimeout as exc:
            raise AssertionError(f"{url} did not render {ready!r}; violations: {self.violations()}") from exc
        return self.violations()

    def sign_in(self, server: str) -> None:
        self.visit(server + "/login", "form")
        self.page.get_by_label("用户名").fill(USER)
        self.page.get_by_label("密码").fill(PASSWORD)
        self.page.get_by_role("button", name=re.compile(r"^登\s*录$")).click()
        self.page.get_by_test_id("user-menu").filter(has_text=USER).wait_for()

    def close(self) -> None:
        self.context.close()


def rendered_app(page) -> bool:
    return bool(page.locator("#main-content").inner_text().strip())


@pytest.fixture
def ids(server) -> dict[str, int]:
    token = token_for(server, USER)
    return {
        name: first_id(server, token, f"/api/{api}/")
        for name, api in [
            ("challenges", "challenges"),
            ("needs", "needs"),
            ("capabilities", "capabilities"),
            ("deals", "deals"),
            ("imports", "deals/imports"),
        ]
    }


def test_the_policy_is_sent_with_the_app(server):
    with urllib.request.urlopen(server + "/challenges", timeout=60) as response:
        policy = response.headers["Content-Security-Policy"]

    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy, policy


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_every_client_side_route_renders_without_a_violation(server, browser, ids, signed_in):
    visitor = Browser(browser)
    found: dict[str, list[str]] = {}
    try:
        if signed_in:
            visitor.sign_in(server)
        for route in client_routes():
            url = server + concrete(route, ids)
            problems = visitor.visit(url, "#main-content")
            assert rendered_app(visitor.page), f"{url} rendered nothing"
            if problems:
                found[url] = problems
        visitor.page.screenshot(path=str(ARTIFACTS / f"csp-last-route-{'user' if signed_in else 'anonymous'}.png"))
    finally:
        visitor.close()

    assert found == {}


def test_a_dialog_opens_without_a_violation(server, browser):
    """antd locks the page's scrolling under a modal or drawer with a <style> it writes without
    ConfigProvider's nonce: the reason style-src allows inline styles."""
    visitor = Browser(browser)
    try:
        visitor.page.set_viewport_size({"width": 390, "height": 844})  # the phone header: menu in a drawer
        visitor.visit(server + "/", "#main-content")
        visitor.page.get_by_role("button", name="打开导航菜单").click()
        visitor.page.locator("#main-nav-drawer").wait_for(state="visible")
        locked = visitor.page.evaluate("getComputedStyle(document.body).overflowY")
        problems = visitor.violations()
    finally:
        visitor.close()

    assert problems == []
    assert locked == "hidden"


def test_the_api_docs_render_without_a_violation(server, browser):
    visitor = Browser(browser)
    try:
        problems = visitor.visit(server + "/api/docs/", ".swagger-ui .opblock")
        visitor.page.screenshot(path=str(ARTIFACTS / "csp-api-docs.png"))
    finally:
        visitor.close()

    assert problems == []


def test_the_admin_renders_without_a_violation(server, browser):
    visitor = Browser(browser)
    try:
        problems = visitor.visit(server + "/admin/login/", "#login-form")
        visitor.page.fill("#id_username", USER)
        visitor.page.fill("#id_password", PASSWORD)
        visitor.page.click("input[type=submit]")
        visitor.page.locator("#content-main").wait_for()
        problems += visitor.violations()
        problems += visitor.visit(server + "/admin/accounts/organisation/", "#result_list")
    finally:
        visitor.close()

    assert problems == []


def test_a_file_download_works_under_the_policy(server, browser):
    """Files with the Authorization header are fetched as blobs and saved through a blob: link."""
    visitor = Browser(browser)
    try:
        visitor.sign_in(server)
        visitor.visit(server + "/dashboard/imports", '[data-testid="import-upload"]')
        with visitor.page.expect_download() as download:
            visitor.page.get_by_role("button", name="下载导入模板（CSV）").click()
        name = download.value.suggested_filename
        problems = visitor.violations()
    finally:
        visitor.close()

    assert name.endswith(".csv") and problems == []
