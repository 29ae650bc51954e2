"""Search and matching pages in a real Chromium against the real app, its demo data and a fresh
index (the outbox indexes every demo posting at start-up): an enterprise reads the capabilities
recommended for its challenge and why; a research institute reads its recommendations feed; a
visitor searches with facet counts.

Nothing here changes the shared database: every test only reads (signing in creates a token,
which no other test looks at)."""

import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e

PASSWORD = "TechMatch-2027"
SEPARATOR = "高安全动力电池陶瓷涂覆隔膜研发"  # tianneng's challenge (demo data)
BOEHMITE = "勃姆石陶瓷涂覆隔膜制备技术"  # taihu_lab's capability that answers it
KIND_LABELS = {"challenge": "榜单", "need": "需求", "capability": "能力成果"}
# The UI waits this long at most; the matches section retries by itself while the index is built.
WAIT_MS = 60_000


def api(server: str, path: str) -> tuple[int, dict]:
    request = urllib.request.Request(server + path, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


def challenge_id(server: str, title: str) -> int:
    status, body = api(server, "/api/challenges/?page_size=200")
    assert status == 200, body
    ids = [c["id"] for c in body["results"] if c["title"] == title]
    assert ids, f"the demo data has no challenge {title!r}"
    return ids[0]


def new_page(browser, errors: list[str], width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = context.new_page()
    page.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    return context, page


def sign_in(page, server: str, username: str) -> None:
    page.goto(server + "/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name=re.compile(r"^登\s*录$")).click()
    page.get_by_test_id("user-menu").filter(has_text=username).wait_for(timeout=30_000)


def test_an_enterprise_sees_the_capabilities_recommended_for_its_challenge_and_why(server, browser):
    separator = challenge_id(server, SEPARATOR)
    errors: list[str] = []
    context, page = new_page(browser, errors)
    sign_in(page, server, "tianneng")

    page.goto(f"{server}/challenges/{separator}")
    page.get_by_role("heading", level=1, name=SEPARATOR).wait_for(timeout=30_000)
    section = page.get_by_role("region", name="推荐的能力与机构")
    section.wait_for(timeout=30_000)
    card = section.get_by_test_id("match-card").filter(has=page.get_by_role("link", name=BOEHMITE))
    card.wait_for(timeout=WAIT_MS)

    # Shared terms: as tags, and marked in the capability's title and snippet.
    terms = card.get_by_test_id("shared-term").all_inner_texts()
    assert "隔膜" in terms, terms
    marked = card.get_by_test_id("term-hit").all_inner_texts()
    assert any("隔膜" in text for text in marked), marked
    title_marks = card.get_by_role("heading", level=4).locator("mark").all_inner_texts()
    assert title_marks and all(text in BOEHMITE for text in title_marks), title_marks
    assert (
        card.locator("mark.term-hit").first.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    )

    # Which of the challenge's indicators the capability addresses, with the sentence that says so.
    coverage = card.get_by_test_id("indicator-coverage")
    assert "150℃热收缩率" in coverage.inner_text()
    assert card.get_by_test_id("coverage-mark").first.get_attribute("data-addressed") == "true"
    assert "热收缩率低于2%" in card.get_by_test_id("coverage-evidence").first.inner_text()
    # A calibrated strength, never a raw cosine (that stays in the tooltip).
    strength = card.get_by_test_id("match-strength")
    assert strength.get_attribute("data-strength") in ("strong", "possible")
    assert re.search(r"强匹配|可能相关", strength.inner_text()), strength.inner_text()
    assert not re.search(r"0\.\d{3}", strength.inner_text()), strength.inner_text()
    # The institute behind it is listed too.
    assert "南太湖先进材料研究院" in section.get_by_test_id("match-institutes").inner_text()
    card.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "matching-challenge-matches-1280.png"), full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    card.get_by_test_id("indicator-coverage").wait_for()
    page.screenshot(path=str(ARTIFACTS / "matching-challenge-matches-390.png"), full_page=True)

    context.close()
    assert errors == []


def test_an_institute_finds_the_challenge_in_its_recommendations(server, browser):
    errors: list[str] = []
    context, page = new_page(browser, errors)
    sign_in(page, server, "taihu_lab")

    # The header links an institute to its feed.
    page.get_by_test_id("header-recommendations").click()
    page.get_by_role("heading", level=1, name="为我推荐").wait_for(timeout=30_000)
    item = page.get_by_test_id("recommendation").filter(has=page.get_by_role("link", name=SEPARATOR, exact=True))
    item.wait_for(timeout=WAIT_MS)
    assert BOEHMITE in item.get_by_test_id("recommendation-capability").inner_text()
    assert "隔膜" in item.get_by_test_id("shared-term").all_inner_texts()
    assert item.get_by_test_id("term-hit").count() > 0
    page.screenshot(path=str(ARTIFACTS / "matching-recommendations-1280.png"), full_page=True)

    # Its bids and its notifications are one click away in the account menu.
    page.get_by_test_id("user-menu").click()
    page.get_by_role("link", name="我的揭榜").click()
    page.get_by_role("heading", level=1, name="我的揭榜").wait_for(timeout=30_000)
    page.get_by_test_id("my-bid").first.wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "matching-my-bids-1280.png"), full_page=True)
    page.goto(server + "/notifications")
    page.get_by_role("heading", level=1, name="通知").wait_for(timeout=30_000)
    page.get_by_test_id("notification-bell").wait_for()
    page.screenshot(path=str(ARTIFACTS / "matching-notifications-1280.png"), full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "/recommendations")
    page.get_by_test_id("recommendation").first.wait_for(timeout=WAIT_MS)
    page.screenshot(path=str(ARTIFACTS / "matching-recommendations-390.png"), full_page=True)

    context.close()
    assert errors == []


def test_a_visitor_searches_and_sees_facet_counts(server, browser):
    status, expected = api(server, "/api/search/?" + urllib.parse.urlencode({"q": "隔膜"}))
    assert status == 200 and expected["count"] > 0, expected

    errors: list[str] = []
    context, page = new_page(browser, errors)
    page.goto(server + "/")
    # From the header's box to the search page.
    header_search = page.get_by_role("search", name="搜索榜单、需求和能力成果")
    header_search.get_by_role("searchbox").fill("隔膜")
    header_search.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=%E9%9A%94%E8%86%9C$"))

    hits = page.get_by_test_id("search-hit")
    hits.first.wait_for(timeout=30_000)
    assert page.get_by_test_id("search-count").inner_text() == f"“隔膜”共 {expected['count']} 条结果"
    titles = hits.get_by_role("heading", level=2).all_inner_texts()
    assert SEPARATOR in titles and BOEHMITE in titles, titles
    assert page.locator("[data-testid=search-hit] mark.term-hit").filter(has_text="隔膜").count() > 0

    # Every kind the API counted is shown with its count.
    for kind, count in expected["facets"]["kind"].items():
        assert page.get_by_role("checkbox", name=f"{KIND_LABELS[kind]}({count})").is_visible(), kind
    assert page.get_by_role("checkbox", name=re.compile(r"^新能源汽车\(\d+\)$")).is_visible()
    page.screenshot(path=str(ARTIFACTS / "matching-search-1280.png"), full_page=True)

    # Ticking a kind narrows the hits and goes into the URL.
    capabilities = expected["facets"]["kind"]["capability"]
    # (click, not check: the box follows the URL, which the router updates a moment later)
    page.get_by_role("checkbox", name=f"能力成果({capabilities})").click()
    page.wait_for_url(re.compile(r"kind=capability"))
    page.locator("[data-testid=facet-kind-capability]:checked").wait_for(timeout=10_000)
    # (The API's relevance cut-off is relative to the best hit among the filtered postings, so the
    # filtered count can exceed the facet's count: compare with what the API answers for the filter.)
    status, filtered = api(server, "/api/search/?" + urllib.parse.urlencode({"q": "隔膜", "kind": "capability"}))
    assert status == 200, filtered
    page.get_by_test_id("search-count").filter(has_text=f"共 {filtered['count']} 条结果").wait_for(timeout=30_000)
    assert set(hits.locator("[data-testid=posting-kind]").all_inner_texts()) == {"能力成果"}

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    hits.first.wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "matching-search-390.png"), full_page=True)

    context.close()
    assert errors == []


def test_the_new_pages_are_served_as_the_app(server):
    for path in ("/search?q=%E9%9A%94%E8%86%9C", "/recommendations", "/my-bids", "/notifications"):
        request = urllib.request.Request(server + path)
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200 and response.headers["Content-Type"].startswith("text/html"), path
            assert b'<div id="root">' in response.read(), path
