"""Start TechMatch the way `make run` does (the Makefile's `serve` target) and use it over HTTP
and in a real Chromium."""

import json
import re

import pytest

from tests.e2e.conftest import ARTIFACTS, fetch
from tests.services import IN_CI

pytestmark = pytest.mark.e2e


def test_the_health_endpoint_is_healthy(server):
    status, _, body = fetch(server + "/api/health/")

    report = json.loads(body)
    assert status == 200, report
    assert {name: check["status"] for name, check in report["checks"].items()} == {
        "database": "ok",
        "broker": "ok",
        "search": "ok",
        "encoder": "ok",
    }
    if IN_CI:
        assert report["checks"]["database"]["vendor"] == "postgresql"
        assert report["checks"]["broker"]["mode"] == "redis"


def test_the_front_end_and_its_assets_are_served(server):
    status, headers, body = fetch(server + "/")
    html = body.decode()

    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assets = re.findall(r'(?:src|href)="(/static/assets/[^"]+)"', html)
    assert assets, html
    for asset in assets:
        asset_status, asset_headers, _ = fetch(server + asset)
        assert asset_status == 200, asset
        assert "immutable" in asset_headers.get("Cache-Control", ""), asset


def test_a_client_side_route_gets_the_app_and_an_unknown_api_path_gets_json(server):
    assert fetch(server + "/challenges")[0] == 200
    status, headers, _ = fetch(server + "/api/does-not-exist/")
    assert status == 404 and headers["Content-Type"] == "application/json"


def test_the_status_page_renders_the_health_checks_in_chromium(server, browser):
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + "/status")
    for check in ("database", "broker", "search", "encoder"):
        page.locator(f'[data-testid="health-{check}"][data-status="ok"]').wait_for(timeout=30_000)
    assert page.get_by_text("所有检查均已通过").is_visible()
    page.screenshot(path=str(ARTIFACTS / "status-1280.png"), full_page=True)
    page.goto(server + "/")
    page.screenshot(path=str(ARTIFACTS / "home-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(ARTIFACTS / "home-390.png"), full_page=True)
    page.close()
    assert errors == []
