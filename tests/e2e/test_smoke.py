"""Start TechMatch the way `make run` does (the Makefile's `serve` target) and use it over HTTP
and in a real Chromium."""
import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.services import IN_CI, REPO_DIR, free_port, unavailable

pytestmark = pytest.mark.e2e
ARTIFACTS = REPO_DIR / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not (REPO_DIR / "frontend" / "dist" / "index.html").is_file():
        pytest.fail("frontend/dist is not built: `make test` builds it before running pytest")
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "serve.log"
    env = {**os.environ, "TECHMATCH_VAR_DIR": str(log.parent), "PORT": str(port)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    with log.open("w") as out:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=REPO_DIR, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"`make serve` exited with {proc.returncode}:\n{log.read_text()}")
        try:
            fetch(base + "/api/health/")
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    else:
        pytest.fail(f"the server did not answer within 180s:\n{log.read_text()}")
    yield base
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)
    assert f"http://127.0.0.1:{port}/" in log.read_text()  # `make run` prints where it serves


def test_the_health_endpoint_is_healthy(server):
    status, _, body = fetch(server + "/api/health/")

    report = json.loads(body)
    assert status == 200, report
    assert {name: check["status"] for name, check in report["checks"].items()} == {
        "database": "ok", "broker": "ok", "search": "ok", "encoder": "ok",
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


def test_the_status_page_renders_the_health_checks_in_chromium(server):
    if not Path(CHROMIUM).exists():
        unavailable("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
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
        browser.close()
    assert errors == []
