"""Stored XSS: script stored in every text field a user can write renders as inert text.

Through the real API, an enterprise posts a challenge and a need, an institute a capability and a
bid, and an official an offline contract (registered, so the dashboard's top buyers and their chart
tooltips carry it), each with HTML and script in every text field. Chromium then opens every page
that shows those fields — lists, search, details, bids side by side, the recommendations feed, my
bids, the contract's ledger, the dashboard and its drill-down — as the users who see them. No
payload may run (it would set `window.__xss` or open a dialog), and the payload must be on the page
as text, so the test cannot pass by not showing the fields at all."""

import json
import re
import secrets
import urllib.error
import urllib.request
from datetime import UTC, date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_journey import PASSWORD, UI_MS, new_page, sign_in
from tests.factories.accounts import make_uscc

pytestmark = pytest.mark.e2e

SERIAL = secrets.randbelow(9000) + 1000
MARK = f"注入测试{SERIAL}"
# Long fields: an element with an event handler, a script element, and a quote that closes an attribute.
LONG = f'{MARK}<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>"\'><svg onload=window.__xss=1>'
SHORT = "<svg onload=window.__xss=1>"  # for fields of at most 30 characters
VISIBLE = "<img src=x onerror="  # what a reader sees of LONG, as text


def api(server: str, method: str, path: str, token: str | None = None, body: dict | None = None) -> dict:
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    request = urllib.request.Request(
        server + path, method=method, headers=headers, data=json.dumps(body).encode() if body is not None else None
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as err:
        raise AssertionError(f"{method} {path}: {err.code} {err.read()[:500]!r}") from None


def token(server: str, username: str) -> str:
    return api(server, "POST", "/api/auth/token/", body={"username": username, "password": PASSWORD})["token"]


@pytest.fixture(scope="module")
def stored(server):
    """Everything the payload is stored in, created through the API."""
    enterprise, institute, official = (token(server, u) for u in ("tianneng", "taihu_lab", "kjj"))
    deadline = (datetime.now(UTC) + timedelta(days=60)).isoformat()
    challenge = api(
        server,
        "POST",
        "/api/challenges/",
        enterprise,
        {
            "title": f"陶瓷隔膜涂覆工艺攻关{LONG}",
            "summary": LONG,
            "description": f"动力电池陶瓷涂覆隔膜热收缩率控制。{LONG}",
            "industry": "new_energy_vehicle",
            "list_type": "leading",
            "keywords": [SHORT, "陶瓷隔膜"],
            "indicators": [{"name": LONG[:60], "target": SHORT, "unit": "<b>%</b>"}],
            "bounty": "3000000.00",
            "funding_mode": "enterprise",
            "mode": "jiebang",
            "bid_deadline": deadline,
            "confidentiality": "public",
        },
    )
    api(server, "POST", f"/api/challenges/{challenge['id']}/publish/", enterprise, {})
    need = api(
        server,
        "POST",
        "/api/needs/",
        enterprise,
        {
            "title": f"隔膜涂布车间粉尘治理{LONG}",
            "description": LONG,
            "industry": "new_energy_vehicle",
            "keywords": [SHORT],
            "budget_min": "300000.00",
            "budget_max": "800000.00",
            "cooperation_type": "development",
            "publish": True,
        },
    )
    capability = api(
        server,
        "POST",
        "/api/capabilities/",
        institute,
        {
            "title": f"勃姆石陶瓷涂覆隔膜{LONG}",
            "description": f"水性陶瓷浆料与微凹版涂布。{LONG}",
            "industry": "new_energy_vehicle",
            "kind": "achievement",
            "keywords": [SHORT],
            "trl": 6,
            "patents": [SHORT],
            "team": LONG,
            "cooperation_types": ["development"],
            "publish": True,
        },
    )
    bid = api(
        server,
        "POST",
        f"/api/challenges/{challenge['id']}/bids/",
        institute,
        {
            "proposal": LONG,
            "approach": LONG,
            "price": "2800000.00",
            "duration_days": 300,
            "milestones": [{"title": LONG[:100], "due_day": 90, "deliverable": LONG}],
        },
    )
    deal = api(
        server,
        "POST",
        "/api/deals/",
        official,
        {
            "contract_number": f"XSS{date.today().year}{SERIAL}{secrets.randbelow(10**6):06d}",
            "title": LONG,
            "contract_type": "development",
            # Large enough to lead the top sellers over the demo's year of contracts.
            "contract_amount": "1234567890.12",
            "signed_on": date.today().isoformat(),
            "buyer": {
                "name": LONG[:120],
                "uscc": make_uscc(880_000 + SERIAL, prefix="91330522"),
                "region": "changxing",
            },
            "seller": {
                "name": f"南太湖研究院{SHORT}",
                "uscc": make_uscc(890_000 + SERIAL, prefix="12330500"),
                "region": "nantaihu",
            },
            "note": LONG,
        },
    )
    api(
        server,
        "POST",
        f"/api/deals/{deal['id']}/register/",
        official,
        {
            "registration_number": f"XSS-{SERIAL}",
            "registered_on": date.today().isoformat(),
            "reason": LONG[:200],
        },
    )
    return {
        "challenge": challenge["id"],
        "need": need["id"],
        "capability": capability["id"],
        "bid": bid["id"],
        "deal": deal["id"],
    }


def visit_and_check(page, server: str, path: str, *, expect_text: str = VISIBLE) -> None:
    page.goto(server + path)
    expect(page.get_by_text(expect_text, exact=False).first).to_be_visible(timeout=UI_MS)
    page.wait_for_timeout(500)  # an onerror handler fires after the image fails to load
    assert page.evaluate("() => window.__xss") is None, f"a stored payload ran on {path}"


@pytest.mark.parametrize(
    ("user", "paths"),
    [
        (
            "tianneng",
            [
                "/challenges/{challenge}",
                "/challenges?status=published",
                "/needs/{need}",
                "/capabilities/{capability}",
                "/search?q=陶瓷涂覆隔膜",
            ],
        ),
        ("taihu_lab", ["/my-bids", "/challenges/{challenge}"]),
        ("kjj", ["/deals/{deal}", "/deals"]),
    ],
    ids=["enterprise", "institute", "official"],
)
def test_stored_html_and_script_render_as_inert_text(server, browser, stored, user, paths):
    errors: list[str] = []
    context, page = new_page(browser, errors)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        sign_in(page, server, user)
        for path in paths:
            visit_and_check(page, server, path.format(**stored))
        if user == "kjj":  # the seller among the top sellers, and the drill-down listing its contract
            page.goto(server + f"/dashboard?year={date.today().year}")
            seller = f"南太湖研究院{SHORT}"
            expect(page.get_by_text(seller).first).to_be_visible(timeout=UI_MS)
            page.get_by_text(seller).first.hover()
            page.get_by_role("button", name=re.compile(re.escape(seller))).first.click()
            expect(page.get_by_role("dialog").get_by_text(VISIBLE).first).to_be_visible(timeout=UI_MS)
            page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / f"xss-{user}.png"), full_page=True)
        assert page.evaluate("() => window.__xss") is None
        assert dialogs == []
    finally:
        context.close()
    assert not [e for e in errors if "__xss" in e], errors
